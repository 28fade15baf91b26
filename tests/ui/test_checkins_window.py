"""Check-ins in the window: from the day page and the Go menu, the reminder, undo, Get help."""

import datetime as dt

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from journal.domain.questionnaires import Checkin
from journal.journal import Journal
from journal.ui.checkin_bar import DISMISSED_SETTING, REMIND_SETTING
from tests.ui.helpers import menu_action

TODAY = dt.date.today()


def seed(db_path, *checkins):
    with Journal.open(db_path, write=True, create=True) as journal:
        for checkin in checkins:
            journal.save_checkin(checkin)


def phq(days_ago, answers=(1,) * 9):
    return Checkin("phq9", TODAY - dt.timedelta(days=days_ago), answers)


def test_the_go_menu_opens_a_check_in_for_the_days_form_and_undo_takes_it_back(
        open_window, qtbot):
    window = open_window()
    assert not window.checkin_bar.prompt.isVisible()  # never taken: no reminder at all
    menu_action(window, "&Go", "&Mood check-in (PHQ-9)…").trigger()
    dialog = window.checkin_bar.dialog
    qtbot.waitExposed(dialog)
    assert dialog.date == window.form.date
    for key in "000000000":
        QTest.keyClick(dialog, getattr(Qt.Key, f"Key_{key}"))
    QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Finish, difficulty skipped
    assert dialog.result.text().startswith("PHQ-9 0, none–minimal")
    assert [c.total for c in window.state.checkins()] == [0]
    assert "Save PHQ-9 of" in window.undo_action.text()
    window.undo_action.trigger()  # Edit > Undo
    assert window.state.checkins() == []


def test_the_reminder_appears_after_14_days_and_not_now_keeps_it_away(
        open_window, db_path, settings_path):
    seed(db_path, phq(13))
    window = open_window()
    assert not window.checkin_bar.prompt.isVisible()
    window.close()
    seed(db_path, Checkin("gad7", TODAY - dt.timedelta(days=20), (0,) * 7))
    with Journal.open(db_path, write=True) as journal:
        journal.delete_checkin("phq9", TODAY - dt.timedelta(days=13))
    window = open_window()
    bar = window.checkin_bar
    assert bar.prompt.isVisible() and "20 days ago" in bar.prompt_text.text()
    QTest.mouseClick(bar.not_now_button, Qt.MouseButton.LeftButton)
    assert not bar.prompt.isVisible()
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert settings.value(DISMISSED_SETTING) == TODAY.isoformat()


def test_dont_remind_me_turns_it_off_and_the_menu_turns_it_on_again(open_window, db_path,
                                                                   settings_path):
    seed(db_path, phq(30))
    window = open_window()
    bar = window.checkin_bar
    remind = menu_action(window, "&Go", "&Remind me about check-ins")
    assert bar.prompt.isVisible() and remind.isChecked()
    QTest.mouseClick(bar.never_button, Qt.MouseButton.LeftButton)
    assert not bar.prompt.isVisible() and not remind.isChecked()
    assert QSettings(str(settings_path), QSettings.Format.IniFormat).value(REMIND_SETTING) \
        == "false"
    remind.trigger()
    assert bar.prompt.isVisible() and remind.isChecked()


def test_past_check_ins_delete_asks_and_undo_brings_it_back(open_window, db_path, answers):
    seed(db_path, phq(3, (0,) * 8 + (2,)), phq(40))
    window = open_window()
    menu_action(window, "&Go", "Past check-&ins…").trigger()
    listed = window.checkin_bar.list_dialog
    assert listed.table.rowCount() == 2
    assert listed.table.item(0, 4).text() == "above 0"
    answers.append(QMessageBox.StandardButton.Yes)
    QTest.mouseClick(listed.delete_button, Qt.MouseButton.LeftButton)
    assert "You can undo this with Ctrl+Z." in answers.asked[0]
    assert listed.table.rowCount() == 1
    window.state.undo_stack.undo()
    assert listed.table.rowCount() == 2


def test_change_opens_the_dialog_with_the_answers(open_window, db_path, qtbot):
    seed(db_path, phq(3, (3,) * 9))
    window = open_window()
    window.checkin_bar.show_past()
    QTest.mouseClick(window.checkin_bar.list_dialog.change_button, Qt.MouseButton.LeftButton)
    dialog = window.checkin_bar.dialog
    assert dialog.date == TODAY - dt.timedelta(days=3)
    assert dialog.answer_buttons[3].isChecked()


def test_get_help_now_is_in_the_help_menu_whatever_the_answers(open_window):
    window = open_window()
    assert menu_action(window, "&Help", "&Get help now").isEnabled()


def test_get_help_now_names_the_chosen_countrys_line_and_every_line_without_one():
    from journal.ui.help_dialogs import get_help_text

    everyone = get_help_text(None)
    assert "988" in everyone and "116 123" in everyone and "findahelpline.com" in everyone
    uk = get_help_text("uk")
    assert "116 123" in uk and "999 or 112" in uk and "does not tell anyone" in uk
    assert "988" not in uk


def test_questionnaires_stay_off_the_windows_start_up_path():
    import subprocess
    import sys

    code = ("import sys, journal.ui.app, journal.ui.main_window, journal.journal; "
            "print([m for m in sys.modules if 'checkin' in m or 'questionnaire' in m])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin"})
    assert result.stdout.strip() == "[]", result.stderr
