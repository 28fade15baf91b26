"""Which journal a file is: its identity (kept in the file, so every backup carries it)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

#: The kinds of journal: the user's own, or the made-up one for trying the app.
JOURNAL, SAMPLE = "journal", "sample"


@dataclass(frozen=True)
class JournalIdentity:
    """Who a journal (or a backup of it) is.

    Parameters
    ----------
    id
        A random id given when the journal was made; backups keep it.
    kind
        `JOURNAL` or `SAMPLE`.
    created_at
        When the identity was given (UTC, ISO 8601).
    """

    id: str | None
    kind: str
    created_at: str | None

    @property
    def is_sample(self) -> bool:
        return self.kind == SAMPLE


UNKNOWN = JournalIdentity(None, JOURNAL, None)


def read_identity(conn: sqlite3.Connection) -> JournalIdentity:
    """The identity stored in an open journal (`UNKNOWN` for a journal made before it existed)."""
    try:
        values = dict(conn.execute("SELECT key, value FROM journal_info").fetchall())
    except sqlite3.OperationalError:  # no such table: a journal from before identities
        return UNKNOWN
    return JournalIdentity(values.get("id"), values.get("kind", JOURNAL), values.get("created_at"))


def mark_sample(conn: sqlite3.Connection) -> None:
    """Label the journal as made-up sample data (its backups and restores say so)."""
    with conn:
        conn.execute("UPDATE journal_info SET value = ? WHERE key = 'kind'", [SAMPLE])
