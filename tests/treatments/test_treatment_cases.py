"""Medications and events through the use-case layer: stored, undone, redone, backed up."""

import datetime as dt

import pytest

from journal.domain import ValidationError
from journal.domain.medications import Dose, Event, Medication
from journal.journal import Journal

START = dt.date(2026, 3, 1)


@pytest.fixture
def journal(db_path):
    opened = Journal.open(db_path, write=True, create=True)
    yield opened
    opened.close()


def _add(journal, name="Duloxetine", **kwargs):
    med = Medication(name, START, doses=(Dose(START, 30, "mg"),), schedule="once daily",
                     **kwargs)
    return journal.change_treatments("add_medication", med)


def test_dose_history_and_stop_are_kept_and_every_step_undoes_exactly(journal):
    added = _add(journal)
    raised = journal.change_treatments("change_dose", "duloxetine", dt.date(2026, 3, 15), 60)
    stopped = journal.change_treatments("stop_medication", "DULOXETINE", dt.date(2026, 5, 1))
    (med,) = journal.medications()
    assert [(d.date, d.strength, d.unit) for d in med.doses] == [
        (START, 30, "mg"), (dt.date(2026, 3, 15), 60, "mg")]  # the unit carries over
    assert med.stop == dt.date(2026, 5, 1)
    assert stopped.changes.treatments and not stopped.changes.days
    journal.apply(stopped.before)
    assert journal.medications()[0].stop is None
    journal.apply(raised.before)
    assert journal.medications()[0].doses == (Dose(START, 30, "mg"),)
    journal.apply(added.before)
    assert journal.medications() == []
    for edit in (added, raised, stopped):
        journal.apply(edit.after)
    assert journal.medications() == [med]


def test_as_needed_doses_add_up_per_day_with_optional_times(journal):
    journal.change_treatments("add_medication", Medication("Ibuprofen", START, as_needed=True))
    day = START + dt.timedelta(days=3)
    journal.change_treatments("log_dose", "ibuprofen", day, count=2, time="08:15")
    last = journal.change_treatments("log_dose", "ibuprofen", day, count=1, time="21:00")
    logged = journal.medications()[0].day(day)
    assert (logged.count, logged.times, logged.status) == (3, ("08:15", "21:00"), None)
    journal.apply(last.before)
    assert journal.medications()[0].day(day).count == 2


def test_a_scheduled_dose_is_taken_skipped_or_not_recorded(journal):
    _add(journal)
    journal.change_treatments("log_dose", "Duloxetine", START, status="skipped")
    journal.change_treatments("log_dose", "Duloxetine", START + dt.timedelta(days=1))
    med = journal.medications()[0]
    assert med.day(START).status == "skipped"
    assert med.day(START + dt.timedelta(days=1)).status == "taken"
    assert med.day(START + dt.timedelta(days=2)) is None


@pytest.mark.parametrize(("case", "args", "field"), [
    ("add_medication", (Medication("duloxetine", START),), "name"),
    ("change_dose", ("Nothing", START, 5), "name"),
    ("change_dose", ("Duloxetine", START, 5), "date"),
    ("stop_medication", ("Duloxetine", START - dt.timedelta(days=1)), "date"),
    ("log_dose", ("Duloxetine", START - dt.timedelta(days=1)), "date"),
])
def test_requests_that_make_no_sense_are_refused_and_nothing_is_written(journal, case, args,
                                                                          field):
    _add(journal)
    before = journal.medications()
    with pytest.raises(ValidationError) as caught:
        journal.change_treatments(case, *args)
    assert caught.value.field == field
    assert journal.medications() == before


def test_events_are_points_or_periods_and_undo_like_days(journal):
    added = journal.change_treatments("add_event", Event(START, "flare-up", note="bad week"))
    journal.change_treatments("add_event", Event(START, "CBT course", dt.date(2026, 5, 1)))
    assert [e.kind for e in journal.events()] == ["CBT course", "flare-up"]
    assert [e.kind for e in journal.events(dt.date(2026, 4, 1), dt.date(2026, 4, 2))] == [
        "CBT course"]  # a period overlaps the days inside it
    journal.apply(added.before)
    assert [e.kind for e in journal.events()] == ["CBT course"]


def test_a_backup_holds_the_treatments(journal, tmp_path):
    _add(journal)
    journal.change_treatments("add_event", Event(START, "injection"))
    copy = journal.backup_to(tmp_path / "copy.db")
    with Journal.open(copy) as restored:
        assert [m.name for m in restored.medications()] == ["Duloxetine"]
        assert [e.kind for e in restored.events()] == ["injection"]


def test_a_light_read_only_journal_reads_treatments_too(journal, db_path):
    _add(journal)
    journal.close()
    light = Journal.open_light(db_path)
    assert [m.name for m in light.medications()] == ["Duloxetine"]
    light.close()
