"""Counts in words with the right grammar: "1 day", "2 days", never "1 days"."""

from __future__ import annotations


def count_text(count: int, noun: str, plural: str | None = None) -> str:
    """``count_text(1, "day")`` -> ``"1 day"``; ``count_text(0, "day")`` -> ``"0 days"``."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
