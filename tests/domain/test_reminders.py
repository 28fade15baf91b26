"""When the daily reminder is due: time zones, clock changes, logged days, snooze."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from journal.domain.reminders import (
    ReminderState,
    is_due,
    local_at,
    next_reminder,
    parse_time,
    shown,
    snoozed,
)

EVENING = dt.time(20, 0)
NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
TOKYO = ZoneInfo("Asia/Tokyo")
DAY = dt.date(2026, 12, 2)


def never(_day):
    return False


def at(tz, *parts):
    return dt.datetime(*parts, tzinfo=tz)


def test_it_is_due_at_the_time_on_a_day_without_an_entry():
    assert not is_due(at(BERLIN, 2026, 12, 2, 19, 59), EVENING, BERLIN, never)
    assert is_due(at(BERLIN, 2026, 12, 2, 20, 0), EVENING, BERLIN, never)
    assert next_reminder(at(BERLIN, 2026, 12, 2, 9, 0), EVENING, BERLIN, never) == at(
        BERLIN, 2026, 12, 2, 20, 0)


def test_a_logged_day_gets_no_reminder_and_the_next_is_tomorrow():
    logged = {DAY}.__contains__
    now = at(BERLIN, 2026, 12, 2, 20, 0)
    assert not is_due(now, EVENING, BERLIN, logged)
    assert next_reminder(now, EVENING, BERLIN, logged) == at(BERLIN, 2026, 12, 3, 20, 0)


def test_off_means_never():
    assert next_reminder(at(BERLIN, 2026, 12, 2, 20, 0), None, BERLIN, never) is None
    assert parse_time("") is None and parse_time("off") is None
    assert parse_time("07:45") == dt.time(7, 45)


def test_at_most_once_a_day():
    now = at(BERLIN, 2026, 12, 2, 20, 0)
    state = shown(now, BERLIN)
    for later in (now, now + dt.timedelta(hours=1), at(BERLIN, 2026, 12, 2, 23, 59)):
        assert not is_due(later, EVENING, BERLIN, never, state)
    assert is_due(at(BERLIN, 2026, 12, 3, 20, 0), EVENING, BERLIN, never, state)


def test_a_snooze_brings_it_back_once_later_the_same_day():
    now = at(BERLIN, 2026, 12, 2, 20, 0)
    state = snoozed(now, BERLIN, minutes=30)
    assert not is_due(now + dt.timedelta(minutes=29), EVENING, BERLIN, never, state)
    assert is_due(now + dt.timedelta(minutes=30), EVENING, BERLIN, never, state)
    again = shown(now + dt.timedelta(minutes=30), BERLIN)
    assert not is_due(now + dt.timedelta(hours=2), EVENING, BERLIN, never, again)


def test_a_snooze_is_dropped_once_the_day_is_logged_or_over():
    late = at(BERLIN, 2026, 12, 2, 23, 50)
    state = snoozed(late, BERLIN, minutes=30)  # would be 00:20 tomorrow: not carried over
    assert next_reminder(late, EVENING, BERLIN, never, state) == at(BERLIN, 2026, 12, 3, 20, 0)
    state = snoozed(at(BERLIN, 2026, 12, 2, 20, 0), BERLIN)
    assert not is_due(at(BERLIN, 2026, 12, 2, 20, 40), EVENING, BERLIN, {DAY}.__contains__,
                      state)


def test_when_the_app_starts_after_the_time_todays_reminder_is_due_at_once():
    assert is_due(at(BERLIN, 2026, 12, 2, 22, 0), EVENING, BERLIN, never)


@pytest.mark.parametrize("tz", [NEW_YORK, BERLIN, TOKYO, ZoneInfo("Pacific/Kiritimati"),
                                ZoneInfo("Pacific/Pago_Pago"), ZoneInfo("Asia/Kolkata")])
def test_the_time_is_local_wall_clock_time_in_any_zone(tz):
    now_utc = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)
    when = next_reminder(now_utc, EVENING, tz, never, shown(now_utc - dt.timedelta(days=3), tz))
    local = when.astimezone(tz)
    assert (local.hour, local.minute) == (20, 0)
    assert local.date() == now_utc.astimezone(tz).date()


def test_the_local_day_decides_what_today_is_not_utc():
    # 20:30 in New York on 2 Dec is already 3 Dec in UTC; the entry of 2 Dec counts.
    now = at(NEW_YORK, 2026, 12, 2, 20, 30)
    assert now.astimezone(dt.UTC).date() == dt.date(2026, 12, 3)
    assert not is_due(now, EVENING, NEW_YORK, {DAY}.__contains__)
    assert is_due(now, EVENING, NEW_YORK, {dt.date(2026, 12, 3)}.__contains__)


def test_daylight_saving_the_hour_stays_on_the_clock_across_the_change():
    before = at(NEW_YORK, 2026, 3, 7, 21, 0)  # the clocks go forward at 02:00 on 8 March
    when = next_reminder(before, EVENING, NEW_YORK, never, shown(before, NEW_YORK))
    assert when.astimezone(NEW_YORK).replace(tzinfo=None) == dt.datetime(2026, 3, 8, 20, 0)
    assert when.astimezone(dt.UTC) - at(NEW_YORK, 2026, 3, 7, 20, 0).astimezone(dt.UTC) == (
        dt.timedelta(hours=23))
    autumn = at(BERLIN, 2026, 10, 24, 21, 0)  # back at 03:00 on 25 October
    when = next_reminder(autumn, EVENING, BERLIN, never, shown(autumn, BERLIN))
    assert when.astimezone(dt.UTC) - at(BERLIN, 2026, 10, 24, 20, 0).astimezone(dt.UTC) == (
        dt.timedelta(hours=25))


def test_a_time_skipped_by_the_clock_change_comes_an_hour_later_and_a_doubled_one_once():
    skipped = local_at(dt.date(2026, 3, 8), dt.time(2, 30), NEW_YORK)
    assert skipped.replace(tzinfo=None) == dt.datetime(2026, 3, 8, 3, 30)
    doubled = dt.time(2, 30)  # 02:30 happens twice in Berlin on 25 October 2026
    first = local_at(dt.date(2026, 10, 25), doubled, BERLIN)
    assert first.utcoffset() == dt.timedelta(hours=2)  # summer time: the first of the two
    state = shown(first, BERLIN)
    second_time = first.astimezone(dt.UTC) + dt.timedelta(hours=1)  # 02:30 again, winter
    assert second_time.astimezone(BERLIN).hour == 2
    assert not is_due(second_time, doubled, BERLIN, never, state)


def test_a_trip_to_another_zone_after_the_reminder_does_not_repeat_it():
    shown_at = at(BERLIN, 2026, 12, 2, 20, 0)
    state = shown(shown_at, BERLIN)
    in_new_york = shown_at.astimezone(NEW_YORK)  # still 2 Dec there, 14:00
    assert in_new_york.date() == DAY
    assert not is_due(in_new_york + dt.timedelta(hours=6), EVENING, NEW_YORK, never,
                      ReminderState(shown_on=state.shown_on))


def test_the_computers_own_zone_is_used_when_none_is_given(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        when = local_at(dt.date(2026, 3, 8), EVENING, None)
        assert when.utcoffset() == dt.timedelta(hours=-4)  # summer time from that morning
        assert local_at(dt.date(2026, 3, 7), EVENING, None).utcoffset() == dt.timedelta(hours=-5)
    finally:
        monkeypatch.undo()
        time.tzset()
