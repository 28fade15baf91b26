"""Trends of pain, mood, sleep and activity: daily values, a 7-day mean, gaps left visible."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from journal.analysis.series import DailySeries, rolling_mean
from journal.charts.style import BLUE, DAILY, GREEN, ORANGE, VERMILLION, chart_style, period_text

# measure -> (panel title with units, colour of the 7-day mean, y limits or None)
PANELS = {
    "pain": ("Pain (0 = none, 10 = worst)", VERMILLION, (0, 10.5)),
    "mood": ("Mood (0 = very low, 10 = very good)", BLUE, (0, 10.5)),
    "sleep_hours": ("Sleep last night (hours)", GREEN, None),
    "activity_minutes": ("Activity (minutes)", ORANGE, None),
}
MARKER_DAYS = 400  # beyond this many days, daily markers would only blur the chart
LONG_DAYS = 400    # beyond this, a 28-day mean shows the shape that a 7-day mean hides


def mean_window(series: DailySeries) -> int:
    return 28 if len(series) > LONG_DAYS else 7


def draw_trend(ax: Axes, series: DailySeries, measure: str) -> None:
    """Daily values (grey, broken where days are missing) and their 7-day mean on *ax*."""
    title, colour, limits = PANELS[measure]
    values, days = series[measure], series.days
    if measure == "activity_minutes":
        ax.fill_between(days, 0, values, step="mid", color=DAILY, alpha=0.6, linewidth=0,
                        label="daily")
    else:
        marker = "." if len(series) <= MARKER_DAYS else None
        ax.plot(days, values, color=DAILY, linewidth=0.8, marker=marker, markersize=4,
                label="daily")
    window = mean_window(series)
    mean = rolling_mean(values, window, min_count=window // 2 + 1)
    ax.plot(days, _broken_at_gaps(mean, values), color=colour, linewidth=2.2,
            label=f"{window}-day mean")
    ax.set_title(title, loc="left")
    if limits:
        ax.set_ylim(*limits)
        ax.set_yticks(range(0, 11, 2))
    else:
        ax.set_ylim(bottom=0)
    if all(v != v for v in values):  # nothing recorded in the period
        ax.text(0.5, 0.5, "not recorded in this period", transform=ax.transAxes, ha="center",
                va="center", color=DAILY)


def _broken_at_gaps(mean: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Hide the mean on the second and later days of a gap, so a gap never looks like data."""
    missing = np.isnan(values)
    run = missing & np.r_[False, missing[:-1]]
    return np.where(run, np.nan, mean)


def draw_trends(figure: Figure, series: DailySeries) -> None:
    """Four stacked panels sharing the date axis, with the period and days logged on top."""
    with chart_style():
        axes = figure.subplots(len(PANELS), 1, sharex=True)
        for ax, measure in zip(axes, PANELS, strict=True):
            draw_trend(ax, series, measure)
        locator = mdates.AutoDateLocator()
        axes[-1].xaxis.set_major_locator(locator)
        axes[-1].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        handles, labels = axes[0].get_legend_handles_labels()
        figure.legend(handles, ["daily value (grey)", labels[-1]], loc="outside upper right",
                      ncols=2, fontsize=9)
        figure.suptitle(f"Trends, {period_text(series.start, series.end)} "
                        f"({series.days_logged} of {len(series)} days logged)",
                        fontweight="bold", x=0.01, ha="left")


def trends_figure(series: DailySeries, figsize: tuple[float, float] = (10, 8)) -> Figure:
    figure = Figure(figsize=figsize, layout="constrained")
    draw_trends(figure, series)
    return figure
