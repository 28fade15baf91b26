"""The treatments' command line: every command with --json; bad input exits 2, writes nothing."""

import json

import pytest


def _contents(path):
    import sqlite3

    with sqlite3.connect(path) as conn:
        return [conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in ("medications", "medication_doses", "medication_days", "events")]


def test_med_commands_and_their_json(run):
    assert run("med", "add", "Duloxetine", "--strength", "30", "--unit", "mg",
               "--schedule", "once daily", "--start", "2026-03-01", "--reason", "back pain")[0] == 0
    assert run("med", "dose", "duloxetine", "--date", "2026-03-15", "--strength", "60")[0] == 0
    assert run("med", "add", "Paracetamol", "--strength", "500", "--unit", "mg",
               "--as-needed", "--start", "2026-01-01")[0] == 0
    assert run("med", "took", "Paracetamol", "--date", "2026-03-20", "--count", "2")[1] == \
        "Paracetamol: 2 doses on 2026-03-20.\n"
    assert run("med", "stop", "Duloxetine", "--date", "2026-06-01")[0] == 0
    code, out, _ = run("med", "list", "--json")
    assert code == 0
    listed = {m["name"]: m for m in json.loads(out)}
    dulox = listed["Duloxetine"]
    assert {k: dulox[k] for k in ("strength", "unit", "as_needed", "start", "stop")} == {
        "strength": 60, "unit": "mg", "as_needed": False, "start": "2026-03-01",
        "stop": "2026-06-01"}
    assert dulox["changes"] == [{"date": "2026-03-01", "strength": 30, "unit": "mg"},
                                {"date": "2026-03-15", "strength": 60, "unit": "mg"}]
    assert listed["Paracetamol"]["doses"] == [
        {"date": "2026-03-20", "count": 2, "times": [], "status": None}]
    on = json.loads(run("med", "list", "--on", "2026-03-10", "--json")[1])
    assert [(m["name"], m["strength"]) for m in on] == [("Paracetamol", 500), ("Duloxetine", 30)]
    assert json.loads(run("med", "list", "--on", "2026-07-01", "--json")[1])[0]["name"] == \
        "Paracetamol"


def test_event_commands_and_their_json(run):
    assert run("event", "add", "--date", "2026-03-01", "--until", "2026-04-30", "--kind",
               "cbt course", "--note", "weekly")[0] == 0
    assert run("event", "add", "--date", "2026-03-10", "--kind", "flare-up")[0] == 0
    code, out, _ = run("event", "list", "--json")
    assert code == 0 and json.loads(out) == [
        {"date": "2026-03-01", "until": "2026-04-30", "kind": "CBT course", "note": "weekly"},
        {"date": "2026-03-10", "until": None, "kind": "flare-up", "note": None}]


def test_before_after_json_keys_and_insufficient_data(run):
    for day in range(1, 11):
        run("add", "--date", f"2026-03-{day:02d}", "--pain", "5")
    code, out, _ = run("before-after", "--date", "2026-03-11", "--json")
    result = json.loads(out)
    assert code == 0 and result["status"] == "insufficient"
    assert result["change"] is None and result["ci95"] is None
    assert result["before"] == {"days": 28, "mean": 5.0, "n": 10}
    assert "no estimate" in result["summary"]


@pytest.mark.parametrize(("args", "field"), [
    (("med", "add", "X", "--strength", "-5", "--start", "2026-03-01"), "Strength"),
    (("med", "add", "X", "--unit", "spoons", "--start", "2026-03-01"), "Unit"),
    (("med", "add", "X", "--start", "2026-02-30"), "Start date"),
    (("med", "add", "X", "--start", "2026-03-01", "--as-needed", "--schedule", "daily"),
     "Schedule"),
    (("med", "add", "duloxetine", "--start", "2026-03-05"), "Medication name"),
    (("med", "dose", "Nothing", "--date", "2026-03-05", "--strength", "5"), "Medication name"),
    (("med", "dose", "Duloxetine", "--date", "2026-02-05", "--strength", "5"), "Date"),
    (("med", "stop", "Duloxetine", "--date", "2026-02-01"), "Date"),
    (("med", "took", "Duloxetine", "--time", "9 am"), "Time"),
    (("med", "took", "Duloxetine", "--count", "0"), "--count"),
    (("event", "add", "--date", "2026-03-05", "--kind", " "), "Event kind"),
    (("event", "add", "--date", "2026-03-05", "--until", "2026-03-01", "--kind", "x"), "Until"),
    (("before-after", "--date", "2026-03-05", "--measure", "weight"), "--measure"),
    (("med", "list", "--on", "yesterday"), "On"),
])
def test_bad_input_exits_2_with_one_line_naming_the_field_and_writes_nothing(run, db_path, args,
                                                                              field):
    run("med", "add", "Duloxetine", "--strength", "30", "--unit", "mg", "--start", "2026-03-01")
    before = _contents(db_path)
    code, out, err = run(*args)
    assert code == 2, err
    assert out == "" and err.count("\n") == 1 and field in err, err
    assert _contents(db_path) == before
