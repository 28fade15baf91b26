"""Insights said in the user's own units, with the number of days behind each number.

Never "significant", never a claim of cause (DESIGN.md, "Insights"). "No link" only when a
full result's 95 % interval rules out a moderate link; otherwise "too early to tell", naming
what is missing. Nothing about a measure that barely varies, except that it barely varied.
Averages only for a found link, with at least `pairs.MIN_GROUP_DAYS` days in each group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from journal.analysis import pairs, summary

if TYPE_CHECKING:
    from journal.analysis.association import Association
    from journal.analysis.pairs import Pair

CAUTION = "This is an association in your data, not proof of cause."
ALLOWED_FOR = ("Each comparison looks at day-to-day changes, so weekday rhythms, slow trends and "
               "monthly cycles are not counted as links, and it allows for making several "
               "comparisons at once.")
UNSEEN = ("Slow effects (such as weeks of exercise) and effects on days you did not log cannot "
          "be seen here: the before-and-after comparison is the place for those.")

_OUTCOME = {"pain": "your pain averaged {:.1f}", "mood": "your mood averaged {:.1f}",
            "sleep_hours": "you slept {:.1f} h on average"}
_SHORT = {"pain": "{:.1f}", "mood": "{:.1f}", "sleep_hours": "{:.1f} h"}
_NAMES = {"sleep_hours": "sleep", "activity_minutes": "activity", "pain": "pain", "mood": "mood"}
#: What more of y is called, and less of it, in the direction sentence.
_MORE_LESS = {"pain": ("more pain", "less pain"), "mood": ("better mood", "worse mood"),
              "sleep_hours": ("longer sleep", "shorter sleep")}


@dataclass(frozen=True)
class Facts:
    """What one pair's sentence rests on (`journal.analysis.insights._facts`)."""

    pair: Pair
    status: str
    n: int                      # analysed days
    n_paired: int               # days with both recorded
    x: np.ndarray               # the paired raw values, for the averages
    y: np.ndarray
    test: Association | None
    unrecorded: str | None      # a measure with no value at all in the period
    flat: tuple[str, float, float] | None  # (measure, commonest value, its share of the days)


def commonest(name: str, values: np.ndarray) -> tuple[str, float, float]:
    """(name, the commonest value, the share of days it covers); share 0 without values."""
    if len(values) == 0:
        return name, float("nan"), 0.0
    found, counts = np.unique(values, return_counts=True)
    return name, float(found[counts.argmax()]), float(counts.max() / len(values))


def describe(facts: Facts, found: bool, echo_of: str | None = None) -> str:
    """The sentence for one pair, without the closing caution (`Insight.summary` adds it
    when a link was found)."""
    pair, n, test = facts.pair, facts.n, facts.test
    x_name, y_name = _NAMES[pair.x], _NAMES[pair.y]
    if facts.unrecorded:
        return f"{_NAMES[facts.unrecorded].capitalize()} is not recorded in this period."
    if facts.status == "insufficient":
        if facts.n_paired >= pairs.MIN_DAYS:
            return (f"Not enough days in a row yet: {n} {_days(n)} to compare, and "
                    f"{pairs.MIN_DAYS} are needed ({facts.n_paired} days have both, but a day "
                    "counts only when the day before it was logged too).")
        return f"Not enough days yet: {n} {_days(n)} to compare, and {pairs.MIN_DAYS} are needed."
    if facts.status == "flat":
        name, value, share = facts.flat
        return (f"Nothing can be said here: {_value_words(name, value)} on {share:.0%} of these "
                f"days, so it barely varied.")
    if facts.status == "early":
        return (f"Early look ({n} days analysed): too few to tell; a result needs "
                f"{pairs.FULL_DAYS}.")
    if echo_of:
        return (f"Probably an echo of the link found for \"{echo_of}\" ({n} days analysed): "
                "comparing day-to-day changes makes a link show again, reversed and weaker, "
                "one day apart, so nothing more can be said here.")
    if found:
        sentence = f"{direction(pair, test.rho)} ({n} days analysed)."
        groups = compare_groups(pair, facts.x, facts.y, test.rho)
        return f"{sentence} {groups}" if groups else sentence
    if (-pairs.NO_LINK_RHO < test.ci95[0]) and (test.ci95[1] < pairs.NO_LINK_RHO):
        return (f"No link big enough to matter between {x_name} and {y_name} ({n} days "
                f"analysed): a moderate link (ρ of {pairs.NO_LINK_RHO:g} or more either way) "
                "is ruled out.")
    return (f"Too early to tell about {x_name} and {y_name} ({n} days analysed): a moderate "
            "link is not ruled out yet, and more days are needed.")


