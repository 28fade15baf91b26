"""Child process for the full-disk test: runs inside `unshare -rm` with a 1 MiB tmpfs mounted at
argv[1] (argv[2] is an ordinary folder), fills that disk while the app's window is open, and
prints one JSON object saying what the window, the storage, the command line, a backup and an
import did, and what the journal holds afterwards."""

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from journal.domain import Entry
from journal.storage import EntryStore, StorageError, open_database
from journal.storage.backup import backups_dir, create_backup, verify

FIRST = dt.date(2026, 1, 1)
BIG_NOTE = "Pain 7/10, slept 4h. " * 449 + "End."  # ~9.4 KB (a note holds 10,000 characters)


def fill_the_disk(directory: Path) -> Path:
    ballast = directory / "ballast"
    fd = os.open(ballast, os.O_WRONLY | os.O_CREAT, 0o600)  # unbuffered: ENOSPC shows here
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return ballast


def run_cli(db_path: Path, *args: str) -> list:
    result = subprocess.run([sys.executable, "-m", "journal", "--db", str(db_path), *args],
                            capture_output=True, text=True, timeout=60)
    return [result.returncode, result.stderr.strip()]


def open_window(db_path: Path, outside: Path):  # noqa: ANN201
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from journal.ui.app import create_main_window

    app = QApplication([])
    shown: list[str] = []
    QMessageBox.warning = staticmethod(lambda parent, title, text: shown.append(text))
    window = create_main_window(db_path, QSettings(str(outside / "settings.ini"),
                                                   QSettings.Format.IniFormat))
    window.show()
    while not window.is_ready():
        app.processEvents()
    return window, shown


def main() -> None:
    disk, outside = Path(sys.argv[1]), Path(sys.argv[2])
    db_path = disk / "journal.db"
    db = open_database(db_path)
    acknowledged = {}
    for i in range(10):
        entry = Entry(FIRST + dt.timedelta(days=i), pain=i % 11, notes="x" * 200)
        EntryStore(db).save(entry)
        acknowledged[entry.date.isoformat()] = entry.pain
    db.close()
    good_backup = create_backup(db_path)
    import_file = outside / "import.json"
    run_cli(db_path, "export", "--format", "json", "-o", str(import_file))
    text = import_file.read_text(encoding="utf-8").replace('"pain": 0', '"pain": 9')
    import_file.write_text(text, encoding="utf-8")  # one changed day to import

    window, shown = open_window(db_path, outside)
    ballast = fill_the_disk(disk)
    form = window.form
    form.go_to(FIRST + dt.timedelta(days=20))
    form.scores["pain"].set_value(7)
    form.notes.setPlainText(BIG_NOTE)
    results = {"window_saved": window.save_day(), "window_said": shown[:],
               "form_kept": form.is_dirty() and form.notes.toPlainText() == BIG_NOTE}
    results["cli_add"] = run_cli(db_path, "add", "--date", "2026-02-01", "--note", BIG_NOTE)
    results["cli_import"] = run_cli(db_path, "import", str(import_file))
    try:
        create_backup(db_path)
        results["backup"] = "made"
    except StorageError as error:
        results["backup"] = str(error)
    results["partial_files"] = [p.name for p in backups_dir(db_path).iterdir()
                                if p.name.endswith(".partial")]
    results["old_backup_problem"] = verify(good_backup)

    conn = sqlite3.connect(db_path)
    results["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
    results["rows"] = dict(conn.execute("SELECT date, pain FROM days"))
    conn.close()
    results["acknowledged"] = acknowledged
    results["journal_files"] = sorted(p.name for p in disk.glob("journal.db*")
                                      if not p.name.endswith(("-wal", "-shm")))

    ballast.unlink()  # space freed: the same save now works
    results["saved_after_freeing"] = window.save_day()
    stored = window.state.entry(form.date)
    results["stored_after_freeing"] = stored is not None and stored.notes == BIG_NOTE
    window.form.mark_saved()
    window.close()
    print(json.dumps(results))


if __name__ == "__main__":
    main()
