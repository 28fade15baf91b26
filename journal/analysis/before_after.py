"""Before and after a date: a segmented regression with AR(1) errors, fitted by GLS.

Days are not independent: a bad week is followed by bad days. So the change is not a
plain difference of means with a t-test: it is the level change of a segmented
regression (Lopez Bernal et al. 2017), y_t = b0 + b2*after_t (+ b1*t + b3*(t-skip)*after_t
with ``slope``), whose errors follow an AR(1) process, fitted by generalised least squares
(statsmodels' ``GLSAR`` is the reference; a test checks this against it). Missing days
stay missing: the AR(1) correlation between two logged days d days apart is rho**d, so
gaps are allowed for exactly. rho is estimated from the residuals of neighbouring days,
iterated, and corrected for its known downward bias in short series (Marriott and Pope
1954: E[r] ~ rho - (1 + 3 rho)/n), because too small a rho gives too narrow an interval
(Turner et al. 2020).

Numpy only; scipy's Student t quantile is loaded when a result is worked out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from journal.analysis.series import DailySeries
from journal.domain import MEASURE_BY_KEY

MIN_DAYS = 14  # on each side; fewer: no estimate
MAX_RHO = 0.95
#: The change clinicians consider meaningful, by measure: (points, share of the before
#: mean or None). Pain NRS: 2 points or 30 % (Farrar 2001); interference: 1 point (BPI,
#: Dworkin 2008). Other measures have no agreed threshold.
MEANINGFUL = {"pain": (2.0, 0.30), "worst_pain": (2.0, 0.30), "pain_interference": (1.0, None)}
CAVEATS = (
    "Other things may have changed at the same time (other treatments, the season, stress, "
    "activity).",
    "Bad spells tend to ease on their own (regression to the mean), and treatments are often "
    "started at a bad time, so an improvement can look larger than the treatment's part in it.",
    "This is an association in your data, not proof that one caused the other.",
)


@dataclass(frozen=True)
class Fit:
    """A GLS fit with AR(1) errors: coefficients, their standard errors, rho, df."""

    params: np.ndarray
    bse: np.ndarray
    rho: float
    df: int


def design(t: np.ndarray, skip: int, slope: bool) -> np.ndarray:
    """Columns: intercept, after (0/1); with *slope* also t and (t - skip) * after."""
    after = (t >= 0).astype(float)
    columns = [np.ones_like(t, dtype=float), after]
    if slope:
        columns += [t.astype(float), (t - skip) * after]
    return np.column_stack(columns)


def gls_ar1(y: np.ndarray, x: np.ndarray, t: np.ndarray, rho: float) -> tuple[np.ndarray,
                                                                              np.ndarray, float]:
    """GLS with Corr(e_i, e_j) = rho**|t_i - t_j| (times *t* ascending, gaps allowed).

    Returns the coefficients, their standard errors and the residual scale (sigma**2),
    as statsmodels' ``GLS(y, x, sigma=rho**|t_i - t_j|)`` would.
    """
    gaps = np.diff(t)
    decay = rho ** gaps
    scale = np.sqrt(1.0 - decay ** 2)
    wy = np.concatenate([y[:1], (y[1:] - decay * y[:-1]) / scale])
    wx = np.vstack([x[:1], (x[1:] - decay[:, None] * x[:-1]) / scale[:, None]])
    params, *_ = np.linalg.lstsq(wx, wy, rcond=None)
    resid = wy - wx @ params
    df = len(y) - x.shape[1]
    sigma2 = float(resid @ resid) / df
    cov = sigma2 * np.linalg.inv(wx.T @ wx)
    return params, np.sqrt(np.diag(cov)), sigma2


def neighbour_rho(resid: np.ndarray, t: np.ndarray) -> tuple[float, int]:
    """Lag-1 autocorrelation of residuals from pairs of neighbouring days, and how many."""
    pairs = np.flatnonzero(np.diff(t) == 1)
    if len(pairs) < 3:
        return 0.0, len(pairs)
    centred = resid - resid.mean()
    numerator = float(centred[pairs] @ centred[pairs + 1]) / len(pairs)
    denominator = float(centred @ centred) / len(centred)
    return (numerator / denominator if denominator > 0 else 0.0), len(pairs)


def fit_ar1(y: np.ndarray, x: np.ndarray, t: np.ndarray, iterations: int = 8) -> Fit:
    """Iterated GLS: rho from the residuals, bias-corrected, clipped to [0, 0.95]."""
    rho = 0.0
    for _ in range(iterations):
        params, bse, _ = gls_ar1(y, x, t, rho)
        raw, pairs = neighbour_rho(y - x @ params, t)
        new = float(np.clip(raw + (1 + 3 * raw) / max(pairs, 1), 0.0, MAX_RHO))
        if abs(new - rho) < 1e-4:
            rho = new
            break
        rho = new
    params, bse, _ = gls_ar1(y, x, t, rho)
    return Fit(params, bse, rho, len(y) - x.shape[1])


@dataclass(frozen=True)
class BeforeAfter:
    """A before-and-after comparison of one measure around one date."""

    date: dt.date
    measure: str
    before_days: int
    after_days: int
    skip: int
    slope: bool
    before_mean: float | None
    before_n: int
    after_mean: float | None
    after_n: int
    change: float | None = None
    ci95: tuple[float, float] | None = None
    rho: float | None = None

    @property
    def status(self) -> str:
        return "ok" if self.change is not None else "insufficient"

    @property
    def changed(self) -> bool:
        """The interval excludes no change."""
        return self.ci95 is not None and (self.ci95[0] > 0 or self.ci95[1] < 0)

    @property
    def after_start(self) -> dt.date:
        return self.date + dt.timedelta(days=self.skip)

    @property
    def unit(self) -> str:
        return "hours" if self.measure == "sleep_hours" else (
            "minutes" if self.measure == "activity_minutes" else "points")

    @property
    def label(self) -> str:
        measure = MEASURE_BY_KEY.get(self.measure)
        return measure.label if measure else "Activity minutes"

    def summary(self) -> str:
        """The result in the user's units, in one paragraph (without the caveats)."""
        label, unit = self.label, self.unit
        skipped = f", leaving out {self.skip} days for it to take effect" if self.skip else ""
        windows = (f"the {self.before_days} days before {self.date} ({self.before_n} logged) "
                   f"with the {self.after_days} days from {self.after_start} ({self.after_n} "
                   f"logged{skipped})")
        if self.change is None:
            return (f"Not enough days to compare {label.lower()}: {windows}. At least "
                    f"{MIN_DAYS} logged days are needed on each side, so no estimate is given.")
        low, high = self.ci95  # type: ignore[misc]
        way = "lower" if self.change < 0 else "higher"
        text = (f"{label} averaged {self.before_mean:.1f} before and {self.after_mean:.1f} "
                f"after, comparing {windows}. Allowing for how one day follows another, the "
                f"change is {abs(self.change):.1f} {unit} {way} (95% interval "
                f"{_signed(low, unit)} to {_signed(high, unit)}).")
        if not self.changed:
            text += " The interval includes no change, so these days do not show a change."
        return text + self._meaningful()

    def _meaningful(self) -> str:
        points, share = MEANINGFUL.get(self.measure, (None, None))
        if points is None:
            return (f" There is no agreed size of change that matters for "
                    f"{self.label.lower()}; talk it over with your doctor.")
        if share is not None and self.before_mean:
            percent = abs(self.change) / self.before_mean * 100  # type: ignore[arg-type]
            size = f"{abs(self.change):.1f} points ({percent:.0f}%)"  # type: ignore[arg-type]
            enough = abs(self.change) >= points or percent >= share * 100  # type: ignore[arg-type]
            rule = f"{points:g} points or {share:.0%}"
        else:
            size = f"{abs(self.change):.1f} points"  # type: ignore[arg-type]
            enough = abs(self.change) >= points  # type: ignore[arg-type]
            rule = f"{points:g} point{'s' if points != 1 else ''}"
        verdict = "reaches" if enough and self.changed else "is below"
        return f" A change of {size} {verdict} the change clinicians consider meaningful ({rule})."

    def text(self) -> str:
        return self.summary() + "\n" + "\n".join(f"- {c}" for c in CAVEATS)

    def as_json(self) -> dict[str, object]:
        """Stable keys, documented in the README."""
        return {
            "date": self.date.isoformat(), "measure": self.measure,
            "before": {"days": self.before_days, "mean": _round(self.before_mean),
                       "n": self.before_n},
            "after": {"days": self.after_days, "skip": self.skip,
                      "mean": _round(self.after_mean), "n": self.after_n},
            "change": _round(self.change),
            "ci95": None if self.ci95 is None else [_round(v) for v in self.ci95],
            "changed": self.changed, "rho": _round(self.rho), "slope": self.slope,
            "status": self.status, "summary": self.summary(), "caveats": list(CAVEATS),
        }


