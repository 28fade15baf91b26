"""Turn what a person types (on the command line, in the form, in a CSV cell) into values.

Each function raises `ValidationError` naming the field, the value and what is accepted.
"""

from __future__ import annotations

import datetime as dt
import re

from journal.domain.entry import INTENSITIES, SCALES, SLEEP_MAX_HOURS, Activity
from journal.domain.errors import ValidationError

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WHOLE = re.compile(r"[+]?\d+")
_DECIMAL = re.compile(r"\d+(?:[.,]\d*)?|[.,]\d+")
_CLOCK = re.compile(r"(\d+):(\d{1,2})")
_SLEEP_ACCEPTED = f"hours from 0 to {SLEEP_MAX_HOURS}, such as 7.5, 7,5 or 7:30"
#: The word that records "no exercise today" on the command line and in CSV files.
NO_ACTIVITY = "none"


def parse_date(text: str) -> dt.date:
    """Parse an ISO date (YYYY-MM-DD) that exists in the calendar."""
    value = text.strip()
    accepted = "an existing date written YYYY-MM-DD"
    if not _ISO_DATE.fullmatch(value):
        raise ValidationError("date", text, accepted)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError("date", text, accepted) from None


def parse_scale(field: str, text: str) -> int | None:
    """Parse a rating such as pain or mood; a blank means not recorded."""
    value = text.strip()
    if not value:
        return None
    scale = SCALES[field]
    if not _WHOLE.fullmatch(value) or not scale.low <= int(value) <= scale.high:
        raise ValidationError(field, text, scale.accepted)
    return int(value)


def parse_sleep(text: str) -> float | None:
    """Parse hours of sleep written ``7.5``, ``7,5``, ``7:30`` or ``7``; a blank is None."""
    value = text.strip()
    if not value:
        return None
    if clock := _CLOCK.fullmatch(value):
        hours, minutes = int(clock[1]), int(clock[2])
        if minutes >= 60:
            raise ValidationError("sleep_hours", text, _SLEEP_ACCEPTED)
        number = hours + minutes / 60
    elif _DECIMAL.fullmatch(value):
        number = float(value.replace(",", "."))
    else:
        raise ValidationError("sleep_hours", text, _SLEEP_ACCEPTED)
    if number > SLEEP_MAX_HOURS:
        raise ValidationError("sleep_hours", text, _SLEEP_ACCEPTED)
    return round(number * 4) / 4


def parse_activity(text: str) -> Activity:
    """Parse ``KIND:MINUTES[:INTENSITY]``, e.g. ``walking:30:moderate``."""
    parts = [part.strip() for part in text.split(":")]
    if len(parts) not in (2, 3) or not parts[0]:
        raise ValidationError("activity", text, "KIND:MINUTES or KIND:MINUTES:INTENSITY, "
                              "such as walking:30:moderate")
    kind, minutes = parts[0], parts[1]
    if not _WHOLE.fullmatch(minutes):
        raise ValidationError("activity_minutes", minutes, "a whole number of minutes from 1 to 1440")
    intensity = parts[2].lower() if len(parts) == 3 and parts[2] else None
    if intensity is not None and intensity not in INTENSITIES:
        raise ValidationError("activity_intensity", parts[2], "light, moderate or vigorous")
    return Activity(kind, int(minutes), intensity)


def format_activity(activity: Activity) -> str:
    """The inverse of `parse_activity`."""
    text = f"{activity.kind}:{activity.minutes}"
    return f"{text}:{activity.intensity}" if activity.intensity else text


def format_sleep(hours: float) -> str:
    """``7.5`` -> ``"7.5"``, ``7.0`` -> ``"7"``: the shortest exact decimal."""
    return f"{hours:g}"
