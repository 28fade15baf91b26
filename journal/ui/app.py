"""Start the desktop app: `run` for the command line, `create_main_window` for tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from journal.storage import StorageError
from journal.ui.first_paint import after_next_paint
from journal.ui.main_window import TAB_CHARTS, MainWindow
from journal.ui.state import JournalState

APP_NAME = "Pain & Mood Journal"
ORGANIZATION = "pain-journal"


def create_main_window(db_path: Path, settings: QSettings | None = None) -> MainWindow:
    """The main window on the journal at *db_path* (a QApplication must exist)."""
    if settings is None:
        settings = QSettings(ORGANIZATION, "pain-journal")
    return MainWindow(JournalState(Path(db_path)), settings)


def run(db_path: Path, argv: list[str] | None = None) -> int:
    """Show the main window on *db_path* and run until it closes; returns the exit code."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName("pain-journal")
    try:
        window = create_main_window(db_path)
    except StorageError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    _exit_at_milestone(app, window, os.environ.get(EXIT_AFTER_ENV, ""))
    window.show()
    return app.exec()


EXIT_AFTER_ENV = "PAIN_JOURNAL_EXIT_AFTER"


def _exit_at_milestone(app: QApplication, window: MainWindow, milestone: str) -> None:
    """For the benchmarks: quit once the window (``window``) or the first chart (``chart``)
    is on screen."""
    def leave() -> None:  # leave the loop once this paint is flushed; closes nothing
        app.exit(0)

    if milestone == "window":
        after_next_paint(window, leave, at_once=True)
    elif milestone == "chart":
        window.tabs.setCurrentIndex(TAB_CHARTS)
        panel = window.chart_panel
        panel.chart_drawn.connect(lambda: after_next_paint(panel.canvas, leave, at_once=True))
