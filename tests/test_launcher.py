"""The entry point opens the window without the command-line machinery, and hands commands on."""

import subprocess
import sys

import pytest

from journal.launcher import _gui_only, main


@pytest.mark.parametrize(("args", "expected"), [
    ([], None), (["--db", "x.db"], "x.db"), (["--db=x.db"], "x.db"),
    (["list"], False), (["--db", "x.db", "list"], False), (["--version"], False),
    (["--db"], False), (["--db="], False),
])
def test_only_a_bare_launch_goes_straight_to_the_window(args, expected):
    assert _gui_only(args) == expected


def test_commands_still_reach_the_command_line(capsys, tmp_path):
    assert main(["--db", str(tmp_path / "j.db"), "add", "--date", "2026-01-01", "--pain", "2"]) == 0
    assert capsys.readouterr().out == "Saved 2026-01-01.\n"


def test_the_window_path_imports_neither_click_nor_numpy(tmp_path):
    code = ("import sys, journal.launcher, journal.ui.app, journal.paths;"
            "print(','.join(m for m in ('click', 'numpy', 'sqlite_utils', 'matplotlib', 'scipy')"
            " if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == ""


def test_the_window_opens_and_leaves_at_the_benchmark_milestone(tmp_path):
    db = tmp_path / "j.db"
    main(["--db", str(db), "add", "--date", "2026-01-01", "--pain", "2"])
    env = {"QT_QPA_PLATFORM": "offscreen", "PAIN_JOURNAL_EXIT_AFTER": "window",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"), "PATH": "/usr/bin"}
    result = subprocess.run([sys.executable, "-m", "journal", "--db", str(db)], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
