"""The app's side of data safety: one window per journal, damaged files, backups."""

import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings
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
    from journal.storage.lock import JournalBusyError, JournalLock
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
    with JournalLock(other) as second, pytest.raises(JournalBusyError, match="Pain & Mood Journal"):
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
    assert shown == ["The disk is full, so the journal was not changed. Free some space and try "
                     "again. Your entry is still in the form."]
    assert by_name(window, "Pain").text() == "7" and window.form.is_dirty()
    monkeypatch.setattr(Store, "_write", real_write)  # space freed
    assert window.save_day() and not window.form.is_dirty()
    db = open_database(db_path)
    assert EntryStore(db).between()[-1].notes == "written on a full disk"
    db.close()


def test_write_failures_are_explained_in_one_sentence():
    import sqlite3

    from journal.storage.errors import explain

    assert explain(sqlite3.OperationalError("attempt to write a readonly database")).startswith(
        "The journal file cannot be written (it is read-only")
    assert explain(OSError(28, "No space left on device")).startswith("The disk is full")
    assert "busy in another program" in explain(sqlite3.OperationalError("database is locked"))


def _damage_a_data_page(db_path):
    """Damage inside the days table: the file still opens; only a full check finds it."""
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # A leaf page of the days table (not a fixed number: migrations add tables before it).
    (page,) = conn.execute("SELECT pageno FROM dbstat WHERE name = 'days' AND pagetype = 'leaf'"
                           " ORDER BY pageno LIMIT 1 OFFSET 3").fetchone()
    conn.close()
    with open(db_path, "r+b") as handle:
        handle.seek((page - 1) * 4096 + 100)
        handle.write(bytes(2000))


def _journal_with_a_year(db_path):
    from journal.cli import main
    from journal.storage.journal_info import JOURNAL

    db = open_database(db_path)
    from journal.demo import demo_entries

    EntryStore(db).save_many(demo_entries(365, seed=2))
    db.close()
    assert main(["--db", str(db_path), "check"]) == 0
    return JOURNAL


def _window_until_painted(qtbot, db_path, settings_path):
    from journal.storage.lock import JournalLock
    from journal.ui.app import create_main_window

    lock = JournalLock(db_path)
    lock.acquire("a test window")
    window = create_main_window(db_path, QSettings(str(settings_path),
                                                   QSettings.Format.IniFormat), lock=lock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.is_ready() or not window.isVisible())
    return window, lock


def test_damage_found_after_the_first_paint_offers_the_backup(qtbot, db_path, settings_path,
                                                             monkeypatch):
    from journal.ui import recovery

    _journal_with_a_year(db_path)
    backup = create_backup(db_path)
    _damage_a_data_page(db_path)
    offers = []
    monkeypatch.setattr(recovery, "offer_backup",
                        lambda parent, error: offers.append(error) or True)
    window, lock = _window_until_painted(qtbot, db_path, settings_path)
    try:
        assert [e.backup for e in offers] == [backup]        # offered at once, no traceback
        assert window.isVisible() and window.state.count() > 300
        assert "Restored the backup" in window.saved_label.text()
        assert len(list(db_path.parent.glob("journal.db.damaged-*[0-9]"))) == 1
    finally:
        window.close()
        lock.release()


def test_declining_the_backup_closes_without_making_or_backing_up_anything(
        qtbot, db_path, settings_path, monkeypatch):
    from journal.ui import recovery

    _journal_with_a_year(db_path)
    backup = create_backup(db_path)
    _damage_a_data_page(db_path)
    damaged = db_path.read_bytes()
    said = []
    monkeypatch.setattr(recovery, "offer_backup", lambda parent, error: False)
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda p, t, text: said.append(text)))
    window, lock = _window_until_painted(qtbot, db_path, settings_path)
    lock.release()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert len(said) == 1 and "is damaged" in said[0] and "\n" not in said[0]
    assert db_path.read_bytes() == damaged                  # not moved, not replaced
    assert [b.path for b in list_backups(db_path)] == [backup]  # and never backed up


def test_sample_data_is_never_backed_up_among_your_backups(open_window, db_path, qtbot):
    from journal.ui.backups_dialog import BackupsDialog

    window = open_window()
    by_name(window, "Pain").setValue(4)
    window.save_day()
    window.state.backup()
    window.sample_button.click()
    qtbot.waitUntil(lambda: window.state.count() > 300)
    dialog = BackupsDialog(window.state, window)
    qtbot.addWidget(dialog)
    assert not dialog.backup_button.isEnabled() and dialog.table.rowCount() == 0
    assert "sample data" in dialog.where.text()
    window.back_button.click()
    mine = BackupsDialog(window.state, window)
    qtbot.addWidget(mine)
    assert mine.table.rowCount() == 1 and mine.table.item(0, 3).text() == "1"


def test_settings_with_personal_values_are_private_whatever_the_umask(qapp, tmp_path):
    import os
    import stat

    from journal.ui.app import private_settings

    old = os.umask(0)
    try:
        settings = private_settings()
        settings.setValue("report/name", "Jane Patient")
        settings.sync()
        qt_own = QSettings(QSettings.Scope.UserScope, "QtProject")  # the file dialogs' history
        qt_own.setValue("FileDialog/lastVisited", "file:///somewhere")
        qt_own.sync()
    finally:
        os.umask(old)
    path = tmp_path / "home" / "config" / "pain-journal" / "pain-journal.conf"
    assert settings.fileName() == str(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert qt_own.fileName().startswith(str(path.parent))


def test_a_day_changed_elsewhere_is_not_overwritten_without_asking(open_window, db_path, answers):
    """A second writer slipped past the lock (its file deleted): its save must not vanish."""
    import datetime as dt

    from journal.cli import main

    window = open_window()
    today = dt.date.today()
    by_name(window, "Pain").setValue(6)
    assert main(["--db", str(db_path), "add", "--date", today.isoformat(), "--mood", "9",
                 "--note", "written by the command line"]) == 0
    answers.append(QMessageBox.StandardButton.Cancel)
    assert not window.save_day()
    assert "changed elsewhere" in answers.asked[0]
    assert window.saved_label.text().startswith("Not saved")
    db = open_database(db_path)
    assert EntryStore(db).get(today).notes == "written by the command line"
    db.close()
    answers.append(QMessageBox.StandardButton.Save)  # the person chooses to replace it
    assert window.save_day()
    assert window.state.entry(today).pain == 6
