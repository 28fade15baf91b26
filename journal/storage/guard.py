"""Notice, before and after each write, that the journal is still the file this process has
open, and that its write-ahead log is still the one SQLite writes into.

Both can change under an open window without SQLite noticing: the user (or a sync tool)
moves or replaces the journal; or some code in the window's process opens and closes the
journal with a plain handle (Qt's file dialogs do, to guess a file's type), which drops the
connection's locks, so that the next command-line reader to close deletes the log the
window still writes into. The first is refused with a message; the second is repaired by
reconnecting, and a write that may have gone into a deleted log is made again.
"""

from __future__ import annotations

import os
from pathlib import Path

from journal.storage.errors import StorageError
from journal.storage.files import real_path


class JournalMovedError(StorageError):
    """The journal file is no longer at its path (moved, replaced or deleted while open)."""


def identity(path: Path) -> tuple[int, int] | None:
    """The file at *path* (device and inode), or None if nothing is there."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


class FileGuard:
    """The journal file and its write-ahead log as they were when the connection opened."""

    def __init__(self, path: Path) -> None:
        self.file = real_path(path)
        self.log = Path(f"{self.file}-wal")
        self._file_id: tuple[int, int] | None = None
        self._log_id: tuple[int, int] | None = None

    def anchor(self) -> None:
        """Remember both, right after the connection opened and read (so its log exists)."""
        self._file_id, self._log_id = identity(self.file), identity(self.log)

    def check_file(self) -> None:
        """Raise JournalMovedError if the journal at the path is not the file opened."""
        if self._file_id is not None and identity(self.file) != self._file_id:
            raise JournalMovedError(
                f"The journal {self.file} was moved, replaced or deleted while the app had it "
                "open, so nothing more is saved into it. Close the app and open the journal "
                "again.")

    def log_replaced(self) -> bool:
        """True when the log is not the one the connection writes into any more."""
        return self._log_id is not None and identity(self.log) != self._log_id
