"""What the insights say, and what they never say (issue 13): "no link" only when a moderate
link is ruled out; nothing about a measure that barely varies; no averages from fewer than 7
days or in an early look; a direction in words for every link; "and", not arrows."""

import datetime as dt

from journal.analysis import pairs
from journal.analysis.insights import insights
from journal.analysis.pairs import PAIRS
from journal.analysis.series import daily_series
from journal.domain import Entry
from tests.analysis.calibration import NULLS, planted

START = dt.date(2026, 1, 1)


def test_no_link_is_said_only_when_the_interval_rules_out_a_moderate_link():
    said = 0
    for seed in range(40):
        for journal in (NULLS[0].journal(seed, 365), planted(seed, 120), planted(seed, 60)):
            for r in insights(journal):
                rules_out = r.ci95 is not None and max(map(abs, r.ci95)) < pairs.NO_LINK_RHO
                says_no_link = r.statement.startswith("No link big enough to matter")
                assert says_no_link == r.no_link
                if says_no_link:
                    said += 1
                    assert r.status == "ok" and rules_out and not r.found
                if r.status == "ok" and not r.found and not rules_out and not r.echo_of:
                    assert r.statement.startswith("Too early to tell about ")
    assert said > 100  # the check above ran on real "no link" sentences


def test_a_measure_that_never_varies_gets_no_verdict_only_that_it_barely_varied():
    entries = [Entry(START + dt.timedelta(days=i), pain=3 if i % 60 else 4, mood=3 + i % 5,
                     sleep_hours=6 + (i * 7 % 5) / 2, activities=())
               for i in range(365)]
    results = {r.label: r for r in insights(daily_series(entries))}
    for label in ("Sleep last night and pain today", "Activity and pain the same day",
                  "Pain and mood the same day"):
        result = results[label]
        assert result.status == "flat" and not result.found and not result.no_link
        assert result.rho is None and result.q is None
    assert results["Pain and mood the same day"].statement == (
        "Nothing can be said here: your pain was 3 on 98% of these days, so it barely varied.")
    assert results["Activity and mood the same day"].statement == (
        "Nothing can be said here: no exercise was recorded on 100% of these days, so it barely "
        "varied.")


def test_a_measure_never_recorded_is_said_so_not_asked_to_wait():
    entries = [Entry(START + dt.timedelta(days=i), pain=2 + i % 5, mood=6 - i % 4)
               for i in range(60)]
    result = insights(daily_series(entries))[0]
    assert result.statement == "Sleep is not recorded in this period."


def test_early_looks_quote_no_average_and_found_links_quote_only_groups_of_seven_days():
    for seed in range(30):
        for days in (20, 30, 45, 365):
            for r in insights(planted(seed, days)):
                if r.status == "early":
                    assert "averaged" not in r.statement and "(" in r.statement
                for count in _group_days(r.statement):
                    assert count >= pairs.MIN_GROUP_DAYS


def _group_days(statement: str) -> list[int]:
    """The day counts of averages quoted, e.g. "averaged 4.1 (31 days)"."""
    import re

    return [int(n) for n in re.findall(r"(?:averaged|on average) [0-9.]+(?: h)? \((\d+) ",
                                       statement)
            + re.findall(r"no exercise, [0-9.]+ \((\d+) ", statement)
            + re.findall(r"under \S+ h, [0-9.]+ \((\d+) ", statement)]


def test_every_link_found_says_its_direction_in_words():
    found = 0
    for seed in range(15):
        for r in insights(planted(seed, 365)):
            if r.found:
                found += 1
                more, less = {"pain": ("more pain", "less pain"),
                              "mood": ("better mood", "worse mood"),
                              "sleep_hours": ("longer sleep", "shorter sleep")}[r.y]
                assert (more if r.rho > 0 else less) in r.statement.split(" (")[0]
    assert found > 30


def test_labels_say_and_never_an_arrow():
    for pair in PAIRS:
        assert " and " in pair.label and not set("→↔←") & set(pair.label)


def test_a_lagged_link_is_not_echoed_as_a_reversed_same_day_link():
    """A difference of day t holds day t - 1 with the opposite sign: the real next-day link
    of activity and pain shows, reversed and weaker, on the same day. It is not reported."""
    echoed = 0
    for seed in range(30):
        results = {r.label: r for r in insights(planted(seed, 365))}
        same_day = results["Activity and pain the same day"]
        assert not (same_day.found and same_day.rho > 0)
        echoed += same_day.echo_of == "Activity and pain the next day"
        if same_day.echo_of:
            assert same_day.statement.startswith(
                'Probably an echo of the link found for "Activity and pain the next day"')
    assert echoed >= 3


def test_the_unseen_effects_are_named_where_the_insights_are_shown(tmp_path):
    from journal.demo import demo_entries
    from tests.texts import insight_texts

    end = dt.date(2026, 6, 1)
    texts = insight_texts(demo_entries(120, seed=1, end=end), end - dt.timedelta(days=119), end,
                          tmp_path)
    for surface in ("pain-journal insights", "report, page 1"):
        assert "before-and-after comparison" in " ".join(texts[surface].split()), surface
    assert "Slow effects" in texts["associations chart"]
