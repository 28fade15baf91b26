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
        b'{"app": "pain-journal", "format_version": 2, "days": [], "medications": [], ' \
        b'"events": []}\n'
    assert JournalDocument().counts() == {"days": 0, "medications": 0, "events": 0}
