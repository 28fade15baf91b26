"""Trends of pain, mood, sleep and activity: daily values, a 7-day mean, gaps left visible."""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from journal.analysis.series import DailySeries, logged_text, period_text, rolling_mean
from journal.charts.style import (
    BLUE,
    DAILY,
    GREEN,
    ORANGE,
    PURPLE,
    VERMILLION,
    chart_style,
    measure_title,
)
from journal.domain import MEASURE_BY_KEY

if TYPE_CHECKING:
    from journal.domain.medications import Treatments

# measure -> (colour of the 7-day mean, y limits or None); the titles use the registry's words.
PANELS = {
    "pain": (VERMILLION, (0, 10.5)),
    "mood": (BLUE, (0, 10.5)),
    "sleep_hours": (GREEN, None),
    "activity_minutes": (ORANGE, None),
}
#: A measure drawn in another's panel (same scale) as a dashed mean: panel -> (measure, colour).
OVERLAYS = {"pain": ("pain_interference", PURPLE)}
#: Measures of the registry left out of this chart (a test names any that is in neither list).
NOT_SHOWN = frozenset({"worst_pain", "energy", "sleep_quality"})

MARGINS = {"left": 0.07, "right": 0.98, "top": 0.88, "bottom": 0.07, "hspace": 0.42}
TITLE_ROOM_IN = 0.6  # at least this much above the first panel: the period title and its own
PANEL_GAP_IN = 0.28  # at least this much between panels: the next panel's title
LONG_DAYS = 400  # beyond this, weekly ranges and a 28-day mean show what daily lines would blur


def mean_window(series: DailySeries) -> int:
    return 28 if len(series) > LONG_DAYS else 7


