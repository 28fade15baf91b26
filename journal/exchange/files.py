"""Every file the app writes that holds health data: exports, charts and reports.

They all go through `private_output`, so each is readable by the user only and is
either written whole or not at all.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

PRIVATE_MODE = 0o600


@contextmanager
def private_output(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write *path* through; it takes effect only if the block succeeds.

    A regular file (new or existing) is written as a temporary file in the same folder,
    created 0600 whatever the umask, fsynced and renamed over *path*; on any error,
    kill -9 included, *path* is left as it was, and on an exception the temporary file
    is removed. Raises OSError when the place is not writable.
    """
    target = path
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