def compare(series: DailySeries, date: dt.date, measure: str, *, before: int = 28,
            after: int = 28, skip: int = 14, slope: bool = False) -> BeforeAfter:
    """Compare *measure* over *before* days up to *date* and *after* days from *date* +
    *skip*; fewer than `MIN_DAYS` logged days on either side: no estimate."""
    offsets = np.arange(len(series)) + (series.start - date).days
    values = series[measure]
    inside = ((offsets >= -before) & (offsets < 0)) | ((offsets >= skip)
                                                       & (offsets < skip + after))
    keep = inside & ~np.isnan(values)
    t, y = offsets[keep], values[keep].astype(float)
    is_after = t >= 0
    n_before, n_after = int((~is_after).sum()), int(is_after.sum())
    means = [float(y[~is_after].mean()) if n_before else None,
             float(y[is_after].mean()) if n_after else None]
    result = BeforeAfter(date, measure, before, after, skip, slope, means[0], n_before,
                         means[1], n_after)
    if min(n_before, n_after) < MIN_DAYS:
        return result
    x = design(t, skip, slope)
    fit = fit_ar1(y, x, t)
    from scipy.special import stdtrit

    half = float(stdtrit(fit.df, 0.975)) * float(fit.bse[1])
    change = float(fit.params[1])
    from dataclasses import replace

    return replace(result, change=change, ci95=(change - half, change + half), rho=fit.rho)


def _signed(value: float, unit: str) -> str:
    if abs(value) < 0.05:
        return "no change"
    return f"{abs(value):.1f} {'lower' if value < 0 else 'higher'}"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
