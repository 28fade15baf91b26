"""The one-minute numbers of a period, and how they compare with the period before.

A change in mean pain of 2 points or 30 % or more is marked as the size usually
considered clinically meaningful (DESIGN.md; clinical reference, pain MCID).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from journal.analysis.series import DailySeries

MEANINGFUL_POINTS = 2.0
MEANINGFUL_FRACTION = 0.30
SHORT_NIGHT_HOURS = 6  # a night under this counts as short (page 1, and the insights' words)


@dataclass(frozen=True)
class Change:
    """Mean of this period against the mean of the previous period of equal length."""

    before: float
    after: float

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
    """What page 1 of the report says; None wherever nothing was recorded."""

    start: dt.date
    end: dt.date
    days: int
    days_logged: int
    pain_mean: float | None
    pain_median: float | None
    worst_pain: tuple[dt.date, int] | None  # the day with the highest worst-pain (or pain)
    pain_change: Change | None
    interference_mean: float | None
    interference_change: Change | None
    mood_mean: float | None
    mood_change: Change | None
    sleep_mean: float | None
    nights_recorded: int
    short_nights: int
    short_night_hours: float  # what "short" meant when short_nights was counted
    active_days_per_week: float | None
    active_minutes_mean: float | None


def summarize(series: DailySeries, previous: DailySeries | None = None) -> PeriodSummary:
    """Page-1 numbers of *series*; *previous* is the period of equal length just before."""
    pain, mood, sleep = series["pain"], series["mood"], series["sleep_hours"]
    minutes = series["activity_minutes"]
    recorded_minutes = minutes[~np.isnan(minutes)]
    active = recorded_minutes[recorded_minutes > 0]
    return PeriodSummary(
        start=series.start, end=series.end, days=len(series), days_logged=series.days_logged,
        pain_mean=_mean(pain), pain_median=_median(pain), worst_pain=_worst_day(series),
        pain_change=_change(previous, "pain", pain),
        interference_mean=_mean(series["pain_interference"]),
        interference_change=_change(previous, "pain_interference", series["pain_interference"]),
        mood_mean=_mean(mood),
        mood_change=_change(previous, "mood", mood), sleep_mean=_mean(sleep),
        nights_recorded=int((~np.isnan(sleep)).sum()),
        short_nights=int((sleep[~np.isnan(sleep)] < SHORT_NIGHT_HOURS).sum()),
        short_night_hours=SHORT_NIGHT_HOURS,
        active_days_per_week=(len(active) / len(series) * 7) if len(recorded_minutes) else None,
        active_minutes_mean=float(active.mean()) if len(active) else None,
    )


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
    return None if after is None or before is None else Change(before, after)
