"""The check-in dialog: one question a screen, keys 0-3, the crisis contacts at once."""

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from journal.domain.questionnaires import Checkin
from journal.ui.checkin_dialog import COUNTRY_SETTING, CheckinDialog
from journal.ui.state import JournalState

DAY = dt.date(2026, 10, 20)


@pytest.fixture
def state(db_path):
    opened = JournalState(db_path)
    opened.make_ready_to_write()
    yield opened
    opened.close()


@pytest.fixture
def settings(settings_path):
    return QSettings(str(settings_path), QSettings.Format.IniFormat)


@pytest.fixture
def dialog(qtbot, state, settings):
    def make(key="phq9", existing=None):
        made = CheckinDialog(state, key, DAY, settings, existing=existing)
        qtbot.addWidget(made)
        made.show()
        qtbot.waitExposed(made)
        return made
    return make


def keys(dialog, text):
    for char in text:
        QTest.keyClick(dialog, getattr(Qt.Key, f"Key_{char}"))


def test_nothing_is_preselected_and_next_waits_for_an_answer(dialog):
    shown = dialog()
    assert shown.progress.text() == "PHQ-9, question 1 of 9"
    assert shown.question.text() == "Little interest or pleasure in doing things"
    assert not any(b.isChecked() for b in shown.answer_buttons)
    assert not shown.next_button.isEnabled()
    assert [b.text() for b in shown.answer_buttons][3] == "3    Nearly every day"
    assert all(b.minimumHeight() >= 56 for b in shown.answer_buttons)
    assert "No permission required to reproduce" in shown.attribution.text()


def test_keys_answer_back_goes_back_and_the_result_says_the_change(dialog, state, qtbot):
    state.save_checkin(Checkin("phq9", dt.date(2026, 10, 3), (2,) * 8 + (0,)))
    shown = dialog()
    keys(shown, "12")
    assert shown.progress.text() == "PHQ-9, question 3 of 9"
    QTest.mouseClick(shown.back_button, Qt.MouseButton.LeftButton)
    assert shown.answer_buttons[2].isChecked() and shown.progress.text().endswith("2 of 9")
    keys(shown, "21111111")
    assert shown.on_difficulty and shown.next_button.text() == "&Finish"
    keys(shown, "0")  # the 2 from item 2 was kept through Back
    assert shown.done_answering
    assert shown.result.text() == ("PHQ-9 10, moderate; 6 points lower than on 3 October, a "
                                   "change clinicians consider meaningful.")
    assert "not a diagnosis" in shown.band_note.text()
    stored = state.checkins(start=DAY)[0]
    assert stored.answers == (1, 2, 1, 1, 1, 1, 1, 1, 1) and stored.difficulty == 0
    assert shown.safety.isVisible()  # item 9 was answered 1
    state.undo_stack.undo()
    assert state.checkins(start=DAY) == []


@pytest.mark.parametrize("answer", ["1", "2", "3"])
def test_item9_above_0_shows_the_crisis_contacts_at_once_and_does_not_block(
        dialog, answer, settings):
    shown = dialog()
    keys(shown, "00000000")
    assert not shown.safety.isVisible()
    keys(shown, answer)
    assert shown.safety.isVisible()  # at once, before the questionnaire is finished
    assert shown.on_difficulty and shown.isVisible()  # it goes on: nothing modal opened
    text = shown.safety.text.text()
    assert "988" in text and "116 123" in text and "does not tell anyone" in text
    shown.safety.country.setCurrentIndex(shown.safety.country.findData("uk"))
    assert "116 123" in shown.safety.text.text() and "988" not in shown.safety.text.text()
    assert settings.value(COUNTRY_SETTING) == "uk"
    keys(shown, "2")
    assert shown.done_answering and shown.safety.isVisible()


def test_the_country_setting_is_used_next_time(dialog, settings):
    settings.setValue(COUNTRY_SETTING, "us")
    shown = dialog()
    keys(shown, "000000001")
    assert "988" in shown.safety.text.text() and "116 123" not in shown.safety.text.text()


def test_gad7_never_shows_the_crisis_panel_and_editing_shows_the_answers(dialog, state):
    shown = dialog("gad7")
    keys(shown, "3333333")
    keys(shown, "3")
    assert shown.result.text().startswith("GAD-7 21, severe; your first GAD-7")
    assert not shown.safety.isVisible()
    again = dialog("gad7", existing=state.checkins()[0])
    assert again.answer_buttons[3].isChecked() and again.next_button.isEnabled()
