"""Apple Health's ``export.xml`` (or the ``export.zip`` around it), streamed.

Exports of several GB are normal, so the file is parsed with expat in chunks and nothing
but small per-day totals is kept: memory stays constant whatever the file's size. Expat
reads the export's internal DTD and never fetches an external entity.

* Sleep: ``HKCategoryTypeIdentifierSleepAnalysis`` records whose value is an asleep stage
  (Asleep, AsleepCore, AsleepDeep, AsleepREM, AsleepUnspecified) count; InBed and Awake do
  not. Overlapping intervals (several sources, or a watch and a sleep app) are merged before
  they are added up, so no minute counts twice. A night belongs to the date it ends on
  (sleep that ends after 18:00 counts for the next day).
* Steps (``StepCount``) and exercise minutes (``AppleExerciseTime``): per day, the total of
  the source with the most (an iPhone and a Watch both count the same steps, so sources are
  never added together). Exercise minutes become an "exercise" activity; steps a line of the
  day's notes ("Apple Health: 8,432 steps"), as a day has no steps field.
* Records dated after the export was made (a wrong phone clock) are skipped and named.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from journal.exchange.errors import ImportFileError
from journal.exchange.importers.common import (
    DayCollector,
    ForeignImport,
    Problem,
    Progress,
    check_cancel,
)

NAME = "apple-health"
SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"
STEPS = "HKQuantityTypeIdentifierStepCount"
EXERCISE = "HKQuantityTypeIdentifierAppleExerciseTime"
ASLEEP = frozenset(
    "HKCategoryValueSleepAnalysis" + stage
    for stage in ("Asleep", "AsleepCore", "AsleepDeep", "AsleepREM", "AsleepUnspecified")
)
WANTED = frozenset((SLEEP, STEPS, EXERCISE))
NIGHT_ENDS = dt.timedelta(hours=18)  # sleep ending after 18:00 belongs to the next day
CHUNK = 1 << 20


def when(text: str) -> dt.datetime:
    """``2019-05-14 18:52:09 -0400`` as an aware time (its own offset kept)."""
    text = text.strip()
    if len(text) == 25 and text[19] == " ":
        text = f"{text[:19]}{text[20:23]}:{text[23:]}"
    return dt.datetime.fromisoformat(text)


@contextmanager
def open_export(path: Path) -> Iterator[tuple[BinaryIO, int]]:
    """The export.xml stream and its size, from the XML itself or from inside the zip."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [
                i
                for i in archive.infolist()
                if i.filename.endswith("export.xml") and "cda" not in i.filename.lower()
            ]
            if not members:
                raise ImportFileError(
                    "this zip holds no export.xml (is it Apple Health's export.zip?)."
                )
            with archive.open(members[0]) as stream:
                yield stream, members[0].file_size
    else:
        with open(path, "rb") as stream:
            yield stream, path.stat().st_size


class _Reader:
    """Expat callbacks: per-day totals and the sleep intervals, nothing else."""

    def __init__(self) -> None:
        self.steps: dict[tuple[str, str], float] = {}
        self.exercise: dict[tuple[str, str], float] = {}
        self.sleep: list[tuple[dt.datetime, dt.datetime, int]] = []
        self.export_date: dt.datetime | None = None
        self.future: list[int] = []
        self.records = 0
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self.start
        self.parser.buffer_text = True

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name != "Record":
            if name == "ExportDate":
                self.export_date = when(attrs.get("value", ""))
            elif name == "HealthData":
                self.records = 0
            return
        kind = attrs.get("type")
        if kind not in WANTED:
            return
        self.records += 1
        if kind == SLEEP:
            if attrs.get("value") in ASLEEP:
                self.sleep.append(
                    (
                        when(attrs["startDate"]),
                        when(attrs["endDate"]),
                        self.parser.CurrentLineNumber,
                    )
                )
            return
        day, totals = attrs["startDate"][:10], self.steps if kind == STEPS else self.exercise
        key = (day, attrs.get("sourceName", ""))
        totals[key] = totals.get(key, 0.0) + float(attrs.get("value") or 0)


def read_path(
    path: Path,
    progress: Progress | None = None,
    **_options: object,
) -> ForeignImport:
    reader = _Reader()
    try:
        with open_export(path) as (stream, size):
            done = 0
            while chunk := stream.read(CHUNK):
                reader.parser.Parse(chunk, False)
                done += len(chunk)
                check_cancel(progress, done / max(size, 1))
            reader.parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise ImportFileError(
            f"the XML is malformed ({expat.errors.messages[error.code]}).", error.lineno
        ) from None
    except (KeyError, ValueError) as error:
        raise ImportFileError(
            f"a record has a missing or unreadable date or value ({error}).",
            reader.parser.CurrentLineNumber,
        ) from None
    except zipfile.BadZipFile as error:
        raise ImportFileError(f"the zip is damaged ({error}).") from None
    return _days(reader)


def _days(reader: _Reader) -> ForeignImport:
    days = DayCollector()
    latest = reader.export_date.date() if reader.export_date else days.latest
    days.latest = min(latest, days.latest)
    for totals, add in ((reader.steps, _add_steps), (reader.exercise, _add_exercise)):
        best: dict[str, float] = {}
        for (day, _source), value in totals.items():
            best[day] = max(best.get(day, 0.0), value)
        for day, value in best.items():
            add(days, dt.date.fromisoformat(day), value)
    for date, minutes, line in _nights(reader.sleep):
        days.sleep(date, minutes, line)
    entries = days.days()
    skipped = [p for p in days.problems if "has not begun" in p.message]
    problems = [p for p in days.problems if p not in skipped]
    if skipped:
        problems.append(
            Problem(
                skipped[0].line,
                f"{len(skipped)} day{'s' if len(skipped) > 1 else ''} dated after the export "
                f"was made ({', '.join(p.message[:10] for p in skipped[:5])}) "
                "were skipped: the phone's clock was probably wrong.",
            )
        )
    if not entries:
        raise ImportFileError("the export holds no sleep, steps or exercise records.")
    return ForeignImport(NAME, entries, problems)


def _add_steps(days: DayCollector, date: dt.date, steps: float) -> None:
    if steps >= 1:
        days.note(date, f"Apple Health: {round(steps):,} steps", 24 * 60)


def _add_exercise(days: DayCollector, date: dt.date, minutes: float) -> None:
    days.activity(date, "exercise", round(minutes))


def _nights(intervals: list[tuple[dt.datetime, dt.datetime, int]]):  # noqa: ANN202
    """(wake date, minutes asleep, first line) per night, overlaps merged."""
    by_night: dict[dt.date, list[tuple[dt.datetime, dt.datetime, int]]] = {}
    for start, end, line in intervals:
        if end > start:
            night = (end.replace(tzinfo=None) - NIGHT_ENDS).date() + dt.timedelta(days=1)
            by_night.setdefault(night, []).append((start, end, line))
    for night in sorted(by_night):
        spans = sorted(by_night[night])
        total, (run_start, run_end, line) = dt.timedelta(), spans[0]
        for start, end, _ in spans[1:]:
            if start > run_end:
                total += run_end - run_start
                run_start, run_end = start, end
            else:
                run_end = max(run_end, end)
        total += run_end - run_start
        yield night, total.total_seconds() / 60, line
