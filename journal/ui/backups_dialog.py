"""File > Backups…: the backups of this journal, "Back up now" and "Restore…"."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.storage import StorageError
from journal.storage.backup import backups_dir, list_backups
from journal.ui.state import JournalState

COLUMNS = ("Made", "Why", "Size", "Days")
REASONS = {"": "automatic or by hand", "before-import": "before an import",
           "before-restore": "before a restore", "before-migration": "before an update"}


class BackupsDialog(QDialog):
    def __init__(self, state: JournalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.resize(620, 420)
        self.state = state
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Backups")
        self.where = QLabel(f"Backups are kept in {backups_dir(state.db_path)} (verified copies; "
                            "recent ones are all kept, older ones thinned to one a day, week and "
                            "month). They do not protect against losing this computer: export "
                            "your data to another place now and then.")
        self.where.setWordWrap(True)
        self.status = QLabel()
        self.backup_button = QPushButton("&Back up now")
        self.restore_button = QPushButton("&Restore…")
        close = QPushButton("Close")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.backup_button, self.restore_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.backup_button.clicked.connect(self._on_backup_clicked)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        close.clicked.connect(self.accept)
        self.sample = state.is_sample()
        if self.sample:
            self.where.setText("This is sample data, made up for trying the app: it is not "
                               "backed up, and your own journal's backups are not shown here.")
            self.backup_button.setEnabled(False)
        self.refresh()

    def refresh(self) -> None:
        self.backups = [] if self.sample else list_backups(self.state.db_path, with_days=True)
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            made = backup.created.astimezone().strftime("%a %d %b %Y, %H:%M")
            cells = (made, REASONS.get(backup.reason, backup.reason),
                     f"{backup.size / 1024:.0f} KB",
                     "" if backup.days is None else str(backup.days))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.backups:
            self.table.selectRow(0)
        else:
            self.status.setText("No backups yet." if not self.sample else "")
        self.restore_button.setEnabled(bool(self.backups))

    def _on_backup_clicked(self) -> None:
        try:
            made = self.state.backup()
        except StorageError as error:
            self.status.setText(str(error))
            return
        self.refresh()
        self.status.setText(f"Backed up as {made.name}.")

    def _on_restore_clicked(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        backup = self.backups[row]
        made = self.table.item(row, 0).text()
        answer = QMessageBox.question(
            self, "Restore backup",
            f"Replace your journal with the backup made {made}?\n\nYour journal as it is now "
            "is kept as a backup first, so this can be undone by restoring that one.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            done = self.state.restore(backup.path)
        except StorageError as error:
            QMessageBox.warning(self, "Not restored", str(error))
            return
        self.refresh()
        kept = f" The journal as it was is kept as {done.kept.name}." if done.kept else ""
        self.status.setText(f"Restored.{kept} {done.note}".strip())

