"""The app's side of data safety: one window per journal, damaged files, backups."""

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from journal.domain import Entry
from journal.storage import EntryStore, open_database
from journal.storage.backup import create_backup, list_backups
from tests.ui.helpers import by_name


def fill(db_path):
    import datetime as dt

    db = open_database(db_path)
    EntryStore(db).save(Entry(dt.date(2026, 1, 5), pain=4, notes="keep me"))
    db.close()


def test_a_second_launch_on_the_same_journal_is_refused(db_path, tmp_path):
    fill(db_path)
    code = ("import sys; from pathlib import Path; from PySide6.QtWidgets import QMessageBox;"
            "QMessageBox.information = staticmethod(lambda p, t, text: print(text));"
            "from journal.ui.app import run; sys.exit(run(Path(sys.argv[1])))")
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PATH": "/usr/bin",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    from journal.storage.lock import JournalLock

    with JournalLock(db_path) as lock:
        lock.acquire("another Pain & Mood Journal window")
        result = subprocess.run([sys.executable, "-c", code, str(db_path)], env=env,
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "is open in another Pain & Mood Journal window" in result.stdout
    assert "Nothing was changed" in result.stdout


def test_opening_a_journal_open_elsewhere_is_refused_and_nothing_changes(open_window, db_path,
                                                                        tmp_path, monkeypatch):
    from journal.storage.lock import JournalBusy, JournalLock
    from journal.ui import file_actions

    other = tmp_path / "other.db"
    fill(other)
    window = open_window()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda parent, title, text: warnings.append(text)))
    monkeypatch.setattr(file_actions, "choose_journal", lambda parent: other)
    with JournalLock(other) as elsewhere:
        elsewhere.acquire("the pain-journal command")
        window._on_open_journal()
        assert window.state.db_path == db_path
        assert len(warnings) == 1 and "is open in the pain-journal command" in warnings[0]
    window._on_open_journal()  # once it is free, it opens, and this window holds it
    assert window.state.db_path == other and window.form.entry() is not None
    with JournalLock(other) as second, pytest.raises(JournalBusy, match="Pain & Mood Journal"):
        second.acquire("a test")
    window.close()
    with JournalLock(other) as after_close:
        after_close.acquire("a test")  # closing the window let it go


def test_a_damaged_journal_offers_the_newest_backup_and_restores_it(qapp, db_path, monkeypatch):
    from journal.ui import app

    fill(db_path)
    create_backup(db_path)
    db_path.write_bytes(b"garbage" * 500)
    for suffix in ("-wal", "-shm"):
        (db_path.parent / f"journal.db{suffix}").unlink(missing_ok=True)
    offered = []
    monkeypatch.setattr(app, "offer_backup", lambda parent, error: offered.append(error) or True)
    window = app._open_window(db_path)
    try:
        assert offered and offered[0].backup.name.startswith("journal-")
        [aside] = db_path.parent.glob("journal.db.damaged-*")
        assert aside.read_bytes() == b"garbage" * 500    # set aside by the restore, unchanged
        assert window.state.entry(__import__("datetime").date(2026, 1, 5)).notes == "keep me"
    finally:
        window.form.mark_saved()
        window.close()


def test_closing_the_window_makes_a_verified_backup(open_window, db_path):
    window = open_window()
    by_name(window, "Pain").setValue(6)
    window.save_day()
    window.close()
    made = list_backups(db_path, with_days=True)
    assert len(made) == 1 and made[0].days == 1


def test_backups_dialog_backs_up_now_and_restores(open_window, db_path, qtbot, monkeypatch):
    from journal.ui.backups_dialog import BackupsDialog

    window = open_window()
    by_name(window, "Pain").setValue(2)
    window.save_day()
    dialog = BackupsDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    assert dialog.table.rowCount() == 1 and "Backed up as" in dialog.status.text()
    by_name(window, "Pain").setValue(9)
    window.save_day()
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert "Restored" in dialog.status.text()
    assert by_name(window, "Pain").text() == "2"          # the window shows the restored day
    assert any(b.reason == "before-restore" for b in dialog.backups)


def test_a_full_disk_keeps_the_entry_in_the_form_until_it_can_be_saved(open_window, db_path,
                                                                        monkeypatch, qtbot):
    import sqlite3

    from journal.storage.entries import EntryStore as Store

    window = open_window()
    qtbot.waitUntil(lambda: window.state.ready_to_write)
    real_write = Store._write

    def disk_full(self, stamped):
        raise sqlite3.OperationalError("database or disk is full")  # what SQLite raises

    monkeypatch.setattr(Store, "_write", disk_full)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda p, t, text: shown.append(text)))
    by_name(window, "Pain").setValue(7)
    by_name(window, "Notes").setPlainText("written on a full disk")
    assert not window.save_day()
    assert shown == ["The disk is full, so the journal could not be saved. Free some space and "
                     "save again."]
    assert by_name(window, "Pain").text() == "7" and window.form.is_dirty()
    monkeypatch.setattr(Store, "_write", real_write)  # space freed
    assert window.save_day() and not window.form.is_dirty()
    db = open_database(db_path)
    assert EntryStore(db).between()[-1].notes == "written on a full disk"
    db.close()


def test_write_failures_are_explained_in_one_sentence():
    import sqlite3

    from journal.ui.state import _explain

    assert _explain(sqlite3.OperationalError("attempt to write a readonly database")).startswith(
        "The journal file cannot be written (it is read-only")
    assert _explain(OSError(28, "No space left on device")).startswith("The disk is full")
    assert "busy in another program" in _explain(sqlite3.OperationalError("database is locked"))
