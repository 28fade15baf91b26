"""Page 1: the one-minute summary a clinician reads first."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from journal.analysis import pairs
from journal.analysis.insights import Insight, compared, leaves_out
from journal.analysis.series import DailySeries, period_text
from journal.analysis.summary import MIN_DAYS_TO_COMPARE, SEVERE_PAIN, Change, PeriodSummary
from journal.analysis.wording import CAUTION, UNSEEN
from journal.charts.style import INK
from journal.display import hours_and_minutes
from journal.domain import MEASURE_BY_KEY
from journal.domain.grammar import count_text
from journal.domain.questionnaires import Checkin
from journal.report.checkin_pages import draw_summary_lines
from journal.report.options import MIN_DAYS_FOR_CHARTS, ReportOptions
from journal.report.treatments_section import write_treatments

if TYPE_CHECKING:
    from journal.analysis.before_after import BeforeAfter
    from journal.domain.medications import Treatments

#: The measures page 1 summarises (worst pain within the pain lines); a test names any measure
#: of the registry that is neither here nor in NOT_SHOWN.
SHOWN = ("pain", "worst_pain", "pain_interference", "mood", "energy", "sleep_hours",
         "sleep_quality")
NOT_SHOWN: frozenset[str] = frozenset()

LEFT = 0.08
WRAP = 92  # characters per line at 10 pt across the page
LABELS = 0.22  # the width of the label column of the measures
ROW_WRAP = 74  # characters per line at 9.5 pt beside the labels
MUTED = "#555555"
BOTTOM_MM = 20  # text ends this far above the paper's edge (the footer sits below it)
QUESTIONS_MIN = 0.10  # of a page: the smallest box for the doctor's questions


class _Writer:
    """Lines of text down the page, each at least one line below the previous.

    Text that would run into the bottom margin goes on a continuation page instead (the
    summary grows with medications, check-ins and associations; a printer must not lose it).
    """

    TOP = 0.94

    def __init__(self, figure: Figure) -> None:
        self.figure, self.y = figure, self.TOP
        self.bottom = BOTTOM_MM / 25.4 / figure.get_figheight()
        self.pages = [figure]

    def step(self, size: float, spacing: float = 1.45) -> float:
        return size / 72 / self.figure.get_figheight() * spacing

    def room(self, height: float) -> None:
        """Start a continuation page unless *height* more fits above the bottom margin."""
        if self.y - height >= self.bottom:
            return
        page = Figure(figsize=self.figure.get_size_inches())
        page.text(LEFT, self.TOP, "Summary for my doctor (continued)", fontsize=12,
                  fontweight="bold", color=INK, va="top")
        self.figure, self.y = page, self.TOP - self.step(12) * 1.5
        self.pages.append(page)

    def line(self, text: str, size: float = 10, bold: bool = False, gap: float = 0.0,
             indent: float = 0.0, colour: str = INK) -> None:
        self.y -= gap
        for part in textwrap.wrap(text, int((WRAP - indent * 120) * 10 / min(size, 10))) \
                or [""]:
            self.room(self.step(size))
            self.figure.text(LEFT + indent, self.y, part, fontsize=size, color=colour,
                             fontweight="bold" if bold else "normal", va="top")
            self.y -= self.step(size)

    def heading(self, text: str, gap: float = 0.02, keep: float | None = None) -> None:
        """A section heading, kept on the page of at least two lines of what follows (or of
        *keep*, a fraction of the page)."""
        self.room(gap + self.step(12) + (2 * self.step(10) if keep is None else keep))
        self.line(text, size=12, bold=True, gap=gap)

    def row(self, label: str, note: str, lines: Sequence[str], gap: float = 0.008) -> None:
        """A bold *label* (with its scale *note* in small grey below it) beside its lines."""
        notes = textwrap.wrap(note, 34)
        parts = [part for text in lines for part in textwrap.wrap(text, ROW_WRAP)]
        self.room(gap + max(self.step(10.5, 1.4) + len(notes) * self.step(7.5, 1.4),
                            len(parts) * self.step(9.5, 1.4)))
        self.y -= gap
        top = self.y
        self.figure.text(LEFT, top, label, fontsize=10.5, fontweight="bold", color=INK,
                         va="top")
        left_y = top - self.step(10.5, 1.4)
        for part in notes:
            self.figure.text(LEFT, left_y, part, fontsize=7.5, color=MUTED, va="top")
            left_y -= self.step(7.5, 1.4)
        right_y = top
        for part in parts:
            self.figure.text(LEFT + LABELS, right_y, part, fontsize=9.5, color=INK, va="top")
            right_y -= self.step(9.5, 1.4)
        self.y = min(left_y, right_y)


def draw_summary_page(figure: Figure, summary: PeriodSummary, results: Sequence[Insight],
                      options: ReportOptions, checkins: Sequence[Checkin] = (),
                      treatments: Treatments | None = None,
                      before_after: BeforeAfter | None = None,
                      history: DailySeries | None = None,
                      span: str = "") -> list[Figure]:
    """Write page 1 onto *figure* (a blank page): with *treatments*, the medications and events
    of the period and the chosen *before_after*; *checkins* are the period's PHQ-9 and GAD-7;
    *results* rest on *history* when given (the period was too short for them), else on the
    period (*span*: `span_note` of a period longer than the insights compare). Returns the
    continuation pages the summary needed (usually none)."""
    w = _Writer(figure)
    w.line("Pain & Mood Journal: summary for my doctor", size=16, bold=True)
    if options.name.strip():
        w.line(f"Name: {options.name.strip()}", size=11, gap=0.006)
    gap = f"; longest gap {_days(summary.longest_gap)}" if summary.longest_gap else ""
    w.line(f"Period: {period_text(summary.start, summary.end)} ({_days(summary.days)}). "
           f"Days logged: {summary.days_logged} of {summary.days}{gap}.", size=11, gap=0.006)
    if summary.days_logged == 0:
        w.line("No days were logged in this period, so there is nothing to chart.", gap=0.01,
               bold=True)
    elif summary.days_logged < MIN_DAYS_FOR_CHARTS:
        w.line(f"Only {summary.days_logged} of {count_text(summary.days, 'day')} were logged, "
               "fewer than "
               f"{MIN_DAYS_FOR_CHARTS}: too few to show trends, so the charts are left out.",
               gap=0.01, bold=True)
    _measures(w, summary)
    if treatments is not None:
        write_treatments(w, treatments, summary.start, summary.end, before_after,
                         notes=options.include_notes)
    draw_summary_lines(w, checkins)
    if "associations" not in options.leave_out:
        _associations(w, results, history, span)
    _questions(w, options.questions)
    return w.pages[1:]


def _measures(w: _Writer, s: PeriodSummary) -> None:
    """A row per measure; every rate names the days it counts."""
    w.y -= 0.012
    not_recorded = ["Not recorded in this period."]

    def row(key: str, lines: Sequence[str], label: str = "", note: str = "") -> None:
        measure = MEASURE_BY_KEY.get(key)
        w.row(label or measure.heading, note or (measure.words if measure else ""),
              lines or not_recorded)

    pain: list[str] = []
    if s.pain_mean is not None:
        share = s.severe_pain_days / s.pain_days
        pain = [f"Mean {s.pain_mean:.1f}, median {s.pain_median:g}; {SEVERE_PAIN} or more on "
                f"{s.severe_pain_days} of {_days(s.pain_days)} with pain recorded "
                f"({share:.0%}).", _compare(s.pain_change, s.days)]
    if s.worst_pain_mean is not None:  # the day's worst pain, a separate field: said so
        pain.append(f"Worst pain of the day: mean {s.worst_pain_mean:.1f}; the highest was "
                    f"{s.worst_pain[1]} on {s.worst_pain[0].day} {s.worst_pain[0]:%b}.")
    row("pain", pain, label="Pain")
    row("pain_interference", [] if s.interference_mean is None else
        [f"Mean {s.interference_mean:.1f}. {_compare(s.interference_change, s.days, False)}"],
        label="Pain interference")
    row("mood", [] if s.mood_mean is None else
        [f"Mean {s.mood_mean:.1f}. {_compare(s.mood_change, s.days, mark=False)}"], label="Mood")
    row("energy", [] if s.energy_mean is None else [f"Mean {s.energy_mean:.1f}."],
        label="Energy")
    sleep = []
    if s.sleep_mean is not None:
        quality = f" Quality {s.sleep_quality_mean:.1f} on average." \
            if s.sleep_quality_mean is not None else ""
        sleep = [f"Mean {hours_and_minutes(s.sleep_mean)} a night; {s.short_nights} of "
                 f"{s.nights_recorded} recorded nights under {s.short_night_hours:g} hours."
                 f"{quality}"]
    row("sleep_hours", sleep, label="Sleep",
        note=f"quality: {MEASURE_BY_KEY['sleep_quality'].words}")
    activity = []
    if s.active_days_per_week is not None:
        minutes = f" {s.active_minutes_mean:.0f} minutes on an active day on average." \
            if s.active_minutes_mean is not None else ""
        kinds = f" Mostly {_counted(s.activity_kinds[:3])}." if s.activity_kinds else ""
        activity = [f"Active on {s.active_days_per_week:.1f} of every 7 days with activity "
                    f"recorded ({s.active_days} of {_days(s.activity_days)}).{minutes}{kinds}"]
    row("", activity, label="Physical activity", note="")
    if s.tags:
        row("", [f"{_counted(s.tags[:6])}."], label="Tags", note="days with each tag")


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def _counted(words: Sequence[tuple[str, int]]) -> str:
    """``flare (6 days), migraine (1 day)``."""
    return ", ".join(f"{word} ({_days(days)})" for word, days in words)


def _compare(change: Change | None, days: int, mark: bool = True) -> str:
    if change is None:
        return f"Nothing recorded in the previous {days} days to compare with."
    if min(change.before_days, change.after_days) < MIN_DAYS_TO_COMPARE:
        return (f"Previous {days} days: too few days to compare ({_days(change.before_days)} "
                f"then, {_days(change.after_days)} now; {MIN_DAYS_TO_COMPARE} each are needed).")
    before, after = round(change.before, 1), round(change.after, 1)  # as printed
    points = after - before
    direction = "up" if points > 0 else "down" if points < 0 else "unchanged"
    fraction = f" ({points / before:+.0%})" if before else ""
    amount = f" {abs(points):.1f} points{fraction}" if points else ""
    text = (f"Previous {days} days: mean {before:.1f} on {_days(change.before_days)}; "
            f"now {direction}{amount} (on {_days(change.after_days)}).")
    if mark and change.meaningful:
        text += " >> A change of 2 points or 30 % or more: the size usually considered " \
                "clinically meaningful."
    return text


def _associations(w: _Writer, results: Sequence[Insight], history: DailySeries | None,
                  span: str) -> None:
    w.heading("What went together in my data")
    if history is not None:
        days = compared(history)  # at most the last year of it
        part = (f"the last {len(days)} days of my journal" if leaves_out(history)
                else "my whole journal")
        w.line(f"This period alone is too short for these, so they rest on {part} up "
               f"to its end: {period_text(days.start, days.end)} "
               f"({days.days_logged:,} days logged).", indent=0.02, size=9)
    elif span:
        w.line(span, indent=0.02, size=9)
    shown = [r for r in results if r.status == "ok" and r.found]
    if all(r.status in ("insufficient", "early") for r in results):
        w.line("This period is too short for associations: they need "
               f"{pairs.FULL_DAYS} days on which both things were recorded.", indent=0.02)
    elif not shown:
        w.line(f"No link found in this period. {_tally(results)}", indent=0.02)
    for r in shown:
        w.line(_mine(f"{r.label}: {r.statement}"), size=9, indent=0.02, gap=0.003)
    if shown and len(shown) < len(results):
        w.line(_tally([r for r in results if not r.found], "Of the other"), size=9, indent=0.02,
               gap=0.003)
    caution = f"{CAUTION} " if shown else ""
    w.line(_mine(f"{caution}Day-to-day changes are compared, so weekday rhythms and slow trends "
                 f"are allowed for, and so are the number of comparisons. {UNSEEN}"), size=8,
           indent=0.02, gap=0.004)


def _mine(text: str) -> str:
    """The insights' words as the patient's own: "your pain" becomes "my pain"."""
    for yours, mine in (("Your ", "My "), ("your ", "my "), ("you ", "I ")):
        text = re.sub(rf"\b{yours}", mine, text)
    return text


def _tally(results: Sequence[Insight], lead: str = "Of") -> str:
    """How many comparisons ruled out a moderate link, echoed a link, were too early, or were
    not possible."""
    ruled_out = sum(r.no_link for r in results)
    echoes = sum(r.echo_of is not None for r in results)
    unclear = sum(r.status in ("ok", "early") and not r.found and not r.no_link
                  and r.echo_of is None for r in results)
    impossible = sum(r.status in ("insufficient", "flat") for r in results)
    echoed = (f"{echoes} {'was' if echoes == 1 else 'were'} probably an echo of a link above, "
              if echoes else "")
    return (f"{lead} {len(results)} comparisons, {ruled_out} ruled out a moderate link, "
            f"{echoed}{unclear} {'was' if unclear == 1 else 'were'} too early to tell and "
            f"{impossible} {'was' if impossible == 1 else 'were'} not possible (too few days, or "
            "too little variation).")


def _questions(w: _Writer, questions: str) -> None:
    """A box to write in (with the questions typed in the app): at least a tenth of a page."""
    w.heading("Questions for my doctor", keep=QUESTIONS_MIN + 0.005)  # with its box, not alone
    w.room(QUESTIONS_MIN)
    figure = w.figure
    top, bottom = w.y - 0.005, w.bottom
    figure.patches.append(Rectangle((LEFT, bottom), 1 - 2 * LEFT, top - bottom, fill=False,
                                    edgecolor=INK, linewidth=1, transform=figure.transFigure,
                                    figure=figure))
    w.y = top - 0.01
    for paragraph in questions.strip().splitlines():
        w.line(paragraph, indent=0.015)
