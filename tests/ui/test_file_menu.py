import datetime as dt
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journal.domain import Entry
from journal.storage import EntryStore, open_database
from tests.ui.helpers import by_name, menu_action, press

TODAY = dt.date.today()


def test_export_from_the_file_menu_writes_the_chosen_format(open_window, monkeypatch, tmp_path):
    window = open_window()
    by_name(window, "Pain").setValue(4)
    window.save_day()
    target = tmp_path / "mine"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "JSON (*.json)")))
    menu_action(window, "&File", "&Export data…").trigger()
    written = json.loads((tmp_path / "mine.json").read_text(encoding="utf-8"))
    assert [d["pain"] for d in written["days"]] == [4]
    assert window.saved_label.text() == f"Exported 1 day to {tmp_path / 'mine.json'}."


def test_import_shows_what_changes_and_one_undo_takes_it_back(open_window, monkeypatch, tmp_path,
                                                              answers, db_path):
    source = tmp_path / "old.csv"
    two, one = TODAY - dt.timedelta(days=2), TODAY - dt.timedelta(days=1)
    source.write_text(f"date,pain\n{two},3\n{one},4\n")
    window = open_window()
    by_name(window, "Pain").setValue(2)
    window.save_day()  # a journal with a day in it is backed up before an import
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(source), "")))
    answers.append(QMessageBox.StandardButton.Yes)
    menu_action(window, "&File", "&Import…").trigger()
    assert "2 new days and 0 days different from your journal" in answers.asked[0]
    assert window.history.model.rowCount() == 3
    from journal.storage.backup import list_backups

    assert [b.reason for b in list_backups(db_path)] == ["before-import"]
    window.state.undo_stack.undo()
    assert window.history.model.rowCount() == 1
    db = open_database(db_path)
    assert EntryStore(db).count() == 1
    db.close()


def test_a_bad_import_file_is_named_by_line_and_changes_nothing(open_window, monkeypatch, tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text("date,pain\n2026-01-01,5\n2026-01-02,99\n")
    window = open_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(source), "")))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda p, t, text: shown.append(text)))
    press(Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # the File menu's shortcut
    assert shown == ['bad.csv: line 3: Pain: "99" is not accepted; expected a whole number from 0 '
                     'to 10.']
    assert window.history.model.rowCount() == 0


def test_tags_complete_from_those_used_before(open_window, db_path):
    db = open_database(db_path)
    EntryStore(db).save(Entry(TODAY - dt.timedelta(days=1), tags=("flare", "rain")))
    db.close()
    window = open_window()
    tags = by_name(window, "Tags")
    tags.setFocus()
    from PySide6.QtTest import QTest
    QTest.keyClicks(tags, "rain, fl")
    completer = tags._completer
    assert completer.currentCompletion() == "flare"
    assert completer.popup().isVisible()
    QTest.keyClick(completer.popup(), Qt.Key.Key_Return)  # the first one is highlighted
    assert not completer.popup().isVisible()
    assert tags.tags() == ("rain", "flare")


def _import_showing_warnings(window, monkeypatch, source):
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(source), "")))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda p, title, text: shown.append((title, text))))
    menu_action(window, "&File", "&Import…").trigger()
    return shown


def test_an_unusual_digit_in_an_import_file_is_a_message_naming_the_line(open_window, monkeypatch,
                                                                          tmp_path):
    source = tmp_path / "sup.csv"
    source.write_bytes("date,activity_minutes,activities\r\n2024-02-01,²,walking:2\r\n".encode())
    window = open_window()
    shown = _import_showing_warnings(window, monkeypatch, source)
    assert shown == [("Nothing was imported", 'sup.csv: line 2: Activity minutes: "²" is not '
                      "accepted; expected the total of the activities (2) or a blank.")]
    assert window.history.model.rowCount() == 0


def test_an_unexpected_problem_reading_an_import_file_is_a_message_not_a_traceback(
        open_window, monkeypatch, tmp_path):
    source = tmp_path / "odd.csv"
    source.write_text("date,pain\n2024-02-01,5\n")
    window = open_window()

    def parser_bug(data, fmt):
        raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")

    monkeypatch.setattr("journal.ui.file_actions.read_document", parser_bug)
    shown = _import_showing_warnings(window, monkeypatch, source)
    assert len(shown) == 1 and shown[0][0] == "Nothing was imported"
    assert shown[0][1].startswith("odd.csv could not be read")
    assert "Exceeds the limit" in shown[0][1] and shown[0][1].endswith("Nothing was imported.")
    assert window.history.model.rowCount() == 0
