"""The day form, faster: a typical day typed with real key presses, counted."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journal.domain import Activity, Entry
from tests.helpers import put, stored
from tests.ui.helpers import by_name, press, tab, type_keys

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
TODAY = dt.date.today()
YESTERDAY = TODAY - dt.timedelta(days=1)


class Keyboard:
    """Types into the focused widget and counts the keys that are not part of a value."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.extra = []

    def value(self, text: str) -> None:
        type_keys(text)

    def key(self, key, modifier=Qt.KeyboardModifier.NoModifier, name: str = "") -> None:
        self.extra.append(name or str(key))
        press(key, modifier)

    def enter(self) -> None:
        self.key(Qt.Key.Key_Return, name="Enter")

    def alt(self, letter: str) -> None:
        """Alt+letter, delivered as a real key press to the window's shortcut map."""
        self.extra.append(f"Alt+{letter}")
        QTest.keyClick(QApplication.focusWidget(), letter.lower(), ALT)


def test_a_typical_day_needs_at_most_ten_keys_beyond_the_values(open_window, qtbot, db_path):
    put(db_path, Entry(YESTERDAY, pain=3))
    window = open_window()
    window.form.set_known_tags(["flare", "rain"])
    keys = Keyboard(qtbot)
    assert QApplication.focusWidget() is by_name(window, "Pain")
    keys.value("6")
    keys.enter()                                   # -> Worst pain
    keys.value("8")
    keys.enter()                                   # -> Pain interference (not today)
    keys.enter()                                   # -> Mood
    keys.value("4")
    keys.enter()                                   # -> Energy
    keys.value("3")
    keys.enter()                                   # -> Sleep hours
    assert QApplication.focusWidget() is by_name(window, "Sleep hours")
    keys.value("6:30")
    keys.enter()                                   # -> Sleep quality
    keys.value("2")
    keys.alt("A")                                  # a new activity: walking, minutes empty
    qtbot.waitUntil(lambda: QApplication.focusWidget() is by_name(window, "Activity minutes"))
    keys.value("20")
    keys.enter()                                   # -> Tags
    assert QApplication.focusWidget() is by_name(window, "Tags")
    keys.value("fl")                               # the known tag "flare" is suggested
    qtbot.waitUntil(lambda: window.form.tags._completer.popup().isVisible())
    keys.key(Qt.Key.Key_Tab, name="Tab")           # takes the highlighted suggestion
    assert by_name(window, "Tags").text() == "flare"
    keys.key(Qt.Key.Key_S, CTRL, name="Ctrl+S")

    assert len(keys.extra) <= 10, keys.extra
    entry = stored(db_path)
    assert (entry.pain, entry.worst_pain, entry.pain_interference, entry.mood, entry.energy,
            entry.sleep_hours, entry.sleep_quality) == (6, 8, None, 4, 3, 6.5, 2)
    assert entry.activities == (Activity("walking", 20),)
    assert entry.tags == ("flare",)
    assert QApplication.focusWidget() is by_name(window, "Pain")
    assert by_name(window, "Sleep hours").text() == "6 h 30"


def test_after_moving_to_another_day_the_next_digit_is_that_days_pain(open_window, db_path):
    window = open_window()
    by_name(window, "Notes").setFocus()
    press(Qt.Key.Key_Left, ALT)                    # Go > Previous day
    assert window.form.date == YESTERDAY
    type_keys("5")
    assert by_name(window, "Pain").value() == 5
    assert by_name(window, "Notes").toPlainText() == ""


def test_enter_in_the_tags_takes_the_highlighted_suggestion(open_window, qtbot):
    window = open_window()
    window.form.set_known_tags(["flare"])
    by_name(window, "Tags").setFocus()
    type_keys("rain, fl")
    qtbot.waitUntil(lambda: window.form.tags._completer.popup().isVisible())
    press(Qt.Key.Key_Return)
    assert by_name(window, "Tags").text() == "rain, flare"
    assert QApplication.focusWidget() is by_name(window, "Tags")


