"""Short ways for tests to turn days into export bytes and back."""

from journal.exchange import JournalDocument, export_bytes, read_document


def export_days(entries, fmt):
    """The export of a journal holding *entries*."""
    return export_bytes(JournalDocument(days=entries), fmt)


def read_days(data, fmt, **kwargs):
    """The days of an export, as a list."""
    return list(read_document(data, fmt, **kwargs).days)
