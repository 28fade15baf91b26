"""Medications and events as plain records (dicts): the shape of the JSON export's
``medications`` and ``events`` sections and of ``med list --json`` / ``event list --json``.

A medication record (keys in `MEDICATION_KEYS`) carries its current strength and unit,
its dose history ``changes`` (``date``, ``strength``, ``unit``; the first is the dose it
started at, on the start date, and each later one a dose change) and its daily log
``doses`` (``date``, ``count`` of as-needed doses, ``times``, ``status`` of a scheduled
dose). Documented in the README.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from journal.domain import ValidationError
from journal.domain.medications import Dose, Event, Medication, MedicationDay
from journal.domain.parse import parse_date

MEDICATION_KEYS = ("name", "strength", "unit", "as_needed", "schedule", "reason", "notes",
                   "start", "stop", "changes", "doses")
CHANGE_KEYS = ("date", "strength", "unit")
DOSE_KEYS = ("date", "count", "times", "status")
EVENT_KEYS = ("date", "until", "kind", "note")


def _iso(date: dt.date | None) -> str | None:
    return None if date is None else date.isoformat()


def medication_record(med: Medication, on: dt.date | None = None) -> dict[str, object]:
    """*med* as a JSON-ready dict; ``strength`` and ``unit`` as on *on* (default: the
    latest dose)."""
    dose = med.current if on is None else med.dose_on(on)
    return {
        "name": med.name, "strength": dose.strength, "unit": dose.unit,
        "as_needed": med.as_needed, "schedule": med.schedule, "reason": med.reason,
        "notes": med.notes, "start": _iso(med.start), "stop": _iso(med.stop),
        "changes": [{"date": _iso(d.date), "strength": d.strength, "unit": d.unit}
                    for d in med.doses],
        "doses": [{"date": _iso(d.date), "count": d.count, "times": list(d.times),
                   "status": d.status} for d in med.days],
    }


def event_record(event: Event) -> dict[str, object]:
    return {"date": _iso(event.date), "until": _iso(event.until), "kind": event.kind,
            "note": event.note}


def _keys(record: object, keys: tuple[str, ...], what: str) -> Mapping[str, object]:
    if not isinstance(record, Mapping):
        raise ValidationError(what, record, "an object with " + ", ".join(keys))
    unknown = sorted(set(record) - set(keys))
    if unknown:
        raise ValidationError(unknown[0], unknown[0], f"one of the {what} fields "
                              + ", ".join(keys))
    return record


def _date(field: str, value: object, *, required: bool = True) -> dt.date | None:
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise ValidationError(field, value, "an existing date written YYYY-MM-DD")
    try:
        return parse_date(value)
    except ValidationError:
        raise ValidationError(field, value, "an existing date written YYYY-MM-DD") from None


def record_medication(record: object) -> Medication:
    """A medication from its record; ValidationError names the first bad field."""
    record = _keys(record, MEDICATION_KEYS, "medication")
    start = _date("start", record.get("start"))
    changes = record.get("changes") or []
    doses = record.get("doses") or []
    if not isinstance(changes, list) or not isinstance(doses, list):
        raise ValidationError("changes", changes, "a list of dose changes")
    history = [_keys(c, CHANGE_KEYS, "dose change") for c in changes]
    rows = tuple(Dose(_date("date", c.get("date")), c.get("strength"), c.get("unit"))
                 for c in history) or (Dose(start, record.get("strength"), record.get("unit")),)
    days = []
    for item in doses:
        item = _keys(item, DOSE_KEYS, "dose")
        times = item.get("times") or []
        if not isinstance(times, list):
            raise ValidationError("time", times, "a list of times written HH:MM")
        days.append(MedicationDay(_date("date", item.get("date")), item.get("count"),
                                  tuple(times), item.get("status")))
    return Medication(name=record.get("name"), start=start, stop=_date(
        "stop", record.get("stop"), required=False), as_needed=record.get("as_needed", False),
        schedule=record.get("schedule"), reason=record.get("reason"),
        notes=record.get("notes"), doses=rows, days=tuple(days))


def record_event(record: object) -> Event:
    record = _keys(record, EVENT_KEYS, "event")
    return Event(_date("date", record.get("date")), record.get("kind"),
                 _date("until", record.get("until"), required=False), record.get("note"))
