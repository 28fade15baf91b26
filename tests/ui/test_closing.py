"""What a view scheduled does not run after its window closed and its journal was shut."""

import datetime as dt

from PySide6.QtCore import QTimer

from journal.demo import demo_entries
from journal.domain import Entry
from journal.storage import EntryStore, open_database
from journal.ui.report_dialog import PREVIEW_DELAY_MS


def fill(db_path, days=60):
    db = open_database(db_path)
    EntryStore(db).save_many(demo_entries(days, seed=4))
    db.close()


def let_time_pass(qtbot, milliseconds):
    """Run the event loop until a timer of *milliseconds*, started now, has fired."""
    probe = QTimer(singleShot=True, interval=milliseconds)
    with qtbot.waitSignal(probe.timeout, timeout=milliseconds + 10_000):
        probe.start()


def open_report(window, qtbot):
    window._on_report()
    dialog = window.report_dialog
    qtbot.waitUntil(lambda: not dialog.preview.pixmap().isNull())
    return dialog


def test_a_closed_report_dialog_does_not_preview_a_closed_journal(open_window, db_path, qtbot):
    fill(db_path)
    window = open_window()
    dialog = open_report(window, qtbot)
    dialog.name.setText("Alex Example")  # a new preview is due in a moment
    dialog.close()
    window.close()  # and the journal with it
    let_time_pass(qtbot, 2 * PREVIEW_DELAY_MS)  # an error in the event loop fails the test


def test_the_report_dialog_closes_with_its_window(open_window, db_path, qtbot):
    fill(db_path)
    window = open_window()
    dialog = open_report(window, qtbot)
    dialog.name.setText("Alex Example")
    window.close()  # the dialog was still open
    assert not dialog.isVisible()
    let_time_pass(qtbot, 2 * PREVIEW_DELAY_MS)


def test_reopening_the_report_dialog_previews_the_journal_as_it_is_now(open_window, db_path,
                                                                       qtbot):
    window = open_window()
    dialog = open_report(window, qtbot)
    empty = dialog.preview.pixmap().toImage()
    dialog.close()
    fill(db_path, 30)  # days added while it was closed
    window._on_report()
    qtbot.waitUntil(lambda: dialog.preview.pixmap().toImage() != empty)
    dialog.close()


def open_charts(window, qtbot):
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: bool(window.chart_panel is not None and window.chart_panel.results))
    return window.chart_panel


def test_the_chart_panel_does_not_redraw_from_a_closed_journal(open_window, db_path, qtbot):
    fill(db_path)
    window = open_window()
    open_charts(window, qtbot)
    window.state.save_entry(Entry(dt.date.today(), pain=6))  # the chart is due to be redrawn
    window.close()
    let_time_pass(qtbot, 100)


def test_a_chart_changed_while_hidden_is_redrawn_when_shown(open_window, db_path, qtbot):
    fill(db_path)
    window = open_window()
    panel = open_charts(window, qtbot)
    pain = 0 if panel.series["pain"][-1] != 0 else 10
    window.tabs.setCurrentIndex(0)
    window.state.save_entry(Entry(dt.date.today(), pain=pain))
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: panel.series["pain"][-1] == pain)


def test_closing_the_report_dialog_while_it_writes_still_saves_the_whole_report(
        open_window, db_path, qtbot, monkeypatch, tmp_path):
    import threading

    from PySide6.QtWidgets import QFileDialog

    from journal.report import pdf

    fill(db_path)
    window = open_window()
    dialog = open_report(window, qtbot)
    started, go_on = threading.Event(), threading.Event()
    real = pdf.write_report

    def slow_write_report(*args):
        started.set()
        go_on.wait(30)
        return real(*args)

    monkeypatch.setattr(pdf, "write_report", slow_write_report)
    target = tmp_path / "visit.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PDF document (*.pdf)")))
    dialog.save_button.click()
    assert started.wait(30)
    dialog.close()  # while the worker writes
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        go_on.set()
    assert target.read_bytes().startswith(b"%PDF")
    assert window.saved_label.text() == f"Saved the report to {target}."
    let_time_pass(qtbot, 2 * PREVIEW_DELAY_MS)
