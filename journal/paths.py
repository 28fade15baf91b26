"""Where the journal lives: resolved once, at start-up, and passed down.

Order of precedence: the ``--db`` flag, then the ``PAIN_JOURNAL_DB`` environment
variable, then ``journal.db`` in the platform's user data directory. Nothing
here runs at import time.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "pain-journal"
DB_ENV = "PAIN_JOURNAL_DB"
DB_FILENAME = "journal.db"
DEMO_FILENAME = "demo-journal.db"


def default_data_dir() -> Path:
    """The platform's user data directory for the app (not created here)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def resolve_db_path(flag: str | os.PathLike[str] | None = None,
                    environ: Mapping[str, str] | None = None) -> Path:
    """Return the journal file to use: flag > environment > platform data dir."""
    env = os.environ if environ is None else environ
    if flag:
        return Path(flag).expanduser()
    if env.get(DB_ENV):
        return Path(env[DB_ENV]).expanduser()
    return default_data_dir() / DB_FILENAME


def demo_db_path(db_path: Path) -> Path:
    """The separate sample journal that lives beside *db_path* (never mixed with it)."""
    return db_path.with_name(DEMO_FILENAME)
