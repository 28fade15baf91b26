"""Realistic, reproducible sample days for trying the app (never mixed with real data).

The model is a person with chronic pain whose diary has the links the charts
should reveal: a short night raises that day's pain and lowers mood; activity
lifts mood the same day and eases pain the next; pain drifts slowly over months
and flares now and then; days are missed, alone or in runs, and some fields are
left blank, as in a real diary.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from journal.domain import Activity, Entry

_KINDS = ("walking", "walking", "walking", "stretching", "yoga", "swimming", "cycling",
          "physical therapy")
_NOTES = ("Slept badly, woke at 4.", "Good day, met a friend for coffee.",
          "Back stiff in the morning, eased by noon.", "Rain all day; joints ached.",
          "Busy at work, forgot to take a break.", "Physio said to keep up the stretches.",
          "Headache in the evening.", "Felt more like myself today.")


def demo_entries(days: int, seed: int = 0, end: dt.date | None = None) -> list[Entry]:
    """Sample entries for the *days* days ending on *end* (default today), missed days left out.

    The same *days*, *seed* and *end* always give the same entries.
    """
    rng = random.Random(seed)
    end = end or dt.date.today()
    entries: list[Entry] = []
    pain_noise = mood_noise = 0.0
    yesterday_minutes = 0
    yesterday_pain = 4.0
    flare_left = skip_left = 0
    for offset in range(days):
        date = end - dt.timedelta(days=days - 1 - offset)
        # Slow drift over the seasons plus autocorrelated day-to-day noise.
        drift = 0.9 * _wave(offset, 150, phase=seed)
        pain_noise = 0.6 * pain_noise + rng.gauss(0, 0.7)
        mood_noise = 0.6 * mood_noise + rng.gauss(0, 0.6)
        if flare_left == 0 and rng.random() < 0.025:
            flare_left = rng.randint(2, 5)
        flare = 2.0 if flare_left else 0.0
        flare_left = max(0, flare_left - 1)
        # Last night: a painful day tends to give a shorter night (the reverse link).
        sleep = rng.gauss(7.0 - 0.25 * (yesterday_pain - 4), 1.0)
        sleep = min(10.5, max(3.0, sleep))
        active = rng.random() < (0.6 if yesterday_pain < 6 else 0.35)
        minutes = rng.choice((15, 20, 25, 30, 30, 40, 45, 60)) if active else 0
        pain = (4.2 + drift + flare + 0.75 * (7.0 - sleep)
                - 0.025 * yesterday_minutes + pain_noise)
        mood = (6.0 - 0.35 * (pain - 4.5) + 0.35 * (sleep - 7.0) + 0.03 * minutes + mood_noise)
        energy = 5.5 + 0.5 * (sleep - 7.0) - 0.3 * (pain - 4.5) + rng.gauss(0, 0.8)
        yesterday_pain, yesterday_minutes = pain, minutes
        if skip_left or rng.random() < 0.06:
            skip_left = skip_left - 1 if skip_left else rng.choice((0, 0, 0, 1, 2, 4))
            continue
        entries.append(_entry(rng, date, pain, mood, energy, sleep, minutes, bool(flare)))
    return entries


def _entry(rng: random.Random, date: dt.date, pain: float, mood: float, energy: float,
           sleep: float, minutes: int, flare: bool) -> Entry:
    stamp = f"{date.isoformat()}T20:00:00Z"  # as if written in the evening
    pain_score = _score(pain)
    activities: tuple[Activity, ...] | None = ()
    if minutes:
        activities = (Activity(rng.choice(_KINDS), minutes,
                               rng.choice(("light", "moderate", "moderate", None))),)
    if rng.random() < 0.08:
        activities = None  # forgot to note activity
    tags = ["flare"] if flare else []
    if rng.random() < 0.1:
        tags.append(rng.choice(("work", "rain", "travel", "family visit", "stress")))
    return Entry(
        date=date,
        pain=pain_score,
        worst_pain=(None if rng.random() < 0.2
                    else min(10, pain_score + rng.choice((0, 1, 1, 2, 3)))),
        pain_interference=_interference(date, pain, mood),
        mood=None if rng.random() < 0.03 else _score(mood),
        energy=None if rng.random() < 0.25 else _score(energy),
        sleep_hours=None if rng.random() < 0.05 else round(sleep * 4) / 4,
        sleep_quality=(None if rng.random() < 0.3
                       else max(1, min(5, round(sleep - 3.5 + rng.gauss(0, 0.7))))),
        activities=activities,
        tags=tuple(tags),
        notes=rng.choice(_NOTES) if rng.random() < 0.12 else None,
        created_at=stamp,
        updated_at=stamp,
    )


def _interference(date: dt.date, pain: float, mood: float) -> int | None:
    """How much pain got in the way: mostly pain, a little low mood. Drawn from its own
    generator, so the other sample values stay as they were before this field existed."""
    own = random.Random(date.toordinal())
    if own.random() < 0.15:
        return None
    return _score(0.8 * pain + 0.25 * (6 - mood) + own.gauss(0, 0.8))


def _wave(offset: int, period: int, phase: float) -> float:
    return math.sin(2 * math.pi * offset / period + phase)


def _score(value: float) -> int:
    return max(0, min(10, round(value)))
