"""One questionnaire check-in as a plain record: the shape of the JSON export's ``checkins``
section and of ``questionnaires list --json``.

    {"instrument": "phq9", "date": "2026-03-01", "answers": [1, 0, 2, 1, 0, 1, 0, 0, 1],
     "difficulty": 1, "total": 6, "band": "mild", "item9_positive": true,
     "created_at": "...", "updated_at": "..."}

``total``, ``band`` and (PHQ-9 only) ``item9_positive`` are worked out from the answers;
a file may leave them out, and when it gives them they must agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from journal.domain import ValidationError
from journal.domain.dates import check_begun
from journal.domain.parse import parse_date
from journal.domain.questionnaires import Checkin, instrument
from journal.exchange.records import parse_timestamp

CHECKIN_KEYS = ("instrument", "date", "answers", "difficulty", "total", "band", "item9_positive",
                "created_at", "updated_at")
_DERIVED = ("total", "band", "item9_positive")


def checkin_record(checkin: Checkin) -> dict[str, object]:
    """The check-in as a JSON-ready dict, keys in `CHECKIN_KEYS` order."""
    record: dict[str, object] = {
        "instrument": checkin.instrument, "date": checkin.date.isoformat(),
        "answers": list(checkin.answers), "difficulty": checkin.difficulty,
        "total": checkin.total, "band": checkin.band.key,
    }
    if checkin.form.safety_item is not None:
        record["item9_positive"] = checkin.safety_positive
    record |= {"created_at": checkin.created_at, "updated_at": checkin.updated_at}
    return record


def record_checkin(record: Mapping[str, object], latest: dt.date | None = None) -> Checkin:
    """Build a check-in from a record; raises ValidationError naming the first bad field."""
    unknown = sorted(set(record) - set(CHECKIN_KEYS))
    if unknown:
        raise ValidationError(unknown[0], unknown[0],
                              "one of the fields " + ", ".join(CHECKIN_KEYS))
    key = record.get("instrument")
    instrument(key if isinstance(key, str) else repr(key))  # names the instrument if unknown
    date = record.get("date")
    if not isinstance(date, str):
        raise ValidationError("date", date, "an existing date written YYYY-MM-DD")
    answers = record.get("answers")
    if not isinstance(answers, list):
        raise ValidationError("answers", answers, "a list of the item answers, each 0 to 3")
    checkin = Checkin(key, check_begun(parse_date(date), latest), tuple(answers),
                      record.get("difficulty"),
                      parse_timestamp("created_at", record.get("created_at")),
                      parse_timestamp("updated_at", record.get("updated_at")))
    worked_out = checkin_record(checkin)
    for name in _DERIVED:
        given = record.get(name)
        if given is not None and given != worked_out.get(name):
            raise ValidationError(name, given, f"{worked_out.get(name)!r}, as the answers give, "
                                  "or nothing")
    return checkin
