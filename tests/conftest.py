"""Every test gets its own journal path; nothing touches the user's real data dir."""

import os

import pytest

# GUI tests never need a display (CI has none).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data_dirs(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("PAIN_JOURNAL_DB", str(tmp_path / "env-journal" / "journal.db"))


@pytest.fixture
def umask_000():
    """The widest umask there is: nothing the app writes may then be readable by others."""
    old = os.umask(0)
    yield
    os.umask(old)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "journal.db"


@pytest.fixture
def run(capsysbinary, db_path):
    """The command line on the test journal: ``run("list", "--json")`` -> (exit code, stdout,
    stderr), both decoded as UTF-8."""
    from journal.cli import main

    def run(*args):
        code = main(["--db", str(db_path), *args])
        out, err = capsysbinary.readouterr()
        return code, out.decode("utf-8"), err.decode("utf-8")
    return run


@pytest.fixture
def store(db_path):
    from journal.storage import EntryStore, open_database

    db = open_database(db_path)
    yield EntryStore(db)
    db.close()


# Hypothesis's 200 ms deadline measures this shared 2-core machine's load, not the code: a
# save is fsynced, and one slow disk write is not a bug. Its examples still all run.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("journal", deadline=None)
_hypothesis_settings.load_profile("journal")
