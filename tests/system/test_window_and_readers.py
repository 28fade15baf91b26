"""The window open while the command line reads, then killed: nothing acknowledged is lost.

This is how the journal is really used: the app stays open all day while scripts or a
terminal read the same journal. A read must never disturb the window's write-ahead log
(before, it deleted it, and every later "Saved" went into a deleted file).
"""

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.system.window_driver import day

ROOT = Path(__file__).resolve().parents[2]
READERS = (["show", "--json"], ["list", "--json"], ["export", "--format", "json"], ["check"])


def _pains(command, output):
    """Date -> pain, as a reader printed them."""
    if command[0] == "show":
        days = [json.loads(output)]
    elif command[0] == "list":
        days = json.loads(output)
    else:
        days = json.loads(output)["days"]
    return {d["date"]: d["pain"] for d in days}


def _cli(db, *args):
    return subprocess.run([sys.executable, "-m", "journal", "--db", str(db), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("reached", ["directly", "through a symlink", "after a file dialog"])
def test_window_saves_with_readers_in_between_survive_kill_9(tmp_path, reached):
    journal = tmp_path / "data" / "journal.db"
    assert _cli(journal, "add", "--date", "2025-12-31", "--pain", "1").returncode == 0
    reader_path = journal
    if reached == "through a symlink":
        reader_path = tmp_path / "link.db"
        reader_path.symlink_to(journal)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    window = subprocess.Popen(
        [sys.executable, "-m", "tests.system.window_driver", str(journal),
         str(tmp_path / "settings.ini")], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True, cwd=ROOT, env=env)
    acknowledged = {}
    try:
        assert window.stdout.readline().strip() == "ready"
        for n in range(8):
            if reached == "after a file dialog" and n % 3 == 1:
                window.stdin.write("touch\n")
                window.stdin.flush()
                assert window.stdout.readline().strip() == "touched"
            window.stdin.write(f"save {n}\n")
            window.stdin.flush()
            assert window.stdout.readline().split() == ["ack", str(n)]
            acknowledged[day(n).isoformat()] = n % 11
            command = READERS[n % len(READERS)]
            args = [*command, day(n).isoformat()] if command[0] == "show" else command
            result = _cli(reader_path, *args)
            assert result.returncode == 0, result.stderr
            if command[0] == "show":
                assert _pains(command, result.stdout) == {day(n).isoformat(): n % 11}
            elif command[0] != "check":  # every reader sees every save so far
                seen = _pains(command, result.stdout)
                assert {d: seen.get(d) for d in acknowledged} == acknowledged
            if reached != "after a file dialog":  # there a reader may remove it; no save is lost
                assert Path(f"{journal}-wal").exists(), "a reader removed the window's log"
            blocked = _cli(reader_path, "add", "--date", "2025-06-01", "--pain", "9")
            assert blocked.returncode == 1 and "open in another" in blocked.stderr
    finally:
        window.send_signal(signal.SIGKILL)
        window.wait(timeout=30)
    listed = _cli(reader_path, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    stored = {d["date"]: d["pain"] for d in json.loads(listed.stdout)}
    assert {d: stored.get(d) for d in acknowledged} == acknowledged
    assert "2025-06-01" not in stored
    conn = sqlite3.connect(journal)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert dt.date(2025, 12, 31).isoformat() in stored
