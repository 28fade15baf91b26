"""Plain-text views of entries for the command line (no colours, screen-reader friendly)."""

from __future__ import annotations

from collections.abc import Sequence

from journal.domain import MEASURES, Entry, Measure
from journal.domain.parse import format_measure, sleep_text

NOT_RECORDED = "not recorded"
#: The columns of `entries_table`: a short heading per measure of the registry.
TABLE_HEADINGS = {**{m.key: (m.short or m.label).split(" (")[0].lower() for m in MEASURES},
                  "activity_minutes": "active"}


def hours_and_minutes(hours: float) -> str:
    """``7 h 30`` (and ``7 h``, ``0 h 45``): how a length of sleep is read aloud."""
    minutes = round(hours * 60)
    whole, rest = divmod(minutes, 60)
    return f"{whole} h {rest:02d}" if rest else f"{whole} h"


def describe_entry(entry: Entry) -> str:
    """Every field of one day, one per line; unknown values say so."""
    rows = [(m.label, _value(entry, m)) for m in MEASURES]
    rows.append(("Activity", _activities(entry)))
    rows.append(("Tags", ", ".join(entry.tags) or "none"))
    rows.append(("Notes", (entry.notes or "none").replace("\n", "\n" + " " * 21)))
    title = entry.date.strftime("%A %d %B %Y").replace(" 0", " ")
    return "\n".join([title] + [f"  {label:<18} {value}" for label, value in rows])


def entries_table(entries: Sequence[Entry]) -> str:
    """A compact table, one line per day; blanks are unknown values."""
    widths = {key: max(len(heading), 6 if key == "sleep_hours" else 4)
              for key, heading in TABLE_HEADINGS.items()}
    header = " ".join(f"{TABLE_HEADINGS[key]:>{width}}" for key, width in widths.items())
    lines = [f"{'date':<10}  {header}  tags / note"]
    for e in entries:
        values = {**{m.key: shown_measure(m.key, getattr(e, m.key)) for m in MEASURES},
                  "activity_minutes": "" if e.activity_minutes is None else e.activity_minutes}
        extra = ", ".join(e.tags)
        if e.notes:
            note = e.notes.splitlines()[0]
            extra = f"{extra} | {note[:40]}" if extra else note[:40]
        cells = " ".join(f"{values[key]:>{width}}" for key, width in widths.items())
        lines.append(f"{e.date.isoformat()}  {cells}  {extra}".rstrip())
    return "\n".join(lines)


def _value(entry: Entry, measure: Measure) -> str:
    value = getattr(entry, measure.key)
    if value is None:
        return NOT_RECORDED
    if measure.scale is None:
        return sleep_text(value)
    return f"{value} / {measure.scale.high}"


def shown_measure(key: str, value: int | float | None) -> str:
    """A measure as people read it: sleep in hours and minutes ("7 h 30"); blank if None."""
    if key == "sleep_hours" and value is not None:
        return sleep_text(value)
    return format_measure(key, value)


def _activities(entry: Entry) -> str:
    if entry.activities is None:
        return NOT_RECORDED
    if not entry.activities:
        return "none (no exercise)"
    parts = []
    for a in entry.activities:
        parts.append(f"{a.kind} {a.minutes} min" + (f" ({a.intensity})" if a.intensity else ""))
    return ", ".join(parts)
