"""Read and write day entries. The only module that knows the tables' shape."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from journal.domain import MEASURE_KEYS, Activity, Entry, ValidationError

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

_DAY_COLUMNS = ("date", *MEASURE_KEYS, "activity_recorded", "tags", "notes", "created_at",
                "updated_at")
_SELECT_DAYS = f"SELECT {', '.join(_DAY_COLUMNS)} FROM days"
_SELECT_ACTIVITIES = "SELECT date, kind, minutes, intensity FROM activities"


def no_journal() -> sqlite3.Connection:
    """An empty, read-only stand-in while no journal is open: reading it finds nothing."""
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE TABLE days ({', '.join(_DAY_COLUMNS)})")
    conn.execute("CREATE TABLE activities (date, position, kind, minutes, intensity)")
    conn.execute("CREATE TABLE checkins (instrument, date, answers, difficulty, total, "
                 "created_at, updated_at)")
    conn.execute("PRAGMA query_only = ON")
    return conn


def utc_now() -> str:
    """The current time as stored in `created_at` and `updated_at`."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class EntryStore:
    """Day entries in a journal database.

    Parameters
    ----------
    db
        An open journal (see `journal.storage.open_database`). Reading also works on a
        plain ``sqlite3`` connection (see `journal.storage.schema`); writing needs the former.
    """

    def __init__(self, db: Database | sqlite3.Connection) -> None:
        self.db = db

    def get(self, date: dt.date) -> Entry | None:
        """The entry of *date*, or None if the day was not logged."""
        found = self._select("WHERE date = ?", [date.isoformat()])
        return found[0] if found else None

    def between(self, start: dt.date | None = None, end: dt.date | None = None) -> list[Entry]:
        """Entries from *start* to *end* inclusive (either may be open), oldest first."""
        where, params = [], []
        if start is not None:
            where.append("date >= ?")
            params.append(start.isoformat())
        if end is not None:
            where.append("date <= ?")
            params.append(end.isoformat())
        return self._select("WHERE " + " AND ".join(where) if where else "", params)

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM days").fetchone()[0]

    def days_logged(self, start: dt.date, end: dt.date) -> int:
        """How many days from *start* to *end* have an entry."""
        query = "SELECT count(*) FROM days WHERE date BETWEEN ? AND ?"
        return self.db.execute(query, [start.isoformat(), end.isoformat()]).fetchone()[0]

    def first_date(self) -> dt.date | None:
        """The first day logged, if any."""
        first = self.db.execute("SELECT min(date) FROM days").fetchone()[0]
        return None if first is None else dt.date.fromisoformat(first)

    def tags(self) -> list[str]:
        """Every tag used so far, most used first."""
        rows = self.db.execute("""SELECT value, count(*) AS uses FROM days, json_each(days.tags)
                                  GROUP BY value ORDER BY uses DESC, value""").fetchall()
        return [row[0] for row in rows]

    def save(self, entry: Entry) -> Entry:
        """Insert or replace the entry of ``entry.date``; returns it as stored.

        `created_at` of an existing day is kept; `updated_at` becomes now.
        Saving an unchanged entry writes nothing.
        """
        with self.db.atomic():
            existing = self.get(entry.date)
            if existing == entry:
                return existing
            now = utc_now()
            created = existing.created_at if existing else now
            self._write([(entry, created, now)])
        return replace(entry, created_at=created, updated_at=now)

    def save_many(self, entries: Sequence[Entry], *, keep_times: bool = True) -> None:
        """Replace the days of *entries* in one transaction: all are written, or none.

        With *keep_times*, the entries' own timestamps are stored where given (an import).
        """
        now = utc_now()
        stamped = [(e, (keep_times and e.created_at) or now, (keep_times and e.updated_at) or now)
                   for e in entries]
        with self.db.atomic():
            self._write(stamped)

    def restore(self, entries: Sequence[Entry], absent: Sequence[dt.date] = ()) -> None:
        """Put days back exactly as given (timestamps too) and remove *absent* days, atomically.

        This is how an undo puts the journal back the way it was.
        """
        with self.db.atomic():
            self.db.conn.executemany("DELETE FROM days WHERE date = ?",
                                     [[d.isoformat()] for d in absent])
            self._write([(e, e.created_at, e.updated_at) for e in entries])

    def delete(self, date: dt.date) -> bool:
        """Delete the day (with its activities); False if it was not logged."""
        with self.db.atomic():
            cursor = self.db.execute("DELETE FROM days WHERE date = ?", [date.isoformat()])
        return cursor.rowcount > 0

    def _write(self, stamped: Sequence[tuple[Entry, str, str]]) -> None:
        """Write (entry, created_at, updated_at) triples; the caller holds the transaction."""
        dates = [[e.date.isoformat()] for e, _, _ in stamped]
        self.db.conn.executemany("DELETE FROM activities WHERE date = ?", dates)
        self.db["days"].upsert_all([_day_row(*item) for item in stamped], pk="date")
        activity_rows = [
            {"date": e.date.isoformat(), "position": i, "kind": a.kind, "minutes": a.minutes,
             "intensity": a.intensity}
            for e, _, _ in stamped for i, a in enumerate(e.activities or ())
        ]
        if activity_rows:
            self.db["activities"].insert_all(activity_rows)

    def _select(self, where: str, params: list[str]) -> list[Entry]:
        days = self.db.execute(f"{_SELECT_DAYS} {where} ORDER BY date", params).fetchall()
        activities: dict[str, list[Activity]] = defaultdict(list)
        query = f"{_SELECT_ACTIVITIES} {where} ORDER BY date, position"
        for date, kind, minutes, intensity in self.db.execute(query, params):
            activities[date].append(Activity(kind, minutes, intensity))
        return [_entry(row, activities) for row in days]


def _day_row(entry: Entry, created_at: str | None, updated_at: str | None) -> dict[str, object]:
    return {
        "date": entry.date.isoformat(), **{key: getattr(entry, key) for key in MEASURE_KEYS},
        "activity_recorded": int(entry.activities is not None),
        "tags": json.dumps(list(entry.tags), ensure_ascii=False), "notes": entry.notes,
        "created_at": created_at, "updated_at": updated_at,
    }


def _entry(row: Sequence, activities: dict[str, list[Activity]]) -> Entry:
    """An entry from a row of `_SELECT_DAYS`, read by column name."""
    cells = dict(zip(_DAY_COLUMNS, row, strict=True))
    date = cells["date"]
    kept = tuple(activities.get(date, ())) if cells["activity_recorded"] else None
    fields = dict(date=dt.date.fromisoformat(date), tags=tuple(json.loads(cells["tags"])),
                  **{key: cells[key] for key in (*MEASURE_KEYS, "notes", "created_at",
                                                 "updated_at")})
    try:
        return Entry(activities=kept, **fields)
    except ValidationError as error:
        if not error.field.startswith("activity"):
            raise
    # A day saved before the daily limits on activities existed: shown as it was stored
    # (never cut), and the form names the limit when the day is next saved.
    entry = Entry(activities=None, **fields)
    object.__setattr__(entry, "activities", kept)
    return entry
