"""Export a journal to bytes and import bytes into a journal, all-or-nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journal.domain import Entry
from journal.domain.dates import latest_date
from journal.exchange.csv_format import dump_csv, load_csv
from journal.exchange.document import SECTIONS, JournalDocument
from journal.exchange.errors import decode_text
from journal.exchange.json_format import dump_json, load_json

FORMATS = ("csv", "json")


def export_bytes(document: JournalDocument, fmt: str) -> bytes:
    """*document* in *fmt*, UTF-8: "json" holds every section; "csv" (with a byte-order mark,
    for spreadsheets) holds the days; "fhir" is a FHIR R4 Bundle of the days' numbers."""
    if fmt == "csv":
        return dump_csv(document).encode("utf-8-sig")
    if fmt == "fhir":  # a companion for clinic systems: numbers only, not read back
        from journal.exchange.fhir import dump_fhir

        return dump_fhir(document).encode("utf-8")
    return dump_json(document).encode("utf-8")


def guess_format(path: Path | None, data: bytes) -> str:
    """The format named by the file's extension, else by its first character."""
    if path is not None and path.suffix.lower().lstrip(".") in FORMATS:
        return path.suffix.lower().lstrip(".")
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "json" if start in (b"{", b"[") else "csv"


def read_document(data: bytes, fmt: str, *, latest: dt.date | None = None) -> JournalDocument:
    """Decode and validate a whole file; raises ImportFileError naming the first problem.

    A day after *latest* (default: `latest_date()`, the latest date begun anywhere) is refused.
    """
    text = decode_text(data)
    latest = latest_date() if latest is None else latest
    return load_csv(text, latest) if fmt == "csv" else load_json(text, latest)


#: How an import's summary names each section other than days.
SECTION_WORDS = {"medications": "Medications", "events": "Events", "checkins": "Questionnaires"}


@dataclass(frozen=True)
class SectionPlan:
    """What importing one section would change: records new to the journal, records that
    differ (the file's version replaces them), and how many are already the same."""

    new: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    unchanged: int = 0

    @property
    def to_write(self) -> list:
        return self.new + self.changed


@dataclass(frozen=True)
class ImportPlan:
    """What importing a file would change in a journal, section by section."""

    sections: dict[str, SectionPlan]

    @property
    def days(self) -> SectionPlan:
        return self.sections.get("days", SectionPlan())

    @property
    def checkins(self) -> SectionPlan:
        return self.sections.get("checkins", SectionPlan())

    @property
    def empty(self) -> bool:
        return not any(plan.to_write for plan in self.sections.values())

    def describe(self, *, done: bool) -> str:
        days = self.days
        verb = ("Added", "replaced") if done else ("Would add", "replace")
        text = (f"{verb[0]} {_days(len(days.new))} and {verb[1]} {_days(len(days.changed))}; "
                f"{_days(days.unchanged)} already the same.")
        for name, plan in self.sections.items():
            if name != "days" and (plan.to_write or plan.unchanged):
                text += (f" {SECTION_WORDS.get(name, name)}: {len(plan.new)} new, "
                         f"{len(plan.changed)} replaced, {plan.unchanged} already the same.")
        return text if done else text + " Nothing was written (dry run)."


def plan_import(current: JournalDocument, incoming: JournalDocument) -> ImportPlan:
    """Compare a file with the journal: a record in the file replaces the same record (for
    days: the same date)."""
    return ImportPlan({name: _plan_section(getattr(current, name), getattr(incoming, name))
                       for name in SECTIONS})


def _plan_section(current: Sequence[object], incoming: Sequence[object]) -> SectionPlan:
    existing = {_key(e): e for e in current}
    new = [e for e in incoming if _key(e) not in existing]
    changed = [e for e in incoming if _key(e) in existing and existing[_key(e)] != e]
    return SectionPlan(new, changed, len(incoming) - len(new) - len(changed))


def _key(record: object) -> object:
    """What identifies a record in its section: a day's date; a medication's name, an event's
    date and kind, a check-in's instrument and date (their ``key``)."""
    return record.date if isinstance(record, Entry) else record.key  # type: ignore[attr-defined]


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"
