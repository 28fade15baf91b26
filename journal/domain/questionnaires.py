"""PHQ-9 and GAD-7: the instruments as data, their scoring and bands, and one check-in.

The wording, answer options, bands and LOINC codes live in ``resources/instruments/``
(one file each, under Pfizer's notice, not the code licence) and are read here, once,
when first asked. Nothing is computed beyond what the instruments publish: a total, its
band, and whether item 9 (PHQ-9's self-harm item) was answered above 0. No risk score.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from journal.domain.errors import FIELD_LABELS, ValidationError

#: The instruments this version holds, in the order the app offers them.
INSTRUMENT_KEYS = ("phq9", "gad7")
RESOURCES = Path(__file__).resolve().parents[2] / "resources"
INSTRUMENTS_DIR = RESOURCES / "instruments"
ANSWER_ACCEPTED = "a whole number from 0 to 3"

FIELD_LABELS.update({"instrument": "Questionnaire", "answers": "Answers",
                     "difficulty": "Difficulty"})


@dataclass(frozen=True)
class Option:
    score: int
    text: str
    loinc: str | None = None


@dataclass(frozen=True)
class Item:
    number: int
    text: str
    loinc: str
    safety: bool = False  # PHQ-9 item 9: an answer above 0 shows the crisis contacts


@dataclass(frozen=True)
class Band:
    """A published severity range, e.g. 10-14 "Moderate"."""

    low: int
    high: int
    key: str
    label: str

    @property
    def words(self) -> str:
        """How the app says it: lower case, the way clinicians write it ("moderate")."""
        return self.label.lower()


@dataclass(frozen=True)
class Instrument:
    """One questionnaire as published (see ``resources/instruments/<key>.json``)."""

    key: str
    name: str
    title: str
    what: str
    stem: str
    items: tuple[Item, ...]
    options: tuple[Option, ...]
    difficulty_text: str
    difficulty_options: tuple[Option, ...]
    difficulty_loinc: str | None
    bands: tuple[Band, ...]
    meaningful_change: int
    panel_loinc: str
    total_loinc: str
    attribution: str

    @property
    def max_total(self) -> int:
        return len(self.items) * max(o.score for o in self.options)

    def band(self, total: int) -> Band:
        """The published band of *total* (ValueError outside 0..max_total)."""
        for band in self.bands:
            if band.low <= total <= band.high:
                return band
        raise ValueError(f"{self.name} total {total} is outside 0-{self.max_total}")

    def total(self, answers: tuple[int, ...]) -> int:
        """The sum of the item answers; the difficulty question is never part of it."""
        return sum(answers)

    def check_answers(self, answers: tuple[object, ...]) -> tuple[int, ...]:
        """The answers as whole numbers 0-3, one per item; ValidationError naming the item."""
        count = len(self.items)
        if len(answers) != count:
            problem = (f"item {len(answers) + 1} has no answer" if len(answers) < count
                       else f"there is no item {count + 1}")
            raise ValidationError("answers", ",".join(map(str, answers)),
                                  f"{count} answers for the {count} items of {self.name} "
                                  f"({problem}), each {ANSWER_ACCEPTED}, separated by commas")
        return tuple(_answer(f"{self.key}_item_{n}", a) for n, a in enumerate(answers, 1))

    @property
    def safety_item(self) -> Item | None:
        return next((i for i in self.items if i.safety), None)


def _answer(field_name: str, value: object) -> int:
    """One answer, 0-3 (the text "2" too, from a command line)."""
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 3:
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3:
        raise ValidationError(field_name, value, ANSWER_ACCEPTED)
    return value


def instrument(key: str) -> Instrument:
    """The instrument *key* (``phq9`` or ``gad7``); ValidationError for another key."""
    if key not in INSTRUMENT_KEYS:
        raise ValidationError("instrument", key, " or ".join(INSTRUMENT_KEYS))
    return _load(key)


@cache
def _load(key: str) -> Instrument:
    data = json.loads((INSTRUMENTS_DIR / f"{key}.json").read_text(encoding="utf-8"))
    FIELD_LABELS.update({f"{key}_item_{i['number']}": f"{data['name']} item {i['number']}"
                         for i in data["items"]})
    difficulty = data["difficulty"]
    return Instrument(
        key=data["key"], name=data["name"], title=data["title"], what=data["what"],
        stem=data["stem"],
        items=tuple(Item(i["number"], i["text"], i["loinc"], i.get("safety", False))
                    for i in data["items"]),
        options=tuple(Option(o["score"], o["text"], o.get("loinc")) for o in data["options"]),
        difficulty_text=difficulty["text"],
        difficulty_options=tuple(Option(o["score"], o["text"]) for o in difficulty["options"]),
        difficulty_loinc=difficulty.get("loinc"),
        bands=tuple(Band(b["low"], b["high"], b["key"], b["label"]) for b in data["bands"]),
        meaningful_change=data["meaningful_change"],
        panel_loinc=data["loinc"]["panel"], total_loinc=data["loinc"]["total"],
        attribution=data["attribution"])


@dataclass(frozen=True)
class Checkin:
    """One questionnaire taken on one day: every item answer, and the unscored difficulty.

    At most one per instrument and date (taking it again that day replaces it).

    Parameters
    ----------
    instrument
        ``phq9`` or ``gad7``.
    date
        The day it was taken (the user's local date).
    answers
        One answer 0-3 per item, in item order.
    difficulty
        The unscored "how difficult" question, 0-3, or None when not answered.
    """

    instrument: str
    date: dt.date
    answers: tuple[int, ...]
    difficulty: int | None = None
    created_at: str | None = field(default=None, compare=False)
    updated_at: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        form = instrument(self.instrument)
        if not isinstance(self.date, dt.date):
            raise ValidationError("date", self.date, "a date, written YYYY-MM-DD")
        object.__setattr__(self, "answers", form.check_answers(tuple(self.answers)))
        if self.difficulty is not None:
            object.__setattr__(self, "difficulty", _answer("difficulty", self.difficulty))

    @property
    def form(self) -> Instrument:
        return instrument(self.instrument)

    @property
    def key(self) -> tuple[str, dt.date]:
        return (self.instrument, self.date)

    @property
    def total(self) -> int:
        return self.form.total(self.answers)

    @property
    def band(self) -> Band:
        return self.form.band(self.total)

    @property
    def safety_positive(self) -> bool:
        """PHQ-9 item 9 answered above 0 (always False for GAD-7, which has no such item)."""
        item = self.form.safety_item
        return item is not None and self.answers[item.number - 1] > 0
