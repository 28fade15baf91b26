"""The Charts tab: a chart, its period, the insights as sentences, and export.

This module imports matplotlib; the main window imports it only when the tab
is first shown, so start-up stays light.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from journal.analysis import pairs
from journal.analysis.insights import Insight, compared, span_note
from journal.analysis.series import DailySeries
from journal.analysis.wording import ALLOWED_FOR, CAUTION, UNSEEN
from journal.charts.catalog import KINDS, chart_figure, draw_chart, save_figure
from journal.charts.data import ChartData
from journal.domain.grammar import count_text
from journal.domain.periods import DEFAULT_CHART, PRESETS
from journal.journal import Changes
from journal.ui.file_actions import ask_file, output_refused
from journal.ui.first_paint import after_next_paint
from journal.ui.state import JournalState
from journal.ui.widgets import date_edit, labelled_row, qdate, signals_blocked

CUSTOM = "custom"  # beyond the app's presets: the dates in the From and To boxes
EXPORT_FILTERS = "PNG image, 300 dpi (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"
DETAIL_COLUMNS = ("Comparison", "ρ", "95 % interval", "days (n)", "effective n", "q", "status")
#: One line in plain words for each column of the details, shown under them.
DETAIL_WORDS = (
    "ρ (rho): how closely the two go together, from −1 (one falls as the other rises) "
    "through 0 (no link) to +1 (both rise together).",
    "95 % interval: the range the true ρ is likely in; the wider it is, the less is known yet.",
    "days (n): the days analysed: both recorded, on that day and the day before.",
    "effective n: those days counted as independent ones (similar days in a row count less).",
    "q: the chance of a link this strong by luck, allowing for all comparisons made; "
    f"below {pairs.Q_LEVEL:g} counts as a link when ρ is at least {pairs.RELEVANT_RHO:g} "
    "either way.",
)


class ChartPanel(QWidget):
    """Shows one chart of the chosen period, redrawn when the journal changes (if visible)."""

    #: A chart was drawn into the figure (it reaches the screen with the canvas's next paint).
    chart_drawn = Signal()

    def __init__(self, state: JournalState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.data: ChartData | None = None
        self.results: list[Insight] = []
        self._chart_gave = 0  # splitter height the chart gave to Show details, given back on Hide
        self._stale = True
        # Redraws wait for the event loop (paint first); a hidden panel drops them (see hideEvent).
        self._redraw_timer = QTimer(self, singleShot=True, interval=0)
        self._redraw_timer.timeout.connect(self.redraw)
        self.canvas = FigureCanvasQTAgg(Figure(layout="constrained"))
        self.canvas.setAccessibleName("Chart")
        self.canvas.setMinimumHeight(320)
        self._build_controls()
        self.insights_label = QTextBrowser()  # scrolls itself; text can be selected and copied
        self.insights_label.setAccessibleName("Insights")
        self.insights_label.setMinimumHeight(110)
        self.details_button = QPushButton("Show details")
        self.details_button.setCheckable(True)
        self.details = QTableWidget(0, len(DETAIL_COLUMNS))
        self.details.setHorizontalHeaderLabels(DETAIL_COLUMNS)
        self.details.verticalHeader().hide()
        self.details.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.details.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        below = QWidget()
        text = self._below = QVBoxLayout(below)
        text.setContentsMargins(0, 0, 0, 0)
        text.addWidget(self.insights_label, 2)
        row = QHBoxLayout()
        row.addWidget(self.details_button)
        row.addStretch(1)
        text.addLayout(row)
        self.details_words = QLabel("<br>".join(DETAIL_WORDS))
        self.details_words.setWordWrap(True)
        self.details_words.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details_box = QWidget()  # shown and hidden as one, so it takes no room when hidden
        beside = QHBoxLayout(self.details_box)  # the words beside the table: all rows fit
        beside.setContentsMargins(0, 0, 0, 0)
        beside.addWidget(self.details, 0, Qt.AlignmentFlag.AlignTop)
        beside.addWidget(self.details_words, 1)
        self.details_box.hide()
        text.addWidget(self.details_box, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.canvas)
        self._scroller = QScrollArea()  # on a short screen text and details scroll, not overlap
        self._scroller.setWidget(below)
        self._scroller.setWidgetResizable(True)
        self._scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.splitter.addWidget(self._scroller)
        self.splitter.setSizes([640, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(self._controls)
        layout.addWidget(self.splitter, 1)
        self.details_button.toggled.connect(self._on_details_toggled)
        state.changed.connect(self._on_state_changed)

    # Controls ----------------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.kind_box = QComboBox()
        for kind, (title, _) in KINDS.items():
            self.kind_box.addItem(title, kind)
        self.kind_box.setAccessibleName("Chart")
        self.period_box = QComboBox()
        for preset in PRESETS:  # the app's one set of periods, as in the report and history
            self.period_box.addItem(preset.label, preset.key)
        self.period_box.addItem("Custom", CUSTOM)
        self.period_box.setCurrentIndex(self.period_box.findData(DEFAULT_CHART))
        self.period_box.setAccessibleName("Period")
        self.from_edit, self.to_edit = date_edit("From"), date_edit("To")
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(False)
        self.to_edit.setDate(qdate(dt.date.today()))
        self.export_button = QPushButton("&Export chart…")
        self._controls = labelled_row((("Chart", self.kind_box), ("Period", self.period_box),
                                       ("From", self.from_edit), ("To", self.to_edit),
                                       (None, self.export_button)))
        self._controls.insertStretch(self._controls.count() - 1, 1)
        self.kind_box.currentIndexChanged.connect(self.redraw)
        self.period_box.currentIndexChanged.connect(self._on_period_changed)
        self.from_edit.dateChanged.connect(self._on_custom_dates_changed)
        self.to_edit.dateChanged.connect(self._on_custom_dates_changed)
        self.export_button.clicked.connect(self._on_export_clicked)

    def kind(self) -> str:
        return self.kind_box.currentData()

    def preset(self) -> str:
        return self.period_box.currentData()

    def period(self) -> tuple[dt.date, dt.date]:
        if self.preset() == CUSTOM:
            start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
            return min(start, end), max(start, end)
        return self.state.journal.period(self.preset())

    @property
    def series(self) -> DailySeries | None:
        return None if self.data is None else self.data.series

    # Drawing -----------------------------------------------------------------------------------
    def redraw(self) -> None:
        """Rebuild the series, the chart and the insights for the chosen chart and period."""
        start, end = self.period()
        self.data = self.state.journal.chart_data(start, end)  # insights: once, for chart and text
        figure = self.canvas.figure
        figure.clear()
        draw_chart(self.kind(), figure, self.data)
        self.canvas.draw_idle()
        self._show_period(start, end)
        self._stale = False
        self.insights_label.setHtml("<p><i>Working out the insights…</i></p>")
        # The statistics (and scipy, on first use) wait until the chart is on screen.
        after_next_paint(self.canvas, self._update_insights)
        self.chart_drawn.emit()

    def _update_insights(self) -> None:
        if self.data is None:
            return
        self.results = self.data.insights
        self._show_insights()

    def _show_period(self, start: dt.date, end: dt.date) -> None:
        """The date boxes always show the period drawn (editable only for Custom)."""
        with signals_blocked(self.from_edit, self.to_edit):
            self.from_edit.setDate(qdate(start))
            self.to_edit.setDate(qdate(end))

    def _show_insights(self) -> None:
        series = self.series
        lines = [f"<b>{r.label}</b>: {r.statement}"
                 for r in self.results if r.status != "insufficient"]
        note = span_note(series)
        if not lines:
            days, where = (compared(series), "those days") if note else (series, "this period")
            lines = [f"Not enough days for insights yet: {count_text(days.days_logged, 'day')} "
                     f"logged in {where}, and {pairs.MIN_DAYS} days with both values are needed."]
        else:
            caution = f"{CAUTION} " if any(r.found for r in self.results) else ""
            lines.append(f"<i>{caution}{ALLOWED_FOR} {UNSEEN}</i>")
        if note:  # first: what every sentence below rests on
            lines.insert(0, f"<i>{note}</i>")
        self.insights_label.setHtml("<p>" + "</p><p>".join(lines) + "</p>")
        self.details.setRowCount(len(self.results))
        for row, r in enumerate(self.results):
            ci = f"{r.ci95[0]:+.2f} to {r.ci95[1]:+.2f}" if r.ci95 else ""
            cells = (r.label, "" if r.rho is None else f"{r.rho:+.2f}", ci, str(r.n),
                     "" if r.n_effective is None else f"{r.n_effective:.0f}",
                     "" if r.q is None else f"{r.q:.3g}", r.status)
            for column, text in enumerate(cells):
                self.details.setItem(row, column, QTableWidgetItem(text))
        self.details.resizeColumnsToContents()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        if self._stale:
            self._redraw_timer.start()  # paint the tab first, then draw

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802
        # Another tab, or the window closed and its journal with it: draw when shown again.
        self._redraw_timer.stop()
        super().hideEvent(event)

    def _on_state_changed(self, changes: Changes) -> None:
        whole = self.preset() == "all"  # a day added before the first one moves the start
        if self.series is not None and not changes.checkins and not changes.treatments \
                and not changes.touches_days(
                None if whole else self.series.start, self.series.end):
            return  # nothing this chart shows changed
        self._stale = True
        if self.isVisible():
            self._redraw_timer.start()

    def _on_period_changed(self, _index: int) -> None:
        custom = self.preset() == CUSTOM
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        self.redraw()

    def _on_custom_dates_changed(self) -> None:
        if self.preset() == CUSTOM:
            self.redraw()

    def _on_details_toggled(self, shown: bool) -> None:
        self.details_box.setVisible(shown)
        self._below.setStretchFactor(self.insights_label, 0 if shown else 2)  # the table first
        self.details_button.setText("Hide details" if shown else "Show details")
        if shown:  # room for every comparison if the screen has it: the chart gives up height
            table = self.details
            full = (table.horizontalHeader().height() + 2 * table.frameWidth()
                    + sum(table.rowHeight(r) for r in range(table.rowCount())))
            table.setMaximumHeight(full)  # the text above takes what is left; the table scrolls
            table.setMinimumWidth(table.horizontalHeader().length() + 2 * table.frameWidth()
                                  + table.verticalScrollBar().sizeHint().width())
            chart, below = self.splitter.sizes()
            wanted = (self.insights_label.minimumHeight() + self.details_button.sizeHint().height()
                      + full + 24)
            moved = min(max(wanted - below, 0), max(chart - self.canvas.minimumHeight(), 0))
            self._chart_gave = moved
            self.splitter.setSizes([chart - moved, below + moved])
            # On a short screen the rows scroll into view (the sentences are above them).
            QTimer.singleShot(0, lambda: self._scroller.ensureWidgetVisible(self.details, 0, 0))
        elif self._chart_gave:  # hidden again: the chart gets back what it gave
            chart, below = self.splitter.sizes()
            given = min(self._chart_gave, below)
            self.splitter.setSizes([chart + given, below - given])
            self._chart_gave = 0

    def _on_export_clicked(self) -> None:
        series = self.series
        default = Path.home() / f"{self.kind()}-{series.start}-to-{series.end}.png"
        path_text, chosen = ask_file(self.state, QFileDialog.getSaveFileName, self,
                                     "Export chart", str(default), EXPORT_FILTERS)
        if not path_text:
            return
        path = Path(path_text)
        if path.suffix.lower() not in (".png", ".svg", ".pdf"):
            path = path.with_name(path.name + "." + chosen.split("(*.")[1].rstrip(")"))
        if output_refused(self, path, self.state):
            return
        try:
            save_figure(chart_figure(self.kind(), self.data), path)
        except OSError as error:
            QMessageBox.warning(self, "Export failed", f"Could not write {path}: {error.strerror}.")
            return
        self.window().statusBar().showMessage(f"Saved the chart to {path.name}.", 8000)
