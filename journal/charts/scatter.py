"""Sleep against the day's pain, and activity against the next day's pain."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from journal.analysis.series import DailySeries, paired, period_text
from journal.charts.style import BLUE, DAILY, INK, VERMILLION, chart_style

ACTIVITY_GROUPS = (("none", 0, 0), ("1–29 min", 1, 29), ("30–59 min", 30, 59),
                   ("60+ min", 60, 10_000))


def draw_sleep_pain(ax: Axes, series: DailySeries) -> None:
    """Each day: last night's sleep (x) and that day's pain (y, jittered so ties show).

    The line is the median pain for each whole hour of sleep with 3 or more days:
    robust to outliers and easy to read.
    """
    sleep, pain = paired(series["sleep_hours"], series["pain"], 0)
    jitter = np.random.default_rng(0).uniform(-0.18, 0.18, len(pain))
    ax.scatter(sleep, pain + jitter, s=14, color=BLUE, alpha=0.45, linewidths=0,
               label="one day")
    hours = np.floor(sleep)
    centres, medians = [], []
    for hour in np.unique(hours):
        in_bin = hours == hour
        if in_bin.sum() >= 3:
            centres.append(hour + 0.5)
            medians.append(np.median(pain[in_bin]))
    if centres:
        ax.plot(centres, medians, color=VERMILLION, linewidth=2.4, marker="s", markersize=6,
                label="median pain per hour of sleep")
        ax.legend(loc="upper right")
    ax.set_xlabel("Sleep last night (hours)")
    ax.set_ylabel("Pain that day (0–10)")
    ax.set_ylim(-0.5, 10.5)
    ax.set_title(f"Last night's sleep and the day's pain ({len(pain)} days with both)", loc="left")
    _no_data_note(ax, len(pain))


def draw_activity_pain(ax: Axes, series: DailySeries) -> None:
    """Pain the next day, grouped by the minutes of activity the day before (box plots)."""
    minutes, pain = paired(series["activity_minutes"], series["pain"], 1)
    groups, labels = [], []
    for name, low, high in ACTIVITY_GROUPS:
        chosen = pain[(minutes >= low) & (minutes <= high)]
        groups.append(chosen)
        labels.append(f"{name}\n({len(chosen)} days)")
    filled = [g if len(g) else np.array([np.nan]) for g in groups]
    ax.boxplot(filled, tick_labels=labels, widths=0.5, patch_artist=True,
               boxprops={"facecolor": "#e8e8e8", "edgecolor": INK},
               medianprops={"color": VERMILLION, "linewidth": 2.4},
               flierprops={"marker": ".", "markeredgecolor": DAILY})
    means = [g.mean() if len(g) else np.nan for g in groups]
    ax.plot(range(1, len(groups) + 1), means, linestyle="none", marker="D", color=BLUE,
            label="average")
    # What a box plot shows, in words (a tired reader should not need to know box plots).
    ax.legend(handles=[
        Patch(facecolor="#e8e8e8", edgecolor=INK, label="box: the middle half of the days"),
        Line2D([], [], color=VERMILLION, linewidth=2.4, label="line: the middle day (median)"),
        Line2D([], [], color=INK, linewidth=1, label="whiskers: the usual range; dots: unusual "
               "days"),
        Line2D([], [], color=BLUE, marker="D", linestyle="none", label="diamond: the average"),
    ], loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, fontsize=8)  # not on the data
    ax.set_xlabel("Activity on the day before")
    ax.set_ylabel("Pain the next day (0–10)")
    ax.set_ylim(-0.5, 10.5)
    ax.set_title(f"Activity and pain the next day ({len(pain)} pairs of days)", loc="left")
    _no_data_note(ax, len(pain))


def draw_single(figure: Figure, draw, series: DailySeries) -> None:  # noqa: ANN001
    """Draw a one-axes chart into *figure* with the shared style and the period."""
    with chart_style():
        draw(figure.subplots(), series)
        figure.suptitle(period_text(series.start, series.end), x=0.99, ha="right",
                        fontsize=9, fontweight="normal")


def _no_data_note(ax: Axes, count: int) -> None:
    if count == 0:
        ax.text(0.5, 0.5, "no days with both values in this period", transform=ax.transAxes,
                ha="center", va="center", color=DAILY)
