"""Which dates a diary day may have: one rule for the command line and for imports.

A day is the user's local date, and the user may travel: a day saved as "today"
in Kiritimati (UTC+14) is still "the day after tomorrow" on Baker Island
(UTC-12). So the rule is not "today here" but "a date that has begun somewhere
on Earth": the date it is now at UTC+14. The clock is read in one function,
`utc_now`, so that tests can set it.
"""

from __future__ import annotations

import datetime as dt

from journal.domain.errors import ValidationError

#: How far ahead of UTC the first time zone to start a new date is (Pacific/Kiritimati).
FURTHEST_AHEAD = dt.timedelta(hours=14)


def utc_now() -> dt.datetime:
    """The current time, aware, in UTC: the one place the journal reads the clock for dates."""
    return dt.datetime.now(dt.UTC)


def local_today() -> dt.date:
    """The user's date now, in the computer's time zone."""
    return utc_now().astimezone().date()


def latest_date(now: dt.datetime | None = None) -> dt.date:
    """The latest date that has begun anywhere on Earth: the date at UTC+14.

    Parameters
    ----------
    now
        An aware time (default: `utc_now()`).
    """
    now = utc_now() if now is None else now
    return (now.astimezone(dt.UTC) + FURTHEST_AHEAD).date()


def check_begun(date: dt.date, latest: dt.date | None = None) -> dt.date:
    """Return *date*, or raise ValidationError if it has not begun anywhere yet.

    Parameters
    ----------
    date
        The day to check.
    latest
        The latest accepted date (default: `latest_date()`); pass it to check many days
        against one reading of the clock.
    """
    latest = latest_date() if latest is None else latest
    if date > latest:
        raise ValidationError("date", date.isoformat(), f"{latest} or an earlier date (no later "
                              "date has begun anywhere on Earth yet)")
    return date
