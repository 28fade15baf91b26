"""Every real Daylio, Bearable and iMoodJournal export in the shared folder imports whole:
one journal day per distinct date of the file, counted here independently of the importers."""

import csv
import io

import pytest

from journal.exchange.importers import UnmappedMoodsError, detect, read_file
from tests.exchange.importers.conftest import sample_files


def _rows(path):
    text = path.read_bytes().decode("utf-8-sig")
    return [row for row in csv.reader(io.StringIO(text, newline="")) if any(row)]


def _daylio_dates(path):
    rows = _rows(path)
    if rows[0][0] == "year":
        return {(row[0], row[1]) for row in rows[1:]}
    return {row[0] for row in rows if row[0] != "full_date"}


def _read_daylio(path):
    try:
        return read_file(path, "daylio")
    except UnmappedMoodsError as error:  # a user's own moods: give each a score once
        return read_file(path, "daylio", mood_map={name: 5 for name in error.counts})


@pytest.mark.parametrize("path", sample_files("daylio"), ids=lambda p: p.name[:30])
def test_each_daylio_export_gives_one_day_per_distinct_date(path):
    assert detect(path) == "daylio"
    imported = _read_daylio(path)
    assert len(imported.days) == len(_daylio_dates(path))
    assert all(day.mood is not None for day in imported.days)


@pytest.mark.parametrize("path", sample_files("bearable"), ids=lambda p: p.name[:30])
def test_each_bearable_export_gives_one_day_per_distinct_date(path):
    assert detect(path) == "bearable"
    imported = read_file(path, "bearable")
    assert len(imported.days) == len({row[0] for row in _rows(path)[1:]})


@pytest.mark.parametrize("path", sample_files("imoodjournal", "*.csv"), ids=lambda p: p.name[:30])
def test_each_imoodjournal_export_gives_one_day_per_distinct_date(path):
    assert detect(path) == "imoodjournal"
    imported = read_file(path, "imoodjournal")
    assert len(imported.days) == len({row[0] for row in _rows(path)[1:]})
    assert imported.problems and "2 rows repeat an earlier row" in str(imported.problems[0])


def _daylio(name):
    paths = [p for p in sample_files("daylio") if p.name.startswith(name)]
    if not paths:
        pytest.skip("the sample exports are not here")
    return paths[0]


def test_custom_daylio_moods_are_all_named_before_anything_is_read():
    with pytest.raises(UnmappedMoodsError) as caught:
        read_file(_daylio("zhafen"), "daylio")
    assert caught.value.counts == {
        "okay": 423, "content": 284, "anxious": 79, "tired": 67, "frustrated": 40,
        "distracted": 10, "exhausted": 7, "beyond anxious": 6, "Angry": 5, "in pain": 2}


def test_polish_defaults_map_without_help_and_the_short_row_is_named():
    imported = read_file(_daylio("kplich"), "daylio")
    assert [str(p) for p in imported.problems] == ["line 11: 6 cells instead of 7; note left "
                                                   "empty."]
    by_date = {day.date.isoformat(): day for day in imported.days}
    assert by_date["2017-09-07"].mood == 8  # dobrze = good
    assert by_date["2017-09-05"].mood == 10  # wspaniale = rad
    assert by_date["2017-09-01"].mood == 0  # okropnie = awful


def test_spanish_file_without_header_uses_full_date_and_combines_a_day_by_the_mean():
    imported = read_file(_daylio("DavidCDCB"), "daylio", mood_map={
        "como siempre": 5, "sin animo": 3, "mal": 2, "ansioso": 3, "pos bien": 7, "motivado": 9,
        "una mierda": 0})
    by_date = {day.date.isoformat(): day for day in imported.days}
    assert by_date["2021-10-16"].mood == 2
    assert min(by_date) == "2020-12-31" and max(by_date) == "2021-10-16"


def test_old_header_builds_the_date_from_year_and_english_month_and_keeps_hebrew_notes():
    imported = read_file(_daylio("noamelf"), "daylio")
    by_date = {day.date.isoformat(): day for day in imported.days}
    assert by_date["2018-06-22"].mood == 2  # bad
    assert "Sick" in by_date["2018-06-19"].tags or any("Sick" in d.tags for d in imported.days)
    assert any(day.notes and "😁" in day.notes for day in imported.days)


def test_bearable_symptoms_count_as_pain_only_as_the_user_says():
    path = sample_files("bearable")[0] if sample_files("bearable") else None
    if path is None:
        pytest.skip("the sample exports are not here")
    default = {d.date.isoformat(): d for d in read_file(path, "bearable").days}
    chosen = {d.date.isoformat(): d for d in read_file(path, "bearable",
                                                        pain_symptoms=["Migraine"]).days}
    assert default["2020-09-22"].pain == 3 and default["2020-09-22"].worst_pain == 3  # headache
    assert chosen["2020-09-22"].pain is None and "Headache" in chosen["2020-09-22"].tags
    assert default["2021-05-10"].sleep_hours == 9.75


@pytest.mark.parametrize("path", sample_files("google_fit", "*.csv"), ids=lambda p: p.name[-30:])
def test_google_fit_daily_csv_imports_through_the_proposed_column_mapping(path):
    from journal.exchange.importers import any_csv

    assert detect(path) is None  # no app of its own: any CSV, with a mapping
    data = path.read_bytes()
    proposal = any_csv.propose(data)
    assert proposal["date_format"] == "%Y-%m-%d"
    assert "steps" in proposal["columns"].values()
    imported = any_csv.read(data, proposal)
    rows = _rows(path)
    used = [rows[0].index(name) for name, field in proposal["columns"].items() if field != "date"]
    expected = {row[0] for row in rows[1:] if any(row[i].strip() not in ("", "0", "0.0")
                                                 for i in used if i < len(row))}
    assert {day.date.isoformat() for day in imported.days} == expected
