"""History: a sortable, filterable table of the days logged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.display import shown_measure
from journal.domain import MEASURES, Entry, Measure
from journal.domain.grammar import count_text
from journal.domain.periods import DEFAULT_HISTORY, PRESET_BY_KEY, PRESETS
from journal.ui.widgets import TARGET, date_edit, labelled_row, signals_blocked

SORT_ROLE = Qt.ItemDataRole.UserRole
ALL_TAGS = "All tags"
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column of the history: its heading, its text and its sort key for a day."""

    heading: str
    text: Callable[[Entry], str | None]
    sort_key: Callable[[Entry], object]
    numeric: bool = False
    key: str = ""  # the measure it shows, if any


def _measure_column(measure: Measure) -> Column:
    def value(entry: Entry) -> int | float | None:
        return getattr(entry, measure.key)

    def text(entry: Entry) -> str | None:
        return shown_measure(measure.key, value(entry)) or None

    def sort_key(entry: Entry) -> float:
        number = value(entry)
        return -1.0 if number is None else float(number)  # blanks sort before 0

    return Column(measure.heading, text, sort_key, numeric=True, key=measure.key)


def _minutes(entry: Entry) -> float:
    return -1.0 if entry.activity_minutes is None else float(entry.activity_minutes)


def _note(entry: Entry) -> str:
    return (entry.notes or "").split("\n")[0][:80]


#: The columns, left to right; a test names any measure neither shown nor in NOT_SHOWN.
COLUMNS = (
    Column("Date", lambda e: f"{e.date.isoformat()}  {e.date:%a}", lambda e: e.date.toordinal()),
    *(_measure_column(m) for m in MEASURES),
    Column("Activity (min)", lambda e: None if e.activity_minutes is None
           else str(e.activity_minutes), _minutes, numeric=True),
    Column("Tags", lambda e: ", ".join(e.tags), lambda e: ", ".join(e.tags).casefold()),
    Column("Note", _note, lambda e: _note(e).casefold()),
)
NOT_SHOWN: frozenset[str] = frozenset()
COL_DATE, COL_NOTE = 0, len(COLUMNS) - 1


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

    def update_days(self, days: dict[dt.date, Entry | None]) -> None:
        """Replace, add or remove the rows of *days* (None: the day is gone); others stay."""
        rows = {entry.date: row for row, entry in enumerate(self._entries)}
        for date, entry in days.items():
            row = rows.get(date)
            if row is not None and entry is not None:
                self._entries[row] = entry
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            elif row is None and entry is not None:
                self.beginInsertRows(QModelIndex(), len(self._entries), len(self._entries))
                self._entries.append(entry)
                self.endInsertRows()
        gone = sorted((rows[d] for d, e in days.items() if e is None and d in rows), reverse=True)
        for row in gone:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._entries[row]
            self.endRemoveRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].heading
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(entry)
        if role == SORT_ROLE:
            return column.sort_key(entry)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_NOTE and entry.notes:
            return entry.notes
        return None


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
        """Show *entries* (all of them, after another journal was opened)."""
        self.model.set_entries(entries)
        self._set_tags(tags)

    def update_days(self, days: dict[dt.date, Entry | None], tags: list[str]) -> None:
        """Only *days* changed (a save, a delete, an undo, an import)."""
        self.model.update_days(days)
        self._set_tags(tags)

    def _set_tags(self, tags: list[str]) -> None:
        current = self.tag_box.currentText()
        with signals_blocked(self.tag_box):
            self.tag_box.clear()
            self.tag_box.addItems([ALL_TAGS, *sorted(tags, key=str.casefold)])
            self.tag_box.setCurrentText(current if current in tags else ALL_TAGS)
        self._apply_filters()

    def _build_filters(self) -> None:
        self.period_box = QComboBox()
        for preset in PRESETS:  # the app's one set of periods, as in the charts and the report
            self.period_box.addItem(preset.label, preset.key)
        self.period_box.setCurrentIndex(self.period_box.findData(DEFAULT_HISTORY))
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
        days = PRESET_BY_KEY[self.period_box.itemData(index)].days
        today = dt.date.today()
        self.from_edit.setDate(self.from_edit.minimumDate() if days is None
                               else QDate(today - dt.timedelta(days=days - 1)))
        self.to_edit.setDate(self.to_edit.minimumDate())

    def _on_clear_clicked(self) -> None:
        self.period_box.setCurrentIndex(self.period_box.findData(DEFAULT_HISTORY))
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
        self.summary.setText(f"{shown} of {count_text(total, 'day')} shown" if shown != total
                             else f"{count_text(total, 'day')} logged")

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
