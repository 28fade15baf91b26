"""The day entry, its activities and the measure registry: frozen values, validated in one place.

`MEASURES` declares once what a day holds (key, label, scale and its words, CLI flag,
mnemonic); storage, the exports, the command line, the form, the history and the
series read it with ordinary loops. Adding a daily measure takes its `Measure` line,
its `Entry` attribute below (a test checks the two agree) and one migration; the
coverage tests then name each surface that must decide whether to show it.

Missing means unknown, never zero: every measure is ``None`` until the user
records it. ``activities=None`` means activity was not recorded; an empty
tuple is the explicit answer "no exercise today". A day's activities last at most
24 hours together.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from dataclasses import dataclass, field

from journal.domain.errors import FIELD_LABELS, ValidationError


@dataclass(frozen=True, slots=True)
class Scale:
    """An integer rating scale and what its ends mean."""

    low: int
    high: int
    low_means: str
    high_means: str

    @property
    def accepted(self) -> str:
        return f"a whole number from {self.low} to {self.high}"


    def describe(self) -> str:
        """``0 = no pain, 10 = worst pain imaginable``: the one wording of the scale."""
        return f"{self.low} = {self.low_means}, {self.high} = {self.high_means}"


SLEEP_MAX_HOURS = 24


@dataclass(frozen=True)
class Measure:
    """One thing a day can hold, declared once.

    Parameters
    ----------
    key
        The `Entry` attribute, the `days` column, the JSON key and the CSV column.
    label
        What the form, the history and the messages call it ("Worst pain").
    question
        What it asks, for help texts ("Average pain today").
    scale
        A rating scale, or None for hours (only sleep: 0 to 24, in quarter hours; see
        `journal.domain.parse.parse_measure`).
    flag
        The command-line option (default ``--`` and the key with dashes).
    mnemonic
        The letter of `label` that Alt+letter jumps to in the form (must be unique there).
    short
        A column heading for narrow tables.
    """

    key: str
    label: str
    question: str
    scale: Scale | None
    flag: str = ""
    mnemonic: str = ""
    short: str = ""

    @property
    def option(self) -> str:
        return self.flag or "--" + self.key.replace("_", "-")

    @property
    def heading(self) -> str:
        return self.short or self.label

    @property
    def words(self) -> str:
        """The scale's meaning in one phrase (for titles, help and hints)."""
        return self.scale.describe() if self.scale else "hours, such as 7.5 or 7:30"

    @property
    def mnemonic_label(self) -> str:
        """The label with ``&`` before its mnemonic letter (Qt's notation)."""
        letter = self.mnemonic or self.label[0]
        at = self.label.lower().index(letter.lower())
        return f"{self.label[:at]}&{self.label[at:]}"


MEASURES: tuple[Measure, ...] = (
    Measure("pain", "Pain", "Average pain today",
            Scale(0, 10, "no pain", "worst pain imaginable"), mnemonic="P"),
    Measure("worst_pain", "Worst pain", "Worst pain today",
            Scale(0, 10, "no pain", "worst pain imaginable"), mnemonic="W", short="Worst"),
    Measure("pain_interference", "Pain interference",
            "How much did pain get in the way of what you wanted to do today?",
            Scale(0, 10, "not at all", "completely"), flag="--interference", mnemonic="i",
            short="Interference"),
    Measure("mood", "Mood", "Mood today", Scale(0, 10, "very low", "very good"), mnemonic="M"),
    Measure("energy", "Energy", "Energy today", Scale(0, 10, "exhausted", "full of energy"),
            mnemonic="r"),
    Measure("sleep_hours", "Sleep hours", "Sleep last night, in hours", None, flag="--sleep",
            mnemonic="o", short="Sleep (h)"),
    Measure("sleep_quality", "Sleep quality", "How well you slept last night",
            Scale(1, 5, "very poor", "very good"), mnemonic="q", short="Sleep q."),
)
MEASURE_KEYS = tuple(m.key for m in MEASURES)
MEASURE_BY_KEY = {m.key: m for m in MEASURES}
#: The rating scales by measure key.
SCALES: dict[str, Scale] = {m.key: m.scale for m in MEASURES if m.scale is not None}
FIELD_LABELS.update({m.key: m.label for m in MEASURES})  # messages name measures as the form does
ACTIVITY_KINDS = (
    "walking", "swimming", "cycling", "yoga", "stretching", "physical therapy", "strength",
)
INTENSITIES = ("light", "moderate", "vigorous")
MAX_MINUTES = 1440  # one activity, and all the activities of a day together
MAX_ACTIVITIES = 50  # a day's activities; more is a slip of the keyboard or a broken file
MAX_NOTES_CHARS = 10_000
MAX_NAME_CHARS = 40  # a tag or an activity kind
MAX_TAGS = 30
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)
# Characters that separate items in the CSV columns and on the command line.
_SEPARATORS = {";": "a semicolon", ",": "a comma", ":": "a colon"}


