import datetime as dt
import re

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from journal.domain import Entry
from journal.paths import DEMO_FILENAME
from journal.storage import EntryStore, open_database
from journal.ui.state import day_title
from tests.ui.helpers import by_name, press

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
TODAY = dt.date.today()
YESTERDAY = TODAY - dt.timedelta(days=1)
Button = QMessageBox.StandardButton


def journal(db_path, *entries):
    db = open_database(db_path)
    store = EntryStore(db)
    store.save_many(list(entries), keep_times=False)
    return store


def pain_on(db_path, date=TODAY):
    db = open_database(db_path)
    try:
        entry = EntryStore(db).get(date)
        return None if entry is None else entry.pain
    finally:
        db.close()


def test_a_save_and_its_undo_and_redo(open_window, db_path):
    window = open_window()
    by_name(window, "Pain").setValue(5)
    press(Qt.Key.Key_S, CTRL)
    by_name(window, "Pain").setValue(7)
    press(Qt.Key.Key_S, CTRL)
    assert pain_on(db_path) == 7
    window.tabs.setFocus()  # outside a text field, Ctrl+Z is the journal's undo
    press(Qt.Key.Key_Z, CTRL)
    assert pain_on(db_path) == 5
    assert by_name(window, "Pain").text() == "5"
    press(Qt.Key.Key_Z, CTRL)
    assert pain_on(db_path) is None
    assert by_name(window, "Pain").text() == "not recorded"
    press(Qt.Key.Key_Z, CTRL | SHIFT)
    press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert pain_on(db_path) == 7 and by_name(window, "Pain").text() == "7"
    assert window.undo_action.text() == f"&Undo Save {TODAY:%a} {TODAY.day} {TODAY:%b %Y}"


def test_ctrl_z_in_a_field_undoes_typing_until_saved_then_undoes_the_save(open_window, db_path,
                                                                           qtbot):
    """The form never shows what the journal does not hold (the audit: it showed 3 while the
    journal held 9, with "Saved" in the status bar)."""
    window = open_window()
    pain = by_name(window, "Pain")
    pain.setFocus()
    qtbot.keyClicks(pain, "3")
    press(Qt.Key.Key_S, CTRL)
    pain.selectAll()
    qtbot.keyClicks(pain, "9")
    press(Qt.Key.Key_S, CTRL)
    assert pain_on(db_path) == 9 and pain.hasFocus()
    press(Qt.Key.Key_Z, CTRL)                   # saved, nothing unsaved: undo the save
    assert pain_on(db_path) == 3 and pain.text() == "3" and not window.form.is_dirty()
    assert window.saved_label.text().startswith("Undid: Save")
    press(Qt.Key.Key_Z, CTRL | SHIFT)           # and redo it
    assert pain_on(db_path) == 9 and pain.text() == "9"
    pain.selectAll()
    qtbot.keyClicks(pain, "5")                  # typing not saved yet: Ctrl+Z undoes the typing
    assert window.form.is_dirty()
    press(Qt.Key.Key_Z, CTRL)
    assert pain.text() == "9" and pain_on(db_path) == 9 and not window.form.is_dirty()


def test_delete_from_history_asks_and_undo_brings_the_day_back_exactly(open_window, db_path,
                                                                         answers):
    store = journal(db_path, Entry(YESTERDAY, pain=4, notes="kept", tags=("flare",)))
    original = store.get(YESTERDAY)
    store.db.close()
    window = open_window()
    press(Qt.Key.Key_2, CTRL)
    table = window.history.table
    table.setFocus()
    table.selectRow(0)
    answers.append(Button.No)
    press(Qt.Key.Key_Delete)
    assert pain_on(db_path, YESTERDAY) == 4
    answers.append(Button.Yes)
    press(Qt.Key.Key_Delete)
    assert "Delete everything recorded for" in answers.asked[-1]
    assert pain_on(db_path, YESTERDAY) is None
    assert window.history.model.rowCount() == 0
    assert "Undo with Ctrl+Z" in window.saved_label.text()
    press(Qt.Key.Key_Z, CTRL)
    db = open_database(db_path)
    back = EntryStore(db).get(YESTERDAY)
    db.close()
    assert back == original and back.updated_at == original.updated_at
    assert window.history.model.rowCount() == 1


