"""`export --format fhir`: a FHIR R4 Bundle a clinic's system accepts, numbers only."""

import datetime as dt
import json

import pytest

from journal.cli import main
from journal.demo import demo_entries
from journal.domain import Activity, Entry
from journal.storage import EntryStore, open_database

R4B = pytest.importorskip("fhir.resources.R4B.bundle")


@pytest.fixture
def journal(db_path):
    db = open_database(db_path)
    EntryStore(db).save_many([
        *demo_entries(20, seed=5, end=dt.date(2026, 5, 31)),
        Entry(dt.date(2026, 6, 1), pain=7, mood=3, sleep_hours=6.25,
              activities=(Activity("walking", 25), Activity("yoga", 20)),
              tags=("flare",), notes="private words"),
    ])
    db.close()
    return db_path


def export_fhir(journal, tmp_path, umask=None):
    out = tmp_path / "visit.fhir.json"
    assert main(["--db", str(journal), "export", "--format", "fhir", "-o", str(out)]) == 0
    return out


def test_the_export_validates_as_a_fhir_r4_bundle_of_observations(journal, tmp_path):
    out = export_fhir(journal, tmp_path)
    bundle = R4B.Bundle.model_validate_json(out.read_bytes())  # raises on any invalid field
    assert bundle.type == "collection"
    kinds = {e.resource.__resource_type__ for e in bundle.entry}
    assert kinds == {"Observation"}


def test_values_carry_loinc_codes_and_units_and_leave_notes_out(journal, tmp_path):
    data = json.loads(export_fhir(journal, tmp_path).read_text(encoding="utf-8"))
    day = [e["resource"] for e in data["entry"]
           if e["resource"]["effectiveDateTime"] == "2026-06-01"]
    by_code = {o["code"]["coding"][0]["code"]: o for o in day}
    assert by_code["72514-3"]["valueInteger"] == 7  # pain, LOINC
    assert by_code["93832-4"]["valueQuantity"] == {"value": 6.25, "unit": "h",
                                                  "system": "http://unitsofmeasure.org",
                                                  "code": "h"}
    assert by_code["55411-3"]["valueQuantity"]["value"] == 45  # exercise minutes that day
    assert by_code["mood"]["code"]["coding"][0]["system"] == "urn:x-pain-mood-journal:diary"
    assert "very low" in by_code["mood"]["code"]["text"]  # the scale's words travel with it
    text = json.dumps(data)
    assert "private words" not in text and "flare" not in text
    assert len({e["fullUrl"] for e in data["entry"]}) == len(data["entry"])


def test_the_fhir_file_is_private_under_any_umask(journal, tmp_path, umask_000):
    assert export_fhir(journal, tmp_path).stat().st_mode & 0o777 == 0o600
