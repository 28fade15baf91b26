"""The association overview: each declared pair's rho with its 95 % CI, n and status."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from journal.analysis import pairs
from journal.analysis.insights import Insight, compared, leaves_out
from journal.analysis.series import DailySeries, period_text
from journal.charts.style import BLUE, DAILY, INK, chart_style, fitted


def draw_associations(ax: Axes, results: Sequence[Insight]) -> None:
    """A forest plot: filled markers where a link was found, open where not, text where too
    few days."""
    rows = list(reversed(results))
    for y, result in enumerate(rows):
        if result.rho is None:
            note = ("barely varies: nothing to say" if result.status == "flat" else
                    f"not enough days yet ({result.n} of {pairs.MIN_DAYS})")
            ax.text(0, y, note, ha="center", va="center", color=DAILY, fontsize=9)
            continue
        low, high = result.ci95
        ax.plot([low, high], [y, y], color=INK if result.found else DAILY, linewidth=2)
        ax.plot(result.rho, y, marker="o", markersize=8, color=BLUE,
                markerfacecolor=BLUE if result.found else "white", markeredgewidth=2)
        note = ("link found" if result.found else "probably an echo" if result.echo_of
                else "no link that matters" if result.no_link
                else "early look" if result.status == "early" else "too early to tell")
        ax.annotate(f"n = {result.n}, {note}", (1.02, y),
                    xycoords=("axes fraction", "data"), va="center", fontsize=9)
    for edge in (-pairs.NO_LINK_RHO, pairs.NO_LINK_RHO):  # where a moderate link starts
        ax.axvline(edge, color=DAILY, linewidth=0.8, linestyle=":")
    ax.axvline(0, color=INK, linewidth=1)
    ax.set_yticks(range(len(rows)), [r.label for r in rows])
    ax.set_xlim(-1, 1)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlabel(fitted("Correlation ρ of day-to-day changes, with its 95 % interval: "
                         "above 0, both rise together; below 0, one falls as the other rises. "
                         f"Dotted: ρ = ±{pairs.NO_LINK_RHO:g}, where a moderate link starts",
                         _width(ax.figure) * 0.85))
    ax.set_title("How things went together", loc="left")
    ax.grid(axis="y", visible=False)


def draw_association_overview(figure: Figure, series: DailySeries,
                              results: Sequence[Insight]) -> None:
    with chart_style():
        draw_associations(figure.subplots(), results)
        span = period_text(series.start, series.end)
        if leaves_out(series):
            days = compared(series)
            span = (f"{period_text(days.start, days.end)} (your last {len(days)} days with "
                    "entries)")
        figure.suptitle(fitted(f"{span}. Filled: a link found "
                               "(weekday rhythms, trends and many comparisons allowed for). "
                               "Associations, not proof of cause. Slow effects and effects on "
                               "days not logged cannot be seen here.", _width(figure) * 0.95, 9),
                        x=0.01, ha="left", fontsize=9, fontweight="normal")


def _width(figure: Figure) -> float:
    """The width of *figure* (or of a part of a page) in inches."""
    return figure.bbox.width / figure.dpi
