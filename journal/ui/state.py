"""JournalState: the window's open journal, its undo stack and its one change signal.

Every use case is the `journal.journal.Journal`'s, the same the command line calls. This
adapter adds what only a window needs: undo (any `Edit` the journal returns can be undone
and redone) and `changed`, which says what changed and who changed it, so that each view
decides what to reload (in the manner of Anki's ``operation_did_execute``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from journal.domain import Entry
from journal.journal import ANY, ChangedElsewhereError, Changes, Edit, Journal
from journal.storage import StorageError
from journal.storage.errors import explain
from journal.storage.lock import JournalLock

if TYPE_CHECKING:
    from journal.exchange import ImportPlan
    from journal.storage.restore import Restored


LOCK_HOLDER = "another Pain & Mood Journal window"  # how a second app or command names us
KEPT_IN_FORM = "Your entry is still in the form."


class JournalWriteError(Exception):
    """A write that did not happen; the message is one sentence for the user."""


class DayChangedElsewhereError(JournalWriteError):
    """The day changed in the journal after the form showed it; nothing was saved."""


class JournalState(QObject):
    """The open journal, its undo stack, and the signal views listen to.

    Parameters
    ----------
    db_path
        The journal file to open (created if missing).
    lock
        The journal's lock, when the caller took it; released on `close` or on switching
        to another journal, whose lock `open_journal` takes.
    """

    #: Something changed: a `journal.journal.Changes` (which days, the whole journal, the
    #: backups) and who made it. Views decide from it what to reload.
    changed = Signal(object)
    #: An undo or redo could not be written (the message is for the user).
    write_failed = Signal(str)
    #: An undo or redo was written: "Undid: Save Tue 1 Dec 2026." (for the status bar).
    history_moved = Signal(str)

    def __init__(self, db_path: Path, parent: QObject | None = None,
                 lock: JournalLock | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.journal = Journal.open_light(Path(db_path), lock)

    @property
    def db_path(self) -> Path:
        return self.journal.path

    @property
    def ready_to_write(self) -> bool:
        return self.journal.writable

    def make_ready_to_write(self) -> None:
        """Open the journal the full way; the window calls it right after its first paint."""
        self.journal.make_writable()

    # Reading ---------------------------------------------------------------------------------
    def entry(self, date: dt.date) -> Entry | None:
        return self.journal.day(date)

    def entries(self, start: dt.date | None = None, end: dt.date | None = None) -> list[Entry]:
        return self.journal.days(start, end)

    def tags(self) -> list[str]:
        return self.journal.tags()

    def count(self) -> int:
        return self.journal.count()

    def days_logged(self, start: dt.date, end: dt.date) -> int:
        return self.journal.days_logged(start, end)

    def is_sample(self) -> bool:
        return self.journal.is_sample()

    # Writing ---------------------------------------------------------------------------------
    def save_entry(self, entry: Entry, expected: Entry | None | object = ANY,
                   initiator: object = None) -> Entry:
        """Save *entry*; returns it as stored. Raises JournalWriteError, nothing saved.

        With *expected* (the day as the form showed it), a day changed elsewhere since is not
        overwritten: DayChangedElsewhereError.
        """
        try:
            self._do(lambda: self.journal.save_day(entry, expected=expected, initiator=initiator))
        except ChangedElsewhereError as error:
            raise DayChangedElsewhereError(f"{error} {KEPT_IN_FORM}") from None
        return self.journal.day(entry.date)

    def delete_day(self, date: dt.date, initiator: object = None) -> None:
        self._do(lambda: self.journal.delete_day(date, initiator=initiator))

    def import_plan(self, plan: ImportPlan) -> None:
        """Back up, then write the plan in one transaction; one undo takes it all back."""
        self._do(lambda: self.journal.write_import(plan))

    # Questionnaire check-ins -----------------------------------------------------------------
    def checkins(self, start: dt.date | None = None, end: dt.date | None = None) -> list:
        return self.journal.checkins(start, end)

    def last_checkin_date(self) -> dt.date | None:
        return self.journal.last_checkin_date()

    def save_checkin(self, checkin: object, initiator: object = None) -> None:
        """Save a PHQ-9 or GAD-7 (undoable); raises JournalWriteError, nothing saved."""
        self._do(lambda: self.journal.save_checkin(checkin, initiator=initiator))

    def delete_checkin(self, instrument: str, date: dt.date, initiator: object = None) -> None:
        self._do(lambda: self.journal.delete_checkin(instrument, date, initiator=initiator))

    # Medications and events ------------------------------------------------------------------
    def change_treatments(self, case: str, *args: object, **kwargs: object) -> None:
        """A medication or event use case of the journal (see `Journal.change_treatments`),
        undoable. Raises ValidationError (nothing written) or JournalWriteError."""
        self._do(lambda: self.journal.change_treatments(case, *args, **kwargs))

    def add_sample_days(self, entries: list[Entry]) -> None:
        """Fill the (empty) sample journal; not undoable, it is not the user's data."""
        self.changed.emit(_write(lambda: self.journal.fill_with_sample(entries)))

    def _do(self, action: Callable[[], Edit | None]) -> None:
        edit = _write(action)
        if edit is not None:
            self.undo_stack.push(_Change(self, edit))
            self.changed.emit(edit.changes)

    def _apply(self, edit: Edit, snapshot: dict, verb: str) -> bool:
        """Put *snapshot* back (an undo or a redo); False (and a message) if it failed."""
        try:
            changes = _write(lambda: self.journal.apply(snapshot))
        except JournalWriteError as error:
            self.write_failed.emit(str(error))
            return False
        self.changed.emit(changes)
        self.history_moved.emit(f"{verb}: {edit.label}.")
        return True

    # Journals and backups --------------------------------------------------------------------
    def open_journal(self, db_path: Path) -> None:
        """Switch to another journal file; the undo history belongs to the old one.

        Raises StorageError (JournalBusyError when another window or command has it open), and
        then the current journal stays open.
        """
        old = self.journal
        lock = old.lock
        if db_path.resolve() != old.path.resolve():
            lock = JournalLock(db_path)
            lock.acquire(LOCK_HOLDER)
        try:
            new = Journal.open_light(db_path, lock)
        except BaseException:
            if lock is not old.lock:
                lock.release()
            raise
        old.store.db.close()
        if old.lock is not None and lock is not old.lock:
            old.lock.release()
        self.journal = new
        self.undo_stack.clear()
        self.changed.emit(Changes(everything=True))

    def close(self) -> None:
        self.journal.close()

    def backup(self, reason: str = "") -> Path:
        """A verified backup now (File > Backups…)."""
        made = self.journal.backup(reason)
        self.changed.emit(Changes(backups=True))
        return made

    def backup_if_due(self, *, closing: bool = False) -> Path | None:
        """The automatic backup: once a day while the app runs, and on closing."""
        return self.journal.backup_if_due(closing=closing)

    def restore(self, backup: Path) -> Restored:
        """Replace the journal with *backup* (the journal as it was is kept first).

        Raises StorageError: the restore did not happen (the journal is open again as it
        was), or the journal cannot be opened afterwards.
        """
        try:
            return self.journal.restore(backup)
        finally:
            self.undo_stack.clear()
            self.changed.emit(Changes(everything=True, backups=True))


class _Change(QUndoCommand):
    """A change already written; undo puts its *before* back, redo its *after*."""

    def __init__(self, state: JournalState, edit: Edit) -> None:
        super().__init__(edit.label)
        self._state, self._edit = state, edit
        self._written = True  # the first redo() is the push itself: already done

    def redo(self) -> None:
        if self._written:
            self._written = False
        elif not self._state._apply(self._edit, self._edit.after, "Redid"):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._state._apply(self._edit, self._edit.before, "Undid"):
            self.setObsolete(True)


def _write(action: Callable[[], object]):  # noqa: ANN202 - returns what *action* returns
    """Run a write; a failure becomes one sentence for the user (what happened, and that
    the entry is still in the form)."""
    try:
        return action()
    except ChangedElsewhereError:
        raise
    except (StorageError, sqlite3.Error, OSError) as error:
        raise JournalWriteError(f"{explain(error)} {KEPT_IN_FORM}") from None


def day_title(date: dt.date) -> str:
    """``Sunday 1 March 2026``: how the UI names a day."""
    return f"{date:%A} {date.day} {date:%B %Y}"
