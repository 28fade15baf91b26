"""Edit > Settings: the few choices of the app, in one place, each with its default.

Keys in the app's settings file (other parts of the app read them):

``reminder/time``      "HH:MM", or "" for no reminder (the default)
``crisis/country``     "US", "CA", "GB", "IE" or "other": whose crisis contacts to show
``report/paper``       "a4" or "letter" (default from the locale), as the report dialog keeps it
``calendar/first_day`` "monday", "sunday" or "" (the locale's)
Starting with the session is not a setting in the file: it is the XDG autostart entry itself.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from journal.desktop import DesktopError, set_autostart, starts_with_session
from journal.domain.reminders import DEFAULT_TIME, parse_time
from journal.report.options import default_paper
from journal.storage.backup import backups_dir

COUNTRY_KEY = "crisis/country"
PAPER_KEY = "report/paper"
FIRST_DAY_KEY = "calendar/first_day"
TIME_KEY = "reminder/time"
COUNTRIES = (("US", "United States"), ("CA", "Canada"), ("GB", "United Kingdom"),
             ("IE", "Ireland"), ("other", "Another country"))
PAPERS = (("a4", "A4"), ("letter", "US Letter"))
FIRST_DAYS = (("", "As the language settings say"), ("monday", "Monday"),
              ("sunday", "Sunday"))


def crisis_country(settings: QSettings) -> str:
    """The country whose crisis contacts to show ("other" unless the person chose one)."""
    value = str(settings.value(COUNTRY_KEY, "other") or "other")
    return value if value in dict(COUNTRIES) else "other"


class SettingsDialog(QDialog):
    """Reminder time, start with the session, crisis contacts' country, paper size, first
    day of the week, and where backups are kept."""

    def __init__(self, settings: QSettings, db_path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.settings = settings
        self.remind = QCheckBox("Remind me on days without an entry, at")
        self.remind.setAccessibleName("Daily reminder")
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName("Reminder time")
        at = parse_time(str(settings.value(TIME_KEY, "") or ""))
        self.remind.setChecked(at is not None)
        shown = at or DEFAULT_TIME
        self.time.setTime(QTime(shown.hour, shown.minute))
        self.time.setEnabled(at is not None)
        self.remind.toggled.connect(self.time.setEnabled)
        self.autostart = QCheckBox("Start with the session, in the tray (so the reminder can "
                                   "come while the window is closed)")
        self.autostart.setAccessibleName("Start with the session")
        self.autostart.setChecked(starts_with_session())
        self.country = _combo(COUNTRIES, crisis_country(settings), "Country for crisis contacts")
        self.paper = _combo(PAPERS, str(settings.value(PAPER_KEY, default_paper())),
                            "Paper size")
        self.first_day = _combo(FIRST_DAYS, str(settings.value(FIRST_DAY_KEY, "") or ""),
                                "First day of the week")
        backups = QLabel(f"{backups_dir(db_path)}<br><small>Verified copies are kept beside the "
                         "journal, one a day and on closing; File &gt; Backups… makes one now or "
                         "restores one. To keep a copy elsewhere, use File &gt; Export "
                         "data…</small>")
        backups.setWordWrap(True)
        backups.setAccessibleName("Backup folder")
        self.message = QLabel()
        self.message.setWordWrap(True)
        reminder_row = QHBoxLayout()
        reminder_row.addWidget(self.remind)
        reminder_row.addWidget(self.time)
        reminder_row.addStretch(1)
        form = QFormLayout()
        form.addRow("Reminder:", reminder_row)
        form.addRow("", self.autostart)
        form.addRow("Crisis contacts for:", self.country)
        form.addRow("Report paper size:", self.paper)
        form.addRow("First day of the week:", self.first_day)
        form.addRow("Backups:", backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def reminder_time(self) -> dt.time | None:
        if not self.remind.isChecked():
            return None
        picked = self.time.time()
        return dt.time(picked.hour(), picked.minute())

    def restore_defaults(self) -> None:
        self.remind.setChecked(False)
        self.time.setTime(QTime(DEFAULT_TIME.hour, DEFAULT_TIME.minute))
        self.autostart.setChecked(False)
        _choose(self.country, "other")
        _choose(self.paper, default_paper())
        _choose(self.first_day, "")

    def save(self) -> None:
        """Keep the choices; the window applies them (see MainWindow._on_settings)."""
        at = self.reminder_time()
        self.settings.setValue(TIME_KEY, "" if at is None else f"{at:%H:%M}")
        self.settings.setValue(COUNTRY_KEY, self.country.currentData())
        self.settings.setValue(PAPER_KEY, self.paper.currentData())
        self.settings.setValue(FIRST_DAY_KEY, self.first_day.currentData())
        self.settings.sync()
        if self.autostart.isChecked() != starts_with_session():
            try:
                set_autostart(self.autostart.isChecked())
            except DesktopError as error:
                self.message.setText(f"⚠ {error} The other settings were saved.")
                return
        self.accept()


def _combo(choices: tuple[tuple[str, str], ...], current: str, name: str) -> QComboBox:
    combo = QComboBox()
    for value, text in choices:
        combo.addItem(text, value)
    combo.setAccessibleName(name)
    _choose(combo, current)
    return combo


def _choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))
