"""Medications and events on the trends chart.

Starts, dose changes and stops are thin vertical lines through every panel, told apart
by line style as well as by the marker in the timeline strip above the panels (start ▲
solid, dose change ◆ dashed, stop ■ dotted), so they read in grayscale. Events are pale
bands behind the data, named in the strip. Lines and bands are drawn under the data
(zorder), never over it. As-needed doses per week get a small panel of their own.
"""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes

from journal.analysis.series import DailySeries
from journal.charts.style import DAILY, INK
from journal.domain.medications import Treatments

#: kind -> (line style, marker, word for the key)
STYLES = {"start": ("-", "^", "start"), "dose": ("--", "D", "dose change"),
          "stop": (":", "s", "stop")}
BAND = "#000000"
BAND_ALPHA = 0.07
LEVELS = 3  # labels are staggered over this many rows so that neighbours do not overlap


def has_timeline(treatments: Treatments | None, series: DailySeries) -> bool:
    return treatments is not None and bool(treatments.marks(series.start, series.end)
                                           or treatments.events_in(series.start, series.end))


def has_as_needed(treatments: Treatments | None, series: DailySeries) -> bool:
    return treatments is not None and bool(treatments.as_needed(series.start, series.end))


def _day(date: dt.date) -> np.datetime64:
    return np.datetime64(date)


def draw_lines(ax: Axes, treatments: Treatments, series: DailySeries) -> None:
    """Start, dose-change and stop lines and event bands behind the data of *ax*.

    One collection each (not an artist per mark): the one-year report is near its budget.
    """
    marks = treatments.marks(series.start, series.end)
    across = ax.get_xaxis_transform()  # x in dates, y from the bottom (0) to the top (1)
    if marks:
        ax.vlines([mdates.date2num(m.date) for m in marks], 0, 1, transform=across,
                  colors=INK, linestyles=[STYLES[m.kind][0] for m in marks], linewidth=0.9,
                  alpha=0.75, zorder=0.5)
    spans = [(mdates.date2num(max(e.date, series.start)),
              (min(e.last, series.end) - max(e.date, series.start)).days + 1)
             for e in treatments.events_in(series.start, series.end)]
    if spans:
        ax.broken_barh(spans, (0, 1), transform=across, facecolors=BAND, alpha=BAND_ALPHA,
                       linewidth=0, zorder=0.2)


def draw_timeline(ax: Axes, treatments: Treatments, series: DailySeries) -> None:
    """The strip above the panels: each mark and event, labelled."""
    ax.set_title("Medications and events (▲ start, ◆ dose change, ■ stop; bands: events)",
                 loc="left")
    ax.set_ylim(0, LEVELS + 0.6)
    ax.set_yticks([])
    ax.grid(False)
    ax.spines["left"].set_visible(False)
    draw_lines(ax, treatments, series)
    items = [(m.date, STYLES[m.kind][1], m.text) for m in treatments.marks(series.start,
                                                                              series.end)]
    items += [(max(e.date, series.start), None, e.kind)
              for e in treatments.events_in(series.start, series.end)]
    for i, (date, marker, text) in enumerate(sorted(items, key=lambda item: item[0])):
        level = LEVELS - i % LEVELS - 0.4
        if marker is not None:
            ax.plot([_day(date)], [level], marker=marker, color=INK, markersize=5,
                    linestyle="none", zorder=3)
        ax.annotate(text, (_day(date), level), xytext=(4, 0), textcoords="offset points",
                    fontsize=7, va="center", ha="left", color=INK, zorder=3,
                    annotation_clip=False)


def draw_as_needed(ax: Axes, treatments: Treatments, series: DailySeries) -> None:
    """As-needed doses logged per week (all as-needed medications together), as bars."""
    used = treatments.as_needed(series.start, series.end)
    per_day = np.zeros(len(series))
    for med, _, _ in used:
        for day in med.days:
            if series.start <= day.date <= series.end and day.count:
                per_day[(day.date - series.start).days] += day.count
    weeks = -(-len(per_day) // 7)
    totals = np.pad(per_day, (0, weeks * 7 - len(per_day))).reshape(weeks, 7).sum(axis=1)
    edges = mdates.date2num(series.start) + 7.0 * np.arange(weeks + 1)
    ax.stairs(totals, edges, fill=True, color=DAILY, zorder=2)  # one artist for every week
    ax.stairs(totals, edges, color=INK, linewidth=0.6, zorder=2.1)
    names = ", ".join(med.name for med, _, _ in used)
    ax.set_title(f"As-needed doses per week ({names})", loc="left")
    ax.set_ylim(bottom=0)
    ax.yaxis.get_major_locator().set_params(integer=True)
