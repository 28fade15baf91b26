"""Page 1: the one-minute summary a clinician reads first."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from journal.analysis import pairs
from journal.analysis.insights import Insight
from journal.analysis.series import period_text
from journal.analysis.summary import Change, PeriodSummary
from journal.analysis.wording import CAUTION
from journal.charts.style import INK, measure_title
from journal.domain import MEASURE_BY_KEY
from journal.report.options import MIN_DAYS_FOR_CHARTS, ReportOptions
from journal.report.treatments_section import write_treatments

if TYPE_CHECKING:
    from journal.analysis.before_after import BeforeAfter
    from journal.domain.medications import Treatments

#: The measures page 1 summarises (worst pain within the pain lines); a test names any measure
#: of the registry that is neither here nor in NOT_SHOWN.
SHOWN = ("pain", "worst_pain", "pain_interference", "mood", "sleep_hours")
NOT_SHOWN = frozenset({"energy", "sleep_quality"})

LEFT = 0.08
WRAP = 92  # characters per line at 10 pt across the page


class _Writer:
    """Lines of text down the page, each at least one line below the previous."""

    def __init__(self, figure: Figure, top: float = 0.94) -> None:
        self.figure, self.y = figure, top

    def line(self, text: str, size: float = 10, bold: bool = False, gap: float = 0.0,
             indent: float = 0.0, colour: str = INK) -> None:
        self.y -= gap
        for part in textwrap.wrap(text, int((WRAP - indent * 120) * 10 / min(size, 10))) \
                or [""]:
            self.figure.text(LEFT + indent, self.y, part, fontsize=size, color=colour,
                             fontweight="bold" if bold else "normal", va="top")
            self.y -= size / 72 / self.figure.get_figheight() * 1.45


def draw_summary_page(figure: Figure, summary: PeriodSummary, results: Sequence[Insight],
                      options: ReportOptions, treatments: Treatments | None = None,
                      before_after: BeforeAfter | None = None) -> None:
    """Write page 1 onto *figure* (a blank page); with *treatments*, the medications and
    events of the period and the chosen *before_after*."""
    w = _Writer(figure)
    w.line("Pain & Mood Journal: summary for my doctor", size=16, bold=True)
    if options.name.strip():
        w.line(f"Name: {options.name.strip()}", size=11, gap=0.006)
    w.line(f"Period: {period_text(summary.start, summary.end)} ({summary.days} days). "
           f"Days logged: {summary.days_logged} of {summary.days}.", size=11, gap=0.006)
    if summary.days_logged == 0:
        w.line("No days were logged in this period, so there is nothing to chart.", gap=0.01,
               bold=True)
    elif summary.days_logged < MIN_DAYS_FOR_CHARTS:
        w.line(f"Only {summary.days_logged} of {summary.days} days were logged, fewer than "
               f"{MIN_DAYS_FOR_CHARTS}: too few to show trends, so the charts are left out.",
               gap=0.01, bold=True)
    _measures(w, summary)
    if treatments is not None:
        write_treatments(w, treatments, summary.start, summary.end, before_after,
                         notes=options.include_notes)
    _associations(w, results)
    _questions(figure, w, options.questions)


def _measures(w: _Writer, s: PeriodSummary) -> None:
    w.line(measure_title("pain"), size=12, bold=True, gap=0.02)
    if s.pain_mean is None:
        w.line("Not recorded in this period.", indent=0.02)
    else:
        worst = f"; worst day {s.worst_pain[1]} on {s.worst_pain[0].day} {s.worst_pain[0]:%b %Y}" \
            if s.worst_pain else ""
        w.line(f"Mean {s.pain_mean:.1f}, median {s.pain_median:.1f}{worst}.", indent=0.02)
        w.line(_compare(s.pain_change, s.days), indent=0.02)
    w.line(f"How much pain got in the way ({MEASURE_BY_KEY['pain_interference'].words})",
           size=12, bold=True, gap=0.012)
    if s.interference_mean is None:
        w.line("Not recorded in this period.", indent=0.02)
    else:
        w.line(f"Mean {s.interference_mean:.1f}. "
               f"{_compare(s.interference_change, s.days, mark=False)}", indent=0.02)
    w.line(measure_title("mood"), size=12, bold=True, gap=0.012)
    if s.mood_mean is None:
        w.line("Not recorded in this period.", indent=0.02)
    else:
        w.line(f"Mean {s.mood_mean:.1f}. {_compare(s.mood_change, s.days, mark=False)}",
               indent=0.02)
    w.line("Sleep", size=12, bold=True, gap=0.012)
    if s.sleep_mean is None:
        w.line("Not recorded in this period.", indent=0.02)
    else:
        w.line(f"Mean {s.sleep_mean:.1f} hours a night; {s.short_nights} of {s.nights_recorded} "
               f"recorded nights under {s.short_night_hours:g} hours.", indent=0.02)
    w.line("Physical activity", size=12, bold=True, gap=0.012)
    if s.active_days_per_week is None:
        w.line("Not recorded in this period.", indent=0.02)
    else:
        minutes = f"; {s.active_minutes_mean:.0f} minutes on an active day on average" \
            if s.active_minutes_mean is not None else ""
        w.line(f"Active on {s.active_days_per_week:.1f} days a week{minutes}.", indent=0.02)


def _compare(change: Change | None, days: int, mark: bool = True) -> str:
    if change is None:
        return f"No days logged in the previous {days} days to compare with."
    before, after = round(change.before, 1), round(change.after, 1)  # as printed
    points = after - before
    direction = "up" if points > 0 else "down" if points < 0 else "unchanged"
    fraction = f" ({points / before:+.0%})" if before else ""
    amount = f" {abs(points):.1f} points{fraction}" if points else ""
    text = f"Previous {days} days: mean {before:.1f}; now {direction}{amount}."
    if mark and change.meaningful:
        text += " >> A change of 2 points or 30 % or more: the size usually considered " \
                "clinically meaningful."
    return text


def _associations(w: _Writer, results: Sequence[Insight]) -> None:
    w.line("What went together in my data", size=12, bold=True, gap=0.02)
    shown = [r for r in results if r.status == "ok" and r.found]
    if not shown:
        ok = [r for r in results if r.status == "ok"]
        w.line("No clear links in this period." if ok else
               "This period is too short for associations: they need "
               f"{pairs.FULL_DAYS} days on which both things were recorded.", indent=0.02)
        return
    for r in shown:
        w.line(f"{r.label}: {r.statement} (n = {r.n} days)",
               indent=0.02, gap=0.003)
    w.line(f"{CAUTION} Slow trends and the number of comparisons are allowed for.", size=9,
           indent=0.02, gap=0.004)


def _questions(figure: Figure, w: _Writer, questions: str) -> None:
    if w.y < 0.2 and not questions.strip():  # a full page: no empty box over the footer
        return
    w.line("Questions for my doctor", size=12, bold=True, gap=0.02)
    top, bottom = w.y - 0.005, 0.08
    if top - bottom < 0.08:
        return
    figure.patches.append(Rectangle((LEFT, bottom), 1 - 2 * LEFT, top - bottom, fill=False,
                                    edgecolor=INK, linewidth=1, transform=figure.transFigure,
                                    figure=figure))
    w.y = top - 0.01
    for paragraph in questions.strip().splitlines():
        w.line(paragraph, indent=0.015)
