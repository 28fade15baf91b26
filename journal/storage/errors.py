"""Errors that storage raises with a sentence a person can act on."""

from __future__ import annotations

import errno
from pathlib import Path


class StorageError(Exception):
    """The journal file could not be opened, read or written."""


def is_disk_full(error: BaseException) -> bool:
    """No room left to write: the OS's ENOSPC/EDQUOT, SQLite's SQLITE_FULL, or a message
    (a StorageError's) that passes one of them on."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    if getattr(error, "sqlite_errorname", "") == "SQLITE_FULL":
        return True
    text = str(error).lower()
    return "disk is full" in text or "no space left" in text


class CorruptJournal(StorageError):
    """The journal file is damaged. It has been set aside, never overwritten.

    Parameters
    ----------
    path
        Where the journal was (and where a restored one will go).
    problem
        What is wrong, in a few words.
    set_aside
        Where the damaged file now is.
    backup
        The newest backup that passes its check, if there is one.
    """

    def __init__(self, path: Path, problem: str, set_aside: Path, backup: Path | None) -> None:
        self.path, self.problem, self.set_aside, self.backup = path, problem, set_aside, backup
        remedy = (f"Restore the newest good backup with: pain-journal --db {path} restore {backup}"
                  if backup else "No backup of it was found.")
        super().__init__(f"The journal {path} cannot be used: {problem}. It was set aside as "
                         f"{set_aside.name}, unchanged. {remedy}")
