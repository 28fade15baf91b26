"""The reminder in the window (fake clock), the one-time offer, and quick entry."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from journal.domain import Entry
from journal.ui.reminders import OFFERED_KEY, TIME_KEY, Reminders
from tests.helpers import put, stored
from tests.ui.helpers import by_name, press, type_keys

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = dt.date.today()
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def messages(monkeypatch):
    """Tray messages raised, as (title, text); a tray that supports them."""
    raised = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "showMessage",
                        lambda self, title, text, *args: raised.append((title, text)))
    return raised


class FakeClock:
    def __init__(self, *parts):
        self.now = dt.datetime(*parts, tzinfo=BERLIN)

    def __call__(self):
        return self.now


def test_a_reminder_is_raised_at_the_time_on_a_day_without_an_entry_only(qtbot, settings_path,
                                                                       messages):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    logged = set()
    clock = FakeClock(2026, 12, 2, 19, 59)
    reminders = Reminders(settings, logged.__contains__, clock=clock, tz=BERLIN)
    assert not reminders.check()  # off by default
    reminders.set_reminder_time(dt.time(20, 0))
    assert not reminders.check() and messages == []
    assert reminders.timer.isActive() and reminders.timer.interval() == 60_000  # to 20:00
    clock.now = dt.datetime(2026, 12, 2, 20, 0, tzinfo=BERLIN)
    assert reminders.check()
    assert len(messages) == 1 and "How was today?" in messages[0][1]
    clock.now += dt.timedelta(hours=1)
    assert not reminders.check() and len(messages) == 1  # once a day
    logged.add(dt.date(2026, 12, 3))  # tomorrow is logged before the evening
    clock.now = dt.datetime(2026, 12, 3, 20, 0, tzinfo=BERLIN)
    assert not reminders.check() and len(messages) == 1
    clock.now = dt.datetime(2026, 12, 4, 20, 5, tzinfo=BERLIN)
    assert reminders.check() and len(messages) == 2
    reminders.close()


def test_snooze_from_the_tray_menu_brings_it_back_once(qtbot, settings_path, messages):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue(TIME_KEY, "08:30")
    clock = FakeClock(2026, 12, 2, 8, 30)
    reminders = Reminders(settings, lambda day: False, clock=clock, tz=BERLIN)
    assert reminders.check()
    reminders.snooze_action.trigger()
    clock.now += dt.timedelta(minutes=29)
    assert not reminders.check()
    clock.now += dt.timedelta(minutes=1)
    assert reminders.check() and len(messages) == 2
    clock.now += dt.timedelta(minutes=31)
    assert not reminders.check()
    reminders.close()


def test_the_window_raises_the_reminder_and_says_it_in_the_status_bar(open_window, messages):
    window = open_window()
    reminders = window.reminders
    reminders.tz = BERLIN
    reminders.clock = FakeClock(2026, 12, 2, 21, 0)
    reminders.is_logged = lambda day: False
    reminders.set_reminder_time(dt.time(20, 0))
    assert reminders.check()
    assert "How was today?" in window.saved_label.text()
    assert messages == []  # no pop-up over the journal the person is looking at
    window.hide()  # e.g. closed to the tray
    reminders.clock.now += dt.timedelta(days=1)
    assert reminders.check() and len(messages) == 1


def test_a_reminder_is_offered_once_after_the_first_saved_day(open_window, settings_path, qtbot):
    window = open_window()
    assert window.reminder_offer is None
    type_keys("5")
    press(Qt.Key.Key_S, CTRL)
    offer = window.reminder_offer
    assert offer is not None and offer.isVisible()
    assert "only on days without an entry" in offer.findChildren(type(window.saved_label))[0].text()
    offer.time.setTime(offer.time.time().fromString("21:15", "HH:mm"))
    qtbot.mouseClick(offer.turn_on, Qt.MouseButton.LeftButton)
    assert not offer.isVisible()
    assert window.reminders.reminder_time() == dt.time(21, 15)
    assert window.settings.value(TIME_KEY) == "21:15"
    window.close()
    again = open_window()
    type_keys("6")
    press(Qt.Key.Key_S, CTRL)
    assert again.reminder_offer is None  # asked once, ever
    assert again.settings.value(OFFERED_KEY, False, bool)


def test_four_keys_from_the_tray_menu_log_pain_and_mood_and_keep_the_rest(open_window, qtbot,
                                                                          db_path):
    put(db_path, Entry(TODAY, sleep_hours=6.5, tags=("rain",), notes="slept badly"))
    window = open_window()
    menu = window.reminders.menu
    menu.popup(window.geometry().center())
    qtbot.waitExposed(menu)
    QTest.keyClick(menu, Qt.Key.Key_Q)                 # 1: Quick entry
    qtbot.waitUntil(lambda: window.quick_entry is not None and window.quick_entry.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.quick_entry.boxes["pain"])
    for key in (Qt.Key.Key_6, Qt.Key.Key_4, Qt.Key.Key_Return):   # 2, 3, 4
        QTest.keyClick(QApplication.focusWidget(), key)
    assert not window.quick_entry.isVisible()
    entry = stored(db_path)
    assert (entry.pain, entry.mood) == (6, 4)
    assert (entry.sleep_hours, entry.tags, entry.notes) == (6.5, ("rain",), "slept badly")
    assert by_name(window, "Pain").value() == 6 and by_name(window, "Mood").value() == 4
    assert by_name(window, "Sleep hours").text() == "6 h 30"
    assert window.saved_label.text().startswith("Saved pain and mood for")


@pytest.mark.parametrize(("keys", "pain", "mood"), [
    ("1", 1, None), ("10", 10, None), ("13", 1, 3), ("103", 10, 3), ("0", 0, None),
    ("010", 0, 10), ("11", 1, 1),
])
def test_quick_entry_reads_two_digit_scores(open_window, qtbot, db_path, keys, pain, mood):
    window = open_window()
    press(Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.quick_entry is not None and window.quick_entry.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.quick_entry.boxes["pain"])
    for key in keys:
        type_keys(key)  # each key to whichever box has the focus then, as a keyboard does
    press(Qt.Key.Key_Return)
    entry = stored(db_path)
    assert (entry.pain, entry.mood) == (pain, mood)


def test_pain_journal_quick_saves_into_todays_entry(qtbot, db_path):
    from journal.storage.lock import JournalLock
    from journal.ui.quick_app import open_quick_entry
    from journal.ui.state import LOCK_HOLDER

    put(db_path, Entry(TODAY, energy=2))
    lock = JournalLock(db_path)
    lock.acquire(LOCK_HOLDER)
    try:
        dialog = open_quick_entry(db_path, lock)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        for key in (Qt.Key.Key_7, Qt.Key.Key_3, Qt.Key.Key_Return):
            QTest.keyClick(dialog.focusWidget(), key)
        assert not dialog.isVisible()
    finally:
        lock.release()
    entry = stored(db_path)
    assert (entry.pain, entry.mood, entry.energy) == (7, 3, 2)


def test_pain_journal_quick_while_the_window_has_the_journal_says_where_to_go(
        db_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from journal.storage.lock import JournalLock
    from journal.ui.quick_app import run_quick
    from journal.ui.state import LOCK_HOLDER

    shown = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text: shown.append(text)))
    put(db_path, Entry(TODAY, energy=2))
    with JournalLock(db_path) as lock:  # as the window holds it
        lock.acquire(LOCK_HOLDER)
        assert run_quick(db_path) == 1
    assert "Quick entry (Ctrl+Shift+N)" in shown[0] and "Nothing was changed." in shown[0]
    assert stored(db_path).pain is None
