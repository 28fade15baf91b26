"""Files that are not the journal are never changed: not renamed, not written, not adopted."""

import hashlib
import os
import sqlite3
import stat

import pytest

from journal.cli import main
from journal.storage import NotAJournalError, StorageError, open_database
from journal.storage.backup import create_backup
from journal.storage.restore import restore_backup


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(*args):
    return main([*map(str, args)])


def make_db(path, *statements):
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("command", [["list"], ["show", "2024-01-01"], ["export"], ["check"],
                                     ["insights"], ["add", "--pain", "3"]])
def test_a_letter_given_as_the_journal_is_named_and_never_renamed(tmp_path, capsys, command):
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear diary, today ...\n")
    assert cli("--db", letter, *command) == 1
    assert "not a Pain & Mood Journal file" in capsys.readouterr().err
    assert letter.read_text() == "Dear diary, today ...\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.txt"]  # not even a lock


def test_a_device_or_a_pipe_as_the_journal_is_refused_at_once(tmp_path, capsys):
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    for path, what in ((fifo, "a pipe"), ("/dev/null", "a device")):
        for command in (["list"], ["add", "--pain", "3"]):
            assert cli("--db", path, *command) == 1  # and it does not hang
            assert f"is {what}, not a journal" in capsys.readouterr().err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_an_empty_journal_path_is_refused(capsys, tmp_path):
    assert cli("--db", "", "list") == 2
    assert "--db" in capsys.readouterr().err
    assert not (tmp_path / "env-journal").exists()


@pytest.mark.parametrize("kind", ["own days table", "another sqlite-utils app", "other app id"])
def test_another_programs_database_is_refused_before_a_byte_is_written(tmp_path, capsys, kind):
    path = tmp_path / "other.db"
    if kind == "own days table":
        make_db(path, "CREATE TABLE days (day TEXT, steps INTEGER)",
                "INSERT INTO days VALUES ('x', 1)")
    elif kind == "another sqlite-utils app":
        make_db(path, "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT,"
                      " name TEXT, applied_at TEXT)",
                "INSERT INTO _sqlite_migrations VALUES (1, 'otherapp', 'm1', 'now')",
                "CREATE TABLE contacts (name TEXT)")
    else:
        make_db(path, "PRAGMA application_id = 1234", "PRAGMA user_version = 7")
    before = digest(path)
    for command in (["add", "--pain", "1"], ["list"]):
        assert cli("--db", path, *command) == 1
        assert "another program" in capsys.readouterr().err
    assert digest(path) == before
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # not switched to WAL
    conn.close()


def _newer(db_path, how):
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    if how == "migration":
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('pain_journal', 'move_notes_to_their_own_table', 'later')")
    else:
        conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.mark.parametrize("how", ["migration", "user_version"])
def test_a_journal_from_a_newer_version_is_refused_and_left_alone(db_path, capsys, how):
    _newer(db_path, how)
    before = digest(db_path)
    for command in (["add", "--pain", "4"], ["list"], ["export"]):
        assert cli("--db", db_path, *command) == 1
        assert "made by a newer version of Pain & Mood Journal" in capsys.readouterr().err
    assert digest(db_path) == before
    from journal.storage.schema import open_current_for_reading

    assert open_current_for_reading(db_path) is None  # the window's light path refuses it too


def test_restore_refuses_a_newer_backup_and_another_programs_database(db_path, tmp_path):
    assert cli("--db", db_path, "add", "--date", "2026-01-01", "--pain", "3") == 0
    newer = tmp_path / "newer.db"
    _newer(newer, "migration")
    other = make_db(tmp_path / "other.db", "CREATE TABLE days (day TEXT)")
    before = digest(db_path)
    with pytest.raises(StorageError, match="newer version"):
        restore_backup(newer, db_path)
    with pytest.raises(StorageError, match="not a Pain & Mood Journal backup"):
        restore_backup(other, db_path)
    assert digest(db_path) == before


def test_restore_says_when_a_backup_is_of_another_journal(db_path, tmp_path, capsys):
    other = tmp_path / "other" / "journal.db"
    assert cli("--db", other, "add", "--date", "2026-02-02", "--pain", "5") == 0
    theirs = create_backup(other)
    assert cli("--db", db_path, "add", "--date", "2026-01-01", "--pain", "3") == 0
    capsys.readouterr()
    assert cli("--db", db_path, "restore", theirs) == 0
    assert "is a backup of another journal" in capsys.readouterr().out


def test_a_backup_of_the_sample_journal_never_goes_into_your_journal(db_path, tmp_path, capsys):
    sample = tmp_path / "demo-journal.db"
    assert cli("--db", sample, "demo", "--days", "30") == 0
    made = create_backup(sample)
    assert made.name.startswith("demo-journal-")           # named apart from your backups
    assert cli("--db", db_path, "add", "--date", "2026-01-01", "--pain", "3") == 0
    before = digest(db_path)
    capsys.readouterr()
    assert cli("--db", db_path, "restore", made) == 1
    assert "backup of the sample journal" in capsys.readouterr().err
    assert digest(db_path) == before


def test_a_dangling_symlink_makes_a_private_journal_at_its_target(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "umask", os.umask)  # restored by monkeypatch below
    old = os.umask(0)
    try:
        link = tmp_path / "nowhere.db"
        target = tmp_path / "deep" / "er" / "journal.db"
        link.symlink_to(target)
        assert cli("--db", link, "add", "--pain", "2") == 0
    finally:
        os.umask(old)
    assert link.is_symlink() and target.is_file()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    for folder in (target.parent, target.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_not_a_journal_is_the_error_type_programs_can_catch(tmp_path):
    path = make_db(tmp_path / "x.db", "CREATE TABLE songs (title TEXT)")
    with pytest.raises(NotAJournalError):
        open_database(path)


def test_restore_from_a_pipe_is_refused_at_once(db_path, tmp_path, capsys):
    assert cli("--db", db_path, "add", "--date", "2026-01-01", "--pain", "3") == 0
    fifo = tmp_path / "backup.db"
    os.mkfifo(fifo)
    assert cli("--db", db_path, "restore", fifo) == 1  # and it does not hang
    assert "is a pipe, not a backup" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["empty file", "blank database"])
def test_a_reader_never_turns_a_file_into_a_journal(tmp_path, capsys, kind):
    path = tmp_path / "x.db"
    if kind == "empty file":
        path.write_bytes(b"")
    else:
        make_db(path, "PRAGMA user_version = 0")
        sqlite3.connect(path).execute("VACUUM").connection.close()
    before = path.read_bytes()
    assert cli("--db", path, "list") == 1
    assert "There is no journal" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db"]
