"""Open a journal file: permissions, pragmas, checks and migrations in one place."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from journal.storage.errors import CorruptJournal, StorageError, is_disk_full
from journal.storage.migrations import migrations

DIR_MODE = 0o700
FILE_MODE = 0o600
SQLITE_HEADER = b"SQLite format 3\x00"


def open_database(path: str | os.PathLike[str], *, create: bool = True) -> Database:
    """Open the journal at *path*, check it, and bring its schema up to date.

    With *create*, a missing journal is created: a new data directory 0700 and a new file
    0600, because the file holds health data. ``":memory:"`` opens a throwaway journal.
    A damaged file is set aside under a timestamped name and never overwritten.

    Raises
    ------
    CorruptJournal
        The file is empty, truncated, not a database or fails its check (set aside).
    StorageError
        The file is missing (without *create*), cannot be created, or is another
        program's database (left alone).
    """
    if str(path) == ":memory:":
        db = Database(memory=True, execute_plugins=False)
        _configure(db)
        migrations.apply(db)
        return db
    file = Path(path)
    if file.exists():
        _check_existing(file)
    elif not create:
        raise StorageError(f"There is no journal at {file} yet.")
    else:
        _create_private_file(file)
    try:
        db = Database(sqlite3.connect(file), execute_plugins=False)
        _configure(db)
        _migrate(db, file)
    except sqlite3.DatabaseError as error:
        raise _unusable(file, error) from None
    return db


def _check_existing(file: Path) -> None:
    try:
        with file.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StorageError(f"Cannot read the journal {file}: {error.strerror}.") from None
    if not header:
        raise _set_aside(file, "the file is empty")
    if header != SQLITE_HEADER:
        raise _set_aside(file, "the file is not a database (its start is damaged or it is "
                               "another kind of file)")
    try:
        conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {name for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise _unusable(file, error) from None
    if verdict != "ok":
        raise _set_aside(file, f"the file is damaged ({verdict})")
    if tables and "_sqlite_migrations" not in tables and "days" not in tables:
        raise StorageError(f"{file} is a database of another program, not a journal; "
                           "it was not changed.")


def _migrate(db: Database, file: Path) -> None:
    pending = migrations.pending(db)
    if pending and migrations.applied(db):  # an existing journal about to change shape
        from journal.storage.backup import create_backup

        create_backup(file, reason="before-migration")
    migrations.apply(db)


def _unusable(file: Path, error: sqlite3.DatabaseError) -> StorageError:
    """Set the file aside only when SQLite says the file itself is damaged.

    A full disk, an I/O error, a lock or a missing permission says nothing about the file:
    then it stays where it is, untouched, and the message says what to do.
    """
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return _set_aside(file, f"the file is damaged ({error})")
    if is_disk_full(error) or _no_room_at(file):
        return StorageError(f"The disk is full, so the journal {file} cannot be opened; it "
                            "was not changed. Free some space and try again.")
    return StorageError(f"The journal {file} cannot be opened ({error}); it was not changed.")


def _no_room_at(file: Path) -> bool:
    """No room left where the journal is (SQLite may say only "disk I/O error" then)."""
    try:
        return shutil.disk_usage(file.parent).free < 64 * 1024
    except OSError:
        return False


def _set_aside(file: Path, problem: str) -> CorruptJournal:
    """Move the damaged file (and its WAL) aside, untouched; find the newest good backup."""
    from journal.storage.backup import move_aside, newest_good_backup

    try:
        aside = move_aside(file, "damaged")
    except OSError as error:
        raise StorageError(f"The journal {file} cannot be used ({problem}) and could not be "
                           f"set aside: {error.strerror}.") from None
    return CorruptJournal(file, problem, aside, newest_good_backup(file))


def _create_private_file(file: Path) -> None:
    try:
        if not file.parent.exists():
            file.parent.mkdir(mode=DIR_MODE, parents=True)
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
