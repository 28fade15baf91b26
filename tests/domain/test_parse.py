import datetime as dt

import pytest

from journal.domain import Activity, ValidationError
from journal.domain.parse import (
    format_activity,
    format_sleep,
    parse_activity,
    parse_date,
    parse_scale,
    parse_sleep,
    sleep_text,
)


@pytest.mark.parametrize(("text", "hours"), [
    ("7.5", 7.5), ("7,5", 7.5), ("7:30", 7.5), ("7", 7.0), ("0", 0.0), ("24", 24.0),
    (" 6:15 ", 6.25), (".5", 0.5), ("", None), ("7h30", 7.5), ("7 h 30", 7.5),
    ("7 H 30", 7.5), ("7h", 7.0), ("7 h 45 min", 7.75), ("6,25", 6.25),
    ("6 hours", 6.0), ("6 Hours", 6.0), ("1 hour", 1.0), ("6hrs", 6.0), ("6 hr", 6.0),
    ("7 hours 30", 7.5), ("7 hours 30 minutes", 7.5), ("7h30m", 7.5), ("7 hrs 15 mins", 7.25),
    ("7.5 hours", 7.5), ("7,5 hours", 7.5), ("6.5 hrs", 6.5), ("7.5h", 7.5), ("7hr30", 7.5),
    ("7hrs30m", 7.5), ("7hours30", 7.5), ("7:30m", 7.5), ("7:30 min", 7.5), ("0 hours", 0.0),
])
def test_sleep_accepts_decimal_points_commas_and_clock_times(text, hours):
    assert parse_sleep(text) == hours


@pytest.mark.parametrize("text", ["25", "24:30", "7:60", "-1", "seven", "7.3h", "7:3:0",
                                  "7.3", "6:20", "7h10", "7m", "30 minutes", "7 hours 10",
                                  "hours", "7 hourss", "7 hours 90", "hours 7", "7.5 hours 30",
                                  "30m"])
def test_sleep_rejects_other_forms_naming_the_field_and_the_range(text):
    with pytest.raises(ValidationError) as caught:
        parse_sleep(text)
    assert caught.value.field == "sleep_hours"
    assert "0 to 24" in str(caught.value) and text in str(caught.value)


def test_a_sleep_value_between_quarter_hours_is_refused_not_rounded():
    with pytest.raises(ValidationError) as caught:
        parse_sleep("7.3")
    assert str(caught.value) == ('Sleep hours: "7.3" is not accepted; expected hours from 0 to '
                                 '24 in quarter hours, such as 7.5, 7,5, 7:30, 7h30, 7 h 30 or '
                                 '7 hours 30.')


@pytest.mark.parametrize(("hours", "text"), [(7.5, "7 h 30"), (7.0, "7 h"), (0.25, "0 h 15"),
                                             (6.75, "6 h 45"), (24.0, "24 h")])
def test_sleep_is_shown_in_hours_and_minutes_and_reads_back(hours, text):
    assert sleep_text(hours) == text
    assert parse_sleep(text) == hours


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "2026-3-1", "01/03/2026", "",
                                  "20260301"])
def test_dates_must_be_iso_and_exist(text):
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        parse_date(text)


def test_leap_day_is_a_real_date():
    assert parse_date("2028-02-29") == dt.date(2028, 2, 29)


@pytest.mark.parametrize(("text", "value"), [("0", 0), ("10", 10), (" 6 ", 6), ("", None)])
def test_scores_are_whole_numbers(text, value):
    assert parse_scale("pain", text) == value


@pytest.mark.parametrize("text", ["11", "-1", "6.5", "six"])
def test_bad_scores_name_field_value_and_range(text):
    with pytest.raises(ValidationError) as caught:
        parse_scale("mood", text)
    assert str(caught.value) == (f'Mood: "{text}" is not accepted; '
                                 "expected a whole number from 0 to 10.")


def test_activities_parse_and_format_both_ways():
    walk = parse_activity("walking:30:moderate")
    assert walk == Activity("walking", 30, "moderate")
    assert format_activity(walk) == "walking:30:moderate"
    assert parse_activity("physical therapy:45") == Activity("physical therapy", 45)
    assert parse_activity("Yoga:20:LIGHT").intensity == "light"
    assert format_sleep(7.0) == "7" and format_sleep(6.25) == "6.25"


@pytest.mark.parametrize(("text", "field"), [
    ("walking", "activity"), ("walking:-5", "activity_minutes"), ("walking:0", "activity_minutes"),
    ("walking:30:hard", "activity_intensity"), (":30", "activity"), ("a:b:c:d", "activity"),
])
def test_bad_activities_name_the_part_that_is_wrong(text, field):
    with pytest.raises(ValidationError) as caught:
        parse_activity(text)
    assert caught.value.field == field


LONG = "9" * 5000  # more digits than int() converts (4,300)


@pytest.mark.parametrize(("parse", "text", "field"), [
    (lambda t: parse_scale("pain", t), LONG, "pain"),
    (lambda t: parse_scale("pain", t), "²", "pain"),
    (lambda t: parse_scale("pain", t), "５", "pain"),  # a full-width digit
    (parse_sleep, LONG + ":00", "sleep_hours"),
    (parse_sleep, "7:٣٠", "sleep_hours"),  # Arabic-Indic digits
    (parse_sleep, "٧.٥", "sleep_hours"),
    (parse_activity, "walking:" + LONG, "activity_minutes"),
    (parse_activity, "walking:²", "activity_minutes"),
    (parse_date, "２０２６-０１-０１", "date"),
])
def test_numbers_are_ascii_digits_of_a_sane_length(parse, text, field):
    with pytest.raises(ValidationError) as caught:
        parse(text)
    assert caught.value.field == field
    assert str(caught.value).count("\n") == 0 and "expected" in str(caught.value)
