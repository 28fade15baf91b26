"""The association overview: each declared pair's rho with its 95 % CI, n and status."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from journal.analysis import pairs
from journal.analysis.insights import Insight
from journal.analysis.series import DailySeries, period_text
from journal.charts.style import BLUE, DAILY, INK, chart_style, fitted


def draw_associations(ax: Axes, results: Sequence[Insight]) -> None:
    """A forest plot: filled markers where a link was found, open where not, text where too
    few days."""
    rows = list(reversed(results))
    for y, result in enumerate(rows):
        if result.rho is None:
            ax.text(0, y, f"not enough days yet ({result.n} of {pairs.MIN_DAYS})", ha="center",
                    va="center", color=DAILY, fontsize=9)
            continue
        low, high = result.ci95
        ax.plot([low, high], [y, y], color=INK if result.found else DAILY, linewidth=2)
        ax.plot(result.rho, y, marker="o", markersize=8, color=BLUE,
                markerfacecolor=BLUE if result.found else "white", markeredgewidth=2)
        note = {"early": "early look", "ok": "link found" if result.found else "no clear link"}
        ax.annotate(f"n = {result.n}, {note[result.status]}", (1.02, y),
                    xycoords=("axes fraction", "data"), va="center", fontsize=9)
    ax.axvline(0, color=INK, linewidth=1)
    ax.set_yticks(range(len(rows)), [r.label for r in rows])
    ax.set_xlim(-1, 1)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlabel(fitted("Rank correlation ρ with its 95 % interval: above 0, both rise "
                         "together; below 0, one falls as the other rises",
                         _width(ax.figure) * 0.85))
    ax.set_title("How things went together in your data", loc="left")
    ax.grid(axis="y", visible=False)


def draw_association_overview(figure: Figure, series: DailySeries,
                              results: Sequence[Insight]) -> None:
    with chart_style():
        draw_associations(figure.subplots(), results)
        figure.suptitle(fitted(f"{period_text(series.start, series.end)}. Filled: a link found "
                               "after allowing for trends and many comparisons. Associations, "
                               "not proof of cause.", _width(figure) * 0.95, 9),
                        x=0.01, ha="left", fontsize=9, fontweight="normal")


def _width(figure: Figure) -> float:
    """The width of *figure* (or of a part of a page) in inches."""
    return figure.bbox.width / figure.dpi
