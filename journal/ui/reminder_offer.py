"""The one-time offer of a daily reminder, shown after the first saved day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTimeEdit, QWidget

from journal.domain.reminders import DEFAULT_TIME
from journal.ui.widgets import TARGET


class ReminderOffer(QWidget):
    """"Would a daily reminder help?" with a time, Turn on, and No thanks. Asked once."""

    accepted = Signal(object)  # the dt.time picked
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setStyleSheet("#notice { border: 2px solid palette(highlight); border-radius: 6px; }")
        text = QLabel("Saved. Would a daily reminder help? It comes at the time you pick, only "
                      "on days without an entry, and never more than once a day.")
        text.setWordWrap(True)
        self.time = QTimeEdit(QTime(DEFAULT_TIME.hour, DEFAULT_TIME.minute))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName("Reminder time")
        self.turn_on = QPushButton("Remind me daily")
        self.no_thanks = QPushButton("No, thanks")
        row = QHBoxLayout(self)
        row.addWidget(text, 1)
        for widget in (self.time, self.turn_on, self.no_thanks):
            widget.setMinimumHeight(TARGET)
            row.addWidget(widget)
        self.turn_on.clicked.connect(self._on_turn_on)
        self.no_thanks.clicked.connect(self._on_no_thanks)

    def _on_turn_on(self) -> None:
        picked = self.time.time()
        self.hide()
        self.accepted.emit(dt.time(picked.hour(), picked.minute()))

    def _on_no_thanks(self) -> None:
        self.hide()
        self.declined.emit()
