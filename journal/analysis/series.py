"""Daily series with missing days kept missing (NaN), never turned into 0."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from journal.domain import MEASURE_KEYS, Entry

#: The measures a series holds: every measure of the registry, and the day's activity minutes.
MEASURES = (*MEASURE_KEYS, "activity_minutes")


@dataclass(frozen=True)
class DailySeries:
    """One value per calendar day from `start` to `end` inclusive; NaN = not recorded.

    ``values[name][i]`` belongs to ``start + i days``. Sleep on day i is the night
    that ended on the morning of day i; activity is that day's total minutes,
    0 only when "no exercise" was recorded.
    """

    start: dt.date
    end: dt.date
    values: dict[str, np.ndarray]
    logged: np.ndarray  # bool per day: was the day logged at all

    @property
    def days(self) -> np.ndarray:
        """The dates as numpy datetime64[D] (for plotting)."""
        return np.arange(np.datetime64(self.start), np.datetime64(self.end) + 1)

    def __len__(self) -> int:
        return (self.end - self.start).days + 1

    def __getitem__(self, name: str) -> np.ndarray:
        return self.values[name]

    @property
    def days_logged(self) -> int:
        return int(self.logged.sum())


def daily_series(entries: Sequence[Entry], start: dt.date | None = None,
                 end: dt.date | None = None) -> DailySeries:
    """Lay *entries* out day by day from *start* to *end* (default: the entries' own range).

    Entries outside the range are ignored; days without an entry are NaN in every measure.
    """
    if start is None:
        start = entries[0].date if entries else dt.date.today()
    if end is None:
        end = entries[-1].date if entries else start
    if end < start:
        start, end = end, start
    size = (end - start).days + 1
    values = {name: np.full(size, np.nan) for name in MEASURES}
    logged = np.zeros(size, dtype=bool)
    for entry in entries:
        index = (entry.date - start).days
        if not 0 <= index < size:
            continue
        logged[index] = True
        for name in MEASURES:
            value = getattr(entry, name)
            if value is not None:
                values[name][index] = value
    return DailySeries(start, end, values, logged)


def days_from(series: DailySeries, first: int, last: int) -> DailySeries:
    """Days *first* to *last* (indexes into *series*, both included)."""
    if (first, last) == (0, len(series) - 1):
        return series
    return DailySeries(series.start + dt.timedelta(days=first),
                       series.start + dt.timedelta(days=last),
                       {name: values[first:last + 1] for name, values in series.values.items()},
                       series.logged[first:last + 1])


def rolling_mean(values: np.ndarray, window: int = 7, min_count: int = 4) -> np.ndarray:
    """Trailing *window*-day mean of the days that have a value; NaN with fewer than *min_count*.

    Missing days are skipped, not counted as 0.
    """
    present = ~np.isnan(values)
    sums = np.convolve(np.where(present, values, 0.0), np.ones(window))[: len(values)]
    counts = np.convolve(present.astype(float), np.ones(window))[: len(values)]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts >= min_count, sums / counts, np.nan)


def rolling_median(values: np.ndarray, window: int = 28, min_count: int = 7) -> np.ndarray:
    """Centred *window*-day median of the days that have a value (the slow trend)."""
    half = window // 2
    padded = np.concatenate([np.full(half, np.nan), values, np.full(window - half - 1, np.nan)])
    windows = np.lib.stride_tricks.sliding_window_view(padded, window)
    counts = (~np.isnan(windows)).sum(axis=1)
    ordered = np.sort(windows, axis=1)  # NaN sorts last, so each row's values come first
    rows = np.arange(len(values))
    # For c values the median is the mean of sorted items (c-1)//2 and c//2 (equal when c is odd).
    lower = ordered[rows, np.maximum(counts - 1, 0) // 2]
    medians = (lower + ordered[rows, counts // 2 % window]) / 2
    return np.where(counts >= min_count, medians, np.nan)


def paired(x: np.ndarray, y: np.ndarray, lag: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """X on day t and Y on day t + *lag*, keeping only days where both are recorded."""
    if lag:
        x, y = x[:-lag], y[lag:]
    both = ~np.isnan(x) & ~np.isnan(y)
    return x[both], y[both]


def period_text(start: dt.date, end: dt.date) -> str:
    """``1 Mar 2026 – 31 May 2026``: how charts, insights and the report name a period."""
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def logged_text(logged: int, days: int) -> str:
    """``12 of 30 days logged``; ``1 of 1 day logged``: counts in words, the grammar right."""
    return f"{logged:,} of {days:,} {'day' if days == 1 else 'days'} logged"
