"""The journal's own CSV format: UTF-8 (with a BOM so spreadsheets detect it), one row per day.

Columns (documented in the README): the keys of a day record
(`journal.exchange.records.RECORD_KEYS`: the date, every measure of the registry,
activity_minutes, activities, tags, notes, created_at, updated_at), each cell made from
that record by name. A blank cell means "not recorded". ``activities`` is
``kind:minutes[:intensity]`` items joined by ``"; "``, or ``none`` for "no
exercise"; ``tags`` are joined by ``"; "``; ``activity_minutes`` is the total,
written for spreadsheets and checked on import.

Spreadsheets run a cell that starts with ``= + - @``, a tab or a carriage return
as a formula (OWASP "CSV injection"), so a text cell (activities, tags, notes)
that starts with one of these, or with ``'``, is written with one more ``'`` in
front, which spreadsheets read as "this is text". Import removes one leading
``'`` from these cells, so the round trip stays exact. Number cells are never
marked.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from journal.domain import MEASURE_KEYS, Entry, ValidationError
from journal.domain.dates import check_begun
from journal.domain.parse import (
    NO_ACTIVITY,
    format_activity,
    format_measure,
    parse_activity,
    parse_date,
    parse_measure,
    whole_number,
)
from journal.exchange.document import JournalDocument
from journal.exchange.errors import DuplicateDays, ImportFileError
from journal.exchange.records import RECORD_KEYS, check_activity_minutes, parse_timestamp

COLUMNS = RECORD_KEYS
_LIST_SEPARATOR = "; "
_TEXT_MARK = "'"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def dump_csv(document: JournalDocument) -> str:
    """Serialise the days of *document* (already in date order) as CSV text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for e in document.days:
        writer.writerow(_row(e))
    return out.getvalue()


def _row(e: Entry) -> list[str]:
    if e.activities is None:
        activities = ""
    else:
        activities = _LIST_SEPARATOR.join(map(format_activity, e.activities)) or NO_ACTIVITY
    cells = {
        "date": e.date.isoformat(), **{key: format_measure(key, getattr(e, key))
                                       for key in MEASURE_KEYS},
        "activity_minutes": "" if e.activity_minutes is None else str(e.activity_minutes),
        "activities": _text_cell(activities), "tags": _text_cell(_LIST_SEPARATOR.join(e.tags)),
        "notes": _text_cell(e.notes or ""),
        "created_at": e.created_at or "", "updated_at": e.updated_at or "",
    }
    return [cells[column] for column in COLUMNS]


def _text_cell(text: str) -> str:
    """*text* as a cell that a spreadsheet shows as text, never runs as a formula."""
    return _TEXT_MARK + text if text.startswith((*_FORMULA_STARTS, _TEXT_MARK)) else text


def _cell_text(cell: str) -> str:
    """The inverse of `_text_cell`."""
    return cell.removeprefix(_TEXT_MARK)


def load_csv(text: str, latest: dt.date) -> JournalDocument:
    """Parse and validate a whole file of days up to *latest*; raises ImportFileError at the
    first problem."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise ImportFileError("the file is empty; expected a header row starting with date.", 1)
        columns = _columns(header)
        entries, line, seen = [], reader.line_num + 1, DuplicateDays()
        for row in reader:
            if any(cell.strip() for cell in row):
                entries.append(_entry(row, columns, line, latest))
                seen.check(entries[-1].date, line)
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(f"the CSV is malformed ({error}).", reader.line_num or 1) from None
    return JournalDocument(days=entries)


def _columns(header: list[str]) -> list[str]:
    names = [cell.strip().lower() for cell in header]
    for name in names:
        if name not in COLUMNS:
            raise ImportFileError(f'unknown column "{name}"; the columns are '
                                  + ", ".join(COLUMNS) + ".", 1)
        if names.count(name) > 1:
            raise ImportFileError(f'the column "{name}" appears twice.', 1)
    if "date" not in names:
        raise ImportFileError('the header has no "date" column.', 1)
    return names


def _entry(row: list[str], columns: list[str], line: int, latest: dt.date) -> Entry:
    if len(row) != len(columns):
        raise ImportFileError(f"expected {len(columns)} cells as in the header, found {len(row)}.",
                              line)
    cells = dict(zip(columns, row, strict=True))
    try:
        return _parse_cells(cells, latest)
    except ValidationError as error:
        raise ImportFileError(str(error), line) from None


def _parse_cells(cells: dict[str, str], latest: dt.date) -> Entry:
    def text(name: str) -> str:
        return cells.get(name, "")

    activities_text = _cell_text(text("activities")).strip()
    if not activities_text:
        activities = None
    elif activities_text.lower() == NO_ACTIVITY:
        activities = ()
    else:
        activities = tuple(parse_activity(item) for item in activities_text.split(";")
                           if item.strip())
    minutes = text("activity_minutes").strip()
    entry = Entry(
        date=check_begun(parse_date(text("date")), latest),
        **{key: parse_measure(key, text(key)) for key in MEASURE_KEYS},
        activities=activities,
        tags=tuple(t for t in _cell_text(text("tags")).split(";") if t.strip()),
        notes=_cell_text(text("notes")) or None,
        created_at=parse_timestamp("created_at", text("created_at").strip()),
        updated_at=parse_timestamp("updated_at", text("updated_at").strip()),
    )
    total = whole_number(minutes)
    check_activity_minutes(entry, minutes if total is None else total)
    return entry
