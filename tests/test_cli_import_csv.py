"""``pain-journal import FILE --format csv``: a mapping once, then none for the same kind."""

import json

from journal.exchange.importers import any_csv

BODY = ("Activities\n"
        "Datum,Schmerz,Stimmung,Schlaf,Kommentar,Steps\n"
        '01-03-2024,6,4,"7,5",schlecht geschlafen,"1.351"\n'
        "02-03-2024,3,7,8,,2000\n"
        "13-03-2024,3,7,\"6,25\",,\n")


def test_a_new_kind_of_csv_gets_a_proposal_then_imports_with_it_and_next_time_alone(
        run, tmp_path, db_path):
    source = tmp_path / "diary.csv"
    source.write_text(BODY, encoding="utf-8")
    code, _, err = run("import", str(source), "--format", "csv")
    assert code == 2 and "needs a column mapping once" in err and "Nothing was imported" in err
    assert not db_path.exists()
    proposal = json.loads((tmp_path / "diary.mapping.json").read_text())
    assert proposal["columns"] == {"Datum": "date", "Schmerz": "pain", "Stimmung": "mood",
                                   "Schlaf": "sleep_hours", "Kommentar": "notes",
                                   "Steps": "steps"}
    assert proposal["date_format"] == "%d-%m-%Y" and proposal["decimal"] == ","
    code, out, _ = run("import", str(source), "--format", "csv", "--map",
                       str(tmp_path / "diary.mapping.json"))
    assert code == 0 and "Added 3 days" in out
    day = json.loads(run("show", "2024-03-01", "--json")[1])
    assert (day["pain"], day["mood"], day["sleep_hours"]) == (6, 4, 7.5)
    assert day["notes"] == "schlecht geschlafen\n\n1,351 steps"
    again = tmp_path / "diary-april.csv"
    again.write_text(BODY.replace("-03-", "-04-"), encoding="utf-8")
    code, out, _ = run("import", str(again), "--format", "csv")
    assert code == 0 and "Using the column mapping kept" in out and "Added 3 days" in out


def test_day_first_or_month_first_is_left_to_the_user_when_both_fit():
    assert any_csv.date_formats(["01-03-2018", "02-03-2018"]) == ["%d-%m-%Y", "%m-%d-%Y"]
    assert any_csv.date_formats(["01-03-2018", "13-03-2018"]) == ["%d-%m-%Y"]
    assert any_csv.propose(b"date,pain\n01-03-2018,3\n")["date_format"] is None


def test_a_bad_mapping_names_the_problem(run, tmp_path):
    source = tmp_path / "d.csv"
    source.write_text(BODY, encoding="utf-8")
    bad = tmp_path / "map.json"
    bad.write_text('{"columns": {"Datum": "date", "Schmerz": "agony"}, "date_format": '
                   '"%d-%m-%Y"}', encoding="utf-8")
    code, _, err = run("import", str(source), "--format", "csv", "--map", str(bad))
    assert code == 2 and '"Schmerz" is mapped to "agony"' in err
