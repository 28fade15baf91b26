"""Open a journal file: permissions, pragmas and migrations in one place."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from journal.storage.errors import StorageError
from journal.storage.migrations import migrations

DIR_MODE = 0o700
FILE_MODE = 0o600


def open_database(path: str | os.PathLike[str], *, create: bool = True) -> Database:
    """Open the journal at *path* and bring its schema up to date.

    With *create*, a missing journal is created: a new data directory 0700 and
    a new file 0600, because the file holds health data. ``":memory:"`` opens
    a throwaway journal.

    Raises
    ------
    StorageError
        When the file is missing (and not *create*), cannot be created, or is
        not a journal database.
    """
    if str(path) == ":memory:":
        db = Database(memory=True, execute_plugins=False)
    else:
        file = Path(path)
        if not create and not file.exists():
            raise StorageError(f"There is no journal at {file} yet.")
        _create_private_file(file)
        try:
            db = Database(sqlite3.connect(file), execute_plugins=False)
        except sqlite3.Error as error:
            raise StorageError(f"Cannot open the journal {file}: {error}.") from None
    try:
        _configure(db)
        migrations.apply(db)
    except sqlite3.DatabaseError as error:
        db.close()
        raise StorageError(f"The journal {path} cannot be read as a journal database: {error}.") \
            from None
    return db


def _create_private_file(file: Path) -> None:
    try:
        if not file.parent.exists():
            file.parent.mkdir(mode=DIR_MODE, parents=True)
        if not file.exists():
            os.close(os.open(file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    except FileExistsError:
        pass  # another process created it between the check and the open
    except OSError as error:
        raise StorageError(f"Cannot create the journal {file}: {error.strerror}.") from None


def _configure(db: Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    with db.ensure_autocommit_on():
        db.execute("PRAGMA journal_mode = WAL")
    # FULL: a save acknowledged to the user survives a power cut, not only a crash.
    db.execute("PRAGMA synchronous = FULL")
