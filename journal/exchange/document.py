"""What an export holds: one section per kind of data.

A journal holds days, medications, events and questionnaire check-ins, each as its own
section of the same document (JSON ``format_version`` 2), so a file made by any version
names what it carries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from journal.domain import Entry
from journal.domain.medications import Event, Medication
from journal.domain.questionnaires import Checkin

#: The sections this version reads and writes, in file order.
SECTIONS = ("days", "medications", "events", "checkins")


@dataclass(frozen=True)
class JournalDocument:
    """A whole journal (or the part of it in a file), section by section.

    Parameters
    ----------
    days
        Day entries, oldest first.
    medications
        Medications, each with its dose history and daily log.
    events
        Events and periods of treatment, oldest first.
    checkins
        PHQ-9 and GAD-7 check-ins, oldest first.
    """

    days: tuple[Entry, ...] = field(default=())
    medications: tuple[Medication, ...] = field(default=())
    events: tuple[Event, ...] = field(default=())
    checkins: tuple[Checkin, ...] = field(default=())

    def __post_init__(self) -> None:
        for name in SECTIONS:
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def counts(self) -> dict[str, int]:
        """How many records each section holds."""
        return {name: len(getattr(self, name)) for name in SECTIONS}
