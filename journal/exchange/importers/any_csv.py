"""Any CSV with one row per reading or per day: a column mapping says what each column is.

A mapping (JSON, the ``--map`` file and what the window saves) looks like::

    {"columns": {"Date": "date", "Pain level": "pain", "Comment": "notes"},
     "date_format": "%d-%m-%Y", "decimal": ","}

Fields: ``date``, every measure of the journal (``pain``, ``worst_pain``,
``pain_interference``, ``mood``, ``energy``, ``sleep_hours``, ``sleep_quality``), ``tags``
(split on ``|`` or ``;``), ``notes``, ``exercise_minutes`` (an "exercise" activity) and
``steps`` (a line of the notes). Unmapped columns are ignored. Several rows of a date are
combined by the rules of `common` (the mean of ratings, the highest pain as worst pain).

`propose` guesses a mapping from the header (names of the journal's fields, in a few
languages) and detects the date format from every date in the file; a date format that
more than one reading fits (01-03-2018: January or March?) is left for the user to confirm.
Each mapping is saved under the file's *kind* (`signature`, from its header), so the next
file of the same kind needs no questions.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from pathlib import Path

from journal.domain import MEASURE_KEYS, SCALES
from journal.exchange.errors import ImportFileError, decode_text
from journal.exchange.importers.common import DayCollector, ForeignImport, Problem

NAME = "csv"
FIELDS = ("date", *MEASURE_KEYS, "tags", "notes", "exercise_minutes", "steps")
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%m-%d-%Y", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y",
                "%Y/%m/%d", "%d-%m-%y", "%m-%d-%y", "%d/%m/%y", "%m/%d/%y", "%d.%m.%y")
DATE_WORDS = {"%Y": "YYYY", "%y": "YY", "%m": "MM", "%d": "DD"}
_SYNONYMS = {
    "date": ("date", "day", "datum", "fecha", "data", "jour", "dia", "giorno"),
    "pain": ("pain", "pain level", "average pain", "schmerz", "dolor", "douleur", "ból"),
    "worst_pain": ("worst pain", "max pain", "pain max"),
    "pain_interference": ("pain interference", "interference"),
    "mood": ("mood", "stimmung", "humeur", "ánimo", "animo", "umore", "nastrój", "happiness"),
    "energy": ("energy", "energie", "énergie", "energía"),
    "sleep_hours": ("sleep", "sleep hours", "hours slept", "schlaf", "sommeil", "sueño"),
    "sleep_quality": ("sleep quality", "schlafqualität", "qualité du sommeil"),
    "tags": ("tags", "tag", "activities", "factors"),
    "notes": ("notes", "note", "comment", "comments", "notiz", "kommentar", "remarque",
              "commentaire", "comentario", "nota"),
    "exercise_minutes": ("exercise minutes", "active minutes", "exercise", "move minutes",
                         "move minutes count"),
    "steps": ("steps", "step count", "schritte", "pas", "pasos", "nombre de pas"),
}


_DECIMAL_COMMA = re.compile(r"-?\d+,(\d{1,2}|\d{4,})")
_DECIMAL_POINT = re.compile(r"-?\d+\.(\d{1,2}|\d{4,})")


def sniff(first_row: list[str]) -> bool:
    return False  # any CSV is only ever chosen by name (--format csv)


def _rows(data: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the (line, row) pairs after it; a one-cell title line is skipped."""
    reader = csv.reader(io.StringIO(decode_text(data), newline=""))
    header: list[str] | None = None
    rows = []
    try:
        line = 1
        for row in reader:
            if any(cell.strip() for cell in row):
                if header is None:
                    if len(row) > 1:
                        header = [cell.strip() for cell in row]
                else:
                    rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(f"the CSV is malformed ({error}).", reader.line_num or 1) from None
    if header is None:
        raise ImportFileError("the file has no header row of column names.", 1)
    return header, rows


def signature(header: list[str]) -> str:
    """The kind of a file: its column names (case and blanks aside)."""
    text = "\x1f".join(" ".join(name.split()).casefold() for name in header)
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def date_formats(values: list[str]) -> list[str]:
    """Every format of `DATE_FORMATS` that reads all *values* (time of day ignored)."""
    found = []
    days = [v.strip().split()[0].split("T")[0] for v in values if v.strip()]
    for fmt in DATE_FORMATS:
        try:
            for day in days:
                dt.datetime.strptime(day, fmt)
        except ValueError:
            continue
        found.append(fmt)
    return found


def format_words(fmt: str) -> str:
    for code, words in DATE_WORDS.items():
        fmt = fmt.replace(code, words)
    return fmt


