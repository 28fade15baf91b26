"""Turn what a person types (on the command line, in the form, in a CSV cell) into values.

Each function raises `ValidationError` naming the field, the value and what is accepted.
Numbers are ASCII digits only (``\\d`` and ``str.isdigit`` also take digits such as
"²" or "５", which ``int`` then refuses or reads unexpectedly) and of a sane length, since
``int`` refuses more than 4,300 digits with a plain ValueError.
"""

from __future__ import annotations

import datetime as dt
import re

from journal.domain.entry import INTENSITIES, MAX_MINUTES, SCALES, SLEEP_MAX_HOURS, Activity
from journal.domain.errors import ValidationError

#: More digits than any value of a day needs; longer numbers are refused before int().
MAX_DIGITS = 12
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE = re.compile(rf"\+?[0-9]{{1,{MAX_DIGITS}}}")
_DECIMAL = re.compile(r"[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+")
_CLOCK = re.compile(rf"([0-9]{{1,{MAX_DIGITS}}})(?::| ?h ?)([0-9]{{1,2}})(?: ?min)?")
_HOURS_ONLY = re.compile(rf"([0-9]{{1,{MAX_DIGITS}}}(?:[.,][0-9]{{1,{MAX_DIGITS}}})?) ?h")
_SLEEP_ACCEPTED = (f"hours from 0 to {SLEEP_MAX_HOURS} in quarter hours, such as 7.5, 7,5, "
                   "7:30, 7h30, 7 h 30 or 7 hours 30")
#: Words for hours after a number, said as "h": "6 hours", "7.5 hrs", "7 hours 30", "7hr30".
_HOUR_WORDS = re.compile(r"(?<=[0-9]) ?(?:hours|hour|hrs|hr)(?![a-z])")
#: Words for minutes at the end, once hours were named: "7h30m", "7 hours 30 minutes".
_MINUTE_WORDS = re.compile(r"(?<=[0-9]) ?(?:minutes|minute|mins|min|m)$")
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


def whole_number(text: str) -> int | None:
    """*text* (outer blanks ignored) as a whole number, or None when it is not one."""
    value = text.strip()
    return int(value) if _WHOLE.fullmatch(value) else None


def parse_scale(field: str, text: str) -> int | None:
    """Parse a rating such as pain or mood; a blank means not recorded."""
    if not text.strip():
        return None
    scale = SCALES[field]
    number = whole_number(text)
    if number is None or not scale.low <= number <= scale.high:
        raise ValidationError(field, text, scale.accepted)
    return number


def parse_sleep(text: str) -> float | None:
    """Parse hours of sleep written ``7.5``, ``7,5``, ``7:30``, ``7h30``, ``7 h 30``, ``7`` or in
    words (``6 hours``, ``7 hrs 30 min``); a blank is None.

    Sleep is kept in quarter hours. A value between two quarters (7.3, 7:20) is refused
    rather than silently rounded: the person decides what they meant.
    """
    value = " ".join(text.strip().lower().split())
    if not value:
        return None
    value = _HOUR_WORDS.sub("h", value)
    if "h" in value or ":" in value:
        value = _MINUTE_WORDS.sub("", value)
    if hours_only := _HOURS_ONLY.fullmatch(value):
        number = float(hours_only[1].replace(",", "."))
    elif clock := _CLOCK.fullmatch(value):
        hours, minutes = int(clock[1]), int(clock[2])
        if minutes >= 60:
            raise ValidationError("sleep_hours", text, _SLEEP_ACCEPTED)
        number = hours + minutes / 60
    elif _DECIMAL.fullmatch(value):
        number = float(value.replace(",", "."))
    else:
        raise ValidationError("sleep_hours", text, _SLEEP_ACCEPTED)
    if number > SLEEP_MAX_HOURS or number * 4 != round(number * 4):
        raise ValidationError("sleep_hours", text, _SLEEP_ACCEPTED)
    return number


def parse_activity(text: str) -> Activity:
    """Parse ``KIND:MINUTES[:INTENSITY]``, e.g. ``walking:30:moderate``."""
    parts = [part.strip() for part in text.split(":")]
    if len(parts) not in (2, 3) or not parts[0]:
        raise ValidationError("activity", text, "KIND:MINUTES or KIND:MINUTES:INTENSITY, "
                              "such as walking:30:moderate")
    kind, minutes = parts[0], whole_number(parts[1])
    if minutes is None:
        raise ValidationError("activity_minutes", parts[1],
                              f"a whole number of minutes from 1 to {MAX_MINUTES}")
    intensity = parts[2].lower() if len(parts) == 3 and parts[2] else None
    if intensity is not None and intensity not in INTENSITIES:
        raise ValidationError("activity_intensity", parts[2], "light, moderate or vigorous")
    return Activity(kind, minutes, intensity)


def format_activity(activity: Activity) -> str:
    """The inverse of `parse_activity`."""
    text = f"{activity.kind}:{activity.minutes}"
    return f"{text}:{activity.intensity}" if activity.intensity else text


def format_sleep(hours: float) -> str:
    """``7.5`` -> ``"7.5"``, ``7.0`` -> ``"7"``: the shortest exact decimal (files, exports)."""
    return f"{hours:g}"


def sleep_text(hours: float) -> str:
    """How sleep is shown to people: ``7.5`` -> ``"7 h 30"``, ``7.0`` -> ``"7 h"``.

    Decimal hours are easy to misread ("6.5" as 6 h 50); `parse_sleep` reads this back.
    """
    whole, minutes = divmod(round(hours * 60), 60)
    return f"{whole} h {minutes:02d}" if minutes else f"{whole} h"


def parse_measure(key: str, text: str) -> int | float | None:
    """Parse any measure as typed (a rating, or hours for sleep); a blank is None."""
    return parse_sleep(text) if key == "sleep_hours" else parse_scale(key, text)


def format_measure(key: str, value: int | float | None) -> str:
    """The inverse of `parse_measure`; None is a blank."""
    if value is None:
        return ""
    return format_sleep(value) if key == "sleep_hours" else str(value)
