"""File > Import from another app…: pick a file, see its format, map moods or columns,
preview, import (one undo takes it back). Loaded only when chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.exchange import ImportFileError
from journal.exchange.importers import (
    FORMATS,
    LABELS,
    RULES,
    ImportCancelledError,
    UnmappedMoodsError,
    any_csv,
    detect,
    read_file,
)
from journal.exchange.importers.moods import DEFAULT_MOODS, mood_key
from journal.exchange.importers.preview import RULE_WORDS, counts
from journal.ui.state import JournalState, JournalWriteError

NOT_SET = -1
PAGE_NONE, PAGE_MOODS, PAGE_COLUMNS, PAGE_PREVIEW = range(4)
FILTER = ("Exports of other apps (*.csv *.xml *.zip *.json);;All files (*)")


class ImportDialog(QDialog):
    """One dialog, one step at a time: file and format, mapping (if needed), preview."""

    def __init__(self, state: JournalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import from another app")
        self.resize(640, 520)
        self.state, self.path, self.plan, self.imported = state, None, None, None
        self.cancelled = False
        self.mappings = Path(state.db_path).parent / "import-mappings"
        self.csv_mapping: dict | None = None
        self.path_edit = QLineEdit(readOnly=True)
        self.path_edit.setAccessibleName("File")
        self.choose_button = QPushButton("&Choose file…")
        self.format_combo = QComboBox()
        for fmt in FORMATS:
            self.format_combo.addItem(LABELS[fmt], fmt)
        self.format_combo.setAccessibleName("Format")
        self.detected = QLabel()
        self.conflict_combo = QComboBox()
        for rule in RULES:
            self.conflict_combo.addItem(f"{rule}: {RULE_WORDS[rule]}", rule)
        self.conflict_combo.setAccessibleName("Dates already in the journal")
        self.message = QLabel(wordWrap=True)
        self.stack = QStackedWidget()
        self.stack.addWidget(QWidget())
        self.stack.addWidget(self._moods_page())
        self.stack.addWidget(self._columns_page())
        self.stack.addWidget(self._preview_page())
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.hide()
        self.cancel_reading = QPushButton("Stop &reading")
        self.cancel_reading.hide()
        self.read_button = QPushButton("&Read file")
        self.import_button = QPushButton("&Import")
        self.import_button.setEnabled(False)
        close = QPushButton("Close")
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        form.addRow("File:", row)
        form.addRow("Format:", self.format_combo)
        form.addRow("", self.detected)
        form.addRow("Dates already in the journal:", self.conflict_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_reading)
        buttons.addStretch()
        for button in (self.read_button, self.import_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.read_button.clicked.connect(self.read)
        self.import_button.clicked.connect(self.write)
        self.cancel_reading.clicked.connect(self._on_cancel_clicked)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self.conflict_combo.currentIndexChanged.connect(self._on_format_changed)
        close.clicked.connect(self.reject)
        self.status_text: str | None = None

    # Pages ------------------------------------------------------------------------------------
    def _moods_page(self) -> QWidget:
        page = QWidget()
        self.moods_table = QTableWidget(0, 3)
        self.moods_table.setHorizontalHeaderLabels(("Mood name", "Entries", "Score 0-10"))
        self.moods_table.verticalHeader().hide()
        self.moods_table.setAccessibleName("Mood scores")
        self.moods_table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("Give each mood a score from 0 (very low) to 10 (very good); "
                                "then read the file again.", wordWrap=True))
        layout.addWidget(self.moods_table)
        return page

    def _columns_page(self) -> QWidget:
        page = QWidget()
        self.columns_table = QTableWidget(0, 2)
        self.columns_table.setHorizontalHeaderLabels(("Column", "Is"))
        self.columns_table.verticalHeader().hide()
        self.columns_table.setAccessibleName("Columns")
        self.columns_table.horizontalHeader().setStretchLastSection(True)
        self.date_format = QComboBox()
        self.date_format.setAccessibleName("Dates are written")
        self.decimal = QComboBox()
        self.decimal.addItem("a point (7.5)", ".")
        self.decimal.addItem("a comma (7,5)", ",")
        self.decimal.setAccessibleName("Decimals use")
        form = QFormLayout()
        form.addRow("Dates are written:", self.date_format)
        form.addRow("Decimals use:", self.decimal)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("Say what each column holds (kept for the next file of this "
                                "kind); then read the file again.", wordWrap=True))
        layout.addWidget(self.columns_table, 1)
        layout.addLayout(form)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel(wordWrap=True)
        self.summary.setAccessibleName("What will change")
        self.problems = QListWidget()
        self.problems.setAccessibleName("Problems")
        self.symptoms = QListWidget()
        self.symptoms.setAccessibleName("Symptoms that count as pain")
        self.symptoms_label = QLabel("Bearable symptoms that count as pain (tick them, then read "
                                     "again); every symptom is also kept as a tag:",
                                     wordWrap=True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.symptoms_label)
        layout.addWidget(self.symptoms, 1)
        layout.addWidget(QLabel("Problems in the file (by line):"))
        layout.addWidget(self.problems, 1)
        self.symptoms_label.hide()
        self.symptoms.hide()
        return page

    # Choosing and reading ---------------------------------------------------------------------
    def _on_choose_clicked(self) -> None:
        from journal.ui.file_actions import ask_file

        path_text, _ = ask_file(self.state, QFileDialog.getOpenFileName, self,
                                "Import from another app", str(Path.home()), FILTER)
        if path_text:
            self.load(Path(path_text))

    def load(self, path: Path) -> None:
        """Take *path*, show its detected format, and read it."""
        self.path, self.csv_mapping = path, None
        self.path_edit.setText(str(path))
        fmt = detect(path)
        self.moods_table.setRowCount(0)
        self.symptoms.clear()
        self.format_combo.blockSignals(True)  # choosing the format here is no user's change
        self.format_combo.setCurrentIndex(list(FORMATS).index(fmt or "csv"))
        self.format_combo.blockSignals(False)
        self.detected.setText(f"Detected: {LABELS[fmt]}." if fmt else
                              "Not recognised as another app's export: read as a CSV with "
                              "a column mapping.")
        self.read()

    def _on_format_changed(self) -> None:
        self.csv_mapping = None
        if self.path is not None:
            self.read()

    def _options(self) -> dict:
        options: dict[str, object] = {}
        scores = {}
        for row in range(self.moods_table.rowCount()):
            spin = self.moods_table.cellWidget(row, 2)
            if spin.value() != NOT_SET:
                scores[self.moods_table.item(row, 0).text()] = spin.value()
        if scores:
            options["mood_map"] = scores
        if self.symptoms.count():
            options["pain_symptoms"] = [
                self.symptoms.item(i).text() for i in range(self.symptoms.count())
                if self.symptoms.item(i).checkState() == Qt.CheckState.Checked]
        return options

    def read(self) -> None:
        """Read the file with the choices made so far; show the next step or the preview."""
        if self.path is None:
            return
        self.plan, self.imported = None, None
        self.import_button.setEnabled(False)
        fmt = self.format_combo.currentData()
        options = self._options()
        if fmt == "csv":
            if not self._csv_ready():
                return
            options["mapping"] = self.csv_mapping
        self.cancelled = False
        self.progress.setValue(0)
        self.progress.setVisible(fmt == "apple-health")
        self.cancel_reading.setVisible(fmt == "apple-health")
        self._reading(True)
        try:
            imported = read_file(self.path, fmt, progress=self._on_progress, **options)
        except UnmappedMoodsError as error:
            self._show_moods(error)
            return
        except ImportCancelledError:
            return self._say("Reading was stopped; nothing was written.", PAGE_NONE)
        except ImportFileError as error:
            return self._say(f"{self.path.name} cannot be imported: {error} Nothing was "
                             "written.", PAGE_NONE)
        except OSError as error:
            return self._say(f"Cannot read {self.path.name}: {error.strerror}.", PAGE_NONE)
        finally:
            self._reading(False)
            self.progress.hide()
            self.cancel_reading.hide()
        self._preview(imported)

    def _on_progress(self, fraction: float) -> bool:
        self.progress.setValue(round(fraction * 100))
        QApplication.processEvents()
        return not self.cancelled

    def _on_cancel_clicked(self) -> None:
        self.cancelled = True

    def _reading(self, busy: bool) -> None:
        """While a long file is read (events still flow for the progress bar), nothing else
        may start."""
        for widget in (self.read_button, self.choose_button, self.format_combo,
                       self.conflict_combo):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        self.cancelled = True  # closing while a file is read stops the reading
        super().reject()

    def _say(self, text: str, page: int) -> None:
        self.message.setText(text)
        self.stack.setCurrentIndex(page)

    def _show_moods(self, error: UnmappedMoodsError) -> None:
        known = self._options().get("mood_map", {})
        self.moods_table.setRowCount(len(error.all_counts))
        for row, (name, count) in enumerate(error.all_counts.items()):
            self.moods_table.setItem(row, 0, QTableWidgetItem(name))
            self.moods_table.setItem(row, 1, QTableWidgetItem(str(count)))
            spin = QSpinBox()
            spin.setRange(NOT_SET, 10)
            spin.setSpecialValueText("not set")
            spin.setAccessibleName(f"Score of {name}")
            spin.setValue(known.get(name, DEFAULT_MOODS.get(mood_key(name), NOT_SET)))
            self.moods_table.setCellWidget(row, 2, spin)
        self.read_button.setText("&Read again")
        self._say(f"{len(error.counts)} mood names need a score: "
                  + ", ".join(error.counts) + ".", PAGE_MOODS)

    def _csv_ready(self) -> bool:
        """True when the columns are mapped; otherwise show the mapping step."""
        if self.csv_mapping is not None:
            return True
        if self.stack.currentIndex() == PAGE_COLUMNS and self.columns_table.rowCount():
            self.csv_mapping = self._mapping_from_page()
            return self._csv_checked()
        data = self.path.read_bytes()
        try:
            saved = any_csv.saved_mapping(data, self.mappings)
            proposal = any_csv.propose(data)
        except ImportFileError as error:
            self._say(f"{self.path.name} cannot be imported: {error}", PAGE_NONE)
            return False
        if saved is not None:
            self.csv_mapping = saved
            self.message.setText("Using the column mapping kept for this kind of file.")
            return True
        self._show_columns(proposal)
        return False

    def _csv_checked(self) -> bool:
        try:
            any_csv.check_mapping(self.csv_mapping)
        except ImportFileError as error:
            self.csv_mapping = None
            self._say(str(error), PAGE_COLUMNS)
            return False
        return True

    def _show_columns(self, proposal: dict) -> None:
        self.proposal = proposal
        header = proposal["header"]
        self.columns_table.setRowCount(len(header))
        for row, name in enumerate(header):
            self.columns_table.setItem(row, 0, QTableWidgetItem(name))
            combo = QComboBox()
            combo.addItem("(ignore)", "ignore")
            for field in any_csv.FIELDS:
                combo.addItem(field.replace("_", " "), field)
            combo.setCurrentIndex(max(combo.findData(proposal["columns"].get(name, "ignore")), 0))
            combo.setAccessibleName(f"Column {name} is")
            self.columns_table.setCellWidget(row, 1, combo)
        self.date_format.clear()
        for fmt in proposal["date_formats"] or any_csv.DATE_FORMATS:
            self.date_format.addItem(any_csv.format_words(fmt), fmt)
        self.decimal.setCurrentIndex(self.decimal.findData(proposal["decimal"]))
        several = len(proposal["date_formats"]) > 1
        self.read_button.setText("&Read again")
        self._say("This file's dates fit more than one way of writing them: please confirm "
                  "which." if several else "Check what each column holds.", PAGE_COLUMNS)

    def _mapping_from_page(self) -> dict:
        columns = {}
        for row in range(self.columns_table.rowCount()):
            field = self.columns_table.cellWidget(row, 1).currentData()
            if field != "ignore":
                columns[self.columns_table.item(row, 0).text()] = field
        return {"columns": columns, "date_format": self.date_format.currentData(),
                "decimal": self.decimal.currentData(), "signature": self.proposal["signature"],
                "header": self.proposal["header"]}

    # Preview and import -----------------------------------------------------------------------
    def _preview(self, imported) -> None:  # noqa: ANN001
        rule = self.conflict_combo.currentData()
        self.imported = imported
        self.plan = self.state.journal.plan_merge(imported.days, rule)
        added, changed, skipped = counts(self.plan)
        self.summary.setText(
            f"{len(imported.days)} days read. Importing will add {added} days and change "
            f"{changed} ({RULE_WORDS[rule]}); {skipped} are skipped, with nothing new. "
            "Nothing is written until you choose Import; one undo takes it all back.")
        self._show_symptoms(imported.fmt == "bearable")
        self.problems.clear()
        self.problems.addItems([str(p) for p in imported.problems] or ["None."])
        self.import_button.setEnabled(not self.plan.empty)
        self._say(f"{LABELS[imported.fmt]}: ready to import." if not self.plan.empty else
                  "Everything in this file is already in your journal.", PAGE_PREVIEW)

    def _show_symptoms(self, shown: bool) -> None:
        self.symptoms_label.setVisible(shown)
        self.symptoms.setVisible(shown)
        if shown and not self.symptoms.count():
            from journal.exchange.importers.bearable import is_pain, symptom_names

            for name, count in symptom_names(self.path.read_bytes()).items():
                item = QListWidgetItem(name)
                item.setToolTip(f"{count} readings")
                item.setCheckState(Qt.CheckState.Checked if is_pain(name, None)
                                   else Qt.CheckState.Unchecked)
                self.symptoms.addItem(item)
            self.read_button.setText("&Read again")

    def write(self) -> None:
        """Back up, write the whole preview in one transaction (undoable), and close."""
        if self.plan is None or self.plan.empty:
            return
        try:
            self.state.import_plan(self.plan)
        except JournalWriteError as error:
            self._say(f"Nothing was imported: {error}", PAGE_PREVIEW)
            return
        if self.csv_mapping is not None and self.format_combo.currentData() == "csv":
            try:
                any_csv.save_mapping(self.csv_mapping, self.mappings)
            except OSError:
                pass  # the import is done; the mapping is asked for again next time
        added, changed, _ = counts(self.plan)
        self.status_text = (f"Imported {self.path.name}: {added} days added, {changed} "
                            "changed. Edit > Undo takes it back.")
        self.accept()


def import_from_app(parent: QWidget, state: JournalState) -> str | None:
    """Run the dialog; the status line for the window, or None."""
    dialog = ImportDialog(state, parent)
    dialog.exec()
    return dialog.status_text
