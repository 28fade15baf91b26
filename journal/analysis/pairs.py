"""The comparisons declared in advance, and the thresholds every insight is judged by.

A clinical rule, not a detail of the statistics (DESIGN.md, "Insights"; clinical
reference section 6): only these pairs are ever compared, and they are corrected
for together, so adding one changes every other result. Days are analysed days (a
day where both measures and the day before them were recorded): fewer than
`MIN_DAYS` give nothing; from `MIN_DAYS` to `FULL_DAYS` - 1 an "early look";
`FULL_DAYS` or more a full result. Every text that names these numbers reads them
from here, at the time it is written.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_DAYS = 14
FULL_DAYS = 28
# Benjamini-Hochberg q below this, across the full results of one run. At 0.05 the share of
# unlinked journals with any link would be 5 % only if every test were exact; skipped bad days,
# monthly cycles and steps leave small true correlations in the analysed changes (up to 5.7 %
# at 365 days, README), so the level keeps a margin below the promised 5 %.
Q_LEVEL = 0.04
RELEVANT_RHO = 0.1     # a smaller |rho| is never called a link, however many days
NO_LINK_RHO = 0.3      # "no link" only when the 95 % interval lies inside (-0.3, 0.3)
FLAT_SHARE = 0.9       # a measure whose commonest value covers 90 % of the days barely varies
MIN_GROUP_DAYS = 7     # days in each group before an average is quoted
#: The most recent days compared when a period is longer. Skipped bad days and short shared
#: episodes leave small true correlations in the day-to-day changes that do not shrink with
#: more days while the tests sharpen: the promise (at most 5 % of unlinked journals with a
#: link) is measured up to a year, and a longer period is compared on its last year.
MAX_DAYS = 365


@dataclass(frozen=True)
class Pair:
    """X on day t against Y on day t + lag."""

    x: str
    y: str
    lag_days: int
    label: str


#: Declared in advance: the only comparisons ever made (and corrected for together).
PAIRS = (
    Pair("sleep_hours", "pain", 0, "Sleep last night and pain today"),
    Pair("sleep_hours", "mood", 0, "Sleep last night and mood today"),
    Pair("activity_minutes", "pain", 0, "Activity and pain the same day"),
    Pair("activity_minutes", "mood", 0, "Activity and mood the same day"),
    Pair("activity_minutes", "pain", 1, "Activity and pain the next day"),
    Pair("pain", "sleep_hours", 1, "Pain today and sleep that night"),
    Pair("pain", "mood", 0, "Pain and mood the same day"),
)
#: Measures of the registry in no declared pair: each extra pair changes the correction for
#: testing several at once, so pairs are chosen, not derived (a test names undecided ones).
NOT_PAIRED = frozenset({"worst_pain", "pain_interference", "energy", "sleep_quality"})
