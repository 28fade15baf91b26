"""The use cases both faces call: the command line and the window do every job through here.

A `Journal` is an open journal file (and, for a writer, its lock). Every write returns an
`Edit`: what changed (`Changes`, in the manner of Anki's ``OpChanges``) and the records as
they were before and after, so any change can be undone by `apply`-ing its `before`.
Importing this module stays light: sqlite-utils, numpy, matplotlib and scipy load inside
the use cases that need them.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from journal.domain import Entry
from journal.storage.entries import EntryStore
from journal.storage.errors import StorageError
from journal.storage.files import precheck
from journal.storage.guard import FileGuard
from journal.storage.lock import JournalLock
from journal.storage.schema import open_current_for_reading

if TYPE_CHECKING:
    from journal.analysis.before_after import BeforeAfter
    from journal.analysis.series import DailySeries
    from journal.charts.data import ChartData
    from journal.domain.medications import Event, Medication, Treatments
    from journal.domain.questionnaires import Checkin
    from journal.exchange import ImportPlan, JournalDocument
    from journal.report.options import ReportOptions
    from journal.storage.checkins import CheckinStore
    from journal.storage.database import CheckResult
    from journal.storage.restore import Restored

CLI_HOLDER = "the pain-journal command line"
ANY = object()  # save_day without a version to compare with (the command line's upsert)
T = TypeVar("T")


class ChangedElsewhereError(StorageError):
    """The day changed in the journal after the form showed it; the save was not made."""
#: Records of any section, as they are (None: absent): section -> key -> record.
Snapshot = Mapping[str, Mapping[object, object]]


class Changes(NamedTuple):  # NamedTuple, not a dataclass: it is built on the start-up path
    """What a change touched, for the views to decide what to reload.

    Parameters
    ----------
    days
        The dates whose entries changed.
    everything
        Another journal was opened, or the journal was replaced (a restore): reload all.
    backups
        The list of backups changed.
    checkins
        Questionnaire check-ins changed.
    treatments
        Medications (their doses or daily log) or events changed.
    initiator
        Who made the change (a view can skip reloading what it just wrote itself).
    """

    days: frozenset[dt.date] = frozenset()
    everything: bool = False
    backups: bool = False
    initiator: object = None
    checkins: bool = False
    treatments: bool = False  # medications (doses, log) or events changed

    def touches_days(self, start: dt.date | None = None, end: dt.date | None = None) -> bool:
        """True if a day in [start, end] (either may be open) changed, or everything did."""
        return self.everything or any((start is None or start <= d) and (end is None or d <= end)
                                      for d in self.days)


class Edit(NamedTuple):
    """A change written to the journal, with what undoing and redoing it puts back."""

    label: str
    before: Snapshot
    after: Snapshot
    changes: Changes = Changes()


class Journal:
    """An open journal.

    Parameters
    ----------
    path
        The journal file, as the user named it.
    store
        Its day entries (a full sqlite-utils connection, or a light read-only one).
    lock
        The journal's lock, for a writer.
    """

    def __init__(self, path: Path, store: EntryStore, lock: JournalLock | None = None) -> None:
        self.path, self.store, self.lock = Path(path), store, lock
        self._guard = FileGuard(self.path)
        if self.writable:
            self._anchor()

    # Opening and closing ---------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, *, write: bool = False, create: bool = False,
             holder: str = CLI_HOLDER) -> Journal:
        """Open *path*; a writer takes the journal's lock first (JournalBusyError if taken).

        A reader takes no lock and opens read-only, so it never disturbs an open window.
        """
        from journal.storage.database import open_database

        lock = None
        if write and (create or Path(path).exists()):  # a missing journal is reported below
            precheck(Path(path))  # no lock file beside a letter, a device or a pipe
            lock = JournalLock(Path(path))
            lock.acquire(holder)
        try:
            db = open_database(path, create=create, lock=lock, read_only=not write)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return cls(path, EntryStore(db), lock)

    @classmethod
    def open_light(cls, path: Path, lock: JournalLock | None = None) -> Journal:
        """For the window's first paint: a plain read-only connection when the file is a
        current journal (no sqlite-utils, no numpy); otherwise opened the full way."""
        light = open_current_for_reading(Path(path))
        if light is not None:
            return cls(path, EntryStore(light), lock)
        from journal.storage.database import open_database

        return cls(path, EntryStore(open_database(path, lock=lock)), lock)

    @property
    def writable(self) -> bool:
        return not isinstance(self.store.db, sqlite3.Connection)

    def make_writable(self) -> None:
        """Switch a light journal to the full connection, checking the whole file on the way.

        Never creates a journal: one that vanished while open is an error to report.
        """
        if not self.writable:
            from journal.storage.database import open_database

            light = self.store.db
            self.store = EntryStore(open_database(self.path, create=False, lock=self.lock))
            light.close()
            self._anchor()

    def reconnect(self) -> None:
        """A fresh connection (and fresh locks), e.g. after a file dialog: Qt's dialogs open
        and close files they list, the journal included, which drops this process's locks."""
        if not self.writable:
            return
        from journal.storage.database import open_database
        from journal.storage.entries import no_journal

        # All of this process's connections to the file must close for the locks to be
        # taken afresh (SQLite counts them per process), so close first, then open.
        self.store.db.close()
        try:
            self.store = EntryStore(open_database(self.path, create=False, lock=self.lock))
        except BaseException:
            light = open_current_for_reading(self.path)  # keep reading if it can be read
            self.store = EntryStore(light if light is not None else no_journal())
            raise
        self._anchor()

    def _anchor(self) -> None:
        self.store.count()  # the connection has read, so its log exists
        self._guard.anchor()

    def _writer(self) -> EntryStore:
        """Before every write: full access; the lock still ours (someone may have deleted or
        replaced the lock file; then a second writer must not slip in); the journal still
        the file opened; its log still the one being written (else a fresh connection)."""
        self.make_writable()
        if self.lock is not None:
            self.lock.ensure_held()
        self._guard.check_file()
        if self._guard.log_replaced():
            self.reconnect()
        return self.store

    def _write(self, action: Callable[[EntryStore], T]) -> T:
        """Run one write; if the log was removed under it, make it again (writes are
        idempotent: each puts records in a given state) on a fresh connection."""
        result = action(self._writer())
        if self._guard.log_replaced():
            self.reconnect()
            result = action(self.store)
        return result

    def close(self) -> None:
        self.store.db.close()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # Reading ---------------------------------------------------------------------------------
    def day(self, date: dt.date) -> Entry | None:
        return self.store.get(date)

    def days(self, start: dt.date | None = None, end: dt.date | None = None) -> list[Entry]:
        return self.store.between(start, end)

    def count(self) -> int:
        return self.store.count()

    def tags(self) -> list[str]:
        return self.store.tags()

    def days_logged(self, start: dt.date, end: dt.date) -> int:
        return self.store.days_logged(start, end)

    def first_day(self) -> dt.date | None:
        return self.store.first_date()

    def checkins(self, start: dt.date | None = None, end: dt.date | None = None,
                 instrument: str | None = None) -> list[Checkin]:
        """PHQ-9 and GAD-7 check-ins from *start* to *end* (either may be open), oldest first."""
        return _checkins(self.store.db).between(start, end, instrument)

    def checkin(self, instrument: str, date: dt.date) -> Checkin | None:
        return _checkins(self.store.db).get(instrument, date)

    def last_checkin_date(self) -> dt.date | None:
        return _checkins(self.store.db).latest_date()

    def is_sample(self) -> bool:
        """The made-up journal for trying the app (labelled inside the file)."""
        from journal.paths import DEMO_FILENAME
        from journal.storage.journal_info import read_identity

        db = self.store.db
        return self.path.name == DEMO_FILENAME or read_identity(getattr(db, "conn", db)).is_sample

    # Periods, charts, insights and the report ------------------------------------------------
    def period(self, preset: str | None = None, start: dt.date | None = None,
               end: dt.date | None = None, today: dt.date | None = None,
               ) -> tuple[dt.date, dt.date]:
        """A period from a preset (see `journal.domain.periods`) and/or explicit ends.

        Without either: from the first logged day to today.
        """
        today = today or dt.date.today()
        if preset is not None:
            from journal.domain.periods import PRESET_BY_KEY

            start, end = PRESET_BY_KEY[preset].dates(end or today, self.first_day())
        first = start or self.first_day() or today
        last = end or max(today, first)
        if last < first:
            from journal.domain import ValidationError

            raise ValidationError("period", f"{first} to {last}", "a first day on or before the "
                                  "last day")
        return first, last

    def series(self, start: dt.date, end: dt.date) -> DailySeries:
        from journal.analysis.series import daily_series

        return daily_series(self.days(start, end), start, end)

    def chart_data(self, start: dt.date, end: dt.date) -> ChartData:
        """Everything a chart of the period draws; insights are worked out once, when first
        asked, and shared by the chart panel's text, the associations chart and the report."""
        from journal.charts.data import ChartData

        return ChartData(self.series(start, end), treatments=self.treatments(),
                         checkins=self.checkins(start, end))

    def chart(self, kind: str, start: dt.date, end: dt.date, measure: str = "pain"):  # noqa: ANN201
        """A standalone figure of chart *kind* for the period (matplotlib loads here)."""
        from journal.charts.catalog import chart_figure

        return chart_figure(kind, self.chart_data(start, end), measure)

    def save_chart(self, kind: str, start: dt.date, end: dt.date, path: Path,
                   measure: str = "pain") -> None:
        from journal.charts.catalog import save_figure

        save_figure(self.chart(kind, start, end, measure), path)

    def report_days(self, options: ReportOptions) -> list[Entry]:
        """The days a report needs: every day up to its end (the period, the period of equal
        length before it, and the history its associations rest on when the period is short)."""
        return self.days(None, options.end)

    def write_report(self, options: ReportOptions, path: Path) -> int:
        """The doctor-visit PDF; returns the number of pages."""
        from journal.report.pdf import write_report

        return write_report(path, self.report_days(options), options,
                            self.checkins(options.start, options.end),
                            **self.report_extras(options))

    def report_extras(self, options: ReportOptions) -> dict[str, object]:
        """What a report adds to the days: medications and events, and the before-and-after
        the user chose (onset window: 0 days for an event's date, else 14)."""
        extras: dict[str, object] = {"treatments": self.treatments()}
        if options.before_after is not None:
            date, treatments = options.before_after, extras["treatments"]
            on_event = any(e.date == date for e in treatments.events_in(date, date)) \
                and not treatments.marks(date, date)  # type: ignore[attr-defined]
            extras["before_after"] = self.before_after(date, options.before_after_measure,
                                                       skip=0 if on_event else 14)
        return extras

    # Writing ---------------------------------------------------------------------------------
    def save_day(self, entry: Entry, *, expected: Entry | None | object = ANY,
                 initiator: object = None) -> Edit | None:
        """Save *entry* (it replaces the day); None if the day was already exactly so.

        With *expected* (the day as the form showed it; None: not logged), a day changed
        elsewhere since then is not overwritten: ChangedElsewhereError.
        """
        before = self._writer().get(entry.date)
        if expected is not ANY and _changed(before, expected) and before != entry:
            raise ChangedElsewhereError(
                f"{_day(entry.date)} was changed elsewhere (by the command line or another "
                "program) after the form showed it, so it was not saved.")
        stored = self._write(lambda store: store.save(entry))
        if stored == before and before is not None:
            return None
        return _day_edit(f"Save {_day(entry.date)}", entry.date, before, stored, initiator)

    def update_day(self, date: dt.date, changes: Mapping[str, object]) -> Edit | None:
        """Replace the given fields of *date*, keeping the others (the command line's ``add``)."""
        return self.save_day(replace(self.day(date) or Entry(date), **changes))

    def delete_day(self, date: dt.date, *, initiator: object = None) -> Edit | None:
        """Delete *date*; None if it was not logged."""
        before = self._writer().get(date)
        if before is None:
            return None
        self._write(lambda store: store.delete(date))
        return _day_edit(f"Delete {_day(date)}", date, before, None, initiator)

    def apply(self, snapshot: Snapshot, *, initiator: object = None) -> Changes:
        """Put records back exactly as in *snapshot* (an undo or a redo), atomically."""
        days = snapshot.get("days", {})
        checkins = snapshot.get("checkins", {})
        treatments = bool(snapshot.get("medications") or snapshot.get("events"))

        def put_back(store: EntryStore) -> None:
            with store.db.atomic():
                if days:
                    store.restore([e for e in days.values() if e is not None],
                                  [d for d, e in days.items() if e is None])
                if checkins:
                    _checkins(store.db).restore(
                        [c for c in checkins.values() if c is not None],
                        [k for k, c in checkins.items() if c is None])
                if treatments:
                    from journal.treatment_cases import put_snapshot

                    put_snapshot(store.db, snapshot)
        self._write(put_back)
        return Changes(days=frozenset(days), checkins=bool(checkins), treatments=treatments,
                       initiator=initiator)

    def save_checkin(self, checkin: Checkin, *, initiator: object = None) -> Edit | None:
        """Save a questionnaire (it replaces the same instrument's on that day); None if it
        was already exactly so."""
        before = _checkins(self._writer().db).get(*checkin.key)
        stored = self._write(lambda store: _checkins(store.db).save(checkin))
        if stored == before and before is not None:
            return None
        verb = "Save" if before is None else "Change"
        return _checkin_edit(f"{verb} {checkin.form.name} of {_day(checkin.date)}", checkin.key,
                             before, stored, initiator)

    def delete_checkin(self, instrument: str, date: dt.date, *,
                       initiator: object = None) -> Edit | None:
        """Delete the check-in of *instrument* on *date*; None if there was none."""
        before = _checkins(self._writer().db).get(instrument, date)
        if before is None:
            return None
        self._write(lambda store: _checkins(store.db).delete(instrument, date))
        return _checkin_edit(f"Delete {before.form.name} of {_day(date)}", before.key, before,
                             None, initiator)

    def document(self) -> JournalDocument:
        """The whole journal, section by section (what an export holds)."""
        from journal.exchange import JournalDocument
        from journal.storage.treatments import TreatmentStore

        treatments = TreatmentStore(self.store.db)
        return JournalDocument(days=self.days(), medications=treatments.medications(),
                               events=treatments.events(), checkins=self.checkins())

    def export(self, fmt: str) -> bytes:
        from journal.exchange import export_bytes

        return export_bytes(self.document(), fmt)

    def export_files(self, fmt: str, path: Path) -> dict[Path, bytes]:
        """Everything an export to *path* writes: the file and, for CSV, a companion file per
        section that has records (``NAME.medications.csv``, ``NAME.events.csv``)."""
        from journal.exchange import export_bytes
        from journal.exchange.treatment_csv import companion_files

        document = self.document()
        files = {Path(path): export_bytes(document, fmt)}
        if fmt == "csv":
            files.update(companion_files(document, Path(path)))
        return files

    def plan_import(self, incoming: JournalDocument) -> ImportPlan:
        """What importing *incoming* would change; nothing is written."""
        from journal.exchange import plan_import

        return plan_import(self.document(), incoming)

    def plan_merge(self, incoming: list[Entry], on_conflict: str = "fill") -> ImportPlan:
        """What importing days from another app would change, dates already in the journal
        merged by *on_conflict* (see `journal.exchange.importers.merge`); nothing is written."""
        from journal.exchange import JournalDocument, plan_import
        from journal.exchange.importers.merge import merge_days

        dates = [e.date for e in incoming]
        existing = {e.date: e for e in self.days(min(dates), max(dates))} if dates else {}
        current = JournalDocument(days=[existing[d] for d in dates if d in existing])
        return plan_import(current, JournalDocument(days=merge_days(existing, incoming,
                                                                    on_conflict)))

    def write_import(self, plan: ImportPlan, *, initiator: object = None) -> Edit | None:
        """Back up the journal (if it has days), then write the whole plan in one transaction."""
        if plan.empty:
            return None
        store = self._writer()
        if store.count() or self.last_checkin_date():
            self.backup(reason="before-import")
        from journal.treatment_cases import import_snapshots

        days, checkins = plan.days, plan.sections.get("checkins")
        keys = [c.key for c in checkins.to_write] if checkins else []
        before = {e.date: store.get(e.date) for e in days.to_write}
        checkins_before = {k: _checkins(store.db).get(*k) for k in keys}
        treatments_before, treatments_after = import_snapshots(store.db, plan)

        def write(store: EntryStore) -> None:
            with store.db.atomic():
                store.save_many(days.to_write)
                if keys:
                    _checkins(store.db).save_many(checkins.to_write)
                if treatments_after:
                    from journal.treatment_cases import put_snapshot

                    put_snapshot(store.db, treatments_after)
        self._write(write)
        after = {e.date: self.store.get(e.date) for e in days.to_write}
        from journal.domain.grammar import count_text  # not on the start-up path

        checkins_after = {k: _checkins(self.store.db).get(*k) for k in keys}
        return Edit(f"Import {count_text(len(after), 'day')}"
                    + (f" and {count_text(len(keys), 'questionnaire')}" if keys else ""),
                    {"days": before, "checkins": checkins_before, **treatments_before},
                    {"days": after, "checkins": checkins_after, **treatments_after},
                    Changes(days=frozenset(after), backups=True, initiator=initiator,
                            checkins=bool(keys), treatments=bool(treatments_after)))

    def fill_with_sample(self, entries: list[Entry]) -> Changes:
        """Fill an empty journal with made-up days, labelled as sample data inside the file
        (never backed up among real backups, never restored into a real journal)."""
        from journal.storage.journal_info import mark_sample

        store = self._writer()
        if store.count():
            raise StorageError(f"This journal already has {store.count()} days; sample data only "
                               "goes into an empty journal.")
        self._write(lambda store: (store.save_many(entries), mark_sample(store.db.conn)))
        return Changes(days=frozenset(e.date for e in entries))

    # Treatments: medications and events (journal/treatment_cases.py) -------------------------
    def medications(self, on: dt.date | None = None) -> list[Medication]:
        """Every medication, or those taken on *on*."""
        from journal.storage.treatments import TreatmentStore

        found = TreatmentStore(self.store.db).medications()
        return found if on is None else [m for m in found if m.taken_on(on)]

    def events(self, start: dt.date | None = None, end: dt.date | None = None) -> list[Event]:
        from journal.storage.treatments import TreatmentStore

        return TreatmentStore(self.store.db).events(start, end)

    def treatments(self) -> Treatments:
        """Medications and events together, as the charts and the report take them."""
        from journal.domain.medications import Treatments

        return Treatments(tuple(self.medications()), tuple(self.events()))

    def change_treatments(self, case: str, *args: object, initiator: object = None,
                          **kwargs: object) -> Edit:
        """Run the treatment use case *case* of `journal.treatment_cases` (``add_medication``,
        ``change_dose``, ``stop_medication``, ``log_dose``, ``save_medication``,
        ``delete_medication``, ``add_event``, ``delete_event``) and write it."""
        from journal import treatment_cases
        from journal.storage.treatments import TreatmentStore

        planned = getattr(treatment_cases, case)(TreatmentStore(self._writer().db), *args,
                                                 **kwargs)
        self._write(lambda store: treatment_cases.put_snapshot(store.db, planned.after))
        return Edit(planned.label, planned.before, planned.after,
                    Changes(treatments=True, initiator=initiator))

    def before_after(self, date: dt.date, measure: str = "pain", *, before: int = 28,
                     after: int = 28, skip: int = 14, slope: bool = False) -> BeforeAfter:
        """Compare *measure* before and after *date* (see `journal.analysis.before_after`)."""
        from journal.analysis.before_after import compare

        first = date - dt.timedelta(days=before)
        last = date + dt.timedelta(days=skip + after - 1)
        return compare(self.series(first, last), date, measure, before=before, after=after,
                       skip=skip, slope=slope)

    # Keeping it safe -------------------------------------------------------------------------
    def backup(self, reason: str = "") -> Path:
        """A verified backup into the journal's backups folder."""
        from journal.storage.backup import create_backup

        return create_backup(self.path, reason=reason)

    def backup_to(self, output: Path) -> Path:
        """One verified copy at *output*; nothing else is touched."""
        from journal.storage.backup import copy_backup

        return copy_backup(self.path, output)

    def backup_if_due(self, now: dt.datetime | None = None, *,
                      closing: bool = False) -> Path | None:
        """The automatic backup: once a day while open, and on closing; never of sample data
        or of a journal without days."""
        from journal.storage.backup import list_backups

        if self.is_sample() or not (self.count() or self.last_checkin_date()):
            return None
        now = now or dt.datetime.now(dt.UTC)
        newest = list_backups(self.path)[:1]
        if closing or not newest or now - newest[0].created > dt.timedelta(days=1):
            return self.backup()
        return None

    def restore(self, backup: Path) -> Restored:
        """Replace the journal with *backup*, keeping it as it was first; the journal is open
        again afterwards (as it was, if the restore did not happen)."""
        from journal.storage.entries import no_journal
        from journal.storage.restore import restore_backup

        if self.lock is not None:
            self.lock.ensure_held()
        self.store.db.close()  # never swap the file under an open connection
        self.store = EntryStore(no_journal())
        try:
            return restore_backup(backup, self.path)
        finally:
            self.store = Journal.open_light(self.path, self.lock).store

    def check(self) -> CheckResult:
        """Integrity, schema version and counts (``pain-journal check``)."""
        from journal.storage.database import check_journal

        self.make_writable()
        return check_journal(self.store.db)


