"""Edit > Settings: every choice persists in the (private, per-test) settings file."""

import datetime as dt
import subprocess

import pytest
from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import QSystemTrayIcon

from journal.desktop import autostart_file, set_autostart, starts_with_session
from journal.ui.settings_dialog import SettingsDialog, crisis_country
from tests.system.test_desktop import VALIDATE
from tests.ui.helpers import menu_action


def fresh(settings_path):
    return QSettings(str(settings_path), QSettings.Format.IniFormat)


def test_defaults_are_no_reminder_no_autostart_and_no_country(qtbot, settings_path, db_path):
    dialog = SettingsDialog(fresh(settings_path), db_path)
    qtbot.addWidget(dialog)
    assert not dialog.remind.isChecked() and dialog.reminder_time() is None
    assert not dialog.autostart.isChecked()
    assert dialog.country.currentData() == "other"
    assert dialog.first_day.currentData() == ""
    assert dialog.paper.currentData() in ("a4", "letter")
    assert crisis_country(fresh(settings_path)) == "other"


def test_choices_persist_and_come_back(qtbot, settings_path, db_path, tmp_path):
    dialog = SettingsDialog(fresh(settings_path), db_path)
    qtbot.addWidget(dialog)
    dialog.remind.setChecked(True)
    dialog.time.setTime(QTime(7, 45))
    dialog.country.setCurrentIndex(dialog.country.findData("IE"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.first_day.setCurrentIndex(dialog.first_day.findData("sunday"))
    dialog.autostart.setChecked(True)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = fresh(settings_path)
    assert stored.value("reminder/time") == "07:45"
    assert stored.value("crisis/country") == "IE" and crisis_country(stored) == "IE"
    assert stored.value("report/paper") == "letter"
    assert stored.value("calendar/first_day") == "sunday"
    assert starts_with_session()
    again = SettingsDialog(stored, db_path)
    qtbot.addWidget(again)
    assert again.reminder_time() == dt.time(7, 45) and again.country.currentData() == "IE"
    assert again.autostart.isChecked()
    again.restore_defaults()
    again.save()
    assert fresh(settings_path).value("reminder/time") == ""
    assert not starts_with_session()


def test_the_autostart_entry_starts_the_app_in_the_tray_and_validates(tmp_path):
    home = tmp_path / "config"
    path = set_autostart(True, home, "/opt/pain journal/pain-journal")
    text = path.read_text()
    assert path == autostart_file(home) == home / "autostart/pain-journal.desktop"
    assert 'Exec="/opt/pain journal/pain-journal" tray' in text
    assert "Desktop Action" not in text and "Actions=" not in text
    if VALIDATE:
        result = subprocess.run([VALIDATE, str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout
    set_autostart(False, home)
    assert not path.exists()


def test_the_window_has_settings_in_the_edit_menu(open_window):
    window = open_window()
    assert menu_action(window, "&Edit", "Se&ttings…").shortcut().toString() == "Ctrl+,"


def test_started_in_the_tray_the_journal_is_ready_and_closing_keeps_it(qtbot, db_path,
                                                                     settings_path, monkeypatch):
    from journal.ui.app import create_main_window

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    window = create_main_window(db_path, fresh(settings_path))
    qtbot.addWidget(window, before_close_func=lambda w: w.form.mark_saved())
    assert window.start_in_tray()
    qtbot.waitUntil(window.is_ready)
    assert not window.isVisible() and window.state.ready_to_write
    window.reminders.open_requested.emit()
    assert window.isVisible()
    window.close()
    assert not window.isVisible() and window.reminders is not None  # back to the tray
    assert window.state.ready_to_write  # the journal stays open for the reminder
    window._in_tray = False  # what Quit does, without ending the test's application
    window.close()
    assert window.reminders.timer.isActive() is False


@pytest.fixture(autouse=True)
def _quit_on_last_window_closed():
    from PySide6.QtWidgets import QApplication

    yield
    QApplication.instance().setQuitOnLastWindowClosed(True)