def propose(data: bytes) -> dict:
    """A mapping guessed from the header and the data; ``date_formats`` lists every format
    the dates fit (the user confirms one when there are several)."""
    header, rows = _rows(data)
    columns: dict[str, str] = {}
    for name in header:
        key = " ".join(name.split()).casefold()
        for field, words in _SYNONYMS.items():
            if key in words and field not in columns.values():
                columns[name] = field
                break
    date_column = next((n for n, f in columns.items() if f == "date"), None)
    formats = date_formats([row[header.index(date_column)] for _, row in rows
                            if len(row) > header.index(date_column)]) if date_column else []
    numbers = [row[i] for _, row in rows for i, name in enumerate(header)
               if i < len(row) and columns.get(name) not in (None, "date", "tags", "notes")]
    # "7,5" or "5,28" is a decimal comma; "1,351" may be a thousands separator, so it alone
    # decides nothing.
    comma = any(_DECIMAL_COMMA.fullmatch(v.strip()) for v in numbers) and not any(
        _DECIMAL_POINT.fullmatch(v.strip()) for v in numbers)
    return {"columns": columns, "date_format": formats[0] if len(formats) == 1 else None,
            "date_formats": formats, "decimal": "," if comma else ".",
            "signature": signature(header), "header": header}


def check_mapping(mapping: object) -> dict:
    """*mapping* if it is usable, else ImportFileError naming what is wrong."""
    if not isinstance(mapping, dict) or not isinstance(mapping.get("columns"), dict):
        raise ImportFileError('the mapping must be an object with "columns": {"column name": '
                              '"field"}.')
    for column, field in mapping["columns"].items():
        if field not in FIELDS and field not in ("", None, "ignore"):
            raise ImportFileError(f'the column "{column}" is mapped to "{field}", which is '
                                  f"none of {', '.join(FIELDS)} or ignore.")
    if "date" not in mapping["columns"].values():
        raise ImportFileError("the mapping names no date column.")
    if mapping.get("date_format") not in DATE_FORMATS:
        raise ImportFileError(f'the date format {mapping.get("date_format")!r} is none of '
                              f"{', '.join(DATE_FORMATS)}.")
    return mapping


def load_mapping(path: Path) -> dict:
    try:
        return check_mapping(json.loads(Path(path).read_text(encoding="utf-8-sig")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportFileError(f"the mapping {path} cannot be read ({error}).") from None


def save_mapping(mapping: dict, folder: Path) -> Path:
    """Keep *mapping* for the next file of the same kind; returns where."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"{mapping['signature']}.json"
    kept = {key: mapping[key] for key in ("columns", "date_format", "decimal", "signature",
                                          "header") if key in mapping}
    path.write_text(json.dumps(kept, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def saved_mapping(data: bytes, folder: Path) -> dict | None:
    path = folder / f"{signature(_rows(data)[0])}.json"
    return load_mapping(path) if path.is_file() else None


def read(data: bytes, mapping: dict | None = None, **_options: object) -> ForeignImport:
    if mapping is None:
        raise ImportFileError("a CSV of another kind needs a column mapping (--map FILE).")
    mapping = check_mapping(mapping)
    header, rows = _rows(data)
    index = {name: i for i, name in enumerate(header)}
    missing = [name for name in mapping["columns"] if name not in index]
    if missing:
        raise ImportFileError(f"the mapping names columns the file does not have: "
                              f"{', '.join(missing)}.", 1)
    used = [(index[name], field) for name, field in mapping["columns"].items()
            if field in FIELDS]
    days, comma = DayCollector(), mapping.get("decimal") == ","
    for line, row in rows:
        _row(row, line, used, mapping["date_format"], comma, days)
    entries = days.days()
    if not entries:
        raise ImportFileError("the file holds no rows with a date.", 1)
    return ForeignImport(NAME, entries, days.problems)


def _number(text: str, comma: bool) -> float:
    value = text.strip().replace("\u202f", "").replace(" ", "")
    value = value.replace(".", "").replace(",", ".") if comma else value.replace(",", "")
    return float(value)


def _row(row: list[str], line: int, used: list[tuple[int, str]], date_format: str, comma: bool,
         days: DayCollector) -> None:
    cells = {field: row[i].strip() if i < len(row) else "" for i, field in used}
    text = cells["date"].split()[0].split("T")[0] if cells.get("date") else ""
    try:
        date = dt.datetime.strptime(text, date_format).date()
    except ValueError:
        raise ImportFileError(f'"{cells.get("date", "")}" is not a date written '
                              f"{format_words(date_format)}.", line) from None
    days.touch(date, line)
    for field, value in cells.items():
        if field == "date" or not value:
            continue
        if field == "notes":
            days.note(date, value, 0, line)
        elif field == "tags":
            for tag in value.replace(";", "|").split("|"):
                days.tag(date, tag, line)
        else:
            _measure(date, field, value, line, comma, days)


def _measure(date: dt.date, field: str, value: str, line: int, comma: bool,
             days: DayCollector) -> None:
    try:
        number = _number(value, comma)
    except ValueError:
        days.problems.append(Problem(line, f'{field} "{value}" is not a number; left out.'))
        return
    if field == "sleep_hours":
        days.sleep(date, number * 60, line)
    elif field == "steps":
        days.note(date, f"{round(number):,} steps", 24 * 60, line)
    elif field == "exercise_minutes":
        days.activity(date, "exercise", round(number), None, line)
    else:
        scale = SCALES[field]
        if not scale.low <= number <= scale.high:
            days.problems.append(Problem(line, f"{field} {value} is outside "
                                         f"{scale.low}-{scale.high}; left out."))
            return
        days.rating(date, field, number, line)
