"""kill -9 at random moments loses nothing that was acknowledged as saved.

Each round starts a writer, waits for a random number of acknowledgements (no sleeping:
the writer never pauses, so the kill lands anywhere in a save), kills it with SIGKILL,
then checks the file. Rounds: PAIN_JOURNAL_TORTURE_KILLS (default 50).
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from journal.storage import EntryStore, open_database
from tests.system.torture_writer import BASE, expected

ROOT = Path(__file__).resolve().parents[2]


def test_kill_9_never_loses_an_acknowledged_entry(tmp_path):
    rounds = int(os.environ.get("PAIN_JOURNAL_TORTURE_KILLS", "50"))
    rng = random.Random(int(os.environ.get("PAIN_JOURNAL_TORTURE_SEED", "1234")))
    path = tmp_path / "journal.db"
    acknowledged: set[int] = set()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_number in range(rounds):
        writer = subprocess.Popen([sys.executable, "-m", "tests.system.torture_writer", str(path)],
                                  stdout=subprocess.PIPE, cwd=ROOT, env=env)
        for _ in range(rng.randint(1, 25)):
            line = writer.stdout.readline()
            if not line:
                break
            acknowledged.add(int(line))
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate()
        acknowledged |= {int(x) for x in rest.split()}
        _check(path, acknowledged, round_number)
    assert len(acknowledged) >= rounds


def _check(path: Path, acknowledged: set[int], round_number: int) -> None:
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)], round_number
        orphans = raw.execute("SELECT count(*) FROM activities a LEFT JOIN days d "
                              "ON a.date = d.date WHERE d.date IS NULL").fetchone()[0]
        assert orphans == 0, round_number
    finally:
        raw.close()
    db = open_database(path)
    try:
        stored = {(e.date - BASE).days: e for e in EntryStore(db).between()}
    finally:
        db.close()
    missing = sorted(acknowledged - stored.keys())
    assert not missing, f"round {round_number}: acknowledged but lost: {missing[:5]}"
    for i in acknowledged:
        assert stored[i] == expected(i), f"round {round_number}: entry {i} differs"
    for i, entry in stored.items():  # anything committed is whole, acknowledged or not
        assert entry == expected(i)
