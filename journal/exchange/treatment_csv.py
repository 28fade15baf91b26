"""CSV companion files: one per section beside a CSV export of the days.

An export to ``journal.csv`` also writes ``journal.medications.csv`` and
``journal.events.csv`` when the journal has medications or events; importing
``journal.csv`` reads them too when they are there. Columns (documented in the README):

- medications: name, strength, unit (the latest dose), as_needed (yes/no), schedule,
  reason, notes, start, stop, changes, doses. ``changes`` is the dose history, oldest
  first, items ``DATE [STRENGTH [UNIT]]`` joined by ``"; "`` (the first is the starting
  dose); ``doses`` is the daily log, items ``DATE [xCOUNT] [HH:MM ...] [taken|skipped]``.
- events: date, until, kind, note.

Text cells are protected against spreadsheet formulas as in the days' CSV.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from journal.domain import ValidationError
from journal.domain.medications import DOSE_STATUSES, Dose, Event, Medication, MedicationDay
from journal.domain.parse import parse_date
from journal.exchange.csv_format import _cell_text, _text_cell
from journal.exchange.document import JournalDocument
from journal.exchange.errors import ImportFileError

MEDICATION_COLUMNS = ("name", "strength", "unit", "as_needed", "schedule", "reason", "notes",
                      "start", "stop", "changes", "doses")
EVENT_COLUMNS = ("date", "until", "kind", "note")
COMPANIONS = {"medications": MEDICATION_COLUMNS, "events": EVENT_COLUMNS}
_SEPARATOR = "; "
_COUNT = re.compile(r"x([0-9]{1,3})")


def companion_path(path: Path, section: str) -> Path:
    """``journal.csv`` -> ``journal.medications.csv``."""
    return path.with_name(f"{path.stem}.{section}{path.suffix or '.csv'}")


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _medication_row(med: Medication) -> list[str]:
    changes = _SEPARATOR.join(" ".join(filter(None, (d.date.isoformat(), _number(d.strength),
                                                     d.unit or ""))) for d in med.doses)
    doses = _SEPARATOR.join(" ".join(filter(None, (
        d.date.isoformat(), "" if d.count is None else f"x{d.count}", *d.times,
        d.status or ""))) for d in med.days)
    return [_text_cell(med.name), _number(med.current.strength), med.current.unit or "",
            "yes" if med.as_needed else "no", _text_cell(med.schedule or ""),
            _text_cell(med.reason or ""), _text_cell(med.notes or ""), med.start.isoformat(),
            med.stop.isoformat() if med.stop else "", changes, doses]


def _event_row(event: Event) -> list[str]:
    return [event.date.isoformat(), event.until.isoformat() if event.until else "",
            _text_cell(event.kind), _text_cell(event.note or "")]


def dump_companions(document: JournalDocument) -> dict[str, str]:
    """The CSV text of each section that has records (days excepted)."""
    rows = {"medications": [_medication_row(m) for m in document.medications],
            "events": [_event_row(e) for e in document.events]}
    out = {}
    for section, records in rows.items():
        if records:
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\r\n")
            writer.writerow(COMPANIONS[section])
            writer.writerows(records)
            out[section] = buffer.getvalue()
    return out


def _parse_changes(text: str, start: str, strength: str, unit: str) -> tuple[Dose, ...]:
    items = [item.split() for item in text.split(";") if item.strip()]
    if not items:
        return (Dose(parse_date(start), _strength(strength) if strength else None,
                     unit or None),)
    doses = []
    for parts in items:
        if len(parts) > 3:
            raise ValidationError("changes", " ".join(parts), "DATE [STRENGTH [UNIT]]")
        doses.append(Dose(parse_date(parts[0]), _strength(parts[1]) if len(parts) > 1 else None,
                          parts[2] if len(parts) > 2 else None))
    return tuple(doses)


def _strength(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise ValidationError("strength", text, "a number above 0") from None
    return int(value) if value.is_integer() else value


def _parse_doses(text: str) -> tuple[MedicationDay, ...]:
    days = []
    for item in (i.split() for i in text.split(";") if i.strip()):
        count, times, status = None, [], None
        for part in item[1:]:
            match = _COUNT.fullmatch(part)
            if match:
                count = int(match.group(1))
            elif part in DOSE_STATUSES:
                status = part
            else:
                times.append(part)
        days.append(MedicationDay(parse_date(item[0]), count, tuple(times), status))
    return tuple(days)


def _medication(cells: dict[str, str]) -> Medication:
    as_needed = cells.get("as_needed", "").strip().lower()
    if as_needed not in ("yes", "no", ""):
        raise ValidationError("as_needed", as_needed, "yes or no")
    stop = cells.get("stop", "").strip()
    return Medication(
        name=_cell_text(cells.get("name", "")), start=parse_date(cells.get("start", "")),
        stop=parse_date(stop) if stop else None, as_needed=as_needed == "yes",
        schedule=_cell_text(cells.get("schedule", "")) or None,
        reason=_cell_text(cells.get("reason", "")) or None,
        notes=_cell_text(cells.get("notes", "")) or None,
        doses=_parse_changes(cells.get("changes", ""), cells.get("start", ""),
                             cells.get("strength", "").strip(), cells.get("unit", "").strip()),
        days=_parse_doses(cells.get("doses", "")))


def _event(cells: dict[str, str]) -> Event:
    until = cells.get("until", "").strip()
    return Event(parse_date(cells.get("date", "")), _cell_text(cells.get("kind", "")),
                 parse_date(until) if until else None, _cell_text(cells.get("note", "")) or None)


def load_companion(text: str, section: str) -> list:
    """The records of one companion file; ImportFileError names the line of a problem."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    make = _medication if section == "medications" else _event
    records, keys = [], {}
    try:
        header = [cell.strip().lower() for cell in next(reader, [])]
        unknown = [name for name in header if name not in COMPANIONS[section]]
        if unknown or not header:
            raise ImportFileError(f'{section}: unknown column "{(unknown or [""])[0]}"; the '
                                  "columns are " + ", ".join(COMPANIONS[section]) + ".", 1)
        line = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                if len(row) != len(header):
                    raise ImportFileError(f"{section}: expected {len(header)} cells as in the "
                                          f"header, found {len(row)}.", line)
                try:
                    records.append(make(dict(zip(header, row, strict=True))))
                except ValidationError as error:
                    raise ImportFileError(f"{section}: {error}", line) from None
                if records[-1].key in keys:
                    raise ImportFileError(f"{section}: the same record twice (first on line "
                                          f"{keys[records[-1].key]}).", line)
                keys[records[-1].key] = line
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(f"{section}: the CSV is malformed ({error}).",
                              reader.line_num or 1) from None
    return records


def companion_files(document: JournalDocument, path: Path) -> dict[Path, bytes]:
    """The companion files an export of *document* to *path* writes beside it."""
    return {companion_path(path, section): text.encode("utf-8-sig")
            for section, text in dump_companions(document).items()}


def with_companions(document: JournalDocument, path: Path) -> JournalDocument:
    """*document* (read from the CSV file *path*) with the sections of the companion files
    found beside it; ImportFileError names the companion file and line of a problem."""
    from dataclasses import replace

    found = {}
    for section in COMPANIONS:
        companion = companion_path(path, section)
        if not companion.is_file():
            continue
        try:
            text = companion.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise ImportFileError(f"{companion.name} cannot be read as UTF-8 text ({error}).") \
                from None
        try:
            found[section] = load_companion(text, section)
        except ImportFileError as error:
            raise ImportFileError(f"{companion.name}: {error.message}", error.line) from None
    return replace(document, **found) if found else document
