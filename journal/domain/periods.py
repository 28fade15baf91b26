"""The periods a person picks from: one set for the chart panel, the report, the history and
the command line (``--period``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Preset:
    """A period ending today: the last *days* days, or (None) everything logged."""

    key: str
    label: str
    days: int | None

    def dates(self, today: dt.date, first_logged: dt.date | None) -> tuple[dt.date, dt.date]:
        """The first and last day of the period."""
        if self.days is None:
            return min(first_logged or today, today), today
        return today - dt.timedelta(days=self.days - 1), today


PRESETS: tuple[Preset, ...] = (
    Preset("7", "Last 7 days", 7),
    Preset("30", "Last 30 days", 30),
    Preset("42", "Last 6 weeks", 42),  # clinicians re-evaluate every 4-6 weeks
    Preset("90", "Last 90 days", 90),
    Preset("365", "Last 365 days", 365),
    Preset("all", "All days", None),
)
PRESET_BY_KEY = {p.key: p for p in PRESETS}
#: Where each surface starts.
DEFAULT_CHART, DEFAULT_REPORT, DEFAULT_HISTORY = "90", "42", "all"
