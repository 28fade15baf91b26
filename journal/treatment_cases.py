"""The treatments' use cases, worked out before `journal.journal.Journal` writes them.

Each function reads the journal, checks the request and returns a `Planned` change: a
label and the records before and after, by section (``medications`` by name,
``events`` by date and kind), which the `Journal` writes with `put_snapshot` and hands
back as an `Edit`, so undo, redo and the window's views treat them like days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from journal.domain import ValidationError
from journal.domain.medications import Dose, Event, Medication, MedicationDay
from journal.storage.treatments import TreatmentStore

if TYPE_CHECKING:
    from journal.exchange import ImportPlan


class Planned(NamedTuple):
    label: str
    before: dict[str, dict[object, object]]
    after: dict[str, dict[object, object]]


def put_snapshot(db: object, snapshot: Mapping[str, Mapping[object, object]]) -> None:
    """Put the medications and events of *snapshot* as they are there (None: absent)."""
    store = TreatmentStore(db)
    meds = snapshot.get("medications", {})
    events = snapshot.get("events", {})
    with db.atomic():  # type: ignore[attr-defined]
        store.put_medications([m for m in meds.values() if m is not None],
                              [k for k, m in meds.items() if m is None])
        store.put_events([e for e in events.values() if e is not None],
                         [k for k, e in events.items() if e is None])


def _medication(store: TreatmentStore, name: str) -> Medication:
    found = store.medication(name)
    if found is None:
        names = [m.name for m in store.medications()]
        raise ValidationError("name", name, "the name of a medication in the journal ("
                              + (", ".join(names) if names else "none yet; add one with "
                                 "'med add'") + ")")
    return found


def _one(label: str, before: Medication | None, after: Medication | None, key: str) -> Planned:
    return Planned(label, {"medications": {key: before}}, {"medications": {key: after}})


def add_medication(store: TreatmentStore, med: Medication) -> Planned:
    if store.medication(med.name) is not None:
        raise ValidationError("name", med.name, "a name not yet in the journal (to change a "
                              "dose use 'med dose'; to stop it, 'med stop')")
    return _one(f"Add {med.name}", None, med, med.key)


def save_medication(store: TreatmentStore, med: Medication, old_name: str | None = None
                    ) -> Planned:
    """Replace a medication whole (the window's dialog); *old_name* when it was renamed."""
    key = (old_name or med.name).casefold()
    before = store.medication(old_name or med.name)
    if med.key != key and store.medication(med.name) is not None:
        raise ValidationError("name", med.name, "a name not yet in the journal")
    planned = _one(f"Save {med.name}", before, None if med.key != key else med, key)
    if med.key != key:
        planned.before["medications"][med.key] = None
        planned.after["medications"][med.key] = med
    return planned


def delete_medication(store: TreatmentStore, name: str) -> Planned:
    med = _medication(store, name)
    return _one(f"Delete {med.name}", med, None, med.key)


def change_dose(store: TreatmentStore, name: str, date: dt.date, strength: float,
                unit: str | None = None) -> Planned:
    """A new dated dose row (one the same day is replaced; earlier rows are kept)."""
    med = _medication(store, name)
    if date <= med.start:
        raise ValidationError("date", date.isoformat(), f"a date after the start ({med.start}); "
                              "the starting dose is set with 'med add'")
    if med.stop is not None and date >= med.stop:
        raise ValidationError("date", date.isoformat(), f"a date before the stop ({med.stop})")
    dose = Dose(date, strength, unit or med.dose_on(date).unit)
    doses = tuple(d for d in med.doses if d.date != date) + (dose,)
    return _one(f"Change the dose of {med.name}", med, replace(med, doses=doses), med.key)


def stop_medication(store: TreatmentStore, name: str, date: dt.date) -> Planned:
    med = _medication(store, name)
    if date < med.start or date <= med.doses[-1].date and len(med.doses) > 1:
        limit = max(med.start, med.doses[-1].date if len(med.doses) > 1 else med.start)
        raise ValidationError("date", date.isoformat(), f"a date on or after {limit}")
    return _one(f"Stop {med.name}", med, replace(med, stop=date), med.key)


def log_dose(store: TreatmentStore, name: str, date: dt.date, *, count: int = 1,
             time: str | None = None, status: str | None = None) -> Planned:
    """Add *count* as-needed doses on *date* (a scheduled medication: mark it *status*,
    "taken" by default)."""
    med = _medication(store, name)
    if not med.start <= date or (med.stop is not None and date >= med.stop):
        ends = f"{med.start} to {med.stop - dt.timedelta(days=1)}" if med.stop \
            else f"{med.start} or later"
        raise ValidationError("date", date.isoformat(), f"a day {med.name} was taken ({ends})")
    day = med.day(date) or MedicationDay(date)
    times = day.times + ((time,) if time else ())
    if med.as_needed and status is None:
        new = MedicationDay(date, (day.count or 0) + count, times, day.status)
        label = f"Log {count} dose{'s' if count != 1 else ''} of {med.name}"
    else:
        new = MedicationDay(date, day.count, times, status or "taken")
        label = f"Mark {med.name} {status or 'taken'}"
    return _one(label, med, med.with_day(new), med.key)


def add_event(store: TreatmentStore, event: Event) -> Planned:
    before = store.event(event.key)
    verb = "Change" if before is not None else "Add"
    return Planned(f"{verb} {event.kind} on {event.date}", {"events": {event.key: before}},
                   {"events": {event.key: event}})


def delete_event(store: TreatmentStore, key: tuple[dt.date, str]) -> Planned:
    before = store.event(key)
    if before is None:
        raise ValidationError("kind", key[1], f"an event on {key[0]}")
    return Planned(f"Delete {before.kind} on {before.date}", {"events": {key: before}},
                   {"events": {key: None}})


def import_snapshots(db: object, plan: ImportPlan) -> tuple[dict, dict]:
    """The medications and events an import writes, as they are now and will be."""
    store = TreatmentStore(db)
    before: dict[str, dict] = {}
    after: dict[str, dict] = {}
    meds = plan.sections.get("medications")
    if meds is not None and meds.to_write:
        before["medications"] = {m.key: store.medication(m.name) for m in meds.to_write}
        after["medications"] = {m.key: m for m in meds.to_write}
    events = plan.sections.get("events")
    if events is not None and events.to_write:
        before["events"] = {e.key: store.event(e.key) for e in events.to_write}
        after["events"] = {e.key: e for e in events.to_write}
    return before, after
