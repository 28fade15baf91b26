"""Errors that storage raises with a sentence a person can act on."""


class StorageError(Exception):
    """The journal file could not be opened, read or written."""
