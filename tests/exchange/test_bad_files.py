import datetime as dt

import pytest

from journal.exchange import ImportFileError
from tests.helpers import read_days

HEADER = "date,pain,mood,sleep_hours,activities,tags,notes\n"
LONG = "9" * 5000  # more digits than int() converts


@pytest.mark.parametrize(("body", "line", "words"), [
    (HEADER + "2026-01-01,5,5,7,,,\n2026-01-02,11,5,7,,,\n", 3, "Pain"),
    (HEADER + "2026-01-01,5,5,7,,,\n2026-02-30,1,5,7,,,\n", 3, "Date"),
    (HEADER + '2026-01-01,5,5,7,,,"a\nb"\n2026-01-02,5,5,25,,,\n', 4, "Sleep hours"),
    (HEADER + "2026-01-01,5,5,7,walking:-5,,\n", 2, "Activity minutes"),
    (HEADER + "2026-01-01,5,5,7,,,\n2026-01-01,4,5,7,,,\n", 3, "more than once"),
    (HEADER + "2026-01-01,5,5\n", 2, "expected 7 cells"),
    ("date,pain,colour\n2026-01-01,5,red\n", 1, 'unknown column "colour"'),
    ("pain,mood\n5,5\n", 1, 'no "date" column'),
    ("", 1, "empty"),
    ('date,pain\n2026-01-01,"5\n', 2, "malformed"),
    ("date,activity_minutes,activities\n2026-01-01,45,walking:30\n", 2, "total of the activities"),
    ("date,activity_minutes\n2026-01-01,45\n", 2,
     'Activity minutes: "45" is not accepted; expected a blank, as no activities are given.'),
    ("date,activity_minutes,activities\r\n2024-02-01,²,walking:2\r\n", 2,
     'Activity minutes: "²" is not accepted; expected the total'),
    ("date,activity_minutes,activities\n2024-02-01,0,none\n2024-02-02," + LONG + ",none\n", 3,
     "Activity minutes"),
    ("date,pain\n2024-02-01,²\n", 2, 'Pain: "²" is not accepted'),
    ("date,pain\n2024-02-01," + LONG + "\n", 2, "Pain"),
    ("date,sleep_hours\n2024-02-01," + LONG + ":00\n", 2, "Sleep hours"),
    ("date,activities\n2024-02-01,walking:" + LONG + "\n", 2, "Activity minutes"),
    ("date,created_at\n2024-02-01,２０２４-02-01T10:00:00Z\n", 2, "Created at"),
    ("date,activities\n2024-02-01,walking:60\n2024-02-02," + "; ".join(["walking:1440"] * 5)
     + "\n", 3, 'Activity minutes: "7200" is not accepted; expected a total of at most 1440'),
    ("date,activities\n2024-02-01," + "; ".join(["walking:1"] * 2000) + "\n", 2,
     'Activity: "2000 activities" is not accepted; expected at most 50'),
])
def test_bad_csv_names_the_line_and_the_problem(body, line, words):
    with pytest.raises(ImportFileError) as caught:
        read_days(body.encode(), "csv")
    assert caught.value.line == line
    assert words in str(caught.value)


@pytest.mark.parametrize(("body", "line", "words"), [
    ('{"app": "pain-journal", "format_version": 1, "days": [\n{"date": "2026-01-01"},\n'
     '{"date": "2026-01-02", "mood": 12}\n]}', 3, "Mood"),
    ('{"format_version": 1, "days": [\n{"date": "2026-01-01", "pain": "5"}]}', 2, "Pain"),
    ('{"format_version": 1, "days": [\n{"date": "2026-01-01", "colour": "red"}]}', 2, "colour"),
    ('{"format_version": 1, "days": [\n{"date": "2026-01-01",\n "activities": [{"kind": "x"}]}]}',
     2, "Activity"),
    ('{"format_version": 1, "days": [\n{"date": "2026-01-01"},\n{"date": "2026-01-01"}]}', 3,
     "more than once"),
    ('{"format_version": 3, "days": []}', 1, "not supported"),
    ('{"format_version": 1, "days": [\n{"date": "2026-01-01",,}]}', 2, "not valid JSON"),
    ("[1, 2, 3]", 1, "expected a Pain & Mood Journal JSON export"),
    ('{"format_version": 1, "days": [\n{"date": "2024-02-01"},\n{"date": "2024-02-02", "pain": '
     + LONG + "}]}", 3, 'Pain: "99999'),
    ('{"format_version": 1, "days": [\n{"date": "2024-02-01", "activities": [{"kind": "walking", '
     '"minutes": -' + LONG + "}]}]}", 2, "Activity minutes"),
    ('{"format_version": 1, "days": [\n{"date": "2024-02-01", "notes": ' + LONG + "}]}", 2,
     "Notes"),
    ('{"format_version": 1, "days": [\n{"date": "2024-02-01", "activities": ['
     + ", ".join(['{"kind": "walking", "minutes": 1440}'] * 5) + "]}]}", 2,
     'Activity minutes: "7200" is not accepted'),
])
def test_bad_json_names_the_line_and_the_problem(body, line, words):
    with pytest.raises(ImportFileError) as caught:
        read_days(body.encode(), "json")
    assert caught.value.line == line
    assert words in str(caught.value)


def test_a_file_that_is_not_utf8_is_refused_with_its_line():
    data = "date,notes\n2026-01-01,ok\n2026-01-02,café\n".encode("latin-1")
    with pytest.raises(ImportFileError, match="not UTF-8") as caught:
        read_days(data, "csv")
    assert caught.value.line == 3


def test_binary_data_is_refused():
    with pytest.raises(ImportFileError, match="binary"):
        read_days(b"date,pain\n2026-01-01,\x00\x00\n", "csv")


@pytest.mark.parametrize(("body", "fmt", "line"), [
    ("date,pain\n2026-12-03,5\n2026-12-04,5\n", "csv", 3),
    ("date,pain\n2100-12-31,5\n", "csv", 2),
    ('{"format_version": 1, "days": [\n{"date": "2026-12-03"},\n{"date": "2026-12-04"}]}', "json",
     3),
])
def test_a_day_that_has_not_begun_anywhere_is_refused_with_its_line(body, fmt, line):
    with pytest.raises(ImportFileError) as caught:
        read_days(body.encode(), fmt, latest=dt.date(2026, 12, 3))
    assert caught.value.line == line
    assert "is not accepted; expected 2026-12-03 or an earlier date" in str(caught.value)


def test_the_latest_day_that_has_begun_is_imported():
    days = read_days(b"date,pain\n2026-12-03,5\n", "csv", latest=dt.date(2026, 12, 3))
    assert [d.date for d in days] == [dt.date(2026, 12, 3)]
