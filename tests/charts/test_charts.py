import datetime as dt
import io

import numpy as np
import pytest
from matplotlib.collections import PathCollection, PolyCollection

from journal.analysis.series import daily_series
from journal.charts.catalog import KINDS, chart_figure, save_figure
from journal.charts.trends import trends_figure
from journal.demo import demo_entries
from journal.domain import Entry

END = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def quarter():
    return daily_series(demo_entries(365, seed=5, end=END), END - dt.timedelta(days=89), END)


def _texts(figure):
    texts = [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))]
    return " ".join(" ".join(texts).split())  # a wrapped line reads as one


def test_trends_draw_four_labelled_panels_with_daily_values_and_a_7_day_mean(quarter):
    figure = trends_figure(quarter)
    axes = figure.axes
    assert [ax.get_title(loc="left") for ax in axes] == [
        "Pain (0 = no pain, 10 = worst pain imaginable); dashed: interference",
        "Mood (0 = very low, 10 = very good)",
        "Sleep last night (hours)", "Activity (minutes)"]
    pain_lines = axes[0].get_lines()
    assert [line.get_label() for line in pain_lines] == ["daily", "7-day mean",
                                                         "interference, 7-day mean"]
    assert pain_lines[2].get_linestyle() == "--"  # told apart from pain in grayscale too
    daily = pain_lines[0].get_ydata()
    assert np.array_equal(daily, quarter["pain"], equal_nan=True)
    assert any(isinstance(c, PolyCollection) for c in axes[3].collections)  # activity area
    # The whole 90 days (not, say, from the first logged day or 12 Apr).
    assert figure._suptitle.get_text().startswith("Trends, 2 Apr 2026 – 30 Jun 2026 (")
    assert f"{quarter.days_logged} of 90 days logged" in figure._suptitle.get_text()


def test_missing_days_are_gaps_in_the_lines_not_zeros():
    entries = [Entry(END - dt.timedelta(days=d), pain=6) for d in (0, 1, 2, 10, 11, 12)]
    figure = trends_figure(daily_series(entries))
    daily = figure.axes[0].get_lines()[0].get_ydata()
    assert np.isnan(daily[3:10]).all() and not (daily == 0).any()
    mean = figure.axes[0].get_lines()[1].get_ydata()
    assert np.isnan(mean[4:10]).all()  # the mean does not run across the gap


