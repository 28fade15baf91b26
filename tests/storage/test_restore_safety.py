"""Restoring never loses the journal: not on a full disk, not when killed, not over a letter."""

import datetime as dt
import hashlib
import sqlite3

import pytest

from journal.cli import main
from journal.journal import Journal
from journal.storage import StorageError
from journal.storage.backup import create_backup, newest_good_backup
from journal.storage.restore import ready_file, restore_backup

DAY = "2026-03-01"


def cli(*args):
    return main([*map(str, args)])


@pytest.fixture
def journal(db_path):
    assert cli("--db", db_path, "add", "--date", DAY, "--pain", "3") == 0
    return db_path


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_journal_that_cannot_be_read_for_a_full_disk_is_not_set_aside(journal, monkeypatch):
    """Before, restore took any read error for damage and renamed a healthy journal."""
    import journal.storage.inspection as inspection

    backup = create_backup(journal)
    assert cli("--db", journal, "add", "--date", "2026-03-02", "--pain", "5") == 0

    def full(file):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorname = "SQLITE_FULL"
        raise error

    monkeypatch.setattr(inspection, "inspect_journal", full)
    with pytest.raises(StorageError, match="disk is full"):
        restore_backup(backup, journal)
    assert not list(journal.parent.glob("journal.db.damaged-*"))
    monkeypatch.undo()
    with Journal.open(journal) as opened:
        assert opened.count() == 2


def test_a_restore_killed_before_its_last_step_is_finished_by_the_next_open(journal,
                                                                          monkeypatch):
    import journal.storage.restore as restore

    backup = create_backup(journal)
    with open(journal, "r+b") as handle:  # damaged: it will be set aside
        handle.seek(0)
        handle.write(b"\0" * 100)
    real_replace = restore.os.replace

    def killed(source, target):
        if str(source).endswith(".restore-ready") and str(target) == str(journal):
            raise SystemExit("kill -9")  # nothing after this runs in a real kill
        return real_replace(source, target)

    monkeypatch.setattr(restore.os, "replace", killed)
    with pytest.raises(SystemExit):
        restore_backup(backup, journal)
    monkeypatch.undo()
    assert not journal.exists() and ready_file(journal).exists()  # the dangerous moment
    assert cli("--db", journal, "add", "--date", "2026-03-05", "--pain", "6") == 0
    with Journal.open(journal) as opened:  # the restore was finished, not a new empty journal
        assert [d.date.isoformat() for d in opened.days()] == [DAY, "2026-03-05"]


def test_restore_never_renames_a_file_that_is_not_a_journal(journal, tmp_path, capsys):
    backup = create_backup(journal)
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear diary, today ...\n")
    assert cli("--db", letter, "restore", backup) == 1
    assert "is not a Pain & Mood Journal file" in capsys.readouterr().err
    assert letter.read_text() == "Dear diary, today ...\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("letter")) == [
        "letter.txt"]


def test_a_journal_or_backup_carrying_database_code_is_refused(journal, tmp_path, capsys):
    hostile = tmp_path / "hostile.db"
    assert cli("--db", journal, "backup", "-o", hostile) == 0
    conn = sqlite3.connect(hostile)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON days BEGIN "
                  "DELETE FROM days WHERE date <> NEW.date; END")
    conn.commit()
    conn.close()
    before = digest(journal)
    assert cli("--db", journal, "restore", hostile) == 1
    assert "trigger wipe" in capsys.readouterr().err and digest(journal) == before
    assert cli("--db", hostile, "list") == 1
    assert "database code" in capsys.readouterr().err


def test_journals_sharing_a_folder_and_a_stem_never_share_backups(tmp_path):
    big, small = tmp_path / "pain.db", tmp_path / "pain.sqlite"
    assert cli("--db", big, "demo", "--days", "30") == 0
    assert cli("--db", small, "add", "--date", DAY, "--pain", "1") == 0
    mine, theirs = create_backup(big), create_backup(small)
    assert mine.name.startswith("pain-") and theirs.name.startswith("pain.sqlite-")
    assert newest_good_backup(big) == mine and newest_good_backup(small) == theirs


def test_a_backup_made_with_the_clock_years_ahead_does_not_outrank_real_ones(journal):
    now = dt.datetime.now(dt.UTC)
    ahead = create_backup(journal, now=now + dt.timedelta(days=4 * 365))
    real = create_backup(journal, now=now)
    assert newest_good_backup(journal) == real != ahead
