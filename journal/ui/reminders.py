"""The tray icon and the daily reminder (built after the first paint, never before).

The rules of when are in `journal.domain.reminders` (a pure function); this module reads
the clock, keeps the state in the settings, and shows Qt's own tray message. Reminders
are off until the person picks a time (``reminder/time`` in the settings).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from journal.domain.dates import utc_now
from journal.domain.reminders import (
    SNOOZE_MINUTES,
    ReminderState,
    is_due,
    next_reminder,
    parse_time,
    shown,
    snoozed,
)
from journal.ui.icon import app_icon

TIME_KEY = "reminder/time"          # "20:00", or "" for off (the default)
SHOWN_KEY = "reminder/shown_on"     # ISO date
SNOOZE_KEY = "reminder/snoozed_until"  # ISO time, aware
OFFERED_KEY = "reminder/offered"    # the offer after the first saved day was made
#: The longest wait between two looks at the clock (a suspended laptop, a changed clock).
MAX_WAIT_MS = 10 * 60 * 1000
TITLE = "Pain & Mood Journal"
TEXT = ("How was today? Pain and mood take a few seconds; everything else can wait. "
        "Click here for a quick entry.")


class Reminders(QObject):
    """Tray icon with its menu, and the reminder's timer.

    Parameters
    ----------
    settings
        Where the reminder time and its state are kept.
    is_logged
        Whether a date already has an entry.
    clock
        The current time, aware (tests pass a fake one).
    tz
        The time zone; None for the computer's own.
    """

    quick_entry_requested = Signal()
    open_requested = Signal()
    quit_requested = Signal()
    #: The reminder was raised, with its text (the window also shows it in its status bar).
    reminded = Signal(str)

    def __init__(self, settings: QSettings, is_logged: Callable[[dt.date], bool],
                 clock: Callable[[], dt.datetime] = utc_now, tz: dt.tzinfo | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.is_logged = is_logged
        self.clock = clock
        self.tz = tz
        #: True while the person is looking at the journal: the reminder goes to the status
        #: bar only, no pop-up (the window sets it).
        self.quiet: Callable[[], bool] = lambda: False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.menu = QMenu()
        self.quick_action = self._action("&Quick entry: pain and mood…",
                                         self.quick_entry_requested.emit)
        self._action("&Open the journal", self.open_requested.emit)
        self.snooze_action = self._action(f"&Remind me in {SNOOZE_MINUTES} minutes", self.snooze)
        self.snooze_action.setEnabled(False)
        self.menu.addSeparator()
        self._action("Quit", self.quit_requested.emit)
        self.tray = QSystemTrayIcon(app_icon(), self)
        self.tray.setToolTip(TITLE)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._on_activated)
        self.tray.messageClicked.connect(self.quick_entry_requested.emit)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
        self.schedule()

    # The settings ------------------------------------------------------------------------------
    def reminder_time(self) -> dt.time | None:
        return parse_time(str(self.settings.value(TIME_KEY, "") or ""))

    def set_reminder_time(self, at: dt.time | None) -> None:
        self.settings.setValue(TIME_KEY, "" if at is None else f"{at:%H:%M}")
        self.schedule()

    def state(self) -> ReminderState:
        shown_on = _date(self.settings.value(SHOWN_KEY, ""))
        snooze = self.settings.value(SNOOZE_KEY, "")
        try:
            until = dt.datetime.fromisoformat(snooze) if snooze else None
        except (TypeError, ValueError):
            until = None
        return ReminderState(shown_on, until if until and until.tzinfo else None)

    def _keep(self, state: ReminderState) -> None:
        self.settings.setValue(SHOWN_KEY, state.shown_on.isoformat() if state.shown_on else "")
        self.settings.setValue(SNOOZE_KEY,
                               state.snoozed_until.isoformat() if state.snoozed_until else "")

    # The clock ---------------------------------------------------------------------------------
    def check(self) -> bool:
        """Raise the reminder if it is due now; then wait for the next. True if raised."""
        now = self.clock()
        due = is_due(now, self.reminder_time(), self.tz, self.is_logged, self.state())
        if due:
            self._keep(shown(now, self.tz))
            self.snooze_action.setEnabled(True)
            if (QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()
                    and not self.quiet()):
                self.tray.showMessage(TITLE, TEXT, app_icon(), 30_000)
            self.reminded.emit(TEXT)
        self.schedule()
        return due

    def schedule(self) -> None:
        now = self.clock()
        when = next_reminder(now, self.reminder_time(), self.tz, self.is_logged, self.state())
        if when is None:
            self.timer.stop()
            return
        wait = (when - now).total_seconds() * 1000
        self.timer.start(int(min(max(wait, 1000), MAX_WAIT_MS)))

    def snooze(self) -> None:
        self._keep(snoozed(self.clock(), self.tz))
        self.snooze_action.setEnabled(False)
        self.schedule()

    def close(self) -> None:
        self.timer.stop()
        self.tray.hide()

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:  # a left click
            self.open_requested.emit()


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
