"""Activities of a day: rows of kind, minutes and intensity, or "no exercise today"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.domain import ACTIVITY_KINDS, INTENSITIES, Activity, ValidationError
from journal.domain.entry import MAX_MINUTES
from journal.ui.widgets import NO_FOCUS, TARGET, is_enter

INTENSITY_NOT_RECORDED = "intensity not recorded"
KEY_DELETE = 0x01000007  # Qt.Key.Key_Delete
CONTROL = 0x04000000     # Qt.KeyboardModifier.ControlModifier
#: What an empty minutes box shows: a new row never invents a duration.
NO_MINUTES = "minutes?"
_MINUTES_ACCEPTED = f"a whole number of minutes from 1 to {MAX_MINUTES}"


class MinutesBox(QSpinBox):
    """Minutes of one activity; empty (0) until typed. Enter emits `entered`."""

    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, MAX_MINUTES)
        self.setSpecialValueText(NO_MINUTES)
        self.setSuffix(" min")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        super().keyPressEvent(event)
        if is_enter(event):
            self.entered.emit()


class ActivityRow(QWidget):
    """One activity: an editable kind, minutes and an optional intensity."""

    changed = Signal()
    remove_requested = Signal(object)
    #: Enter in the minutes box: the row is done.
    entered = Signal()

    def __init__(self, activity: Activity | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(list(ACTIVITY_KINDS))
        self.kind.setAccessibleName("Activity kind")
        self.kind.setToolTip("Pick from the list or type your own")
        self.minutes = MinutesBox()
        self.minutes.setAccessibleName("Activity minutes")
        self.intensity = QComboBox()
        self.intensity.addItems([INTENSITY_NOT_RECORDED, *INTENSITIES])
        self.intensity.setAccessibleName("Activity intensity")
        self.remove = QPushButton("Remove")
        self.remove.setAccessibleName("Remove activity")
        self.remove.setToolTip("Remove this activity (Ctrl+Delete in the row)")
        self.remove.setProperty("focusPolicy", NO_FOCUS)  # Tab goes from row to row
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.kind, 2), (self.minutes, 1), (self.intensity, 2),
                                (self.remove, 0)):
            widget.setMinimumHeight(TARGET)
            layout.addWidget(widget, stretch)
        if activity is not None:
            self.set_activity(activity)
        else:  # the kind is chosen, the minutes are empty: nothing the person did not say
            self.kind.setCurrentText(ACTIVITY_KINDS[0])
            self.intensity.setCurrentText(INTENSITY_NOT_RECORDED)
        for widget in (self.kind, self.minutes, self.intensity):
            widget.installEventFilter(self)  # Ctrl+Delete removes the row
        self.kind.currentTextChanged.connect(self.changed)
        self.minutes.valueChanged.connect(self.changed)
        self.intensity.currentIndexChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.minutes.entered.connect(self.entered)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.KeyPress and event.key() == KEY_DELETE
                and event.modifiers().value & CONTROL):
            self.remove_requested.emit(self)
            return True
        return False

    def set_activity(self, activity: Activity) -> None:
        self.kind.setCurrentText(activity.kind)
        self.minutes.setValue(activity.minutes)
        self.intensity.setCurrentText(activity.intensity or INTENSITY_NOT_RECORDED)

    def activity(self) -> Activity:
        """The row as an Activity; raises ValidationError (e.g. an empty kind)."""
        intensity = self.intensity.currentText()
        if self.minutes.value() == 0:
            Activity(self.kind.currentText(), 1)  # a bad kind is named first, as it comes first
            raise ValidationError("activity_minutes", "", _MINUTES_ACCEPTED)
        return Activity(self.kind.currentText(), self.minutes.value(),
                        None if intensity == INTENSITY_NOT_RECORDED else intensity)

    def raw(self) -> tuple:
        return self.kind.currentText(), self.minutes.value(), self.intensity.currentText()


class ActivityEditor(QWidget):
    """Not recorded (no rows, box unticked), none (box ticked), or a list of activities."""

    changed = Signal()
    #: Enter in a row's minutes: the activities are done (the form moves on).
    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_button = QPushButton("&Add activity")
        self.add_button.setAccessibleName("Add activity")
        self.add_button.setMinimumHeight(TARGET)
        self.none_box = QCheckBox("No exercise today")
        self.none_box.setAccessibleName("No exercise today")
        self.none_box.setMinimumHeight(TARGET)
        self.copy_button = QPushButton("Same as &yesterday")
        self.copy_button.setAccessibleName("Same activities as the day before")
        self.copy_button.setToolTip("Copy the activities of the day before (Alt+Y)")
        self.copy_button.setMinimumHeight(TARGET)
        self.copy_button.setProperty("focusPolicy", NO_FOCUS)  # Alt+Y; Tab stays short
        self._rows: list[ActivityRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.none_box)
        top.addWidget(self.copy_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self._rows_layout)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.none_box.toggled.connect(self._on_none_toggled)

    def rows(self) -> list[ActivityRow]:
        return list(self._rows)

    def activities(self) -> tuple[Activity, ...] | None:
        if self.none_box.isChecked():
            return ()
        if not self._rows:
            return None
        return tuple(row.activity() for row in self._rows)

    def set_activities(self, activities: tuple[Activity, ...] | None) -> None:
        """Show *activities*, reusing rows so that the keyboard focus stays where it was."""
        wanted = activities or ()
        for row in self._rows[len(wanted):]:
            self._remove(row)
        for index, activity in enumerate(wanted):
            if index < len(self._rows):
                self._rows[index].set_activity(activity)
            else:
                self._add(activity)
        self.none_box.setChecked(activities == ())

    def raw(self) -> tuple:
        return self.none_box.isChecked(), tuple(row.raw() for row in self._rows)

    def _add(self, activity: Activity | None = None) -> ActivityRow:
        row = ActivityRow(activity)
        self._rows.append(row)
        self._rows_layout.addWidget(row)
        row.show()  # a layout would only show it on the next event loop pass
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._on_row_remove_requested)
        row.entered.connect(self.entered)
        self._fix_tab_order()
        return row

    def _remove(self, row: ActivityRow) -> None:
        self._rows.remove(row)
        row.hide()
        row.deleteLater()

    def _fix_tab_order(self) -> None:
        previous: QWidget = self.none_box
        for row in self._rows:
            for widget in (row.kind, row.minutes, row.intensity):
                QWidget.setTabOrder(previous, widget)
                previous = widget

    def _on_add_clicked(self) -> None:
        self.none_box.setChecked(False)
        row = self._add()
        row.minutes.setFocus()  # the kind is chosen; Shift+Tab goes back to change it
        row.minutes.selectAll()
        self.changed.emit()

    def _on_none_toggled(self, checked: bool) -> None:
        if checked:
            for row in list(self._rows):
                self._remove(row)
        self.changed.emit()

    def _on_row_remove_requested(self, row: ActivityRow) -> None:
        index = self._rows.index(row)
        self._remove(row)
        target = self._rows[min(index, len(self._rows) - 1)].kind if self._rows else self.add_button
        target.setFocus()
        self.changed.emit()
