"""The use-case layer that the command line and the window share."""

import datetime as dt

import pytest

from journal.demo import demo_entries
from journal.domain import Entry
from journal.exchange import JournalDocument
from journal.journal import Changes, Journal, restore_into
from journal.storage import StorageError
from journal.storage.backup import list_backups

DAY = dt.date(2026, 3, 1)


@pytest.fixture
def journal(db_path):
    opened = Journal.open(db_path, write=True, create=True)
    yield opened
    opened.close()


def test_every_write_can_be_undone_and_redone_exactly(journal):
    first = journal.save_day(Entry(DAY, pain=3, notes="first"))
    second = journal.update_day(DAY, {"pain": 7})
    assert journal.day(DAY).pain == 7 and journal.day(DAY).notes == "first"
    assert second.changes == Changes(days=frozenset({DAY}))
    journal.apply(second.before)
    assert journal.day(DAY).pain == 3
    journal.apply(first.before)
    assert journal.day(DAY) is None
    journal.apply(first.after)
    journal.apply(second.after)
    assert journal.day(DAY) == Entry(DAY, pain=7, notes="first")
    deleted = journal.delete_day(DAY)
    assert journal.day(DAY) is None and journal.delete_day(DAY) is None
    journal.apply(deleted.before)
    assert journal.day(DAY).created_at == second.after["days"][DAY].created_at  # exactly


def test_saving_what_is_already_there_changes_nothing(journal):
    journal.save_day(Entry(DAY, pain=3))
    assert journal.save_day(Entry(DAY, pain=3)) is None


def test_an_import_backs_up_first_and_one_undo_takes_it_all_back(journal):
    journal.save_day(Entry(DAY, pain=3))
    incoming = JournalDocument(days=[Entry(DAY, pain=4), Entry(DAY + dt.timedelta(days=1), mood=6)])
    plan = journal.plan_import(incoming)
    assert (len(plan.days.new), len(plan.days.changed)) == (1, 1)
    edit = journal.write_import(plan)
    assert [b.reason for b in list_backups(journal.path)] == ["before-import"]
    assert journal.count() == 2 and edit.changes.backups
    journal.apply(edit.before)
    assert journal.days() == [Entry(DAY, pain=3)]


def test_periods_come_from_one_set_of_presets(journal):
    journal.save_day(Entry(DAY, pain=3))
    today = dt.date(2026, 12, 2)
    assert journal.period("30", today=today) == (dt.date(2026, 11, 3), today)
    assert journal.period("all", today=today) == (DAY, today)
    assert journal.period(None, today=today) == (DAY, today)
    assert journal.period("7", end=dt.date(2026, 3, 7), today=today) == (DAY, dt.date(2026, 3, 7))


def test_insights_are_worked_out_once_and_shared(journal, monkeypatch):
    import journal.analysis.insights as module

    journal.store.save_many(demo_entries(60, seed=1, end=DAY))
    calls = []
    real = module.insights
    monkeypatch.setattr(module, "insights", lambda series: calls.append(1) or real(series))
    data = journal.chart_data(DAY - dt.timedelta(days=59), DAY)
    assert data.insights is data.insights and len(calls) == 1


def test_the_automatic_backup_runs_once_a_day_and_never_for_sample_data(journal, tmp_path):
    now = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    assert journal.backup_if_due(now) is None  # nothing to back up yet
    journal.save_day(Entry(DAY, pain=3))
    assert journal.backup_if_due(now) is not None
    assert journal.backup_if_due(now + dt.timedelta(hours=5)) is None
    assert journal.backup_if_due(now + dt.timedelta(hours=5), closing=True) is not None
    sample = Journal.open(tmp_path / "demo-journal.db", write=True, create=True)
    sample.fill_with_sample(demo_entries(20, seed=1))
    assert sample.backup_if_due(now, closing=True) is None
    sample.close()


def test_restore_works_on_a_journal_too_damaged_to_open(journal, db_path):
    journal.save_day(Entry(DAY, pain=3))
    backup = journal.backup()
    journal.close()
    db_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    done = restore_into(db_path, backup)
    assert done.kept.read_bytes().startswith(b"SQLite format 3\x00\xff")
    with Journal.open(db_path) as reopened:
        assert reopened.day(DAY).pain == 3 and reopened.check().ok


def test_readers_and_counts_need_no_sql_outside_storage(journal):
    journal.store.save_many(demo_entries(40, seed=2, end=DAY))
    assert journal.days_logged(DAY - dt.timedelta(days=9), DAY) == len(
        journal.days(DAY - dt.timedelta(days=9), DAY))
    assert journal.first_day() == journal.days()[0].date
    found = journal.check()
    assert found.ok and found.days == journal.count() and found.migrations[-1]


def test_a_journal_moved_or_replaced_while_open_is_never_written_or_recreated(db_path):
    from journal.storage.guard import JournalMovedError

    with Journal.open(db_path, write=True, create=True) as opened:
        opened.save_day(Entry(DAY, pain=3))
        db_path.rename(db_path.with_name("moved.db"))
        with pytest.raises(JournalMovedError, match="moved, replaced or deleted"):
            opened.save_day(Entry(DAY, pain=4))
        with pytest.raises(StorageError):
            opened.backup_if_due(closing=True)  # the close-time backup fails; it creates nothing
        assert not db_path.exists()  # no new, empty journal where the old one was


def test_a_save_never_overwrites_a_day_changed_elsewhere_since_the_form_showed_it(journal):
    from journal.journal import ChangedElsewhereError

    shown = journal.save_day(Entry(DAY, pain=3)).after["days"][DAY]
    journal.update_day(DAY, {"mood": 9, "notes": "written elsewhere"})  # e.g. the command line
    with pytest.raises(ChangedElsewhereError, match="changed elsewhere"):
        journal.save_day(Entry(DAY, pain=6), expected=shown)
    assert journal.day(DAY).mood == 9
    journal.save_day(Entry(DAY, pain=6, mood=9), expected=journal.day(DAY))  # after a reload
    assert journal.day(DAY).pain == 6


def test_a_write_whose_log_was_removed_under_it_is_made_again(journal, monkeypatch):
    """What a reader does after this process dropped its locks (a plain handle closed)."""
    journal.save_day(Entry(DAY, pain=3))
    removed = []
    real = journal._guard.log_replaced
    monkeypatch.setattr(journal._guard, "log_replaced",
                        lambda: (not removed and removed.append(1)) or real())
    journal.save_day(Entry(DAY, pain=5))  # reconnected, and saved again on the new connection
    assert journal.day(DAY).pain == 5 and removed
