"""A year of pain (or mood) as a calendar: one square per day, blank where not logged."""

from __future__ import annotations

import datetime as dt

import numpy as np
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from journal.analysis.series import DailySeries, period_text
from journal.charts.style import chart_style, measure_title

# Colour maps whose lightness changes steadily, so the calendar reads in grey too.
COLOURS = {"pain": "YlOrRd", "mood": "YlGnBu"}  # the measures a calendar can show
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
YEAR_DAYS = 371  # 53 weeks


def draw_calendar(ax: Axes, series: DailySeries, measure: str = "pain") -> None:
    """The period's last 53 weeks at most: columns are weeks (Monday first), rows weekdays.

    Squares outside the period are left out, so blank always means "not logged".
    """
    end = series.end
    first = max(end - dt.timedelta(days=YEAR_DAYS - 1), series.start)
    first -= dt.timedelta(days=first.weekday())  # start on a Monday
    weeks = (end - first).days // 7 + 1
    grid = np.full((7, weeks), np.nan)
    values = series[measure]
    outside = np.zeros((7, weeks), dtype=bool)
    for offset in range(weeks * 7):
        day = first + dt.timedelta(days=offset)
        index = (day - series.start).days
        if 0 <= index < len(values):
            grid[day.weekday(), offset // 7] = values[index]
        else:
            outside[day.weekday(), offset // 7] = True
    cmap_name, label = COLOURS[measure], measure_title(measure)
    cmap = ListedColormap(colormaps[cmap_name](np.linspace(0.08, 1, 11))).with_extremes(bad="white")
    image = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=-0.5, vmax=10.5,
                      aspect="equal", interpolation="nearest")
    # Outside the period: hatched, not "blank".
    for row, column in zip(*np.nonzero(outside), strict=True):
        ax.add_patch(Rectangle((column - 0.5, row - 0.5), 1, 1, fill=False, hatch="////",
                               edgecolor="#999999", linewidth=0))
    ax.set_xticks(np.arange(-0.5, weeks), minor=True)
    ax.set_yticks(np.arange(-0.5, 7), minor=True)
    ax.grid(which="minor", color="#cccccc", linewidth=0.5)
    ax.grid(which="major", visible=False)
    ax.tick_params(which="minor", length=0)
    ax.set_yticks(range(7), WEEKDAYS)
    months = [(w, (first + dt.timedelta(weeks=w)).strftime("%b")) for w in range(weeks)
              if (first + dt.timedelta(weeks=w)).day <= 7]
    ax.set_xticks([w for w, _ in months], [m for _, m in months])
    ax.xaxis.tick_top()
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    colourbar = ax.figure.colorbar(image, ax=ax, orientation="horizontal", fraction=0.08,
                                   pad=0.04, ticks=range(0, 11))
    colourbar.set_label(f"{label}; white = not logged" + ("; hatched = outside the period"
                                                          if outside.any() else ""))
    ax.set_title(f"{label.split(' (')[0]} day by day, {period_text(max(first, series.start), end)}",
                 loc="left", pad=22)


def draw_calendar_chart(figure: Figure, series: DailySeries, measure: str = "pain") -> None:
    with chart_style():
        draw_calendar(figure.subplots(), series, measure)
