import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from journal.domain import ValidationError
from journal.domain.dates import check_begun, latest_date, local_today

UTC = dt.UTC
KIRITIMATI = ZoneInfo("Pacific/Kiritimati")  # UTC+14, the first place where a date begins
BAKER_ISLAND = ZoneInfo("Etc/GMT+12")  # UTC-12, the last place where it ends


@pytest.mark.parametrize(("now", "latest"), [
    (dt.datetime(2026, 12, 2, 9, 59, 59, tzinfo=UTC), dt.date(2026, 12, 2)),
    (dt.datetime(2026, 12, 2, 10, 0, tzinfo=UTC), dt.date(2026, 12, 3)),
    (dt.datetime(2026, 12, 31, 23, 0, tzinfo=UTC), dt.date(2027, 1, 1)),
    (dt.datetime(2026, 12, 2, 20, 0, tzinfo=BAKER_ISLAND), dt.date(2026, 12, 3)),
])
def test_the_latest_date_is_the_date_now_where_it_is_latest_on_earth(now, latest):
    assert latest_date(now) == latest
    assert now.astimezone(KIRITIMATI).date() == latest


def test_a_day_saved_in_kiritimati_is_accepted_where_it_is_still_two_days_earlier():
    now = dt.datetime(2026, 12, 2, 11, 0, tzinfo=UTC)
    assert now.astimezone(BAKER_ISLAND).date() == dt.date(2026, 12, 1)
    assert check_begun(dt.date(2026, 12, 3), latest_date(now)) == dt.date(2026, 12, 3)


def test_a_date_that_has_not_begun_anywhere_is_refused_naming_it_and_the_latest():
    with pytest.raises(ValidationError) as caught:
        check_begun(dt.date(2026, 12, 4), dt.date(2026, 12, 3))
    assert caught.value.field == "date"
    assert str(caught.value) == ('Date: "2026-12-04" is not accepted; expected 2026-12-03 or an '
                                 "earlier date (no later date has begun anywhere on Earth yet).")


def test_the_clock_is_one_function_that_tests_can_set(monkeypatch):
    monkeypatch.setattr("journal.domain.dates.utc_now",
                        lambda: dt.datetime(2026, 12, 2, 11, 0, tzinfo=UTC))
    assert latest_date() == dt.date(2026, 12, 3)
    with pytest.raises(ValidationError, match="2026-12-03 or an earlier date"):
        check_begun(dt.date(2100, 12, 31))
    assert local_today() == dt.datetime(2026, 12, 2, 11, 0, tzinfo=UTC).astimezone().date()
