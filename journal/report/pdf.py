"""Build the report's pages and write them as one PDF (real text, embedded fonts)."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from journal.analysis.insights import span_note
from journal.analysis.series import DailySeries, daily_series, period_text
from journal.analysis.summary import summarize
from journal.charts.catalog import draw_chart
from journal.charts.data import ChartData
from journal.charts.style import chart_style
from journal.charts.trends import draw_trends
from journal.domain import Entry
from journal.domain.questionnaires import Checkin
from journal.exchange.files import private_output
from journal.report.checkin_pages import checkin_pages, page_count
from journal.report.options import MIN_DAYS_FOR_CHARTS, PAPERS, ReportOptions
from journal.report.summary_page import draw_summary_page

if TYPE_CHECKING:
    from journal.analysis.before_after import BeforeAfter
    from journal.domain.medications import Treatments

FOOTER = "Self-reported data from Pain & Mood Journal"
MM = 1 / 25.4  # inches
#: Ink stays at least this far from every edge of the paper (printers lose 4-6 mm).
MARGIN = 12 * MM
#: The footer's baseline sits this far above the bottom edge; content ends above it.
FOOTER_AT, CONTENT_BOTTOM = 12 * MM, 20 * MM
FOOTER_GREY = "#444444"
# (top chart, bottom chart) per chart page, after page 1.
CHART_PAGES = (("trends", None), ("sleep-pain", "activity-pain"), ("calendar", "associations"))
NOTES_PER_PAGE = 38


def build_pages(entries: Sequence[Entry], options: ReportOptions, *,
                first_only: bool = False, checkins: Sequence[Checkin] = (),
                treatments: Treatments | None = None,
                before_after: BeforeAfter | None = None) -> list[Figure]:
    """Every page of the report as a Figure (only page 1 with *first_only*, for a preview).

    *entries* may cover more than the period; the previous period is taken from them too.
    *checkins* (PHQ-9, GAD-7) of the period add lines to page 1 and a page of their own.
    *treatments* (medications and events) go on page 1 and the trends chart, with the
    chosen *before_after* comparison on page 1.
    """
    checkins = [c for c in checkins if options.start <= c.date <= options.end]
    in_period = [e for e in entries if options.start <= e.date <= options.end]
    before = [e for e in entries if options.previous[0] <= e.date <= options.previous[1]]
    series = daily_series(in_period, options.start, options.end)
    data = ChartData(series, treatments=treatments)  # insights: once, for page 1 and charts
    links, history = _associations_data(entries, data, options)
    previous = daily_series(before, *options.previous) if before else None
    notes = _note_lines([e for e in in_period if e.notes]) if options.include_notes else []
    charts = series.days_logged >= MIN_DAYS_FOR_CHARTS and "charts" not in options.leave_out
    chart_pages = [(top, None if bottom == "associations" and "associations" in options.leave_out
                    else bottom) for top, bottom in CHART_PAGES]
    size = PAPERS[options.paper]
    with chart_style():
        first = Figure(figsize=size)
        pages = [first, *draw_summary_page(first, summarize(series, previous, in_period),
                                           links.insights, options, checkins, treatments,
                                           before_after, history=history,
                                           span=span_note(series))]
        total = len(pages) + (len(chart_pages) if charts else 0) + page_count(checkins) \
            + math.ceil(len(notes) / NOTES_PER_PAGE)
        if first_only:  # the preview: page 1 "of" the whole report
            pages = [first]
        else:
            if charts:
                pages += [_chart_page(size, data, top, bottom, links)
                          for top, bottom in chart_pages]
            if checkins:
                pages += checkin_pages(size, checkins, options.start, options.end)
            pages += _notes_pages(size, notes)
        for number, page in enumerate(pages, start=1):
            _footer(page, options, number, total)
    return pages


def write_report(path: Path, entries: Sequence[Entry], options: ReportOptions,
                 checkins: Sequence[Checkin] = (), **extras: object) -> int:
    """Write the PDF to *path*, private and whole or not at all; returns the number of pages.

    *extras*: `build_pages`' ``treatments`` and ``before_after``.
    """
    pages = build_pages(entries, options, checkins=checkins, **extras)  # type: ignore[arg-type]
    with chart_style(whole_page=True), private_output(path) as out, PdfPages(out, metadata={
            "Title": f"Pain & Mood Journal report, {period_text(options.start, options.end)}",
            "Creator": "Pain & Mood Journal", "Subject": "Self-reported data"}) as pdf:
        for page in pages:
            pdf.savefig(page)
    return len(pages)


def printable_area(size: tuple[float, float]) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of a page's content, in fractions of the page."""
    width, height = size
    return (MARGIN / width, CONTENT_BOTTOM / height, 1 - MARGIN / width, 1 - MARGIN / height)


