"""A really full disk (a 1 MiB tmpfs in a user and mount namespace, no root needed): the window
and the command line say so, nothing acknowledged is lost, nothing is set aside as damaged, and
the same save works once there is room again."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _namespaces_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=30)
    return probe.returncode == 0


@pytest.mark.skipif(not _namespaces_work(), reason="needs `unshare -rm` (user namespaces)")
def test_a_full_disk_loses_nothing_and_says_what_to_do(tmp_path):
    disk, outside = tmp_path / "small-disk", tmp_path / "outside"
    disk.mkdir()
    outside.mkdir()
    script = ('mount -t tmpfs -o size=1m tmpfs "$1" '
              '&& exec "$2" -m tests.system.disk_full_child "$1" "$3"')
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "HOME": str(outside), "XDG_CONFIG_HOME": str(outside / "config"),
           "XDG_DATA_HOME": str(outside / "data")}
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", str(disk),
                             sys.executable, str(outside)],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])

    full = "The disk is full"
    assert not seen["window_saved"] and seen["form_kept"]
    assert len(seen["window_said"]) == 1 and seen["window_said"][0].startswith(full)
    for command in ("cli_add", "cli_import"):
        code, message = seen[command]
        assert code == 1 and full in message and "not changed" in message, command
    assert "disk is full" in seen["backup"] and seen["partial_files"] == []
    assert seen["old_backup_problem"] is None  # earlier backups stay readable
    assert seen["integrity"] == "ok" and seen["rows"] == seen["acknowledged"]
    assert seen["journal_files"] == ["journal.db", "journal.db.lock"]  # nothing set aside
    assert seen["saved_after_freeing"] and seen["stored_after_freeing"]
