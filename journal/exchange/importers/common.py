"""The shape every importer returns, and the rules that turn many readings into one day.

An importer reads another app's file into *readings* per date (moods, pains, tags, notes...)
through a `DayCollector`; `DayCollector.days()` then combines each date's readings by the
rules stated in the README ("Importing from other apps"):

* a 0-10 rating read several times a day (mood, pain, energy): the mean, rounded half up;
* worst pain: the highest pain reading of the day;
* sleep: the total of the day's sleep readings (importers de-duplicate overlaps first);
* tags: every tag of the day once, in the order first seen (at most 30);
* notes: every note of the day in time order, one paragraph each;
* activities: minutes summed per kind.

Problems that do not stop the import (a row with a missing trailing cell, a future date)
are kept with their line for the preview; a file that cannot be read at all raises
`ImportFileError` naming the line.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from journal.domain import Activity, Entry, ValidationError
from journal.domain.dates import latest_date
from journal.domain.entry import (
    MAX_MINUTES,
    MAX_NAME_CHARS,
    MAX_NOTES_CHARS,
    MAX_TAGS,
    SLEEP_MAX_HOURS,
)
from journal.exchange.errors import ImportFileError

Progress = Callable[[float], bool]  # fraction done (0..1) -> False to cancel


class ImportCancelledError(Exception):
    """The user stopped a long import; nothing was written."""


@dataclass(frozen=True)
class Problem:
    """Something in the file that was skipped or changed, with its line when known."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class ForeignImport:
    """What an importer read from a file: whole days, ready to merge into a journal.

    Parameters
    ----------
    fmt
        The format's name (``daylio``, ``bearable``...).
    days
        One entry per date of the file, oldest first.
    problems
        What was skipped or adjusted, by line.
    mood_counts
        Mood names and how often each occurs (formats with named moods), for the mapping step.
    """

    fmt: str
    days: list[Entry]
    problems: list[Problem] = field(default_factory=list)
    mood_counts: dict[str, int] = field(default_factory=dict)


def round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def clean_tag(text: str) -> str:
    """A name from another app as a journal tag: no separators, at most 40 characters."""
    name = " ".join(text.replace(";", " ").replace(",", " ").split())
    return name[:MAX_NAME_CHARS].strip()


@dataclass
class _Day:
    ratings: dict[str, list[float]] = field(default_factory=dict)
    worst: float | None = None
    sleep_minutes: float = 0.0
    has_sleep: bool = False
    tags: list[str] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (minute of day, text)
    activities: dict[tuple[str, str | None], int] = field(default_factory=dict)
    line: int | None = None


class DayCollector:
    """Readings by date; `days()` combines them into entries by the module's rules."""

    def __init__(self, latest: dt.date | None = None) -> None:
        self._days: dict[dt.date, _Day] = {}
        self.problems: list[Problem] = []
        self.latest = latest_date() if latest is None else latest

    def _day(self, date: dt.date, line: int | None) -> _Day:
        day = self._days.get(date)
        if day is None:
            day = self._days[date] = _Day(line=line)
        return day

    def touch(self, date: dt.date, line: int | None = None) -> None:
        """Count *date* as a day of the file even if nothing else is read for it."""
        self._day(date, line)

    def rating(self, date: dt.date, key: str, value: float, line: int | None = None) -> None:
        self._day(date, line).ratings.setdefault(key, []).append(value)
        if key == "pain":
            day = self._days[date]
            day.worst = value if day.worst is None else max(day.worst, value)

    def sleep(self, date: dt.date, minutes: float, line: int | None = None) -> None:
        day = self._day(date, line)
        day.sleep_minutes += minutes
        day.has_sleep = True

    def tag(self, date: dt.date, name: str, line: int | None = None) -> None:
        tag = clean_tag(name)
        day = self._day(date, line)
        if tag and tag.casefold() not in (t.casefold() for t in day.tags):
            day.tags.append(tag)

    def note(self, date: dt.date, text: str, minute: int = 0, line: int | None = None) -> None:
        text = text.strip()
        if text:
            self._day(date, line).notes.append((minute, text))

    def activity(self, date: dt.date, kind: str, minutes: int, intensity: str | None = None,
                 line: int | None = None) -> None:
        if minutes > 0:
            acts = self._day(date, line).activities
            acts[(kind, intensity)] = acts.get((kind, intensity), 0) + int(minutes)

    def days(self) -> list[Entry]:
        """One entry per date read, oldest first; dates that have not begun, and dates with
        nothing to record, are left out."""
        entries = []
        for date in sorted(self._days):
            day = self._days[date]
            if date > self.latest:
                self.problems.append(Problem(day.line, f"{date} has not begun yet (a wrong "
                                             "clock on the device?); that day was skipped."))
                continue
            try:
                entry = self._entry(date, day)
            except ValidationError as error:
                raise ImportFileError(f"{date}: {error}", day.line) from None
            if not entry.is_empty:  # e.g. only a nap, or zero active minutes: nothing to say
                entries.append(entry)
        return entries

    def _entry(self, date: dt.date, day: _Day) -> Entry:
        values = {key: round_half_up(sum(v) / len(v)) for key, v in day.ratings.items() if v}
        if day.worst is not None:
            values["worst_pain"] = round_half_up(day.worst)
        if day.has_sleep:
            hours = day.sleep_minutes / 60
            if hours > SLEEP_MAX_HOURS:
                self.problems.append(Problem(day.line, f"{date}: {hours:.1f} hours of sleep is "
                                             "more than a day; kept as 24."))
            values["sleep_hours"] = min(hours, SLEEP_MAX_HOURS)
        tags = day.tags
        if len(tags) > MAX_TAGS:
            self.problems.append(Problem(day.line, f"{date}: {len(tags)} tags; the first "
                                         f"{MAX_TAGS} were kept ({', '.join(tags[MAX_TAGS:])} "
                                         "left out)."))
            tags = tags[:MAX_TAGS]
        notes = "\n\n".join(text for _, text in sorted(day.notes, key=lambda n: n[0])) or None
        if notes and len(notes) > MAX_NOTES_CHARS:
            self.problems.append(Problem(day.line, f"{date}: the notes were cut to "
                                         f"{MAX_NOTES_CHARS:,} characters."))
            notes = notes[:MAX_NOTES_CHARS]
        activities = None
        if day.activities:
            activities, total = [], 0
            for (kind, intensity), minutes in day.activities.items():
                minutes = min(minutes, MAX_MINUTES - total)
                if minutes > 0:
                    activities.append(Activity(kind, minutes, intensity))
                    total += minutes
        return Entry(date, **values, tags=tuple(tags), notes=notes,
                     activities=None if activities is None else tuple(activities))


def check_cancel(progress: Progress | None, fraction: float) -> None:
    if progress is not None and progress(min(max(fraction, 0.0), 1.0)) is False:
        raise ImportCancelledError("The import was cancelled; nothing was written.")
