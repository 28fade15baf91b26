"""The journal file: sqlite-utils, registered migrations, one store per table group."""

from journal.storage.database import open_database
from journal.storage.entries import EntryStore
from journal.storage.errors import StorageError

__all__ = ["EntryStore", "StorageError", "open_database"]
