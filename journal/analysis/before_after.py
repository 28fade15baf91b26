"""Before and after a date: a segmented regression with AR(1) errors, fitted by GLS.

Days are not independent: a bad week is followed by bad days. So the change is not a
plain difference of means with a t-test: it is the level change of a segmented
regression (Lopez Bernal et al. 2017), y_t = b0 + b2*after_t (+ b1*t + b3*(t-skip)*after_t
with ``slope``), whose errors follow an AR(1) process, fitted by generalised least squares
(statsmodels' ``GLSAR`` is the reference; a test checks this against it). Missing days
stay missing: the AR(1) correlation between two logged days d days apart is rho**d, so
gaps are allowed for exactly. rho itself is uncertain in a few weeks of days, and an
interval that ignores that is too narrow (Turner et al. 2020; on the tests' data
GLSAR's interval excludes 0 on 12 % of series without a change): see `fit_ar1`.

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
RHO_GRID = np.linspace(0.0, MAX_RHO, 64)
#: Jeffreys' prior for the AR(1) coefficient, (1 - rho**2) ** -1/2: it does not favour
#: the small correlations that make an interval too narrow.
PRIOR = 1.0 / np.sqrt(1.0 - RHO_GRID ** 2)
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


def reml_profile(y: np.ndarray, x: np.ndarray, t: np.ndarray,
                 grid: np.ndarray = RHO_GRID) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each rho of *grid*: the restricted (REML) log-likelihood, the GLS coefficients
    and their standard errors."""
    gaps = np.diff(t)
    df = len(y) - x.shape[1]
    decay = grid[:, None] ** gaps[None, :]  # (rho, pair): every rho of the grid at once
    scale = np.sqrt(1.0 - decay ** 2)
    wy = np.concatenate([np.broadcast_to(y[:1], (len(grid), 1)),
                         (y[1:] - decay * y[:-1]) / scale], axis=1)
    wx = np.concatenate([np.broadcast_to(x[:1], (len(grid), 1, x.shape[1])),
                         (x[1:] - decay[:, :, None] * x[:-1]) / scale[:, :, None]], axis=1)
    xtx = np.einsum("gni,gnj->gij", wx, wx)
    xty = np.einsum("gni,gn->gi", wx, wy)
    params = np.linalg.solve(xtx, xty[:, :, None])[:, :, 0]
    resid = wy - np.einsum("gni,gi->gn", wx, params)
    sigma2 = np.maximum(np.einsum("gn,gn->g", resid, resid) / df, 1e-12)
    _, log_det_xtx = np.linalg.slogdet(xtx)
    values = -0.5 * (df * np.log(sigma2) + 2.0 * np.log(scale).sum(axis=1) + log_det_xtx)
    bses = np.sqrt(sigma2[:, None] * np.diagonal(np.linalg.inv(xtx), axis1=1, axis2=2))
    return values, params, bses


def fit_ar1(y: np.ndarray, x: np.ndarray, t: np.ndarray) -> Fit:
    """GLS with AR(1) errors, allowing for the uncertainty of rho.

    rho is not known, and a few weeks of days pin it down poorly: fixed at its best
    value, a chance run of bad days before the date both enlarges the change and hides
    part of the correlation, and the interval is too narrow (in simulation, 7-10 % false
    changes instead of 5 %). So the coefficients and their variance are averaged over
    rho in [0, 0.95], weighted by the REML likelihood and Jeffreys' prior on rho: the
    variance is the average variance plus the spread of the estimates across rho.
    """
    values, params, bses = reml_profile(y, x, t)
    weights = np.exp(values - values.max()) * PRIOR
    weights /= weights.sum()
    mean = weights @ params
    variance = weights @ (bses ** 2 + params ** 2) - mean ** 2
    rho = float(weights @ RHO_GRID)
    return Fit(mean, np.sqrt(np.maximum(variance, 0.0)), rho,
               effective_df(len(y), x.shape[1], rho))


def effective_df(n: int, k: int, rho: float) -> int:
    """Degrees of freedom for the t quantile: the effective sample size of an AR(1) series,
    n (1 - rho) / (1 + rho), less the coefficients (at least 2).

    With rho estimated from a few weeks, the GLS standard error is itself uncertain and
    the interval at n - k degrees of freedom is too narrow (in simulation, 7-10 % false
    changes instead of 5 %); this is the same allowance the insights make for
    autocorrelation.
    """
    n_effective = n * (1.0 - rho) / (1.0 + rho)
    return max(2, min(n - k, int(n_effective) - k))


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
        if not self.changed:
            return (f" So it cannot be said whether it reaches the change clinicians consider "
                    f"meaningful ({rule}).")
        verdict = "reaches" if enough else "is below"
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
