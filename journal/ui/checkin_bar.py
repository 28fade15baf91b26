"""The check-ins' place on the day page: buttons to take a PHQ-9 or GAD-7, the past ones, and
a gentle, dismissable prompt when the last check-in is two weeks old or more.

Built just after the first paint (start-up stays light); the dialogs load when opened.
The prompt never nags: one "Not now" keeps it away for two weeks, and it can be turned off
(here or with Go > Remind me about check-ins).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from journal.domain.checkin_words import prompt_due
from journal.domain.questionnaires import INSTRUMENT_KEYS, Checkin
from journal.journal import Changes
from journal.ui.state import JournalState
from journal.ui.widgets import TARGET

REMIND_SETTING = "checkins/remind"
DISMISSED_SETTING = "checkins/prompt_dismissed_on"
WHAT = {"phq9": "Mood check-in (PHQ-9)…", "gad7": "Anxiety check-in (GAD-7)…"}


class CheckinBar(QWidget):
    """Parameters
    ----------
    state
        The open journal.
    settings
        The reminder's on/off and when it was last dismissed; the user's country.
    day
        The day the form shows (a new check-in is for that day).
    today
        Today (a parameter so that tests can move the calendar).
    """

    #: Whether the reminder is on changed (for the Go menu's check mark).
    reminder_toggled = Signal(bool)

    def __init__(self, state: JournalState, settings: QSettings, day: Callable[[], dt.date],
                 today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.settings, self._day, self._today = state, settings, day, today
        self.dialog = None
        self.list_dialog = None
        self.take_buttons = {key: QPushButton(WHAT[key]) for key in INSTRUMENT_KEYS}
        self.past_button = QPushButton("Past check-ins…")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Check-ins every two weeks or so:"))
        for key, button in self.take_buttons.items():
            button.setMinimumHeight(TARGET)
            button.clicked.connect(lambda _c=False, k=key: self.take(k))
            row.addWidget(button)
        self.past_button.setMinimumHeight(TARGET)
        self.past_button.clicked.connect(self.show_past)
        row.addWidget(self.past_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._prompt())
        layout.addLayout(row)
        state.changed.connect(self._on_state_changed)
        self.refresh_prompt()

    def _prompt(self) -> QFrame:
        self.prompt = QFrame()
        self.prompt.setObjectName("prompt")
        self.prompt.setStyleSheet("#prompt { border: 1px solid palette(mid); border-radius: 6px; }")
        self.prompt.setAccessibleName("Check-in reminder")
        self.prompt_text = QLabel()
        self.prompt_text.setWordWrap(True)
        self.not_now_button = QPushButton("Not now")
        self.never_button = QPushButton("Don't remind me")
        self.not_now_button.clicked.connect(self.dismiss)
        self.never_button.clicked.connect(lambda: self.set_reminder(False))
        row = QHBoxLayout(self.prompt)
        row.addWidget(self.prompt_text, 1)
        for button in (self.not_now_button, self.never_button):
            button.setMinimumHeight(TARGET)
            row.addWidget(button)
        self.prompt.hide()
        return self.prompt

    # The reminder --------------------------------------------------------------------------
    @property
    def reminder_on(self) -> bool:
        return str(self.settings.value(REMIND_SETTING, "true")).lower() == "true"

    def set_reminder(self, on: bool) -> None:
        self.settings.setValue(REMIND_SETTING, "true" if on else "false")
        self.reminder_toggled.emit(on)
        self.refresh_prompt()

    def dismiss(self) -> None:
        """Not now: the prompt stays away for two weeks."""
        self.settings.setValue(DISMISSED_SETTING, self._today().isoformat())
        self.refresh_prompt()

    def refresh_prompt(self) -> None:
        last = self.state.last_checkin_date()
        today = self._today()
        dismissed = self.settings.value(DISMISSED_SETTING)
        try:
            dismissed_on = dt.date.fromisoformat(str(dismissed)) if dismissed else None
        except ValueError:
            dismissed_on = None
        due = prompt_due(last, today, enabled=self.reminder_on, dismissed_on=dismissed_on)
        if due:
            days = (today - last).days
            self.prompt_text.setText(
                f"Your last check-in was {days} days ago. If you feel like it, a new one takes "
                "about two minutes; your doctor can then see how things have gone over time.")
        self.prompt.setVisible(due)

    def _on_state_changed(self, changes: Changes) -> None:
        if changes.checkins or changes.everything:
            self.refresh_prompt()

    # Taking, changing, deleting -------------------------------------------------------------
    def take(self, key: str, existing: Checkin | None = None) -> None:
        """Open the check-in dialog for the form's day (or to change *existing*)."""
        from journal.ui.checkin_dialog import CheckinDialog  # loads on first use

        date = existing.date if existing is not None else self._day()
        self.dialog = CheckinDialog(self.state, key, date, self.settings, self, existing)
        self.dialog.open()  # window-modal, without a nested event loop

    def show_past(self) -> None:
        from journal.ui.checkins_list import CheckinsList

        if self.list_dialog is None:
            self.list_dialog = CheckinsList(self.state, self)
            self.list_dialog.change_requested.connect(lambda c: self.take(c.instrument, c))
        self.list_dialog.reload()
        self.list_dialog.show()
        self.list_dialog.raise_()
