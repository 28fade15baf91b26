"""The one-minute numbers of a period, and how they compare with the period before.

A change in mean pain of 2 points or 30 % or more is marked as the size usually
considered clinically meaningful (DESIGN.md; clinical reference, pain MCID).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from journal.analysis.series import DailySeries
from journal.domain import Entry

MEANINGFUL_POINTS = 2.0
MEANINGFUL_FRACTION = 0.30
SHORT_NIGHT_HOURS = 6  # a night under this counts as short (page 1, and the insights' words)
#: A mean is compared with the previous period's only when each rests on this many days.
MIN_DAYS_TO_COMPARE = 7
SEVERE_PAIN = 7  # pain at this or more counts as severe (clinical reference: 7-10 severe)


@dataclass(frozen=True)
class Change:
    """Mean of this period against the mean of the previous period of equal length, with the
    number of days each mean rests on."""

    before: float
    after: float
    before_days: int = 0
    after_days: int = 0

    @property
    def points(self) -> float:
        return self.after - self.before

    @property
    def fraction(self) -> float | None:
        return None if self.before == 0 else self.points / self.before

    @property
    def meaningful(self) -> bool:
        fraction = self.fraction
        return abs(self.points) >= MEANINGFUL_POINTS or (
            fraction is not None and abs(fraction) >= MEANINGFUL_FRACTION)


@dataclass(frozen=True)
class PeriodSummary:
    """What page 1 of the report says; None wherever nothing was recorded.

    Every rate counts only the days on which the thing was recorded: a day not logged is
    never a day without pain, sleep or activity.
    """

    start: dt.date
    end: dt.date
    days: int
    days_logged: int
    longest_gap: int  # the longest run of days not logged inside the period
    pain_mean: float | None
    pain_median: float | None
    pain_days: int  # days with pain recorded
    severe_pain_days: int  # of those, days at SEVERE_PAIN or more
    worst_pain_mean: float | None  # the "worst pain of the day" field, on its own
    worst_pain: tuple[dt.date, int] | None  # the day with the highest worst-pain (or pain)
    pain_change: Change | None
    interference_mean: float | None
    interference_change: Change | None
    mood_mean: float | None
    mood_change: Change | None
    energy_mean: float | None
    sleep_mean: float | None
    nights_recorded: int
    short_nights: int
    short_night_hours: float  # what "short" meant when short_nights was counted
    sleep_quality_mean: float | None
    activity_days: int  # days on which activity (or "no exercise") was recorded
    active_days: int  # of those, days with some activity
    active_minutes_mean: float | None
    activity_kinds: tuple[tuple[str, int], ...] = ()  # (kind, days), most days first
    tags: tuple[tuple[str, int], ...] = ()  # (tag, days), most days first

    @property
    def active_days_per_week(self) -> float | None:
        """Active days in every 7 days with activity recorded (not in every 7 days)."""
        return self.active_days / self.activity_days * 7 if self.activity_days else None


def summarize(series: DailySeries, previous: DailySeries | None = None,
              entries: Sequence[Entry] = ()) -> PeriodSummary:
    """Page-1 numbers of *series*; *previous* is the period of equal length just before;
    *entries* (those of the period) give the activity kinds and tags."""
    pain, mood, sleep = series["pain"], series["mood"], series["sleep_hours"]
    minutes = series["activity_minutes"]
    recorded_minutes = minutes[~np.isnan(minutes)]
    active = recorded_minutes[recorded_minutes > 0]
    recorded_pain = pain[~np.isnan(pain)]
    in_period = [e for e in entries if series.start <= e.date <= series.end]
    return PeriodSummary(
        start=series.start, end=series.end, days=len(series), days_logged=series.days_logged,
        longest_gap=_longest_gap(series.logged),
        pain_mean=_mean(pain), pain_median=_median(pain), pain_days=len(recorded_pain),
        severe_pain_days=int((recorded_pain >= SEVERE_PAIN).sum()),
        worst_pain_mean=_mean(series["worst_pain"]), worst_pain=_worst_day(series),
        pain_change=_change(previous, "pain", pain),
        interference_mean=_mean(series["pain_interference"]),
        interference_change=_change(previous, "pain_interference", series["pain_interference"]),
        mood_mean=_mean(mood), mood_change=_change(previous, "mood", mood),
        energy_mean=_mean(series["energy"]), sleep_mean=_mean(sleep),
        nights_recorded=int((~np.isnan(sleep)).sum()),
        short_nights=int((sleep[~np.isnan(sleep)] < SHORT_NIGHT_HOURS).sum()),
        short_night_hours=SHORT_NIGHT_HOURS, sleep_quality_mean=_mean(series["sleep_quality"]),
        activity_days=len(recorded_minutes), active_days=len(active),
        active_minutes_mean=float(active.mean()) if len(active) else None,
        activity_kinds=_most_days(
            {a.kind.strip().lower() for a in e.activities or ()} for e in in_period),
        tags=_most_days({t.lower() for t in e.tags} for e in in_period),
    )


def _most_days(per_day: Iterable[set[str]]) -> tuple[tuple[str, int], ...]:
    """(word, number of days it appears on), most days first, then alphabetically."""
    counts = Counter(word for words in per_day for word in words)
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _longest_gap(logged: np.ndarray) -> int:
    longest = run = 0
    for day in logged:
        run = 0 if day else run + 1
        longest = max(longest, run)
    return longest


def _mean(values: np.ndarray) -> float | None:
    present = values[~np.isnan(values)]
    return float(present.mean()) if len(present) else None


def _median(values: np.ndarray) -> float | None:
    present = values[~np.isnan(values)]
    return float(np.median(present)) if len(present) else None


def _worst_day(series: DailySeries) -> tuple[dt.date, int] | None:
    worst = np.fmax(series["worst_pain"], series["pain"])  # worst pain if given, else pain
    if np.isnan(worst).all():
        return None
    index = int(np.nanargmax(worst))  # the first day with the highest value
    return series.start + dt.timedelta(days=index), int(worst[index])


def _change(previous: DailySeries | None, name: str, values: np.ndarray) -> Change | None:
    after = _mean(values)
    before = None if previous is None else _mean(previous[name])
    if after is None or before is None:
        return None
    return Change(before, after, int((~np.isnan(previous[name])).sum()),
                  int((~np.isnan(values)).sum()))
