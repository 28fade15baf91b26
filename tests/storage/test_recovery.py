"""Damaged journals are never overwritten or silently replaced; backups bring them back."""

import datetime as dt
import os
import re
import shutil
import sqlite3
import stat

import pytest

from journal.demo import demo_entries
from journal.storage import CorruptJournalError, EntryStore, StorageError, open_database
from journal.storage.backup import (
    backups_dir,
    create_backup,
    list_backups,
    thin,
    verify,
)
from journal.storage.restore import restore_backup
from tests.helpers import export_days


@pytest.fixture
def journal(db_path):
    db = open_database(db_path)
    EntryStore(db).save_many(demo_entries(120, seed=3, end=dt.date(2026, 6, 1)))
    db.close()
    return db_path


def export(path):
    db = open_database(path)
    try:
        return export_days(EntryStore(db).between(), "json")
    finally:
        db.close()


def _empty(path):
    path.write_bytes(b"")


def _truncate(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def _garbage(path):
    path.write_bytes(os.urandom(20_000))


def _zero_header(path):
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))


def _zero_pages(path):
    data = bytearray(path.read_bytes())
    data[4096:4096 * 3] = bytes(4096 * 2)  # the pages after the schema page
    path.write_bytes(bytes(data))


def _not_a_database(path):
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))


DAMAGE = [_empty, _truncate, _garbage, _zero_header, _zero_pages, _not_a_database]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.strip("_"))
def test_every_kind_of_damage_is_named_left_alone_and_recoverable(journal, damage):
    before = export(journal)
    backup = create_backup(journal)
    _checkpoint_and_close(journal)
    damage(journal)
    damaged_bytes = journal.read_bytes()
    with pytest.raises(CorruptJournalError) as caught:
        open_database(journal)
    error = caught.value
    assert str(error).count(". ") >= 1 and "\n" not in str(error) and len(error.problem) < 150
    assert error.backup == backup and f"restore {backup}" in str(error)
    assert journal.read_bytes() == damaged_bytes         # opening changes nothing, renames nothing
    assert not [p.name for p in journal.parent.iterdir() if "damaged" in p.name]
    done = restore_backup(error.backup, journal)          # restoring sets the damaged file aside
    assert export(journal) == before
    if damaged_bytes:
        assert done.kept.name.startswith("journal.db.damaged-")
        assert done.kept.read_bytes() == damaged_bytes    # ... kept, byte for byte


def test_without_a_backup_the_message_says_so(journal):
    _checkpoint_and_close(journal)
    _truncate(journal)
    with pytest.raises(CorruptJournalError, match="No backup of it was found"):
        open_database(journal)


@pytest.mark.parametrize(("name", "text", "message"), [
    ("SQLITE_FULL", "database or disk is full", "The disk is full"),
    ("SQLITE_IOERR", "disk I/O error", "cannot be opened (disk I/O error)"),
    ("SQLITE_BUSY", "database is locked", "cannot be opened (database is locked)"),
    ("SQLITE_CANTOPEN", "unable to open database file", "cannot be opened"),
])
def test_trouble_that_is_not_damage_never_sets_the_journal_aside(journal, monkeypatch, name,
                                                                   text, message):
    """A full disk, an I/O error or a lock says nothing about the file: it stays, untouched."""
    import journal.storage.database as database
    import journal.storage.inspection as inspection

    class Troubled(sqlite3.Connection):
        def execute(self, sql, *args):  # noqa: ANN001, ANN002, ANN202
            error = sqlite3.OperationalError(text)
            error.sqlite_errorname = name
            raise error

    before = export(journal)
    real_connect = sqlite3.connect
    monkeypatch.setattr(database.sqlite3, "connect",
                        lambda *args, **kwargs: real_connect(*args, factory=Troubled, **kwargs))
    monkeypatch.setattr(inspection, "_no_room_at", lambda file: False)
    with pytest.raises(StorageError, match=re.escape(message)) as raised:
        open_database(journal)
    assert not isinstance(raised.value, CorruptJournalError) and "not changed" in str(raised.value)
    monkeypatch.undo()
    assert sorted(p.name for p in journal.parent.glob("*.damaged-*")) == []
    assert export(journal) == before


def test_another_programs_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="another program"):
        open_database(path)
    assert path.read_bytes() == before


def test_backups_are_verified_private_and_listed_newest_first(journal):
    first = create_backup(journal, now=dt.datetime(2026, 6, 1, 8, tzinfo=dt.UTC))
    second = create_backup(journal, reason="before-import",
                           now=dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC))
    assert stat.S_IMODE(os.stat(first).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(backups_dir(journal)).st_mode) == 0o700
    listed = list_backups(journal, with_days=True)
    assert [b.path for b in listed] == [second, first]
    assert listed[0].reason == "before-import" and listed[0].days > 80 and listed[0].size > 0
    assert verify(first) is None


def test_restore_keeps_the_current_journal_as_a_backup_first(journal):
    old = create_backup(journal)
    db = open_database(journal)
    EntryStore(db).save_many(demo_entries(10, seed=1, end=dt.date(2027, 1, 1)))
    db.close()
    newer = export(journal)
    kept = restore_backup(old, journal).kept
    assert kept is not None and "before-restore" in kept.name
    restore_backup(kept, journal)
    assert export(journal) == newer


def test_restoring_over_an_unreadable_journal_keeps_that_file_unchanged(journal):
    backup = create_backup(journal)
    before = export(journal)
    journal.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)  # unreadable, not set aside
    kept = restore_backup(backup, journal).kept
    assert kept is not None and kept.name.startswith("journal.db.damaged-")
    assert kept.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 5000
    assert export(journal) == before


def test_a_bad_backup_is_refused_and_the_journal_untouched(journal, tmp_path):
    bad = tmp_path / "journal-20260101-000000.db"
    bad.write_bytes(b"not a backup")
    before = export(journal)
    with pytest.raises(StorageError, match="cannot be restored"):
        restore_backup(bad, journal)
    assert export(journal) == before


def test_thinning_keeps_recent_daily_weekly_and_monthly_backups(journal):
    now = dt.datetime(2026, 6, 30, 12, tzinfo=dt.UTC)
    one = create_backup(journal, now=now)
    for hours in range(12, 24 * 400, 12):  # two backups a day for over a year
        when = now - dt.timedelta(hours=hours)
        shutil.copy(one, one.with_name(f"journal-{when:%Y%m%d-%H%M%S}.db"))
    thin(journal, now)
    ages = sorted((now - b.created).days for b in list_backups(journal))
    assert ages[:4] == [0, 0, 1, 1]            # everything from the last two days
    assert 2 in ages and 6 in ages              # one a day for a week
    assert max(ages) <= 31 * 12                 # nothing older than a year
    assert len(ages) < 40


def _checkpoint_and_close(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
