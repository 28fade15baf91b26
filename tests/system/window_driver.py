"""Child process: the real window (offscreen) on a journal, saving days when told to.

Started the way the app starts (`journal.ui.app`: the lock, then the window). Reads
``save N`` lines on standard input; types pain N % 11 into day N and saves it with the
window's own Save, then prints ``ack N`` only once the status bar says "Saved". ``touch``
opens and closes the journal with a plain handle in the window's process, as Qt's file
dialogs do to the files they list (which drops the process's SQLite locks).
"""

import datetime as dt
import select
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from journal.storage.lock import JournalLock
from journal.ui.app import create_main_window
from journal.ui.state import LOCK_HOLDER

FIRST_DAY = dt.date(2026, 1, 1)


def day(n: int) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=n)


def main() -> None:
    app = QApplication(sys.argv[:1])
    path = Path(sys.argv[1])
    lock = JournalLock(path)
    lock.acquire(LOCK_HOLDER)
    settings = QSettings(str(Path(sys.argv[2])), QSettings.Format.IniFormat)
    window = create_main_window(path, settings, lock=lock)
    window.show()

    def poll() -> None:
        if window.is_ready() and not getattr(window, "_said_ready", False):
            window._said_ready = True
            print("ready", flush=True)
        if not select.select([sys.stdin], [], [], 0)[0]:
            return
        line = sys.stdin.readline().split()
        if not line:
            app.quit()
            return
        if line[0] == "touch":  # what Qt's file dialogs do to files they list
            with open(path, "rb") as handle:
                handle.read(16)
            print("touched", flush=True)
            return
        n = int(line[1])
        window._open_day(day(n))
        window.form.scores["pain"].set_value(n % 11)
        if window.save_day() and window.saved_label.text().startswith("Saved"):
            print(f"ack {n}", flush=True)
        else:
            print(f"failed {n} {window.saved_label.text()}", flush=True)

    timer = QTimer(interval=5)
    timer.timeout.connect(poll)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
