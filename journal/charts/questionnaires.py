"""PHQ-9 and GAD-7 scores over time, on the published severity bands.

The bands are shaded from light to dark grey and named at the right, so the chart reads
the same in grayscale; each instrument has its own panel, marker and line style.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from journal.charts.style import BLUE, INK, VERMILLION
from journal.domain.questionnaires import INSTRUMENT_KEYS, Checkin, instrument

#: Band shades, lightest (lowest band) to darkest; readable when printed in grey.
SHADES = ("#ffffff", "#f0f0f0", "#e0e0e0", "#cfcfcf", "#bdbdbd")
LOOK = {"phq9": (BLUE, "o", "-"), "gad7": (VERMILLION, "s", "--")}


def draw_scores(ax: Axes, checkins: Sequence[Checkin], key: str, start: dt.date,
                end: dt.date) -> None:
    """One instrument's totals from *start* to *end* over its shaded bands.

    Parameters
    ----------
    ax
        Where to draw.
    checkins
        Check-ins of any instrument; those of *key* are drawn, oldest first.
    key
        ``phq9`` or ``gad7``.
    start, end
        The period (the x axis), so that charts of one report line up.
    """
    form = instrument(key)
    colour, marker, style = LOOK[key]
    for band, shade in zip(form.bands, SHADES, strict=False):
        ax.axhspan(band.low - 0.5, band.high + 0.5, color=shade, zorder=0, linewidth=0)
        ax.text(1.01, (band.low + band.high) / 2, f"{band.label} ({band.low}-{band.high})",
                transform=ax.get_yaxis_transform(), va="center", fontsize=7.5, color=INK)
    mine = sorted((c for c in checkins if c.instrument == key), key=lambda c: c.date)
    if mine:
        ax.plot([c.date for c in mine], [c.total for c in mine], color=colour, marker=marker,
                linestyle=style, linewidth=1.6, markersize=6, zorder=3, label=form.name)
        if len(mine) <= 8:  # a few points carry their score; more would crowd (and cost)
            for c in mine:
                ax.annotate(str(c.total), (c.date, c.total), textcoords="offset points",
                            xytext=(0, 7), ha="center", fontsize=8, color=INK)
    else:
        ax.text(0.5, 0.5, f"No {form.name} in this period", transform=ax.transAxes,
                ha="center", va="center", color=INK)
    ax.set_xlim(start - dt.timedelta(days=1), end + dt.timedelta(days=1))
    ax.set_ylim(-0.5, form.max_total + 0.5)
    ax.set_ylabel("Score")
    ax.set_title(f"{form.name} ({form.what}), score 0-{form.max_total}", loc="left")
    ax.grid(axis="y", visible=False)


def draw_questionnaire_scores(figure: Figure, checkins: Sequence[Checkin], start: dt.date,
                              end: dt.date,
                              rect: tuple[float, float, float, float] = (0.13, 0.14, 0.63, 0.78),
                              ) -> None:
    """A panel per instrument taken in the period (PHQ-9 above GAD-7), placed in *rect*
    (left, bottom, width, height as fractions of the figure; the band names go right of it).
    Placed by hand, not by a layout engine: cheap, and it shares a report page with text."""
    keys = [k for k in INSTRUMENT_KEYS if any(c.instrument == k for c in checkins)] \
        or list(INSTRUMENT_KEYS)
    left, bottom, width, height = rect
    gap = 0.12 * height
    each = (height - gap * (len(keys) - 1)) / len(keys)
    for index, key in enumerate(keys):
        ax = figure.add_axes((left, bottom + (len(keys) - 1 - index) * (each + gap), width, each))
        draw_scores(ax, checkins, key, start, end)
        if index < len(keys) - 1:  # one date axis, under the lowest panel
            ax.tick_params(labelbottom=False)
        for label in ax.get_xticklabels():
            label.set_rotation(20)
            label.set_horizontalalignment("right")


def questionnaire_figure(checkins: Sequence[Checkin], start: dt.date, end: dt.date) -> Figure:
    """A standalone figure of the scores (for export)."""
    figure = Figure(figsize=(8, 5.5))
    draw_questionnaire_scores(figure, checkins, start, end)
    return figure
