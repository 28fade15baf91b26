"""One writer per journal: an advisory lock on ``<journal>.lock`` that the app and the CLI share.

The lock belongs to the journal's resolved path, so a symbolic link to the journal
finds the same lock (and a journal with a second, hard-linked name is refused when it
is opened). The lock file is never followed if it is a link, and a holder notices when
its lock file was deleted or replaced. The operating system drops the lock when its
process ends, however it ends, so a lock left by a crash never blocks anyone.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from journal.storage.errors import JournalBusyError, StorageError
from journal.storage.files import FILE_MODE, make_private_dirs, real_path

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

_OPEN_FLAGS = (os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))


class JournalLock:
    """Hold the journal's lock while in use; ``release()`` (or process exit) lets go."""

    def __init__(self, db_path: Path) -> None:
        journal = real_path(db_path)
        self.journal = journal
        self.path = journal.with_name(journal.name + ".lock")
        self._fd: int | None = None
        self._holder = ""

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, holder: str) -> None:
        """Take the lock or raise JournalBusyError naming who has it."""
        make_private_dirs(self.path.parent)
        for _attempt in range(3):
            fd = _open(self.path)
            if not _try_lock(fd):
                other = _read(fd)
                os.close(fd)
                raise JournalBusyError(f"The journal {self.journal} is open in {other}. "
                                  "Close it there first, then try again.")
            if _is_current(fd, self.path):
                break
            os.close(fd)  # deleted or replaced while we waited: lock the file that is there now
        else:
            raise JournalBusyError(f"The lock file of {self.journal} keeps changing; another "
                                   "program is using the journal. Try again in a moment.")
        self._fd, self._holder = fd, holder
        try:  # who holds it, for the message others get; the lock itself is already ours
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{holder} (process {os.getpid()})".encode(), 0)
        except OSError:
            pass  # a full disk must not stop anyone reading or exporting their journal

    def ensure_held(self) -> None:
        """Before a write: still ours? If the lock file was deleted or replaced meanwhile,
        take the new one, or raise JournalBusyError when someone else has it now."""
        if self._fd is not None and _is_current(self._fd, self.path):
            return
        fresh = JournalLock(self.journal)
        fresh.acquire(self._holder or "Pain & Mood Journal")
        self.release()
        self._fd, fresh._fd = fresh._fd, None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock
            self._fd = None

    def __enter__(self) -> JournalLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _open(path: Path) -> int:
    try:
        fd = os.open(path, _OPEN_FLAGS, FILE_MODE)
    except OSError as error:
        if os.path.islink(path):
            raise StorageError(f"The lock file {path} is a symbolic link, which the journal never "
                               "follows. Remove the link, then try again.") from None
        raise StorageError(f"Cannot take the journal's lock {path}: {error.strerror}.") from None
    status = os.fstat(fd)
    if not stat.S_ISREG(status.st_mode):
        os.close(fd)
        raise StorageError(f"The lock file {path} is not a regular file. Remove it, then try "
                           "again.")
    if status.st_uid == os.geteuid() and stat.S_IMODE(status.st_mode) != FILE_MODE:
        os.fchmod(fd, FILE_MODE)
    return fd


def _is_current(fd: int, path: Path) -> bool:
    """True while *path* is still the file that *fd* has open (not deleted, not replaced)."""
    try:
        there = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (there.st_dev, there.st_ino) == (mine.st_dev, mine.st_ino)


def _read(fd: int) -> str:
    text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    return text or "another program"