def test_changing_day_with_unsaved_changes_asks_first(open_window, db_path, answers):
    window = open_window()
    by_name(window, "Pain").setValue(6)
    answers.append(Button.Cancel)
    press(Qt.Key.Key_Left, ALT)
    assert window.form.date == TODAY and by_name(window, "Pain").text() == "6"
    assert answers.asked == [f"Save your changes to {TODAY:%A} {TODAY.day} {TODAY:%B %Y}?"]
    answers.append(Button.Discard)
    press(Qt.Key.Key_Left, ALT)
    assert window.form.date == YESTERDAY and pain_on(db_path) is None
    by_name(window, "Pain").setValue(3)
    answers.append(Button.Save)
    press(Qt.Key.Key_Right, ALT)
    assert window.form.date == TODAY and pain_on(db_path, YESTERDAY) == 3


def test_moving_between_days_without_changes_does_not_ask(open_window, db_path):
    journal(db_path, Entry(YESTERDAY, pain=2)).db.close()
    window = open_window()
    press(Qt.Key.Key_Left, ALT)
    assert window.form.date == YESTERDAY and by_name(window, "Pain").text() == "2"
    press(Qt.Key.Key_Home, ALT)
    assert window.form.date == TODAY


def test_the_date_never_goes_past_today(open_window):
    window = open_window()
    assert not window.form.next_button.isEnabled()
    press(Qt.Key.Key_Right, ALT)
    assert window.form.date == TODAY


def test_closing_with_unsaved_changes_asks_and_can_be_cancelled(open_window, db_path, answers):
    window = open_window()
    by_name(window, "Mood").setValue(8)
    answers.append(Button.Cancel)
    window.close()
    assert window.isVisible()
    answers.append(Button.Save)
    window.close()
    assert not window.isVisible()
    db = open_database(db_path)
    assert EntryStore(db).get(TODAY).mood == 8
    db.close()


