import datetime as dt

import numpy as np

from journal.analysis.series import daily_series, rolling_mean, rolling_median
from journal.domain import Activity, Entry

D = dt.date(2026, 3, 1)


def test_missing_days_and_unrecorded_fields_stay_missing_never_zero():
    series = daily_series([Entry(D, pain=0), Entry(D + dt.timedelta(days=3), mood=5,
                                                   activities=())])
    assert len(series) == 4 and series.days_logged == 2
    assert series["pain"][0] == 0 and np.isnan(series["pain"][1:]).all()
    assert np.isnan(series["activity_minutes"][0])      # not recorded
    assert series["activity_minutes"][3] == 0            # "no exercise" recorded
    assert np.isnan(series["mood"][:3]).all()


def test_activity_minutes_are_the_days_total():
    series = daily_series([Entry(D, activities=(Activity("walking", 20), Activity("yoga", 15)))])
    assert series["activity_minutes"][0] == 35


def test_a_range_wider_than_the_entries_pads_with_missing_days():
    series = daily_series([Entry(D, pain=4)], D - dt.timedelta(days=2), D + dt.timedelta(days=2))
    assert series["pain"].tolist()[2] == 4 and np.isnan(series["pain"]).sum() == 4
    assert series.days[0] == np.datetime64("2026-02-27")


def test_the_7_day_mean_skips_gaps_instead_of_counting_them_as_zero():
    values = np.array([4, np.nan, 4, 4, np.nan, 4, 4, np.nan, np.nan, np.nan, np.nan, np.nan])
    means = rolling_mean(values)
    assert means[6] == 4.0                    # five days of 4 and two gaps: still 4
    assert np.isnan(means[:3]).all()          # too few days yet
    assert np.isnan(means[-1])                # only one day in the last week


def test_the_rolling_median_matches_a_plain_window_median():
    rng = np.random.default_rng(1)
    values = rng.normal(size=200)
    values[rng.random(200) < 0.3] = np.nan
    got = rolling_median(values, 28, 7)
    for i in range(200):
        window = values[max(0, i - 14): i + 14]
        window = window[~np.isnan(window)]
        expected = np.median(window) if len(window) >= 7 else np.nan
        assert np.isclose(got[i], expected, equal_nan=True)
