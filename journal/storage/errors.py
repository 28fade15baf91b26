"""Errors that storage raises with a sentence a person can act on."""

from __future__ import annotations

import errno
from pathlib import Path


class StorageError(Exception):
    """The journal file could not be opened, read or written."""


def explain(error: BaseException) -> str:
    """The one sentence a person reads for *error*, whichever face shows it (the command line
    prints it; the window adds what happened to the form)."""
    import sqlite3

    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    if isinstance(error, StorageError):
        return str(error)
    if is_disk_full(error):
        return "The disk is full, so the journal was not changed. Free some space and try again."
    if name.startswith("SQLITE_READONLY") or "readonly" in text or (
            isinstance(error, OSError) and error.errno in (errno.EACCES, errno.EPERM, errno.EROFS)):
        return ("The journal file cannot be written (it is read-only, or on a read-only disk); "
                "it was not changed.")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return ("The journal is busy in another program; it was not changed. Wait a moment and "
                "try again.")
    if isinstance(error, sqlite3.Error):
        return f"The journal could not be read or written ({error}); it was not changed."
    if isinstance(error, OSError):
        return f"{error.strerror or error}: {error.filename or ''}".rstrip(": ") + "."
    return f"Unexpected problem ({type(error).__name__}: {error})."


def is_disk_full(error: BaseException) -> bool:
    """No room left to write: the OS's ENOSPC/EDQUOT, SQLite's SQLITE_FULL, or a message
    (a StorageError's) that passes one of them on."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    if getattr(error, "sqlite_errorname", "") == "SQLITE_FULL":
        return True
    text = str(error).lower()
    return "disk is full" in text or "no space left" in text


class JournalBusyError(StorageError):
    """Another process has the journal open for writing."""


class NotAJournalError(StorageError):
    """The file is not a journal: another program's database, or (*not_sqlite*) not a
    database at all."""

    def __init__(self, message: str, *, not_sqlite: bool = False) -> None:
        super().__init__(message)
        self.not_sqlite = not_sqlite


class CorruptJournalError(StorageError):
    """The journal file is damaged. It is left as it is; restoring a backup sets it aside.

    Parameters
    ----------
    path
        Where the journal is (and where a restored one will go).
    problem
        What is wrong, in a few words.
    backup
        The newest backup that passes its check, if there is one.
    """

    def __init__(self, path: Path, problem: str, backup: Path | None) -> None:
        self.path, self.problem, self.backup = path, problem, backup
        remedy = (f"Restore the newest good backup with: pain-journal --db {path} restore {backup}"
                  if backup else "No backup of it was found.")
        super().__init__(f"The journal {path} is damaged: {problem}. It was not changed. "
                         f"{remedy}")
