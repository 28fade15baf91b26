"""iMoodJournal's CSV export: one row per mood entry, several a day.

Header ``"Date","Day of week","Hour","Minute","Level","LevelText","Comment"`` and then one
0/1 column per hashtag. The level (1-10, 10 best) is kept as it is on the 0-10 mood scale;
a day's mood is the mean of its entries, rounded half up. Comments are kept as notes after
their time; hashtags (a column's 1, or ``#word`` in a comment) become tags. A row that is
an exact copy of an earlier one is read once.
"""

from __future__ import annotations

import csv
import io
import re

from journal.exchange.errors import ImportFileError, decode_text
from journal.exchange.importers.common import DayCollector, ForeignImport, Problem
from journal.exchange.importers.dates import format_minute, iso_date, text_date

NAME = "imoodjournal"
FIRST_COLUMNS = ("date", "day of week", "hour", "minute", "level", "leveltext", "comment")
_HASHTAG = re.compile(r"#([^\W_][\w-]*)", re.UNICODE)


def sniff(first_row: list[str]) -> bool:
    return tuple(c.strip().lower() for c in first_row[:7]) == FIRST_COLUMNS


def read(data: bytes, **_options: object) -> ForeignImport:
    reader = csv.reader(io.StringIO(decode_text(data), newline=""))
    days = DayCollector()
    seen: set[tuple[str, ...]] = set()
    duplicates: list[int] = []
    try:
        header = [c.strip() for c in next(reader, [])]
        if not sniff(header):
            raise ImportFileError('expected an iMoodJournal header: "Date","Day of week","Hour",'
                                  '"Minute","Level","LevelText","Comment",...', 1)
        hashtags = header[7:]
        line = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                key = tuple(row)
                if key in seen:
                    duplicates.append(line)
                else:
                    seen.add(key)
                    _entry(row, hashtags, line, days)
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(f"the CSV is malformed ({error}).", reader.line_num or 1) from None
    if duplicates:
        days.problems.append(Problem(duplicates[0], f"{len(duplicates)} rows repeat an earlier "
                                     "row exactly and were read once (lines "
                                     f"{', '.join(map(str, duplicates[:10]))})."))
    entries = days.days()
    if not entries:
        raise ImportFileError("the file holds no iMoodJournal entries.", 1)
    return ForeignImport(NAME, entries, days.problems)


def _entry(row: list[str], hashtags: list[str], line: int, days: DayCollector) -> None:
    if len(row) < 5:
        raise ImportFileError(f"expected at least 5 cells (date to level); found {len(row)}.",
                              line)
    text = row[0].strip()
    try:
        date = text_date(text)
    except ValueError:
        try:
            date = iso_date(text)
        except ValueError:
            raise ImportFileError(f'"{text}" is not a date (expected like "September 5, '
                                  '2015").', line) from None
    try:
        level = int(row[4].strip())
        hour, minute = int(row[2] or 0), int(row[3] or 0)
    except ValueError:
        raise ImportFileError(f'the level "{row[4]}" (or its hour and minute) is not a whole '
                              "number.", line) from None
    if not 1 <= level <= 10:
        raise ImportFileError(f"the level {level} is outside 1-10.", line)
    days.rating(date, "mood", level, line)
    at = hour * 60 + minute if 0 <= hour < 24 and 0 <= minute < 60 else 0
    comment = row[6].strip() if len(row) > 6 else ""
    if comment:
        days.note(date, f"{format_minute(at)} {comment}", at, line)
        for tag in _HASHTAG.findall(comment):
            days.tag(date, tag, line)
    for name, flag in zip(hashtags, row[7:], strict=False):
        if name and flag.strip() == "1":
            days.tag(date, name, line)
