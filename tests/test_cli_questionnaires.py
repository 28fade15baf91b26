"""The questionnaire commands: every total's band through --json, refusals, delete."""

import datetime as dt
import json

import pytest

from journal.cli import main

PHQ9_BANDS = {**dict.fromkeys(range(0, 5), "none-minimal"), **dict.fromkeys(range(5, 10), "mild"),
              **dict.fromkeys(range(10, 15), "moderate"),
              **dict.fromkeys(range(15, 20), "moderately severe"),
              **dict.fromkeys(range(20, 28), "severe")}
GAD7_BANDS = {**dict.fromkeys(range(0, 5), "minimal"), **dict.fromkeys(range(5, 10), "mild"),
              **dict.fromkeys(range(10, 15), "moderate"), **dict.fromkeys(range(15, 22), "severe")}


@pytest.fixture
def run(capsys, db_path):
    def run(*args):
        code = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        return code, out, err
    return run


def answers_for(total, items):
    """Answers 0-3 adding up to *total*, filled from the first item."""
    answers = [0] * items
    for i in range(total):
        answers[i % items] += 1
    return ",".join(map(str, answers))


@pytest.mark.parametrize(("key", "items", "bands"), [("phq9", 9, PHQ9_BANDS),
                                                     ("gad7", 7, GAD7_BANDS)])
def test_every_total_maps_to_its_published_band_through_json(run, key, items, bands):
    start = dt.date(2024, 1, 1)
    for total in bands:
        date = (start + dt.timedelta(days=total)).isoformat()
        code, _, _ = run("questionnaire", key, "--answers", answers_for(total, items),
                         "--difficulty", "3", "--date", date)
        assert code == 0
    code, out, _ = run("questionnaires", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == len(bands)
    for record in listed:
        total = (dt.date.fromisoformat(record["date"]) - start).days
        assert record["instrument"] == key
        assert record["total"] == total  # the difficulty (3) is never added
        assert record["band"] == bands[total]
        assert sum(record["answers"]) == total and record["difficulty"] == 3
        assert ("item9_positive" in record) is (key == "phq9")


def test_item9_is_flagged_in_json_and_the_crisis_contacts_are_printed(run):
    code, out, err = run("questionnaire", "phq9", "--answers", "0,0,0,0,0,0,0,0,2",
                         "--date", "2026-03-01")
    assert code == 0 and "PHQ-9 2, none–minimal" in out
    assert "988" in err and "116 123" in err and "does not tell anyone" in err
    _, out, _ = run("questionnaires", "list", "--json")
    assert json.loads(out)[0]["item9_positive"] is True
    _, _, err = run("questionnaire", "phq9", "--answers", "3,3,3,3,3,3,3,3,0",
                    "--date", "2026-03-02")
    assert err == ""


@pytest.mark.parametrize(("args", "says"), [
    (("phq9", "--answers", "1,1,1,1,1,1,1,1"), "Answers: \"1,1,1,1,1,1,1,1\" is not accepted; "
                                               "expected 9 answers for the 9 items of PHQ-9 "
                                               "(item 9 has no answer)"),
    (("phq9", "--answers", "1,1,1,1,1,1,1,1,1,1"), "(there is no item 10)"),
    (("phq9", "--answers", "1,1,1,1,4,1,1,1,1"), "PHQ-9 item 5: \"4\" is not accepted; "
                                                 "expected a whole number from 0 to 3."),
    (("gad7", "--answers", "0,0,-1,0,0,0,0"), "GAD-7 item 3: \"-1\""),
    (("gad7", "--answers", "0,0,0,0,0,0,x"), "GAD-7 item 7: \"x\""),
    (("gad7", "--answers", "0,0,0,0,0,0,0", "--difficulty", "4"), "Difficulty: \"4\""),
    (("gad7", "--answers", "0,0,0,0,0,0,0", "--date", "2026-02-30"), "Date"),
])
def test_bad_answers_exit_2_with_one_line_naming_the_item_and_nothing_is_written(
        run, db_path, args, says):
    code, out, err = run("questionnaire", *args)
    assert code == 2 and out == ""
    assert says in err and err.count("\n") == 1 and "Nothing was written" in err
    assert not db_path.exists()


def test_taking_again_the_same_day_replaces_and_delete_removes(run):
    run("questionnaire", "gad7", "--answers", "3,3,3,3,3,3,3", "--date", "2026-03-01")
    code, out, _ = run("questionnaire", "gad7", "--answers", "1,1,1,1,1,1,1",
                       "--date", "2026-03-15")
    assert out == ("Saved the GAD-7 of 2026-03-15: GAD-7 7, mild; 14 points lower than on "
                   "1 March, a change clinicians consider meaningful.\n")
    run("questionnaire", "gad7", "--answers", "0,0,0,0,0,0,0", "--date", "2026-03-15")
    _, out, _ = run("questionnaires", "list")
    assert out.splitlines()[1].startswith("2026-03-15  GAD-7   0  minimal")
    assert len(out.splitlines()) == 2
    assert run("questionnaire", "delete", "gad7", "--date", "2026-03-15")[:2] == (
        0, "Deleted the GAD-7 of 2026-03-15.\n")
    code, _, err = run("questionnaire", "delete", "gad7", "--date", "2026-03-15")
    assert code == 1 and "No GAD-7 on 2026-03-15; nothing was deleted." in err
    code, _, err = run("questionnaire", "delete", "bpi", "--date", "2026-03-15")
    assert code == 2 and "'bpi' is not one of 'phq9', 'gad7'" in err


def test_an_empty_list(run):
    run("add", "--pain", "3")
    assert run("questionnaires", "list") == (0, "No questionnaires taken yet.\n", "")
    assert run("questionnaires", "list", "--json")[1] == "[]\n"
