"""When the daily reminder is due: a pure function of the clock, the settings and the day.

Rules (issue 18): at the time the person picked, in their local time zone; never more
than once a day; none once the day is logged; a snooze puts it off by the chosen minutes,
still for that day only. Local time is found through the time zone (`zoneinfo`), so a
reminder at 02:30 on the night the clocks go forward comes at 03:30, the first instant
that exists, and on the night they go back it comes once, at the first 01:30.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

#: The snooze offered in the notification and the tray menu.
SNOOZE_MINUTES = 30
DEFAULT_TIME = dt.time(20, 0)


@dataclass(frozen=True)
class ReminderState:
    """What happened so far, as kept in the settings.

    Parameters
    ----------
    shown_on
        The local date the reminder was last shown (at most once a day).
    snoozed_until
        An aware time: "remind me again then" (for that day only).
    """

    shown_on: dt.date | None = None
    snoozed_until: dt.datetime | None = None


def local_at(day: dt.date, at: dt.time, tz: dt.tzinfo | None) -> dt.datetime:
    """*day* at wall-clock time *at* in *tz*, aware.

    A time skipped by a clock change is read with the offset before the change (02:30 on
    a spring-forward night is 03:30); a time that happens twice is its first occurrence.
    """
    if tz is None:  # the computer's own zone, with its own clock changes
        return dt.datetime.combine(day, at).astimezone()
    return dt.datetime.combine(day, at, tzinfo=tz).astimezone(dt.UTC).astimezone(tz)


def next_reminder(now: dt.datetime, at: dt.time | None, tz: dt.tzinfo | None,
                  is_logged: Callable[[dt.date], bool],
                  state: ReminderState = ReminderState()) -> dt.datetime | None:
    """The next time to show the reminder (aware; may be *now* or earlier: due), or None if
    reminders are off.

    Parameters
    ----------
    now
        The current time, aware.
    at
        The wall-clock time picked for the reminder; None when reminders are off.
    tz
        The person's time zone; None for the computer's.
    is_logged
        Whether a date already has an entry.
    state
        When it was last shown, and any snooze.
    """
    if at is None:
        return None
    local_now = now.astimezone(tz)
    today = local_now.date()
    snooze = state.snoozed_until
    if snooze is not None and snooze.astimezone(tz).date() == today and not is_logged(today):
        return snooze  # put off by the person, for today only; `shown` clears it
    if state.shown_on != today and not is_logged(today):
        return local_at(today, at, tz)  # today's, even if its time has passed: due now
    day = today + dt.timedelta(days=1)
    while is_logged(day):  # a day logged in advance cannot happen (no future dates), but
        day += dt.timedelta(days=1)  # the rule stays simple: the next day without an entry
    return local_at(day, at, tz)


def is_due(now: dt.datetime, at: dt.time | None, tz: dt.tzinfo | None,
           is_logged: Callable[[dt.date], bool],
           state: ReminderState = ReminderState()) -> bool:
    """True when the reminder should be shown at *now*."""
    when = next_reminder(now, at, tz, is_logged, state)
    return when is not None and when <= now


def shown(now: dt.datetime, tz: dt.tzinfo | None) -> ReminderState:
    """The state after the reminder was shown at *now* (no snooze pending)."""
    return ReminderState(shown_on=now.astimezone(tz).date())


def snoozed(now: dt.datetime, tz: dt.tzinfo | None, minutes: int = SNOOZE_MINUTES) -> ReminderState:
    """The state after "remind me later" at *now*: once more, *minutes* later, if still today."""
    return ReminderState(shown_on=now.astimezone(tz).date(),
                         snoozed_until=now.astimezone(dt.UTC) + dt.timedelta(minutes=minutes))


def parse_time(text: str) -> dt.time | None:
    """``"20:00"`` -> 20:00; a blank or anything else -> None (reminders off)."""
    try:
        hours, minutes = (int(part) for part in text.strip().split(":"))
        return dt.time(hours, minutes)
    except ValueError:
        return None
