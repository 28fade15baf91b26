"""What a crash (kill -9) can leave behind, and how the next run carries on without loss."""

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import textwrap

from journal.cli import main
from journal.storage import EntryStore, open_database
from journal.storage.backup import (
    backups_dir,
    create_backup,
    list_backups,
    thin,
)
from journal.storage.restore import restore_backup

# A writer that dies in the middle of a transaction in rollback-journal mode: what a kill
# during the switch to write-ahead logging (first creation, after a restore) leaves.
DIE_MID_WRITE = textwrap.dedent("""
    import os, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA cache_size = 1")  # spill pages to the file before the commit
    conn.execute("BEGIN")
    conn.execute("UPDATE days SET notes = hex(randomblob(2000))")
    os._exit(9)
""")


def cli(*args):
    return main([*map(str, args)])


def a_rollback_journal_with_a_hot_journal(db_path, days=60):
    assert cli("--db", db_path, "demo", "--days", days) == 0
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = DELETE")  # as a restored or older journal is
    conn.close()
    subprocess.run([sys.executable, "-c", DIE_MID_WRITE, str(db_path)], check=False)
    assert os.path.getsize(f"{db_path}-journal") > 0  # hot: it must be played back


def exported(db_path, capsys):
    capsys.readouterr()
    assert cli("--db", db_path, "export", "--format", "json") == 0
    return json.loads(capsys.readouterr().out)["days"]


def test_a_hot_journal_left_by_a_crash_is_rolled_back_and_everything_opens(db_path, capsys):
    a_rollback_journal_with_a_hot_journal(db_path)
    days = exported(db_path, capsys)  # before: "attempt to write a readonly database", forever
    assert len(days) > 40 and not any(len(d["notes"] or "") > 1000 for d in days)
    assert not os.path.exists(f"{db_path}-journal")
    assert cli("--db", db_path, "add", "--date", "2026-01-01", "--pain", "4") == 0
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_restore_over_a_journal_with_a_hot_journal_leaves_no_stale_log(db_path, tmp_path, capsys):
    other = tmp_path / "source" / "journal.db"
    assert cli("--db", other, "add", "--date", "2026-02-02", "--pain", "7") == 0
    backup = create_backup(other)
    a_rollback_journal_with_a_hot_journal(db_path)
    assert cli("--db", db_path, "restore", backup) == 0
    assert not os.path.exists(f"{db_path}-journal")
    assert [d["date"] for d in exported(db_path, capsys)] == ["2026-02-02"]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # published in WAL mode
    conn.close()


def test_an_empty_file_left_by_a_killed_first_save_is_simply_a_new_journal(db_path, capsys):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    (db_path.parent / ".journal.db.99999999.new").write_bytes(b"half made")
    assert cli("--db", db_path, "add", "--date", "2026-01-01", "--pain", "4") == 0  # first try
    assert [d["pain"] for d in exported(db_path, capsys)] == [4]
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(".")) == []


def test_a_new_journal_appears_whole_or_not_at_all(db_path, monkeypatch):
    """Built beside the path and renamed in: a failure while building leaves nothing."""
    import journal.storage.database as database

    def fail(db):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(database.migrations, "apply", fail)
    assert cli("--db", db_path, "add", "--pain", "3") == 1
    assert not db_path.exists()
    assert [p.name for p in db_path.parent.iterdir() if p.suffix != ".lock"] == []


def test_copies_left_by_killed_backups_and_restores_are_removed_later(db_path):
    assert cli("--db", db_path, "add", "--date", "2026-01-01", "--pain", "4") == 0
    folder = backups_dir(db_path)
    folder.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    for name in (f".journal-20260101-000000.db.{dead}.partial",
                 f".journal-20260101-000000.db.{dead}.partial-journal"):
        (folder / name).write_bytes(b"a whole copy of the diary")
    restoring = db_path.parent / f".journal.db.restoring-{dead}"
    restoring.write_bytes(b"a whole copy of the diary")
    made = create_backup(db_path)
    assert sorted(p.name for p in folder.iterdir()) == [made.name]
    restore_backup(made, db_path)
    assert not restoring.exists()


def test_a_clock_set_years_ahead_never_thins_away_the_whole_history(db_path):
    assert cli("--db", db_path, "add", "--date", "2026-01-01", "--pain", "4") == 0
    now = dt.datetime(2026, 6, 30, 12, tzinfo=dt.UTC)
    first = create_backup(db_path, now=now - dt.timedelta(days=100))
    for days in range(99, 0, -1):
        when = now - dt.timedelta(days=days)
        first.with_name(f"journal-{when:%Y%m%d-%H%M%S}.db").write_bytes(first.read_bytes())
    thin(db_path, now)
    create_backup(db_path, now=now + dt.timedelta(days=4 * 365))
    kept = list_backups(db_path)
    assert len(kept) == 10 and sum(b.created < now for b in kept) == 9  # before: only the new one


def test_backup_to_a_file_deletes_nothing_in_that_folder(db_path, tmp_path, capsys):
    assert cli("--db", db_path, "add", "--date", "2024-01-01", "--pain", "3") == 0
    documents = tmp_path / "Documents"
    documents.mkdir()
    precious = {f"journal-{stamp}.db": f"my precious file {stamp}"
                for stamp in ("20230105-120000", "20240315-080000", "20250601-090000")}
    for name, text in precious.items():
        (documents / name).write_text(text)
    assert cli("--db", db_path, "backup", "-o", documents / "today.db") == 0
    assert {p.name: p.read_text() for p in documents.iterdir() if p.name in precious} == precious
    assert sorted(p.name for p in documents.iterdir()) == sorted([*precious, "today.db"])
    db = open_database(documents / "today.db", create=False)
    assert EntryStore(db).count() == 1
    db.close()


def test_backup_to_a_file_never_writes_over_the_journal_or_its_log(db_path, tmp_path, capsys):
    assert cli("--db", db_path, "add", "--date", "2024-01-01", "--pain", "3") == 0
    link = tmp_path / "link.db"
    link.symlink_to(db_path)
    for target in (db_path, link, f"{db_path}-wal"):
        assert cli("--db", db_path, "backup", "-o", target) == 2
        assert "journal" in capsys.readouterr().err
    assert cli("--db", db_path, "check") == 0
