"""Open a journal file: look first (read-only), refuse what is not ours, set up under the lock.

The order matters for the data:
1. What is at the path is looked at without writing a byte: a folder, a device, a pipe,
   a file with a second (hard-linked) name, another program's database, a journal made
   by a newer version, and a damaged journal are all refused, and left exactly as found.
2. Anything that writes (creating a journal, rolling back a hot rollback journal left by
   a crash, switching to write-ahead logging, migrating) happens only under the
   journal's lock: the caller's, or one taken for that step alone.
3. Nothing is ever renamed here. A damaged journal is set aside only when the user
   restores a backup over it (`journal.storage.restore.restore_backup`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from journal.storage.errors import CorruptJournalError, NotAJournalError, StorageError, is_disk_full
from journal.storage.files import (
    FILE_MODE,
    check_regular,
    fsync_path,
    make_private_dirs,
    real_path,
)
from journal.storage.inspection import JournalFacts, inspect_or_recover, unusable
from journal.storage.lock import JournalLock
from journal.storage.migrations import migrations
from journal.storage.restore import (
    finish_interrupted_restore,
    ready_file,
    remove_stale_copies,
)

SETUP_HOLDER = "Pain & Mood Journal (setting up the journal)"


def open_database(path: str | os.PathLike[str], *, create: bool = True,
                  lock: JournalLock | None = None, read_only: bool = False) -> Database:
    """Open the journal at *path*, after checking that it is a healthy journal of ours.

    With *create*, a missing journal is created: its folders 0700 and the file 0600
    whatever the umask, because it holds health data. ``":memory:"`` opens a throwaway
    journal. *lock* is the journal's lock if the caller holds it; without it, a step
    that must write takes the lock for that step only (and fails if the journal is busy).
    *read_only* makes the connection refuse writes.

    Raises
    ------
    CorruptJournalError
        The journal is damaged (left as it is; restoring a backup sets it aside).
    StorageError
        Missing (without *create*), not a journal, made by a newer version, busy, or the
        disk is full; nothing was changed.
    """
    if str(path) == ":memory:":
        db = Database(memory=True, execute_plugins=False)
        _configure(db)
        migrations.apply(db)
        return db
    file = real_path(Path(path))
    try:
        return _open(file, create, lock, read_only)
    except CorruptJournalError as error:
        if error.backup is not None:
            raise
        from journal.storage.backup import newest_good_backup

        raise CorruptJournalError(error.path, error.problem, newest_good_backup(file)) from None
    except NotAJournalError as error:
        if not error.not_sqlite:
            raise
        from journal.storage.backup import newest_good_backup

        backup = newest_good_backup(file)  # backups named after it: it was a journal
        if backup is None:
            raise
        raise CorruptJournalError(file, "its start is damaged (it no longer reads as a database)",
                             backup) from None


def _open(file: Path, create: bool, lock: JournalLock | None, read_only: bool) -> Database:
    if ready_file(file).exists():  # a restore was killed just before its last step
        with _setup_lock(file, lock):
            finish_interrupted_restore(file)
    status = check_regular(file)
    if status is None or status.st_size == 0:
        if read_only or (status is None and not create):  # a reader never makes a journal
            empty = " (the file is empty)" if status is not None else ""
            raise StorageError(f"There is no journal at {file} yet{empty}.")
        with _setup_lock(file, lock):
            _create_or_replace_empty(file)
    if lock is not None and lock.held:
        remove_stale_copies(file)
    facts = inspect_or_recover(file, lambda: _setup_lock(file, lock))
    if facts.blank and read_only:
        raise StorageError(f"There is no journal at {file} yet (the database there is empty).")
    try:
        if not facts.current:
            with _setup_lock(file, lock):
                db = _connect(file)
                _set_up(db, file, facts)
        else:
            db = _connect(file)
        if read_only:
            db.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as error:
        raise unusable(file, error) from None
    return db


def _set_up(db: Database, file: Path, facts: JournalFacts) -> None:
    """Write-ahead logging, then the migrations, after a backup of a journal with days."""
    with db.ensure_autocommit_on():
        db.execute("PRAGMA journal_mode = WAL")
    if migrations.pending(db):
        if facts.days:
            from journal.storage.backup import create_backup

            create_backup(file, reason="before-migration")
        migrations.apply(db)


def _create_or_replace_empty(file: Path) -> None:
    """Under the lock: a new journal where there is none, or where an empty file is.

    The new journal is built beside the path and renamed into place, so a crash leaves
    either no journal or a whole one (never an empty file that later looks damaged).
    An empty file is replaced only when it has no backups to restore from instead.
    """
    status = check_regular(file)
    if status is not None and status.st_size:
        return  # made meanwhile by another process
    if status is not None:
        from journal.storage.backup import newest_good_backup

        backup = newest_good_backup(file)
        if backup is not None:
            raise CorruptJournalError(file, "the file is empty", backup)
    make_private_dirs(file.parent)
    for stale in file.parent.glob(f".{file.name}.*.new*"):
        stale.unlink(missing_ok=True)  # left by a creation that was killed (and its logs)
    temp = file.with_name(f".{file.name}.{os.getpid()}.new")
    try:
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
        db = Database(sqlite3.connect(temp), execute_plugins=False)
        try:
            _configure(db)
            with db.ensure_autocommit_on():
                db.execute("PRAGMA journal_mode = WAL")
            migrations.apply(db)
        finally:
            db.close()
        fsync_path(temp)
        os.replace(temp, file)
        fsync_path(file.parent)
    except sqlite3.DatabaseError as error:
        raise unusable(file, error, verb="created") from None
    except OSError as error:
        if is_disk_full(error):
            raise StorageError(f"The disk is full, so the journal {file} cannot be created. "
                               "Free some space and try again.") from None
        raise StorageError(f"Cannot create the journal {file}: {error.strerror}.") from None
    finally:
        temp.unlink(missing_ok=True)


@contextmanager
def _setup_lock(file: Path, lock: JournalLock | None) -> Iterator[None]:
    """The caller's lock, or the journal's lock taken for one step (by a reader)."""
    if lock is not None and lock.held:
        lock.ensure_held()
        yield
        return
    with JournalLock(file) as step:
        step.acquire(SETUP_HOLDER)
        yield


def _connect(file: Path) -> Database:
    db = Database(sqlite3.connect(file), execute_plugins=False)
    _configure(db)
    return db


def _configure(db: Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    # FULL: a save acknowledged to the user survives a power cut, not only a crash.
    db.execute("PRAGMA synchronous = FULL")




@dataclass(frozen=True)
class CheckResult:
    """What ``pain-journal check`` reports."""

    integrity: str          # "ok", or SQLite's whole listing
    migrations: list[str]   # applied, in order
    days: int
    activities: int

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"


def check_journal(db: Database) -> CheckResult:
    """A full integrity check of an open journal, its schema version and its counts."""
    integrity = "\n".join(row[0] for row in db.execute("PRAGMA integrity_check").fetchall())
    return CheckResult(integrity, [m.name for m in migrations.applied(db)],
                       db.execute("SELECT count(*) FROM days").fetchone()[0],
                       db.execute("SELECT count(*) FROM activities").fetchone()[0])
