"""The day form: everything about one day, keyboard first, nothing required."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain import MEASURE_BY_KEY, Entry, ValidationError, field_label
from journal.domain.parse import parse_sleep, sleep_text
from journal.ui.activity_editor import ActivityEditor
from journal.ui.score_input import ScoreInput
from journal.ui.state import day_title
from journal.ui.tag_input import TagInput
from journal.ui.widgets import (
    ALIGN_RIGHT_TOP,
    NO_FOCUS,
    TARGET,
    date_edit,
    qdate,
    signals_blocked,
)

#: The form's rows, top to bottom (layout is a decision, so it is explicit; a test names any
#: measure of the registry that is neither here nor in NOT_SHOWN).
FORM_ROWS = ("pain", "worst_pain", "pain_interference", "mood", "energy", "sleep_hours",
             "sleep_quality", "activities", "tags", "notes")
NOT_SHOWN: frozenset[str] = frozenset()
#: The rating scales of the form, in order: a spin box and a row of number buttons each.
SCORE_FIELDS = tuple(key for key in FORM_ROWS
                     if key in MEASURE_BY_KEY and MEASURE_BY_KEY[key].scale is not None)
# Alt+letter for each field, unique in the window (Alt+S saves, Alt+A adds an activity,
# Alt+E/F/G/H open the menus); the measures' letters are in the registry.
_MNEMONIC_LABELS = {**{m.key: m.mnemonic_label for m in MEASURE_BY_KEY.values()},
                    "activities": "Activities", "tags": "&Tags", "notes": "&Notes"}


class EntryForm(QWidget):
    """Edit one day. Emits `entry_submitted` with a valid Entry; never writes anything itself.

    Parameters
    ----------
    may_leave
        Called before the form moves to another day while it has unsaved
        changes; returns False to stay (the main window asks the user).
    """

    entry_submitted = Signal(object)
    #: The user moved to another day (after `may_leave` agreed); the owner loads it.
    date_chosen = Signal(object)
    changed = Signal()
    #: Alt+Y: the owner fills in the activities of the day before the one shown.
    copy_activities_requested = Signal(object)

    def __init__(self, may_leave: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._may_leave = may_leave
        self._date = dt.date.today()
        self._saved: tuple = ()
        self._build()
        self.show_entry(self._date, None)

    # What the owner calls ----------------------------------------------------------------------
    @property
    def date(self) -> dt.date:
        return self._date

    def show_entry(self, date: dt.date, entry: Entry | None) -> None:
        """Show *entry* (or an empty day) for *date*; the form becomes "no unsaved changes"."""
        entry = entry or Entry(date)
        self._date = date
        with signals_blocked(self.date_edit):
            self.date_edit.setMaximumDate(qdate(max(dt.date.today(), date)))
            self.date_edit.setDate(qdate(date))
        self.day_label.setText(day_title(date) + (" (today)" if date == dt.date.today() else ""))
        self.next_button.setEnabled(date < dt.date.today())
        for name in SCORE_FIELDS:
            self.scores[name].set_value(getattr(entry, name))
        self.sleep.setText("" if entry.sleep_hours is None else sleep_text(entry.sleep_hours))
        self.activities.set_activities(entry.activities)
        self.tags.set_tags(entry.tags)
        self.notes.setPlainText(entry.notes or "")
        self.clear_errors()
        self.set_missing_days(self._missing)  # the catch-up key skips the day shown
        self.mark_saved()

    def mark_saved(self) -> None:
        self._saved = self._raw()
        self.changed.emit()

    def is_dirty(self) -> bool:
        return self._raw() != self._saved

    def entry(self) -> Entry:
        """The form as an Entry; raises ValidationError naming the first bad field."""
        return Entry(
            date=self._date,
            **{name: self.scores[name].value() for name in SCORE_FIELDS},
            sleep_hours=parse_sleep(self.sleep.text()),
            activities=self.activities.activities(),
            tags=self.tags.tags(),
            notes=self.notes.toPlainText(),
        )

    def show_error(self, error: ValidationError) -> None:
        """Show *error* next to its field and put the cursor there; what was typed stays."""
        self.clear_errors()
        key = "activities" if error.field.startswith("activity") else error.field
        label = self._errors.get(key, self._errors["notes"])
        label.setText(f"⚠ {error}")
        label.show()
        self._inputs.get(key, self.notes).setFocus()

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()

    def set_known_tags(self, tags: list[str]) -> None:
        self.tags.set_known_tags(tags)

    def focus_first_field(self) -> None:
        self.scores["pain"].spin.setFocus()
        self.scores["pain"].spin.selectAll()

    def set_missing_days(self, days: list[dt.date]) -> None:
        """Offer the days of the past week without an entry (*days*, oldest first).

        A plain list and one key (Alt+C) to the latest of them: no counts, no streaks.
        """
        self._missing = days
        if not days and self.catch_up is None:
            return
        self._build_catch_up_row()
        others = [day for day in days if day != self._date]
        self.catch_up.setVisible(bool(days))
        if not days:
            return
        names = ", ".join(f"{day:%a} {day.day} {day:%b}" for day in days)
        self.catch_up_label.setText(f"No entry yet for {names}. Fill one in now or any time "
                                    "later, only if you like.")
        self.catch_up_button.setVisible(bool(others))
        if others:
            self.catch_up_button.setText(f"&Catch up: {others[-1]:%A} {others[-1].day}")

    def _on_catch_up_clicked(self) -> None:
        others = [day for day in self._missing if day != self._date]
        if others:
            self.go_to(others[-1])

    def route_undo_after_save(self) -> None:
        """Make Ctrl+Z mean one thing at a time (called once, after the first paint).

        While the day has unsaved changes, Ctrl+Z in a field undoes the typing, as in any
        text box. Once the day is saved (nothing unsaved), the same keys in a field go to
        Edit > Undo and undo the save, so the form never shows what the journal does not hold.
        """
        from PySide6.QtWidgets import QApplication

        QApplication.instance().installEventFilter(_UndoRouter(self))

    def submit(self) -> None:
        try:
            entry = self.entry()
        except ValidationError as error:
            self.show_error(error)
            return
        self.clear_errors()
        self.entry_submitted.emit(entry)

    # Building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.scores = {name: ScoreInput(field_label(name), MEASURE_BY_KEY[name].scale)
                       for name in SCORE_FIELDS}
        self.sleep = QLineEdit()
        self.sleep.setPlaceholderText("last night, e.g. 7 h 30, 7.5 or 7:30")
        self.sleep.setMaximumWidth(220)
        self.sleep.setMinimumHeight(TARGET)
        self.activities = ActivityEditor()
        self.tags = TagInput()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("Anything you want to remember about today")
        self.notes.setMaximumHeight(110)
        self.save_button = QPushButton("&Save day")
        self.save_button.setMinimumHeight(TARGET + 6)
        self.save_button.setDefault(True)
        self._inputs: dict[str, QWidget] = {
            **{name: self.scores[name].spin for name in self.scores},
            "sleep_hours": self.sleep, "activities": self.activities.add_button,
            "tags": self.tags, "notes": self.notes,
        }
        self._errors = {key: _error_label() for key in self._inputs}
        layout = QVBoxLayout(self)
        bar = self._date_bar()
        layout.addWidget(self.day_label)
        layout.addLayout(bar)
        self._missing: list[dt.date] = []
        self.catch_up: QWidget | None = None  # built when there is a day to catch up on
        layout.addLayout(self._fields_grid())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._set_tab_order()
        self._connect()

    def _set_tab_order(self) -> None:
        """Tab follows the visual order: date bar, then the fields top to bottom, then Save."""
        fields = {**{name: [score.spin] for name, score in self.scores.items()},
                  "sleep_hours": [self.sleep],
                  "activities": [self.activities.add_button, self.activities.none_box],
                  "tags": [self.tags], "notes": [self.notes]}
        chain = [self.prev_button, self.date_edit, self.next_button, self.today_button,
                 *(widget for key in FORM_ROWS for widget in fields[key]), self.save_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _date_bar(self) -> QHBoxLayout:
        self.prev_button = QPushButton("◀ Previous day")
        self.prev_button.setAccessibleName("Previous day")
        self.prev_button.setToolTip("Previous day (Alt+Left)")
        self.next_button = QPushButton("Next day ▶")
        self.next_button.setAccessibleName("Next day")
        self.next_button.setToolTip("Next day (Alt+Right)")
        self.today_button = QPushButton("Today")
        self.date_edit = date_edit("Date")
        self.date_edit.setMinimumDate(QDate(1900, 1, 1))
        self.day_label = QLabel()
        font = self.day_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.day_label.setFont(font)
        bar = QHBoxLayout()
        date_label = QLabel("&Date")
        date_label.setBuddy(self.date_edit)
        for widget in (self.prev_button, date_label, self.date_edit, self.next_button,
                       self.today_button):
            widget.setMinimumHeight(TARGET)
            bar.addWidget(widget)
        bar.addStretch(1)
        return bar

    def _build_catch_up_row(self) -> None:
        if self.catch_up is not None:
            return
        self.catch_up = QWidget()
        self.catch_up_label = QLabel()
        self.catch_up_label.setWordWrap(True)
        self.catch_up_button = QPushButton("&Catch up")
        self.catch_up_button.setMinimumHeight(TARGET)
        self.catch_up_button.setProperty("focusPolicy", NO_FOCUS)  # Alt+C; Tab stays short
        self.catch_up_button.setToolTip("Go to the latest day without an entry (Alt+C)")
        row = QHBoxLayout(self.catch_up)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.catch_up_label, 1)
        row.addWidget(self.catch_up_button)
        self.catch_up_button.clicked.connect(self._on_catch_up_clicked)
        self.layout().insertWidget(2, self.catch_up)  # under the day's title and the date bar

    def _focus_after(self, key: str) -> None:
        """Enter in a field: on to the next field of the form (the Save button at the end)."""
        index = FORM_ROWS.index(key) + 1
        target = self._inputs[FORM_ROWS[index]] if index < len(FORM_ROWS) else self.save_button
        target.setFocus()
        if target in (score.spin for score in self.scores.values()) or target is self.sleep:
            target.selectAll()

    def _fields_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        widgets = {**self.scores, "sleep_hours": self.sleep, "activities": self.activities,
                   "tags": self.tags, "notes": self.notes}
        for index, key in enumerate(FORM_ROWS):
            widget = widgets[key]
            label = QLabel(_MNEMONIC_LABELS[key])
            label.setBuddy(self._inputs[key])
            label.setProperty("alignment", ALIGN_RIGHT_TOP)
            label.setContentsMargins(0, 8, 8, 0)
            if key not in self.scores and key != "activities":  # scores name themselves
                self._inputs[key].setAccessibleName(label.text().replace("&", ""))
            grid.addWidget(label, 2 * index, 0)
            grid.addWidget(widget, 2 * index, 1)
            grid.addWidget(self._errors[key], 2 * index + 1, 1)
        return grid

    def _connect(self) -> None:
        for key, score in self.scores.items():
            score.value_changed.connect(self.changed)
            score.spin.entered.connect(lambda key=key: self._focus_after(key))
        self.sleep.returnPressed.connect(lambda: self._focus_after("sleep_hours"))
        self.activities.entered.connect(lambda: self._focus_after("activities"))
        self.activities.copy_button.clicked.connect(
            lambda: self.copy_activities_requested.emit(self._date - dt.timedelta(days=1)))
        self.sleep.textChanged.connect(self.changed)
        self.activities.changed.connect(self.changed)
        self.tags.textChanged.connect(self.changed)
        self.notes.textChanged.connect(self.changed)
        self.save_button.clicked.connect(self.submit)
        self.prev_button.clicked.connect(lambda: self.go_to(self._date - dt.timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.go_to(self._date + dt.timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.go_to(dt.date.today()))
        self.date_edit.dateChanged.connect(lambda qdate: self.go_to(qdate.toPython()))

    def go_to(self, date: dt.date) -> None:
        """Move to *date* (not after today) if the unsaved-changes check allows."""
        date = min(date, dt.date.today())
        if date == self._date:
            return
        if self.is_dirty() and not self._may_leave():
            with signals_blocked(self.date_edit):
                self.date_edit.setDate(qdate(self._date))
            return
        self.date_chosen.emit(date)
        if not self.date_edit.hasFocus():  # typing a date goes on in the date box
            self.focus_first_field()  # a digit typed next is the new day's pain

    def _raw(self) -> tuple:
        return (self._date, *(s.spin.value() for s in self.scores.values()), self.sleep.text(),
                self.activities.raw(), self.tags.text(), self.notes.toPlainText())


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    palette = label.palette()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    label.setStyleSheet(f"color: {'#ff8a80' if dark else '#b00020'}; font-weight: bold;")
    label.hide()
    return label


class _UndoRouter(QObject):
    """Lets Undo/Redo keys pass to the window's actions while the form has nothing unsaved."""

    def __init__(self, form: EntryForm) -> None:
        super().__init__(form)
        self._form = form
        from PySide6.QtGui import QKeySequence

        self._override = QEvent.Type.ShortcutOverride
        self._keys = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() == self._override and any(event.matches(k) for k in self._keys)
                and isinstance(watched, QWidget) and self._form.isAncestorOf(watched)
                and not self._form.is_dirty()):
            return True  # not accepted by the field: the window's Undo or Redo takes the keys
        return False
