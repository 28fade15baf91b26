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
