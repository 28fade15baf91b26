"""Plain-text views of entries for the command line (no colours, screen-reader friendly)."""

from __future__ import annotations

from collections.abc import Sequence

from journal.domain import Entry, field_label
from journal.domain.entry import SCALES
from journal.domain.parse import format_sleep

NOT_RECORDED = "not recorded"


def describe_entry(entry: Entry) -> str:
    """Every field of one day, one per line; unknown values say so."""
    rows = [(field_label(name), _scale(entry, name)) for name in ("pain", "worst_pain", "mood",
                                                                   "energy")]
    rows.append((field_label("sleep_hours"),
                 NOT_RECORDED if entry.sleep_hours is None else f"{format_sleep(entry.sleep_hours)} h"))
    rows.append((field_label("sleep_quality"), _scale(entry, "sleep_quality")))
    rows.append(("Activity", _activities(entry)))
    rows.append(("Tags", ", ".join(entry.tags) or "none"))
    rows.append(("Notes", (entry.notes or "none").replace("\n", "\n" + " " * 18)))
    title = entry.date.strftime("%A %d %B %Y").replace(" 0", " ")
    return "\n".join([title] + [f"  {label:<15} {value}" for label, value in rows])


def entries_table(entries: Sequence[Entry]) -> str:
    """A compact table, one line per day; blanks are unknown values."""
    header = f"{'date':<10}  {'pain':>4} {'worst':>5} {'mood':>4} {'energy':>6} {'sleep':>5} " \
             f"{'qual':>4} {'active':>6}  tags / note"
    lines = [header]
    for e in entries:
        def cell(value: object, width: int) -> str:
            return f"{'' if value is None else value:>{width}}"

        sleep = None if e.sleep_hours is None else format_sleep(e.sleep_hours)
        extra = ", ".join(e.tags)
        if e.notes:
            note = e.notes.splitlines()[0]
            extra = f"{extra} | {note[:40]}" if extra else note[:40]
        lines.append(f"{e.date.isoformat()}  {cell(e.pain, 4)} {cell(e.worst_pain, 5)} "
                     f"{cell(e.mood, 4)} {cell(e.energy, 6)} {cell(sleep, 5)} "
                     f"{cell(e.sleep_quality, 4)} {cell(e.activity_minutes, 6)}  {extra}".rstrip())
    return "\n".join(lines)


def _scale(entry: Entry, name: str) -> str:
    value = getattr(entry, name)
    return NOT_RECORDED if value is None else f"{value} / {SCALES[name].high}"


def _activities(entry: Entry) -> str:
    if entry.activities is None:
        return NOT_RECORDED
    if not entry.activities:
        return "none (no exercise)"
    parts = []
    for a in entry.activities:
        parts.append(f"{a.kind} {a.minutes} min" + (f" ({a.intensity})" if a.intensity else ""))
    return ", ".join(parts)
