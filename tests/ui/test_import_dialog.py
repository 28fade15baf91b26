"""File > Import from another app…: detected format, mood mapping, preview, progress, undo."""

import datetime as dt
import sys

from journal.ui.import_dialog import PAGE_COLUMNS, PAGE_MOODS, PAGE_PREVIEW, ImportDialog
from tests.ui.helpers import menu_action

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"
SLEEP = ('<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US">\n'
         ' <ExportDate value="2024-03-10 21:07:11 +0100"/>\n')


def _daylio(tmp_path):
    path = tmp_path / "daylio_export.csv"
    path.write_text(HEADER + '2024-03-02,2 March,Saturday,10:00,okay,"walk","",""\n'
                    '2024-03-02,2 March,Saturday,09:00,rad,"","",""\n'
                    '2024-03-01,1 March,Friday,10:00,okay,"","",""\n'
                    '2024-02-29,29 February,Thursday,10:00,Tired,"","",""\n', encoding="utf-8")
    return path


def test_menu_opens_the_dialog_lazily(open_window, monkeypatch):
    window = open_window()
    opened = []
    monkeypatch.setattr(ImportDialog, "exec", lambda self: opened.append(self) or 0)
    assert "journal.ui.import_dialog" in sys.modules  # imported by this test module
    menu_action(window, "&File", "Import from another &app…").trigger()
    assert len(opened) == 1 and opened[0].windowTitle() == "Import from another app"


def test_moods_are_mapped_then_previewed_imported_and_undone(open_window, qtbot, tmp_path):
    window = open_window()
    dialog = ImportDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.load(_daylio(tmp_path))
    assert dialog.detected.text() == "Detected: Daylio CSV."
    assert dialog.stack.currentIndex() == PAGE_MOODS
    rows = {dialog.moods_table.item(r, 0).text(): (dialog.moods_table.item(r, 1).text(),
                                                   dialog.moods_table.cellWidget(r, 2))
            for r in range(dialog.moods_table.rowCount())}
    assert {name: count for name, (count, _) in rows.items()} == {"okay": "2", "rad": "1",
                                                                 "Tired": "1"}
    assert rows["rad"][1].value() == 10 and rows["okay"][1].text() == "not set"
    assert not dialog.import_button.isEnabled()
    rows["okay"][1].setValue(6)
    rows["Tired"][1].setValue(3)
    dialog.read_button.click()
    assert dialog.stack.currentIndex() == PAGE_PREVIEW
    assert "add 3 days" in dialog.summary.text()
    assert window.state.journal.count() == 0  # nothing written before Import
    dialog.import_button.click()
    assert window.state.journal.day(dt.date(2024, 3, 2)).mood == 8  # mean of 6 and 10
    assert window.state.journal.count() == 3
    window.state.undo_stack.undo()
    assert window.state.journal.count() == 0


def test_a_bad_file_says_which_line_and_cannot_be_imported(open_window, qtbot, tmp_path):
    window = open_window()
    dialog = ImportDialog(window.state, window)
    qtbot.addWidget(dialog)
    path = tmp_path / "daylio_export.csv"
    path.write_text(HEADER + '2024-03-02,2 March,Sat,10:00,rad,"","",""\nbad,x,y,10:00,rad,"",'
                    '"",""\n', encoding="utf-8")
    dialog.load(path)
    assert "line 3" in dialog.message.text() and not dialog.import_button.isEnabled()


def test_apple_health_shows_progress_and_can_be_stopped(open_window, qtbot, tmp_path,
                                                        monkeypatch):
    window = open_window()
    dialog = ImportDialog(window.state, window)
    qtbot.addWidget(dialog)
    path = tmp_path / "export.xml"
    path.write_text(SLEEP + ' <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="W" '
                    'startDate="2024-03-01 23:00:00 +0100" endDate="2024-03-02 07:00:00 +0100" '
                    'value="HKCategoryValueSleepAnalysisAsleep"/>\n</HealthData>\n',
                    encoding="utf-8")
    seen = []
    original = dialog._on_progress
    monkeypatch.setattr(dialog, "_on_progress",
                        lambda f: seen.append(not dialog.progress.isHidden()
                                              and not dialog.read_button.isEnabled())
                        or original(f))
    dialog.load(path)
    assert seen and all(seen) and "add 1 day" in dialog.summary.text()  # bar shown, no rereads
    assert dialog.read_button.isEnabled()
    monkeypatch.setattr(dialog, "_on_progress", lambda f: False)
    dialog.read()
    assert "stopped; nothing was written" in dialog.message.text()
    assert window.state.journal.count() == 0


def test_any_csv_asks_for_columns_then_keeps_the_mapping(open_window, qtbot, tmp_path):
    window = open_window()
    path = tmp_path / "mine.csv"
    path.write_text("Day,Pain level,Remarks\n01-03-2024,4,ok\n02-03-2024,5,\n", encoding="utf-8")
    dialog = ImportDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.load(path)
    assert dialog.stack.currentIndex() == PAGE_COLUMNS
    assert "more than one way" in dialog.message.text()  # 01-03 and 02-03: day or month first?
    assert [dialog.date_format.itemText(i) for i in range(dialog.date_format.count())] == [
        "DD-MM-YYYY", "MM-DD-YYYY"]
    remarks = dialog.columns_table.cellWidget(2, 1)
    remarks.setCurrentIndex(remarks.findData("notes"))
    dialog.read_button.click()
    assert dialog.stack.currentIndex() == PAGE_PREVIEW
    dialog.import_button.click()
    assert window.state.journal.day(dt.date(2024, 3, 1)).notes == "ok"
    again = ImportDialog(window.state, window)
    qtbot.addWidget(again)
    again.load(path)
    assert again.stack.currentIndex() == PAGE_PREVIEW  # no questions the second time


def test_bearable_symptoms_that_count_as_pain_are_the_users_choice(open_window, qtbot,
                                                                     tmp_path):
    from PySide6.QtCore import Qt

    window = open_window()
    path = tmp_path / "bearable.csv"
    path.write_text("date,weekday,time of day,category,rating/amount,detail,notes\n"
                    '"1st Feb 2021","Monday","am","Symptom","2","Headache (Moderate)",""\n'
                    '"1st Feb 2021","Monday","pm","Symptom","3","Jaw Clenching (Severe)",""\n',
                    encoding="utf-8")
    dialog = ImportDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.load(path)
    items = {dialog.symptoms.item(i).text(): dialog.symptoms.item(i)
             for i in range(dialog.symptoms.count())}
    assert {n: i.checkState() == Qt.CheckState.Checked for n, i in items.items()} == {
        "Headache": True, "Jaw Clenching": False}
    items["Jaw Clenching"].setCheckState(Qt.CheckState.Checked)
    dialog.read_button.click()
    dialog.import_button.click()
    day = window.state.journal.day(dt.date(2021, 2, 1))
    assert (day.pain, day.worst_pain) == (8, 9)  # mean of Moderate 6 and Severe 9; the worst
