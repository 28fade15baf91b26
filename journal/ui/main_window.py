"""The main window: the day form, the history, menus and status. No SQL here."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal.domain import Entry, ValidationError
from journal.journal import Changes
from journal.paths import DEMO_FILENAME, demo_db_path
from journal.storage import CorruptJournalError, StorageError
from journal.ui.entry_form import EntryForm
from journal.ui.first_paint import after_next_paint
from journal.ui.state import (
    DayChangedElsewhereError,
    JournalState,
    JournalWriteError,
    day_title,
)
from journal.ui.widgets import NO_FOCUS

TAB_DAY, TAB_HISTORY, TAB_CHARTS = 0, 1, 2
SAMPLE_DAYS = 365


class MainWindow(QMainWindow):
    """Composes the views; every write goes through *state*.

    Parameters
    ----------
    state
        The open journal.
    settings
        Where window size, position and the last tab are kept.
    """

    def __init__(self, state: JournalState, settings: QSettings) -> None:
        super().__init__()
        self.state = state
        self.settings = settings
        self.home_db = state.db_path  # the user's own journal, to come back to from sample data
        self.form = EntryForm(may_leave=self._may_leave_day)
        self.history = None  # built just after the first paint, with the rest of the journal
        self.history_page = QWidget()
        QVBoxLayout(self.history_page).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._day_page(), "Day")  # Ctrl+1 / Ctrl+2
        self.tabs.addTab(self.history_page, "History")
        self.charts_page = QWidget()  # the chart panel (and matplotlib) load on first view
        QVBoxLayout(self.charts_page)
        self.chart_panel = None
        self.report_dialog = None
        self.tabs.addTab(self.charts_page, "Charts")
        self.setCentralWidget(self.tabs)
        self.saved_label = QLabel()
        self.month_label = QLabel()
        self.statusBar().addWidget(self.saved_label, 1)
        self.statusBar().addPermanentWidget(self.month_label)
        self._painted = False  # history, tag completion and write access wait for the first paint
        self._quitting = False
        self._abandoned = False  # the journal could not be used: close without touching it
        self._shown: Entry | None = None  # the day as the form last loaded it
        self._backup_timer = QTimer(self, interval=60 * 60 * 1000)  # hourly look; daily backup
        self._backup_timer.timeout.connect(self._backup_daily)  # started after the first paint
        self._menus = [self.menuBar().addMenu(title)
                       for title in ("&File", "&Edit", "&Go", "&Help")]
        self._connect()
        self._restore_settings()
        self._on_journal_opened()
        after_next_paint(self, self._on_first_paint)

    def is_ready(self) -> bool:
        """True once the work that follows the first paint is done (menus, history, saving)."""
        return self._painted

    def cancel_work_after_first_paint(self) -> None:
        """The app is quitting as it paints (the start-up benchmark): skip what would follow."""
        self._quitting = True

    def _on_first_paint(self) -> None:
        if self._quitting or not self.isVisible():  # quitting or closed before it began
            return
        self._painted = True
        self._fill_menus()
        self._build_history()
        self.form.route_undo_after_save()
        try:
            self.state.make_ready_to_write()  # checks the whole file, which the first paint skips
        except CorruptJournalError as error:
            if not self._recover(error):
                return
        except StorageError as error:
            QMessageBox.warning(self, "Journal is read-only", f"{error} You can read but not save.")
        self._refresh_views()
        self._backup_timer.start()

    # Pages -------------------------------------------------------------------------------------
    def _build_history(self) -> None:
        from journal.ui.history import HistoryView  # after the first paint: start-up stays light

        self.history = HistoryView()
        self.history.open_day.connect(self._open_day)
        self.history.delete_day.connect(self._on_history_delete_day)
        header = self.settings.value("history/header")
        if header is not None:
            self.history.table.horizontalHeader().restoreState(header)
        self.history_page.layout().addWidget(self.history)

    def _day_page(self) -> QWidget:
        self.welcome = QWidget()
        text = QLabel("<b>Welcome.</b> Log how today went: any field you skip simply stays "
                      "\"not recorded\". Everything you write stays on this computer.")
        text.setWordWrap(True)
        self.log_today_button = QPushButton("Log today")
        self.sample_button = QPushButton("Try with sample data")
        self.sample_banner = QWidget()
        banner_text = QLabel("<b>Sample data</b>: this is a made-up journal for trying the app. "
                             "Your own journal is not shown and not changed.")
        banner_text.setWordWrap(True)
        self.back_button = QPushButton("Back to my journal")
        for box, label, buttons in ((self.welcome, text, (self.log_today_button,
                                                          self.sample_button)),
                                    (self.sample_banner, banner_text, (self.back_button,))):
            box.setObjectName("notice")
            box.setStyleSheet("#notice { border: 2px solid palette(highlight); "
                              "border-radius: 6px; }")
            row = QHBoxLayout(box)
            row.addWidget(label, 1)
            for button in buttons:
                button.setMinimumHeight(36)
                row.addWidget(button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.welcome)
        layout.addWidget(self.sample_banner)
        layout.addWidget(self.form, 1)
        treatments = QHBoxLayout()  # medications from the day form (the dialog loads on use)
        self.medications_button = QPushButton("Medications && events…")
        self.dose_button = QPushButton("Took an as-needed dose")
        for button in (self.medications_button, self.dose_button):
            button.setAccessibleName(button.text().replace("&&", "&"))
            button.setMinimumHeight(36)  # big targets, as the form's
            treatments.addWidget(button)
        treatments.addStretch(1)
        layout.addLayout(treatments)
        scroll = QScrollArea()  # at 200 % scaling the form may be taller than the screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setProperty("focusPolicy", NO_FOCUS)  # Tab goes to the fields
        scroll.setWidget(page)
        return scroll

    def _fill_menus(self) -> None:
        """The menus' commands and shortcuts (the titles are there from the first paint)."""
        from PySide6.QtGui import QAction, QKeySequence  # after the first paint: starts light

        def action(menu, text, slot, shortcut=None):  # noqa: ANN001, ANN202
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        keys = QKeySequence.StandardKey
        file_menu, edit_menu, go_menu, help_menu = self._menus
        self.save_action = action(file_menu, "&Save day", self.save_day, QKeySequence(keys.Save))
        self.form.save_button.setToolTip(f"Save ({self.save_action.shortcut().toString()})")
        file_menu.addSeparator()
        action(file_menu, "&Doctor report…", self._on_report, QKeySequence(keys.Print))
        action(file_menu, "&Export data…", self._on_export, QKeySequence("Ctrl+E"))
        action(file_menu, "&Import…", self._on_import, QKeySequence("Ctrl+I"))
        action(file_menu, "&Open journal…", self._on_open_journal, QKeySequence("Ctrl+O"))
        action(file_menu, "&Backups…", self._on_backups)
        file_menu.addSeparator()
        action(file_menu, "&Quit", self.close, QKeySequence("Ctrl+Q"))
        self.undo_action = self.state.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence(keys.Undo)])
        self.redo_action = self.state.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        medications = action(edit_menu, "&Medications && events…", self._on_medications,
                             QKeySequence("Ctrl+M"))
        dose = action(edit_menu, "Took an &as-needed dose", self._on_as_needed_dose,
                      QKeySequence("Ctrl+D"))
        for button, act in ((self.medications_button, medications), (self.dose_button, dose)):
            button.setToolTip(f"{button.accessibleName()} ({act.shortcut().toString()})")
        action(go_menu, "&Previous day", lambda: self._step_day(-1), QKeySequence("Alt+Left"))
        action(go_menu, "&Next day", lambda: self._step_day(1), QKeySequence("Alt+Right"))
        action(go_menu, "&Today", lambda: self._open_day(dt.date.today()), QKeySequence("Alt+Home"))
        go_menu.addSeparator()
        action(go_menu, "&Day form", lambda: self._show_tab(TAB_DAY), QKeySequence("Ctrl+1"))
        action(go_menu, "&History", lambda: self._show_tab(TAB_HISTORY), QKeySequence("Ctrl+2"))
        action(go_menu, "&Charts", lambda: self._show_tab(TAB_CHARTS), QKeySequence("Ctrl+3"))
        action(help_menu, "&Get help now", lambda: _help().show_get_help(self))
        action(help_menu, "&Keyboard shortcuts", lambda: _help().show_shortcuts(self),
               QKeySequence(keys.HelpContents))
        action(help_menu, "&Where is my data?",
               lambda: _help().show_data_location(self, self.state.db_path))
        action(help_menu, "&About", lambda: _help().show_about(self))

    def _connect(self) -> None:
        self.form.entry_submitted.connect(self._on_form_entry_submitted)
        self.form.date_chosen.connect(self._on_form_date_chosen)
        self.form.changed.connect(self._update_title)
        self.state.changed.connect(self._on_state_changed)
        self.state.write_failed.connect(lambda text: QMessageBox.warning(self, "Not saved", text))
        self.state.history_moved.connect(self.saved_label.setText)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.log_today_button.clicked.connect(self._on_log_today_clicked)
        self.sample_button.clicked.connect(self._on_sample_clicked)
        self.back_button.clicked.connect(lambda: self._switch_journal(self.home_db))
        self.medications_button.clicked.connect(self._on_medications)
        self.dose_button.clicked.connect(self._on_as_needed_dose)

    # Saving ------------------------------------------------------------------------------------
    def save_day(self) -> bool:
        """Save the form (Ctrl+S); False if it was not saved (the message says why)."""
        try:
            entry = self.form.entry()
        except ValidationError as error:
            self.form.show_error(error)
            return False
        self.form.clear_errors()
        return self._save(entry)

    def _save(self, entry: Entry) -> bool:
        if entry.is_empty and self.state.entry(entry.date) is None:
            self.saved_label.setText("Nothing to save yet: fill in any field you like, then save.")
            return False
        try:
            try:
                stored = self.state.save_entry(entry, expected=self._shown)
            except DayChangedElsewhereError as error:
                if not self._save_over(str(error)):
                    self.saved_label.setText(f"Not saved: {day_title(entry.date)} was changed "
                                             "elsewhere.")
                    return False
                stored = self.state.save_entry(entry)
        except JournalWriteError as error:
            self.saved_label.setText(f"Not saved: {day_title(entry.date)}.")
            QMessageBox.warning(self, "Not saved", str(error))
            return False
        self._shown = stored
        self.form.show_entry(stored.date, stored)
        self.saved_label.setText(f"Saved {day_title(stored.date)} at "
                                 f"{dt.datetime.now():%H:%M}.")
        return True

    def _save_over(self, problem: str) -> bool:
        """The day changed elsewhere since the form showed it: replace it with the form's
        version only if the person says so."""
        answer = QMessageBox.question(
            self, "Changed elsewhere", f"{problem}\n\nSave your version over it?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Save

    def _on_form_entry_submitted(self, entry: Entry) -> None:
        self._save(entry)

    def _may_leave_day(self) -> bool:
        """Unsaved changes: ask Save / Discard / Cancel. True when it is fine to move on."""
        if not self.form.is_dirty():
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes", f"Save your changes to {day_title(self.form.date)}?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_day()
        return answer == QMessageBox.StandardButton.Discard

    # Days --------------------------------------------------------------------------------------
    def _open_day(self, date: dt.date) -> None:
        self._show_tab(TAB_DAY)
        if date != self.form.date and not self._may_leave_day():
            return
        self._on_form_date_chosen(date)
        self.form.focus_first_field()

    def _step_day(self, days: int) -> None:
        self._show_tab(TAB_DAY)
        self.form.go_to(self.form.date + dt.timedelta(days=days))

    def _on_form_date_chosen(self, date: dt.date) -> None:
        self._shown = self.state.entry(date)  # the version a save may replace
        self.form.show_entry(date, self._shown)

    def _on_history_delete_day(self, date: dt.date) -> None:
        answer = QMessageBox.question(self, "Delete day",
                                      f"Delete everything recorded for {day_title(date)}?\n\n"
                                      "You can undo this with Ctrl+Z.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.state.delete_day(date)
        except JournalWriteError as error:
            QMessageBox.warning(self, "Not deleted", str(error))
            return
        self.saved_label.setText(f"Deleted {day_title(date)}. Undo with Ctrl+Z.")

    def _on_state_changed(self, changes: Changes) -> None:
        """Reload what *changes* touched: everything after a switch or a restore; else the
        changed days in the history, the form if it shows one of them, and the counts."""
        if changes.everything:
            self._on_journal_opened()
            return
        if not changes.days:
            return
        self._refresh_views(changes.days)
        if self.form.date in changes.days and not self.form.is_dirty():
            self._on_form_date_chosen(self.form.date)

    def _refresh_views(self, days: frozenset[dt.date] | None = None) -> None:
        """The history, tag completion and counts; only the rows of *days* when given."""
        try:
            if self._painted:
                tags = self.state.tags()
                if days is None:
                    self.history.set_entries(self.state.entries(), tags)
                else:
                    self.history.update_days({d: self.state.entry(d) for d in days}, tags)
                self.form.set_known_tags(tags)
            today = dt.date.today()
            logged = self.state.days_logged(today.replace(day=1), today)
            count = self.state.count()
        except sqlite3.DatabaseError as error:  # damage found while reading
            from journal.storage.inspection import unusable

            self._recover(unusable(self.state.db_path, error, verb="read"))
            return
        self.month_label.setText(f"{logged} {'day' if logged == 1 else 'days'} logged in "
                                 f"{today:%B}")
        self.welcome.setVisible(count == 0 and not self._is_sample())

    def _recover(self, error: StorageError) -> bool:
        """The journal turned out damaged: offer its newest good backup, or close.

        Nothing is saved meanwhile, and never into a new, empty journal. True if restored.
        """
        from journal.ui.recovery import APP_NAME, offer_backup

        if isinstance(error, CorruptJournalError) and error.backup is not None \
                and offer_backup(self, error):
            try:
                done = self.state.restore(error.backup)
            except StorageError as failure:
                error = failure
            else:
                kept = f" The damaged journal is kept as {done.kept.name}." if done.kept else ""
                self._status(f"Restored the backup {error.backup.name}.{kept} {done.note}".strip())
                return True
        QMessageBox.critical(self, APP_NAME, f"{error} The app will close now.")
        self._abandoned = True
        self.close()
        return False

    # Journals ----------------------------------------------------------------------------------
    def _is_sample(self) -> bool:
        return self.state.db_path.name == DEMO_FILENAME  # by name: cheap, on every refresh

    def _on_journal_opened(self) -> None:
        self.sample_banner.setVisible(self._is_sample())
        self._refresh_views()
        self._on_form_date_chosen(dt.date.today())
        self._update_title()
        self.form.focus_first_field()

    def _update_title(self) -> None:
        name = "SAMPLE DATA" if self._is_sample() else self.state.db_path.name
        self.setWindowTitle(f"Pain & Mood Journal — {name}[*]")
        self.setWindowModified(self.form.is_dirty())

    def _switch_journal(self, path: Path) -> bool:
        if not self._may_leave_day():
            return False
        try:
            self.state.open_journal(path)
        except StorageError as error:
            QMessageBox.warning(self, "Cannot open journal", str(error))
            return False
        return True

    def _on_sample_clicked(self) -> None:
        from journal.demo import demo_entries

        if self._switch_journal(demo_db_path(self.home_db)) and self.state.count() == 0:
            try:
                self.state.add_sample_days(demo_entries(SAMPLE_DAYS))
            except JournalWriteError as error:
                QMessageBox.warning(self, "No sample data", str(error))

    def _on_log_today_clicked(self) -> None:
        self.welcome.hide()
        self._open_day(dt.date.today())

    def _on_report(self) -> None:
        from journal.ui.report_dialog import ReportDialog  # matplotlib loads with it

        if self.report_dialog is None:
            self.report_dialog = ReportDialog(self.state, self.settings, self)
            self.report_dialog.saved.connect(
                lambda path: self._status(f"Saved the report to {path}."))
        self.report_dialog.show()  # not modal: the window stays usable while it writes
        self.report_dialog.raise_()

    def _on_medications(self) -> None:
        from journal.ui.medications_dialog import MedicationsDialog  # loads on first use

        MedicationsDialog(self.state, self.form.date, self).exec()

    def _on_as_needed_dose(self) -> None:
        from journal.ui.medications_dialog import log_as_needed

        self._status(log_as_needed(self, self.state, self.form.date) or None)

    def _on_backups(self) -> None:
        from journal.ui.backups_dialog import BackupsDialog

        BackupsDialog(self.state, self).exec()

    def _backup_daily(self) -> None:
        """At most one automatic backup a day while the app runs (and one on close)."""
        try:
            self.state.backup_if_due()
        except StorageError as error:
            self.saved_label.setText(f"Automatic backup failed: {error}")

    def _on_export(self) -> None:
        self._status(_files().export_data(self, self.state))

    def _on_import(self) -> None:
        self._status(_files().import_data(self, self.state))

    def _on_open_journal(self) -> None:
        try:
            path = _files().choose_journal(self)
        finally:
            self._after_file_dialog()
        if path and self._switch_journal(path):
            self.home_db = path
            self._status(f"Opened {path}.")

    def _after_file_dialog(self) -> None:
        """Qt's file dialog may have opened the journal (see file_actions.ask_file)."""
        try:
            self.state.journal.reconnect()
        except (StorageError, sqlite3.Error):
            pass  # the next write says what is wrong

    def _status(self, text: str | None) -> None:
        if text:
            self.saved_label.setText(text)

    def _show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def _on_tab_changed(self, index: int) -> None:
        if index == TAB_CHARTS and self.chart_panel is None:
            from journal.ui.chart_panel import ChartPanel  # matplotlib loads here, not at start

            self.chart_panel = ChartPanel(self.state)
            splitter = self.settings.value("charts/splitter")
            if splitter is not None:
                self.chart_panel.splitter.restoreState(splitter)
            self.charts_page.layout().addWidget(self.chart_panel)

    # Window state ------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(980, 860)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        last_tab = int(self.settings.value("window/tab", TAB_DAY))
        self.tabs.setCurrentIndex(last_tab if last_tab != TAB_CHARTS else TAB_DAY)  # start light

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._abandoned:
            self._backup_timer.stop()
            self.state.close()
            event.accept()
            return
        if not self._may_leave_day():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        if self.history is not None:
            self.settings.setValue("history/header",
                                   self.history.table.horizontalHeader().saveState())
        try:
            self.state.backup_if_due(closing=True)
        except (StorageError, sqlite3.Error, OSError):
            pass  # closing must never be blocked; the journal itself is safe on disk
        if self.chart_panel is not None:
            self.settings.setValue("charts/splitter", self.chart_panel.splitter.saveState())
        self.settings.sync()
        self._backup_timer.stop()  # its journal closes now
        self.state.close()
        event.accept()


def _files():  # noqa: ANN202 - File menu flows load on first use (start-up stays light)
    from journal.ui import file_actions

    return file_actions


def _help():  # noqa: ANN202 - Help menu windows load on first use
    from journal.ui import help_dialogs

    return help_dialogs
