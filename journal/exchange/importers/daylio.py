"""Daylio's CSV export: one row per entry, several a day, newest first.

Three header generations (``year,...``; ``full_date,...,note``; ``full_date,...,note_title,
note``, perhaps with ``scales``) and files without a header row (the ``full_date`` order).
The date is ``full_date`` when present, otherwise the year plus the localized ``date``.
Each entry's mood becomes a 0-10 score (`moods`); a day's mood is the mean of its entries,
rounded half up. Activities become tags; notes (with their titles) are kept, in time order,
each after the entry's time.
"""

from __future__ import annotations

import csv
import io

from journal.exchange.errors import ImportFileError, decode_text
from journal.exchange.importers.common import (
    DayCollector,
    ForeignImport,
    Problem,
)
from journal.exchange.importers.dates import format_minute, iso_date, localized_date, minute_of_day
from journal.exchange.importers.moods import MoodScores

NAME = "daylio"
HEADERS = (
    ("year", "date", "weekday", "time", "mood", "activities", "note"),
    ("full_date", "date", "weekday", "time", "mood", "activities", "note"),
    ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"),
    ("full_date", "date", "weekday", "time", "mood", "activities", "scales", "note_title", "note"),
)
_NO_HEADER = {7: HEADERS[1], 8: HEADERS[2], 9: HEADERS[3]}


def sniff(first_row: list[str]) -> bool:
    """True if the first row is a Daylio header, or a Daylio row of a file without one."""
    names = [c.strip().lower() for c in first_row]
    if names[:2] in (["full_date", "date"], ["year", "date"]) and "mood" in names:
        return True
    if len(names) in _NO_HEADER:
        try:
            iso_date(names[0])  # the date column is in the phone's language: not checked
        except ValueError:
            return False
        return minute_of_day(names[3]) >= 0
    return False


def read(data: bytes, mood_map: dict[str, int] | None = None, **_options: object,
         ) -> ForeignImport:
    text = decode_text(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    days, moods = DayCollector(), MoodScores(mood_map)
    entries: list[tuple] = []
    columns: tuple[str, ...] | None = None
    try:
        line = 1
        for row in reader:
            if not any(cell.strip() for cell in row):
                line = reader.line_num + 1
                continue
            if columns is None:
                columns = _columns(row)
                if columns is not None and row[0].strip().lower() in ("full_date", "year"):
                    line = reader.line_num + 1
                    continue
                columns = columns or _NO_HEADER[len(row)]
            entries.append(_entry(row, columns, line, days, moods))
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(f"the CSV is malformed ({error}).", reader.line_num or 1) from None
    if not entries:
        raise ImportFileError("the file holds no Daylio entries.", 1)
    moods.check()
    for date, minute, mood, tags, note, line in entries:
        days.rating(date, "mood", moods.scores[mood], line)
        for tag in tags:
            days.tag(date, tag, line)
        if note:
            days.note(date, f"{format_minute(minute)} {note}".strip(), minute, line)
    return ForeignImport(NAME, days.days(), days.problems, moods.counts)


def _columns(row: list[str]) -> tuple[str, ...] | None:
    names = tuple(c.strip().lower() for c in row)
    if names and names[0] in ("full_date", "year"):
        if "mood" not in names or "date" not in names:
            raise ImportFileError("this Daylio header has no mood or date column.", 1)
        return names
    if len(row) not in _NO_HEADER:
        raise ImportFileError(f"expected a Daylio header row (full_date,date,weekday,time,mood,"
                              f"...) or 7-9 cells; found {len(row)} cells.", 1)
    return None


def _entry(row: list[str], columns: tuple[str, ...], line: int, days: DayCollector,
           moods: MoodScores) -> tuple:
    if len(row) < len(columns):
        missing = ", ".join(columns[len(row):])
        days.problems.append(Problem(line, f"{len(row)} cells instead of {len(columns)}; "
                                     f"{missing} left empty."))
    cells = dict(zip(columns, row, strict=False))
    date_text = cells.get("full_date", "").strip()
    try:
        date = iso_date(date_text) if date_text else localized_date(cells.get("year", ""),
                                                                      cells.get("date", ""))
    except ValueError:
        shown = date_text or f"{cells.get('year', '')} {cells.get('date', '')}".strip()
        raise ImportFileError(f'"{shown}" is not a date (expected full_date as YYYY-MM-DD, '
                              "or a year and a day and month).", line) from None
    mood_name = cells.get("mood", "").strip()
    if not mood_name:
        raise ImportFileError("the entry has no mood.", line)
    minute = minute_of_day(cells.get("time", ""))
    tags = [t for t in cells.get("activities", "").split("|") if t.strip()]
    title, note = cells.get("note_title", "").strip(), _note(cells.get("note", ""))
    text = "\n".join(part for part in (title, note) if part)
    days.touch(date, line)
    return date, minute, moods.see(mood_name), tags, text, line


def _note(text: str) -> str:
    return text.replace("<br>", "\n").replace("<br/>", "\n").strip()
