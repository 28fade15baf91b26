"""Baseline (a): a bare PySide6 QMainWindow, shown, painted once, then the loop is left."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow


class LeaveOnPaint(QObject):
    def eventFilter(self, watched, event):  # noqa: N802, ANN001, ANN201
        if event.type() == QEvent.Type.Paint:
            QApplication.instance().exit(0)
        return False


app = QApplication([])
window = QMainWindow()
window.resize(980, 860)
window.installEventFilter(LeaveOnPaint(window))
window.show()
app.exec()
