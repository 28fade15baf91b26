"""Past check-ins: every PHQ-9 and GAD-7 with its score and band; change or delete one
(Edit > Undo takes a change or a delete back)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain.questionnaires import Checkin
from journal.journal import Changes
from journal.ui.state import JournalState, JournalWriteError, day_title

COLUMNS = ("Date", "Questionnaire", "Score", "Range", "Item 9", "Answers")


class CheckinsList(QDialog):
    """The list of check-ins, newest first."""

    #: Change this check-in (the bar opens the dialog with its answers).
    change_requested = Signal(object)

    def __init__(self, state: JournalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.checkins: list[Checkin] = []
        self.setWindowTitle("Past check-ins")
        self.resize(760, 420)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Past check-ins")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_change)
        self.change_button = QPushButton("&Change…")
        self.delete_button = QPushButton("&Delete")
        close = QPushButton("Close")
        self.change_button.clicked.connect(self._on_change)
        self.delete_button.clicked.connect(self._on_delete)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.change_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        state.changed.connect(self._on_state_changed)

    def reload(self) -> None:
        self.checkins = list(reversed(self.state.checkins()))
        self.table.setRowCount(len(self.checkins))
        for row, checkin in enumerate(self.checkins):
            item9 = ("above 0" if checkin.safety_positive else "0") \
                if checkin.form.safety_item else ""
            cells = (checkin.date.isoformat(), checkin.form.name, str(checkin.total),
                     checkin.band.words, item9, ", ".join(map(str, checkin.answers)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        has = bool(self.checkins)
        self.change_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        if has and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def selected(self) -> Checkin | None:
        row = self.table.currentRow()
        return self.checkins[row] if 0 <= row < len(self.checkins) else None

    def _on_change(self) -> None:
        checkin = self.selected()
        if checkin is not None:
            self.change_requested.emit(checkin)

    def _on_delete(self) -> None:
        checkin = self.selected()
        if checkin is None:
            return
        answer = QMessageBox.question(
            self, "Delete check-in", f"Delete the {checkin.form.name} of "
            f"{day_title(checkin.date)}?\n\nYou can undo this with Ctrl+Z.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.state.delete_checkin(checkin.instrument, checkin.date)
        except JournalWriteError as error:
            QMessageBox.warning(self, "Not deleted", str(error))

    def _on_state_changed(self, changes: Changes) -> None:
        if changes.checkins or changes.everything:
            self.reload()
