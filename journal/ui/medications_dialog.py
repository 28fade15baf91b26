"""Medications & events: add a medication, change its dose, stop it, log a dose; add events.

Every change goes through `JournalState.change_treatments` (the `Journal`'s use cases), so
it is undone with Ctrl+Z like a saved day. Loaded when first opened (start-up stays light).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain import ValidationError
from journal.domain.grammar import count_text
from journal.domain.medications import EVENT_KINDS, UNITS, Dose, Event, Medication
from journal.ui.state import JournalState, JournalWriteError

NO_UNIT = "(no unit)"


def _labelled(widget: QWidget, name: str) -> QWidget:
    widget.setAccessibleName(name)
    return widget


def _date_edit(name: str, date: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(date.year, date.month, date.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return _labelled(edit, name)


def _date(edit: QDateEdit) -> dt.date:
    return edit.date().toPython()


class MedicationsDialog(QDialog):
    """The journal's medications and events, and the forms that change them.

    Parameters
    ----------
    state
        The open journal (writes go through it, onto its undo stack).
    date
        The day the day form shows: the default date of every action.
    """

    def __init__(self, state: JournalState, date: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Medications & events")
        self.state = state
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.meds = _labelled(QListWidget(), "Medications")
        self.events = _labelled(QListWidget(), "Events")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self._medications_box(date), 3)
        top.addWidget(self._events_box(date), 2)
        layout.addLayout(top)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        state.changed.connect(self._on_state_changed)
        self.reload()

    # Building ----------------------------------------------------------------------------------
    def _medications_box(self, date: dt.date) -> QGroupBox:
        box = QGroupBox("Medications")
        layout = QVBoxLayout(box)
        layout.addWidget(self.meds)
        form = QFormLayout()
        self.name = _labelled(QLineEdit(), "Name")
        self.strength = _labelled(QLineEdit(), "Strength")
        self.strength.setPlaceholderText("e.g. 60")
        self.unit = _labelled(QComboBox(), "Unit")
        self.unit.addItems([NO_UNIT, *UNITS])
        self.as_needed = _labelled(QCheckBox("As needed (PRN)"), "As needed")
        self.schedule = _labelled(QLineEdit(), "Schedule")
        self.schedule.setPlaceholderText("e.g. once daily")
        self.reason = _labelled(QLineEdit(), "Reason")
        self.on_date = _date_edit("Date", date)
        for label, widget in (("&Name", self.name), ("S&trength", self.strength),
                              ("&Unit", self.unit), ("", self.as_needed),
                              ("Sc&hedule", self.schedule), ("&Reason", self.reason),
                              ("&Date", self.on_date)):
            form.addRow(label, widget)
        layout.addLayout(form)
        row = QHBoxLayout()
        for text, slot in (("&Add medication", self._on_add_clicked),
                           ("Change &dose", self._on_dose_clicked),
                           ("&Stop", self._on_stop_clicked),
                           ("&Took a dose", lambda: self._on_log_clicked(None)),
                           ("S&kipped", lambda: self._on_log_clicked("skipped"))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)
        hint = QLabel("Change dose, Stop, Took a dose and Skipped act on the medication chosen "
                      "in the list, on the date above; Strength and Unit give the new dose.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.as_needed.toggled.connect(lambda on: self.schedule.setEnabled(not on))
        self.meds.currentItemChanged.connect(self._on_medication_chosen)
        return box

    def _events_box(self, date: dt.date) -> QGroupBox:
        box = QGroupBox("Events and treatments")
        layout = QVBoxLayout(box)
        layout.addWidget(self.events)
        form = QFormLayout()
        self.kind = _labelled(QComboBox(), "Kind")
        self.kind.setEditable(True)  # a kind from the list, or the user's own words
        self.kind.addItems(EVENT_KINDS)
        self.event_date = _date_edit("Event date", date)
        self.is_period = _labelled(QCheckBox("A period, until"), "A period")
        self.until = _date_edit("Until", date)
        self.until.setEnabled(False)
        self.is_period.toggled.connect(self.until.setEnabled)
        self.note = _labelled(QLineEdit(), "Note")
        form.addRow("&Kind", self.kind)
        form.addRow("Dat&e", self.event_date)
        form.addRow(self.is_period, self.until)
        form.addRow("N&ote", self.note)
        layout.addLayout(form)
        add = QPushButton("Add &event")
        add.clicked.connect(self._on_add_event_clicked)
        layout.addWidget(add)
        return box

    # Showing -----------------------------------------------------------------------------------
    def reload(self) -> None:
        chosen = self._chosen()
        self.meds.clear()
        for med in self.state.journal.medications():
            until = f" to {med.stop}" if med.stop else ""
            changes = f", {count_text(len(med.changes), 'dose change')}" if med.changes else ""
            item = QListWidgetItem(f"{med.describe()}; from {med.start}{until}{changes}")
            item.setData(Qt.ItemDataRole.UserRole, med.name)
            self.meds.addItem(item)
            if chosen is not None and med.name == chosen.name:
                self.meds.setCurrentItem(item)
        self.events.clear()
        for event in self.state.journal.events():
            self.events.addItem(event.describe())

    def _chosen(self) -> Medication | None:
        item = self.meds.currentItem()
        if item is None:
            return None
        name = item.data(Qt.ItemDataRole.UserRole)
        return next((m for m in self.state.journal.medications() if m.name == name), None)

    def _on_medication_chosen(self) -> None:
        med = self._chosen()
        if med is not None:
            self.unit.setCurrentText(med.current.unit or NO_UNIT)

    def _on_state_changed(self, changes: object) -> None:
        if getattr(changes, "treatments", False) or getattr(changes, "everything", False):
            self.reload()

    # Acting ------------------------------------------------------------------------------------
    def _run(self, case: str, *args: object, **kwargs: object) -> bool:
        """Write through the journal; a refused value or a failed write is shown, not raised."""
        try:
            self.state.change_treatments(case, *args, **kwargs)
        except (ValidationError, JournalWriteError) as error:
            self.message.setText(str(error))
            return False
        self.message.setText(f"{self.state.undo_stack.undoText()}: done. Undo with Ctrl+Z.")
        return True

    def _strength(self) -> float | None:
        text = self.strength.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            raise ValidationError("strength", self.strength.text(),
                                  "a number above 0, such as 60 or 0.5") from None

    def _unit(self) -> str | None:
        return None if self.unit.currentText() == NO_UNIT else self.unit.currentText()

    def _need_chosen(self) -> Medication | None:
        med = self._chosen()
        if med is None:
            self.message.setText("Choose a medication in the list first.")
        return med

    def _on_add_clicked(self) -> None:
        try:
            start = _date(self.on_date)
            med = Medication(self.name.text(), start, doses=(Dose(start, self._strength(),
                                                                  self._unit()),),
                             as_needed=self.as_needed.isChecked(),
                             schedule=None if self.as_needed.isChecked() else self.schedule.text(),
                             reason=self.reason.text())
        except ValidationError as error:
            self.message.setText(str(error))
            return
        if self._run("add_medication", med):
            self.name.clear()

    def _on_dose_clicked(self) -> None:
        med = self._need_chosen()
        if med is None:
            return
        try:
            strength = self._strength()
            if strength is None:
                raise ValidationError("strength", "", "the new strength, such as 60")
        except ValidationError as error:
            self.message.setText(str(error))
            return
        self._run("change_dose", med.name, _date(self.on_date), strength, self._unit())

    def _on_stop_clicked(self) -> None:
        med = self._need_chosen()
        if med is not None:
            self._run("stop_medication", med.name, _date(self.on_date))

    def _on_log_clicked(self, status: str | None) -> None:
        med = self._need_chosen()
        if med is not None:
            self._run("log_dose", med.name, _date(self.on_date), status=status)

    def _on_add_event_clicked(self) -> None:
        try:
            event = Event(_date(self.event_date), self.kind.currentText(),
                          _date(self.until) if self.is_period.isChecked() else None,
                          self.note.text())
        except ValidationError as error:
            self.message.setText(str(error))
            return
        if self._run("add_event", event):
            self.note.clear()

    def done(self, result: int) -> None:  # noqa: D102 - disconnects what the dialog holds
        try:
            self.state.changed.disconnect(self._on_state_changed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)


def log_as_needed(parent: QWidget, state: JournalState, date: dt.date) -> str:
    """One as-needed dose on *date* (the day form's key): of the one as-needed medication
    taken that day, or of the one chosen from a short menu. Returns a status line."""
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QMenu

    taken = [m for m in state.journal.medications(date) if m.as_needed]
    if not taken:
        return (f"No as-needed medication is recorded as taken on {date}; add one with "
                "Medications & events (Ctrl+M).")
    med = taken[0]
    if len(taken) > 1:
        menu = QMenu(parent)
        for option in taken:
            menu.addAction(option.describe()).setData(option.name)
        chosen = menu.exec(QCursor.pos())
        if chosen is None:
            return ""
        med = next(m for m in taken if m.name == chosen.data())
    try:
        state.change_treatments("log_dose", med.name, date)
    except (ValidationError, JournalWriteError) as error:
        return str(error)
    logged = next(m for m in state.journal.medications(date) if m.name == med.name).day(date)
    return f"Logged a dose of {med.name}: {logged.count} on {date}. Undo with Ctrl+Z."
