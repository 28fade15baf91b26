"""`backup`, `restore` and `check` on the command line: what they write and what they print.

What a crash or a foreign file does to them is in tests/storage (test_crash_states.py,
test_foreign_files.py).
"""

import json
import sqlite3

import pytest

from journal.cli import main
from journal.storage.backup import backups_dir, list_backups
from journal.storage.schema import MIGRATIONS


@pytest.fixture
def run(capsysbinary, db_path):
    def run(*args, db=db_path):
        code = main(["--db", str(db), *map(str, args)])
        out, err = capsysbinary.readouterr()
        return code, out.decode(), err.decode()
    return run


def days(run, db):
    code, out, _ = run("export", "--format", "json", db=db)
    assert code == 0
    return {d["date"]: d["pain"] for d in json.loads(out)["days"]}


def test_backup_goes_into_the_backups_folder_beside_the_journal(run, db_path):
    run("add", "--date", "2026-01-01", "--pain", "4")
    code, out, err = run("backup")
    made = list_backups(db_path)
    assert code == 0 and err == "" and len(made) == 1
    assert made[0].path.parent == backups_dir(db_path) == db_path.parent / "backups"
    assert out == f"Backed up to {made[0].path}.\n"
    assert days(run, made[0].path) == {"2026-01-01": 4}


def test_backup_to_a_file_writes_that_copy_only(run, db_path, tmp_path):
    run("add", "--date", "2026-01-01", "--pain", "4")
    target = tmp_path / "usb" / "copy.db"
    target.parent.mkdir()
    code, out, _ = run("backup", "-o", target)
    assert code == 0 and out == f"Backed up to {target}.\n"
    assert days(run, target) == {"2026-01-01": 4}
    assert list_backups(db_path) == []  # the backups folder is left alone


def test_restore_puts_the_backup_in_place_and_keeps_the_journal_as_it_was(run, db_path):
    run("add", "--date", "2026-01-01", "--pain", "4")
    run("backup")
    (backup,) = list_backups(db_path)
    run("add", "--date", "2026-01-01", "--pain", "9")
    run("add", "--date", "2026-01-02", "--pain", "5")
    code, out, _ = run("restore", backup.path)
    kept = [b for b in list_backups(db_path) if b.reason == "before-restore"]
    assert code == 0 and len(kept) == 1
    assert out == (f"Restored {backup.path.name} into {db_path}. "
                   f"The journal as it was is kept in {kept[0].path}.\n")
    assert days(run, db_path) == {"2026-01-01": 4}
    assert days(run, kept[0].path) == {"2026-01-01": 9, "2026-01-02": 5}


def test_restore_of_a_file_that_is_not_a_backup_changes_nothing(run, db_path, tmp_path):
    run("add", "--date", "2026-01-01", "--pain", "4")
    other = tmp_path / "notes.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    code, out, err = run("restore", other)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith("Error: notes.db cannot be restored")
    assert days(run, db_path) == {"2026-01-01": 4}


def test_check_of_a_healthy_journal_prints_integrity_schema_and_counts(run, db_path):
    run("add", "--date", "2026-01-01", "--pain", "4", "--activity", "walking:30",
        "--activity", "yoga:20")
    run("add", "--date", "2026-01-02", "--mood", "6", "--activity", "swimming:40")
    code, out, err = run("check")
    assert code == 0 and err == ""
    assert out.splitlines() == [
        f"Journal: {db_path}",
        "Integrity: ok",
        f"Schema version: {len(MIGRATIONS)} ({MIGRATIONS[-1]})",
        "Days: 2; activities: 3",
    ]


def test_check_of_a_damaged_journal_exits_1_naming_the_damage_and_changes_nothing(run, db_path):
    run("demo", "--days", "365")
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # A leaf page of the days table (not a fixed number: migrations add tables before it).
    (page,) = conn.execute("SELECT pageno FROM dbstat WHERE name = 'days' AND pagetype = 'leaf'"
                           " ORDER BY pageno LIMIT 1 OFFSET 3").fetchone()
    conn.close()
    with open(db_path, "r+b") as handle:  # inside the days table: only a full check finds it
        handle.seek((page - 1) * 4096 + 100)
        handle.write(bytes(2000))
    before = db_path.read_bytes()
    code, out, err = run("check")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith(f"Error: The journal {db_path} is damaged") and "not changed" in err
    assert db_path.read_bytes() == before


def test_check_of_a_missing_journal_exits_1_and_creates_nothing(run, db_path):
    code, out, err = run("check")
    assert code == 1 and out == "" and str(db_path) in err
    assert not db_path.exists()
