"""Medications and events as values: dose history, the daily log, and what is refused."""

import datetime as dt

import pytest

from journal.domain import ValidationError
from journal.domain.medications import Dose, Event, Medication, MedicationDay

START = dt.date(2026, 3, 1)


def test_a_dose_change_is_a_new_dated_row_and_the_dose_of_any_day_is_known():
    med = Medication("Duloxetine", START, doses=(Dose(dt.date(2026, 4, 1), 60, "mg"),
                                                 Dose(START, 30, "mg")))
    assert [d.strength for d in med.doses] == [30, 60]  # kept in date order, none lost
    assert med.dose_on(dt.date(2026, 3, 31)).describe() == "30 mg"
    assert med.dose_on(dt.date(2026, 4, 1)).describe() == "60 mg"
    assert med.changes == (Dose(dt.date(2026, 4, 1), 60, "mg"),)


def test_taken_from_the_start_up_to_the_day_before_the_stop():
    med = Medication("Pregabalin", START, stop=dt.date(2026, 3, 10))
    assert not med.taken_on(START - dt.timedelta(days=1))
    assert med.taken_on(START) and med.taken_on(dt.date(2026, 3, 9))
    assert not med.taken_on(dt.date(2026, 3, 10))


@pytest.mark.parametrize(("make", "field"), [
    (lambda: Medication("", START), "name"),
    (lambda: Medication("x" * 61, START), "name"),
    (lambda: Medication("A", START, stop=START - dt.timedelta(days=1)), "stop"),
    (lambda: Dose(START, 0), "strength"),
    (lambda: Dose(START, 200_000), "strength"),
    (lambda: Dose(START, 5, "spoons"), "unit"),
    (lambda: Medication("A", START, doses=(Dose(START + dt.timedelta(days=1), 5),)), "date"),
    (lambda: MedicationDay(START, count=51), "count"),
    (lambda: MedicationDay(START, count=1, times=("25:00",)), "time"),
    (lambda: MedicationDay(START, status="maybe"), "status"),
    (lambda: Event(START, ""), "kind"),
    (lambda: Event(START, "injury", until=START - dt.timedelta(days=1)), "until"),
])
def test_bad_values_are_refused_naming_the_field(make, field):
    with pytest.raises(ValidationError) as caught:
        make()
    assert caught.value.field == field


def test_a_day_not_marked_stays_not_recorded_and_empty_days_are_dropped():
    med = Medication("Naproxen", START, as_needed=True,
                     days=(MedicationDay(START), MedicationDay(START + dt.timedelta(days=1), 2)))
    assert med.day(START) is None  # not recorded: neither taken nor skipped
    assert med.day(START + dt.timedelta(days=1)).count == 2


def test_event_kinds_from_the_list_are_spelled_one_way_and_own_words_are_kept():
    assert Event(START, "cbt course").kind == "CBT course"
    assert Event(START, "Moved house").kind == "Moved house"
