import datetime as dt

from journal.domain.catch_up import missing_days

TODAY = dt.date(2026, 12, 2)


def day(back):
    return TODAY - dt.timedelta(days=back)


def test_the_days_of_the_past_week_without_an_entry_oldest_first_today_excluded():
    logged = {day(1), day(3), day(4), day(5), day(6)}
    assert missing_days(TODAY, logged) == [day(7), day(2)]
    assert missing_days(TODAY, logged | {day(7), day(2)}) == []


def test_a_new_journal_has_nothing_to_catch_up_on_before_its_first_entry():
    assert missing_days(TODAY, set(), since=TODAY) == []
    assert missing_days(TODAY, {day(3)}, since=day(3)) == [day(2), day(1)]
