"""The questionnaires in the report: lines on page 1, and a page with the score chart and
every item answer.

Page 1 gives, per instrument, the latest score with its band and date and the change
since the first in the period; and a line for each day PHQ-9 item 9 was answered above 0
(the words "item 9" are in it), so that it cannot be missed. No risk score, no advice.
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Sequence
from typing import Protocol

from matplotlib.figure import Figure

from journal.charts.questionnaires import draw_questionnaire_scores
from journal.domain.checkin_words import result_words
from journal.domain.questionnaires import INSTRUMENT_KEYS, Checkin, instrument

_MONO = "monospace"
ROWS_FIRST_PAGE = 24  # below the chart
ROWS_PER_PAGE = 56   # on the pages after it


class _Lines(Protocol):
    def line(self, text: str, size: float = 10, bold: bool = False, gap: float = 0.0,
             indent: float = 0.0) -> None: ...


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%b %Y}"


def summary_lines(checkins: Sequence[Checkin]) -> list[tuple[str, bool]]:
    """Page 1's lines about the questionnaires of the period: (text, stands out)."""
    lines: list[tuple[str, bool]] = []
    for key in INSTRUMENT_KEYS:
        mine = sorted((c for c in checkins if c.instrument == key), key=lambda c: c.date)
        if not mine:
            continue
        first, last = mine[0], mine[-1]
        text = f"Latest: {result_words(last)} ({_day(last.date)})."
        if len(mine) > 1:
            points = last.total - first.total
            direction = "up" if points > 0 else "down" if points < 0 else "unchanged"
            amount = f" {abs(points)} points" if points else ""
            text += (f" Since the first in the period ({first.total} on {_day(first.date)}): "
                     f"{direction}{amount}")
            meaningful = abs(points) >= last.form.meaningful_change
            text += (f", at least the {last.form.meaningful_change} points usually considered "
                     "a meaningful change." if meaningful else ".")
        text += f" {len(mine)} in the period."
        lines.append((text, False))
    for c in checkins:
        if c.safety_positive:
            answer = c.form.options[c.answers[c.form.safety_item.number - 1]].text.lower()
            lines.append((f">> PHQ-9 item 9 (thoughts of being better off dead or of hurting "
                          f"oneself) was answered above 0 on {_day(c.date)}: \"{answer}\".",
                          True))
    return lines


def draw_summary_lines(w: _Lines, checkins: Sequence[Checkin]) -> None:
    """The questionnaires' part of page 1 (nothing when none was taken in the period)."""
    lines = summary_lines(checkins)
    if not lines:
        return
    w.line("Questionnaires (PHQ-9: depression, GAD-7: anxiety)", size=12, bold=True, gap=0.012)
    for text, stands_out in lines:
        w.line(text, indent=0.02, bold=stands_out)


def answer_rows(checkins: Sequence[Checkin]) -> list[str]:
    """One line per check-in: date, instrument, each item's answer, total, band, difficulty."""
    rows = []
    for c in sorted(checkins, key=lambda c: (c.instrument != "phq9", c.date)):
        answers = " ".join(f"{a:>2}" for a in c.answers)
        difficulty = "-" if c.difficulty is None else str(c.difficulty)
        rows.append(f"{c.date.isoformat()}  {c.form.name:<5}  {answers:<26}  {c.total:>5}  "
                    f"{c.band.words:<17}  {difficulty:>4}")
    return rows


def checkin_pages(size: tuple[float, float], checkins: Sequence[Checkin], start: dt.date,
                  end: dt.date) -> list[Figure]:
    """The score chart and the item-level answers (more pages if there are many)."""
    rows = answer_rows(checkins)
    first = Figure(figsize=size)
    draw_questionnaire_scores(first, checkins, start, end, rect=(0.1, 0.52, 0.64, 0.42))
    _answers_table(first, rows[:ROWS_FIRST_PAGE], 0.45)
    pages = [first]
    for at in range(ROWS_FIRST_PAGE, len(rows), ROWS_PER_PAGE):
        page = Figure(figsize=size)
        _answers_table(page, rows[at:at + ROWS_PER_PAGE], 0.94)
        pages.append(page)
    _key(pages[-1])
    return pages


def page_count(checkins: Sequence[Checkin]) -> int:
    """How many pages `checkin_pages` makes (0 without check-ins)."""
    if not checkins:
        return 0
    return 1 + math.ceil(max(len(checkins) - ROWS_FIRST_PAGE, 0) / ROWS_PER_PAGE)


def _answers_table(page: Figure, rows: Sequence[str], top: float) -> None:
    page.text(0.08, top, "Questionnaire answers, item by item", fontsize=12, fontweight="bold",
              va="top")
    header = (f"{'date':<10}  {'form':<5}  {'items 1-9 (0-3 each)':<26}  {'total':>5}  "
              f"{'range':<17}  {'diff':>4}")
    page.text(0.08, top - 0.03, header, fontsize=8.5, va="top", family=_MONO,
              fontweight="bold")
    if rows:  # one text for all rows: far cheaper to lay out than a text per row
        page.text(0.08, top - 0.05, "\n".join(rows), fontsize=8.5, va="top", family=_MONO,
                  linespacing=1.45)


def _key(page: Figure) -> None:
    """What the numbers mean, and the attribution, at the foot of the last page."""
    note = ("0 = not at all, 1 = several days, 2 = more than half the days, 3 = nearly every "
            "day. 'diff' is the unscored difficulty question (0 = not difficult at all ... 3 = "
            f"extremely difficult). {instrument('phq9').attribution}")
    for j, part in enumerate(textwrap.wrap(note, 110)):
        page.text(0.08, 0.075 - j * 0.012, part, fontsize=6.5, va="top")
