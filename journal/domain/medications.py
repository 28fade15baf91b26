"""Medications and events: frozen values, validated in one place.

A `Medication` is one aggregate: what it is (name, schedule or as needed, reason, notes),
when it was taken (start, stop), its dose history and its daily log. A dose change is a
new dated `Dose`, never an overwrite: ``doses[0]`` is the dose it started at. A day of
the log (`MedicationDay`) holds how many as-needed doses were taken (and, optionally,
at what times) and whether a scheduled dose was taken or skipped; a day with no record
stays "not recorded", never "skipped".

An `Event` is a dated point or period (a therapy session, a CBT course, a flare-up),
its kind from `EVENT_KINDS` or the user's own words, with an optional note.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from journal.domain.entry import EARLIEST_DATE, LATEST_DATE, MAX_NOTES_CHARS, clean_text
from journal.domain.errors import FIELD_LABELS, ValidationError

MAX_MED_NAME_CHARS = 60
MAX_SHORT_TEXT_CHARS = 100  # schedule, reason, event kind
MAX_STRENGTH = 100_000
MAX_DOSES_A_DAY = 50
#: Units of strength, as written on a box or a prescription.
UNITS = ("mg", "mcg", "g", "ml", "mg/ml", "mcg/h", "mg/24h", "IU", "units", "%", "tablets",
         "capsules", "puffs", "drops", "patches", "sprays")
#: What a scheduled dose of a day can be marked; no mark means "not recorded".
DOSE_STATUSES = ("taken", "skipped")
#: Kinds of event offered in lists; any other short text is accepted too.
EVENT_KINDS = ("therapy session", "CBT course", "physiotherapy", "injection", "infusion",
               "nerve block", "surgery", "flare-up", "injury", "illness", "life event")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")

FIELD_LABELS.update({
    "name": "Medication name", "strength": "Strength", "unit": "Unit",
    "schedule": "Schedule", "reason": "Reason", "start": "Start date", "stop": "Stop date",
    "count": "Count", "time": "Time", "status": "Scheduled dose", "until": "Until",
    "kind": "Event kind", "note": "Note",
})


def _text(field_name: str, value: object, limit: int, *, required: bool = False) -> str | None:
    """Cleaned one-line text (None when blank and allowed)."""
    if value is None or (isinstance(value, str) and not clean_text(value)):
        if required:
            raise ValidationError(field_name, value or "", f"a text of 1 to {limit} characters")
        return None
    if not isinstance(value, str):
        raise ValidationError(field_name, value, f"a text of up to {limit} characters")
    text = " ".join(clean_text(value).split()) if limit <= MAX_SHORT_TEXT_CHARS \
        else clean_text(value)
    if len(text) > limit:
        raise ValidationError(field_name, value, f"a text of up to {limit} characters")
    return text


def _date(field_name: str, value: object) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime) \
            or not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(field_name, value, f"a date from {EARLIEST_DATE} to {LATEST_DATE}")
    return value


def check_strength(value: object) -> float | None:
    """A strength: a positive number up to 100,000 (None: not given)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value) \
            or not 0 < value <= MAX_STRENGTH:
        raise ValidationError("strength", value, f"a number above 0 and up to {MAX_STRENGTH:,}")
    return int(value) if float(value).is_integer() else round(float(value), 4)


def check_unit(value: object) -> str | None:
    if value is None or value == "":
        return None
    for unit in UNITS:
        if isinstance(value, str) and value.strip().lower() == unit.lower():
            return unit
    raise ValidationError("unit", value, "one of " + ", ".join(UNITS))


@dataclass(frozen=True)
class Dose:
    """The dose a medication is taken at from *date* on (until the next `Dose`)."""

    date: dt.date
    strength: float | None = None
    unit: str | None = None

    def __post_init__(self) -> None:
        _date("date", self.date)
        object.__setattr__(self, "strength", check_strength(self.strength))
        object.__setattr__(self, "unit", check_unit(self.unit))

    def describe(self) -> str:
        """``60 mg``, or a blank when no strength was given."""
        if self.strength is None:
            return ""
        return f"{self.strength:g} {self.unit or ''}".strip()


