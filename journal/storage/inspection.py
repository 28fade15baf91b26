"""Look at an SQLite file without writing a byte: is it a healthy journal of ours?

Used when a journal is opened, when a backup is verified and before a restore.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from journal.storage.errors import CorruptJournalError, NotAJournalError, StorageError, is_disk_full
from journal.storage.journal_info import UNKNOWN, JournalIdentity, read_identity
from journal.storage.schema import APPLICATION_ID, MIGRATION_SET, MIGRATIONS, SCHEMA_VERSION

_JOURNAL_TABLES = {"days", "activities", "_sqlite_migrations"}
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class JournalFacts:
    """What a read-only look at a healthy journal (or a blank SQLite file) found."""

    blank: bool                 # an SQLite file with nothing in it yet: may become a journal
    applied: tuple[str, ...]    # our migrations, in the order applied
    wal: bool                   # in write-ahead-log mode
    days: int
    identity: JournalIdentity

    @property
    def current(self) -> bool:
        """Needs no set-up: every migration applied, write-ahead logging on."""
        return not self.blank and self.applied == MIGRATIONS and self.wal


def inspect_journal(file: Path) -> JournalFacts:
    """Look at *file* read-only; raise for anything that is not a healthy journal of ours.

    Raises
    ------
    CorruptJournalError
        It fails SQLite's check (its ``backup`` is left for the caller to find).
    NotAJournalError
        Another program's database, or not a database.
    StorageError
        Made by a newer version; or SQLite could not read it (``sqlite3.DatabaseError`` is
        passed on when a crash left work that only a writer can finish: see
        `needs_recovery`).
    """
    conn = sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True)
    try:
        verdict = [row[0] for row in conn.execute("PRAGMA quick_check(20)")]
        if verdict != ["ok"]:
            raise CorruptJournalError(file, problem_text(verdict), None)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        wal = conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        code = [f"{kind} {name}" for kind, name in conn.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')")]
        sets: dict[str, list[str]] = {}
        if "_sqlite_migrations" in tables:
            for migration_set, name in conn.execute(
                    "SELECT migration_set, name FROM _sqlite_migrations ORDER BY rowid"):
                sets.setdefault(migration_set, []).append(name)
        blank = not tables and app_id == 0 and version == 0
        if blank:
            return JournalFacts(True, (), wal, 0, UNKNOWN)
        _refuse_if_not_ours(file, app_id, version, tables, sets)
        if code:  # no journal has any: such code could change or delete days unseen
            raise NotAJournalError(f"{file} holds database code that no Pain & Mood Journal "
                                   f"file has ({', '.join(code)}); it was not opened or changed.")
        days = conn.execute("SELECT count(*) FROM days").fetchone()[0]
        identity = read_identity(conn)
    finally:
        conn.close()
    return JournalFacts(False, tuple(sets.get(MIGRATION_SET, ())), wal, days, identity)


def inspect_or_recover(file: Path,
                       holding: Callable[[], AbstractContextManager] = nullcontext,
                       ) -> JournalFacts:
    """`inspect_journal`, after playing back a hot rollback journal a crash left (a read-write
    open does that, and the file is then as it was before the interrupted write); *holding*
    gives the journal's lock for that step. SQLite's errors become StorageErrors."""
    try:
        return inspect_journal(file)
    except sqlite3.DatabaseError as error:
        if not needs_recovery(error):
            raise unusable(file, error) from None
    with holding():
        try:
            conn = sqlite3.connect(file)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                conn.close()
            return inspect_journal(file)
        except sqlite3.DatabaseError as error:
            raise unusable(file, error) from None


def needs_recovery(error: sqlite3.DatabaseError) -> bool:
    """True when a read-only look failed because a crash left a hot rollback journal (or
    a log to recover): a read-write open under the lock plays it back."""
    return (getattr(error, "sqlite_errorname", "") or "").startswith("SQLITE_READONLY")


def _refuse_if_not_ours(file: Path, app_id: int, version: int, tables: set[str],
                        sets: dict[str, list[str]]) -> None:
    ours = sets.get(MIGRATION_SET, [])
    looks_like_journal = app_id == APPLICATION_ID or (
        app_id == 0 and _JOURNAL_TABLES <= tables and bool(ours) and set(sets) == {MIGRATION_SET})
    if not looks_like_journal:
        raise NotAJournalError(f"{file} is a database of another program, not a journal; "
                          "it was not changed.")
    if version > SCHEMA_VERSION or tuple(ours) != MIGRATIONS[:len(ours)]:
        raise StorageError(
            f"{file} was made by a newer version of Pain & Mood Journal, so this version "
            "cannot read or write it safely; it was not changed. Update the app, then try again.")


def problem_text(verdict: list[str]) -> str:
    """The first problem of a failed check, on one short line (SQLite's listing can run to
    hundreds of lines; `pain-journal check` is where the whole of it belongs)."""
    lines = [line.strip() for row in verdict for line in row.splitlines()
             if line.strip() and not line.startswith("***")] or ["unknown damage"]
    first = lines[0] if len(lines[0]) <= 100 else lines[0][:97] + "..."
    more = len(lines) - 1
    return first if not more else f"{first}; and {more}{'+' if more >= 19 else ''} more problems"


def unusable(file: Path, error: sqlite3.DatabaseError, *, verb: str = "opened") -> StorageError:
    """Name what SQLite found. Damage is reported, never acted on: the file stays as it is.

    A full disk, an I/O error, a lock or a missing permission says nothing about the file.
    """
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_NOTADB"):
        return NotAJournalError(f"{file} is not a Pain & Mood Journal file (it is not an SQLite "
                           "database, or its first page is damaged); it was not changed.",
                           not_sqlite=True)
    if name.startswith("SQLITE_CORRUPT"):
        return CorruptJournalError(file, problem_text([str(error)]), None)
    if is_disk_full(error) or _no_room_at(file):
        return StorageError(f"The disk is full, so the journal {file} cannot be {verb}; it "
                            "was not changed. Free some space and try again.")
    return StorageError(f"The journal {file} cannot be {verb} ({error}); it was not changed.")


def _no_room_at(file: Path) -> bool:
    """No room left where the journal is (SQLite may say only "disk I/O error" then)."""
    try:
        return shutil.disk_usage(file.parent).free < 64 * 1024
    except OSError:
        return False