def _associations_data(entries: Sequence[Entry], data: ChartData,
                       options: ReportOptions) -> tuple[ChartData, DailySeries | None]:
    """The insights page 1 and the associations chart show, and the history they rest on
    when it is not the period itself.

    A period too short for any association (the default six weeks often is) borrows the whole
    journal up to the period's end, and says so.
    """
    if any(r.status == "ok" for r in data.insights) or not entries \
            or entries[0].date >= options.start:
        return data, None
    before_end = [e for e in entries if e.date <= options.end]
    wider = ChartData(daily_series(before_end, before_end[0].date, options.end))
    if not any(r.status == "ok" for r in wider.insights):
        return data, None
    return wider, wider.series


def _chart_page(size: tuple[float, float], data: ChartData, top: str,
                bottom: str | None, links: ChartData | None = None) -> Figure:
    page = Figure(figsize=size, layout="constrained")
    if top == "trends":  # the trends chart places its panels itself
        page.set_layout_engine("none")
        draw_trends(page, data.series, data.treatments, frame=printable_area(size))
        return page
    left, low, right, high = printable_area(size)
    # The charts live in a part of the page that stops at the margins, titles included.
    grid = page.add_gridspec(3, 3, width_ratios=(left, right - left, 1 - right),
                             height_ratios=(1 - high, high - low, low), wspace=0, hspace=0)
    area = page.add_subfigure(grid[1, 1])
    if bottom is None:
        draw_chart(top, area, data)
        return page
    upper, lower = area.subfigures(2, 1, height_ratios=(1, 1) if top != "calendar" else (1, 1.6))
    for part, kind in ((upper, top), (lower, bottom)):
        draw_chart(kind, part, links if kind == "associations" and links else data)
    return page


def _note_lines(entries: Sequence[Entry]) -> list[str]:
    lines: list[str] = []
    for entry in entries:
        wrapped = textwrap.wrap(" ".join(entry.notes.split()), 80) or [""]
        lines.append(f"{entry.date.isoformat()}  {wrapped[0]}")
        lines += [f"{'':12}{more}" for more in wrapped[1:]]
    return lines


def _notes_pages(size: tuple[float, float], lines: Sequence[str]) -> list[Figure]:
    pages = []
    for start in range(0, len(lines), NOTES_PER_PAGE):
        page = Figure(figsize=size)
        page.text(0.08, 0.94, "Notes of the days", fontsize=14, fontweight="bold", va="top")
        for i, line in enumerate(lines[start:start + NOTES_PER_PAGE]):
            page.text(0.08, 0.90 - i * 0.021, line, fontsize=9.5, va="top", family="monospace")
        pages.append(page)
    return pages


def _footer(page: Figure, options: ReportOptions, number: int, total: int) -> None:
    left, _, right, _ = printable_area(tuple(page.get_size_inches()))
    at = FOOTER_AT / page.get_figheight()
    page.text(left, at, f"{period_text(options.start, options.end)}  ·  {FOOTER}",
              fontsize=8, color=FOOTER_GREY, va="baseline")
    page.text(right, at, f"Page {number} of {total}", fontsize=8, ha="right", va="baseline",
              color=FOOTER_GREY)