@dataclass(frozen=True)
class MedicationDay:
    """One day of a medication's log.

    Parameters
    ----------
    date
        The day.
    count
        As-needed doses taken that day (None: not recorded).
    times
        Times of those doses, ``HH:MM``, if the user gave them.
    status
        A scheduled dose: "taken" or "skipped" (None: not recorded).
    """

    date: dt.date
    count: int | None = None
    times: tuple[str, ...] = ()
    status: str | None = None

    def __post_init__(self) -> None:
        _date("date", self.date)
        if self.count is not None and (isinstance(self.count, bool)
                                       or not isinstance(self.count, int)
                                       or not 0 <= self.count <= MAX_DOSES_A_DAY):
            raise ValidationError("count", self.count,
                                  f"a whole number of doses from 0 to {MAX_DOSES_A_DAY}")
        times = tuple(self.times or ())
        for time in times:
            if not isinstance(time, str) or not _TIME.fullmatch(time):
                raise ValidationError("time", time, "a time of day written HH:MM, such as 14:30")
        object.__setattr__(self, "times", tuple(sorted(times)))
        if self.status is not None and self.status not in DOSE_STATUSES:
            raise ValidationError("status", self.status, "taken, skipped or nothing")

    @property
    def empty(self) -> bool:
        return not self.count and not self.times and self.status is None


@dataclass(frozen=True)
class Medication:
    """A medication with its dose history and daily log (see the module's docstring)."""

    name: str
    start: dt.date
    doses: tuple[Dose, ...] = ()
    as_needed: bool = False
    schedule: str | None = None
    reason: str | None = None
    notes: str | None = None
    stop: dt.date | None = None
    days: tuple[MedicationDay, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _text("name", self.name, MAX_MED_NAME_CHARS,
                                               required=True))
        _date("start", self.start)
        if self.stop is not None and _date("stop", self.stop) < self.start:
            raise ValidationError("stop", self.stop.isoformat(),
                                  f"a date on or after the start ({self.start})")
        if not isinstance(self.as_needed, bool):
            raise ValidationError("as_needed", self.as_needed, "true or false")
        for key in ("schedule", "reason"):
            object.__setattr__(self, key, _text(key, getattr(self, key), MAX_SHORT_TEXT_CHARS))
        object.__setattr__(self, "notes", _text("notes", self.notes, MAX_NOTES_CHARS))
        doses = tuple(sorted(self.doses or (Dose(self.start),), key=lambda d: d.date))
        if doses[0].date != self.start:
            raise ValidationError("date", doses[0].date.isoformat(),
                                  f"the first dose on the start date ({self.start})")
        if len({d.date for d in doses}) != len(doses):
            raise ValidationError("date", doses[-1].date.isoformat(), "one dose change a day")
        object.__setattr__(self, "doses", doses)
        days = tuple(sorted((d for d in self.days if not d.empty), key=lambda d: d.date))
        if len({d.date for d in days}) != len(days):
            raise ValidationError("date", days[-1].date.isoformat(), "one log record a day")
        object.__setattr__(self, "days", days)

    @property
    def key(self) -> str:
        """How the journal tells medications apart: the name, whatever its case."""
        return self.name.casefold()

    def dose_on(self, date: dt.date) -> Dose:
        """The dose in force on *date* (the first dose before the start)."""
        current = self.doses[0]
        for dose in self.doses:
            if dose.date <= date:
                current = dose
        return current

    @property
    def current(self) -> Dose:
        return self.doses[-1]

    @property
    def changes(self) -> tuple[Dose, ...]:
        """The dose changes after the start."""
        return self.doses[1:]

    def taken_on(self, date: dt.date) -> bool:
        """Taken on *date*: started, and not yet stopped (the stop day no longer counts)."""
        return self.start <= date and (self.stop is None or date < self.stop)

    def day(self, date: dt.date) -> MedicationDay | None:
        return next((d for d in self.days if d.date == date), None)

    def with_day(self, day: MedicationDay) -> Medication:
        """This medication with *day* replacing that date's log record."""
        from dataclasses import replace

        kept = tuple(d for d in self.days if d.date != day.date)
        return replace(self, days=kept + (day,))

    @property
    def kind(self) -> str:
        return "as needed" if self.as_needed else (self.schedule or "scheduled")

    def describe(self) -> str:
        """``Duloxetine 60 mg, once daily``."""
        strength = self.current.describe()
        return f"{self.name}{' ' + strength if strength else ''}, {self.kind}"


