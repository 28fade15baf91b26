"""The Medications & events dialog and the day form's one-key as-needed dose."""

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from journal.journal import Journal
from tests.ui.helpers import by_name, menu_action, press

TODAY = dt.date.today()


def _button(dialog, text):
    (found,) = [b for b in dialog.findChildren(QPushButton) if b.text() == text]
    return found


def _dialog(window, qtbot):
    from journal.ui.medications_dialog import MedicationsDialog

    dialog = MedicationsDialog(window.state, window.form.date, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_add_change_dose_and_stop_through_the_dialog_each_undone_with_ctrl_z(
        open_window, qtbot, db_path):
    window = open_window()
    dialog = _dialog(window, qtbot)
    start = TODAY - dt.timedelta(days=40)
    qtbot.keyClicks(by_name(dialog, "Name"), "Duloxetine")
    qtbot.keyClicks(by_name(dialog, "Strength"), "30")
    by_name(dialog, "Unit").setCurrentText("mg")
    qtbot.keyClicks(by_name(dialog, "Schedule"), "once daily")
    by_name(dialog, "Date").setDate(QDate(start.year, start.month, start.day))
    _button(dialog, "&Add medication").click()
    assert dialog.meds.count() == 1
    assert dialog.meds.item(0).text().startswith("Duloxetine 30 mg, once daily")
    dialog.meds.setCurrentRow(0)
    by_name(dialog, "Strength").setText("60")
    later = start + dt.timedelta(days=14)
    by_name(dialog, "Date").setDate(QDate(later.year, later.month, later.day))
    _button(dialog, "Change &dose").click()
    assert "Duloxetine 60 mg" in dialog.meds.item(0).text()
    window.state.undo_stack.undo()
    assert "Duloxetine 30 mg" in dialog.meds.item(0).text()  # the dialog follows the undo
    window.state.undo_stack.redo()
    by_name(dialog, "Date").setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    _button(dialog, "&Stop").click()
    with Journal.open(db_path) as journal:
        (med,) = journal.medications()
    assert [d.strength for d in med.doses] == [30, 60] and med.stop == TODAY


def test_a_refused_value_is_named_in_the_dialog_and_nothing_is_written(open_window, qtbot,
                                                                      db_path):
    window = open_window()
    dialog = _dialog(window, qtbot)
    qtbot.keyClicks(by_name(dialog, "Name"), "Ibuprofen")
    qtbot.keyClicks(by_name(dialog, "Strength"), "lots")
    _button(dialog, "&Add medication").click()
    assert dialog.message.text().startswith('Strength: "lots" is not accepted')
    assert window.state.journal.medications() == []


def test_events_are_added_from_the_list_of_kinds_or_in_own_words(open_window, qtbot):
    window = open_window()
    dialog = _dialog(window, qtbot)
    by_name(dialog, "Kind").setCurrentText("CBT course")
    by_name(dialog, "A period").setChecked(True)
    until = TODAY + dt.timedelta(days=1)
    by_name(dialog, "Until").setDate(QDate(until.year, until.month, until.day))
    _button(dialog, "Add &event").click()
    by_name(dialog, "Kind").setCurrentText("Moved house")
    by_name(dialog, "A period").setChecked(False)
    _button(dialog, "Add &event").click()
    assert sorted(e.kind for e in window.state.journal.events()) == ["CBT course", "Moved house"]


def test_one_key_on_the_day_form_logs_an_as_needed_dose_and_ctrl_z_takes_it_back(
        open_window, qtbot):
    from journal.domain.medications import Medication

    window = open_window()
    window.state.change_treatments("add_medication", Medication(
        "Paracetamol", TODAY - dt.timedelta(days=10), as_needed=True))
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    (med,) = window.state.journal.medications()
    assert med.day(window.form.date).count == 2
    assert window.saved_label.text() == (f"Logged a dose of Paracetamol: 2 on {window.form.date}."
                                         " Undo with Ctrl+Z.")
    window.state.undo_stack.undo()
    assert window.state.journal.medications()[0].day(window.form.date).count == 1


def test_the_dialog_opens_from_the_edit_menu_and_from_the_day_form(open_window, qtbot):
    window = open_window()
    action = menu_action(window, "&Edit", "&Medications && events…")
    assert action.shortcut().toString() == "Ctrl+M"
    seen = []

    def close_it():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, close_it)
    action.trigger()
    QTimer.singleShot(0, close_it)
    window.medications_button.click()
    assert seen == ["Medications & events", "Medications & events"]
