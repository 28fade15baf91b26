"""File menu flows: export, import and choosing another journal. Each returns a status line."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from journal.domain.grammar import count_text
from journal.exchange import ImportFileError, guess_format, read_document
from journal.exchange.files import JournalFileError, refuse_journal_files, write_private
from journal.storage import StorageError
from journal.ui.state import JournalState, JournalWriteError

CSV_FILTER = "CSV for spreadsheets (*.csv)"
JSON_FILTER = "JSON (*.json)"


def ask_file(state: JournalState, ask: Callable[..., tuple[str, str]], *args: object,
             ) -> tuple[str, str]:
    """Run one of QFileDialog's static dialogs, then reconnect the journal.

    Qt's dialogs open and close the files they list to guess their type, the journal
    included, and closing any handle of a file drops this process's SQLite locks on it; a
    command-line reader could then remove the log the window writes into. A fresh
    connection after the dialog has fresh locks (and each write checks the log, too).
    """
    try:
        return ask(*args)
    finally:
        try:
            state.journal.reconnect()
        except (StorageError, sqlite3.Error):
            pass  # the next write says what is wrong


def export_data(parent: QWidget, state: JournalState) -> str | None:
    """Ask where to save, then write every day losslessly."""
    default = Path.home() / f"pain-journal-{dt.date.today().isoformat()}.csv"
    path_text, chosen = ask_file(state, QFileDialog.getSaveFileName, parent, "Export data",
                                 str(default), f"{CSV_FILTER};;{JSON_FILTER}")
    if not path_text:
        return None
    path = Path(path_text)
    fmt = "json" if chosen == JSON_FILTER or path.suffix.lower() == ".json" else "csv"
    if path.suffix.lower() != f".{fmt}":
        path = path.with_name(f"{path.name}.{fmt}")
    if output_refused(parent, path, state):
        return None
    days = state.count()
    try:
        for output, data in state.journal.export_files(fmt, path).items():  # CSV: companions
            write_private(output, data)
    except OSError as error:
        QMessageBox.warning(parent, "Export failed",
                            f"Could not write {path}: {error.strerror}. Nothing was exported.")
        return None
    return f"Exported {days} {'day' if days == 1 else 'days'} to {path}."


def output_refused(parent: QWidget, path: Path, state: JournalState) -> bool:
    """True, after saying why, if *path* is the journal or one of its files: write nothing."""
    try:
        refuse_journal_files(path, state.db_path)
    except JournalFileError as error:
        QMessageBox.warning(parent, "Not saved", str(error))
        return True
    return False


def import_data(parent: QWidget, state: JournalState) -> str | None:
    """Read a whole file, show what would change, and import it all on "Import"."""
    path_text, _ = ask_file(state, QFileDialog.getOpenFileName, parent, "Import data",
                            str(Path.home()), "Journal exports (*.csv *.json);;All files (*)")
    if not path_text:
        return None
    path = Path(path_text)
    try:  # reading the journal itself would drop this window's locks on it, and is no import
        refuse_journal_files(path, state.db_path)
    except JournalFileError:
        QMessageBox.warning(parent, "Nothing was imported", f"{path} is your journal (or one of "
                            "its files), not an export. Choose a CSV or JSON export.")
        return None
    try:
        data = path.read_bytes()
        incoming = read_document(data, guess_format(path, data))
        if guess_format(path, data) == "csv":
            from journal.exchange.treatment_csv import with_companions

            incoming = with_companions(incoming, path)  # NAME.medications.csv, ... if there
    except (OSError, ImportFileError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        QMessageBox.warning(parent, "Nothing was imported", f"{path.name}: {reason}")
        return None
    except Exception as error:  # noqa: BLE001 - a file we failed to foresee: say so, no traceback
        QMessageBox.warning(parent, "Nothing was imported",
                            f"{path.name} could not be read because of an unexpected problem "
                            f"({type(error).__name__}: {error}). Nothing was imported.")
        return None
    plan = state.journal.plan_import(incoming)
    days = plan.days
    if plan.empty:
        QMessageBox.information(parent, "Nothing to import",
                                f"All {count_text(days.unchanged, 'day')} in {path.name} are "
                                "already in your journal, exactly as they are.")
        return None
    question = (f"{path.name} has {count_text(len(days.new), 'new day')} and "
                f"{count_text(len(days.changed), 'day')} different from your journal (the "
                f"file's version will replace them); "
                f"{days.unchanged} are already the same.\n\nImport now? You can undo it with "
                "Ctrl+Z.")
    answer = QMessageBox.question(parent, "Import data", question)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        state.import_plan(plan)
    except JournalWriteError as error:
        QMessageBox.warning(parent, "Nothing was imported", str(error))
        return None
    return plan.describe(done=True)


def choose_journal(parent: QWidget) -> Path | None:
    path_text, _ = QFileDialog.getOpenFileName(parent, "Open journal", str(Path.home()),
                                               "Journals (*.db);;All files (*)")
    return Path(path_text) if path_text else None
