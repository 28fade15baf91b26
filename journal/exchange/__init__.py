"""Import and export: the journal's own lossless CSV and JSON (other apps' formats later)."""

from journal.exchange.errors import ImportFileError
from journal.exchange.transfer import (
    FORMATS, ImportPlan, export_bytes, guess_format, plan_import, read_entries,
)

__all__ = ["FORMATS", "ImportFileError", "ImportPlan", "export_bytes", "guess_format",
           "plan_import", "read_entries"]
