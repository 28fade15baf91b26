"""The export is a document with one section per kind of data (format_version 2)."""

import json
from pathlib import Path

import pytest

from journal.exchange import ImportFileError, JournalDocument, export_bytes, read_document
from journal.storage import EntryStore, open_database

V1 = Path(__file__).parent / "data" / "v1-export-c48baa5.json"  # written by the app at c48baa5


def test_a_version_1_export_from_before_imports_unchanged(tmp_path):
    document = read_document(V1.read_bytes(), "json")
    assert len(document.days) == 13
    v1 = json.loads(V1.read_text())["days"]
    for day, record in zip(document.days, v1, strict=True):
        assert day.date.isoformat() == record["date"] and day.notes == record["notes"]
        assert day.pain == record["pain"] and day.pain_interference is None
        assert (day.created_at, day.updated_at) == (record["created_at"], record["updated_at"])
    db = open_database(tmp_path / "journal.db")
    EntryStore(db).save_many(document.days)
    again = export_bytes(JournalDocument(days=EntryStore(db).between()), "json")
    db.close()
    assert read_document(again, "json") == document  # nothing lost on the way to version 2


def test_a_version_2_round_trip_is_byte_identical(tmp_path):
    first = export_bytes(read_document(V1.read_bytes(), "json"), "json")
    assert first.startswith(b'{"app": "pain-journal", "format_version": 2, "days": [\n')
    assert export_bytes(read_document(first, "json"), "json") == first


@pytest.mark.parametrize(("body", "says"), [
    ('{"app": "pain-journal", "format_version": 2, "days": [], "sleep_diary": []}',
     "'sleep_diary'"),
    ('{"app": "bearable", "format_version": 2, "days": []}', "not a Pain & Mood Journal export"),
    ('{"app": "pain-journal", "format_version": 7, "days": []}', "made by a newer version"),
])
def test_what_this_version_cannot_read_is_named_and_nothing_is_imported(body, says):
    with pytest.raises(ImportFileError, match=says):
        read_document(body.encode(), "json")


def test_an_empty_journal_exports_an_empty_document():
    assert export_bytes(JournalDocument(), "json") == \
        b'{"app": "pain-journal", "format_version": 2, "days": []}\n'
    assert JournalDocument().counts() == {"days": 0, "medications": 0, "events": 0,
                                          "checkins": 0}


CHECKINS = ('{"app": "pain-journal", "format_version": 2, "days": [], "checkins": [\n'
            '{"instrument": "phq9", "date": "2026-03-01", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 1]}'
            ',\n{}\n]}')


@pytest.mark.parametrize(("record", "says"), [
    ('{"instrument": "phq9", "date": "2026-03-02", "answers": [0, 0, 0, 0, 0, 0, 0, 4, 1]}',
     "line 3: PHQ-9 item 8"),
    ('{"instrument": "gad7", "date": "2026-03-02", "answers": [0, 0, 0]}', "line 3: Answers"),
    ('{"instrument": "bpi", "date": "2026-03-02", "answers": []}', "line 3: Questionnaire"),
    ('{"instrument": "phq9", "date": "2026-03-02", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 1], '
     '"total": 5}', "line 3: Total"),
    ('{"instrument": "phq9", "date": "2026-03-01", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 0]}',
     "line 3: PHQ-9 of 2026-03-01 appears more than once"),
])
def test_a_bad_questionnaire_is_named_by_line_and_nothing_is_imported(record, says):
    with pytest.raises(ImportFileError, match=says):
        read_document(CHECKINS.replace("{}", record).encode(), "json")


def test_questionnaires_round_trip_byte_for_byte():
    body = CHECKINS.replace(",\n{}", "").encode()
    document = read_document(body, "json")
    assert document.checkins[0].safety_positive
    first = export_bytes(document, "json")
    assert b'"total": 1, "band": "none-minimal", "item9_positive": true' in first
    assert export_bytes(read_document(first, "json"), "json") == first
