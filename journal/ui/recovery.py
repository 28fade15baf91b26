"""A damaged journal: offer the newest good backup (at start-up, or when found later)."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtWidgets import QMessageBox, QWidget

from journal.storage import CorruptJournalError

APP_NAME = "Pain & Mood Journal"


def offer_backup(parent: QWidget | None, error: CorruptJournalError) -> bool:
    """Ask whether to restore the newest good backup; True to restore it."""
    from journal.storage.backup import count_days

    made = _made(error.backup.name)
    days = count_days(error.backup)
    what = f"made {made}" + (f", {days} {'day' if days == 1 else 'days'}" if days else "")
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME,
                      "Your journal file is damaged, so it cannot be used safely.", parent=parent)
    box.setInformativeText(f"Restore the newest good backup ({what})? The damaged file is kept "
                           "beside it, renamed and unchanged.")
    box.setDetailedText(f"{error.path}\n\nWhat SQLite found: {error.problem}.")
    restore = box.addButton("Restore the backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is restore


def _made(name: str) -> str:
    """``journal-20261202-093000.db`` -> ``Wed 2 Dec 2026, 09:30`` (local time)."""
    found = re.search(r"\d{8}-\d{6}", name)
    if not found:
        return name
    stamp = dt.datetime.strptime(found[0], "%Y%m%d-%H%M%S")
    local = stamp.replace(tzinfo=dt.UTC).astimezone()
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M}"
