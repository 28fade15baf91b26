"""``pain-journal import`` with other apps' exports: detection, moods, conflicts, refusals."""

import json

import pytest

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def _snapshot(path):
    return path.read_bytes() if path.exists() else None


def _daylio(tmp_path, rows):
    path = tmp_path / "daylio_export.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_detected_format_is_named_and_the_days_are_imported(run, tmp_path):
    path = _daylio(tmp_path, ['2024-03-02,2 March,Saturday,10:00,rad,"walk","",""\n'])
    code, out, _ = run("import", str(path))
    assert code == 0
    assert out.splitlines()[0] == "Detected format: Daylio CSV (daylio)."
    assert "Added 1 day" in out
    day = json.loads(run("show", "2024-03-02", "--json")[1])
    assert (day["mood"], day["tags"]) == (10, ["walk"])


def test_unmapped_moods_are_all_named_and_nothing_is_written(run, tmp_path, db_path):
    run("add", "--date", "2024-01-01", "--pain", "5")
    before = _snapshot(db_path)
    path = _daylio(tmp_path, ['2024-03-02,2 March,Saturday,10:00,okay,"","",""\n',
                              '2024-03-01,1 March,Friday,10:00,Tired,"","",""\n',
                              '2024-03-01,1 March,Friday,09:00,okay,"","",""\n'])
    code, _, err = run("import", str(path), "--format", "daylio")
    assert code == 2 and err.count("\n") == 1
    assert '"okay" (2x), "Tired" (1x)' in err and "--mood-map" in err and "Nothing was" in err
    assert _snapshot(db_path) == before
    code, out, _ = run("import", str(path), "--mood-map", "okay=6,tired=3")
    assert code == 0 and "Added 2 days" in out


def test_on_conflict_fill_keeps_the_journals_values_and_fills_empty_fields(run, tmp_path):
    run("add", "--date", "2024-03-02", "--pain", "5", "--mood", "2")
    run("add", "--date", "2024-03-01", "--pain", "4")
    path = _daylio(tmp_path, ['2024-03-02,2 March,Saturday,10:00,rad,"walk","",""\n',
                              '2024-03-01,1 March,Friday,10:00,rad,"","",""\n'])
    code, out, _ = run("import", str(path), "--dry-run")
    assert "Would add 0 days, change 2 days" in out and "Nothing was written" in out
    assert json.loads(run("show", "2024-03-01", "--json")[1])["mood"] is None
    assert run("import", str(path))[0] == 0
    days = {d["date"]: d for d in json.loads(run("list", "--json")[1])}
    assert (days["2024-03-02"]["mood"], days["2024-03-02"]["tags"]) == (2, ["walk"])
    assert (days["2024-03-01"]["pain"], days["2024-03-01"]["mood"]) == (4, 10)
    run("import", str(path), "--on-conflict", "replace")
    assert json.loads(run("show", "2024-03-02", "--json")[1])["mood"] == 10


def test_on_conflict_keep_skips_dates_already_there(run, tmp_path):
    run("add", "--date", "2024-03-02", "--pain", "5")
    path = _daylio(tmp_path, ['2024-03-02,2 March,Saturday,10:00,rad,"","",""\n'])
    code, out, _ = run("import", str(path), "--on-conflict", "keep")
    assert code == 0 and "skipped 1 day" in out
    assert json.loads(run("show", "2024-03-02", "--json")[1])["mood"] is None


@pytest.mark.parametrize(("body", "words"), [
    ("colour,size\nred,3\n", "the format is not recognised"),
    (HEADER + '2024-03-02,2 March,Saturday,10:00,rad,"","",""\nnot-a-date,x,y,10:00,rad,"","",'
     '""\n', "line 3"),
], ids=["unknown", "malformed"])
def test_an_unknown_or_malformed_file_exits_2_and_changes_nothing(run, tmp_path, db_path, body,
                                                                  words):
    run("add", "--date", "2024-01-01", "--pain", "5")
    before = _snapshot(db_path)
    path = tmp_path / "file.csv"
    path.write_text(body, encoding="utf-8")
    code, _, err = run("import", str(path))
    assert code == 2 and words in err and "Nothing was imported" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert _snapshot(db_path) == before


def test_a_bad_mood_map_exits_2(run, tmp_path):
    path = _daylio(tmp_path, ['2024-03-02,2 March,Saturday,10:00,rad,"","",""\n'])
    code, _, err = run("import", str(path), "--mood-map", "rad=11")
    assert code == 2 and "rad=11" in err


@pytest.mark.parametrize(("folder", "name", "label"), [
    ("apple_health", "export.xml", "Apple Health export (apple-health)"),
    ("fitbit", "sleep-2020-08-06.json", "Fitbit export (fitbit)"),
    ("imoodjournal", "iMoodJournal.csv", "iMoodJournal CSV (imoodjournal)"),
    ("bearable", "Bearable_Export_20210728.csv", "Bearable CSV (bearable)"),
])
def test_real_exports_are_detected_and_imported(run, folder, name, label):
    from tests.exchange.importers.conftest import sample_files

    paths = [p for p in sample_files(folder) if p.name.endswith(name)]
    if not paths:
        pytest.skip("the sample exports are not here")
    code, out, err = run("import", str(paths[0]))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"Detected format: {label}."
    assert "Added" in out.splitlines()[-1]
