"""Hypothesis strategies for valid entries (shared by the domain, storage and exchange tests)."""

import datetime as dt

from hypothesis import strategies as st

from journal.domain import ACTIVITY_KINDS, INTENSITIES, Activity, Entry

_name_chars = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
                            blacklist_characters=";:,")
# Text that a spreadsheet could take for a formula, or that starts with its text mark '.
_formula_starts = st.sampled_from(["=", "+", "-", "@", "'", "''", "'=", "'-"])


def _or_formula_like(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return text | st.tuples(_formula_starts, text).map("".join)


names = _or_formula_like(st.text(_name_chars, min_size=1, max_size=38).filter(lambda s: s.strip()))
scores = st.none() | st.integers(0, 10)
dates = st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31))


def _activities(max_minutes: int) -> st.SearchStrategy[Activity]:
    return st.builds(Activity, kind=st.sampled_from(ACTIVITY_KINDS) | names,
                     minutes=st.integers(1, max_minutes),
                     intensity=st.none() | st.sampled_from(INTENSITIES))


activities = _activities(1440)
# A day's activities total at most 1,440 minutes: up to four of at most 6 hours, or one up to 24.
day_activities = (st.lists(_activities(360), max_size=4)
                  | st.lists(activities, max_size=1)).map(tuple)
notes = st.none() | _or_formula_like(st.text(st.characters(blacklist_categories=("Cs",)),
                                             max_size=300))

entries = st.builds(
    Entry,
    date=dates,
    pain=scores, worst_pain=scores, mood=scores, energy=scores,
    sleep_hours=st.none() | st.integers(0, 96).map(lambda q: q / 4),
    sleep_quality=st.none() | st.integers(1, 5),
    activities=st.none() | day_activities,
    tags=st.lists(names, max_size=5).map(tuple),
    notes=notes,
)
