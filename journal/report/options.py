"""What a report covers and how it is printed."""

from __future__ import annotations

import datetime as dt
import locale
from dataclasses import dataclass

#: Paper sizes in inches (matplotlib works in inches).
PAPERS = {"a4": (8.27, 11.69), "letter": (8.5, 11.0)}
# Territories that print on US Letter; everywhere else uses A4.
_LETTER_TERRITORIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR", "CR", "PA", "SV",
                       "NI", "DO", "BZ"}
MIN_DAYS_FOR_CHARTS = 7
#: Parts of the report a clinician may leave out: name -> what the window calls it.
OPTIONAL_SECTIONS = {"associations": "What went together", "charts": "The chart pages"}


@dataclass(frozen=True)
class ReportOptions:
    """A report request: the period, the paper and what to include."""

    start: dt.date
    end: dt.date
    paper: str = "a4"
    name: str = ""
    questions: str = ""
    include_notes: bool = False
    leave_out: frozenset[str] = frozenset()  # of OPTIONAL_SECTIONS
    #: A before-and-after comparison to print on page 1: its date and measure (None: none).
    before_after: dt.date | None = None
    before_after_measure: str = "pain"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def previous(self) -> tuple[dt.date, dt.date]:
        """The period of equal length just before, for the comparison."""
        return self.start - dt.timedelta(days=self.days), self.start - dt.timedelta(days=1)


def default_paper() -> str:
    """Letter where the locale's territory prints on Letter, else A4."""
    for category in ("LC_PAPER", "LC_ALL", "LANG"):
        value = _locale_name(category)
        if value and "_" in value:
            territory = value.split("_", 1)[1][:2].upper()
            return "letter" if territory in _LETTER_TERRITORIES else "a4"
    return "a4"


def _locale_name(category: str) -> str | None:
    import os

    if os.environ.get(category):
        return os.environ[category]
    if category == "LANG":
        try:
            return locale.getlocale()[0]
        except ValueError:
            return None
    return None
