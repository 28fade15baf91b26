"""JournalState: the one object in the UI that reads and writes the journal.

Widgets emit intent; this adapter performs the write through storage, puts an
undoable command on the stack, and announces which days changed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from typing import TYPE_CHECKING

from journal.domain import Entry
from journal.storage import EntryStore, StorageError
from journal.storage.entries import no_journal
from journal.storage.errors import is_disk_full
from journal.storage.lock import JournalLock
from journal.storage.schema import open_current_for_reading

if TYPE_CHECKING:
    from journal.exchange import ImportPlan
    from journal.storage.backup import Restored


LOCK_HOLDER = "another Pain & Mood Journal window"  # how a second app or command names us


class JournalWriteError(Exception):
    """A write that did not happen; the message is one sentence for the user."""


class JournalState(QObject):
    """The open journal, its undo stack, and the signals views listen to.

    Parameters
    ----------
    db_path
        The journal file to open (created if missing).
    lock
        The journal's lock, when the caller took it; released on `close` or on switching
        to another journal, whose lock `open_journal` takes.
    """

    #: Days whose entries changed (a set of dates), after every write, undo or redo.
    entries_changed = Signal(object)
    #: Another journal file was opened; every view should reload.
    journal_opened = Signal()
    #: An undo or redo could not be written (the message is for the user).
    write_failed = Signal(str)
    #: An undo or redo was written: "Undid: Save Tue 1 Dec 2026" (for the status bar).
    history_moved = Signal(str)

    def __init__(self, db_path: Path, parent: QObject | None = None,
                 lock: JournalLock | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.db_path = db_path
        self._lock = lock
        self.store = _open_store(db_path, lock)

    @property
    def ready_to_write(self) -> bool:
        return not self._read_only

    def make_ready_to_write(self) -> None:
        """Open the journal the full way (sqlite-utils) if it was opened light for reading.

        The main window calls this right after its first paint, so saving stays quick.
        """
        if self._read_only:
            from journal.storage import open_database

            light = self.store.db
            # Never create one here: a journal that vanished while open is an error to report.
            self.store = EntryStore(open_database(self.db_path, create=False, lock=self._lock))
            light.close()

    def _make_ready(self) -> None:
        """Before every write: full access, and the journal's lock still ours (someone may
        have deleted or replaced the lock file; then a second writer must not slip in)."""
        self.make_ready_to_write()
        if self._lock is not None:
            self._lock.ensure_held()

    @property
    def _read_only(self) -> bool:
        return isinstance(self.store.db, sqlite3.Connection)

    # Reading ---------------------------------------------------------------------------------
    def entry(self, date: dt.date) -> Entry | None:
        return self.store.get(date)

    def entries(self, start: dt.date | None = None, end: dt.date | None = None) -> list[Entry]:
        return self.store.between(start, end)

    def tags(self) -> list[str]:
        return self.store.tags()

    def count(self) -> int:
        return self.store.count()

    def is_sample(self) -> bool:
        """The made-up journal for trying the app (by its name, or as labelled inside)."""
        from journal.paths import DEMO_FILENAME
        from journal.storage.journal_info import read_identity

        db = self.store.db
        return (self.db_path.name == DEMO_FILENAME
                or read_identity(getattr(db, "conn", db)).is_sample)

    def days_logged(self, start: dt.date, end: dt.date) -> int:
        query = "SELECT count(*) FROM days WHERE date BETWEEN ? AND ?"
        return self.store.db.execute(query, [start.isoformat(), end.isoformat()]).fetchone()[0]

    # Writing ---------------------------------------------------------------------------------
    def save_entry(self, entry: Entry) -> Entry:
        """Save *entry*; returns it as stored. Raises JournalWriteError, nothing saved."""
        _write(self._make_ready)
        before = self.store.get(entry.date)
        stored = _write(lambda: self.store.save(entry))
        if stored != before or before is None:
            self._push(f"Save {_day(entry.date)}", {entry.date: before}, {entry.date: stored})
        return stored

    def delete_day(self, date: dt.date) -> None:
        before = self.store.get(date)
        if before is None:
            return
        _write(self._make_ready)
        _write(lambda: self.store.delete(date))
        self._push(f"Delete {_day(date)}", {date: before}, {date: None})

    def import_plan(self, plan: ImportPlan) -> None:
        """Write an import plan in one transaction; one undo step takes it all back."""
        _write(self._make_ready)
        _write(lambda: self.backup(reason="before-import"))
        before = {e.date: self.store.get(e.date) for e in plan.changed}
        before.update({e.date: None for e in plan.new})
        _write(lambda: self.store.save_many(plan.to_write))
        after = {e.date: self.store.get(e.date) for e in plan.to_write}
        self._push(f"Import {len(after)} days", before, after)

    def add_sample_days(self, entries: list[Entry]) -> None:
        """Fill the (empty) sample journal, labelled as such inside the file (its backups and
        restores say so); not undoable, it is not the user's data."""
        from journal.storage.journal_info import mark_sample

        _write(self._make_ready)
        _write(lambda: self.store.save_many(entries))
        _write(lambda: mark_sample(self.store.db.conn))
        self.entries_changed.emit({e.date for e in entries})

    def open_journal(self, db_path: Path) -> None:
        """Switch to another journal file; the undo history belongs to the old one.

        Raises StorageError (JournalBusy when another window or command has it open), and
        then the current journal stays open.
        """
        lock = self._lock
        if db_path.resolve() != self.db_path.resolve():
            lock = JournalLock(db_path)
            lock.acquire(LOCK_HOLDER)
        try:
            store = _open_store(db_path, lock)
        except BaseException:
            if lock is not self._lock:
                lock.release()
            raise
        self.store.db.close()
        if self._lock is not None and lock is not self._lock:
            self._lock.release()
        self.store, self.db_path, self._lock = store, db_path, lock
        self.undo_stack.clear()
        self.journal_opened.emit()

    def close(self) -> None:
        self.store.db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def backup(self, reason: str = "") -> Path:
        """A verified backup now (File > Backups…, on close, once a day)."""
        from journal.storage.backup import create_backup

        return create_backup(self.db_path, reason=reason)

    def restore(self, backup: Path) -> Restored:
        """Replace the journal with *backup* (the journal as it was is kept first).

        Raises StorageError: the restore did not happen (the journal is open again as it
        was), or the journal cannot be opened afterwards (then nothing is open).
        """
        from journal.storage.backup import restore_backup

        if self._lock is not None:
            self._lock.ensure_held()
        self.store.db.close()  # never swap the file under an open connection
        try:
            done = restore_backup(backup, self.db_path)
        finally:
            self.store = EntryStore(no_journal())
            self.store = _open_store(self.db_path, self._lock)
            self.undo_stack.clear()
            self.journal_opened.emit()
        return done

    def _push(self, text: str, before: dict, after: dict) -> None:
        self.undo_stack.push(_Change(self, text, before, after))
        self.entries_changed.emit(set(after))

    def _apply(self, days: dict[dt.date, Entry | None]) -> bool:
        """Put *days* back exactly; False (and a message) if it could not be written."""
        keep = [e for e in days.values() if e is not None]
        absent = [d for d, e in days.items() if e is None]
        try:
            _write(self._make_ready)
            _write(lambda: self.store.restore(keep, absent))
        except JournalWriteError as error:
            self.write_failed.emit(str(error))
            return False
        self.entries_changed.emit(set(days))
        return True


