"""Verified, thinned backups of a journal, and restoring one.

A backup is made with SQLite's online backup API into a hidden partial file,
checked (``quick_check``), fsynced and atomically renamed. Backups live in the
``backups`` folder beside the journal and are named after it
(``journal-20261202-093000.db`` for ``journal.db``), so journals sharing a folder
never mix their backups. Only that folder, and only that journal's backups in it, is
ever thinned: everything from the last two days, one a day for a week, one a week for
four weeks, one a month for a year, and never fewer than the newest ten.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from journal.storage.errors import CorruptJournalError, NotAJournalError, StorageError, is_disk_full
from journal.storage.files import (
    FILE_MODE,
    backup_stem,
    check_regular,
    companions,
    fsync_path,
    make_private_dirs,
    real_path,
)
from journal.storage.inspection import JournalFacts, inspect_journal, unusable

DIR_NAME = "backups"
KEEP_ALL_HOURS = 48
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
KEEP_AT_LEAST = 10  # whatever the clock says: a clock set years ahead must not empty the folder
_STALE_PARTIAL = dt.timedelta(hours=1)


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
    return real_path(db_path).parent / DIR_NAME


def _pattern(db_path: Path) -> re.Pattern[str]:
    stem = re.escape(backup_stem(db_path))
    return re.compile(stem + r"-(\d{8}-\d{6})(?:-([a-z-]+))?\.db")


def create_backup(db_path: Path, *, reason: str = "", now: dt.datetime | None = None) -> Path:
    """Back up *db_path* into its backups folder, then thin that folder; returns the new file.

    Raises StorageError, and leaves earlier backups alone, if the copy fails its check.
    """
    now = now or dt.datetime.now(dt.UTC)
    directory = backups_dir(db_path)
    make_private_dirs(directory)
    _remove_stale_partials(directory)
    final = _backup_path(directory, backup_stem(db_path), now, reason)
    _write_verified_copy(db_path, final)
    thin(db_path, now)
    return final


def copy_backup(db_path: Path, output: Path) -> Path:
    """A verified copy of *db_path* at *output* (``backup -o``); nothing else is touched."""
    if check_regular(output, "backup", single_name=False) and os.path.samefile(output, db_path):
        raise StorageError(f"{output} is the journal itself; choose another file for the copy.")
    _write_verified_copy(db_path, output)
    return output


def _write_verified_copy(db_path: Path, final: Path) -> None:
    """SQLite's backup API into a hidden partial file, checked, fsynced, renamed."""
    partial = final.with_name(f".{final.name}.{os.getpid()}.partial")
    try:
        partial.unlink(missing_ok=True)
        # mode=rw: a journal that is not there is an error, never a new empty file. A plain
        # rollback-journal copy can be read where nothing can be written (a full disk,
        # read-only media), which a write-ahead-log copy cannot.
        verdict = copy_database(f"{real_path(db_path).as_uri()}?mode=rw", partial, "DELETE")
        if verdict != "ok":
            raise StorageError(f"The backup of {db_path} failed its check ({verdict}).")
        fsync_path(partial)
        os.replace(partial, final)
        fsync_path(final.parent)
    except (sqlite3.Error, OSError) as error:
        if is_disk_full(error):
            raise StorageError(f"The disk is full, so {db_path} could not be backed up; the "
                               "journal was not changed. Free some space and try again.") from None
        raise StorageError(f"Could not back up {db_path}: {error}.") from None
    finally:
        for leftover in (partial, *companions(partial)):
            leftover.unlink(missing_ok=True)