def _day_edit(label: str, date: dt.date, before: Entry | None, after: Entry | None,
              initiator: object) -> Edit:
    return Edit(label, {"days": {date: before}}, {"days": {date: after}},
                Changes(days=frozenset({date}), initiator=initiator))


def _checkins(db: object) -> CheckinStore:
    """The journal's check-ins (loaded when first used: not on the window's start-up path)."""
    from journal.storage.checkins import CheckinStore

    return CheckinStore(db)


def _checkin_edit(label: str, key: tuple[str, dt.date], before: Checkin | None,
                  after: Checkin | None, initiator: object) -> Edit:
    return Edit(label, {"checkins": {key: before}}, {"checkins": {key: after}},
                Changes(checkins=True, initiator=initiator))


def _changed(now: Entry | None, shown: object) -> bool:
    """The day differs from the version shown: other values, or written since (timestamps
    are to the second, so values are compared too)."""
    return now != shown or getattr(now, "updated_at", None) != getattr(shown, "updated_at", None)


def _day(date: dt.date) -> str:
    return f"{date:%a} {date.day} {date:%b %Y}"


def restore_into(path: Path, backup: Path, lock: JournalLock | None = None,
                 holder: str = CLI_HOLDER) -> Restored:
    """Restore *backup* into the journal at *path* without opening it first (it may be too
    damaged to open), under its lock: the caller's, or one taken here."""
    from journal.storage.restore import restore_backup

    if lock is not None:
        lock.ensure_held()
        return restore_backup(backup, path)
    precheck(Path(path))  # no lock file beside a letter, a device or a pipe
    with JournalLock(Path(path)) as taken:
        taken.acquire(holder)
        return restore_backup(backup, path)
