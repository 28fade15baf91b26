"""Catching up: which of the last few days have no entry yet (plain facts, no streaks)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

#: How far back the form looks for days without an entry.
CATCH_UP_DAYS = 7


def missing_days(today: dt.date, logged: Collection[dt.date],
                 days: int = CATCH_UP_DAYS, since: dt.date | None = None) -> list[dt.date]:
    """The days of the *days* before *today* that have no entry, oldest first.

    Today itself is never "missing": it is still going on. Nor is a day before *since*,
    the journal's first entry: a new journal has nothing to catch up on.
    """
    return [day for day in (today - dt.timedelta(days=back) for back in range(days, 0, -1))
            if day not in logged and (since is None or day >= since)]
