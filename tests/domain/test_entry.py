import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain import SCALES, Activity, Entry, ValidationError
from tests.strategies import entries

DAY = dt.date(2026, 3, 1)


def test_a_new_entry_records_nothing_but_its_date():
    entry = Entry(DAY)
    assert entry.is_empty
    assert (entry.pain, entry.mood, entry.sleep_hours, entry.activities, entry.notes) == (
        None, None, None, None, None)
    assert entry.activity_minutes is None


def test_no_exercise_is_zero_minutes_but_unknown_activity_is_none():
    assert Entry(DAY, activities=()).activity_minutes == 0
    assert Entry(DAY).activity_minutes is None
    walk = Activity("walking", 30, "moderate")
    assert Entry(DAY, activities=(walk, Activity("yoga", 20))).activity_minutes == 50


# Each score's range as DESIGN.md's data model gives it, written out here so that a scale
# widened by mistake in the code fails (read from SCALES, the test would widen with it).
RANGES = {"pain": (0, 10), "worst_pain": (0, 10), "pain_interference": (0, 10), "mood": (0, 10),
          "energy": (0, 10), "sleep_quality": (1, 5)}


def test_every_score_has_its_range_stated_here():
    assert sorted(SCALES) == sorted(RANGES)


@pytest.mark.parametrize("field", sorted(RANGES))
@given(data=st.data())
def test_every_out_of_range_score_is_rejected_and_names_its_field(field, data):
    low, high = RANGES[field]
    value = data.draw(st.sampled_from([low - 1, high + 1]) | st.integers(max_value=low - 1)
                      | st.integers(min_value=high + 1) | st.just(True) | st.just(5.5)
                      | st.just("5"))
    with pytest.raises(ValidationError) as caught:
        Entry(DAY, **{field: value})
    assert caught.value.field == field
    assert f"from {low} to {high}" in str(caught.value)


def test_sleep_quality_zero_is_rejected_because_the_scale_starts_at_one():
    with pytest.raises(ValidationError, match="Sleep quality"):
        Entry(DAY, sleep_quality=0)


@given(hours=st.floats(allow_nan=True, allow_infinity=True).filter(lambda h: not 0 <= h <= 24))
def test_sleep_outside_0_to_24_hours_is_rejected(hours):
    with pytest.raises(ValidationError) as caught:
        Entry(DAY, sleep_hours=hours)
    assert caught.value.field == "sleep_hours"


def test_sleep_is_kept_to_the_nearest_quarter_hour():
    assert Entry(DAY, sleep_hours=7.3).sleep_hours == 7.25
    assert Entry(DAY, sleep_hours=7).sleep_hours == 7.0


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"kind": "walking", "minutes": 0}, "activity_minutes"),
    ({"kind": "walking", "minutes": 1441}, "activity_minutes"),
    ({"kind": "walking", "minutes": -5}, "activity_minutes"),
    ({"kind": "", "minutes": 10}, "activity_kind"),
    ({"kind": "walk:fast", "minutes": 10}, "activity_kind"),
    ({"kind": "x" * 41, "minutes": 10}, "activity_kind"),
    ({"kind": "walking", "minutes": 10, "intensity": "extreme"}, "activity_intensity"),
])
def test_bad_activities_are_rejected_naming_the_part(kwargs, field):
    with pytest.raises(ValidationError) as caught:
        Activity(**kwargs)
    assert caught.value.field == field


def test_text_is_cleaned_of_control_characters_and_capped():
    entry = Entry(DAY, notes="  ok\x00 then\r\nnext\x1b  ", tags=("  flare\x07 ", "Flare", "rain"))
    assert entry.notes == "ok then\nnext"
    assert entry.tags == ("flare", "rain")  # duplicates ignore case
    assert Entry(DAY, notes="   ").notes is None
    with pytest.raises(ValidationError, match="at most 10,000 characters"):
        Entry(DAY, notes="x" * 10_001)
    with pytest.raises(ValidationError, match="Tag"):
        Entry(DAY, tags=("a;b",))


def test_right_to_left_and_emoji_text_is_kept_exactly():
    text = 'כאב ראש\u200f, "quoted" 😣'
    assert Entry(DAY, notes=text).notes == text


def test_dates_must_be_real_calendar_dates_in_range():
    with pytest.raises(ValidationError, match="Date"):
        Entry(dt.datetime(2026, 3, 1, 12))
    with pytest.raises(ValidationError, match="Date"):
        Entry(dt.date(1850, 1, 1))


@given(entries)
def test_entries_are_frozen_and_equal_to_a_copy_of_themselves(entry):
    assert dataclasses.replace(entry) == entry
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.pain = 3  # type: ignore[misc]


def test_the_activities_of_a_day_total_at_most_24_hours():
    full_day = Entry(DAY, activities=(Activity("walking", 1000), Activity("yoga", 440)))
    assert full_day.activity_minutes == 1440
    with pytest.raises(ValidationError) as caught:
        Entry(DAY, activities=(Activity("walking", 1440),) * 5)
    assert (caught.value.field, caught.value.value) == ("activity_minutes", 7200)
    assert str(caught.value) == ('Activity minutes: "7200" is not accepted; expected a total of at '
                                 "most 1440 minutes (24 hours) of activity a day.")


def test_a_day_holds_at_most_50_activities():
    assert len(Entry(DAY, activities=(Activity("walking", 1),) * 50).activities) == 50
    with pytest.raises(ValidationError) as caught:
        Entry(DAY, activities=(Activity("walking", 1),) * 2000)
    assert caught.value.field == "activity"
    assert str(caught.value) == ('Activity: "2000 activities" is not accepted; expected at most 50 '
                                 "activities a day.")


def test_a_message_is_one_line_even_for_a_field_or_value_with_line_breaks():
    from journal.domain import ValidationError

    error = ValidationError("\nergy", "two\nlines", "a number")
    assert "\n" not in str(error) and "two ⏎ lines" in str(error)
