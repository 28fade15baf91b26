"""Every file the app writes that holds health data: exports, charts and reports.

They all go through `private_output`, so each is readable by the user only and is
either written whole or not at all; `refuse_journal_files` keeps them off the journal.
"""

from __future__ import annotations

import glob
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from journal.storage.backup import backups_dir
from journal.storage.files import companions
from journal.storage.lock import JournalLock

PRIVATE_MODE = 0o600


class JournalFileError(ValueError):
    """The chosen output is the journal, one of the files beside it, or in its backups."""


def refuse_journal_files(path: Path, journal: Path) -> None:
    """Raise JournalFileError if writing *path* would overwrite *journal* or what belongs to it.

    That is the journal itself (by any name: a symlink or a hard link counts), its SQLite
    companions (``-wal``, ``-shm``, ``-journal``), its lock file, and anything inside its
    backups folder. The message names *path* as the user gave it.
    """
    output = _real(path)
    for name in {journal.absolute(), _real(journal)}:  # SQLite resolves symlinks itself
        if _same_file(path, output, name):
            raise JournalFileError(f"{path} is your journal; writing there would destroy it. "
                                   "Please choose another file.")
        if any(_same_file(path, output, other) for other in (*companions(name),
                                                              JournalLock(name).path)):
            raise JournalFileError(f"{path} is one of the files your journal keeps beside it; "
                                   "writing there could damage it. Please choose another file.")
        if output.is_relative_to(_real(backups_dir(name))):
            raise JournalFileError(f"{path} is in your journal's backups folder, which holds "
                                   "only backups. Please choose another folder.")


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _same_file(path: Path, real_path: Path, protected: Path) -> bool:
    if real_path == _real(protected):
        return True
    try:  # a hard link: another name, the same file
        return os.path.samefile(path, protected)
    except OSError:  # one of them does not exist (yet)
        return False


@contextmanager
def private_output(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write *path* through; it takes effect only if the block succeeds.

    A regular file (new or existing) is written as a temporary file in the same folder,
    created 0600 whatever the umask, fsynced and renamed over *path*; on any error,
    kill -9 included, *path* is left as it was, and on an exception the temporary file
    is removed. A device, a FIFO or standard output (``/dev/stdout``, ``/dev/fd/N``) is
    written in place: it cannot be renamed over, and must not be replaced by a file.
    Raises OSError when the place is not writable.
    """
    descriptor = _open_in_place(path)
    if descriptor is not None:
        with os.fdopen(descriptor, "wb") as out:
            yield out
        return
    target = _final_target(path)
    _remove_stale_temporaries(target)
    # mkstemp: a new name (O_EXCL), mode 0600 under any umask that leaves the owner's bits.
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):  # exactly 0600, even under a umask such as 0277
            os.fchmod(fd, PRIVATE_MODE)
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def write_private(path: Path, data: bytes) -> None:
    """Write *data* to *path* through `private_output`."""
    with private_output(path) as out:
        out.write(data)


def _open_in_place(path: Path) -> int | None:
    """A descriptor to write to when *path* is not a file to replace, else None."""
    own = _own_descriptor(path)
    if own is not None:  # keeps the stream's own offset and append mode (`>>`)
        return os.dup(own)
    try:
        mode = os.stat(path).st_mode  # through symlinks: /dev/stdout -> /proc/self/fd/1 -> ...
    except OSError:
        return None  # a new file, or an error that writing the temporary file will name
    if stat.S_ISREG(mode):
        return None
    # No O_CREAT: if it vanished meanwhile, say so rather than create a file with the umask's mode.
    return os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


def _own_descriptor(path: Path) -> int | None:
    """N when *path* is, or links to, /dev/fd/N or /proc/self/fd/N: a file this process has open."""
    current = Path(os.path.abspath(path))
    for _ in range(40):  # the kernel's own limit on symlinks in a row
        folder = current.parent
        if current.name.isdigit() and str(folder) in (
                "/dev/fd", "/proc/self/fd", f"/proc/{os.getpid()}/fd"):
            return int(current.name)
        if not current.is_symlink():
            return None
        current = Path(os.path.abspath(folder / os.readlink(current)))
    return None


def _final_target(path: Path) -> Path:
    """The file a symlink points to (the link itself stays), or *path*."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system can (not Windows, not every file system).

    The new file is already in place, so a folder that cannot be synced is no failure.
    """
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale_temporaries(target: Path, older_than_s: float = 3600) -> None:
    """Half-written copies of *target* left by a save that was killed (they hold health data)."""
    now = time.time()
    for stale in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        try:
            if now - stale.stat().st_mtime > older_than_s:
                stale.unlink()
        except OSError:
            pass
