"""Export a journal to bytes and import bytes into a journal, all-or-nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from journal.domain import Entry
from journal.domain.dates import latest_date
from journal.exchange.csv_format import dump_csv, load_csv
from journal.exchange.errors import ImportFileError
from journal.exchange.json_format import dump_json, load_json
from journal.storage import EntryStore

FORMATS = ("csv", "json")


def export_bytes(entries: Sequence[Entry], fmt: str) -> bytes:
    """*entries* in the journal's own *fmt* ("csv" with a BOM, or "json"), UTF-8."""
    if fmt == "csv":
        return dump_csv(entries).encode("utf-8-sig")
    return dump_json(entries).encode("utf-8")


def guess_format(path: Path | None, data: bytes) -> str:
    """The format named by the file's extension, else by its first character."""
    if path is not None and path.suffix.lower().lstrip(".") in FORMATS:
        return path.suffix.lower().lstrip(".")
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "json" if start in (b"{", b"[") else "csv"


def read_entries(data: bytes, fmt: str, *, latest: dt.date | None = None) -> list[Entry]:
    """Decode and validate a whole file; raises ImportFileError naming the first problem.

    A day after *latest* (default: `latest_date()`, the latest date begun anywhere) is refused.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ImportFileError("the file is not UTF-8 text; save it as UTF-8 and try again.",
                              line) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportFileError("the file contains binary data, not text.", line)
    latest = latest_date() if latest is None else latest
    return load_csv(text, latest) if fmt == "csv" else load_json(text, latest)


@dataclass(frozen=True)
class ImportPlan:
    """What importing a file would change in a journal."""

    new: list[Entry]
    changed: list[Entry]
    unchanged: int

    @property
    def to_write(self) -> list[Entry]:
        return self.new + self.changed

    def describe(self, *, done: bool) -> str:
        verb = ("Added", "replaced") if done else ("Would add", "replace")
        text = (f"{verb[0]} {_days(len(self.new))} and {verb[1]} {_days(len(self.changed))}; "
                f"{_days(self.unchanged)} already the same.")
        return text if done else text + " Nothing was written (dry run)."


def plan_import(store: EntryStore, entries: Sequence[Entry]) -> ImportPlan:
    """Compare *entries* with the journal: a day in the file replaces the same day."""
    existing = {e.date: e for e in store.between()}
    new = [e for e in entries if e.date not in existing]
    changed = [e for e in entries if e.date in existing and existing[e.date] != e]
    return ImportPlan(new, changed, len(entries) - len(new) - len(changed))


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"
