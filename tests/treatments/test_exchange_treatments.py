"""Medications and events in the lossless exports: JSON sections and CSV companion files."""

import datetime as dt

import pytest

from journal.cli import main
from journal.domain import Entry
from journal.domain.medications import Dose, Event, Medication, MedicationDay
from journal.exchange import export_bytes, read_document
from journal.journal import Journal

START = dt.date(2026, 3, 1)
MEDS = (
    Medication("Duloxetine", START, doses=(Dose(START, 30, "mg"),
                                           Dose(dt.date(2026, 3, 15), 60, "mg")),
               schedule="once daily", reason="=back pain; nerves", notes="line one\nline two",
               stop=dt.date(2026, 6, 1),
               days=(MedicationDay(START, status="taken"),
                     MedicationDay(dt.date(2026, 3, 2), status="skipped"))),
    Medication("Paracetamol", dt.date(2026, 1, 1), doses=(Dose(dt.date(2026, 1, 1), 0.5, "g"),),
               as_needed=True,
               days=(MedicationDay(START, 2, ("08:30", "21:15")), MedicationDay(
                   dt.date(2026, 3, 5), 1))),
    Medication("Cream", START),  # no strength at all
)
EVENTS = (Event(START, "CBT course", dt.date(2026, 4, 30), "weekly, Tuesdays"),
          Event(dt.date(2026, 3, 10), "flare-up"), Event(dt.date(2026, 3, 10), "-moved house"))


@pytest.fixture
def journal(db_path):
    opened = Journal.open(db_path, write=True, create=True)
    opened.save_day(Entry(START, pain=5))
    for med in MEDS:
        opened.change_treatments("add_medication", med)
    for event in EVENTS:
        opened.change_treatments("add_event", event)
    yield opened
    opened.close()


def _sorted(document):
    return (document.days, sorted(document.medications, key=lambda m: m.key),
            sorted(document.events, key=lambda e: e.key))


def test_json_sections_round_trip_exactly_and_byte_for_byte(journal):
    data = journal.export("json")
    assert b'"medications": [\n' in data and b'"events": [\n' in data
    document = read_document(data, "json")
    assert _sorted(document) == _sorted(journal.document())
    assert export_bytes(document, "json") == data


def test_an_import_into_another_journal_brings_the_treatments_and_one_undo_removes_them(
        journal, tmp_path):
    with Journal.open(tmp_path / "other.db", write=True, create=True) as other:
        edit = other.write_import(other.plan_import(read_document(journal.export("json"),
                                                                  "json")))
        assert edit.changes.treatments
        assert _sorted(other.document()) == _sorted(journal.document())
        other.apply(edit.before)
        assert other.medications() == [] and other.events() == []


def test_csv_export_writes_a_companion_file_per_section_and_imports_them_back(
        journal, db_path, tmp_path, capsys):
    journal.close()
    out = tmp_path / "export" / "mine.csv"
    out.parent.mkdir()
    assert main(["--db", str(db_path), "export", "--format", "csv", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.parent.iterdir()) == [
        "mine.csv", "mine.events.csv", "mine.medications.csv"]
    text = (out.parent / "mine.medications.csv").read_text("utf-8-sig")
    assert text.splitlines()[0] == ("name,strength,unit,as_needed,schedule,reason,notes,start,"
                                    "stop,changes,doses")
    assert "2026-03-01 30 mg; 2026-03-15 60 mg" in text and "'=back pain" in text
    other = tmp_path / "other.db"
    assert main(["--db", str(other), "import", str(out)]) == 0
    with Journal.open(db_path) as before, Journal.open(other) as after:
        assert _sorted(after.document()) == _sorted(before.document())


def test_a_bad_companion_file_names_itself_and_its_line_and_nothing_is_imported(
        journal, db_path, tmp_path, capsys):
    journal.close()
    out = tmp_path / "mine.csv"
    main(["--db", str(db_path), "export", "-o", str(out)])
    events = tmp_path / "mine.events.csv"
    events.write_text(events.read_text("utf-8-sig") + "2026-02-30,,injury,\r\n", "utf-8")
    capsys.readouterr()
    other = tmp_path / "other.db"
    assert main(["--db", str(other), "import", str(out)]) == 1
    err = capsys.readouterr().err
    assert "mine.events.csv" in err and "line 5" in err and "Nothing was imported" in err
    assert not other.exists() or Journal.open(other).count() == 0
