"""One writer per journal: an advisory lock on ``<journal>.lock`` that the app and the CLI share.

The operating system drops the lock when its process ends, however it ends, so a
lock left by a crash never blocks anyone: the next process simply takes it.
"""

from __future__ import annotations

import os
from pathlib import Path

from journal.storage.errors import StorageError

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


class JournalBusy(StorageError):
    """Another process has the journal open for writing."""


class JournalLock:
    """Hold the journal's lock while in use; ``release()`` (or process exit) lets go."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self, holder: str) -> None:
        """Take the lock or raise JournalBusy naming who has it."""
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            other = _read(fd)
            os.close(fd)
            raise JournalBusy(f"The journal {self.path.with_suffix('')} is open in {other}. "
                              "Close it there first, then try again.")
        self._fd = fd
        try:  # who holds it, for the message others get; the lock itself is already ours
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{holder} (process {os.getpid()})".encode(), 0)
        except OSError:
            pass  # a full disk must not stop anyone reading or exporting their journal

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock
            self._fd = None

    def __enter__(self) -> JournalLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _read(fd: int) -> str:
    text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    return text or "another program"
