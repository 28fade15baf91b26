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
#: The size the window asks for the first time, unless the screen is smaller.
FIRST_SIZE = (980, 860)
#: At most this share of the available screen, so the title bar and the status bar show.
SCREEN_SHARE = 0.9


def first_size(available_width: int, available_height: int) -> tuple[int, int]:
    """The first window size on a screen with this much room (taskbars excluded)."""
    return (min(FIRST_SIZE[0], int(available_width * SCREEN_SHARE)),
            min(FIRST_SIZE[1], int(available_height * SCREEN_SHARE)))


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
        self.reminders = None  # the tray icon and the daily reminder, after the first paint
        self.reminder_offer = None
        self.quick_entry = None
        self.tabs.addTab(self.charts_page, "Charts")
        self.setCentralWidget(self.tabs)
        self.saved_label = QLabel()
        self.month_label = QLabel()
        self.statusBar().addWidget(self.saved_label, 1)
        self.statusBar().addPermanentWidget(self.month_label)
        self._painted = False  # history, tag completion and write access wait for the first paint
        self._quitting = False
        self._in_tray = False  # started with the session: closing the window keeps the tray
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
        if self._quitting or self._painted or not (self.isVisible() or self._in_tray):
            return  # quitting, closed before it began, or done already
        self._painted = True
        self._set_icon()
        self._fill_menus()
        self._build_history()
        self._build_checkins()
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
        self._start_reminders()
        self._apply_settings()

    def _set_icon(self) -> None:
        from PySide6.QtWidgets import QApplication

        from journal.ui.icon import app_icon

        icon = app_icon()
        QApplication.instance().setWindowIcon(icon)  # dialogs and the quick entry too
        self.setWindowIcon(icon)

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

    def _build_checkins(self) -> None:
        """PHQ-9 / GAD-7 buttons and the gentle reminder, above the form (after the first paint)."""
        from journal.ui.checkin_bar import CheckinBar

        self.checkin_bar = CheckinBar(self.state, self.settings, lambda: self.form.date)
        self.checkin_bar.reminder_toggled.connect(self.remind_action.setChecked)
        self.remind_action.setChecked(self.checkin_bar.reminder_on)
        self.day_layout.insertWidget(2, self.checkin_bar)
        self.checkin_bar.show()  # at once (a layout shows a new child only on the next loop)

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
        layout = self.day_layout = QVBoxLayout(page)
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
        self.quick_action = action(file_menu, "Quic&k entry: pain and mood…",
                                   self.open_quick_entry, QKeySequence("Ctrl+Shift+N"))
        self.form.save_button.setToolTip(f"Save ({self.save_action.shortcut().toString()})")
        file_menu.addSeparator()
        action(file_menu, "&Doctor report…", self._on_report, QKeySequence(keys.Print))
        action(file_menu, "&Export data…", self._on_export, QKeySequence("Ctrl+E"))
        action(file_menu, "&Import…", self._on_import, QKeySequence("Ctrl+I"))
        action(file_menu, "Import from another &app…", self._on_import_from_app)
        action(file_menu, "&Open journal…", self._on_open_journal, QKeySequence("Ctrl+O"))
        action(file_menu, "&Backups…", self._on_backups)
        file_menu.addSeparator()
        action(file_menu, "&Quit", self.quit_app, QKeySequence("Ctrl+Q"))
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
        action(edit_menu, "Se&ttings…", self._on_settings, QKeySequence("Ctrl+,"))
        action(go_menu, "&Previous day", lambda: self._step_day(-1), QKeySequence("Alt+Left"))
        action(go_menu, "&Next day", lambda: self._step_day(1), QKeySequence("Alt+Right"))
        action(go_menu, "&Today", lambda: self._open_day(dt.date.today()), QKeySequence("Alt+Home"))
        go_menu.addSeparator()
        action(go_menu, "&Day form", lambda: self._show_tab(TAB_DAY), QKeySequence("Ctrl+1"))
        action(go_menu, "&History", lambda: self._show_tab(TAB_HISTORY), QKeySequence("Ctrl+2"))
        action(go_menu, "&Charts", lambda: self._show_tab(TAB_CHARTS), QKeySequence("Ctrl+3"))
        go_menu.addSeparator()  # questionnaires: the bar is built just after these menus
        action(go_menu, "&Mood check-in (PHQ-9)…", lambda: self.checkin_bar.take("phq9"))
        action(go_menu, "&Anxiety check-in (GAD-7)…", lambda: self.checkin_bar.take("gad7"))
        action(go_menu, "Past check-&ins…", lambda: self.checkin_bar.show_past())
        self.remind_action = action(go_menu, "&Remind me about check-ins",
                                    lambda on: self.checkin_bar.set_reminder(on))
        self.remind_action.setCheckable(True)
        action(help_menu, "&Get help now",  # the country chosen in a check-in, if any
               lambda: _help().show_get_help(self, self.settings.value("safety/country")))
        action(help_menu, "&Keyboard shortcuts", lambda: _help().show_shortcuts(self),
               QKeySequence(keys.HelpContents))
        action(help_menu, "&Where is my data?",
               lambda: _help().show_data_location(self, self.state.db_path))
        action(help_menu, "Try with &sample data", self._on_sample_clicked)
        help_menu.addSeparator()
        action(help_menu, "&About", lambda: _help().show_about(self))

    def _connect(self) -> None:
        self.form.entry_submitted.connect(self._on_form_entry_submitted)
        self.form.date_chosen.connect(self._on_form_date_chosen)
        self.form.changed.connect(self._update_title)
        self.form.copy_activities_requested.connect(self._copy_activities)
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
        self.form.focus_first_field()  # the next digit typed is a pain score, not a note
        self._offer_reminder()
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
                self._offer_catch_up()
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

    def _offer_catch_up(self) -> None:
        from journal.domain.catch_up import CATCH_UP_DAYS, missing_days

        today = dt.date.today()
        start = today - dt.timedelta(days=CATCH_UP_DAYS)
        logged = {e.date for e in self.state.entries(start, today)}
        older = self.state.days_logged(dt.date(1, 1, 1), start - dt.timedelta(days=1))
        since = None if older else min(logged, default=today)  # from the first entry on
        self.form.set_missing_days(missing_days(today, logged, since=since))

    def _copy_activities(self, day: dt.date) -> None:
        """Alt+Y: the form takes the activities of *day* (saved when the day is saved)."""
        source = self.state.entry(day)
        if source is None or source.activities is None:
            self.saved_label.setText(f"No activities recorded for {day_title(day)} to copy.")
            return
        self.form.activities.set_activities(source.activities)
        self.form.activities.changed.emit()
        self.saved_label.setText(f"Copied the activities of {day_title(day)}; save to keep them.")

    # Reminders and quick entry -----------------------------------------------------------------
    def _start_reminders(self) -> None:
        from journal.ui.reminders import Reminders

        if self.reminders is None:
            self.reminders = Reminders(self.settings, lambda day: self.state.entry(day) is not None,
                                       parent=self)
            self.reminders.quick_entry_requested.connect(self.open_quick_entry)
            self.reminders.open_requested.connect(self._bring_to_front)
            self.reminders.quit_requested.connect(self.quit_app)
            self.reminders.reminded.connect(self.saved_label.setText)
            self.reminders.quiet = self.isActiveWindow  # no pop-up over the open journal

    def _offer_reminder(self) -> None:
        """After the first saved day, once: would a daily reminder help?"""
        from journal.ui.reminders import OFFERED_KEY

        if (self.reminder_offer is not None or self.reminders is None or self._is_sample()
                or self.settings.value(OFFERED_KEY, False, bool)
                or self.reminders.reminder_time() is not None):
            return
        from journal.ui.reminder_offer import ReminderOffer

        self.settings.setValue(OFFERED_KEY, True)
        self.reminder_offer = ReminderOffer()
        self.reminder_offer.accepted.connect(self._on_reminder_accepted)
        self.day_layout.insertWidget(0, self.reminder_offer)
        self.reminder_offer.show()

    def _on_reminder_accepted(self, at: dt.time) -> None:
        self.reminders.set_reminder_time(at)
        self.saved_label.setText(f"A reminder comes at {at:%H:%M} on days without an entry. "
                                 "Change it in Edit > Settings.")
        self.form.focus_first_field()

    def open_quick_entry(self) -> None:
        """Pain and mood for today in a small window (tray, File menu, Ctrl+Shift+N)."""
        from journal.ui.quick_entry import QuickEntry

        if self.quick_entry is not None and self.quick_entry.isVisible():
            self.quick_entry.activateWindow()
            return
        self.quick_entry = QuickEntry(self.state, self)
        self.quick_entry.saved.connect(
            lambda entry: self._status(f"Saved pain and mood for {day_title(entry.date)}."))
        self.quick_entry.show()
        self.quick_entry.raise_()
        self.quick_entry.activateWindow()

    def _on_settings(self) -> None:
        from journal.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.home_db, self)
        if dialog.exec():
            self._apply_settings()
            self._status("Settings saved.")

    def _apply_settings(self) -> None:
        """What the settings change in a running window: the reminder, the calendars."""
        if self.reminders is not None:
            self.reminders.schedule()
        first_day = str(self.settings.value("calendar/first_day", "") or "")
        if first_day:
            from PySide6.QtCore import Qt

            day = Qt.DayOfWeek.Monday if first_day == "monday" else Qt.DayOfWeek.Sunday
            self.form.date_edit.calendarWidget().setFirstDayOfWeek(day)

    # In the tray ------------------------------------------------------------------------------
    def start_in_tray(self) -> bool:
        """Started with the session: stay in the tray, window hidden, until asked for.

        False (and nothing changes) when the desktop has no tray: then the window shows.
        """
        from PySide6.QtWidgets import QApplication, QSystemTrayIcon

        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        self._in_tray = True
        QApplication.instance().setQuitOnLastWindowClosed(False)
        QTimer.singleShot(0, self._on_first_paint)  # no paint comes while hidden
        return True

    def quit_app(self) -> None:
        """File > Quit and the tray's Quit: close for good, even when kept in the tray."""
        from PySide6.QtWidgets import QApplication

        self._in_tray = False
        if self.close():
            QApplication.instance().quit()

    def _bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

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

        if self._is_sample():
            self._status("This is the sample data; \"Back to my journal\" is at the top.")
            return
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

    def _on_import_from_app(self) -> None:
        from journal.ui.import_dialog import import_from_app  # loaded when chosen

        self._status(import_from_app(self, self.state))

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
            room = self.screen().availableGeometry()
            self.resize(*first_size(room.width(), room.height()))
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        last_tab = int(self.settings.value("window/tab", TAB_DAY))
        self.tabs.setCurrentIndex(last_tab if last_tab != TAB_CHARTS else TAB_DAY)  # start light

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._abandoned:
            self._backup_timer.stop()
            if self.reminders is not None:
                self.reminders.close()
            self.state.close()
            event.accept()
            return
        if not self._may_leave_day():
            event.ignore()
            return
        if self._in_tray and self.reminders is not None:  # back to the tray, still reminding
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.hide()
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
        if self.reminders is not None:
            self.reminders.close()
        self.state.close()
        event.accept()


def _files():  # noqa: ANN202 - File menu flows load on first use (start-up stays light)
    from journal.ui import file_actions

    return file_actions


def _help():  # noqa: ANN202 - Help menu windows load on first use
    from journal.ui import help_dialogs

    return help_dialogs
