"""One day as a plain record (dict): the shape of JSON exports and of ``--json`` output."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from journal.domain import MEASURE_KEYS, Activity, Entry, ValidationError
from journal.domain.dates import check_begun
from journal.domain.parse import parse_date

_UTC_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")

#: Keys of a day record, in output order (also the CSV columns). Documented in the README.
RECORD_KEYS = ("date", *MEASURE_KEYS, "activity_minutes", "activities", "tags", "notes",
               "created_at", "updated_at")
ACTIVITY_KEYS = ("kind", "minutes", "intensity")


def entry_record(entry: Entry) -> dict[str, object]:
    """The entry as a JSON-ready dict; unknown values are None (null)."""
    activities = None if entry.activities is None else [
        {"kind": a.kind, "minutes": a.minutes, "intensity": a.intensity} for a in entry.activities
    ]
    return {
        "date": entry.date.isoformat(), **{key: getattr(entry, key) for key in MEASURE_KEYS},
        "activity_minutes": entry.activity_minutes, "activities": activities,
        "tags": list(entry.tags), "notes": entry.notes,
        "created_at": entry.created_at, "updated_at": entry.updated_at,
    }


def record_entry(record: Mapping[str, object], latest: dt.date | None = None) -> Entry:
    """Build an entry from a record; raises ValidationError naming the first bad field.

    A date after *latest* (default: `latest_date()`) is refused: it has not begun anywhere.
    """
    unknown = sorted(set(record) - set(RECORD_KEYS))
    if unknown:
        raise ValidationError(unknown[0], unknown[0], "one of the fields " + ", ".join(RECORD_KEYS))
    date = record.get("date")
    if not isinstance(date, str):
        raise ValidationError("date", date, "an existing date written YYYY-MM-DD")
    activities = record.get("activities")
    if activities is not None:
        if not isinstance(activities, list):
            raise ValidationError("activity", activities, "a list of activities or null")
        activities = tuple(_activity(item) for item in activities)
    tags = record.get("tags") or []
    if not isinstance(tags, list):
        raise ValidationError("tags", tags, "a list of tags")
    entry = Entry(
        date=check_begun(parse_date(date), latest),
        **{key: record.get(key) for key in MEASURE_KEYS},
        activities=activities, tags=tuple(tags), notes=record.get("notes"),
        created_at=parse_timestamp("created_at", record.get("created_at")),
        updated_at=parse_timestamp("updated_at", record.get("updated_at")),
    )
    check_activity_minutes(entry, record.get("activity_minutes"))
    return entry


def check_activity_minutes(entry: Entry, given: object) -> None:
    """The derived total, when a file gives it, must agree with the activities."""
    if given is None or given == "" or given == entry.activity_minutes:
        return
    if entry.activity_minutes is None:
        raise ValidationError("activity_minutes", given, "a blank, as no activities are given")
    raise ValidationError("activity_minutes", given,
                          f"the total of the activities ({entry.activity_minutes}) or a blank")


def _activity(item: object) -> Activity:
    if not isinstance(item, Mapping) or set(item) - set(ACTIVITY_KEYS):
        raise ValidationError("activity", item, 'an object with "kind", "minutes", "intensity"')
    return Activity(item.get("kind"), item.get("minutes"), item.get("intensity"))  # type: ignore[arg-type]


def parse_timestamp(field: str, value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _UTC_TIME.fullmatch(value):
        raise ValidationError(field, value, "a UTC time written YYYY-MM-DDTHH:MM:SSZ or nothing")
    return value