class _Change(QUndoCommand):
    """A change already written; undo puts *before* back, redo puts *after* back."""

    def __init__(self, state: JournalState, text: str, before: dict, after: dict) -> None:
        super().__init__(text)
        self._state, self._before, self._after = state, before, after
        self._written = True  # the first redo() is the push itself: already done

    def redo(self) -> None:
        if self._written:
            self._written = False
            return
        if self._state._apply(self._after):
            self._state.history_moved.emit(f"Redid: {self.text()}.")
        else:
            self.setObsolete(True)

    def undo(self) -> None:
        if self._state._apply(self._before):
            self._state.history_moved.emit(f"Undid: {self.text()}.")
        else:
            self.setObsolete(True)


def _open_store(db_path: Path, lock: JournalLock | None = None) -> EntryStore:
    """Light (plain sqlite3, read-only) when the file is current; otherwise the full way."""
    light = open_current_for_reading(db_path)
    if light is not None:
        return EntryStore(light)
    from journal.storage import open_database

    return EntryStore(open_database(db_path, lock=lock))


def _write(action: Callable[[], object]):  # noqa: ANN202 - returns what *action* returns
    try:
        return action()
    except (StorageError, sqlite3.Error, OSError) as error:
        raise JournalWriteError(_explain(error)) from None


def _explain(error: Exception) -> str:
    text = str(error).lower()
    if is_disk_full(error):
        return "The disk is full, so the journal could not be saved. Free some space and save again."
    if "readonly" in text or "read-only" in text or "permission" in text:
        return ("The journal file cannot be written (it is read-only or on a read-only disk). "
                "Your entry is still in the form.")
    if "locked" in text or "busy" in text:
        return "The journal is busy in another program. Wait a moment and save again."
    return f"The journal could not be saved ({error}). Your entry is still in the form."


def _day(date: dt.date) -> str:
    return f"{date:%a} {date.day} {date:%b %Y}"


def day_title(date: dt.date) -> str:
    """``Sunday 1 March 2026``: how the UI names a day."""
    return f"{date:%A} {date.day} {date:%B %Y}"
