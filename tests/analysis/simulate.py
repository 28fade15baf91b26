"""Synthetic diaries built to the method, not to any file: independent AR(1) measures with
trends."""

import datetime as dt

import numpy as np

from journal.analysis.series import MEASURES, DailySeries

START = dt.date(2026, 1, 1)


def ar1(rng: np.random.Generator, n: int, phi: float) -> np.ndarray:
    noise = rng.standard_normal(n)
    out = np.empty(n)
    out[0] = noise[0] / np.sqrt(1 - phi**2)
    for i in range(1, n):
        out[i] = phi * out[i - 1] + noise[i]
    return out


def unrelated_diary(seed: int, days: int = 60, phi: float = 0.7,
                    missing: float = 0.1) -> DailySeries:
    """Sleep, pain, mood and activity that share slow trends but are otherwise independent."""
    rng = np.random.default_rng(seed)
    t = np.arange(days)
    trend = 2.0 * np.sin(2 * np.pi * t / (days * 1.5) + rng.uniform(0, 2 * np.pi)) + 0.03 * t
    values = {name: np.full(days, np.nan) for name in MEASURES}
    for name, scale, offset, sign in (("sleep_hours", 1.0, 7, -1), ("pain", 1.2, 5, 1),
                                      ("mood", 1.2, 5, -1), ("activity_minutes", 12, 30, -1)):
        series = offset + scale * (ar1(rng, days, phi) + sign * trend)
        series[rng.random(days) < missing] = np.nan
        values[name] = series
    return DailySeries(START, START + dt.timedelta(days=days - 1), values, np.ones(days, bool))
