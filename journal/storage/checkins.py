"""Read and write questionnaire check-ins (PHQ-9, GAD-7). The only module that knows their table.

One row per instrument and date: the item answers as a JSON array, the unscored
difficulty answer, and the total (stored so that other tools reading the file see it;
it is always the sum of the answers, as `Checkin` works it out).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from journal.domain.questionnaires import Checkin
from journal.storage.entries import utc_now

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

Key = tuple[str, dt.date]
_COLUMNS = ("instrument", "date", "answers", "difficulty", "created_at", "updated_at")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM checkins"


class CheckinStore:
    """Check-ins in a journal database.

    Parameters
    ----------
    db
        An open journal; reading also works on a plain ``sqlite3`` connection, writing needs
        the sqlite-utils one.
    """

    def __init__(self, db: Database | sqlite3.Connection) -> None:
        self.db = db

    def between(self, start: dt.date | None = None, end: dt.date | None = None,
                instrument: str | None = None) -> list[Checkin]:
        """Check-ins from *start* to *end* inclusive (either may be open), oldest first."""
        where, params = [], []
        for clause, value in (("date >= ?", start), ("date <= ?", end),
                              ("instrument = ?", instrument)):
            if value is not None:
                where.append(clause)
                params.append(value if isinstance(value, str) else value.isoformat())
        condition = "WHERE " + " AND ".join(where) if where else ""
        sql = f"{_SELECT} {condition} ORDER BY date, instrument"
        return [_checkin(row) for row in self.db.execute(sql, params).fetchall()]

    def get(self, instrument: str, date: dt.date) -> Checkin | None:
        rows = self.db.execute(f"{_SELECT} WHERE instrument = ? AND date = ?",
                               [instrument, date.isoformat()]).fetchall()
        return _checkin(rows[0]) if rows else None

    def latest_date(self) -> dt.date | None:
        """The day of the most recent check-in of any instrument."""
        last = self.db.execute("SELECT max(date) FROM checkins").fetchone()[0]
        return None if last is None else dt.date.fromisoformat(last)

    def save(self, checkin: Checkin) -> Checkin:
        """Insert or replace the check-in of its instrument and date; returns it as stored."""
        with self.db.atomic():
            existing = self.get(*checkin.key)
            if existing == checkin:
                return existing
            now = utc_now()
            created = existing.created_at if existing else now
            self._write([(checkin, created, now)])
        return replace(checkin, created_at=created, updated_at=now)

    def save_many(self, checkins: Sequence[Checkin]) -> None:
        """Replace the check-ins given, keeping their own timestamps where given (an import)."""
        now = utc_now()
        with self.db.atomic():
            self._write([(c, c.created_at or now, c.updated_at or now) for c in checkins])

    def restore(self, checkins: Sequence[Checkin], absent: Sequence[Key] = ()) -> None:
        """Put check-ins back exactly as given and remove *absent* ones, atomically (undo)."""
        with self.db.atomic():
            self.db.conn.executemany("DELETE FROM checkins WHERE instrument = ? AND date = ?",
                                     [[i, d.isoformat()] for i, d in absent])
            self._write([(c, c.created_at, c.updated_at) for c in checkins])

    def delete(self, instrument: str, date: dt.date) -> bool:
        with self.db.atomic():
            cursor = self.db.execute("DELETE FROM checkins WHERE instrument = ? AND date = ?",
                                     [instrument, date.isoformat()])
        return cursor.rowcount > 0

    def _write(self, stamped: Sequence[tuple[Checkin, str | None, str | None]]) -> None:
        self.db["checkins"].upsert_all([
            {"instrument": c.instrument, "date": c.date.isoformat(),
             "answers": json.dumps(list(c.answers)), "difficulty": c.difficulty,
             "total": c.total, "created_at": created, "updated_at": updated}
            for c, created, updated in stamped], pk=("instrument", "date"))


def _checkin(row: Sequence) -> Checkin:
    cells = dict(zip(_COLUMNS, row, strict=True))
    return Checkin(cells["instrument"], dt.date.fromisoformat(cells["date"]),
                   tuple(json.loads(cells["answers"])), cells["difficulty"],
                   cells["created_at"], cells["updated_at"])
