"""The journal's own JSON format: lossless, one record per line, stable key order.

    {"app": "pain-journal", "format_version": 2, "days": [
    {"date": "2026-03-01", "pain": 6, ...},
    ...
    ]}

Version 2 is a document with one section per kind of data (`document.SECTIONS`: days,
medications, events, questionnaire check-ins). Days are always written; another section only
when it has records, so a journal without them still imports into an app from before them.
Version 1 held days only, in the same shape, and still imports.
"""

from __future__ import annotations

import datetime as dt
import json

from journal.domain import ValidationError
from journal.domain.parse import MAX_DIGITS
from journal.exchange.checkin_records import checkin_record, record_checkin
from journal.exchange.document import SECTIONS, JournalDocument
from journal.exchange.errors import DuplicateDays, ImportFileError
from journal.exchange.records import entry_record, record_entry
from journal.exchange.treatment_records import (
    event_record,
    medication_record,
    record_event,
    record_medication,
)

#: How each section's records are written (sections other than days are read in `_section`).
_RECORDS = {"days": entry_record, "medications": medication_record, "events": event_record,
            "checkins": checkin_record}

APP = "pain-journal"
FORMAT_VERSION = 2
READS = (1, 2)  # version 1: days only, same shape


class _LongNumber:
    """A JSON integer with more digits than any journal value, kept as text.

    int() refuses more than 4,300 digits with a plain ValueError; kept like this, the
    number reaches its field's own check, which refuses it by name and line.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"{self.text[:12]}... ({len(self.text.lstrip('-')):,} digits)"


def _parse_int(text: str) -> int | _LongNumber:
    return int(text) if len(text.lstrip("-")) <= MAX_DIGITS else _LongNumber(text)


_DECODER = json.JSONDecoder(parse_int=_parse_int)


def dump_json(document: JournalDocument) -> str:
    """Serialise *document*: a head line, then each section as an array, one record a line."""
    sections = []
    for name in SECTIONS:
        records = getattr(document, name)
        if name != "days" and not records:
            continue
        lines = [json.dumps(_RECORDS[name](r), ensure_ascii=False) for r in records]
        sections.append(f'"{name}": [\n' + ",\n".join(lines) + "\n]" if lines else f'"{name}": []')
    return f'{{"app": "{APP}", "format_version": {FORMAT_VERSION}, ' + ", ".join(sections) + "}\n"


def load_json(text: str, latest: dt.date) -> JournalDocument:
    """Parse and validate a whole file (days up to *latest*); raises ImportFileError at the
    first problem."""
    try:
        document = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(f"this is not valid JSON ({error.msg}).", error.lineno) from None
    except RecursionError:
        raise ImportFileError("the JSON is nested far too deeply to be a journal export.", 1) \
            from None
    if not isinstance(document, dict) or not isinstance(document.get("days"), list):
        raise ImportFileError('expected a Pain & Mood Journal JSON export: an object with "days".',
                              1)
    version = document.get("format_version")
    if version not in READS:
        newer = " (made by a newer version of the app)" if isinstance(version, int) \
            and version > FORMAT_VERSION else ""
        raise ImportFileError(f"format_version {version!r} is not supported{newer}; this version "
                              f"of the app reads {' and '.join(map(str, READS))}.", 1)
    if document.get("app", APP) != APP:
        raise ImportFileError(f'"app" is {document.get("app")!r}: this is not a Pain & Mood '
                              "Journal export.", 1)
    unknown = sorted(set(document) - {"app", "format_version", *SECTIONS})
    if unknown:
        raise ImportFileError(f"the file holds {', '.join(map(repr, unknown))}, which this "
                              "version of the app does not know; nothing was imported.", 1)
    others = {}
    for name, reader, what in (("medications", record_medication, "medication"),
                               ("events", record_event, "event")):
        records = document.get(name, [])
        if not isinstance(records, list):
            raise ImportFileError(f'"{name}" must be a list of {what}s.', 1)
        others[name] = _section(text, name, records, reader)
    checkins = document.get("checkins", [])
    if not isinstance(checkins, list):
        raise ImportFileError('"checkins" must be a list of questionnaires.', 1)
    return JournalDocument(days=_days(text, document["days"], latest),
                           checkins=_checkins(text, checkins, latest), **others)


def _section(text: str, name: str, records: list, reader) -> list:  # noqa: ANN001
    """Read a section of medications or events; a name or a date twice is refused."""
    lines = _element_lines(text, name)
    found, seen = [], {}
    for index, record in enumerate(records):
        line = lines[index] if index < len(lines) else None
        try:
            found.append(reader(record))
        except ValidationError as error:
            raise ImportFileError(str(error), line) from None
        key = found[-1].key
        if key in seen:
            raise ImportFileError(f"{name}: the same record twice (lines {seen[key]} and "
                                  f"{line}).", line)
        seen[key] = line
    return found


def _days(text: str, records: list, latest: dt.date) -> list:
    lines = _element_lines(text)
    entries, seen = [], DuplicateDays()
    for index, record in enumerate(records):
        line = lines[index] if index < len(lines) else None
        if not isinstance(record, dict):
            raise ImportFileError("each day must be an object with a date.", line)
        try:
            entries.append(record_entry(record, latest))
        except ValidationError as error:
            raise ImportFileError(str(error), line) from None
        seen.check(entries[-1].date, line)
    return entries


def _checkins(text: str, records: list, latest: dt.date) -> list:
    lines = _element_lines(text, "checkins") if records else []
    checkins, seen = [], DuplicateDays()
    for index, record in enumerate(records):
        line = lines[index] if index < len(lines) else None
        if not isinstance(record, dict):
            raise ImportFileError("each questionnaire must be an object with an instrument, a "
                                  "date and answers.", line)
        try:
            checkins.append(record_checkin(record, latest))
        except ValidationError as error:
            raise ImportFileError(str(error), line) from None
        seen.check(f"{checkins[-1].form.name} of {checkins[-1].date}", line)
    return checkins


def _element_lines(text: str, section: str = "days") -> list[int]:
    """The line on which each element of a section's array starts (for error messages)."""
    at = text.find(f'"{section}"')
    if at < 0:
        return []
    start = text.find("[", at)
    lines, position = [], start + 1
    line, counted = 1, 0  # newlines are counted once, from where the last count stopped
    while 0 < position < len(text):
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            break
        line += text.count("\n", counted, position)
        counted = position
        lines.append(line)
        try:
            _, position = _DECODER.raw_decode(text, position)
        except json.JSONDecodeError:
            break
    return lines
