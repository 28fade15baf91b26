"""Insights said in the user's own units, with the number of days behind each number.

Never "significant", never a claim of cause: DESIGN.md, "Insights".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from journal.analysis import pairs, summary

if TYPE_CHECKING:
    from journal.analysis.pairs import Pair

CAUTION = "This is an association in your data, not proof of cause."
MIN_GROUP = 3  # days in a group before its mean is worth saying

_OUTCOME = {"pain": "your pain averaged {:.1f}", "mood": "your mood averaged {:.1f}",
            "sleep_hours": "you slept {:.1f} h on average"}
_SHORT = {"pain": "{:.1f}", "mood": "{:.1f}", "sleep_hours": "{:.1f} h"}
_NAMES = {"sleep_hours": "sleep", "activity_minutes": "activity", "pain": "pain", "mood": "mood"}


def describe(pair: Pair, x: np.ndarray, y: np.ndarray, status: str, found: bool, n: int) -> str:
    """The sentence for one pair, given its paired raw values, without the closing caution
    (`Insight.summary` adds it when a link was found)."""
    if status == "insufficient":
        return f"Not enough days yet: {n} paired {_days(n)}, and {pairs.MIN_DAYS} are needed."
    groups = compare_groups(pair, x, y)
    if status == "early":
        return (f"Early look, too few days to tell ({n} days): {groups}" if groups
                else f"Early look: {n} paired days, too few to tell.")
    if not found:
        return (f"No clear link between {_NAMES[pair.x]} and {_NAMES[pair.y]} in your data so far "
                f"({n} days).")
    return groups or f"A link shows in your data ({n} days)."


def compare_groups(pair: Pair, x: np.ndarray, y: np.ndarray) -> str | None:
    """E.g. "After nights of 7 h or more, your pain averaged 4.1 (31 days); after nights under
    6 h, 5.3 (12 days)." None when a group has too few days."""
    is_high, high_words, is_low, low_words = _groups()[pair.x]
    high, low = is_high(x), is_low(x)
    if high.sum() < MIN_GROUP or low.sum() < MIN_GROUP:
        return None
    unit = "nights" if pair.y == "sleep_hours" else "days"
    first = f"{_OUTCOME[pair.y].format(y[high].mean())} ({high.sum()} {unit})"
    second = f"{_SHORT[pair.y].format(y[low].mean())} ({low.sum()} {unit})"
    lead_high, lead_low = _leads(pair, high_words, low_words)
    return f"{lead_high}, {first}; {lead_low}, {second}."


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
