"""Fitbit exports: sleep logs, daily or per-minute steps and active minutes.

* Sleep JSON (``sleep-YYYY-MM-DD.json`` of the account archive): ``minutesAsleep`` of each
  log, by its ``dateOfSleep`` (the wake-up date), stages and classic logs alike. Naps
  (``mainSleep: false``) are left out unless asked for; a log met twice (the same
  ``logId`` in two files) counts once.
* Steps or activity minutes as ``[{"dateTime": "MM/DD/YY HH:MM:SS", "value": "12"}]`` (the
  kind is in the file's name: steps, very_active_minutes, moderately_active_minutes,
  lightly_active_minutes; per minute or per day, added up by day), the Web API's
  ``{"activities-steps": [...]}``, and the old monthly ``Activities`` CSV (English or French).
* Steps become a line of the day's notes ("Fitbit: 8,432 steps"); very and fairly active
  minutes become "exercise" activities (vigorous, moderate); lightly active minutes a light
  one; sedentary minutes are not imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from journal.exchange.errors import ImportFileError, decode_text
from journal.exchange.importers.common import DayCollector, ForeignImport, Problem
from journal.exchange.importers.dates import iso_date

NAME = "fitbit"
_SECTION_TITLES = ("activities", "activités", "aktivitäten", "actividades", "attività")
_KINDS = {  # file name part (or API key) -> what the values are
    "steps": "steps", "very_active": "vigorous", "veryactive": "vigorous",
    "moderately_active": "moderate", "fairlyactive": "moderate", "fairly_active": "moderate",
    "lightly_active": "light", "lightlyactive": "light", "sedentary": None,
}


def sniff(first_row: list[str]) -> bool:
    return len(first_row) == 1 and first_row[0].strip().lower() in _SECTION_TITLES


def sniff_json(text: str) -> bool:
    return any(key in text[:4096] for key in ('"dateOfSleep"', '"activities-', '"dateTime"'))


def read_path(path: Path, include_naps: bool = False, progress: object = None,
              **_options: object) -> ForeignImport:
    try:
        text = decode_text(path.read_bytes())
    except OSError as error:
        raise ImportFileError(f"cannot read the file ({error.strerror}).") from None
    days = DayCollector()
    if text.lstrip().startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportFileError(f"this is not valid JSON ({error.msg}).", error.lineno) \
                from None
        _read_json(data, path.name.lower(), include_naps, days)
    else:
        _read_monthly_csv(text, days)
    entries = days.days()
    if not entries:
        raise ImportFileError("the file holds no Fitbit sleep, steps or active minutes.")
    return ForeignImport(NAME, entries, days.problems)


def _read_json(data: object, name: str, include_naps: bool, days: DayCollector) -> None:
    if isinstance(data, dict):
        for key, series in data.items():
            kind = _kind(key.removeprefix("activities-").lower().replace("minutes", ""))
            if isinstance(series, list) and kind is not False:
                _values(series, kind, days)
        return
    if not isinstance(data, list) or not data:
        raise ImportFileError("expected a Fitbit export: a list of sleep logs or of "
                              '{"dateTime", "value"} items.', 1)
    if isinstance(data[0], dict) and "dateOfSleep" in data[0]:
        _sleep(data, include_naps, days)
        return
    kind = _kind(name)
    if kind is None:
        raise ImportFileError("sedentary minutes are not imported; choose Fitbit's steps or "
                              "active-minutes files, or its sleep files.", 1)
    if kind is False:
        raise ImportFileError(f'the file name "{name}" does not say what its values are; '
                              "keep Fitbit's name (steps-..., very_active_minutes-...).", 1)
    _values(data, kind, days)


def _kind(name: str) -> str | None | bool:
    """What the values of *name* are: "steps", an intensity, None (sedentary: not imported)
    or False (unknown)."""
    for part, kind in _KINDS.items():
        if part in name:
            return kind
    return False


def _sleep(logs: list, include_naps: bool, days: DayCollector) -> None:
    seen: set[object] = set()
    naps = 0
    for index, log in enumerate(logs, start=1):
        if not isinstance(log, dict) or log.get("logId") in seen:
            continue
        seen.add(log.get("logId"))
        try:
            date = iso_date(str(log["dateOfSleep"]))
            minutes = float(log["minutesAsleep"])
        except (KeyError, ValueError, TypeError):
            raise ImportFileError(f"sleep log {index} has no readable dateOfSleep or "
                                  "minutesAsleep.") from None
        if log.get("mainSleep") is False and not include_naps:
            naps += 1
            continue
        days.sleep(date, minutes)
    if naps:
        days.problems.append(Problem(None, f"{naps} nap{'s' if naps > 1 else ''} left out (they "
                                     "count with --include-naps)."))


def _date(text: str) -> dt.date:
    text = text.strip()
    if "/" in text:
        return dt.datetime.strptime(text.split()[0], "%m/%d/%y").date()
    return iso_date(text)


def _values(items: list, kind: str | None, days: DayCollector) -> None:
    totals: dict[dt.date, float] = {}
    for index, item in enumerate(items, start=1):
        try:
            date = _date(str(item["dateTime"]))
            totals[date] = totals.get(date, 0.0) + float(item["value"])
        except (KeyError, ValueError, TypeError):
            raise ImportFileError(f"item {index} has no readable dateTime or value "
                                  f"({str(item)[:60]}).") from None
    for date, total in totals.items():
        _add(days, date, kind, total)


def _add(days: DayCollector, date: dt.date, kind: str | None, value: float,
         line: int | None = None) -> None:
    if kind == "steps":
        if value >= 1:
            days.note(date, f"Fitbit: {round(value):,} steps", 24 * 60, line)
    elif kind is not None:
        days.activity(date, "exercise", round(value), kind, line)


def _read_monthly_csv(text: str, days: DayCollector) -> None:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or not sniff(rows[0]) or len(rows) < 2:
        raise ImportFileError("expected Fitbit's monthly export: an Activities line, then "
                              "Date,Calories Burned,Steps,...", 1)
    header = [c.strip() for c in rows[1]]
    columns = {2: "steps", 7: "moderate", 8: "vigorous"}  # same places in every language
    if len(header) < 9:
        raise ImportFileError(f"expected 10 columns (Date, Calories, Steps, ...); found "
                              f"{len(header)}.", 2)
    for line, row in enumerate(rows[2:], start=3):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 9:
            raise ImportFileError(f"expected {len(header)} cells; found {len(row)}.", line)
        try:
            date = dt.datetime.strptime(row[0].strip(), "%d-%m-%Y").date()
        except ValueError:
            raise ImportFileError(f'"{row[0]}" is not a date written DD-MM-YYYY.', line) \
                from None
        for index, kind in columns.items():
            _add(days, date, kind, _count(row[index], line), line)


def _count(text: str, line: int) -> float:
    """``"1,351"`` (thousands), ``"5,28"`` (decimal comma) or ``"44"``; counts are whole."""
    value = text.strip().replace("\u202f", "").replace(" ", "")
    if "," in value and "." not in value:
        whole, _, part = value.partition(",")
        value = whole + part if len(part) == 3 else f"{whole}.{part}"
    try:
        return float(value.replace(",", ""))
    except ValueError:
        raise ImportFileError(f'"{text}" is not a number.', line) from None
