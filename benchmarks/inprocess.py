"""In-process figures against DESIGN.md's budgets: redraw, insights, save, import/export.

Run with `make bench` (or `python benchmarks/inprocess.py`). Prints a table and writes
benchmarks/results/inprocess.json. Medians of repeated runs, each beside its baseline
(benchmarks/floors.py: the same job done the plainest way) measured in the same run.
DESIGN.md's budgets are absolute; the ratios show how far the app is from the floor.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import floors  # noqa: E402 - benchmarks/ is on the path when this file runs
from floors import p95, timed  # noqa: E402

from journal.demo import demo_entries  # noqa: E402
from journal.storage import EntryStore, open_database  # noqa: E402

RESULTS = Path(__file__).with_name("results")
TWENTY_YEARS = 7300


def bench_save(store: EntryStore, journal: Path, tmp: Path) -> dict:
    latest = store.between()[-1]
    times = []
    for i in range(200):  # a changed value each time: an unchanged upsert writes nothing
        entry = replace(latest, pain=i % 11, notes=f"edit {i}")
        start = time.perf_counter()
        store.save(entry)
        times.append((time.perf_counter() - start) * 1000)
    floor = floors.save_floor(journal, tmp)
    return {"save_p50_ms": (statistics.median(times), statistics.median(floor)),
            "save_p95_ms": (p95(times), p95(floor))}


def bench_exchange(entries, journal: Path, tmp: Path) -> dict:
    from journal.exchange import JournalDocument, export_bytes, read_document

    document = JournalDocument(days=entries)
    data = export_bytes(document, "json")
    export_ms = statistics.median(timed(lambda: export_bytes(document, "json"), 5))

    def import_all() -> None:
        path = tmp / f"import-{time.perf_counter_ns()}.db"
        db = open_database(path)
        EntryStore(db).save_many(read_document(data, "json").days)
        db.close()

    return {"export_ms": (export_ms, floors.export_floor(journal)),
            "import_ms": (statistics.median(timed(import_all, 5)),
                          floors.import_floor(journal, tmp))}


def bench_charts(entries) -> dict:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure
    from PySide6.QtWidgets import QApplication

    from journal.analysis.insights import insights
    from journal.analysis.series import daily_series
    from journal.charts.catalog import draw_chart

    app = QApplication.instance() or QApplication([])
    canvas = FigureCanvasQTAgg(Figure(figsize=(10, 8), layout="constrained"))
    canvas.resize(1000, 800)
    canvas.show()
    results = {}
    for name, days in (("1y", 365), ("20y", TWENTY_YEARS)):
        series = daily_series(entries[-days:] if days < len(entries) else entries)

        def redraw(series=series) -> None:  # noqa: ANN001 - bound now, not at call time
            canvas.figure.clear()
            draw_chart("trends", canvas.figure, series)
            canvas.draw()
            app.processEvents()

        redraw()  # warm-up
        results[f"redraw_{name}_ms"] = (statistics.median(timed(redraw, 7)),
                                        floors.redraw_floor(canvas, app, series))
    series = daily_series(entries)
    insights(series)  # loads scipy
    results["insights_20y_ms"] = (statistics.median(timed(lambda: insights(series), 20)),
                                  floors.stats_floor(series))
    return results


def bench_report(entries, tmp: Path) -> dict:
    from journal.analysis.series import daily_series
    from journal.report.options import ReportOptions
    from journal.report.pdf import write_report

    end = entries[-1].date
    options = ReportOptions(end - dt.timedelta(days=364), end)
    write_report(tmp / "warm.pdf", entries, options)  # fonts and modules loaded once
    report = statistics.median(timed(lambda: write_report(tmp / "report.pdf", entries, options), 3))
    return {"report_1y_ms": (report, floors.pdf_floor(daily_series(entries[-365:]), tmp))}


BUDGETS = {  # DESIGN.md, "Performance budgets"
    "save_p95_ms": 2.0, "redraw_20y_ms": 250.0, "insights_20y_ms": 50.0, "import_ms": 500.0,
    "report_1y_ms": 2000.0,
}
BASELINES = {  # what each figure is paired with (benchmarks/floors.py)
    "save": "raw sqlite3 upsert, WAL + FULL", "export": "fetchall + json.dumps",
    "import": "sqlite-utils insert_all", "redraw": "4 plain line plots",
    "insights": "scipy spearmanr matrix", "report": "4-page PdfPages",
}


def main() -> int:
    entries = demo_entries(TWENTY_YEARS, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        journal = Path(tmp) / "journal.db"
        db = open_database(journal)
        store = EntryStore(db)
        store.save_many(entries)
        save = bench_save(store, journal, Path(tmp))
        db.close()
        figures = {**save, **bench_exchange(entries, journal, Path(tmp)), **bench_charts(entries),
                   **bench_report(entries, Path(tmp))}
    print(f"{'figure':<16} {'measured':>10} {'baseline':>10} {'ratio':>7} {'budget':>8}  verdict"
          "   baseline is")
    for name, (value, floor) in figures.items():
        budget = BUDGETS.get(name)
        verdict = "" if budget is None else ("pass" if value <= budget else "FAIL")
        print(f"{name:<16} {value:>8.2f}ms {floor:>8.2f}ms {value / floor:>6.1f}x "
              f"{'' if budget is None else f'{budget:>6.0f}ms':>8}  {verdict:<7}   "
              f"{BASELINES[name.split('_')[0]]}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "inprocess.json").write_text(json.dumps(
        {"when": dt.datetime.now().isoformat(timespec="seconds"),
         "figures": {name: {"ms": value, "baseline_ms": floor, "ratio": value / floor,
                            "baseline": BASELINES[name.split("_")[0]]}
                     for name, (value, floor) in figures.items()},
         "budgets": BUDGETS}, indent=2))
    return 0 if all(figures[k][0] <= v for k, v in BUDGETS.items()) else 1


if __name__ == "__main__":
    sys.exit(main())
