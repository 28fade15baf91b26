"""Import and export: the journal's own lossless CSV and JSON (other apps' formats later)."""

from journal.exchange.document import SECTIONS, JournalDocument
from journal.exchange.errors import ImportFileError
from journal.exchange.transfer import (
    FORMATS,
    ImportPlan,
    SectionPlan,
    export_bytes,
    guess_format,
    plan_import,
    read_document,
)

__all__ = ["FORMATS", "SECTIONS", "ImportFileError", "ImportPlan", "JournalDocument",
           "SectionPlan", "export_bytes", "guess_format", "plan_import", "read_document"]
