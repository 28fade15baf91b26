import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from journal.domain import Activity
from journal.ui.score_input import ScoreButtons
from tests.helpers import stored
from tests.ui.helpers import by_name, press, tab, type_keys

CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = dt.date.today()


def test_a_new_journal_opens_on_today_with_an_empty_form(open_window):
    window = open_window()
    assert window.form.date == TODAY
    assert "(today)" in window.form.day_label.text()
    for name in ("Pain", "Worst pain", "Mood", "Energy", "Sleep quality"):
        assert by_name(window, name).text() == "not recorded"
    assert by_name(window, "Sleep hours").text() == ""
    assert window.welcome.isVisible()
    assert QApplication.focusWidget() is by_name(window, "Pain")


def test_a_day_is_logged_with_the_keyboard_alone(open_window, db_path):
    window = open_window()
    type_keys("6")                    # Pain has the focus
    tab(2)                            # Worst pain, Pain interference
    type_keys("3")
    tab(1)                            # Mood
    type_keys("4")
    tab(2)                            # Energy, Sleep hours
    type_keys("6:30")
    tab(2)                            # Sleep quality, Add activity
    assert QApplication.focusWidget() is by_name(window, "Add activity")
    press(Qt.Key.Key_Space)           # a new row: walking, minutes left empty
    assert QApplication.focusWidget() is by_name(window, "Activity minutes")
    assert by_name(window, "Activity minutes").text() == "minutes?"
    type_keys("30")
    press(Qt.Key.Key_S, CTRL)
    assert window.saved_label.text().startswith(f"Saved {TODAY:%A}")
    assert QApplication.focusWidget() is by_name(window, "Pain")  # ready for the next day

    entry = stored(db_path)
    assert (entry.pain, entry.pain_interference, entry.mood, entry.sleep_hours) == (6, 3, 4, 6.5)
    assert entry.activities == (Activity("walking", 30),)
    assert (entry.worst_pain, entry.energy, entry.sleep_quality, entry.notes) == (
        None, None, None, None)
    assert entry.tags == ()


def test_a_second_window_shows_the_saved_day_and_the_rest_as_not_recorded(open_window, db_path):
    first = open_window()
    by_name(first, "Pain").setValue(6)
    by_name(first, "Mood").setValue(4)
    by_name(first, "Sleep hours").setText("6:30")
    first.save_day()
    first.close()
    second = open_window()
    assert by_name(second, "Pain").text() == "6"
    assert by_name(second, "Mood").text() == "4"
    assert by_name(second, "Sleep hours").text() == "6 h 30"
    for name in ("Worst pain", "Energy", "Sleep quality"):
        assert by_name(second, name).text() == "not recorded"
    assert not by_name(second, "No exercise today").isChecked()


def test_inputs_found_by_accessible_name_are_stored_on_ctrl_s(open_window, db_path):
    window = open_window()
    values = {"Pain": 3, "Worst pain": 7, "Mood": 8, "Energy": 2, "Sleep quality": 4}
    for name, value in values.items():
        by_name(window, name).setValue(value)
    by_name(window, "Sleep hours").setText("7,5")
    by_name(window, "Tags").setText("flare, rain")
    by_name(window, "Notes").setPlainText("long day\nsecond line")
    by_name(window, "No exercise today").setChecked(True)
    press(Qt.Key.Key_S, CTRL)
    entry = stored(db_path)
    assert (entry.pain, entry.worst_pain, entry.mood, entry.energy, entry.sleep_quality) == (
        3, 7, 8, 2, 4)
    assert (entry.sleep_hours, entry.tags, entry.notes) == (7.5, ("flare", "rain"),
                                                            "long day\nsecond line")
    assert entry.activities == () and entry.activity_minutes == 0


def test_clicking_a_score_button_sets_it_and_clicking_again_clears_it(open_window, qtbot):
    window = open_window()
    buttons = by_name(window, "Pain buttons")
    six = buttons.button_rect(6).center()
    assert buttons.score_at(six) == 6
    qtbot.mouseClick(buttons, Qt.MouseButton.LeftButton, pos=six)
    assert by_name(window, "Pain").text() == "6" and buttons.chosen() == 6
    qtbot.mouseClick(buttons, Qt.MouseButton.LeftButton, pos=six)
    assert by_name(window, "Pain").text() == "not recorded" and buttons.chosen() is None


def test_only_a_left_click_on_a_score_button_counts(open_window, qtbot):
    window = open_window()
    buttons = by_name(window, "Worst pain buttons")
    qtbot.mouseClick(buttons, Qt.MouseButton.RightButton, pos=buttons.button_rect(3).center())
    gap = buttons.button_rect(3).topRight() + QPoint(1, 5)  # between two buttons
    qtbot.mouseClick(buttons, Qt.MouseButton.LeftButton, pos=gap)
    assert by_name(window, "Worst pain").text() == "not recorded" and buttons.chosen() is None


def test_typing_a_score_shows_it_on_the_buttons(open_window):
    window = open_window()
    type_keys("4")
    assert by_name(window, "Pain buttons").chosen() == 4


