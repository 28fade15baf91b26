"""History: a sortable, filterable table of the days logged."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from journal.domain import Entry
from journal.domain.parse import format_sleep
from journal.ui.widgets import TARGET, date_edit, labelled_row

COL_DATE, COL_PAIN, COL_MOOD, COL_SLEEP, COL_ACTIVITY, COL_TAGS, COL_NOTE = range(7)
HEADERS = ("Date", "Pain", "Mood", "Sleep (h)", "Activity (min)", "Tags", "Note")
SORT_ROLE = Qt.ItemDataRole.UserRole
ALL_TAGS = "All tags"
PERIODS = (("All days", None), ("Last 7 days", 7), ("Last 30 days", 30), ("Last 90 days", 90),
           ("Last 365 days", 365))
_Index = QModelIndex | QPersistentModelIndex


class EntryTableModel(QAbstractTableModel):
    """Days as rows; unknown values are blank, never 0."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> Entry:
        return self._entries[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(entry, column)
        if role == SORT_ROLE:
            return _sort_key(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and COL_PAIN <= column <= COL_ACTIVITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NOTE and entry.notes:
            return entry.notes
        return None


def _display(entry: Entry, column: int) -> str | None:
    if column == COL_DATE:
        return f"{entry.date.isoformat()}  {entry.date:%a}"
    if column == COL_SLEEP:
        return None if entry.sleep_hours is None else format_sleep(entry.sleep_hours)
    if column == COL_TAGS:
        return ", ".join(entry.tags)
    if column == COL_NOTE:
        return (entry.notes or "").split("\n")[0][:80]
    value = (entry.pain, entry.mood, None, entry.activity_minutes)[column - COL_PAIN]
    return None if value is None else str(value)


def _sort_key(entry: Entry, column: int) -> object:
    if column == COL_DATE:
        return entry.date.toordinal()
    if column in (COL_TAGS, COL_NOTE):
        return (_display(entry, column) or "").casefold()
    value = (entry.pain, entry.mood, entry.sleep_hours, entry.activity_minutes)[column - COL_PAIN]
    return -1.0 if value is None else float(value)  # blanks sort before 0


class HistoryFilter(QSortFilterProxyModel):
    """Keeps the days within [start, end] that carry *tag* (None: any)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.start: dt.date | None = None
        self.end: dt.date | None = None
        self.tag: str | None = None

    def set_filter(self, start: dt.date | None, end: dt.date | None, tag: str | None) -> None:
        self.beginFilterChange()
        self.start, self.end, self.tag = start, end, tag
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: N802
        entry = self.sourceModel().entry_at(row)
        if self.start and entry.date < self.start or self.end and entry.date > self.end:
            return False
        return self.tag is None or self.tag.casefold() in (t.casefold() for t in entry.tags)


class HistoryTable(QTableView):
    """Enter opens the day; Delete asks to delete it."""

    open_requested = Signal(QModelIndex)
    delete_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
        elif event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.delete_requested.emit(self.currentIndex())
        else:
            super().keyPressEvent(event)


class HistoryView(QWidget):
    """The table with its filters. Emits dates; the main window acts on them."""

    open_day = Signal(object)
    delete_day = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EntryTableModel(self)
        self.proxy = HistoryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = HistoryTable()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("History")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(TARGET)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._build_filters()
        self.summary = QLabel()
        self.open_button = QPushButton("&Open day")
        self.delete_button = QPushButton("De&lete day…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.open_button, self.delete_button):
            button.setMinimumHeight(TARGET)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.open_requested.connect(self._emit_open)
        self.table.doubleClicked.connect(self._emit_open)
        self.table.delete_requested.connect(self._emit_delete)
        self.open_button.clicked.connect(lambda: self._emit_open(self.table.currentIndex()))
        self.delete_button.clicked.connect(lambda: self._emit_delete(self.table.currentIndex()))

    def set_entries(self, entries: list[Entry], tags: list[str]) -> None:
        current = self.tag_box.currentText()
        self.model.set_entries(entries)
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItems([ALL_TAGS, *sorted(tags, key=str.casefold)])
        self.tag_box.setCurrentText(current if current in tags else ALL_TAGS)
        self.tag_box.blockSignals(False)
        self._apply_filters()

    def _build_filters(self) -> None:
        self.period_box = QComboBox()
        self.period_box.addItems([name for name, _ in PERIODS])
        self.period_box.setAccessibleName("Period")
        self.from_edit, self.to_edit = date_edit("From"), date_edit("To")
        for edit in (self.from_edit, self.to_edit):
            edit.setMinimumDate(QDate(1900, 1, 1))
            edit.setSpecialValueText("any day")  # shown at the minimum date
            edit.setDate(edit.minimumDate())
        self.tag_box = QComboBox()
        self.tag_box.setAccessibleName("Tag")
        self.clear_button = QPushButton("Show all")
        self._filters = labelled_row((("Show", self.period_box), ("From", self.from_edit),
                                      ("To", self.to_edit), ("Tag", self.tag_box),
                                      (None, self.clear_button)))
        self._filters.addStretch(1)
        self.period_box.currentIndexChanged.connect(self._on_period_changed)
        self.from_edit.dateChanged.connect(self._apply_filters)
        self.to_edit.dateChanged.connect(self._apply_filters)
        self.tag_box.currentIndexChanged.connect(self._apply_filters)
        self.clear_button.clicked.connect(self._on_clear_clicked)

    def _on_period_changed(self, index: int) -> None:
        days = PERIODS[index][1]
        today = dt.date.today()
        self.from_edit.setDate(self.from_edit.minimumDate() if days is None
                               else QDate(today - dt.timedelta(days=days - 1)))
        self.to_edit.setDate(self.to_edit.minimumDate())

    def _on_clear_clicked(self) -> None:
        self.period_box.setCurrentIndex(0)
        self.from_edit.setDate(self.from_edit.minimumDate())
        self.to_edit.setDate(self.to_edit.minimumDate())
        self.tag_box.setCurrentIndex(0)

    def _apply_filters(self) -> None:
        def chosen(edit: QDateEdit) -> dt.date | None:
            return None if edit.date() == edit.minimumDate() else edit.date().toPython()

        tag = self.tag_box.currentText()
        self.proxy.set_filter(chosen(self.from_edit), chosen(self.to_edit),
                              None if tag in ("", ALL_TAGS) else tag)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.summary.setText(f"{shown} of {total} days shown" if shown != total
                             else f"{total} days logged")

    def _source_entry(self, index: QModelIndex) -> Entry | None:
        if not index.isValid():
            return None
        return self.model.entry_at(self.proxy.mapToSource(index).row())

    def _emit_open(self, index: QModelIndex) -> None:
        if entry := self._source_entry(index):
            self.open_day.emit(entry.date)

    def _emit_delete(self, index: QModelIndex) -> None:
        if entry := self._source_entry(index):
            self.delete_day.emit(entry.date)
