"""Baseline (d): a minimal Qt + matplotlib program drawing the same 20-year trends chart.

Reads the journal with plain sqlite3, draws with the app's own chart code into a
FigureCanvasQTAgg, and leaves the loop when the canvas first paints the chart.
"""

import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from journal.analysis.series import daily_series  # noqa: E402
from journal.charts.trends import draw_trends  # noqa: E402
from journal.storage.entries import EntryStore  # noqa: E402


class LeaveOnPaint(QObject):
    def eventFilter(self, watched, event):  # noqa: N802, ANN001, ANN201
        if event.type() == QEvent.Type.Paint:
            QApplication.instance().exit(0)
        return False


app = QApplication([])
entries = EntryStore(sqlite3.connect(sys.argv[1])).between()
canvas = FigureCanvasQTAgg(Figure())
draw_trends(canvas.figure, daily_series(entries))
window = QMainWindow()
window.resize(980, 860)
window.setCentralWidget(canvas)
canvas.installEventFilter(LeaveOnPaint(canvas))
window.show()
app.exec()
