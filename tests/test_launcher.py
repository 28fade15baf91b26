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


def test_the_first_window_paints_without_what_can_wait(tmp_path):
    """Up to the first paint: no Qt enum namespace (~14 ms, see journal.ui.widgets), no
    history table, no command line, numpy or matplotlib."""
    db = tmp_path / "j.db"
    main(["--db", str(db), "add", "--date", "2026-01-01", "--pain", "2"])
    env = {"QT_QPA_PLATFORM": "offscreen", "PAIN_JOURNAL_EXIT_AFTER": "window",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"), "PATH": "/usr/bin"}
    code = ("import sys, journal.launcher as launcher, PySide6.QtCore as core;"
            "code = launcher.main(['--db', sys.argv[1]]);"
            "names = ('click', 'numpy', 'matplotlib', 'journal.ui.history');"
            "print(code, *[n for n in names if n in sys.modules],"
            " *(['Qt namespace'] if 'Qt' in vars(core) else []))")
    result = subprocess.run([sys.executable, "-c", code, str(db)], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["0"], result.stderr
