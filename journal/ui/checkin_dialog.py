"""The PHQ-9 / GAD-7 check-in: one question per screen, then the result in words.

Big answer buttons, keys 0-3, Back and Next, no timer, nothing preselected. When PHQ-9's
item 9 is answered above 0, the crisis contacts appear at once inside the dialog; the
questionnaire goes on (nothing blocks, nothing is sent anywhere). Loaded only when opened.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.domain.checkin_words import previous_of, result_with_change
from journal.domain.crisis import crisis_contacts, safety_message
from journal.domain.questionnaires import Checkin, Option, instrument
from journal.ui.state import JournalState, JournalWriteError, day_title

COUNTRY_SETTING = "safety/country"
ANSWER_HEIGHT = 56  # px: big targets for tired eyes and shaky hands
_KEYS = {Qt.Key.Key_0: 0, Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3}


def _scaled(widget: QWidget, factor: float, bold: bool = False) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


class SafetyPanel(QFrame):
    """Crisis contacts for the user's country (a setting; "not set" lists every country's),
    and that the app tells nobody. A panel, never a blocking window."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("safety")
        self.setStyleSheet("#safety { border: 2px solid palette(highlight); border-radius: 6px; }")
        self.setAccessibleName("Crisis contacts")
        title = QLabel("You don't have to handle this alone")
        _scaled(title, 1.2, bold=True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.country = QComboBox()
        self.country.setAccessibleName("Your country")
        self.country.addItem("Not set: show every country", "")
        for region in crisis_contacts().regions:
            self.country.addItem(region.name, region.key)
        index = self.country.findData(str(settings.value(COUNTRY_SETTING, "")))
        self.country.setCurrentIndex(max(index, 0))
        self.country.currentIndexChanged.connect(self._on_country_changed)
        row = QHBoxLayout()
        label = QLabel("Your &country:")
        label.setBuddy(self.country)
        row.addWidget(label)
        row.addWidget(self.country)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self._show_text()

    def _on_country_changed(self) -> None:
        self.settings.setValue(COUNTRY_SETTING, self.country.currentData())
        self._show_text()

    def _show_text(self) -> None:
        self.text.setText(safety_message(self.country.currentData() or None))


class CheckinDialog(QDialog):
    """Take (or change) one questionnaire for *date*; saving goes through *state* (undoable).

    Parameters
    ----------
    state
        The open journal.
    key
        ``phq9`` or ``gad7``.
    date
        The day it is for.
    settings
        Where the user's country is kept (for the crisis contacts).
    existing
        The check-in to change; None to take a new one (nothing preselected).
    """

    #: The check-in was saved (the stored `Checkin`).
    saved = Signal(object)

    def __init__(self, state: JournalState, key: str, date: dt.date, settings: QSettings,
                 parent: QWidget | None = None, existing: Checkin | None = None) -> None:
        super().__init__(parent)
        self.state, self.settings, self.date = state, settings, date
        self.form = instrument(key)
        count = len(self.form.items)
        self.answers: list[int | None] = list(existing.answers) if existing else [None] * count
        self.difficulty = existing.difficulty if existing else None
        self.page = 0  # 0..count-1: the items; count: the difficulty question; then the result
        self.checkin: Checkin | None = None
        verb = "Change" if existing else "Take"
        self.setWindowTitle(f"{verb} the {self.form.name} of {day_title(date)}")
        self.setMinimumWidth(640)
        self.resize(760, 640)
        self._build()
        self._show_page()

    # Building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.safety = SafetyPanel(self.settings)
        self.safety.hide()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._question_page())
        self.pages.addWidget(self._result_page())
        self.back_button = QPushButton("◀ &Back")
        self.next_button = QPushButton("&Next ▶")
        for button in (self.back_button, self.next_button):
            button.setMinimumHeight(40)
        self.back_button.clicked.connect(lambda: self._go(-1))
        self.next_button.clicked.connect(lambda: self._go(1))
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        self.attribution = attribution = QLabel(f"{self.form.name}: {self.form.attribution}")
        attribution.setWordWrap(True)
        _scaled(attribution, 0.8)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.safety)
        inner.addWidget(self.pages, 1)
        scroll = QScrollArea()  # on a small screen it scrolls; the buttons are never squeezed
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(nav)
        layout.addWidget(attribution)

    def _question_page(self) -> QWidget:
        page = QWidget()
        self.progress = QLabel()
        self.stem = QLabel(self.form.stem)
        self.stem.setWordWrap(True)
        self.question = QLabel()
        self.question.setWordWrap(True)
        _scaled(self.question, 1.5, bold=True)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # nothing checked until chosen; choosing unchecks others
        layout = QVBoxLayout(page)
        for widget in (self.progress, self.stem, self.question):
            layout.addWidget(widget)
        self.answer_buttons: list[QPushButton] = []
        for score in range(4):
            button = QPushButton()
            button.setCheckable(True)
            button.setMinimumHeight(ANSWER_HEIGHT)
            _scaled(button, 1.2)
            button.setStyleSheet("QPushButton { text-align: left; padding-left: 16px; }"
                                 "QPushButton:checked { font-weight: bold; }")
            button.clicked.connect(lambda _checked=False, s=score: self.choose(s))
            self.group.addButton(button, score)
            self.answer_buttons.append(button)
            layout.addWidget(button)
        self.skip_hint = QLabel("This last question is not counted in the score; you may "
                                "skip it with Finish.")
        self.skip_hint.setWordWrap(True)
        layout.addWidget(self.skip_hint)
        layout.addStretch(1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName("Result")
        _scaled(self.result, 1.4, bold=True)
        self.band_note = QLabel()
        self.band_note.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout = QVBoxLayout(page)
        for widget in (self.result, self.band_note, self.error):
            layout.addWidget(widget)
        layout.addStretch(1)
        return page

    # Answering -----------------------------------------------------------------------------
    @property
    def on_difficulty(self) -> bool:
        return self.page == len(self.form.items)

    @property
    def done_answering(self) -> bool:
        return self.page > len(self.form.items)

    def _options(self) -> tuple[Option, ...]:
        return self.form.difficulty_options if self.on_difficulty else self.form.options

    def _current(self) -> int | None:
        return self.difficulty if self.on_difficulty else self.answers[self.page]

    def choose(self, score: int) -> None:
        """Answer the question on screen with *score* (a click or the keys 0-3), then go on."""
        if self.done_answering:
            return
        if self.on_difficulty:
            self.difficulty = score
        else:
            self.answers[self.page] = score
            item = self.form.items[self.page]
            if item.safety and score > 0:
                self.safety.show()  # at once, and the questionnaire goes on
        self._go(1)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        score = _KEYS.get(Qt.Key(event.key()))
        if score is not None and not self.done_answering and not event.modifiers():
            self.choose(score)
            return
        super().keyPressEvent(event)

    def _go(self, step: int) -> None:
        if self.done_answering:
            if step > 0:
                self.accept()
            return
        if step > 0 and not self.on_difficulty and self.answers[self.page] is None:
            return  # every scored item needs its answer
        if step > 0 and self.on_difficulty:
            self._finish()
            return
        self.page = max(0, self.page + step)
        self._show_page()

    def _show_page(self) -> None:
        count = len(self.form.items)
        if self.done_answering:
            self.pages.setCurrentIndex(1)
            self.back_button.hide()
            self.next_button.setText("&Done")
            self.next_button.setEnabled(True)
            self.next_button.setFocus()
            return
        self.pages.setCurrentIndex(0)
        if self.on_difficulty:
            self.progress.setText(f"{self.form.name}, last question (not scored)")
            self.question.setText(self.form.difficulty_text)
            self.stem.hide()
        else:
            self.progress.setText(f"{self.form.name}, question {self.page + 1} of {count}")
            self.question.setText(self.form.items[self.page].text)
            self.stem.show()
        self.skip_hint.setVisible(self.on_difficulty)
        width = max(self.question.width(), self.minimumWidth() - 40)
        self.question.setMinimumHeight(self.question.heightForWidth(width))  # whole, wrapped
        current = self._current()
        for button, option in zip(self.answer_buttons, self._options(), strict=True):
            button.setText(f"{option.score}    {option.text}")
            button.setAccessibleName(option.text)
            button.setChecked(option.score == current)
        self.back_button.setEnabled(self.page > 0)
        self.next_button.setText("&Finish" if self.on_difficulty else "&Next ▶")
        self.next_button.setEnabled(self.on_difficulty or current is not None)
        self.answer_buttons[current if current is not None else 0].setFocus()

    def _finish(self) -> None:
        checkin = Checkin(self.form.key, self.date, tuple(self.answers), self.difficulty)
        try:
            self.state.save_checkin(checkin)
        except JournalWriteError as error:
            QMessageBox.warning(self, "Not saved", str(error).replace(
                "Your entry is still in the form.", "Your answers are still here."))
            return
        self.checkin = checkin
        self.page += 1
        previous = previous_of(checkin, self.state.checkins(end=self.date))
        self.result.setText(result_with_change(checkin, previous) + ".")
        band = checkin.band
        self.band_note.setText(
            f"{self.form.name} scores of {band.low} to {band.high} are usually described as "
            f"“{band.words}”. This is not a diagnosis: the score is for talking over with your "
            "doctor or therapist. Saved in your journal; Edit > Undo takes it back.")
        self.saved.emit(checkin)
        self._show_page()
