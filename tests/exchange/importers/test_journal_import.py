"""Importing another app's days through the journal: a backup first, one write, undo."""

import datetime as dt

from journal.domain import Entry
from journal.journal import Journal
from journal.storage.backup import list_backups


def test_a_merge_is_backed_up_written_at_once_and_undone_exactly(db_path):
    day = dt.date(2024, 3, 2)
    with Journal.open(db_path, write=True, create=True) as journal:
        journal.save_day(Entry(day, pain=5))
        incoming = [Entry(day, pain=1, mood=7), Entry(day + dt.timedelta(days=1), mood=3)]
        plan = journal.plan_merge(incoming, "fill")
        assert (len(plan.days.new), len(plan.days.changed)) == (1, 1)
        edit = journal.write_import(plan)
        assert len(list_backups(db_path)) == 1
        assert journal.day(day) == Entry(day, pain=5, mood=7)
        journal.apply(edit.before)
        assert journal.day(day) == Entry(day, pain=5)
        assert journal.day(day + dt.timedelta(days=1)) is None