def draw_trend(ax: Axes, series: DailySeries, measure: str) -> None:
    """Daily values (grey, broken where days are missing) and their 7-day mean on *ax*."""
    colour, limits = PANELS[measure]
    title = measure_title(measure)
    values, days = series[measure], series.days
    window = mean_window(series)
    mean = _broken_at_gaps(rolling_mean(values, window, min_count=window // 2 + 1), values)
    if len(series) > LONG_DAYS:
        # A pixel holds several days here: show each week's range, and the mean once a week.
        weeks, low, high = _weekly_range(days, values)
        ax.fill_between(weeks, low, high, step="post", color=DAILY, alpha=0.6, linewidth=0,
                        label="daily")
        days, mean = days[::7], mean[::7]
    elif measure == "activity_minutes":
        ax.fill_between(days, 0, values, step="mid", color=DAILY, alpha=0.6, linewidth=0,
                        label="daily")
    else:
        ax.plot(days, values, color=DAILY, linewidth=0.8, marker=".", markersize=4,
                label="daily")
    ax.plot(days, mean, color=colour, linewidth=2.2, label=f"{window}-day mean")
    if measure in OVERLAYS:
        title = _overlay(ax, series, *OVERLAYS[measure], days=days, title=title)
    ax.set_title(title, loc="left")
    if limits:
        ax.set_ylim(*limits)
        ax.set_yticks(range(0, 11, 2))
    elif np.isnan(values).all():
        ax.set_ylim(0, 1)
        ax.set_yticks([])
    else:
        ax.set_ylim(bottom=0)
    if np.isnan(values).all():  # nothing recorded in the period
        ax.text(0.5, 0.5, "not recorded in this period", transform=ax.transAxes, ha="center",
                va="center", color=DAILY)


def _overlay(ax: Axes, series: DailySeries, measure: str, colour: str, *, days: np.ndarray,
             title: str) -> str:
    """*measure*'s mean as a dashed line on *ax* (readable in grayscale); the longer title."""
    values = series[measure]
    window = mean_window(series)
    mean = _broken_at_gaps(rolling_mean(values, window, min_count=window // 2 + 1), values)
    step = 7 if len(series) > LONG_DAYS else 1  # weekly points, as the panel's own mean
    found = MEASURE_BY_KEY[measure]
    ax.plot(days, mean[::step], color=colour, linewidth=1.8, linestyle=(0, (4, 2)),
            label=f"{found.heading.lower()}, {window}-day mean")
    return f"{title}; dashed: {found.heading.lower()}"  # its ends are in the report and form


def _weekly_range(days: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, ...]:
    """Each whole week's lowest and highest recorded value (NaN for an unlogged week)."""
    weeks = len(values) // 7
    blocks = values[: weeks * 7].reshape(weeks, 7)
    logged = ~np.isnan(blocks).all(axis=1)
    low, high = np.full(weeks, np.nan), np.full(weeks, np.nan)
    low[logged] = np.nanmin(blocks[logged], axis=1)
    high[logged] = np.nanmax(blocks[logged], axis=1)
    return days[: weeks * 7 : 7], low, high


def _broken_at_gaps(mean: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Hide the mean on the second and later days of a gap, so a gap never looks like data."""
    missing = np.isnan(values)
    run = missing & np.r_[False, missing[:-1]]
    return np.where(run, np.nan, mean)


def draw_trends(figure: Figure, series: DailySeries, treatments: Treatments | None = None,
                frame: tuple[float, float, float, float] = (0, 0, 1, 1)) -> None:
    """Four stacked panels sharing the date axis, with the period and days logged on top;
    with *treatments*, medication and event marks (a labelled strip above, lines through
    the panels) and as-needed doses per week (a small panel below), when the period has any.

    Everything is drawn inside *frame* (left, bottom, right, top in figure fractions): a
    report page passes its printable area.
    """
    from journal.charts import treatment_marks as marks

    x0, y0, x1, y1 = frame
    width, height = x1 - x0, y1 - y0
    timeline = marks.has_timeline(treatments, series)
    as_needed = marks.has_as_needed(treatments, series)
    ratios = [0.7] * timeline + [1.0] * len(PANELS) + [0.5] * as_needed
    # On a short canvas (the window's chart with details open) the fractions would put the
    # period title onto the first panel's title: keep room for them in inches instead.
    inches = figure.get_figheight() * height
    top = min(MARGINS["top"], 1 - TITLE_ROOM_IN / inches)
    free = (top - MARGINS["bottom"]) * inches
    panels = len(ratios)
    hspace = MARGINS["hspace"]
    if free > (panels - 1) * PANEL_GAP_IN:
        hspace = max(hspace, panels * PANEL_GAP_IN / (free - (panels - 1) * PANEL_GAP_IN))
    margins = {"left": x0 + MARGINS["left"] * width, "right": x0 + MARGINS["right"] * width,
               "bottom": y0 + MARGINS["bottom"] * height, "top": y0 + top * height,
               "hspace": hspace, "height_ratios": ratios}
    with chart_style():
        # Fixed margins: the layout solver would cost ~90 ms per redraw of this 4-panel chart.
        figure.set_layout_engine("none")
        axes = list(figure.subplots(len(ratios), 1, sharex=True, squeeze=False,
                                    gridspec_kw=margins)[:, 0])
        if timeline:
            marks.draw_timeline(axes.pop(0), treatments, series)
        if as_needed:
            marks.draw_as_needed(axes.pop(), treatments, series)
        for ax, measure in zip(axes, PANELS, strict=True):
            draw_trend(ax, series, measure)
            if timeline:
                marks.draw_lines(ax, treatments, series)
            if PANELS[measure][1] and ax.get_position().height * figure.get_figheight() < 0.8:
                ax.set_yticks(range(0, 11, 5))  # a short panel: 0, 5, 10 stay readable
        lowest = figure.axes[-1]  # the date axis is the lowest panel's
        # Exactly the period asked for, whatever days were logged in it.
        half_day = np.timedelta64(12, "h")
        lowest.set_xlim(np.datetime64(series.start) - half_day,
                        np.datetime64(series.end) + half_day)
        if len(series) <= 14:  # a day per tick (never hours), named in full
            lowest.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, len(series) // 7)))
            lowest.xaxis.set_major_formatter(_day_and_month)
        elif len(series) <= 92:
            lowest.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
            lowest.xaxis.set_major_formatter(_day_and_month)
        else:  # the title names the period with its years: no offset text to clip
            locator = mdates.AutoDateLocator()
            lowest.xaxis.set_major_locator(locator)
            lowest.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator,
                                                                         show_offset=False))
        handles, labels = axes[0].get_legend_handles_labels()  # daily, mean (and overlays)
        daily = "weekly range of daily values" if len(series) > LONG_DAYS else "daily value"
        figure.legend(handles[:2], [daily, labels[1]], loc="upper right", ncols=2, fontsize=9,
                      bbox_to_anchor=(x0 + 0.99 * width, y0 + 0.955 * height))  # below the title
        figure.suptitle(f"Trends, {period_text(series.start, series.end)} "
                        f"({logged_text(series.days_logged, len(series))})",
                        fontweight="bold", x=x0 + 0.01 * width, y=y0 + 0.985 * height, ha="left",
                        va="top")


def _day_and_month(value: float, _position: object = None) -> str:
    day = mdates.num2date(value)
    return f"{day.day} {day:%b}"


def trends_figure(series: DailySeries, figsize: tuple[float, float] = (10, 8),
                  treatments: Treatments | None = None) -> Figure:
    figure = Figure(figsize=figsize)
    draw_trends(figure, series, treatments)
    return figure
