"""The journal file: sqlite-utils, registered migrations, one store per table group.

`open_database` (which imports sqlite-utils, and through it numpy) loads on first use,
so that reading a current journal at start-up stays light.
"""

from journal.storage.entries import EntryStore
from journal.storage.errors import CorruptJournalError, NotAJournalError, StorageError

__all__ = ["CorruptJournalError", "EntryStore", "NotAJournalError", "StorageError", "open_database"]


def __getattr__(name: str):  # noqa: ANN202 - PEP 562 lazy attribute
    if name == "open_database":
        from journal.storage.database import open_database

        return open_database
    raise AttributeError(name)
