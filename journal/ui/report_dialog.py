"""File > Doctor report…: period, options, a preview of page 1, and Save as PDF.

The PDF is written on a worker thread; the dialog shows it is busy and the main
window stays usable.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QEvent,
    QObject,
    QRunnable,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.periods import DEFAULT_REPORT, PRESETS
from journal.report.options import OPTIONAL_SECTIONS, PAPERS, ReportOptions, default_paper
from journal.ui.file_actions import ask_file, output_refused
from journal.ui.state import JournalState
from journal.ui.widgets import date_edit, qdate, signals_blocked

VISIT, CUSTOM = "visit", "custom"  # beyond the app's presets (journal.domain.periods)
PREVIEW_WIDTH = 360
PREVIEW_DELAY_MS = 250  # typing a name redraws the preview once, after a pause


class _Signals(QObject):
    finished = Signal(str, int)
    failed = Signal(str)


class _WriteReport(QRunnable):
    """Writes the PDF away from the UI thread (entries were read on the UI thread)."""

    def __init__(self, path: Path, entries: list, options: ReportOptions,
                 checkins: list = ()) -> None:
        super().__init__()
        self.path, self.entries, self.options = path, entries, options
        self.checkins = checkins
        self.signals = _Signals()

    def run(self) -> None:
        from journal.report.pdf import write_report

        try:
            pages = write_report(self.path, self.entries, self.options, self.checkins)
        except OSError as error:
            self.signals.failed.emit(f"Could not write {self.path}: {error.strerror}.")
            return
        self.signals.finished.emit(str(self.path), pages)


class ReportDialog(QDialog):
    """Choose the period and options, look at page 1, save the PDF."""

    saved = Signal(str)

    def __init__(self, state: JournalState, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Doctor report")
        self.state, self.settings = state, settings
        self._job: _WriteReport | None = None
        self._build()
        self._restore()
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._owner = parent.window() if parent is not None else None
        if self._owner is not None:
            self._owner.installEventFilter(self)
        for signal in (self.preset.currentIndexChanged, self.last_visit.dateChanged,
                       self.from_edit.dateChanged, self.to_edit.dateChanged,
                       self.name.textChanged, self.paper.currentIndexChanged,
                       self.notes.toggled, self.questions.textChanged,
                       *(box.toggled for box in self.sections.values())):
            signal.connect(self._on_changed)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.close_button.clicked.connect(self.close)
        self._on_changed()

    def _build(self) -> None:
        self.preset = QComboBox()
        for preset in PRESETS:  # the app's one set of periods, as in the charts and history
            self.preset.addItem(preset.label, preset.key)
        self.preset.addItem("Since my last visit", VISIT)
        self.preset.addItem("Custom dates", CUSTOM)
        self.preset.setCurrentIndex(self.preset.findData(DEFAULT_REPORT))
        self.last_visit, self.from_edit, self.to_edit = (
            date_edit("Last visit"), date_edit("From"), date_edit("To"))
        for edit in (self.last_visit, self.from_edit, self.to_edit):
            edit.setMaximumDate(qdate(dt.date.today()))
        self.name = QLineEdit()
        self.name.setPlaceholderText("optional")
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.notes = QCheckBox("Include the notes of the days (they may be private)")
        self.sections = {name: QCheckBox(f"Include {words[0].lower()}{words[1:]}")
                         for name, words in OPTIONAL_SECTIONS.items()}
        for box in self.sections.values():
            box.setChecked(True)
        self.questions = QPlainTextEdit()
        self.questions.setPlaceholderText("Questions for my doctor (printed on page 1)")
        self.questions.setTabChangesFocus(True)
        self.questions.setMaximumHeight(90)
        form = QFormLayout()
        for label, widget in (("&Period", self.preset), ("&Last visit", self.last_visit),
                              ("&From", self.from_edit), ("&To", self.to_edit),
                              ("&Name", self.name), ("Pape&r", self.paper), ("", self.notes),
                              *(("", box) for box in self.sections.values()),
                              ("&Questions", self.questions)):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "") or widget.text())
        self.preview = QLabel("Preparing the preview…")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_WIDTH, int(PREVIEW_WIDTH * 1.41))
        self.preview.setAccessibleName("Preview of page 1")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # "working", without a fake percentage
        self.busy.hide()
        self.status = QLabel()
        self.save_button = QPushButton("&Save as PDF…")
        self.save_button.setDefault(True)
        self.close_button = QPushButton("Close")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.busy)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addLayout(buttons)

    def _restore(self) -> None:
        visit = self.settings.value("report/last_visit")
        today = dt.date.today()
        self.last_visit.setDate(QDate.fromString(visit, "yyyy-MM-dd") if visit
                                else qdate(today - dt.timedelta(days=42)))
        if visit:  # a visit is known: the report covers what happened since
            self.preset.setCurrentIndex(self.preset.findData(VISIT))
        self.from_edit.setDate(qdate(today - dt.timedelta(days=29)))
        self.to_edit.setDate(qdate(today))
        self.name.setText(str(self.settings.value("report/name", "")))
        paper = str(self.settings.value("report/paper", default_paper()))
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))

    def options(self) -> ReportOptions:
        choice = self.preset.currentData()
        today = dt.date.today()
        if choice == VISIT:
            start, end = self.last_visit.date().toPython(), today
        elif choice == CUSTOM:
            start, end = sorted((self.from_edit.date().toPython(), self.to_edit.date().toPython()))
        else:
            start, end = self.state.journal.period(choice)
        return ReportOptions(start, end, self.paper.currentData(), self.name.text(),
                             self.questions.toPlainText(), self.notes.isChecked(),
                             frozenset(name for name, box in self.sections.items()
                                       if not box.isChecked()))

    def _entries(self, options: ReportOptions) -> list:
        return self.state.journal.report_days(options)

    def _on_changed(self) -> None:
        choice = self.preset.currentData()
        self.last_visit.setEnabled(choice == VISIT)
        self.from_edit.setEnabled(choice == CUSTOM)
        self.to_edit.setEnabled(choice == CUSTOM)
        if choice != CUSTOM:  # the date boxes always show the period chosen
            options = self.options()
            with signals_blocked(self.from_edit, self.to_edit):
                self.from_edit.setDate(qdate(options.start))
                self.to_edit.setDate(qdate(options.end))
        if self.isVisible():  # else showEvent previews
            self._preview_timer.start()

    # Open only while shown: the preview reads the journal, which closes with the main window.
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._preview_timer.start()  # the journal may have changed since it was last open

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self._preview_timer.stop()
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Its window was closed (a minimized window's hide comes from the system): close too.
        if (watched is self._owner and event.type() == QEvent.Type.Hide
                and not event.spontaneous()):
            self.close()
        return super().eventFilter(watched, event)

    def update_preview(self) -> None:
        """Render page 1 as it will print."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        from journal.report.pdf import build_pages

        options = self.options()
        page = build_pages(self._entries(options), options, first_only=True,
                           checkins=self.state.checkins(options.start, options.end),
                           **self.state.journal.report_extras(options))[0]
        canvas = FigureCanvasAgg(page)
        page.set_dpi(PREVIEW_WIDTH / PAPERS[options.paper][0])
        canvas.draw()
        image = QImage(canvas.buffer_rgba(), *canvas.get_width_height(),
                       QImage.Format.Format_RGBA8888)
        self.preview.setPixmap(QPixmap.fromImage(image.copy()))

    def _on_save_clicked(self) -> None:
        options = self.options()
        default = Path.home() / f"pain-journal-report-{options.end.isoformat()}.pdf"
        path_text, _ = ask_file(self.state, QFileDialog.getSaveFileName, self, "Save report",
                                str(default), "PDF document (*.pdf)")
        if not path_text:
            return
        path = Path(path_text)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if output_refused(self, path, self.state):
            return
        self._remember(options)
        self._job = _WriteReport(path, self._entries(options), options,
                                 self.state.checkins(options.start, options.end))
        self._job.signals.finished.connect(self._on_job_finished)
        self._job.signals.failed.connect(self._on_job_failed)
        self._set_busy(True)
        QThreadPool.globalInstance().start(self._job)

    def _remember(self, options: ReportOptions) -> None:
        self.settings.setValue("report/name", options.name)
        self.settings.setValue("report/paper", options.paper)
        self.settings.setValue("report/last_visit", self.last_visit.date().toString("yyyy-MM-dd"))

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.save_button.setEnabled(not busy)
        self.status.setText("Writing the PDF…" if busy else "")

    def _on_job_finished(self, path: str, pages: int) -> None:
        self._set_busy(False)
        self.status.setText(f"Saved {Path(path).name} ({pages} pages).")
        self.saved.emit(path)

    def _on_job_failed(self, message: str) -> None:
        self._set_busy(False)
        self.status.setText(message)
