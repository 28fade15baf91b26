"""One writer per journal: the app's lock is respected by the command line's writers."""

import os
import subprocess
import sys
import textwrap

import pytest

from journal.cli import main
from journal.storage.lock import JournalBusyError, JournalLock

HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from journal.storage.lock import JournalLock
    lock = JournalLock(Path(sys.argv[1]))
    lock.acquire("the test holder")
    print("held", flush=True)
    sys.stdin.readline()
""")


@pytest.fixture
def held(db_path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    yield holder
    holder.stdin.close()
    holder.wait(timeout=30)


def test_a_second_holder_is_told_who_has_the_journal(db_path, held):
    with pytest.raises(JournalBusyError, match=r"open in the test holder \(process \d+\)"):
        JournalLock(db_path).acquire("me")


def test_command_line_writers_wait_for_the_app_but_readers_do_not(db_path, held, capsys):
    assert main(["--db", str(db_path), "add", "--pain", "3"]) == 1
    assert "open in the test holder" in capsys.readouterr().err
    assert not db_path.exists()
    assert main(["--db", str(db_path), "list"]) == 1  # no journal yet: a reader just says so


def test_a_lock_left_by_a_crashed_process_is_taken_over(db_path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    crashed = subprocess.Popen([sys.executable, "-c", HOLD, str(db_path)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    assert crashed.stdout.readline().strip() == "held"
    crashed.kill()  # like kill -9: no clean-up
    crashed.wait(timeout=30)
    assert (db_path.parent / "journal.db.lock").exists()
    with JournalLock(db_path) as lock:
        lock.acquire("me")
    assert main(["--db", str(db_path), "add", "--pain", "3"]) == 0


def test_a_symlink_to_the_journal_finds_the_same_lock(db_path, held, tmp_path):
    link = tmp_path / "link.db"
    link.symlink_to(db_path)
    with pytest.raises(JournalBusyError, match="open in the test holder"):
        JournalLock(link).acquire("me")
    assert main(["--db", str(link), "add", "--pain", "3"]) == 1


def test_a_journal_with_a_second_hard_linked_name_is_not_opened(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "add", "--date", "2026-01-01", "--pain", "3"]) == 0
    hard = tmp_path / "hard.db"
    os.link(db_path, hard)
    before = db_path.read_bytes()
    for path in (db_path, hard):
        assert main(["--db", str(path), "add", "--date", "2026-01-01", "--mood", "8"]) == 1
        assert "2 names on disk (hard links)" in capsys.readouterr().err
        assert main(["--db", str(path), "show", "2026-01-01"]) == 1
        assert "hard links" in capsys.readouterr().err
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_holder_notices_when_its_lock_file_is_deleted_or_replaced(db_path, how):
    lock = JournalLock(db_path)
    lock.acquire("the window")
    lock.path.unlink()
    if how == "replaced":
        lock.path.write_text("")
    other = JournalLock(db_path)
    other.acquire("a command")  # the new file is free: a second writer could take it ...
    with pytest.raises(JournalBusyError, match="open in a command"):
        lock.ensure_held()      # ... so the first one refuses to write from now on
    other.release()
    lock.ensure_held()          # once it is free, the first one takes the new file again
    with pytest.raises(JournalBusyError, match="open in the window"):
        JournalLock(db_path).acquire("a command")
    lock.release()


def test_a_symlinked_lock_file_is_never_followed_or_truncated(db_path, tmp_path, capsys):
    thesis = tmp_path / "thesis.txt"
    thesis.write_text("three years of work")
    db_path.parent.mkdir(parents=True)
    (db_path.parent / "journal.db.lock").symlink_to(thesis)
    assert main(["--db", str(db_path), "add", "--pain", "2"]) == 1
    assert "is a symbolic link" in capsys.readouterr().err
    assert thesis.read_text() == "three years of work"
    assert not db_path.exists()
