"""Questionnaire check-ins through the use-case layer: stored whole, undoable, exported."""

import datetime as dt

import pytest

from journal.domain.questionnaires import Checkin
from journal.exchange import read_document
from journal.journal import Changes, Journal
from journal.storage.backup import list_backups

DAY = dt.date(2026, 3, 1)
PHQ = Checkin("phq9", DAY, (1, 2, 3, 0, 1, 2, 3, 0, 2), difficulty=2)
GAD = Checkin("gad7", DAY, (3, 3, 2, 2, 1, 1, 0))


@pytest.fixture
def journal(db_path):
    opened = Journal.open(db_path, write=True, create=True)
    yield opened
    opened.close()


def test_every_answer_the_difficulty_and_the_total_are_stored(journal):
    edit = journal.save_checkin(PHQ)
    assert edit.changes == Changes(checkins=True)
    stored = journal.checkin("phq9", DAY)
    assert stored == PHQ and stored.answers == PHQ.answers and stored.difficulty == 2
    assert stored.created_at and stored.updated_at
    row = journal.store.db.execute("SELECT total FROM checkins").fetchone()
    assert row[0] == 14  # the stored total is the items' sum, without the difficulty


def test_saving_editing_and_deleting_can_be_undone_and_redone(journal):
    first = journal.save_checkin(PHQ)
    edited = journal.save_checkin(Checkin("phq9", DAY, (0,) * 9))
    assert edited.label == "Change PHQ-9 of Sun 1 Mar 2026"
    assert journal.checkin("phq9", DAY).total == 0
    journal.apply(edited.before)
    assert journal.checkin("phq9", DAY).total == 14
    deleted = journal.delete_checkin("phq9", DAY)
    assert journal.checkins() == [] and journal.delete_checkin("phq9", DAY) is None
    journal.apply(deleted.before)
    assert journal.checkin("phq9", DAY).created_at == first.after["checkins"][PHQ.key].created_at
    journal.apply(first.before)
    assert journal.checkins() == []
    journal.apply(first.after)
    assert journal.checkins() == [PHQ]
    assert journal.save_checkin(PHQ) is None  # already exactly so


def test_one_per_instrument_and_day_and_listed_in_date_order(journal):
    later = Checkin("phq9", DAY + dt.timedelta(days=14), (0,) * 9)
    for checkin in (later, GAD, PHQ):
        journal.save_checkin(checkin)
    assert journal.checkins() == [GAD, PHQ, later]
    assert journal.checkins(instrument="phq9") == [PHQ, later]
    assert journal.checkins(start=DAY + dt.timedelta(days=1)) == [later]
    assert journal.last_checkin_date() == later.date


def test_the_export_holds_them_and_an_import_into_an_empty_journal_gives_them_back(
        journal, tmp_path):
    journal.save_checkin(PHQ)
    journal.save_checkin(GAD)
    data = journal.export("json")
    assert b'"checkins": [\n{"instrument": "gad7"' in data
    with Journal.open(tmp_path / "other.db", write=True, create=True) as other:
        plan = other.plan_import(read_document(data, "json"))
        assert "Questionnaires: 2 new" in plan.describe(done=True)
        edit = other.write_import(plan)
        assert edit.changes.checkins
        assert other.checkins() == journal.checkins()
        assert [c.created_at for c in other.checkins()] == \
            [c.created_at for c in journal.checkins()]
        assert other.export("json") == data  # byte for byte
        other.apply(edit.before)
        assert other.checkins() == []


def test_a_journal_with_only_questionnaires_is_backed_up(journal):
    journal.save_checkin(GAD)
    assert journal.backup_if_due() is not None
    assert list_backups(journal.path)