def test_a_score_can_be_cleared_from_the_keyboard(open_window):
    window = open_window()
    type_keys("7")
    press(Qt.Key.Key_A, CTRL)
    press(Qt.Key.Key_Backspace)
    tab()
    assert window.form.entry().pain is None


def test_a_validation_problem_shows_by_its_field_and_keeps_what_was_typed(open_window, db_path):
    window = open_window()
    type_keys("5")
    tab(5)                            # Worst pain, Pain interference, Mood, Energy, Sleep hours
    type_keys("25")
    press(Qt.Key.Key_S, CTRL)
    error = window.form._errors["sleep_hours"]
    assert error.isVisible()
    assert "Sleep hours" in error.text() and "25" in error.text() and "0 to 24" in error.text()
    assert by_name(window, "Sleep hours").text() == "25"
    assert by_name(window, "Pain").text() == "5"
    assert QApplication.focusWidget() is by_name(window, "Sleep hours")
    assert stored(db_path) is None
    by_name(window, "Sleep hours").setText("7")
    press(Qt.Key.Key_S, CTRL)
    assert not error.isVisible() and stored(db_path).sleep_hours == 7


def test_an_empty_activity_kind_is_named_in_the_message(open_window, qtbot, db_path):
    window = open_window()
    qtbot.mouseClick(by_name(window, "Add activity"), Qt.MouseButton.LeftButton)
    by_name(window, "Activity kind").setCurrentText("")
    window.save_day()
    assert "Activity kind" in window.form._errors["activities"].text()
    assert stored(db_path) is None


def test_saving_an_untouched_form_saves_nothing_and_says_so(open_window, db_path):
    window = open_window()
    press(Qt.Key.Key_S, CTRL)
    assert stored(db_path) is None
    assert "Nothing to save" in window.saved_label.text()


def test_every_input_has_a_visible_label_or_an_accessible_name(open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(by_name(window, "Add activity"), Qt.MouseButton.LeftButton)
    inputs = [w for w in window.form.findChildren(QAbstractSpinBox)
              + window.form.findChildren(QLineEdit) + window.form.findChildren(QPlainTextEdit)
              + window.form.findChildren(QComboBox) + window.form.findChildren(QAbstractButton)
              + window.form.findChildren(ScoreButtons)
              if w.isVisibleTo(window) and w.parent() is not None
              and not isinstance(w.parent(), (QAbstractSpinBox, QComboBox))]
    assert len(inputs) >= 24
    for widget in inputs:
        assert widget.accessibleName() or widget.text(), widget
    labels = {label.text().replace("&", ""): label.buddy()
              for label in window.form.findChildren(QLabel) if label.buddy()}
    for text in ("Pain", "Worst pain", "Mood", "Energy", "Sleep hours", "Sleep quality", "Tags",
                 "Notes", "Date"):
        assert labels[text].accessibleName() == text


def test_click_targets_are_at_least_32_pixels_high(open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(by_name(window, "Add activity"), Qt.MouseButton.LeftButton)
    small = [w.accessibleName() or w.text() for w in window.form.findChildren(QAbstractButton)
             + window.form.findChildren(QAbstractSpinBox) + window.form.findChildren(QComboBox)
             if w.isVisibleTo(window) and w.height() < 32
             and not isinstance(w.parent(), (QAbstractSpinBox, QComboBox))]
    assert small == []


def test_tab_order_follows_the_visual_order(open_window):
    open_window()
    order = []
    for _ in range(12):
        focused = QApplication.focusWidget()
        order.append(focused.accessibleName() or focused.text().replace("&", ""))
        tab()
    assert order == ["Pain", "Worst pain", "Pain interference", "Mood", "Energy", "Sleep hours",
                     "Sleep quality",
                     "Add activity", "No exercise today", "Tags", "Notes", "Save day"]


def test_every_alt_letter_on_the_day_form_does_one_thing(open_window):
    window = open_window()
    widgets = window.form.findChildren(QLabel) + window.form.findChildren(QAbstractButton)
    texts = [w.text() for w in widgets
             if w.isVisibleTo(window)]
    texts += [a.text() for a in window.menuBar().actions()]
    letters = [text[text.index("&") + 1].lower() for text in texts if "&" in text]
    assert len(letters) == len(set(letters)) and len(letters) >= 14, sorted(letters)


def test_more_than_24_hours_of_activity_is_shown_beside_the_activities(open_window, qtbot,
                                                                       db_path):
    window = open_window()
    for _ in range(2):
        qtbot.mouseClick(by_name(window, "Add activity"), Qt.MouseButton.LeftButton)
    for row in window.form.activities.rows():
        row.minutes.setValue(1000)
    window.save_day()
    error = window.form._errors["activities"]
    assert error.isVisible()
    assert error.text() == ('⚠ Activity minutes: "2000" is not accepted; expected a total of at '
                            "most 1440 minutes (24 hours) of activity a day.")
    assert stored(db_path) is None
