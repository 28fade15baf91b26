import datetime as dt

from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from journal.demo import demo_entries
from journal.storage import EntryStore, open_database
from tests.ui.helpers import menu_action


def test_the_dialog_previews_page_1_and_writes_the_pdf_off_the_ui_thread(
        open_window, db_path, qtbot, monkeypatch, tmp_path, settings_path):
    db = open_database(db_path)
    EntryStore(db).save_many(demo_entries(120, seed=2))
    db.close()
    window = open_window()
    menu_action(window, "&File", "&Doctor report…").trigger()
    dialog = window.report_dialog
    qtbot.waitUntil(lambda: dialog.preview.pixmap() is not None
                    and not dialog.preview.pixmap().isNull())
    dialog.preset.setCurrentText("Last 90 days")
    dialog.name.setText("Alex Example")
    target = tmp_path / "visit"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PDF document (*.pdf)")))
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.save_button.click()
        assert dialog.busy.isVisible() and not dialog.save_button.isEnabled()  # off the UI thread
    reader = PdfReader(tmp_path / "visit.pdf")
    first = " ".join(reader.pages[0].extract_text().split())
    today = dt.date.today()
    start = today - dt.timedelta(days=89)
    assert f"{start.day} {start:%b %Y} – {today.day} {today:%b %Y}" in first
    assert "Name: Alex Example" in first and len(reader.pages) == 4
    assert dialog.save_button.isEnabled() and "Saved visit.pdf (4 pages)" in dialog.status.text()
    assert QSettings(str(settings_path), QSettings.Format.IniFormat).value("report/name") == \
        "Alex Example"
    dialog.close()


def test_since_my_last_visit_uses_the_remembered_date(open_window, qtbot, settings_path):
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("report/last_visit", "2026-01-15")
    settings.sync()
    window = open_window()
    menu_action(window, "&File", "&Doctor report…").trigger()
    dialog = window.report_dialog
    assert dialog.preset.currentText() == "Since my last visit"  # the default once known
    assert dialog.options().start == dt.date(2026, 1, 15)
    assert dialog.last_visit.isEnabled() and not dialog.from_edit.isEnabled()
    dialog.close()


def test_without_a_known_visit_the_report_covers_six_weeks(open_window, qtbot):
    window = open_window()
    menu_action(window, "&File", "&Doctor report…").trigger()
    dialog = window.report_dialog
    assert dialog.preset.currentText() == "Last 6 weeks"
    options = dialog.options()
    assert (options.start, options.end) == (dt.date.today() - dt.timedelta(days=41),
                                            dt.date.today())
    dialog.close()