def test_a_new_activity_invents_nothing_and_an_empty_minutes_box_is_named(open_window, qtbot,
                                                                          db_path):
    window = open_window()
    qtbot.mouseClick(by_name(window, "Add activity"), Qt.MouseButton.LeftButton)
    assert by_name(window, "Activity kind").currentText() == "walking"
    assert by_name(window, "Activity minutes").text() == "minutes?"
    assert by_name(window, "Activity intensity").currentText() == "intensity not recorded"
    window.save_day()
    assert window.form._errors["activities"].text() == (
        '⚠ Activity minutes: "" is not accepted; expected a whole number of minutes from 1 '
        "to 1440.")
    assert stored(db_path) is None


def test_remove_is_not_in_the_tab_chain_but_ctrl_delete_removes_the_row(open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(by_name(window, "Add activity"), Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is by_name(window, "Activity minutes")
    tab()
    assert QApplication.focusWidget() is by_name(window, "Activity intensity")
    tab()
    assert QApplication.focusWidget() is by_name(window, "Tags")
    by_name(window, "Activity minutes").setFocus()
    press(Qt.Key.Key_Delete, CTRL)
    assert window.form.activities.rows() == []


def test_alt_y_copies_the_activities_of_the_day_before(open_window, qtbot, db_path):
    walk = (Activity("walking", 25, "light"), Activity("swimming", 40))
    put(db_path, Entry(YESTERDAY, activities=walk))
    window = open_window()
    QTest.keyClick(QApplication.focusWidget(), "y", ALT)
    qtbot.waitUntil(lambda: len(window.form.activities.rows()) == 2)
    press(Qt.Key.Key_S, CTRL)
    assert stored(db_path).activities == walk


def test_sleep_between_quarter_hours_is_refused_with_the_field_and_value(open_window, db_path):
    window = open_window()
    by_name(window, "Sleep hours").setText("7.3")
    press(Qt.Key.Key_S, CTRL)
    assert window.form._errors["sleep_hours"].text() == (
        '⚠ Sleep hours: "7.3" is not accepted; expected hours from 0 to 24 in quarter hours, '
        "such as 7.5, 7,5, 7:30, 7h30, 7 h 30 or 7 hours 30.")
    assert stored(db_path) is None
    by_name(window, "Sleep hours").setText("7 h 15")
    press(Qt.Key.Key_S, CTRL)
    assert stored(db_path).sleep_hours == 7.25


def test_the_form_lists_the_missed_days_of_the_past_week_and_goes_to_one(open_window, qtbot,
                                                                         db_path):
    logged = [TODAY - dt.timedelta(days=n) for n in (1, 3, 4, 5, 6, 7)]
    put(db_path, *(Entry(day, pain=4) for day in logged))
    window = open_window()
    missed = TODAY - dt.timedelta(days=2)
    text = window.form.catch_up_label.text()
    assert f"{missed:%a} {missed.day}" in text
    assert "streak" not in text.lower() and "missed" not in text.lower()
    QTest.keyClick(QApplication.focusWidget(), "c", ALT)
    qtbot.waitUntil(lambda: window.form.date == missed)
    assert QApplication.focusWidget() is by_name(window, "Pain")
    type_keys("5")
    press(Qt.Key.Key_S, CTRL)
    assert stored(db_path, missed).pain == 5
    assert not window.form.catch_up.isVisible()


def test_a_new_journal_offers_no_catching_up(open_window, db_path):
    window = open_window()
    assert window.form.catch_up is None or not window.form.catch_up.isVisible()
    put(db_path, Entry(YESTERDAY - dt.timedelta(days=1), pain=2))
    window.close()
    again = open_window()
    assert again.form.catch_up.isVisible()
    assert f"{YESTERDAY:%a} {YESTERDAY.day}" in again.form.catch_up_label.text()
