"""Start the desktop app: `run` for the command line, `create_main_window` for tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from journal.storage import CorruptJournalError, StorageError
from journal.storage.files import precheck
from journal.storage.lock import JournalLock
from journal.ui.first_paint import after_next_paint
from journal.ui.main_window import TAB_CHARTS, MainWindow
from journal.ui.recovery import APP_NAME, offer_backup
from journal.ui.state import LOCK_HOLDER, JournalState

ORGANIZATION = "pain-journal"


def create_main_window(db_path: Path, settings: QSettings | None = None,
                       lock: JournalLock | None = None) -> MainWindow:
    """The main window on the journal at *db_path* (a QApplication must exist).

    *lock*, the journal's lock if the caller took it, goes with the journal: the window
    lets it go when it closes or switches to another journal.
    """
    if settings is None:
        settings = private_settings()
    return MainWindow(JournalState(Path(db_path), lock=lock), settings)


def private_settings() -> QSettings:
    """The app's settings, readable by the user only.

    They hold the name printed on reports and the date of the last doctor's visit, so
    the file is 0600 in a 0700 folder whatever the umask; Qt's own settings (the file
    dialogs' recent folders) are kept in that same folder instead of ~/.config.
    """
    if os.name != "posix" or sys.platform == "darwin":  # the registry; ~/Library is private
        return QSettings(ORGANIZATION, "pain-journal")
    from journal.storage.files import make_private_dirs

    config = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"  # as Qt finds it
    path = Path(config) / ORGANIZATION / "pain-journal.conf"  # where Qt kept it before
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    try:
        make_private_dirs(path.parent)
        for each, mode in ((path.parent, 0o700), (path, 0o600)):
            if not each.exists():
                os.close(os.open(each, os.O_CREAT | os.O_WRONLY, mode))
            elif each.stat().st_mode & 0o077 and each.stat().st_uid == os.geteuid():
                each.chmod(mode)
    except (OSError, StorageError):
        return settings  # settings are a comfort; never stop the app for them
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(path.parent))
    return settings


def name_app(app: QApplication) -> None:
    """The names the desktop knows the app by: its window class and its .desktop file."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName("pain-journal")  # resources/pain-journal.desktop (Wayland app id)


def run(db_path: Path, argv: list[str] | None = None, *, in_tray: bool = False) -> int:
    """Show the main window on *db_path* and run until it closes; returns the exit code.

    With *in_tray* (starting with the session) the window stays hidden behind the tray icon
    until asked for, if the desktop has a tray.
    """
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    name_app(app)
    lock = JournalLock(db_path)
    try:
        precheck(db_path)  # no lock file beside a letter, a device or a pipe
        lock.acquire(LOCK_HOLDER)
    except StorageError as error:
        QMessageBox.information(None, APP_NAME, f"{error} Nothing was changed.")
        return 1
    try:
        window = _open_window(db_path, lock)
        if window is None:
            return 1
        _exit_at_milestone(app, window, os.environ.get(EXIT_AFTER_ENV, ""))
        if not (in_tray and window.start_in_tray()):
            window.show()
        return app.exec()
    finally:
        lock.release()


def _open_window(db_path: Path, lock: JournalLock | None = None) -> MainWindow | None:
    """The main window, after offering the newest backup if the journal is damaged."""
    while True:
        try:
            return create_main_window(db_path, lock=lock)
        except CorruptJournalError as error:
            if error.backup is None or not offer_backup(None, error):
                QMessageBox.critical(None, APP_NAME, str(error))
                return None
            from journal.storage.restore import restore_backup

            try:
                restore_backup(error.backup, db_path)
            except StorageError as failure:
                QMessageBox.critical(None, APP_NAME, str(failure))
                return None
        except StorageError as error:
            QMessageBox.critical(None, APP_NAME, str(error))
            return None


EXIT_AFTER_ENV = "PAIN_JOURNAL_EXIT_AFTER"


def _exit_at_milestone(app: QApplication, window: MainWindow, milestone: str) -> None:
    """For the benchmarks: quit once the window (``window``) or the first chart (``chart``)
    is on screen."""
    def leave() -> None:  # leave the loop once this paint is flushed; closes nothing
        app.exit(0)

    if milestone == "window":
        window.cancel_work_after_first_paint()  # not part of the figure, whatever the event order
        after_next_paint(window, leave, at_once=True)
    elif milestone == "chart":
        window.tabs.setCurrentIndex(TAB_CHARTS)
        panel = window.chart_panel
        panel.chart_drawn.connect(lambda: after_next_paint(panel.canvas, leave, at_once=True))
