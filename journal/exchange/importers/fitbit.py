"""Fitbit exports (placeholder until the reader lands)."""


def sniff(first_row: list[str]) -> bool:
    return False


def sniff_json(text: str) -> bool:
    return False
