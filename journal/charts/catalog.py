"""Every chart by its command-line name, so the panel, the CLI and the report build them alike."""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from journal.analysis.series import DailySeries
from journal.charts.associations import draw_association_overview
from journal.charts.calendar import draw_calendar_chart, strips
from journal.charts.data import ChartData
from journal.charts.kinds import KINDS
from journal.charts.questionnaires import draw_questionnaire_scores
from journal.charts.scatter import draw_activity_pain, draw_single, draw_sleep_pain
from journal.charts.style import chart_style
from journal.charts.trends import draw_trends
from journal.exchange.files import private_output

EXPORT_FORMATS = (".png", ".svg", ".pdf")


def draw_chart(kind: str, figure: Figure, data: ChartData | DailySeries,
               measure: str = "pain") -> None:
    """Draw chart *kind* of *data* into an empty *figure* (the trends chart sets its own
    margins). The associations chart uses the insights *data* carries (worked out once)."""
    if not isinstance(data, ChartData):
        data = ChartData(data)
    series = data.series
    if kind == "questionnaires":  # placed by hand, like on its report page
        if isinstance(figure, Figure):
            figure.set_layout_engine("none")
        draw_questionnaire_scores(figure, data.checkins, series.start, series.end)
        return
    if kind != "trends" and isinstance(figure, Figure):  # a SubFigure follows its parent
        figure.set_layout_engine("constrained")
    if kind == "trends":
        draw_trends(figure, series, data.treatments)
    elif kind == "sleep-pain":
        draw_single(figure, draw_sleep_pain, series)
    elif kind == "activity-pain":
        draw_single(figure, draw_activity_pain, series)
    elif kind == "associations":
        draw_association_overview(figure, series, data.insights)
    elif kind == "calendar":
        draw_calendar_chart(figure, series, measure)
    elif kind == "mood-calendar":
        draw_calendar_chart(figure, series, "mood")
    else:
        raise ValueError(f"unknown chart {kind!r}; the charts are {', '.join(KINDS)}")


def chart_figure(kind: str, data: ChartData | DailySeries, measure: str = "pain") -> Figure:
    """A standalone figure of chart *kind*, sized for export."""
    width, height = KINDS[kind][1]
    if kind.endswith("calendar"):  # one strip of weeks per year of the period
        series = data.series if isinstance(data, ChartData) else data
        height += 1.5 * (len(strips(series.start, series.end)) - 1)
    figure = Figure(figsize=(width, height),
                    layout=None if kind == "questionnaires" else "constrained")
    draw_chart(kind, figure, data, measure)
    return figure


def save_figure(figure: Figure, path: Path) -> None:
    """PNG at 300 dpi, SVG or PDF (vector, real text), chosen by the file's extension.

    The file is private and whole, or the old one stays (see `private_output`).
    """
    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ValueError(f"{path.name}: charts are saved as .png, .svg or .pdf")
    # The style's font settings keep SVG/PDF text as real text.
    with chart_style(), private_output(path) as out:
        figure.savefig(out, format=suffix[1:], dpi=300)
