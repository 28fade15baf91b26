"""Honest insights: how sleep and activity go together with pain and mood, or silence.

The method (DESIGN.md, clinical reference section 6): the pairs and lags declared
in advance in `journal.analysis.pairs`; pairwise-complete days only; a 28-day
rolling median removed from each series so a shared drift is not a finding;
Spearman rho; an effective sample size from the lag-1 autocorrelations used in
the test and the 95 % CI; Benjamini-Hochberg q across every pair in one run;
fewer than `pairs.MIN_DAYS` paired days give nothing, up to `pairs.FULL_DAYS`
an "early look", from there a full result. The thresholds are read from
`pairs` when used, so the statuses and every text that names them agree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np

from journal.analysis import pairs
from journal.analysis.pairs import PAIRS, Pair
from journal.analysis.series import DailySeries, paired, period_text, rolling_median
from journal.analysis.wording import CAUTION, describe
from journal.domain.grammar import count_text

Q_LEVEL = 0.05
TREND_WINDOW = 28


@dataclass(frozen=True)
class Insight:
    """The result for one declared pair; `status` is insufficient, early or ok."""

    x: str
    y: str
    lag_days: int
    label: str
    n: int
    n_effective: float | None
    rho: float | None
    ci95: tuple[float, float] | None
    p: float | None
    q: float | None
    status: str
    found: bool
    statement: str  # the sentence without the caution, for surfaces that say it once for all

    @property
    def summary(self) -> str:
        """The sentence, ending with the caution when a link was found (``insights --json``)."""
        return f"{self.statement} {CAUTION}" if self.found else self.statement

    def as_json(self) -> dict[str, object]:
        """The documented ``insights --json`` record, rounded so that output is stable."""
        data = asdict(self)
        del data["statement"]
        data["summary"] = self.summary  # the last key, as before
        data["rho"] = _round(self.rho, 4)
        data["ci95"] = [_round(c, 4) for c in self.ci95] if self.ci95 else None
        data["n_effective"] = _round(self.n_effective, 1)
        data["p"], data["q"] = _significant(self.p), _significant(self.q)
        return data


def _round(value: float | None, places: int) -> float | None:
    return None if value is None else round(value, places)


def _significant(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.4g}")


def insights(series: DailySeries) -> list[Insight]:
    """One Insight per declared pair, in `PAIRS` order."""
    detrended = {name: _detrend(series[name]) for name in
                 {p.x for p in PAIRS} | {p.y for p in PAIRS}}
    tests = [_test(series, detrended, pair) for pair in PAIRS]
    qs = _benjamini_hochberg([t["p"] for t in tests])
    results = []
    for pair, test, q in zip(PAIRS, tests, qs, strict=True):
        n = test["n"]
        status = ("insufficient" if n < pairs.MIN_DAYS else "early" if n < pairs.FULL_DAYS
                  else "ok")
        found = status == "ok" and q is not None and q < Q_LEVEL
        x, y = paired(series[pair.x], series[pair.y], pair.lag_days)
        results.append(Insight(
            x=pair.x, y=pair.y, lag_days=pair.lag_days, label=pair.label, n=n,
            n_effective=test["n_eff"], rho=test["rho"], ci95=test["ci"], p=test["p"], q=q,
            status=status, found=found, statement=describe(pair, x, y, status, found, n),
        ))
    return results


def insights_text(series: DailySeries, results: Sequence[Insight]) -> str:
    """The results as the ``insights`` command prints them (``as_json`` is the other form)."""
    lines = [f"Insights for {period_text(series.start, series.end)} "
             f"({series.days_logged} of {count_text(len(series), 'day')} logged)", ""]
    for result in results:
        lines.append(f"{result.label}")
        lines.append(f"  {result.summary}")
        if result.rho is not None:
            low, high = result.ci95
            lines.append(f"  rho {result.rho:+.2f} (95% interval {low:+.2f} to {high:+.2f}), "
                         f"n = {result.n}, effective n = {result.n_effective:.0f}, "
                         f"q = {result.q:.3g}")
        lines.append("")
    lines.append("Each comparison allows for slow trends and for testing several at once. "
                 "Links are associations in your own data, not proof of cause.")
    return "\n".join(lines)


def _detrend(values: np.ndarray) -> np.ndarray:
    return values - rolling_median(values, TREND_WINDOW)


def _test(series: DailySeries, detrended: dict[str, np.ndarray], pair: Pair) -> dict:
    raw_x, raw_y = paired(series[pair.x], series[pair.y], pair.lag_days)
    x, y = paired(detrended[pair.x], detrended[pair.y], pair.lag_days)
    n = len(raw_x)
    empty = {"n": n, "n_eff": None, "rho": None, "ci": None, "p": None}
    if n < pairs.MIN_DAYS or len(x) < pairs.MIN_DAYS or np.ptp(x) == 0 or np.ptp(y) == 0:
        return empty
    from scipy.stats import spearmanr

    rho = float(spearmanr(x, y).statistic)
    r1 = _lag1(detrended[pair.x]) * _lag1(detrended[pair.y])
    n_eff = min(max(len(x) * (1 - r1) / (1 + r1), 4.0), float(len(x)))
    rho_c = min(max(rho, -0.999999), 0.999999)
    t = rho_c * math.sqrt((n_eff - 2) / (1 - rho_c**2))
    p = _two_sided_t(t, n_eff - 2)
    # Fisher z with the Bonett-Wright standard error for Spearman's rho.
    half_width = 1.96 * math.sqrt((1 + rho_c**2 / 2) / max(n_eff - 3, 1.0))
    z = math.atanh(rho_c)
    ci = (math.tanh(z - half_width), math.tanh(z + half_width))
    return {"n": n, "n_eff": n_eff, "rho": rho, "ci": ci, "p": p}


def _lag1(values: np.ndarray) -> float:
    """Lag-1 autocorrelation over consecutive days that both have a value."""
    a, b = values[:-1], values[1:]
    both = ~np.isnan(a) & ~np.isnan(b)
    if both.sum() < 3 or np.ptp(a[both]) == 0 or np.ptp(b[both]) == 0:
        return 0.0
    return float(np.corrcoef(a[both], b[both])[0, 1])


def _two_sided_t(t: float, df: float) -> float:
    from scipy.stats import t as student_t  # lazily: scipy.stats costs ~0.7 s to import

    return float(2 * student_t.sf(abs(t), df))


def _benjamini_hochberg(ps: list[float | None]) -> list[float | None]:
    """BH-adjusted q for the tests that have a p; None stays None."""
    index = [i for i, p in enumerate(ps) if p is not None]
    qs: list[float | None] = [None] * len(ps)
    if index:
        from scipy.stats import false_discovery_control

        adjusted = false_discovery_control([ps[i] for i in index], method="bh")
        for i, q in zip(index, adjusted, strict=True):
            qs[i] = float(q)
    return qs
