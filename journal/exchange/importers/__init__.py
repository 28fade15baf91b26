"""Importers for other apps' exports: each turns a file into whole days (`ForeignImport`).

`detect` names the format from the file's content; `read_file` reads it. The days then go
through `merge.merge_days` (the ``--on-conflict`` rule) and the journal's own import plan:
a preview, a backup, one transaction, undo.
"""

from __future__ import annotations

import csv
import importlib
import io
import zipfile
from pathlib import Path

from journal.exchange.errors import ImportFileError
from journal.exchange.importers.common import (
    ForeignImport,
    ImportCancelledError,
    Problem,
    Progress,
)
from journal.exchange.importers.merge import RULES, merge_days
from journal.exchange.importers.moods import UnmappedMoodsError, parse_mood_map

#: Format names as the command line and the window show them, with their modules.
FORMATS = {
    "daylio": "daylio",
    "bearable": "bearable",
    "imoodjournal": "imoodjournal",
    "apple-health": "apple_health",
    "fitbit": "fitbit",
    "csv": "any_csv",
}
LABELS = {
    "daylio": "Daylio CSV", "bearable": "Bearable CSV", "imoodjournal": "iMoodJournal CSV",
    "apple-health": "Apple Health export", "fitbit": "Fitbit export", "csv": "a CSV file",
}
_HEAD_BYTES = 64 * 1024
_CSV_SNIFFERS = ("daylio", "bearable", "imoodjournal", "fitbit")

__all__ = ["FORMATS", "LABELS", "RULES", "ForeignImport", "ImportCancelledError", "Problem",
           "UnmappedMoodsError", "detect", "merge_days", "parse_mood_map", "read_file"]


def _module(fmt: str):  # noqa: ANN202
    return importlib.import_module(f"journal.exchange.importers.{FORMATS[fmt]}")


def detect(path: Path) -> str | None:
    """The format of the file at *path* from its content, or None if it is none of them."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(_HEAD_BYTES)
    except OSError:
        return None
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError):
            return None
        return "apple-health" if any(n.endswith("export.xml") for n in names) else None
    text = head.decode("utf-8-sig", errors="replace").lstrip()
    if text.startswith("<"):
        return "apple-health" if "<HealthData" in text else None
    if text.startswith(("[", "{")):
        return "fitbit" if _module("fitbit").sniff_json(text) else None
    rows = list(csv.reader(io.StringIO(text, newline="")))[:3]
    if not rows:
        return None
    for fmt in _CSV_SNIFFERS:
        module = _module(fmt)
        if any(module.sniff(row) for row in rows[:2] if row):
            return fmt
    return None


def read_file(path: Path, fmt: str, *, progress: Progress | None = None,
              **options: object) -> ForeignImport:
    """Read *path* as *fmt*; raises ImportFileError (with the line) when it cannot be read,
    UnmappedMoodsError when mood names need a score, ImportCancelledError when *progress*
    says stop."""
    module = _module(fmt)
    if hasattr(module, "read_path"):
        return module.read_path(Path(path), progress=progress, **options)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ImportFileError(f"cannot read the file ({error.strerror}).") from None
    return module.read(data, **options)
