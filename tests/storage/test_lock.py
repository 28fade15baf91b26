"""One writer per journal: the app's lock is respected by the command line's writers."""

import subprocess
import sys
import textwrap

import pytest

from journal.cli import main
from journal.storage.lock import JournalBusy, JournalLock

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
    with pytest.raises(JournalBusy, match=r"open in the test holder \(process \d+\)"):
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