def copy_database(source_uri: str, target: Path, journal_mode: str) -> str:
    """SQLite's online backup of *source_uri* into a new private file *target*, in
    *journal_mode*; returns the copy's ``quick_check`` verdict."""
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    source = sqlite3.connect(source_uri, uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        copy.execute(f"PRAGMA journal_mode = {journal_mode}")
        return copy.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        copy.close()
        source.close()


def _remove_stale_partials(directory: Path) -> None:
    """Copies left by a backup that was killed (its process is gone, or it is old)."""
    for path in directory.glob(".*.partial*"):
        match = re.search(r"\.(\d+)\.partial", path.name)
        try:
            if match and process_alive(int(match[1])):
                continue
            if not match and dt.datetime.now().timestamp() - path.stat().st_mtime \
                    < _STALE_PARTIAL.total_seconds():
                continue
            path.unlink()
        except OSError:
            pass


def process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours from an earlier, failed attempt
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def list_backups(db_path: Path, *, with_days: bool = False) -> list[Backup]:
    """The backups of *db_path*, newest first (*with_days* opens each one to count days)."""
    directory, pattern = backups_dir(db_path), _pattern(db_path)
    found = []
    for path in directory.glob("*.db") if directory.is_dir() else ():
        match = pattern.fullmatch(path.name)
        if match:
            created = dt.datetime.strptime(match[1], "%Y%m%d-%H%M%S").replace(tzinfo=dt.UTC)
            days = count_days(path) if with_days else None
            found.append(Backup(path, created, match[2] or "", path.stat().st_size, days))
    return sorted(found, key=lambda b: b.created, reverse=True)


def newest_good_backup(db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """The newest backup of *db_path* that passes its check and holds at least one day.

    Backups dated more than a day ahead (made while the clock was wrong) come last: one of
    them must not outrank every real backup for years.
    """
    now = now or dt.datetime.now(dt.UTC)
    backups = list_backups(db_path)
    ahead = [b for b in backups if b.created > now + dt.timedelta(days=1)]
    for backup in [b for b in backups if b not in ahead] + ahead:
        try:
            if verify_facts(backup.path).days:
                return backup.path
        except StorageError:
            continue
    return None


def thin(db_path: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete the journal's backups beyond the retention plan; returns what was deleted."""
    now = now or dt.datetime.now(dt.UTC)
    backups = list_backups(db_path)  # newest first: the newest of each slot is kept
    keep = {b.path for b in backups[:KEEP_AT_LEAST]}
    seen: set[tuple] = set()
    for backup in backups:
        age = now - backup.created
        if age <= dt.timedelta(hours=KEEP_ALL_HOURS):  # also one "from the future"
            keep.add(backup.path)
            continue
        day = backup.created.date()
        for slot, limit in ((("day", day), dt.timedelta(days=KEEP_DAILY)),
                            (("week", *day.isocalendar()[:2]), dt.timedelta(weeks=KEEP_WEEKLY)),
                            (("month", day.year, day.month), dt.timedelta(days=31 * KEEP_MONTHLY))):
            if age <= limit and slot not in seen:
                seen.add(slot)
                keep.add(backup.path)
    deleted = [b.path for b in backups if b.path not in keep]
    for path in deleted:
        path.unlink(missing_ok=True)
    return deleted


def verify(path: Path) -> str | None:
    """None if *path* is a healthy journal (or backup) of ours; else what is wrong."""
    try:
        verify_facts(path)
    except StorageError as error:
        return _reason(error)
    return None


def verify_facts(path: Path) -> JournalFacts:
    """The facts of a backup that is a healthy journal of ours; StorageError otherwise."""
    check_regular(path, "backup", single_name=False)
    try:
        facts = inspect_journal(real_path(path))
    except sqlite3.DatabaseError as error:
        raise unusable(path, error) from None
    if facts.blank:
        raise NotAJournalError(f"{path} is an empty database, not a journal.")
    return facts


def _reason(error: StorageError) -> str:
    if isinstance(error, CorruptJournalError):
        return f"it failed its check ({error.problem})"
    if isinstance(error, NotAJournalError):
        text = str(error)
        if " holds database code " in text:  # a trigger or a view: name it
            return "it" + text.split(" holds", 1)[1].split(";")[0].replace("it was not", "")
        return "it is not a Pain & Mood Journal backup"
    text = str(error).rstrip(".")  # the caller ends the sentence
    return "it was made by a newer version of the app" if "newer version" in text else text


def move_aside(db_path: Path, label: str) -> Path:
    """Rename the journal (with its logs) to ``<name>.<label>-<time>``, unchanged."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.{label}-{stamp}")
    os.replace(db_path, aside)
    for extra, moved in zip(companions(db_path), companions(aside), strict=True):
        if extra.exists():
            os.replace(extra, moved)
    return aside


def count_days(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"{real_path(path).as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM days").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _backup_path(directory: Path, stem: str, when: dt.datetime, reason: str) -> Path:
    """A free name; a second backup within the same second takes the next second."""
    while True:
        path = directory / f"{stem}-{when:%Y%m%d-%H%M%S}{'-' + reason if reason else ''}.db"
        if not path.exists():
            return path
        when += dt.timedelta(seconds=1)
