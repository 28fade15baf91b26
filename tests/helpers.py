"""Short ways for tests: days to export bytes and back, a file's mode."""

import os
import stat

from journal.exchange import JournalDocument, export_bytes, read_document


def export_days(entries, fmt):
    """The export of a journal holding *entries*."""
    return export_bytes(JournalDocument(days=entries), fmt)


def read_days(data, fmt, **kwargs):
    """The days of an export, as a list."""
    return list(read_document(data, fmt, **kwargs).days)


def file_mode(path):
    """The permission bits of *path* (0o600 is private to its owner)."""
    return stat.S_IMODE(os.stat(path).st_mode)
