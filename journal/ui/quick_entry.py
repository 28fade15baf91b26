"""Quick entry: pain and mood for today in a small window, digit, digit, Enter.

Saved as today's entry with every other field kept as it was (a partial day; the rest
can be added later in the full form). Opened from the tray menu, from File > Quick
entry (Ctrl+Shift+N) in the window, or with ``pain-journal quick``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from journal.domain import MEASURE_BY_KEY, Entry
from journal.ui.score_input import ScoreSpinBox
from journal.ui.state import JournalState, JournalWriteError, day_title
from journal.ui.widgets import TARGET, is_enter

FIELDS = ("pain", "mood")


class QuickEntry(QDialog):
    """Pain, then mood, then Enter saves today; Escape closes without saving.

    A digit that cannot start a longer score (2 to 9, or 0) moves on to the next box at
    once, so "6 4 Enter" is the whole entry; after a 1, a 0 makes 10 and any other
    digit goes to the next box.
    """

    saved = Signal(object)

    def __init__(self, state: JournalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle("Quick entry — Pain & Mood Journal")
        self.day = dt.date.today()
        self.title = QLabel(f"<b>{day_title(self.day)}</b>: type pain, then mood, then Enter.")
        self.boxes = {key: ScoreSpinBox(MEASURE_BY_KEY[key].scale) for key in FIELDS}
        grid = QGridLayout()
        for row, key in enumerate(FIELDS):
            measure = MEASURE_BY_KEY[key]
            label = QLabel(measure.mnemonic_label)
            box = self.boxes[key]
            label.setBuddy(box)
            box.setAccessibleName(measure.label)
            box.setToolTip(measure.scale.describe())
            box.installEventFilter(self)
            grid.addWidget(label, row, 0)
            grid.addWidget(box, row, 1)
            grid.addWidget(QLabel(measure.scale.describe()), row, 2)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton("Save")
        self.save_button.setMinimumHeight(TARGET)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(QLabel("The rest of the day can be added later in the full form."))
        layout.addWidget(self.message)
        layout.addWidget(self.save_button)
        existing = self._today()
        for key, box in self.boxes.items():
            value = getattr(existing, key) if existing else None
            box.setValue(box.minimum() if value is None else value)
        self.boxes["pain"].setFocus()
        self.boxes["pain"].selectAll()

    def values(self) -> dict[str, int | None]:
        return {key: None if box.value() == box.minimum() else box.value()
                for key, box in self.boxes.items()}

    def save(self) -> bool:
        """Save pain and mood into today's entry, keeping its other fields; close if done."""
        values = self.values()
        existing = self._today()
        if existing is None and all(v is None for v in values.values()):
            self.message.setText("Type a pain or a mood score first.")
            return False
        entry = dataclasses.replace(existing or Entry(self.day), **values)
        try:
            stored = self.state.save_entry(entry, expected=existing)
        except JournalWriteError as error:
            self.message.setText(f"Not saved: {error}")
            return False
        self.saved.emit(stored)
        self.accept()
        return True

    def _today(self) -> Entry | None:
        return self.state.entry(self.day)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return False
        if is_enter(event):
            watched.interpretText()
            self.save()
            return True
        if watched is self.boxes["pain"] and _digit(event) is not None:
            return self._pain_digit(watched, _digit(event))
        return False

    def _pain_digit(self, box: ScoreSpinBox, digit: int) -> bool:
        """After a 1, a digit other than 0 belongs to mood; a complete score moves on."""
        whole = box.lineEdit().selectedText() == box.text()
        typed = "" if whole or box.value() == box.minimum() else box.cleanText().strip()
        if typed == "1" and digit != 0:
            self._to_mood(digit)
            return True
        if typed and typed != "1":  # already a whole score: the digit is mood's
            self._to_mood(digit)
            return True
        box.setValue(digit if typed == "" else 10)
        if digit != 1:  # 0 or 2-9 (or 10): nothing longer can follow
            self._to_mood(None)
        return True

    def _to_mood(self, digit: int | None) -> None:
        mood = self.boxes["mood"]
        mood.setFocus()
        mood.selectAll()
        if digit is not None:  # typed on from the pain box: as if typed here
            mood.setValue(digit)
            mood.lineEdit().end(False)


def _digit(event: QKeyEvent) -> int | None:
    text = event.text()
    return int(text) if len(text) == 1 and "0" <= text <= "9" else None