@dataclass(frozen=True)
class Event:
    """A dated event or period of treatment; *until* (inclusive) for a period."""

    date: dt.date
    kind: str
    until: dt.date | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        _date("date", self.date)
        kind = _text("kind", self.kind, MAX_SHORT_TEXT_CHARS, required=True)
        known = {k.casefold(): k for k in EVENT_KINDS}
        object.__setattr__(self, "kind", known.get(kind.casefold(), kind))
        if self.until is not None and _date("until", self.until) < self.date:
            raise ValidationError("until", self.until.isoformat(),
                                  f"a date on or after the event's date ({self.date})")
        object.__setattr__(self, "note", _text("note", self.note, MAX_NOTES_CHARS))

    @property
    def key(self) -> tuple[dt.date, str]:
        """How the journal tells events apart: the date and the kind."""
        return (self.date, self.kind.casefold())

    @property
    def last(self) -> dt.date:
        return self.until or self.date

    def describe(self) -> str:
        when = f"{self.date}" + (f" to {self.until}" if self.until else "")
        return f"{when}: {self.kind}" + (f" ({self.note})" if self.note else "")


@dataclass(frozen=True)
class Mark:
    """A dated change of treatment to mark on a chart or list in a report."""

    date: dt.date
    kind: str  # "start", "dose", "stop"
    medication: Medication
    text: str


@dataclass(frozen=True)
class Treatments:
    """Medications and events, as charts and the report take them."""

    medications: tuple[Medication, ...] = ()
    events: tuple[Event, ...] = ()

    def marks(self, start: dt.date, end: dt.date) -> list[Mark]:
        """Every start, dose change and stop from *start* to *end*, by date."""
        found = []
        for med in self.medications:
            if start <= med.start <= end:
                dose = med.doses[0].describe()
                found.append(Mark(med.start, "start", med,
                                  f"started {med.name}{' ' + dose if dose else ''}"))
            for before, after in zip(med.doses, med.doses[1:], strict=False):
                if start <= after.date <= end:
                    found.append(Mark(after.date, "dose", med, f"{med.name} "
                                      f"{before.describe() or '?'} to {after.describe()}"))
            if med.stop is not None and start <= med.stop <= end:
                found.append(Mark(med.stop, "stop", med, f"stopped {med.name}"))
        return sorted(found, key=lambda m: (m.date, m.medication.key))

    def current(self, on: dt.date) -> list[Medication]:
        return [m for m in self.medications if m.taken_on(on)]

    def events_in(self, start: dt.date, end: dt.date) -> list[Event]:
        return [e for e in self.events if e.last >= start and e.date <= end]

    def as_needed(self, start: dt.date, end: dt.date) -> list[tuple[Medication, int, int]]:
        """Each as-needed medication with doses logged in the period: (medication, days
        used, doses)."""
        found = []
        for med in self.medications:
            days = [d for d in med.days if start <= d.date <= end and d.count]
            if med.as_needed and days:
                found.append((med, len(days), sum(d.count or 0 for d in days)))
        return found
