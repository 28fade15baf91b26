"""`insights` and `chart` on the command line."""

import datetime as dt
import json

import pytest

from journal.charts.catalog import KINDS
from journal.cli import cli, main


@pytest.fixture
def run(capsysbinary, db_path):
    def run(*args):
        code = main(["--db", str(db_path), *args])
        out, err = capsysbinary.readouterr()
        return code, out.decode(), err.decode()
    return run


def test_demo_year_insights_json_report_the_planted_sleep_pain_link(run):
    run("demo", "--days", "365")
    code, out, _ = run("insights", "--json")
    data = json.loads(out)
    assert code == 0 and 280 < data["days_logged"] <= 365
    assert set(data["period"]) == {"from", "to"}
    sleep_pain = data["pairs"][0]
    assert (sleep_pain["x"], sleep_pain["y"], sleep_pain["lag_days"]) == ("sleep_hours", "pain", 0)
    assert sleep_pain["status"] == "ok" and sleep_pain["q"] < 0.05 and sleep_pain["rho"] < 0
    low, high = sleep_pain["ci95"]
    assert low < sleep_pain["rho"] < high < 0
    assert sleep_pain["n"] >= sleep_pain["n_effective"] >= 4
    assert "your pain averaged" in sleep_pain["summary"]
    for key in ("n", "n_effective", "rho", "ci95", "p", "q", "status", "summary"):
        assert key in sleep_pain


def test_insights_text_names_the_period_and_says_association_not_cause(run):
    run("demo", "--days", "90")
    code, out, _ = run("insights", "--from", "2000-01-01")
    assert code == 0 and out.startswith("Insights for 1 Jan 2000")
    assert "not proof of cause" in out and "significant" not in out.lower()


def test_a_period_longer_than_a_year_is_compared_on_its_last_year_and_says_so(run):
    run("demo", "--days", "500")
    data = json.loads(run("insights", "--json")[1])
    first, last = (dt.date.fromisoformat(data["period"][k]) for k in ("from", "to"))
    assert (last - first).days > 365
    since, until = (dt.date.fromisoformat(data["compared"][k]) for k in ("from", "to"))
    assert until <= last and since == until - dt.timedelta(days=364)  # ends on the last entry
    assert data["compared"]["days_logged"] < data["days_logged"]
    assert all(p["n"] <= 365 for p in data["pairs"])
    text = " ".join(run("insights")[1].split())
    assert "Only your last 365 days with entries are compared here" in text


def test_a_short_journal_gives_the_same_insights_for_all_days_and_the_last_year(run):
    """Days before the first entry are not compared (they cost the weekday parts nothing)."""
    run("demo", "--days", "100")
    everything = json.loads(run("insights", "--json")[1])
    last_year = json.loads(run("insights", "--json", "--period", "365")[1])
    assert everything["pairs"] == last_year["pairs"]
    assert everything["compared"] == last_year["compared"]
    assert "Only your last" not in run("insights", "--period", "365")[1]


def test_a_journal_silent_for_the_last_year_is_compared_on_its_last_year_with_entries(run):
    for day in range(1, 61):  # 60 days in early 2024, nothing since
        date = dt.date(2024, 1, 1) + dt.timedelta(days=day)
        run("add", "--date", date.isoformat(), "--pain", str(day % 7), "--mood",
            str(9 - day % 5), "--sleep", str(6 + day % 3))
    data = json.loads(run("insights", "--json", "--from", "2023-01-01")[1])
    assert data["compared"] == {"from": "2024-01-02", "to": "2024-03-01", "days_logged": 60}
    assert {p["status"] for p in data["pairs"]} != {"insufficient"}


def test_insights_on_too_few_days_say_so(run):
    run("add", "--date", "2026-01-01", "--pain", "4", "--sleep", "7")
    data = json.loads(run("insights", "--json", "--from", "2026-01-01", "--to", "2026-01-10")[1])
    assert data["days_logged"] == 1
    assert {p["status"] for p in data["pairs"]} == {"insufficient"}
    assert all(p["rho"] is None for p in data["pairs"])


def test_a_reversed_period_is_a_usage_error(run):
    run("add", "--date", "2026-01-01", "--pain", "4")
    code, _, err = run("insights", "--from", "2026-02-01", "--to", "2026-01-01")
    assert code == 2 and "first day on or before the last day" in err and "2026-02-01" in err


def test_the_chart_command_offers_exactly_the_charts_the_catalog_draws():
    offered = next(p for p in cli.commands["chart"].params if p.name == "kind")
    assert list(offered.type.choices) == list(KINDS)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_chart_kind_is_saved(run, tmp_path, kind):
    run("demo", "--days", "60")
    target = tmp_path / f"{kind}.svg"
    code, _, err = run("chart", kind, "-o", str(target))
    assert code == 0 and target.read_bytes().startswith(b"<?xml") and "Saved the" in err


def test_the_calendar_shows_the_measure_asked_for(run, tmp_path):
    run("add", "--date", "2026-01-01", "--pain", "8", "--mood", "2")
    run("add", "--date", "2026-01-02", "--pain", "3", "--mood", "7")
    drawn = {}
    for measure in ("pain", "mood"):
        target = tmp_path / f"{measure}.svg"
        code, _, _ = run("chart", "calendar", "--measure", measure, "--from", "2026-01-01",
                         "--to", "2026-01-31", "-o", str(target))
        assert code == 0
        drawn[measure] = target.read_text(encoding="utf-8")
    assert "Pain day by day" in drawn["pain"] and "Mood day by day" not in drawn["pain"]
    assert "Mood day by day" in drawn["mood"] and "Pain day by day" not in drawn["mood"]
    assert "0 = very low, 10 = very good" in drawn["mood"]  # the colour bar's words too


@pytest.mark.parametrize(("args", "words"), [(["trends", "-o", "chart.jpg"], ".png, .svg or .pdf"),
                                             (["pie", "-o", "chart.png"], "'pie' is not one of"),
                                             (["trends"], "Missing option '-o'")])
def test_bad_chart_requests_exit_2_with_one_line(run, tmp_path, args, words):
    run("add", "--date", "2026-01-01", "--pain", "4")
    code, _, err = run("chart", *args)
    assert code == 2 and words in err and err.count("\n") == 1
