import datetime as dt
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QFileDialog

from journal.analysis import pairs
from journal.demo import demo_entries
from journal.storage import EntryStore, open_database

TODAY = dt.date.today()


def fill(db_path, days=120):
    db = open_database(db_path)
    EntryStore(db).save_many(demo_entries(days, seed=4))
    db.close()


def open_charts(window, qtbot):
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: bool(window.chart_panel is not None and window.chart_panel.results))
    return window.chart_panel


def test_matplotlib_waits_until_the_charts_tab_is_opened():
    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
            "from journal.ui.app import create_main_window; import tempfile, os;"
            "w = create_main_window(os.path.join(tempfile.mkdtemp(), 'j.db')); w.show();"
            "print(','.join(m for m in ('matplotlib', 'scipy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == ""


def test_the_panel_shows_the_trends_of_the_last_90_days_with_insights(open_window, db_path, qtbot):
    fill(db_path)
    panel = open_charts(open_window(), qtbot)
    assert panel.kind() == "trends"
    assert (panel.series.start, panel.series.end) == (TODAY - dt.timedelta(days=89), TODAY)
    assert [ax.get_title(loc="left") for ax in panel.canvas.figure.axes][0].startswith("Pain")
    text = panel.insights_label.toPlainText()
    assert "Sleep last night and pain today" in text and "not proof of cause" in text
    assert text.count("not proof of cause") == 1
    assert "significant" not in text.lower()  # the other surfaces: tests/analysis/test_insights


def test_switching_chart_and_period_redraws(open_window, db_path, qtbot):
    fill(db_path)
    panel = open_charts(open_window(), qtbot)
    panel.kind_box.setCurrentIndex(list(panel.kind_box.itemData(i) for i in range(5)).index(
        "sleep-pain"))
    assert panel.canvas.figure.axes[0].get_xlabel() == "Sleep last night (hours)"
    panel.period_box.setCurrentText("Last 30 days")
    assert panel.series.start == TODAY - dt.timedelta(days=29)
    assert panel.from_edit.date().toPython() == panel.series.start
    panel.period_box.setCurrentText("Custom")
    panel.from_edit.setDate(panel.from_edit.date().addDays(-5))
    assert panel.series.start == TODAY - dt.timedelta(days=34)


def test_the_panel_updates_after_a_save(open_window, db_path, qtbot):
    window = open_window()
    panel = open_charts(window, qtbot)
    assert panel.series.days_logged == 0
    assert "Not enough days" in panel.insights_label.toPlainText()
    assert "significant" not in panel.insights_label.toPlainText().lower()
    window.form.scores["pain"].set_value(7)  # as typed on the Day tab
    window.save_day()
    qtbot.waitUntil(lambda: panel.series.days_logged == 1 and "Not enough" in
                    panel.insights_label.toPlainText())
    assert panel.canvas.figure.axes[0].get_lines()[0].get_ydata()[-1] == 7


def test_the_panel_says_the_declared_number_of_days_needed(open_window, qtbot, monkeypatch):
    monkeypatch.setattr(pairs, "MIN_DAYS", 10)  # see tests/analysis/test_thresholds.py
    panel = open_charts(open_window(), qtbot)
    assert "and 10 days with both values are needed" in panel.insights_label.toPlainText()


def test_details_show_rho_interval_n_and_q(open_window, db_path, qtbot):
    fill(db_path, 200)
    panel = open_charts(open_window(), qtbot)
    panel.details_button.click()
    assert panel.details.isVisible() and panel.details.rowCount() == 7
    headers = [panel.details.horizontalHeaderItem(c).text() for c in range(7)]
    assert headers == ["Comparison", "ρ", "95 % interval", "days (n)", "effective n", "q", "status"]
    assert panel.details.item(0, 6).text() == "ok"


@pytest.mark.parametrize("size", [(1000, 700), (1366, 768), (1000, 800)])
def test_details_show_every_comparison_at_once_on_a_laptop_screen(open_window, db_path, qtbot,
                                                                   size):
    fill(db_path, 200)
    window = open_window()
    window.resize(*size)
    panel = open_charts(window, qtbot)
    panel.details_button.click()
    table, last = panel.details, panel.details.rowCount() - 1
    scroller = panel._scroller.viewport()

    def every_row_on_screen():
        bottom = table.mapTo(scroller, table.rect().bottomLeft()).y()
        top = table.mapTo(scroller, table.rect().topLeft()).y()
        return (table.rowViewportPosition(last) + table.rowHeight(last)
                <= table.viewport().height() and top >= 0 and bottom <= scroller.height())

    qtbot.waitUntil(every_row_on_screen)
    assert window.height() <= size[1]  # the window did not grow past the screen to make room
    chart_with_details = panel.canvas.height()
    panel.details_button.click()
    qtbot.waitUntil(lambda: panel.canvas.height() > chart_with_details)  # the chart gets it back


def test_a_period_longer_than_a_year_says_first_that_its_last_year_is_compared(
        open_window, db_path, qtbot):
    fill(db_path, 500)
    panel = open_charts(open_window(), qtbot)
    panel.period_box.setCurrentIndex(panel.period_box.findData("all"))
    qtbot.waitUntil(lambda: len(panel.series) >= 500 and bool(panel.results)
                    and "Working out" not in panel.insights_label.toPlainText())
    text = panel.insights_label.toPlainText()
    assert text.startswith("Only your last 365 days with entries are compared here")


def test_export_chart_writes_the_chosen_format(open_window, db_path, qtbot, monkeypatch, tmp_path):
    fill(db_path, 40)
    panel = open_charts(open_window(), qtbot)
    target = tmp_path / "my-chart"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "SVG drawing (*.svg)")))
    panel.export_button.click()
    assert (tmp_path / "my-chart.svg").read_bytes().startswith(b"<?xml")
