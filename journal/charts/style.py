"""One look for every chart, on screen and on paper; applied with a context, never globally."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import matplotlib.style

from journal.domain import MEASURE_BY_KEY

# Okabe-Ito: distinguishable with colour-blindness; every chart also differs by line and shade.
BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")
DAILY = "#9a9a9a"   # light grey: the raw daily values
INK = "#222222"

STYLE = {
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.edgecolor": "#555555",
    "text.color": INK,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": 300,
    "savefig.bbox": "tight",
    "pdf.fonttype": 42,     # embedded TrueType: real, extractable text in PDFs
    "svg.fonttype": "none",  # text stays text in SVGs
}


@contextlib.contextmanager
def chart_style(*, whole_page: bool = False) -> Iterator[None]:
    """The charts' look; *whole_page* keeps a figure's exact size when saved (report pages)."""
    style = {**STYLE, "savefig.bbox": "standard"} if whole_page else STYLE
    with matplotlib.style.context(style):
        yield



def fitted(text: str, width_inches: float, fontsize: float = 10) -> str:
    """*text* broken into lines no wider than *width_inches* at *fontsize* points (an average
    character of DejaVu Sans is about 0.58 of the font size wide)."""
    import textwrap

    return "\n".join(textwrap.wrap(text, max(20, int(width_inches * 72 / (fontsize * 0.58)))))


def measure_title(measure: str) -> str:
    """``Pain (0 = no pain, 10 = worst pain imaginable)``: the registry's one wording."""
    if measure == "activity_minutes":
        return "Activity (minutes)"
    if measure == "sleep_hours":
        return "Sleep last night (hours)"
    found = MEASURE_BY_KEY[measure]
    return f"{found.label} ({found.words})"