def clean_text(text: str) -> str:
    """Drop control characters and lone surrogates (keeping newlines and tabs) and outer blanks."""
    text = text.replace("\r\n", "\n")
    kept = (c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs"))
    return "".join(kept).strip()


def _clean_name(field_name: str, value: object, forbidden: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(field_name, value, "text")
    name = " ".join(clean_text(value).split())
    if not name:
        raise ValidationError(field_name, value, f"a name of 1 to {MAX_NAME_CHARS} characters")
    if len(name) > MAX_NAME_CHARS:
        raise ValidationError(field_name, value, f"at most {MAX_NAME_CHARS} characters")
    for char in forbidden:
        if char in name:
            raise ValidationError(field_name, value, f"a name without {_SEPARATORS[char]}")
    return name


def _check_int(field_name: str, value: object, low: int, high: int, accepted: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(field_name, value, accepted)


@dataclass(frozen=True, slots=True)
class Activity:
    """One bout of physical activity on a day.

    Parameters
    ----------
    kind
        One of `ACTIVITY_KINDS` or the user's own word (stored as typed, trimmed).
    minutes
        Duration, 1 to 1440.
    intensity
        ``"light"``, ``"moderate"``, ``"vigorous"`` or ``None`` (not recorded).
    """

    kind: str
    minutes: int
    intensity: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _clean_name("activity_kind", self.kind, ";:,"))
        _check_int("activity_minutes", self.minutes, 1, MAX_MINUTES,
                   f"a whole number of minutes from 1 to {MAX_MINUTES}")
        if self.intensity is not None and self.intensity not in INTENSITIES:
            raise ValidationError("activity_intensity", self.intensity,
                                  "light, moderate, vigorous or nothing")


@dataclass(frozen=True, slots=True)
class Entry:
    """Everything recorded for one calendar day (the user's local date).

    Every field but `date` is optional; ``None`` means not recorded.
    `sleep_hours` is the night that ended on the morning of `date`, rounded to
    the nearest quarter hour. `created_at` and `updated_at` (UTC, ISO 8601) are
    kept by storage and do not take part in equality.
    """

    date: dt.date
    pain: int | None = None
    worst_pain: int | None = None
    pain_interference: int | None = None
    mood: int | None = None
    energy: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    activities: tuple[Activity, ...] | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None
    created_at: str | None = field(default=None, compare=False)
    updated_at: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.date, dt.date) or isinstance(self.date, dt.datetime):
            raise ValidationError("date", self.date, "a calendar date")
        if not EARLIEST_DATE <= self.date <= LATEST_DATE:
            raise ValidationError("date", self.date.isoformat(),
                                  f"a date from {EARLIEST_DATE} to {LATEST_DATE}")
        for name, scale in SCALES.items():
            value = getattr(self, name)
            if value is not None:
                _check_int(name, value, scale.low, scale.high, scale.accepted)
        object.__setattr__(self, "sleep_hours", _valid_sleep(self.sleep_hours))
        object.__setattr__(self, "activities", _valid_activities(self.activities))
        object.__setattr__(self, "tags", _valid_tags(self.tags))
        object.__setattr__(self, "notes", _valid_notes(self.notes))

    @property
    def activity_minutes(self) -> int | None:
        """Total minutes of activity, 0 for "none", ``None`` when not recorded."""
        if self.activities is None:
            return None
        return sum(a.minutes for a in self.activities)

    @property
    def is_empty(self) -> bool:
        """True when nothing at all is recorded for the day."""
        return self == Entry(self.date)


def _valid_sleep(value: object) -> float | None:
    if value is None:
        return None
    accepted = f"hours from 0 to {SLEEP_MAX_HOURS}, such as 7.5 or 7:30"
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValidationError("sleep_hours", value, accepted)
    if not 0 <= value <= SLEEP_MAX_HOURS:
        raise ValidationError("sleep_hours", value, accepted)
    return round(value * 4) / 4


def _valid_activities(value: object) -> tuple[Activity, ...] | None:
    if value is None:
        return None
    items = tuple(value)  # type: ignore[call-overload]
    for item in items:
        if not isinstance(item, Activity):
            raise ValidationError("activity", item, "kind, minutes and intensity")
    if len(items) > MAX_ACTIVITIES:
        raise ValidationError("activity", f"{len(items)} activities",
                              f"at most {MAX_ACTIVITIES} activities a day")
    total = sum(item.minutes for item in items)
    if total > MAX_MINUTES:
        raise ValidationError("activity_minutes", total, f"a total of at most {MAX_MINUTES} "
                              "minutes (24 hours) of activity a day")
    return items


def _valid_tags(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    tags: list[str] = []
    for raw in value:  # type: ignore[attr-defined]
        tag = _clean_name("tags", raw, ";,")
        if tag.casefold() not in (t.casefold() for t in tags):
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise ValidationError("tags", ", ".join(tags), f"at most {MAX_TAGS} tags a day")
    return tuple(tags)


def _valid_notes(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError("notes", value, "text")
    notes = clean_text(value)
    if len(notes) > MAX_NOTES_CHARS:
        raise ValidationError("notes", notes, f"at most {MAX_NOTES_CHARS:,} characters")
    return notes or None
