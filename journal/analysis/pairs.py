"""The comparisons declared in advance, and how many paired days a result needs.

A clinical rule, not a detail of the statistics (DESIGN.md, "Insights"; clinical
reference section 6): only these pairs are ever compared, and they are corrected
for together, so adding one changes every other result. Fewer than `MIN_DAYS`
paired days give nothing; from `MIN_DAYS` to `FULL_DAYS` - 1 an "early look";
`FULL_DAYS` or more a full result. Every text that names these numbers reads them
from here, at the time it is written.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_DAYS = 14
FULL_DAYS = 28


@dataclass(frozen=True)
class Pair:
    """X on day t against Y on day t + lag."""

    x: str
    y: str
    lag_days: int
    label: str


#: Declared in advance: the only comparisons ever made (and corrected for together).
PAIRS = (
    Pair("sleep_hours", "pain", 0, "Sleep last night → pain today"),
    Pair("sleep_hours", "mood", 0, "Sleep last night → mood today"),
    Pair("activity_minutes", "pain", 0, "Activity → pain the same day"),
    Pair("activity_minutes", "mood", 0, "Activity → mood the same day"),
    Pair("activity_minutes", "pain", 1, "Activity → pain the next day"),
    Pair("pain", "sleep_hours", 1, "Pain today → sleep that night"),
    Pair("pain", "mood", 0, "Pain ↔ mood the same day"),
)
#: Measures of the registry in no declared pair: each extra pair changes the correction for
#: testing several at once, so pairs are chosen, not derived (a test names undecided ones).
NOT_PAIRED = frozenset({"worst_pain", "pain_interference", "energy", "sleep_quality"})
