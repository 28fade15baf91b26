"""Page 1's medications and events: what is taken now, what changed in the period, how
often as-needed doses were used, the events, and a before-and-after the user chose."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from journal.analysis.before_after import BeforeAfter
    from journal.domain.medications import Treatments


class Lines(Protocol):
    """Page 1's writer (`journal.report.summary_page._Writer`)."""

    def line(self, text: str, size: float = 10, bold: bool = False, gap: float = 0.0,
             indent: float = 0.0) -> None: ...


SIZE = 9  # smaller than the measures' lines: page 1 must still fit the associations


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%b %Y}"


def write_treatments(w: Lines, treatments: Treatments, start: dt.date, end: dt.date,
                     before_after: BeforeAfter | None = None, *, notes: bool = False) -> None:
    """Write the section under its heading; nothing at all when the journal has no
    medications, events or chosen comparison (a journal that does not use them)."""
    if not (treatments.medications or treatments.events or before_after):
        return
    w.line("Medications and events", size=12, bold=True, gap=0.02)
    current = treatments.current(end)
    if current:
        w.line(f"Taking on {_day(end)}: " + "; ".join(
            m.describe() + (f" (for {m.reason})" if m.reason else "") for m in current) + ".",
            indent=0.02, size=SIZE)
    else:
        w.line(f"No medications recorded as taken on {_day(end)}.", indent=0.02, size=SIZE)
    marks = treatments.marks(start, end)
    if marks:
        w.line("Changes in this period: " + "; ".join(f"{_day(m.date)}: {m.text}"
                                                     for m in marks) + ".", indent=0.02,
               gap=0.002, size=SIZE)
    else:
        w.line("No medication started, stopped or changed dose in this period.", indent=0.02,
               gap=0.002, size=SIZE)
    weeks = ((end - start).days + 1) / 7
    used = treatments.as_needed(start, end)
    if used:
        w.line("As needed: " + "; ".join(
            f"{m.name}{' ' + m.current.describe() if m.current.strength else ''} on {days} "
            f"day{'s' if days != 1 else ''}, {doses / weeks:.1f} doses a week ({doses} logged)"
            for m, days, doses in used) + ".", indent=0.02, gap=0.002, size=SIZE)
    elif any(m.as_needed for m in current):
        w.line("As needed: no doses logged in this period.", indent=0.02, gap=0.002, size=SIZE)
    events = treatments.events_in(start, end)
    if events:
        w.line("Events: " + "; ".join(
            _day(e.date) + (f" to {_day(e.until)}" if e.until else "") + f": {e.kind}"
            + (f" ({e.note})" if notes and e.note else "") for e in events) + ".",
            indent=0.02, gap=0.002, size=SIZE)
    if before_after is not None:
        from journal.analysis.before_after import CAVEATS

        w.line(f"Before and after {_day(before_after.date)}", size=SIZE, bold=True, gap=0.005,
               indent=0.02)
        w.line(before_after.summary(), indent=0.02, size=SIZE)
        w.line("Caveats: " + " ".join(CAVEATS), size=8, indent=0.02, gap=0.002)
