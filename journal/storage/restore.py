"""Restore a backup over a journal: checked first, and safe against a kill at any moment.

The steps, so that a journal is at its path at every moment, or a complete restore is
ready to be put there by the next open:
1. the backup is checked; the current journal is looked at (a healthy one is backed up,
   a damaged one will be set aside; anything else is refused, unchanged);
2. the backup is copied into a hidden file, switched to write-ahead logging, fsynced, and
   renamed to ``.<name>.restore-ready`` (complete from here on);
3. a damaged journal is renamed aside (with its logs), a healthy one's empty logs removed;
4. the ready file is renamed into place. An open that finds no journal but a ready file
   finishes step 4 (`finish_interrupted_restore`).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from journal.storage.backup import (
    _reason,
    copy_database,
    create_backup,
    list_backups,
    move_aside,
    verify_facts,
)
from journal.storage.errors import CorruptJournalError, NotAJournalError, StorageError
from journal.storage.files import check_regular, companions, fsync_path, real_path
from journal.storage.inspection import SQLITE_HEADER, JournalFacts, inspect_or_recover


@dataclass(frozen=True)
class Restored:
    """What a restore did: the safety copy of the journal as it was, and anything to say."""

    kept: Path | None
    note: str = ""


def ready_file(file: Path) -> Path:
    """Where a complete restore waits to be renamed into place."""
    return file.with_name(f".{file.name}.restore-ready")


def finish_interrupted_restore(file: Path) -> None:
    """Under the lock: a restore killed between setting the old journal aside and putting
    the new one in place is finished; a ready file beside a journal is stale and removed."""
    ready = ready_file(file)
    if not ready.exists():
        return
    if check_regular(file) is None:
        os.replace(ready, file)
        fsync_path(file.parent)
    else:
        ready.unlink(missing_ok=True)


def remove_stale_copies(file: Path) -> None:
    """Under the lock: whole copies of the diary left by a restore that was killed."""
    from journal.storage.backup import process_alive

    for stale in file.parent.glob(f".{file.name}.restoring-*"):
        pid = stale.name.rsplit("-", 1)[-1]
        if not (pid.isdigit() and process_alive(int(pid))):
            stale.unlink(missing_ok=True)


def restore_backup(backup: Path, db_path: Path) -> Restored:
    """Replace the journal at *db_path* with *backup*, after checking both.

    The caller holds the journal's lock and has no connection to it open. The current
    journal is kept: as a "before-restore" backup if it is healthy, else the file itself is
    set aside, renamed and unchanged. The restored journal is published in write-ahead-log
    mode, so no later open needs to switch it (a step a crash could break).

    Raises StorageError, with nothing changed, if the backup is not a good journal backup,
    if it is sample data going into a real journal, if the file at *db_path* is not a
    journal, or if it cannot be read for a reason that is not damage (a full disk).
    """
    try:
        facts = verify_facts(backup)
    except StorageError as error:
        raise StorageError(f"{backup.name} cannot be restored: {_reason(error)}.") from None
    file = real_path(db_path)
    damaged, kept, note = _look_at_current(file, backup, facts)
    for stale in file.parent.glob(f".{file.name}.restor*"):
        stale.unlink(missing_ok=True)  # left by a restore that was killed (we hold the lock)
    temp = file.with_name(f".{file.name}.restoring-{os.getpid()}")
    try:
        _copy(backup, temp)
        os.replace(temp, ready_file(file))
        fsync_path(file.parent)
        if damaged:
            kept = move_aside(file, "damaged")
        else:
            for extra in companions(file):  # the old journal's (checkpointed) logs
                extra.unlink(missing_ok=True)
        os.replace(ready_file(file), file)
        fsync_path(file.parent)
    except (sqlite3.Error, OSError) as error:
        ready_file(file).unlink(missing_ok=True)
        raise StorageError(f"Could not restore {backup.name} ({error}); the journal was not "
                           "changed.") from None
    finally:
        for leftover in (temp, *companions(temp)):
            leftover.unlink(missing_ok=True)
    return Restored(kept, note)


def _copy(backup: Path, temp: Path) -> None:
    verdict = copy_database(f"{real_path(backup).as_uri()}?mode=ro", temp, "WAL")
    if verdict != "ok":
        raise sqlite3.DatabaseError(f"the copy failed its check ({verdict})")
    fsync_path(temp)


def _look_at_current(file: Path, backup: Path,
                     facts: JournalFacts) -> tuple[bool, Path | None, str]:
    """(damaged?, the safety copy made, a note) for the journal about to be replaced.

    Refuses, changing nothing, what must not be replaced: another program's database, a
    file that is not a journal, one that cannot be read for a reason that is not damage.
    """
    if check_regular(file) is None:
        return False, None, ""
    header = _header(file)  # read before any connection to the file is opened
    try:
        current = inspect_or_recover(file)  # the caller holds the lock
    except CorruptJournalError:
        return True, None, ""
    except NotAJournalError as error:
        if not error.not_sqlite and header == SQLITE_HEADER:
            raise StorageError(f"{file} is another program's database; restore will not "
                               "replace it. Choose another --db.") from None
        if header and not list_backups(file):
            raise StorageError(f"{file} is not a journal, so restore will not replace it. If it "
                               "is your damaged journal, rename it, then restore.") from None
        return True, None, ""  # empty, or damaged in its first page with backups of its own
    except StorageError as error:  # made by a newer version, or unreadable for now
        raise StorageError(f"{error} The restore did not happen.") from None
    if facts.identity.is_sample and not current.identity.is_sample:
        raise StorageError(f"{backup.name} is a backup of the sample journal (made-up days); "
                           "it cannot be restored into your journal.")
    note = ""
    if current.identity.id and facts.identity.id and current.identity.id != facts.identity.id:
        made = (facts.identity.created_at or "")[:10]
        note = (f"{backup.name} is a backup of another journal"
                f"{f' (started {made})' if made else ''}, not of this one.")
    if current.blank or not current.days:
        return False, None, note
    kept = create_backup(file, reason="before-restore")
    conn = sqlite3.connect(file)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return False, kept, note


def _header(file: Path) -> bytes:
    try:
        with file.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER))
    except OSError:
        return b""
