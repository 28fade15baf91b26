"""Honest insights: how sleep and activity go together with pain and mood, or silence.

The method (DESIGN.md, clinical reference section 6, and issue 13's statistical audit):
the pairs and lags declared in advance in `journal.analysis.pairs`; from each measure the
weekday means are removed, then first differences are taken, so weekly rhythms, drifts,
steps, waves and monthly cycles are not findings (`journal.analysis.association`);
Pearson's r on the analysed days; an effective sample size summed over all lags (Pyper
and Peterman 1998) in the test and the 95 % CI; Benjamini-Hochberg q across the full
results of one run, below `pairs.Q_LEVEL`. Every threshold counts analysed days and is
read from `pairs` when used, so the statuses and every text that names them agree.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np

from journal.analysis import pairs
from journal.analysis.association import analysed, correlate, lagged_pair, weekday_blocks
from journal.analysis.pairs import PAIRS, Pair
from journal.analysis.series import DailySeries, days_from, paired, period_text
from journal.analysis.wording import ALLOWED_FOR, CAUTION, UNSEEN, Facts, commonest, describe
from journal.domain.grammar import count_text


@dataclass(frozen=True)
class Insight:
    """The result for one declared pair; `status` is insufficient, flat, early or ok."""

    x: str
    y: str
    lag_days: int
    label: str
    n: int            # analysed days: the days every number here rests on
    n_paired: int     # days on which both were recorded (n is fewer: a day needs the one before)
    n_effective: float | None
    rho: float | None
    ci95: tuple[float, float] | None
    p: float | None
    q: float | None
    status: str
    found: bool
    echo_of: str | None  # the stronger link a day apart this one probably echoes (`_echoes`)
    statement: str  # the sentence without the caution, for surfaces that say it once for all

    @property
    def summary(self) -> str:
        """The sentence, ending with the caution when a link was found (``insights --json``)."""
        return f"{self.statement} {CAUTION}" if self.found else self.statement

    @property
    def no_link(self) -> bool:
        """A full result whose 95 % interval rules out a moderate link (|rho| >= 0.3)."""
        return (self.status == "ok" and not self.found and self.echo_of is None
                and self.ci95 is not None
                and -pairs.NO_LINK_RHO < self.ci95[0] and self.ci95[1] < pairs.NO_LINK_RHO)

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


def compared(series: DailySeries) -> DailySeries:
    """The days the insights compare: from the first to the last logged day of the period,
    at most the `pairs.MAX_DAYS` days that end on the last logged day. Days without entries
    at either end take no part (the weekday parts of `association.weekday_blocks` count the
    days compared, so "all days" and "the last 365 days" of a short journal agree)."""
    logged = np.flatnonzero(series.logged)
    if len(logged) == 0:
        return series
    last = int(logged[-1])
    return days_from(series, max(int(logged[0]), last - pairs.MAX_DAYS + 1), last)


def leaves_out(series: DailySeries) -> bool:
    """Whether `compared` leaves logged days of the period out (it is longer than a year)."""
    return bool(series.logged[:(compared(series).start - series.start).days].any())


def span_note(series: DailySeries) -> str:
    """What every surface says when logged days of the period were left out ("" if none)."""
    if not leaves_out(series):
        return ""
    span = compared(series)
    return (f"Only your last {pairs.MAX_DAYS} days with entries are compared here "
            f"({period_text(span.start, span.end)}): over longer spans, small quirks of a "
            "diary, such as skipping bad days, start to look like links.")


def insights(series: DailySeries) -> list[Insight]:
    """One Insight per declared pair, in `PAIRS` order, on the days `compared` picks."""
    series = compared(series)
    weekday = series.start.weekday()
    names = {p.x for p in PAIRS} | {p.y for p in PAIRS}
    changes = {name: analysed(series[name], weekday) for name in names}
    parts = weekday_blocks(len(series))  # the weekday means' parts, for every pair's n_eff
    facts = [_facts(series, changes, pair, parts) for pair in PAIRS]
    qs = _benjamini_hochberg([f.test.p if f.status == "ok" else None for f in facts])
    found = [q is not None and q < pairs.Q_LEVEL and abs(f.test.rho) >= pairs.RELEVANT_RHO
             for f, q in zip(facts, qs, strict=True)]
    echoes = _echoes(facts, found)
    results = []
    for i, (pair, fact, q) in enumerate(zip(PAIRS, facts, qs, strict=True)):
        test, echo_of = fact.test, echoes.get(i)
        results.append(Insight(
            x=pair.x, y=pair.y, lag_days=pair.lag_days, label=pair.label, n=fact.n,
            n_paired=fact.n_paired, n_effective=test and test.n_effective,
            rho=test and test.rho, ci95=test and test.ci95,
            p=test.p if fact.status in ("early", "ok") else None, q=q,
            status=fact.status, found=found[i] and echo_of is None, echo_of=echo_of,
            statement=describe(fact, found[i] and echo_of is None, echo_of),
        ))
    return results


def _offset(pair: Pair) -> tuple[frozenset[str], int]:
    """The two measures and how many days the later-named one is after the other."""
    first, second = sorted((pair.x, pair.y))
    return frozenset((first, second)), pair.lag_days if pair.x == first else -pair.lag_days


def _echoes(facts: Sequence[Facts], found: Sequence[bool]) -> dict[int, str]:
    """Links that are probably echoes: index -> the label of the link they echo.

    A difference of day t contains day t - 1 with the opposite sign, so a real link
    between two measures shows again on the neighbouring day, reversed and about half
    as strong (the same two measures, one day further apart). When two declared pairs
    of the same measures one day apart are both found, in opposite directions, the
    weaker one is not reported as a link.
    """
    echoes = {}
    for i, j in itertools.combinations(range(len(facts)), 2):
        (measures_i, day_i), (measures_j, day_j) = _offset(facts[i].pair), _offset(facts[j].pair)
        if (measures_i == measures_j and abs(day_i - day_j) == 1 and found[i] and found[j]
                and facts[i].test.rho * facts[j].test.rho < 0):
            weak, strong = sorted((i, j), key=lambda k: abs(facts[k].test.rho))
            echoes[weak] = facts[strong].pair.label
    return echoes


def _facts(series: DailySeries, changes: dict[str, np.ndarray], pair: Pair,
           parts: int) -> Facts:
    """What one pair's sentence and numbers rest on, and its status."""
    raw_x, raw_y = paired(series[pair.x], series[pair.y], pair.lag_days)
    x_days, y_days = lagged_pair(changes[pair.x], changes[pair.y], pair.lag_days)
    n = int((~np.isnan(x_days)).sum())
    unrecorded = next((name for name in (pair.x, pair.y) if np.isnan(series[name]).all()), None)
    flat = None
    if len(raw_x) >= pairs.MIN_DAYS:
        flat = next((c for c in (commonest(pair.x, raw_x), commonest(pair.y, raw_y))
                     if c[2] >= pairs.FLAT_SHARE), None)
    test = correlate(x_days, y_days, parts) if n >= pairs.MIN_DAYS and flat is None else None
    if unrecorded or n < pairs.MIN_DAYS:
        status = "insufficient"
    elif flat is not None or test is None:  # no variation left in the analysed days
        status = "flat"
        flat = flat or max(commonest(pair.x, raw_x), commonest(pair.y, raw_y),
                           key=lambda c: c[2])
    else:
        status = "early" if n < pairs.FULL_DAYS else "ok"
    return Facts(pair, status, n, len(raw_x), raw_x, raw_y, test, unrecorded, flat)


def insights_text(series: DailySeries, results: Sequence[Insight]) -> str:
    """The results as the ``insights`` command prints them (``as_json`` is the other form)."""
    lines = [f"Insights for {period_text(series.start, series.end)} "
             f"({series.days_logged} of {count_text(len(series), 'day')} logged)"]
    if note := span_note(series):
        lines.append(note)
    lines.append("")
    for result in results:
        lines.append(f"{result.label}")
        lines.append(f"  {result.summary}")
        if result.rho is not None:
            low, high = result.ci95
            q = "" if result.q is None else f", q = {result.q:.3g}"
            lines.append(f"  rho {result.rho:+.2f} (95% interval {low:+.2f} to {high:+.2f}), "
                         f"n = {result.n}, effective n = {result.n_effective:.0f}{q}")
        lines.append("")
    lines.append(f"{ALLOWED_FOR} {UNSEEN} "
                 "Links are associations in your own data, not proof of cause.")
    return "\n".join(lines)


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
