"""What a chart draws: the days of a period and, worked out once, the insights."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.analysis.insights import Insight
    from journal.analysis.series import DailySeries
    from journal.domain.medications import Treatments
    from journal.domain.questionnaires import Checkin


@dataclass
class ChartData:
    """The data bundle every chart (and the report) takes.

    Parameters
    ----------
    series
        The days of the period, one value per day (NaN where not recorded).
    checkins
        The PHQ-9 and GAD-7 check-ins of the period, oldest first.
    treatments
        Medications and events, for the trends chart's marks (None: none drawn).
    """

    series: DailySeries
    treatments: Treatments | None = None
    _insights: list[Insight] | None = field(default=None, repr=False)
    checkins: Sequence[Checkin] = ()

    @property
    def insights(self) -> list[Insight]:
        """The declared comparisons for the period, computed on first use and then shared."""
        if self._insights is None:
            from journal.analysis.insights import insights

            self._insights = insights(self.series)
        return self._insights
