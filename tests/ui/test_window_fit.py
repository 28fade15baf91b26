"""Sample data is always reachable, and the first window fits the screen."""

import datetime as dt

import pytest

from journal.domain import Entry
from journal.paths import DEMO_FILENAME
from journal.storage import EntryStore, open_database
from journal.ui.main_window import first_size
from tests.ui.helpers import menu_action


def test_help_offers_sample_data_even_after_the_first_saved_day(open_window, db_path):
    db = open_database(db_path)
    EntryStore(db).save(Entry(dt.date.today(), pain=4))
    db.close()
    window = open_window()
    assert not window.welcome.isVisible()  # the welcome and its button are gone for good
    menu_action(window, "&Help", "Try with &sample data").trigger()
    assert window.state.db_path.name == DEMO_FILENAME
    assert window.sample_banner.isVisible()
    window.back_button.click()
    assert window.state.db_path == db_path
    db = open_database(db_path)
    assert EntryStore(db).count() == 1  # the user's own journal holds only their day
    db.close()


@pytest.mark.parametrize(("room", "size"), [
    ((1366, 768 - 40), (980, 655)),     # a laptop with a taskbar
    ((1920, 1040), (980, 860)),         # room enough: the usual size
    ((1024, 600), (921, 540)),          # a netbook
])
def test_the_first_size_takes_at_most_90_percent_of_the_screen(room, size):
    assert first_size(*room) == size


def test_at_1366_by_768_the_status_bar_and_save_button_are_on_screen(open_window, qtbot):
    window = open_window()
    width, height = first_size(1366, 768)
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.height() <= 768 * 0.9)
    status = window.statusBar()
    assert status.isVisible()
    bottom = status.mapTo(window, status.rect().bottomLeft()).y()
    assert bottom < window.height() <= 768
    assert window.minimumSizeHint().height() <= height  # nothing forces the window taller


def test_the_window_wears_the_app_icon_once_painted(open_window):
    window = open_window()
    assert not window.windowIcon().isNull()
    sizes = {size.width() for size in window.windowIcon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes
