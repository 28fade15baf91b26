"""The journal's own JSON format: lossless, one day per line, stable key order.

    {"app": "pain-journal", "format_version": 1, "days": [
    {"date": "2026-03-01", "pain": 6, ...},
    ...
    ]}
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from journal.domain import Entry, ValidationError
from journal.domain.parse import MAX_DIGITS
from journal.exchange.errors import DuplicateDays, ImportFileError
from journal.exchange.records import entry_record, record_entry

APP = "pain-journal"
FORMAT_VERSION = 1


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


def dump_json(entries: Iterable[Entry]) -> str:
    """Serialise *entries* (already in date order)."""
    lines = [json.dumps(entry_record(e), ensure_ascii=False) for e in entries]
    body = ",\n".join(lines)
    head = f'{{"app": "{APP}", "format_version": {FORMAT_VERSION}, "days": ['
    return f"{head}\n{body}\n]}}\n" if lines else f"{head}]}}\n"


def load_json(text: str, latest: dt.date) -> list[Entry]:
    """Parse and validate a whole file of days up to *latest*; raises ImportFileError at the
    first problem."""
    try:
        document = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(f"this is not valid JSON ({error.msg}).", error.lineno) from None
    except RecursionError:
        raise ImportFileError("the JSON is nested far too deeply to be a journal export.", 1) \
            from None
    if not isinstance(document, dict) or not isinstance(document.get("days"), list):
        raise ImportFileError('expected a Pain & Mood Journal JSON export: an object with "days".', 1)
    version = document.get("format_version")
    if version != FORMAT_VERSION:
        raise ImportFileError(f"format_version {version!r} is not supported; "
                              f"this version of the app reads {FORMAT_VERSION}.", 1)
    lines = _element_lines(text)
    entries, seen = [], DuplicateDays()
    for index, record in enumerate(document["days"]):
        line = lines[index] if index < len(lines) else None
        if not isinstance(record, dict):
            raise ImportFileError("each day must be an object with a date.", line)
        try:
            entries.append(record_entry(record, latest))
        except ValidationError as error:
            raise ImportFileError(str(error), line) from None
        seen.check(entries[-1].date, line)
    return entries


def _element_lines(text: str) -> list[int]:
    """The line on which each element of the "days" array starts (for error messages)."""
    start = text.find("[", text.find('"days"'))
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
