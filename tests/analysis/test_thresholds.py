"""Each threshold is declared once, and every text that names it says what the code does.

The tests change the one declaration and read every surface (the chart panel's copy of
this check is in tests/ui/test_chart_panel.py).
"""

import datetime as dt

from journal.analysis import pairs, summary
from journal.analysis.insights import insights
from journal.analysis.series import daily_series
from journal.demo import demo_entries
from journal.domain import Entry
from tests.texts import insight_texts

END = dt.date(2026, 3, 31)
START = END - dt.timedelta(days=29)


def logged_days(count: int) -> list[Entry]:
    """The last *count* days of the period, each with pain, mood and last night's sleep."""
    return [Entry(END - dt.timedelta(days=i), pain=2 + i % 6, mood=7 - i % 5,
                  sleep_hours=5 + i % 4) for i in range(count)]


def test_the_day_thresholds_are_said_as_declared_on_every_surface(monkeypatch, tmp_path):
    monkeypatch.setattr(pairs, "MIN_DAYS", 10)
    monkeypatch.setattr(pairs, "FULL_DAYS", 20)
    texts = insight_texts(logged_days(9), START, END, tmp_path)  # 8 follow a logged day
    needed = "Not enough days yet: 8 days to compare, and 10 are needed."
    assert needed in texts["Insight.summary"]
    assert needed in texts["pain-journal insights"]
    assert "(8 of 10)" in texts["associations chart"]
    assert "they need 20 days on which both things were recorded" in texts["report, page 1"]
    for surface, text in texts.items():
        for old in ("and 14 are needed", "of 14)", "need 28 days"):
            assert old not in text, f"{surface} still says {old!r}"


def test_the_statuses_follow_the_declared_thresholds(monkeypatch):
    monkeypatch.setattr(pairs, "MIN_DAYS", 10)
    monkeypatch.setattr(pairs, "FULL_DAYS", 12)
    statuses = {days: insights(daily_series(logged_days(days + 1), START, END))[0].status
                for days in (9, 10, 11, 12)}
    assert statuses == {9: "insufficient", 10: "early", 11: "early", 12: "ok"}


def test_a_short_night_is_what_page_1_and_the_insights_both_say(monkeypatch, tmp_path):
    monkeypatch.setattr(summary, "SHORT_NIGHT_HOURS", 6.5)
    entries = demo_entries(365, seed=0, end=END)
    start = END - dt.timedelta(days=364)
    texts = insight_texts(entries, start, END, tmp_path)
    nights = [e.sleep_hours for e in entries if e.sleep_hours is not None]
    short = sum(hours < 6.5 for hours in nights)
    assert f"{short} of {len(nights)} recorded nights under 6.5 hours" in texts["report, page 1"]
    assert "after nights under 6.5 h," in texts["Insight.summary"]
    assert "after nights under 6.5 h," in texts["pain-journal insights"]