def direction(pair: Pair, rho: float) -> str:
    """The sign of rho in words, e.g. "Longer nights went with less pain the next day"."""
    more, less = _MORE_LESS[pair.y]
    y_words = more if rho > 0 else less
    if pair.x == "sleep_hours":
        return f"Longer nights went with {y_words} the day after"
    if pair.x == "activity_minutes":
        return f"More active days went with {y_words} " + (
            "the next day" if pair.lag_days else "the same day")
    when = " that night" if pair.lag_days else ""
    return f"Days with more pain went with {y_words}{when}"


def compare_groups(pair: Pair, x: np.ndarray, y: np.ndarray, rho: float) -> str | None:
    """E.g. "After nights of 7 h or more, your pain averaged 4.1 (31 days); after nights under
    6 h, 5.3 (12 days)." None when a group has fewer than `pairs.MIN_GROUP_DAYS` days or the
    averages point the other way from rho (they are raw; rho is on day-to-day changes)."""
    is_high, high_words, is_low, low_words = _groups()[pair.x]
    high, low = is_high(x), is_low(x)
    if high.sum() < pairs.MIN_GROUP_DAYS or low.sum() < pairs.MIN_GROUP_DAYS:
        return None
    high_mean, low_mean = y[high].mean(), y[low].mean()
    if np.sign(high_mean - low_mean) != np.sign(rho):
        return None
    unit = "nights" if pair.y == "sleep_hours" else "days"
    first = f"{_OUTCOME[pair.y].format(high_mean)} ({high.sum()} {unit})"
    second = f"{_SHORT[pair.y].format(low_mean)} ({low.sum()} {unit})"
    lead_high, lead_low = _leads(pair, high_words, low_words)
    return f"{lead_high}, {first}; {lead_low}, {second}."


def _value_words(name: str, value: float) -> str:
    if name == "activity_minutes":
        return "no exercise was recorded" if value == 0 else f"activity was {value:g} minutes"
    if name == "sleep_hours":
        return f"sleep was {value:g} h"
    return f"your {name} was {value:g}"


def _groups() -> dict[str, tuple]:
    """x measure -> (high test, high words, low test, low words).

    A short night is the one page 1 of the report counts (`summary.SHORT_NIGHT_HOURS`).
    """
    short = summary.SHORT_NIGHT_HOURS
    return {
        "sleep_hours": (lambda v: v >= 7, "nights of 7 h or more",
                        lambda v: v < short, f"nights under {short:g} h"),
        "activity_minutes": (lambda v: v >= 30, "30 minutes or more of activity",
                             lambda v: v == 0, "no exercise"),
        "pain": (lambda v: v >= 6, "pain 6 or more", lambda v: v <= 3, "pain 3 or less"),
    }


def _leads(pair: Pair, high: str, low: str) -> tuple[str, str]:
    if pair.x == "sleep_hours":
        return f"After {high}", f"after {low}"
    if pair.lag_days == 1 and pair.x == "activity_minutes":
        return f"The day after {high}", f"the day after {low}"
    if pair.lag_days == 1:
        return f"After days with {high}", f"after days with {low}"
    return f"On days with {high}", f"on days with {low}"


def _days(n: int) -> str:
    return "day" if n == 1 else "days"
