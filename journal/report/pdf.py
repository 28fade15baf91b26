"""Build the report's pages and write them as one PDF (real text, embedded fonts)."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from journal.analysis.series import daily_series, period_text
from journal.analysis.summary import summarize
from journal.charts.catalog import draw_chart
from journal.charts.data import ChartData
from journal.charts.style import chart_style
from journal.domain import Entry
from journal.exchange.files import private_output
from journal.report.options import MIN_DAYS_FOR_CHARTS, PAPERS, ReportOptions
from journal.report.summary_page import draw_summary_page

if TYPE_CHECKING:
    from journal.analysis.before_after import BeforeAfter
    from journal.domain.medications import Treatments

FOOTER = "Self-reported data from Pain & Mood Journal"
FOOTER_GREY = "#444444"
# (top chart, bottom chart) per chart page, after page 1.
CHART_PAGES = (("trends", None), ("sleep-pain", "activity-pain"), ("calendar", "associations"))
NOTES_PER_PAGE = 38


def build_pages(entries: Sequence[Entry], options: ReportOptions, *,
                first_only: bool = False, treatments: Treatments | None = None,
                before_after: BeforeAfter | None = None) -> list[Figure]:
    """Every page of the report as a Figure (only page 1 with *first_only*, for a preview).

    *entries* may cover more than the period; the previous period is taken from them too.
    *treatments* (medications and events) go on page 1 and the trends chart, with the
    chosen *before_after* comparison on page 1.
    """
    in_period = [e for e in entries if options.start <= e.date <= options.end]
    before = [e for e in entries if options.previous[0] <= e.date <= options.previous[1]]
    series = daily_series(in_period, options.start, options.end)
    data = ChartData(series, treatments=treatments)  # insights: once, for page 1 and charts
    previous = daily_series(before, *options.previous) if before else None
    notes = _note_lines([e for e in in_period if e.notes]) if options.include_notes else []
    charts = series.days_logged >= MIN_DAYS_FOR_CHARTS
    total = 1 + (len(CHART_PAGES) if charts else 0) + math.ceil(len(notes) / NOTES_PER_PAGE)
    size = PAPERS[options.paper]
    with chart_style():
        first = Figure(figsize=size)
        draw_summary_page(first, summarize(series, previous), data.insights, options,
                          treatments, before_after)
        pages = [first]
        if not first_only:
            if charts:
                pages += [_chart_page(size, data, top, bottom) for top, bottom in CHART_PAGES]
            pages += _notes_pages(size, notes)
        for number, page in enumerate(pages, start=1):
            _footer(page, options, number, total)
    return pages


def write_report(path: Path, entries: Sequence[Entry], options: ReportOptions,
                 **extras: object) -> int:
    """Write the PDF to *path*, private and whole or not at all; returns the number of pages.

    *extras*: `build_pages`' ``treatments`` and ``before_after``.
    """
    pages = build_pages(entries, options, **extras)  # type: ignore[arg-type]
    with chart_style(whole_page=True), private_output(path) as out, PdfPages(out, metadata={
            "Title": f"Pain & Mood Journal report, {period_text(options.start, options.end)}",
            "Creator": "Pain & Mood Journal", "Subject": "Self-reported data"}) as pdf:
        for page in pages:
            pdf.savefig(page)
    return len(pages)


def _chart_page(size: tuple[float, float], data: ChartData, top: str,
                bottom: str | None) -> Figure:
    page = Figure(figsize=size, layout="constrained")
    page.get_layout_engine().set(rect=(0, 0.04, 1, 0.96))  # room for the footer
    if bottom is None:
        draw_chart(top, page, data)
        return page
    upper, lower = page.subfigures(2, 1, height_ratios=(1, 1) if top != "calendar" else (1, 1.6))
    for part, kind in ((upper, top), (lower, bottom)):
        draw_chart(kind, part, data)
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
    page.text(0.08, 0.02, f"{period_text(options.start, options.end)}  ·  {FOOTER}",
              fontsize=8, color=FOOTER_GREY)
    page.text(0.92, 0.02, f"Page {number} of {total}", fontsize=8, ha="right", color=FOOTER_GREY)
