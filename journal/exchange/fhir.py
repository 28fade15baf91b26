"""A machine-readable companion for a clinic's systems: a FHIR R4 Bundle of Observations.

One Observation per recorded value per day. Pain uses LOINC 72514-3 and sleep LOINC 93832-4,
exercise minutes LOINC 55411-3; measures without a LOINC term (mood has none, for instance)
use this app's own code system with the measure's words as text. Notes and tags stay out: the
bundle carries numbers only. Every measure of the registry is included as it is added.
Written as plain JSON (the app needs no FHIR library); the tests validate it with
``fhir.resources``.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

from journal.domain import MEASURES, Entry, Measure
from journal.exchange.document import JournalDocument

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
#: This app's own codes, for measures no LOINC term covers: the measure's key is the code.
LOCAL = "urn:x-pain-mood-journal:diary"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
#: measure key -> (LOINC code, LOINC display) where a LOINC term exists.
LOINC_CODES = {
    "pain": ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
    "sleep_hours": ("93832-4", "Sleep duration"),
}
EXERCISE = ("55411-3", "Exercise duration")
#: Stable ids: the same day and measure always get the same fullUrl.
NAMESPACE = uuid.UUID("6f1c1d0e-5a8e-4f7b-9a51-7a3f2b9c4e10")


def dump_fhir(document: JournalDocument, *, now: dt.datetime | None = None) -> str:
    """The document's days as a FHIR R4 ``collection`` Bundle, as JSON text."""
    stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    entries = [observation for day in document.days for observation in _observations(day)]
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": stamp.isoformat().replace("+00:00", "Z"),
        "entry": [{"fullUrl": f"urn:uuid:{uuid.uuid5(NAMESPACE, o['id'])}", "resource": o}
                  for o in entries],
    }
    return json.dumps(bundle, ensure_ascii=False, indent=1) + "\n"


def _observations(day: Entry) -> list[dict]:
    found = []
    for measure in MEASURES:
        value = getattr(day, measure.key)
        if value is not None:
            found.append(_observation(day.date, measure.key, _code(measure),
                                      _value(measure, value), _category(measure)))
    if day.activity_minutes is not None:
        found.append(_observation(
            day.date, "activity_minutes",
            {"coding": [{"system": LOINC, "code": EXERCISE[0], "display": EXERCISE[1]}],
             "text": "Physical activity that day (minutes)"},
            {"valueQuantity": _quantity(day.activity_minutes, "min")}, "activity"))
    return found


def _observation(date: dt.date, key: str, code: dict, value: dict, category: str) -> dict:
    return {
        "resourceType": "Observation",
        "id": f"{key.replace('_', '-')}-{date.isoformat()}",
        "status": "final",
        "category": [{"coding": [{"system": CATEGORY, "code": category}]}],
        "code": code,
        "effectiveDateTime": date.isoformat(),
        **value,
    }


def _code(measure: Measure) -> dict:
    words = f"{measure.label} ({measure.words})" if measure.scale else measure.label
    if measure.key in LOINC_CODES:
        code, display = LOINC_CODES[measure.key]
        return {"coding": [{"system": LOINC, "code": code, "display": display}], "text": words}
    return {"coding": [{"system": LOCAL, "code": measure.key, "display": measure.label}],
            "text": words}


def _value(measure: Measure, value: float) -> dict:
    if measure.scale is None:  # sleep: hours
        return {"valueQuantity": _quantity(value, "h")}
    return {"valueInteger": int(value)}


def _quantity(value: float, unit: str) -> dict:
    return {"value": value, "unit": unit, "system": UCUM, "code": unit}


def _category(measure: Measure) -> str:
    return "activity" if measure.key == "sleep_hours" else "survey"
