"""Nothing of any chart is drawn outside its figure, at any period (nothing clipped)."""

import datetime as dt

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from journal.analysis.series import daily_series
from journal.charts.catalog import chart_figure
from journal.charts.data import ChartData
from journal.charts.kinds import KINDS
from journal.demo import demo_entries

END = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def twenty_years():
    return demo_entries(7300, seed=1, end=END)


@pytest.mark.parametrize("days", [1, 2, 30, 365, 7300])
def test_every_chart_stays_inside_its_figure(twenty_years, days):
    start = END - dt.timedelta(days=days - 1)
    data = ChartData(daily_series([e for e in twenty_years if e.date >= start], start, END))
    for kind in KINDS:
        figure = chart_figure(kind, data)
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        drawn = figure.get_tightbbox(canvas.get_renderer())  # inches, only what is drawn
        width, height = figure.get_size_inches()
        assert drawn.x0 >= 0 and drawn.y0 >= 0, (kind, days, drawn)
        assert drawn.x1 <= width and drawn.y1 <= height, (kind, days, drawn)


@pytest.mark.parametrize("height", [3.2, 4.0, 6.4])  # the window's chart at its smallest and up
def test_the_trends_titles_keep_clear_of_each_other_on_a_short_canvas(twenty_years, height):
    """At the canvas's smallest (details open on a laptop) the period title sat 0.08 in above
    the first panel's title, and each panel's title 0.12 in below the panel above."""
    from matplotlib.figure import Figure

    from journal.charts.trends import draw_trends

    start = END - dt.timedelta(days=89)
    figure = Figure(figsize=(10, height))
    draw_trends(figure, daily_series([e for e in twenty_years if e.date >= start], start, END))
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer, dpi = canvas.get_renderer(), figure.dpi
    first_title = figure.axes[0].title.get_window_extent(renderer)
    assert figure._suptitle.get_window_extent(renderer).y0 - first_title.y1 >= 0.2 * dpi
    for upper, lower in zip(figure.axes, figure.axes[1:], strict=False):
        gap = upper.get_window_extent(renderer).y0 - lower.title.get_window_extent(renderer).y1
        assert gap >= 0.15 * dpi, (height, gap)
    pain_ticks = list(figure.axes[0].get_yticks())  # six numbers crowd a short panel
    assert pain_ticks == ([0, 5, 10] if height < 5 else [0, 2, 4, 6, 8, 10])
