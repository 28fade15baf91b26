"""Baselines for the in-process figures: the same job done the plainest way, in the same run.

Each is the "physical limit" of ../shared/reference/performance-baseline.md re-measured
beside the app, so that a figure reads as a ratio on this noisy machine: raw sqlite3 for a
save, fetchall + json for an export, sqlite-utils insert_all for an import, plain line plots
for a redraw, one scipy matrix call for the statistics, and a four-page PdfPages for the report.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

MEASURES = ("pain", "mood", "sleep_hours", "activity_minutes")


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of each of *repeat* calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def save_floor(journal: Path, tmp: Path, repeat: int = 200) -> list[float]:
    """One-row upserts with raw sqlite3 into a copy of the journal's `days` table (WAL, FULL)."""
    source = sqlite3.connect(journal)
    schema = source.execute("SELECT sql FROM sqlite_master WHERE name = 'days'").fetchone()[0]
    row = source.execute("SELECT * FROM days ORDER BY date DESC LIMIT 1").fetchone()
    columns = [c[1] for c in source.execute("PRAGMA table_info(days)")]
    source.close()
    conn = sqlite3.connect(tmp / "save-floor.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(schema)
    sql = (f"INSERT INTO days ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
           "ON CONFLICT(date) DO UPDATE SET pain = excluded.pain, notes = excluded.notes")
    pain, notes = columns.index("pain"), columns.index("notes")
    times = []
    for i in range(repeat):
        values = list(row)
        values[pain], values[notes] = i % 11, f"edit {i}"
        start = time.perf_counter()
        with conn:
            conn.execute("BEGIN")
            conn.execute(sql, values)
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    return times


def export_floor(journal: Path) -> float:
    """Read every row of both tables and write them as JSON."""
    def export() -> str:
        conn = sqlite3.connect(journal)
        days = conn.execute("SELECT * FROM days ORDER BY date").fetchall()
        activities = conn.execute("SELECT * FROM activities ORDER BY date, position").fetchall()
        conn.close()
        return json.dumps({"days": days, "activities": activities})

    return statistics.median(timed(export, 5))


def import_floor(journal: Path, tmp: Path) -> float:
    """Both tables' rows, as dicts, into a fresh database with sqlite-utils in one transaction."""
    import sqlite_utils

    source = sqlite_utils.Database(journal)
    days, activities = list(source["days"].rows), list(source["activities"].rows)
    source.close()

    def load() -> None:
        db = sqlite_utils.Database(tmp / f"import-floor-{time.perf_counter_ns()}.db")
        with db.conn:
            db["days"].insert_all(days, pk="date")
            db["activities"].insert_all(activities, pk="id")
        db.close()

    return statistics.median(timed(load, 5))


def redraw_floor(canvas, app, series) -> float:  # noqa: ANN001
    """The same four measures as plain line plots, one axes each, in the same canvas."""
    days = series.days

    def redraw() -> None:
        canvas.figure.clear()
        for index, name in enumerate(MEASURES, start=1):
            canvas.figure.add_subplot(len(MEASURES), 1, index).plot(days, series[name])
        canvas.draw()
        app.processEvents()

    redraw()
    return statistics.median(timed(redraw, 7))


def stats_floor(series) -> float:  # noqa: ANN001
    """Spearman's matrix of the measures (complete days) in one scipy call."""
    from scipy import stats

    matrix = np.column_stack([series[name] for name in (*MEASURES, "worst_pain", "energy")])
    matrix = matrix[~np.isnan(matrix).any(axis=1)]
    stats.spearmanr(matrix)
    return statistics.median(timed(lambda: stats.spearmanr(matrix), 20))


def pdf_floor(series, tmp: Path) -> float:  # noqa: ANN001
    """Four A4 pages, each with the four measures over the year as plain line plots."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    def write() -> None:
        with PdfPages(tmp / "floor.pdf") as pdf:
            for _page in range(4):
                figure = Figure(figsize=(8.27, 11.69))
                for index, name in enumerate(MEASURES, start=1):
                    figure.add_subplot(len(MEASURES), 1, index).plot(series.days, series[name])
                pdf.savefig(figure)

    write()
    return statistics.median(timed(write, 3))
