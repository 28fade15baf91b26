"""``pain-journal quick``: the quick entry on its own, without the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from journal.storage import StorageError
from journal.storage.files import precheck
from journal.storage.lock import JournalLock
from journal.ui.quick_entry import QuickEntry
from journal.ui.recovery import APP_NAME
from journal.ui.state import LOCK_HOLDER, JournalState


def open_quick_entry(db_path: Path, lock: JournalLock) -> QuickEntry:
    """The quick entry on the journal at *db_path*, whose *lock* the caller holds.

    Raises StorageError (one sentence) when the journal cannot be written.
    """
    state = JournalState(db_path, lock=lock)
    try:
        state.make_ready_to_write()
    except StorageError:
        state.close()
        raise
    dialog = QuickEntry(state)
    dialog.finished.connect(lambda _result: state.close())
    return dialog


def run_quick(db_path: Path) -> int:
    """Show the quick entry and wait until it is saved or closed; the exit code."""
    from journal.ui.app import name_app

    app = QApplication.instance() or QApplication(sys.argv[:1])
    name_app(app)
    lock = JournalLock(db_path)
    try:
        precheck(db_path)
        lock.acquire(LOCK_HOLDER)
        dialog = open_quick_entry(db_path, lock)
    except StorageError as error:
        lock.release()
        hint = (" If the journal's window is open, use its File > Quick entry (Ctrl+Shift+N) "
                "or the tray icon's menu.")
        QMessageBox.information(None, APP_NAME, f"{error}{hint} Nothing was changed.")
        return 1
    try:
        from journal.ui.icon import app_icon

        app.setWindowIcon(app_icon())
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        app.exec()
        return 0
    finally:
        lock.release()
