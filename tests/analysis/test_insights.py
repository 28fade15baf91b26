import datetime as dt

import numpy as np
import pytest
from scipy.stats import spearmanr

from journal.analysis.insights import insights
from journal.analysis.pairs import FULL_DAYS, MIN_DAYS, PAIRS
from journal.analysis.series import MEASURES, DailySeries, daily_series, paired
from journal.analysis.wording import CAUTION
from journal.demo import demo_entries
from journal.domain import Entry
from tests.analysis.simulate import START, ar1, unrelated_diary
from tests.texts import insight_texts


def planted_sleep_effect(seed: int, days: int = 90) -> DailySeries:
    """Pain today rises when last night's sleep was short; everything else is noise."""
    rng = np.random.default_rng(seed)
    values = {name: np.full(days, np.nan) for name in MEASURES}
    sleep = np.clip(7 + rng.normal(0, 1.1, days), 3, 10)
    values["sleep_hours"] = np.round(sleep * 4) / 4
    values["pain"] = np.clip(np.round(5 - 0.6 * (sleep - 7) + 0.8 * ar1(rng, days, 0.5)), 0, 10)
    values["mood"] = np.clip(np.round(6 + ar1(rng, days, 0.5)), 0, 10)
    values["activity_minutes"] = rng.choice([0, 0, 20, 30, 45], days).astype(float)
    return DailySeries(START, START + dt.timedelta(days=days - 1), values, np.ones(days, bool))


def by_label(results):
    return {r.label: r for r in results}


def test_a_planted_sleep_effect_is_found_with_the_right_sign():
    found = by_label(insights(planted_sleep_effect(seed=3)))["Sleep last night and pain today"]
    assert found.status == "ok" and found.found
    assert found.rho < 0 and found.ci95[1] < 0 and found.q < 0.05
    assert (found.n_paired, found.n) == (90, 89)  # the first day has no day before it
    assert 4 <= found.n_effective <= 89
    assert found.summary.startswith("Longer nights went with less pain the day after (89 days "
                                    "analysed). After nights of 7 h or more, your pain averaged")
    assert found.summary.endswith("This is an association in your data, not proof of cause.")
    # The same sentence without the caution, for surfaces that say the caution once for all.
    assert found.summary == f"{found.statement} {CAUTION}" and CAUTION not in found.statement


def test_only_a_found_link_carries_the_caution():
    results = insights(planted_sleep_effect(seed=3))
    assert any(not r.found for r in results)
    for result in results:
        assert result.summary == (f"{result.statement} {CAUTION}" if result.found
                                  else result.statement)


def test_unrelated_trending_autocorrelated_series_rarely_give_a_finding_unlike_a_naive_test():
    runs = 200
    method_hits = naive_hits = 0
    for seed in range(runs):
        diary = unrelated_diary(seed, days=90, phi=0.7)
        method_hits += any(r.found for r in insights(diary))
        naive_hits += any(spearmanr(*paired(diary[p.x], diary[p.y], p.lag_days)).pvalue < 0.05
                          for p in PAIRS)
    assert method_hits / runs <= 0.08
    assert naive_hits / runs > 0.10 and naive_hits > 3 * method_hits


def test_sixty_days_of_unrelated_data_are_too_early_to_tell_not_no_link():
    results = insights(unrelated_diary(seed=11, days=60, phi=0.7))
    assert all(r.status in ("early", "ok") and not r.found and not r.no_link for r in results)
    for r in (r for r in results if r.status == "ok"):  # the interval allows a moderate link
        assert max(abs(r.ci95[0]), abs(r.ci95[1])) >= 0.3
        assert r.summary.startswith("Too early to tell about ")
        assert "a moderate link is not ruled out yet, and more days are needed." in r.summary


@pytest.mark.parametrize(("days", "status"), [(MIN_DAYS - 1, "insufficient"), (MIN_DAYS, "early"),
                                              (FULL_DAYS - 1, "early"), (FULL_DAYS, "ok")])
def test_thresholds_count_analysed_days(days, status):
    result = by_label(insights(planted_sleep_effect(seed=1, days=days + 1)))[
        "Sleep last night and pain today"]
    assert result.n == days and result.status == status
    if status == "insufficient":
        assert result.rho is None and result.q is None
        assert result.summary.startswith(f"Not enough days in a row yet: {days} days to "
                                         f"compare, and {MIN_DAYS} are needed ({days + 1} days "
                                         "have both")
    if status == "early":
        assert result.summary == (f"Early look ({days} days analysed): too few to tell; a result "
                                  f"needs {FULL_DAYS}.")
        assert not result.found and result.q is None and "averaged" not in result.summary


def test_missing_days_are_left_out_of_the_pairs_never_treated_as_zero():
    entries = [Entry(dt.date(2026, 1, 1) + dt.timedelta(days=i), pain=5, sleep_hours=7)
               for i in range(0, 40, 2)]  # every other day missing
    result = by_label(insights(daily_series(entries)))["Sleep last night and pain today"]
    assert (result.n_paired, result.n) == (20, 0)  # no logged day follows a logged day
    assert result.summary == ("Not enough days in a row yet: 0 days to compare, and 14 are "
                              "needed (20 days have both, but a day counts only when the day "
                              "before it was logged too).")
    lag1 = by_label(insights(daily_series(entries)))["Pain today and sleep that night"]
    assert lag1.n == 0  # no day is followed by a logged night


def test_the_word_significant_is_never_used(tmp_path):
    """Not in the summaries, the insights command, report page 1 or the associations chart
    (the chart panel: tests/ui/test_chart_panel.py), whatever the results say."""
    end = dt.date(2026, 6, 1)
    said = set()
    for seed in range(3):
        entries = demo_entries(200, seed=seed, end=end)
        for days in (10, 20, 200):
            start = end - dt.timedelta(days=days - 1)
            said |= {(r.status, r.found) for r in insights(daily_series(
                [e for e in entries if e.date >= start], start, end))}
            for surface, text in insight_texts(entries, start, end, tmp_path).items():
                assert "significant" not in text.lower(), f"{surface}, seed {seed}, {days} days"
    assert said == {("insufficient", False), ("early", False), ("ok", False), ("ok", True)}


def test_the_demo_year_shows_the_planted_links():
    results = by_label(insights(daily_series(demo_entries(365, seed=0, end=dt.date(2026, 6, 1)))))
    assert results["Sleep last night and pain today"].found
    assert results["Sleep last night and pain today"].rho < 0
    assert results["Activity and pain the next day"].rho < 0
    assert results["Activity and mood the same day"].rho > 0


def test_json_shape_is_stable():
    result = insights(planted_sleep_effect(seed=2))[0].as_json()
    assert list(result) == ["x", "y", "lag_days", "label", "n", "n_paired", "n_effective", "rho",
                            "ci95", "p", "q", "status", "found", "echo_of", "summary"]
    assert isinstance(result["ci95"], list) and len(result["ci95"]) == 2


def test_a_period_longer_than_a_year_gives_the_insights_of_its_last_year():
    """Small true correlations from skipped bad days do not shrink with more days while the
    tests sharpen (README): the promise is measured up to a year, so no more is compared."""
    from journal.analysis.series import days_from
    from tests.analysis.calibration import NULLS

    skipped = next(null for null in NULLS if null.name == "bad days skipped")
    journal = skipped.journal(seed=4, days=800)  # over two years
    assert insights(journal) == insights(days_from(journal, len(journal) - 365, len(journal) - 1))
    assert all(r.n_paired <= 365 for r in insights(journal))
