"""Mood names from other apps and the 0-10 score each one stands for.

Daylio's five default moods (and their localized defaults seen in real exports) have a
default score; every other name must be given one by the user, once.
"""

from __future__ import annotations

from pathlib import Path

from journal.domain import ValidationError
from journal.exchange.errors import ImportFileError

#: Daylio's default moods, best to worst, with their 0-10 score (English, then Polish).
DEFAULT_MOODS: dict[str, int] = {
    "rad": 10, "good": 8, "meh": 5, "bad": 2, "awful": 0,
    "wspaniale": 10, "dobrze": 8, "tak sobie": 5, "źle": 2, "okropnie": 0,
}
_ACCEPTED = "name=score pairs with a score from 0 to 10, separated by commas or lines"


class UnmappedMoodsError(ImportFileError):
    """Mood names without a score; nothing is imported until each has one."""

    def __init__(self, counts: dict[str, int], all_counts: dict[str, int] | None = None) -> None:
        self.counts = counts  # the names without a score
        self.all_counts = all_counts or counts  # every name of the file
        names = ", ".join(f'"{name}" ({count}x)' for name, count in counts.items())
        super().__init__(f"{len(counts)} mood {'name has' if len(counts) == 1 else 'names have'} "
                         f"no 0-10 score yet: {names}.")


def mood_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def parse_mood_map(text: str) -> dict[str, int]:
    """``rad=10,good=7`` (or the same on lines of a file) as {name: score}; a name may hold
    spaces. Raises ValidationError naming the first bad pair."""
    if "\n" not in text and Path(text).is_file():
        try:
            text = Path(text).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise ValidationError("mood-map", text, f"a readable UTF-8 file ({error})") from None
    scores: dict[str, int] = {}
    for item in text.replace("\n", ",").split(","):
        if not item.strip() or item.strip().startswith("#"):
            continue
        name, sep, value = item.rpartition("=")
        if not sep or not name.strip():
            raise ValidationError("mood-map", item.strip(), _ACCEPTED)
        try:
            score = int(value.strip())
        except ValueError:
            raise ValidationError("mood-map", item.strip(), _ACCEPTED) from None
        if not 0 <= score <= 10:
            raise ValidationError("mood-map", item.strip(), _ACCEPTED)
        scores[mood_key(name)] = score
    return scores


class MoodScores:
    """Scores by mood name (defaults, then the user's own); counts every name met."""

    def __init__(self, user: dict[str, int] | None = None) -> None:
        self.scores = {**DEFAULT_MOODS, **{mood_key(k): v for k, v in (user or {}).items()}}
        self.counts: dict[str, int] = {}

    def see(self, name: str) -> str:
        """Count *name* (as first spelled) and return its key."""
        key = mood_key(name)
        spelled = next((n for n in self.counts if mood_key(n) == key), " ".join(name.split()))
        self.counts[spelled] = self.counts.get(spelled, 0) + 1
        return key

    def check(self) -> None:
        missing = {name: count for name, count in sorted(self.counts.items(),
                                                         key=lambda item: -item[1])
                   if mood_key(name) not in self.scores}
        if missing:
            raise UnmappedMoodsError(missing, dict(sorted(self.counts.items(),
                                                          key=lambda item: -item[1])))