def test_a_long_period_shows_weekly_ranges_and_a_28_day_mean():
    series = daily_series(demo_entries(800, seed=1, end=END))
    ax = trends_figure(series).axes[0]
    assert [line.get_label() for line in ax.get_lines()] == ["28-day mean",
                                                             "interference, 28-day mean"]
    assert [c.get_label() for c in ax.collections] == ["daily"]  # the band of weekly ranges
    assert len(ax.get_lines()[0].get_xdata()) == -(-len(series) // 7)  # one point a week


def test_sleep_pain_scatter_plots_each_paired_day(quarter):
    figure = chart_figure("sleep-pain", quarter)
    ax = figure.axes[0]
    points = [c for c in ax.collections if isinstance(c, PathCollection)][0]
    both = ~np.isnan(quarter["sleep_hours"]) & ~np.isnan(quarter["pain"])
    assert len(points.get_offsets()) == both.sum()
    assert ax.get_xlabel() == "Sleep last night (hours)"
    assert ax.get_ylabel() == "Pain that day (0–10)"
    assert "median pain per hour of sleep" in [line.get_label() for line in ax.get_lines()]


def test_activity_pain_groups_days_by_minutes_with_counts(quarter):
    ax = chart_figure("activity-pain", quarter).axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert [label.split("\n")[0] for label in labels] == ["none", "1–29 min", "30–59 min",
                                                          "60+ min"]
    assert all("days)" in label for label in labels)
    assert ax.get_ylabel() == "Pain the next day (0–10)"


def test_association_overview_shows_every_declared_pair_with_n(quarter):
    figure = chart_figure("associations", quarter)
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "Sleep last night and pain today"
    text = _texts(figure)
    assert text.count("n = ") == 7 and "not proof of cause" in text
    assert ax.get_xlim() == (-1, 1)


def test_calendar_covers_a_year_and_marks_days_without_a_value():
    entries = demo_entries(365, seed=2, end=END)
    figure = chart_figure("calendar", daily_series(entries))
    image = figure.axes[0].get_images()[0].get_array()
    assert image.shape[0] == 7 and 53 <= image.shape[1] <= 54
    assert image.count() == len(entries)  # one filled square per logged day
    assert "× = not recorded" in _texts(figure) and "darker = worse" in _texts(figure)


def _unlogged_marks(figure):
    marks = [c for c in figure.axes[0].collections if isinstance(c, PathCollection)]
    return sum(len(c.get_offsets()) for c in marks)


@pytest.mark.parametrize("start", [dt.date(2025, 10, 29), dt.date(2026, 11, 10),
                                   dt.date(2007, 1, 1)])
def test_the_calendar_draws_every_day_of_the_period_asked_for(start):
    """Each day of the period is a coloured square or a "not recorded" mark: none dropped
    (a period from 29 Oct 2025 was once drawn from 24 Nov 2025)."""
    end = dt.date(2026, 12, 1)
    entries = [e for e in demo_entries((end - start).days + 1, seed=4, end=end)
               if e.date.day % 6]  # some days not logged
    series = daily_series(entries, start, end)
    for kind in ("calendar", "mood-calendar"):
        figure = chart_figure(kind, series)
        measure = "mood" if kind == "mood-calendar" else "pain"
        squares = figure.axes[0].get_images()[0].get_array().count()
        assert squares == sum(getattr(e, measure) is not None for e in entries)
        assert squares + _unlogged_marks(figure) == (end - start).days + 1
    assert f"{start.day} {start:%b %Y} – 1 Dec 2026" in _texts(figure)


def test_not_logged_and_a_score_of_0_differ_in_grayscale():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    start = dt.date(2026, 11, 2)  # a Monday
    entries = [Entry(date=start, pain=0), Entry(date=start + dt.timedelta(days=2), pain=0)]
    figure = chart_figure("calendar", daily_series(entries, start, start + dt.timedelta(days=6)))
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())[..., :3].astype(float) @ [0.299, 0.587, 0.114]
    ax = figure.axes[0]

    def square(row, column):  # the grey levels inside one day's square
        (x0, y0), (x1, y1) = ax.transData.transform([(column - 0.4, row - 0.4),
                                                     (column + 0.4, row + 0.4)])
        height = pixels.shape[0]
        return pixels[int(height - max(y0, y1)):int(height - min(y0, y1)), int(x0):int(x1)]

    zero, not_logged = square(0, 0), square(1, 0)  # Monday (0), Tuesday (not logged)
    assert abs(zero.mean() - square(2, 0).mean()) < 1  # both zeros look alike
    # A 0 is tinted; not logged is white with a cross (more dark pixels than the day number
    # alone gives a 0 square).
    assert np.median(not_logged) - np.median(zero) >= 20
    assert (not_logged < 200).sum() > (zero < 200).sum() + 10


def test_charts_with_no_data_say_so_instead_of_failing():
    empty = daily_series([], END - dt.timedelta(days=29), END)
    for kind in KINDS:
        chart_figure(kind, empty).savefig(io.BytesIO(), format="png")
    assert "no days with both values" in _texts(chart_figure("sleep-pain", empty))


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_every_chart_renders_to_png_svg_and_pdf(quarter, tmp_path, kind, suffix):
    path = tmp_path / f"{kind}{suffix}"
    save_figure(chart_figure(kind, quarter), path)
    data = path.read_bytes()
    assert data[:4] in (b"\x89PNG", b"<?xm", b"%PDF") and len(data) > 5_000
    if suffix == ".svg":
        assert b"<text" in data  # text stays text


def test_png_exports_are_print_quality():
    from PIL import Image

    series = daily_series(demo_entries(30, seed=1, end=END))
    buffer = io.BytesIO()
    chart_figure("sleep-pain", series).savefig(buffer, format="png", dpi=300)
    width, _ = Image.open(buffer).size
    assert width >= 8 * 300 * 0.8  # 8 inches at 300 dpi, less the tight crop


def test_an_unknown_format_is_refused(tmp_path, quarter):
    with pytest.raises(ValueError, match="png, .svg or .pdf"):
        save_figure(chart_figure("trends", quarter), tmp_path / "chart.jpg")


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_saved_charts_keep_their_resolution_and_vector_text(quarter, tmp_path, suffix):
    from PIL import Image

    path = tmp_path / f"sleep-pain{suffix}"
    save_figure(chart_figure("sleep-pain", quarter), path)
    data = path.read_bytes()
    if suffix == ".png":
        assert [round(d) for d in Image.open(path).info["dpi"]] == [300, 300]
    elif suffix == ".svg":
        assert b"<text" in data and b"<image" not in data
    else:
        assert b"/Font" in data and b"/Subtype /Image" not in data