def test_history_shows_blanks_for_unknown_values_and_opens_a_day_on_enter(open_window, db_path):
    journal(db_path, Entry(YESTERDAY, pain=0, notes="first line\nsecond"),
            Entry(TODAY - dt.timedelta(days=3), mood=6, tags=("rain",))).db.close()
    window = open_window()
    window.tabs.setCurrentIndex(1)
    model = window.history.proxy
    assert model.rowCount() == 2
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headings == ["Date", "Pain", "Worst", "Interference", "Mood", "Energy", "Sleep (h)",
                        "Sleep q.", "Activity (min)", "Tags", "Note"]
    row = [model.index(0, column).data() for column in range(len(headings))]  # newest first
    assert row[0].startswith(YESTERDAY.isoformat())
    assert row[1:] == ["0", None, None, None, None, None, None, None, "", "first line"]
    window.history.table.setFocus()
    window.history.table.selectRow(1)
    press(Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 0
    assert window.form.date == TODAY - dt.timedelta(days=3)
    assert by_name(window, "Mood").text() == "6"


def test_history_filters_by_tag_and_date_range(open_window, db_path):
    journal(db_path, *(Entry(TODAY - dt.timedelta(days=d), pain=d % 10,
                             tags=("flare",) if d % 3 == 0 else ()) for d in range(60))).db.close()
    window = open_window()
    history = window.history
    history.tag_box.setCurrentText("flare")
    assert history.proxy.rowCount() == 20
    assert history.summary.text() == "20 of 60 days shown"
    history.period_box.setCurrentText("Last 30 days")
    assert history.proxy.rowCount() == 10
    history.clear_button.click()
    assert history.proxy.rowCount() == 60


def test_history_sorts_by_pain_with_blanks_first(open_window, db_path):
    journal(db_path, Entry(TODAY, pain=5), Entry(YESTERDAY, mood=3),
            Entry(TODAY - dt.timedelta(days=2), pain=0)).db.close()
    window = open_window()
    window.history.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    pains = [window.history.proxy.index(r, 1).data() for r in range(3)]
    assert pains == [None, "0", "5"]


def test_first_run_offers_log_today_and_sample_data_kept_apart(open_window, db_path, qtbot):
    window = open_window()
    assert window.welcome.isVisible() and not window.sample_banner.isVisible()
    qtbot.mouseClick(window.sample_button, Qt.MouseButton.LeftButton)
    assert window.state.db_path.name == DEMO_FILENAME
    assert window.sample_banner.isVisible() and not window.welcome.isVisible()
    assert "SAMPLE DATA" in window.windowTitle()
    assert window.history.model.rowCount() > 250
    assert pain_on(db_path) is None  # the user's own journal got nothing
    db = open_database(db_path)
    assert EntryStore(db).count() == 0
    db.close()
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.state.db_path == db_path and not window.sample_banner.isVisible()
    assert window.history.model.rowCount() == 0


def test_log_today_puts_the_cursor_in_the_first_field(open_window, qtbot):
    window = open_window()
    window.tabs.setCurrentIndex(1)
    window.tabs.setCurrentIndex(0)
    qtbot.mouseClick(window.log_today_button, Qt.MouseButton.LeftButton)
    assert not window.welcome.isVisible()
    assert QApplication.focusWidget() is by_name(window, "Pain")


def test_status_bar_counts_days_this_month_without_streaks(open_window, db_path):
    earlier = [day for day in (YESTERDAY, TODAY - dt.timedelta(days=2)) if day.month == TODAY.month]
    journal(db_path, *(Entry(day, pain=3) for day in earlier)).db.close()  # a streak, if counted
    window = open_window()
    by_name(window, "Pain").setValue(4)
    press(Qt.Key.Key_S, CTRL)
    logged = 1 + len(earlier)
    # The two labels the app writes its status into (it never uses the temporary message).
    assert window.month_label.text() == \
        f"{logged} {'day' if logged == 1 else 'days'} logged in {TODAY:%B}"
    assert re.fullmatch(rf"Saved {re.escape(day_title(TODAY))} at \d\d:\d\d\.",
                        window.saved_label.text())
    shown = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert shown and not any("streak" in text.lower() for text in shown)


def test_window_size_and_last_tab_persist(open_window, settings_path):
    window = open_window()
    window.resize(700, 500)  # the offscreen screen is 800 px wide
    window.tabs.setCurrentIndex(1)
    window.close()
    again = open_window()
    assert again.tabs.currentIndex() == 1
    assert (again.width(), again.height()) == (700, 500)
    assert QSettings(str(settings_path), QSettings.Format.IniFormat).value("window/tab") == 1


def test_menus_hold_only_what_exists(open_window):
    window = open_window()
    menus = {menu.title().replace("&", ""): [a.text().replace("&", "") for a in menu.actions()
                                             if not a.isSeparator()]
             for menu in (a.menu() for a in window.menuBar().actions())}
    assert menus["File"] == ["Save day", "Quick entry: pain and mood…", "Doctor report…",
                             "Export data…", "Import…", "Import from another app…",
                             "Open journal…", "Backups…", "Quit"]
    assert [t.split(" ")[0] for t in menus["Edit"]] == ["Undo", "Redo", "Medications", "Took",
                                                        "Settings…"]
    assert menus["Help"] == ["Get help now", "Keyboard shortcuts", "Where is my data?",
                             "Try with sample data", "About"]
    assert window.form.save_button.toolTip() == "Save (Ctrl+S)"  # the menu's own shortcut


def test_a_write_that_fails_keeps_the_entry_in_the_form(open_window, db_path, monkeypatch):
    window = open_window()
    by_name(window, "Pain").setValue(6)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda p, t, text: warnings.append(text)))

    def full(*args, **kwargs):
        raise OSError(28, "database or disk is full")

    monkeypatch.setattr(window.state.journal.store, "save", full)
    press(Qt.Key.Key_S, CTRL)
    assert warnings and "disk is full" in warnings[0]
    assert by_name(window, "Pain").text() == "6" and window.form.is_dirty()
    monkeypatch.delattr(window.state.journal.store, "save")  # the disk has space again
    press(Qt.Key.Key_S, CTRL)
    assert pain_on(db_path) == 6


def test_an_existing_journal_opens_for_reading_then_becomes_writable(open_window, db_path, qtbot):
    journal(db_path, Entry(YESTERDAY, pain=2)).db.close()
    from journal.ui.state import JournalState

    state = JournalState(db_path)
    assert not state.ready_to_write  # opened with plain sqlite3: nothing heavy before the paint
    state.close()
    window = open_window()
    qtbot.waitUntil(lambda: window.state.ready_to_write)
    assert window.history.model.rowCount() == 1
    by_name(window, "Pain").setValue(5)
    assert window.save_day() and pain_on(db_path) == 5
