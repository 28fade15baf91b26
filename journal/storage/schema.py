"""What a journal file that needs no migration looks like, checked with the standard library only.

The app's window opens with a plain `sqlite3` read connection when the file is
already current, so that sqlite-utils (and numpy, which it imports) stay off the
path to the first paint. `journal.storage.migrations` registers these same names.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

MIGRATION_SET = "pain_journal"
MIGRATIONS = ("create_days_and_activities", "add_journal_identity", "add_pain_interference",
              "add_questionnaires", "add_medications_and_events")
#: ``PRAGMA application_id`` of every journal: "PJNL". Another program's file has another.
APPLICATION_ID = 0x504A4E4C
#: ``PRAGMA user_version``: how many migrations the journal has; more means a newer app made it.
SCHEMA_VERSION = len(MIGRATIONS)


def open_current_for_reading(path: Path) -> sqlite3.Connection | None:
    """A read connection when *path* is a journal with every migration applied, else None.

    None means "open it the full way" (create, migrate or report a problem there).
    """
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        rows = conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ? "
                            "ORDER BY rowid", [MIGRATION_SET]).fetchall()
        ours = (conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
                and conn.execute("PRAGMA user_version").fetchone()[0] <= SCHEMA_VERSION)
    except sqlite3.Error:
        conn.close()
        return None
    if not ours or tuple(name for (name,) in rows) != MIGRATIONS:
        conn.close()
        return None
    return conn
