"""Read and write medications (with dose history and daily log) and events.

The only module that knows the shape of the ``medications``, ``medication_doses``,
``medication_days`` and ``events`` tables. A medication is read and written whole, as
one aggregate, so that an undo puts it back exactly.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from journal.domain.medications import Dose, Event, Medication, MedicationDay

if TYPE_CHECKING:
    from sqlite_utils import Database

_MED = "SELECT name, as_needed, schedule, reason, notes, start, stop FROM medications"
_DOSES = "SELECT medication, date, strength, unit FROM medication_doses ORDER BY date"
_DAYS = "SELECT medication, date, count, times, status FROM medication_days ORDER BY date"
_EVENTS = "SELECT date, kind, until, note FROM events"


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


class TreatmentStore:
    """Medications and events in a journal database.

    Parameters
    ----------
    db
        An open journal (sqlite-utils `Database`); reading also works on a plain
        ``sqlite3`` connection. A journal without these tables (a stand-in while no
        journal is open) reads as having none.
    """

    def __init__(self, db: Database | sqlite3.Connection) -> None:
        self.db = db

    def _rows(self, query: str, params: Sequence[object] = ()) -> list[tuple]:
        try:
            return self.db.execute(query, list(params)).fetchall()
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return []
            raise

    # Medications -----------------------------------------------------------------------------
    def medications(self) -> list[Medication]:
        """Every medication, by start date then name."""
        doses: dict[str, list[Dose]] = defaultdict(list)
        for name, date, strength, unit in self._rows(_DOSES):
            doses[name.casefold()].append(Dose(_date(date), _number(strength), unit))
        days: dict[str, list[MedicationDay]] = defaultdict(list)
        for name, date, count, times, status in self._rows(_DAYS):
            days[name.casefold()].append(MedicationDay(_date(date), count,
                                                       tuple(json.loads(times)), status))
        found = [Medication(name=name, start=_date(start), stop=_date(stop),
                            as_needed=bool(as_needed), schedule=schedule, reason=reason,
                            notes=notes, doses=tuple(doses[name.casefold()]),
                            days=tuple(days[name.casefold()]))
                 for name, as_needed, schedule, reason, notes, start, stop
                 in self._rows(f"{_MED} ORDER BY start, name")]
        return found

    def medication(self, name: str) -> Medication | None:
        """The medication called *name* (any case), or None."""
        return next((m for m in self.medications() if m.key == name.strip().casefold()), None)

    def put_medications(self, medications: Iterable[Medication],
                        absent: Iterable[str] = ()) -> None:
        """Write each medication whole (replacing one of the same name) and remove the
        *absent* names, in one transaction."""
        with self.db.atomic():
            for name in absent:
                self.db.execute("DELETE FROM medications WHERE name = ?", [name])
            for med in medications:
                self.db.execute("DELETE FROM medications WHERE name = ?", [med.name])
                self.db.execute(
                    "INSERT INTO medications (name, as_needed, schedule, reason, notes, start, "
                    "stop) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [med.name, int(med.as_needed), med.schedule, med.reason, med.notes,
                     med.start.isoformat(), med.stop and med.stop.isoformat()])
                self.db.conn.executemany(
                    "INSERT INTO medication_doses (medication, date, strength, unit) "
                    "VALUES (?, ?, ?, ?)",
                    [[med.name, d.date.isoformat(), d.strength, d.unit] for d in med.doses])
                self.db.conn.executemany(
                    "INSERT INTO medication_days (medication, date, count, times, status) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [[med.name, d.date.isoformat(), d.count, json.dumps(list(d.times)),
                      d.status] for d in med.days])

    # Events ----------------------------------------------------------------------------------
    def events(self, start: dt.date | None = None, end: dt.date | None = None) -> list[Event]:
        """Events that overlap *start* to *end* (either may be open), oldest first."""
        found = [Event(_date(date), kind, _date(until), note)
                 for date, kind, until, note in self._rows(f"{_EVENTS} ORDER BY date, kind")]
        return [e for e in found if (start is None or e.last >= start)
                and (end is None or e.date <= end)]

    def event(self, key: tuple[dt.date, str]) -> Event | None:
        return next((e for e in self.events(key[0], key[0])
                     if e.key == key), None)

    def put_events(self, events: Iterable[Event],
                   absent: Iterable[tuple[dt.date, str]] = ()) -> None:
        """Write events (replacing one of the same date and kind) and remove the *absent*
        keys, in one transaction."""
        with self.db.atomic():
            for date, kind in absent:
                self.db.execute("DELETE FROM events WHERE date = ? AND kind = ?",
                                [date.isoformat(), kind])
            for e in events:
                self.db.execute("INSERT OR REPLACE INTO events (date, kind, until, note) "
                                "VALUES (?, ?, ?, ?)",
                                [e.date.isoformat(), e.kind, e.until and e.until.isoformat(),
                                 e.note])

    def counts(self) -> tuple[int, int]:
        """How many medications and events the journal holds."""
        meds = self._rows("SELECT count(*) FROM medications")
        events = self._rows("SELECT count(*) FROM events")
        return (meds[0][0] if meds else 0, events[0][0] if events else 0)


def _number(value: float | None) -> float | None:
    return None if value is None else (int(value) if float(value).is_integer() else value)
