import datetime as dt

import numpy as np

from journal.demo import demo_entries

END = dt.date(2026, 6, 30)


def _rank_correlation(pairs):
    x, y = (np.argsort(np.argsort(np.asarray(column, float)))
            for column in zip(*pairs, strict=True))
    return float(np.corrcoef(x, y)[0, 1])


def test_the_same_seed_gives_the_same_days_and_another_seed_others():
    assert demo_entries(120, seed=5, end=END) == demo_entries(120, seed=5, end=END)
    assert demo_entries(120, seed=5, end=END) != demo_entries(120, seed=6, end=END)


def test_days_end_on_the_given_day_with_gaps_like_a_real_diary():
    days = demo_entries(365, seed=1, end=END)
    dates = [e.date for e in days]
    assert dates == sorted(dates) and dates[-1] <= END and dates[0] >= END - dt.timedelta(364)
    assert 0.75 * 365 < len(days) < 0.97 * 365
    gaps = [(b - a).days for a, b in zip(dates, dates[1:], strict=False)]
    assert max(gaps) >= 3  # a run of missed days
    assert any(e.worst_pain is None for e in days) and any(e.sleep_hours is None for e in days)
    assert any(e.activities == () for e in days) and any(e.activities is None for e in days)
    assert any(e.notes for e in days) and any("flare" in e.tags for e in days)


def test_short_sleep_goes_with_more_pain_and_lower_mood_the_same_day():
    days = demo_entries(365, seed=2, end=END)
    slept = [e for e in days if e.sleep_hours is not None]
    assert _rank_correlation([(e.sleep_hours, e.pain) for e in slept]) < -0.3
    assert _rank_correlation([(e.sleep_hours, e.mood) for e in slept if e.mood is not None]) > 0.2


def test_activity_lifts_mood_and_eases_next_day_pain():
    days = {e.date: e for e in demo_entries(730, seed=3, end=END)}
    same_day = [(e.activity_minutes, e.mood) for e in days.values()
                if e.activity_minutes is not None and e.mood is not None]
    assert _rank_correlation(same_day) > 0.2
    next_day = [(e.activity_minutes, days[d + dt.timedelta(1)].pain) for d, e in days.items()
                if e.activity_minutes is not None and d + dt.timedelta(1) in days]
    assert _rank_correlation(next_day) < -0.15
