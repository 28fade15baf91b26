"""Short ways for tests: days to export bytes and back, a file's mode, a journal's days."""

import datetime as dt
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


def stored(db_path, date=None):
    """The entry of *date* (default today) as the journal file holds it now, or None."""
    from journal.storage import EntryStore, open_database

    db = open_database(db_path)
    try:
        return EntryStore(db).get(date or dt.date.today())
    finally:
        db.close()


def put(db_path, *entries):
    """Save *entries* into the journal file, as another program would."""
    from journal.storage import EntryStore, open_database

    db = open_database(db_path)
    try:
        for entry in entries:
            EntryStore(db).save(entry)
    finally:
        db.close()
