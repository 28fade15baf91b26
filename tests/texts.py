"""Every text a person reads about insights, one string per surface that writes it.

A rule about that wording (never the word "significant"; the day thresholds said as
`journal.analysis.pairs` has them) is checked on all of these, not only on
`Insight.summary`. The chart panel is a Qt view: tests/ui/test_chart_panel.py reads it.
"""

import contextlib
import datetime as dt
import io
from pathlib import Path

from journal.analysis.insights import insights
from journal.analysis.series import daily_series
from journal.charts.catalog import chart_figure
from journal.cli import main
from journal.domain import Entry
from journal.report.options import ReportOptions
from journal.report.pdf import build_pages
from journal.storage import EntryStore, open_database


def figure_text(figure) -> str:
    """Every text on *figure*: titles, labels, tick labels, annotations, page-1 lines."""
    return " ".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))


def insight_texts(entries: list[Entry], start: dt.date, end: dt.date,
                  folder: Path) -> dict[str, str]:
    """What each surface writes about the insights of *start*..*end* (a journal of *entries*)."""
    series = daily_series([e for e in entries if start <= e.date <= end], start, end)
    page_1 = build_pages(entries, ReportOptions(start, end), first_only=True)[0]
    return {
        "Insight.summary": "\n".join(r.summary for r in insights(series)),
        "pain-journal insights": cli_insights(entries, start, end, folder),
        "report, page 1": figure_text(page_1),
        "associations chart": figure_text(chart_figure("associations", series)),
    }


def cli_insights(entries: list[Entry], start: dt.date, end: dt.date, folder: Path) -> str:
    """What ``pain-journal insights --from START --to END`` prints for a journal of *entries*."""
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / f"journal-{len(list(folder.iterdir()))}.db"
    db = open_database(db_path)
    EntryStore(db).save_many(entries)
    db.close()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--db", str(db_path), "insights", "--from", str(start), "--to", str(end)])
    assert code == 0
    return out.getvalue()
