"""The journal's place on disk: its real path, private folders, and what kind of file is there.

Nothing here opens the journal itself with a plain file handle: in a process that has
an SQLite connection to a file, closing any other descriptor of that file drops the
connection's locks, and another process may then delete the write-ahead log under it
(sqlite.org, "How To Corrupt An SQLite Database File", section 2.2).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from journal.storage.errors import StorageError

DIR_MODE = 0o700
FILE_MODE = 0o600
#: Files SQLite keeps beside a journal; they belong to it and move with it.
COMPANIONS = ("-wal", "-shm", "-journal")


def real_path(path: Path) -> Path:
    """*path* with every symbolic link resolved (also a dangling one: its target).

    SQLite names the write-ahead log after the resolved path too, so the lock, the
    backups and the log of one journal agree however the user reaches it.
    """
    return Path(os.path.realpath(path))


def companions(db_path: Path) -> list[Path]:
    return [Path(f"{db_path}{suffix}") for suffix in COMPANIONS]


def make_private_dirs(folder: Path) -> None:
    """Create *folder* and every missing folder above it, each 0700 whatever the umask."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for each in reversed(missing):
        try:
            os.mkdir(each, DIR_MODE)
        except FileExistsError:
            pass  # made meanwhile by another process
        except NotADirectoryError:
            raise StorageError(f"Cannot make the folder {each}: {each.parent} is a file, "
                               "not a folder.") from None
        except OSError as error:
            raise StorageError(f"Cannot make the folder {each}: {error.strerror}.") from None


def kind_of(mode: int) -> str | None:
    """None for a regular file; otherwise what it is, in words."""
    if stat.S_ISREG(mode):
        return None
    for test, words in ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a device"),
                        (stat.S_ISBLK, "a disk device"), (stat.S_ISFIFO, "a pipe"),
                        (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return words
    return "not a regular file"


def check_regular(path: Path, what: str = "journal", *,
                  single_name: bool = True) -> os.stat_result | None:
    """The file's status, or None if nothing is there; StorageError if it is not a file
    that can be a *what* (a folder, a device, a pipe; with *single_name*, a file with a
    second, hard-linked name, which SQLite would give a second log)."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise StorageError(f"{path} cannot be a {what}: a part of that path is a file, "
                           "not a folder.") from None
    except OSError as error:
        raise StorageError(f"Cannot read {path}: {error.strerror}.") from None
    other = kind_of(status.st_mode)
    if other:
        raise StorageError(f"{path} is {other}, not a {what}; nothing was changed.")
    if single_name and status.st_nlink > 1:
        raise StorageError(
            f"The {what} {path} has {status.st_nlink} names on disk (hard links). SQLite keeps "
            "a separate log for each name, which can lose saves, so it was not opened. Keep one "
            f"name (find the others with: find / -samefile {path}), then try again.")
    return status


def fsync_path(path: Path) -> None:
    """Flush a file or a folder to disk (a folder: so that a rename survives a power cut)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_stem(db_path: Path) -> str:
    """What a journal's backups are named after: ``journal`` for ``journal.db``, the whole
    name otherwise (``pain.sqlite``), so journals sharing a folder never share backups."""
    file = real_path(db_path)
    return file.stem if file.suffix == ".db" else file.name


def precheck(path: Path) -> None:
    """Before a writer takes the lock (which makes a lock file beside the path): refuse what
    can never be a journal, so that nothing is created beside a letter, a device or a pipe.

    Reads the first 16 bytes, so call it only in a process with no connection to this file
    (closing a plain handle drops that process's SQLite locks). A file whose start is not
    SQLite's but that has backups named after it is let through: it is a damaged journal,
    and opening it offers those backups.
    """
    file = real_path(path)
    status = check_regular(file)
    if status is None or status.st_size == 0:
        return
    try:
        with open(file, "rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise StorageError(f"Cannot read {file}: {error.strerror}.") from None
    if header == b"SQLite format 3\x00":
        return
    if any((file.parent / "backups").glob(f"{backup_stem(file)}-*.db")):
        return
    from journal.storage.errors import NotAJournalError

    raise NotAJournalError(f"{file} is not a Pain & Mood Journal file (it is not an SQLite "
                           "database); it was not changed.", not_sqlite=True)
