"""Pain (or mood) as a calendar: one square per day of the period, darker = worse.

Every day of the requested period is drawn. A period of up to 53 weeks is one strip of weeks
(columns) by weekdays (rows); a longer one is one strip per calendar year, stacked, so that 20
years stay one picture. A day without a value (not logged, or logged without this measure)
is white with a small grey cross, so it differs from every score in colour and in grayscale;
squares of the first and last week that lie outside the period are hatched.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import numpy as np
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure, SubFigure

from journal.analysis.series import DailySeries, period_text
from journal.charts.style import chart_style, fitted, measure_title

# Colour maps whose lightness changes steadily, so the calendar reads in grey too; mood's is
# reversed so that darker is worse for both (a very low mood is never the palest square).
COLOURS = {"pain": ("YlOrRd", False), "mood": ("YlGnBu", True)}
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
YEAR_WEEKS = 53  # up to this many weeks, one strip; beyond, a strip per calendar year
STRIP_ROWS = 8  # seven weekdays and a blank row between stacked years
NUMBERED_WEEKS = 14  # up to this many weeks, each square shows its day of the month
NOT_LOGGED = "#8a8a8a"
#: The lightest shade used (of 0..1 along the map): score 0 stays visibly tinted, not white.
LIGHTEST = 0.18


class Strip(NamedTuple):
    """A row of weeks: its first Monday, how many weeks, and its label (a year, or "")."""

    first: dt.date
    weeks: int
    label: str


def calendar_colours(measure: str) -> ListedColormap:
    """Eleven shades for 0-10, darker = worse; NaN (not logged) stays white."""
    name, reverse = COLOURS[measure]
    shades = np.linspace(LIGHTEST, 1, 11)
    return ListedColormap(colormaps[name](shades[::-1] if reverse else shades)).with_extremes(
        bad="white")


def strips(start: dt.date, end: dt.date) -> list[Strip]:
    """The strips that together cover *start*..*end*."""
    first = start - dt.timedelta(days=start.weekday())
    weeks = (end - first).days // 7 + 1
    if weeks <= YEAR_WEEKS:
        return [Strip(first, weeks, "")]
    found = []
    for year in range(start.year, end.year + 1):
        year_start = dt.date(year, 1, 1)
        monday = year_start - dt.timedelta(days=year_start.weekday())
        found.append(Strip(monday, (dt.date(year, 12, 31) - monday).days // 7 + 1, str(year)))
    return found


def draw_calendar(ax: Axes, series: DailySeries, measure: str = "pain") -> tuple[object, str]:
    """Every day of *series* on *ax*; returns the image (for the colour key) and the key's
    words for the marks used."""
    parts = strips(series.start, series.end)
    columns = max(part.weeks for part in parts)
    rows = STRIP_ROWS * len(parts) - 1
    grid = np.full((rows, columns), np.nan)
    values = series[measure]
    outside, unlogged, blank = [], [], []
    for number, part in enumerate(parts):
        top = number * STRIP_ROWS
        for offset in range(columns * 7):
            day = part.first + dt.timedelta(days=offset)
            row, column = top + day.weekday(), offset // 7
            index = (day - series.start).days
            mine = offset // 7 < part.weeks and (not part.label or day.year == int(part.label))
            if not mine:
                blank.append((row, column))
            elif not 0 <= index < len(values):
                outside.append((row, column))
            elif values[index] != values[index]:
                unlogged.append((row, column))
            else:
                grid[row, column] = values[index]
        if number:
            blank += [(top - 1, column) for column in range(columns)]
    image = ax.imshow(np.ma.masked_invalid(grid), cmap=calendar_colours(measure), vmin=-0.5,
                      vmax=10.5, aspect="equal", interpolation="nearest")
    # The squares' edges as two line collections (a tick per line would cost seconds for
    # 20 years).
    ax.grid(visible=False)
    ax.hlines(np.arange(-0.5, rows), -0.5, columns - 0.5, color="#cccccc", linewidth=0.5)
    ax.vlines(np.arange(-0.5, columns), -0.5, rows - 0.5, color="#cccccc", linewidth=0.5)
    key = ["darker = worse"]
    if outside:
        ax.add_collection(PolyCollection(_squares(outside), facecolor="none", hatch="////",
                                         edgecolor="#bbbbbb", linewidth=0))
        key.append("hatched = outside the period")
    if blank:  # weeks of another year, and the rows between years: nothing, not even a grid
        ax.add_collection(PolyCollection(_squares(blank), facecolor="white", linewidth=0,
                                         zorder=2.5))
    if unlogged:
        ys, xs = zip(*unlogged, strict=True)
        ax.scatter(xs, ys, marker="x", s=22 if columns <= NUMBERED_WEEKS else 8,
                   color=NOT_LOGGED, linewidths=0.8, zorder=3)
        key.insert(1, "× = not recorded")
    if columns <= NUMBERED_WEEKS:
        _day_numbers(ax, grid, parts[0].first, columns)
    _labels(ax, parts)
    return image, "; ".join(key)


def _squares(cells: list[tuple[int, int]]) -> np.ndarray:
    """The corners of each (row, column) square, for one collection (no artist per square)."""
    rows, columns = np.array(cells, dtype=float).T
    corner = np.array([[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5]])
    return np.stack([columns, rows], axis=1)[:, None, :] + corner[None, :, :]


def _labels(ax: Axes, parts: list[Strip]) -> None:
    """Weekdays (one strip) or years (stacked strips) down the side; months along the top."""
    if len(parts) == 1:
        ax.set_yticks(range(7), WEEKDAYS)
    else:
        ax.set_yticks([n * STRIP_ROWS + 3 for n in range(len(parts))],
                      [part.label for part in parts])
    first = parts[0].first  # the first strip starts a week, or the Monday before 1 January
    weeks = max(part.weeks for part in parts)
    months = [(w, (first + dt.timedelta(weeks=w)).strftime("%b")) for w in range(weeks)
              if (first + dt.timedelta(weeks=w)).day <= 7]
    if len(parts) == 1 and months:  # the first month with its year
        w, name = months[0]
        months[0] = (w, f"{name} {(first + dt.timedelta(weeks=w)).year}")
    ax.set_xticks([w for w, _ in months], [m for _, m in months])
    ax.xaxis.tick_top()
    ax.tick_params(axis="both", which="major", length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)


def _day_numbers(ax: Axes, grid: np.ndarray, first: dt.date, weeks: int) -> None:
    for offset in range(weeks * 7):
        day = first + dt.timedelta(days=offset)
        value = grid[day.weekday(), offset // 7]
        dark = value == value and value >= 6  # white numbers on the darkest squares
        ax.text(offset // 7, day.weekday(), str(day.day), ha="center", va="center",
                fontsize=6.5, color="white" if dark else "#333333")


def draw_calendar_chart(figure: Figure | SubFigure, series: DailySeries,
                        measure: str = "pain") -> None:
    """The calendar with its title and the colour key below."""
    with chart_style():
        ax = figure.subplots()
        image, key = draw_calendar(ax, series, measure)
        label = measure_title(measure)
        tall = max(1.0, figure.bbox.height / figure.dpi / 3.2)  # a strip per year of 20 years
        colourbar = figure.colorbar(image, ax=ax, orientation="horizontal", fraction=0.08 / tall,
                                    pad=0.04 / tall, ticks=range(0, 11), aspect=40)
        colourbar.set_label(fitted(f"{label}; {key}", figure.bbox.width / figure.dpi * 0.9))
        ax.set_title(f"{label.split(' (')[0]} day by day, "
                     f"{period_text(series.start, series.end)}", loc="left", pad=22)
