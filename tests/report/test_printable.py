"""Every report page survives a printer: ink stays 10 mm from each edge, footer included."""

import datetime as dt
import io

import matplotlib.image as mpimg
import numpy as np
import pytest

from journal.charts.style import chart_style
from journal.demo import demo_entries
from journal.report.options import ReportOptions
from journal.report.pdf import build_pages

END = dt.date(2026, 6, 30)
DPI = 48
MM = DPI / 25.4  # pixels per millimetre


@pytest.fixture(scope="module")
def entries():
    return demo_entries(800, seed=3, end=END)


def ink_margins(page):
    """The blank millimetres between the page's drawn ink and each edge: top, bottom, left,
    right (what a printer that cannot print near the edge would lose)."""
    buffer = io.BytesIO()
    with chart_style(whole_page=True):
        page.savefig(buffer, format="png", dpi=DPI)
    buffer.seek(0)
    image = mpimg.imread(buffer)[..., :3]
    rows, columns = np.nonzero((image < 0.95).any(axis=2))
    height, width = image.shape[:2]
    return (rows.min() / MM, (height - 1 - rows.max()) / MM, columns.min() / MM,
            (width - 1 - columns.max()) / MM)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("days", [1, 7, 30, 90, 365])
def test_every_page_keeps_10_mm_margins(entries, paper, days):
    options = ReportOptions(start=END - dt.timedelta(days=days - 1), end=END, paper=paper)
    pages = build_pages(entries, options)
    assert len(pages) >= (1 if days < 7 else 4)
    for number, page in enumerate(pages, start=1):
        top, bottom, left, right = ink_margins(page)
        assert min(top, bottom, left, right) >= 10, (
            f"page {number}: top {top:.1f} bottom {bottom:.1f} left {left:.1f} right {right:.1f}")


def test_a_summary_too_long_for_one_page_continues_on_the_next_not_off_the_paper(entries):
    end = END
    options = ReportOptions(end - dt.timedelta(days=89), end, name="Alex Example",
                            questions="\n".join(f"Question {n}" for n in range(12)))
    pages = build_pages(entries, options)
    texts = [" ".join(t.get_text() for t in page.texts) for page in pages]
    continued = [n for n, t in enumerate(texts) if "Summary for my doctor (continued)" in t]
    assert continued == [1] and "Question 11" in texts[1]
    for page in pages[:2]:
        assert min(ink_margins(page)) >= 10
