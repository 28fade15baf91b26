"""The README's "Insights: how they are worked out", re-implemented from its text with plain
loops and scipy, gives the app's numbers: a reader can check every figure the panel shows."""

import datetime as dt
import math

import numpy as np
import pytest
from scipy import stats

from journal.analysis.insights import insights
from journal.analysis.pairs import PAIRS
from journal.analysis.series import DailySeries
from tests.analysis.calibration import NULLS, planted


def _by_readme(series, x_name, y_name, lag):
    """Steps 0-6 of the README, one day at a time: (n, rho, n_eff, p, (low, high))."""
    logged = [i for i in range(len(series)) if series.logged[i]]  # step 0: the days compared
    first, last = max(logged[0], logged[-1] - 364), logged[-1]
    series = DailySeries(series.start + dt.timedelta(days=first),
                         series.start + dt.timedelta(days=last),
                         {k: v[first:last + 1] for k, v in series.values.items()},
                         series.logged[first:last + 1])
    days = len(series)
    parts = math.ceil(days / 183)
    group = [(i * parts // days, (series.start + dt.timedelta(days=i)).weekday())
             for i in range(days)]

    def changes(values):
        means = {}
        for key in set(group):
            recorded = [v for v, g in zip(values, group, strict=True)
                        if g == key and not math.isnan(v)]
            means[key] = sum(recorded) / len(recorded) if recorded else math.nan
        adjusted = [v - means[g] for v, g in zip(values, group, strict=True)]
        return [math.nan] + [adjusted[t] - adjusted[t - 1] for t in range(1, days)]

    dx, dy = changes(series[x_name]), changes(series[y_name])
    on_days = [(t, dx[t], dy[t + lag]) for t in range(days - lag)
               if not math.isnan(dx[t]) and not math.isnan(dy[t + lag])]
    n = len(on_days)
    xs = np.array([d[1] for d in on_days])
    ys = np.array([d[2] for d in on_days])
    rho = float(np.corrcoef(xs, ys)[0, 1])
    cx = {t: v - xs.mean() for t, v, _ in on_days}
    cy = {t: v - ys.mean() for t, _, v in on_days}
    total = 0.0
    for j in range(1, n // 5 + 1):
        apart = [t for t in cx if t + j in cx]
        if apart:
            r_x = (sum(cx[t] * cx[t + j] for t in apart) / len(apart)) / (
                sum(v * v for v in cx.values()) / n)
            r_y = (sum(cy[t] * cy[t + j] for t in apart) / len(apart)) / (
                sum(v * v for v in cy.values()) / n)
            total += len(apart) / n * r_x * r_y
    inverse = 1 / n + 2 / n * total
    n_eff = min(max((1 / inverse if inverse > 0 else n) - 6 * parts, 4), n)
    t_value = rho * math.sqrt((n_eff - 2) / (1 - rho**2))
    p = 2 * stats.t.sf(abs(t_value), n_eff - 2)
    half = 1.959964 / math.sqrt(max(n_eff - 3, 1))
    return n, rho, n_eff, p, (math.tanh(math.atanh(rho) - half), math.tanh(math.atanh(rho) + half))


def _null(name):
    return next(null for null in NULLS if null.name == name)


@pytest.mark.parametrize("journal", [planted(3, 200), _null("bad days skipped").journal(5, 150),
                                     _null("weekly pattern 1 SD").journal(6, 500)],
                         ids=["planted effects, 25 % of days missed", "bad days skipped",
                              "weekly pattern, longer than a year"])
def test_every_number_follows_from_the_readme(journal):
    results = insights(journal)
    for pair, result in zip(PAIRS, results, strict=True):
        n, rho, n_eff, p, (low, high) = _by_readme(journal, pair.x, pair.y, pair.lag_days)
        assert result.n == n, pair.label
        assert result.rho == pytest.approx(rho, abs=1e-9), pair.label
        assert result.n_effective == pytest.approx(n_eff, rel=1e-9), pair.label
        assert result.p == pytest.approx(p, rel=1e-6), pair.label
        assert result.ci95 == pytest.approx((low, high), abs=1e-6), pair.label  # z to 7 digits
    ok = [r for r in results if r.status == "ok"]
    qs = stats.false_discovery_control([r.p for r in ok], method="bh")
    for result, q in zip(ok, qs, strict=True):
        assert result.q == pytest.approx(q)
        assert result.found == (q < 0.04 and abs(result.rho) >= 0.1 and result.echo_of is None)
