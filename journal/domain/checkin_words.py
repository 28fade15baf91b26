"""How the app speaks of check-ins: the result, the change since the last one, the rhythm.

Plain words only: the published band ("moderate"), points up or down, and whether the
change reaches what clinicians consider meaningful (PHQ-9: 5 points, Löwe 2004; GAD-7:
4 points, Toussaint 2020; in each instrument's resource file). No diagnosis, no advice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from journal.domain.questionnaires import Checkin

#: A gentle reminder when the last check-in is this many days old (the instruments ask
#: about the last 2 weeks, so more often says nothing new).
PROMPT_AFTER_DAYS = 14


def result_words(checkin: Checkin) -> str:
    """``PHQ-9 10, moderate``."""
    return f"{checkin.form.name} {checkin.total}, {checkin.band.words}"


def day_words(date: dt.date, today: dt.date | None = None) -> str:
    """``3 October`` (with the year when it is not *today*'s year)."""
    today = today or date
    return f"{date.day} {date:%B}" + ("" if date.year == today.year else f" {date.year}")


def change_words(current: Checkin, previous: Checkin | None) -> str:
    """The change since *previous*, in words.

    ``6 points lower than on 3 October, a change clinicians consider meaningful``.
    """
    if previous is None:
        return f"your first {current.form.name} in this journal"
    when = day_words(previous.date, current.date)
    difference = current.total - previous.total
    if difference == 0:
        return f"the same as on {when}"
    direction = "higher" if difference > 0 else "lower"
    points = abs(difference)
    threshold = current.form.meaningful_change
    text = f"{points} point{'s' if points != 1 else ''} {direction} than on {when}"
    if points >= threshold:
        return f"{text}, a change clinicians consider meaningful"
    return f"{text}, less than the {threshold} points clinicians consider a meaningful change"


def result_with_change(current: Checkin, previous: Checkin | None) -> str:
    """``PHQ-9 10, moderate; 6 points lower than on 3 October, a change clinicians consider
    meaningful``."""
    return f"{result_words(current)}; {change_words(current, previous)}"


def previous_of(checkin: Checkin, history: Sequence[Checkin]) -> Checkin | None:
    """The same instrument's check-in just before *checkin* in *history*, if any."""
    earlier = [c for c in history
               if c.instrument == checkin.instrument and c.date < checkin.date]
    return max(earlier, key=lambda c: c.date, default=None)


def prompt_due(last: dt.date | None, today: dt.date, *, enabled: bool = True,
               dismissed_on: dt.date | None = None, after_days: int = PROMPT_AFTER_DAYS) -> bool:
    """Whether to show the gentle "time for a check-in?" prompt today.

    Only when check-ins are in use (*last* is the latest one), the last is *after_days* old or
    more, the prompt is on, and it was not dismissed within the last *after_days* days: one
    dismissal keeps it away for as long as a check-in would.
    """
    if not enabled or last is None or (today - last).days < after_days:
        return False
    return dismissed_on is None or (today - dismissed_on).days >= after_days
