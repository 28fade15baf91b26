"""Bearable's CSV export: long format, one row per reading, many readings a day.

Headers: ``date,weekday,time of day,category,rating/amount,detail,notes`` and the newer one
with ``date formatted`` after ``date``. ``time of day`` is a clock time or a segment
(pre/am/mid/pm/all day); every reading of a date counts the same, whatever its time, so a
day's rating is the mean of its readings (rounded half up) and worst pain the highest.

* Mood 1-10 is kept as it is on the 0-10 scale; its emotions become tags.
* Energy 1-5 becomes 0-10 ((value - 1) x 2.5); sleep quality 1-4 becomes 1-5.
* Sleep ``H:MM``: the date's sleep rows are added up.
* Symptoms the user counts as pain (by default every name with "pain", "ache" or "migraine";
  the user may name them) give pain: Mild 3, Moderate 6, Severe 9, Extreme 10. Other
  symptoms, factors and sleep factors become tags.
* Medications, gratitudes, food and anything else become lines of the day's notes.
"""

from __future__ import annotations

import csv
import io
import re

from journal.exchange.errors import ImportFileError, decode_text
from journal.exchange.importers.common import DayCollector, ForeignImport
from journal.exchange.importers.dates import iso_date, minute_of_day, text_date
from journal.exchange.importers.moods import mood_key

NAME = "bearable"
HEADERS = (
    ("date", "weekday", "time of day", "category", "rating/amount", "detail", "notes"),
    ("date", "date formatted", "weekday", "time of day", "category", "rating/amount", "detail",
     "notes"),
)
DEFAULT_PAIN_WORDS = ("pain", "ache", "migraine")
SEVERITY_PAIN = {0: 0, 1: 3, 2: 6, 3: 9, 4: 10}
_SEVERITY = re.compile(r"\s*\((mild|moderate|severe|extreme|none)\)\s*$", re.IGNORECASE)
_TAG_CATEGORIES = ("factors", "sleep factors", "food diary factors")


def sniff(first_row: list[str]) -> bool:
    return tuple(c.strip().lower() for c in first_row) in HEADERS


def is_pain(symptom: str, pain_symptoms: list[str] | None) -> bool:
    """Whether *symptom* counts as pain: named by the user, else by the default words."""
    if pain_symptoms is not None:
        return mood_key(symptom) in {mood_key(s) for s in pain_symptoms}
    return any(word in symptom.casefold() for word in DEFAULT_PAIN_WORDS)


def symptom_names(data: bytes) -> dict[str, int]:
    """Each symptom in the file with its count (for choosing which count as pain)."""
    counts: dict[str, int] = {}
    rows = csv.reader(io.StringIO(decode_text(data), newline=""))
    header = [c.strip().lower() for c in next(rows, [])]
    if "category" not in header:
        return counts
    category, detail = header.index("category"), header.index("detail")
    for row in rows:
        if len(row) > detail and row[category].strip().lower() == "symptom":
            name = _SEVERITY.sub("", row[detail]).strip()
            counts[name] = counts.get(name, 0) + 1
    return counts


def read(data: bytes, pain_symptoms: list[str] | None = None, **_options: object,
         ) -> ForeignImport:
    reader = csv.reader(io.StringIO(decode_text(data), newline=""))
    days = DayCollector()
    try:
        header = tuple(c.strip().lower() for c in next(reader, []))
        if header not in HEADERS:
            raise ImportFileError("expected a Bearable header: " + ",".join(HEADERS[0]) + ".", 1)
        line = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                _reading(dict(zip(header, row, strict=False)), line, days, pain_symptoms)
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(f"the CSV is malformed ({error}).", reader.line_num or 1) from None
    entries = days.days()
    if not entries:
        raise ImportFileError("the file holds no Bearable readings.", 1)
    return ForeignImport(NAME, entries, days.problems)


def _date(cells: dict[str, str], line: int):  # noqa: ANN202
    formatted = cells.get("date formatted", "").strip()
    if formatted:
        try:
            return iso_date(formatted)
        except ValueError:
            pass
    text = cells.get("date", "")
    try:
        return text_date(text)
    except ValueError:
        pass
    try:
        return iso_date(text)
    except ValueError:
        raise ImportFileError(f'"{text}" is not a date (expected like "22nd Sep 2020").',
                              line) from None


def _number(text: str, line: int, what: str) -> float:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise ImportFileError(f'{what} "{text}" is not a number.', line) from None


def _reading(cells: dict[str, str], line: int, days: DayCollector,
             pain_symptoms: list[str] | None) -> None:
    date = _date(cells, line)
    days.touch(date, line)
    category = cells.get("category", "").strip()
    kind = category.lower()
    value, detail = cells.get("rating/amount", "").strip(), cells.get("detail", "").strip()
    minute = max(minute_of_day(cells.get("time of day", "")), 0)
    if kind == "mood" and value:
        days.rating(date, "mood", min(max(_number(value, line, "mood"), 0), 10), line)
        for emotion in detail.split("|"):
            days.tag(date, emotion, line)
    elif kind == "energy" and value:
        days.rating(date, "energy", (min(max(_number(value, line, "energy"), 1), 5) - 1) * 2.5,
                    line)
    elif kind == "sleep quality" and value:
        quality = min(max(_number(value, line, "sleep quality"), 1), 4)
        days.rating(date, "sleep_quality", 1 + (quality - 1) * 4 / 3, line)
    elif kind == "sleep" and value:
        hours, _, minutes = value.partition(":")
        if not hours.isdigit() or (minutes and not minutes.isdigit()):
            raise ImportFileError(f'the sleep "{value}" is not a duration H:MM.', line)
        days.sleep(date, int(hours) * 60 + int(minutes or 0), line)
    elif kind == "symptom":
        name = _SEVERITY.sub("", detail).strip()
        if value and is_pain(name, pain_symptoms):
            level = round(_number(value, line, "symptom"))
            days.rating(date, "pain", SEVERITY_PAIN.get(min(max(level, 0), 4), 0), line)
        days.tag(date, name, line)
    elif kind in _TAG_CATEGORIES:
        for tag in detail.split("|"):
            days.tag(date, tag, line)
    elif kind in ("meds/supplements", "medications"):
        unit = re.search(r"\(([^)]*)\)\s*$", detail)
        name = detail[:unit.start()].strip() if unit else detail
        amount = f" {value}{' ' + unit[1] if unit else ''}" if value else ""
        days.note(date, f"{category}: {name}{amount}", minute, line)
    elif detail or value:
        days.note(date, f"{category}: {' '.join(p for p in (detail, value) if p)}", minute, line)
    note = cells.get("notes", "").strip(" .\n")
    if note:
        days.note(date, note, minute, line)
