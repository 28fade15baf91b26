"""How days from another app meet the days already in the journal (``--on-conflict``).

* ``fill`` (the default): the journal's own values win; only its empty fields are filled.
* ``keep``: a date already in the journal is left exactly as it is.
* ``replace``: the file's values replace the journal's for every field the file has;
  fields the file does not have are kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from journal.domain import MEASURE_KEYS, Entry

RULES = ("fill", "keep", "replace")
_FIELDS = (*MEASURE_KEYS, "activities", "tags", "notes")


def _empty(value: object) -> bool:
    return value is None or value == ()


def merge_day(existing: Entry | None, incoming: Entry, rule: str = "fill") -> Entry:
    """The day as it will be after the import (equal to *existing* when nothing changes)."""
    if existing is None:
        return incoming
    if rule == "keep":
        return existing
    if rule == "fill":
        taken = {name: getattr(incoming, name) for name in _FIELDS
                 if _empty(getattr(existing, name)) and not _empty(getattr(incoming, name))}
    elif rule == "replace":
        taken = {name: getattr(incoming, name) for name in _FIELDS
                 if not _empty(getattr(incoming, name))}
    else:
        raise ValueError(rule)
    if not taken:
        return existing
    merged = replace(existing, **taken)
    return existing if merged == existing else replace(merged, updated_at=None)


def merge_days(existing: Mapping[dt.date, Entry], incoming: Sequence[Entry],
               rule: str = "fill") -> list[Entry]:
    """Every incoming day merged with the journal's day of the same date."""
    return [merge_day(existing.get(e.date), e, rule) for e in incoming]
