"""Verified, thinned backups of a journal, and restoring one.

A backup is made with SQLite's online backup API into a hidden partial file,
checked (``quick_check``), fsynced and atomically renamed; the folder is then
thinned: everything from the last two days, one a day for a week, one a week
for four weeks, one a month for a year.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from journal.storage.errors import StorageError

DIR_NAME = "backups"
_NAME = re.compile(r"journal-(\d{8}-\d{6})(?:-([a-z-]+))?\.db")
KEEP_ALL_HOURS = 48
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was made (UTC), why, its size and how many days it holds."""

    path: Path
    created: dt.datetime
    reason: str
    size: int
    days: int | None


def backups_dir(db_path: Path) -> Path:
    """The backups folder beside the journal."""
    return db_path.parent / DIR_NAME


def create_backup(db_path: Path, *, reason: str = "", directory: Path | None = None,
                  now: dt.datetime | None = None) -> Path:
    """Back up *db_path* into *directory* (default: the backups folder); returns the new file.

    Raises StorageError, and leaves earlier backups alone, if the copy fails its check.
    """
    directory = directory or backups_dir(db_path)
    now = now or dt.datetime.now(dt.UTC)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    final = _backup_path(directory, now, reason)
    partial = directory / f".{final.name}.partial"
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        source = sqlite3.connect(db_path)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            # A plain rollback-journal file: it can be read where nothing can be written
            # (a full disk, read-only media), which a write-ahead-log copy cannot.
            target.execute("PRAGMA journal_mode = DELETE")
            verdict = target.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            target.close()
            source.close()
        if verdict != "ok":
            raise StorageError(f"The backup of {db_path} failed its check ({verdict}).")
        _fsync(partial)
        os.replace(partial, final)
        _fsync(directory)
    except (sqlite3.Error, OSError) as error:
        raise StorageError(f"Could not back up {db_path}: {error}.") from None
    finally:
        partial.unlink(missing_ok=True)
    thin(directory, now)
    return final


def list_backups(directory: Path, *, count_days: bool = False) -> list[Backup]:
    """The backups in *directory*, newest first (*count_days* opens each one to count)."""
    found = []
    for path in directory.glob("journal-*.db") if directory.is_dir() else ():
        match = _NAME.fullmatch(path.name)
        if match:
            created = dt.datetime.strptime(match[1], "%Y%m%d-%H%M%S").replace(tzinfo=dt.UTC)
            days = _days(path) if count_days else None
            found.append(Backup(path, created, match[2] or "", path.stat().st_size, days))
    return sorted(found, key=lambda b: b.created, reverse=True)


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup of *db_path* that passes its check, if any."""
    for backup in list_backups(backups_dir(db_path)):
        if verify(backup.path) is None:
            return backup.path
    return None


def thin(directory: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete backups beyond the retention plan; returns what was deleted."""
    now = now or dt.datetime.now(dt.UTC)
    keep: set[Path] = set()
    seen: set[tuple] = set()
    for backup in list_backups(directory):  # newest first: the newest of each slot is kept
        age = now - backup.created
        if age <= dt.timedelta(hours=KEEP_ALL_HOURS):
            keep.add(backup.path)
            continue
        day = backup.created.date()
        for slot, limit in ((("day", day), dt.timedelta(days=KEEP_DAILY)),
                            (("week", *day.isocalendar()[:2]), dt.timedelta(weeks=KEEP_WEEKLY)),
                            (("month", day.year, day.month), dt.timedelta(days=31 * KEEP_MONTHLY))):
            if age <= limit and slot not in seen:
                seen.add(slot)
                keep.add(backup.path)
    deleted = [b.path for b in list_backups(directory) if b.path not in keep]
    for path in deleted:
        path.unlink(missing_ok=True)
    return deleted


def verify(path: Path) -> str | None:
    """None if *path* is a readable journal that passes ``quick_check``; else what is wrong."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                return f"it failed its check ({verdict})"
            conn.execute("SELECT count(*) FROM days").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as error:
        return f"it is not a readable journal ({error})"
    return None


def restore_backup(backup: Path, db_path: Path) -> Path | None:
    """Replace the journal at *db_path* with *backup*, after checking the backup.

    The current journal is kept first as a "before-restore" backup (if it can be read).
    Returns that safety copy. Raises StorageError if the backup is not good.
    """
    problem = verify(backup)
    if problem:
        raise StorageError(f"{backup.name} cannot be restored: {problem}.")
    kept = None
    readable = db_path.exists() and verify(db_path) is None
    if readable:
        kept = create_backup(db_path, reason="before-restore")
        _checkpoint(db_path)
    temp = db_path.with_name(f".{db_path.name}.restoring")
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        temp.unlink(missing_ok=True)
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        target = sqlite3.connect(temp)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        _fsync(temp)
        if db_path.exists() and not readable:  # could not be copied: keep the file itself
            kept = move_aside(db_path, "before-restore")
        for suffix in ("-wal", "-shm"):  # the old journal's write-ahead log must not survive
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(temp, db_path)
        _fsync(db_path.parent)
    except (sqlite3.Error, OSError) as error:
        raise StorageError(f"Could not restore {backup.name}: {error}.") from None
    finally:
        temp.unlink(missing_ok=True)
    return kept


def move_aside(db_path: Path, label: str) -> Path:
    """Rename the journal (with its write-ahead log) to ``<name>.<label>-<time>``, unchanged."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.{label}-{stamp}")
    os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        extra = Path(f"{db_path}{suffix}")
        if extra.exists():
            os.replace(extra, Path(f"{aside}{suffix}"))
    return aside


def _checkpoint(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _days(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM days").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _backup_path(directory: Path, when: dt.datetime, reason: str) -> Path:
    """A free name; a second backup within the same second takes the next second."""
    while True:
        path = directory / f"journal-{when:%Y%m%d-%H%M%S}{'-' + reason if reason else ''}.db"
        if not path.exists():
            return path
        when += dt.timedelta(seconds=1)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
