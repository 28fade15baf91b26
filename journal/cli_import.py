"""``pain-journal import`` for other apps' exports: detect, read, preview, merge, write.

Kept apart from `journal.cli` (which calls it lazily) so the start-up path stays light.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click

EXIT_USAGE = 2


class ImportRefused(click.ClickException):
    """The file cannot be imported as it is (unknown format, malformed, moods to map): exit 2."""

    exit_code = EXIT_USAGE


def import_foreign(file: Path, fmt: str | None, *, dry_run: bool, journal: Callable,
                   db_exists: bool, mood_map: str | None = None, map_file: Path | None = None,
                   on_conflict: str = "fill", pain_symptoms: str | None = None,
                   include_naps: bool = False, mappings: Path | None = None) -> None:
    """Import *file* (another app's export) into the journal that *journal()* opens.

    *mappings* is the folder where CSV column mappings are kept, one per kind of file.
    """
    from journal.exchange import ImportFileError, JournalDocument, plan_import
    from journal.exchange.importers import (
        FORMATS,
        LABELS,
        UnmappedMoodsError,
        detect,
        parse_mood_map,
        read_file,
    )
    from journal.exchange.importers.preview import describe, problem_lines

    if fmt is None:
        fmt = detect(file)
        if fmt is None:
            raise ImportRefused(f"{file}: the format is not recognised; expected the journal's "
                                "own CSV or JSON export, or an export of Daylio, Bearable, "
                                "iMoodJournal, Apple Health or Fitbit; or "
                                "name it with --format " + "|".join(FORMATS) + ". Nothing was "
                                "imported.")
        click.echo(f"Detected format: {LABELS[fmt]} ({fmt}).")
    options: dict[str, object] = {"include_naps": include_naps}
    if mood_map:
        options["mood_map"] = parse_mood_map(mood_map)
    if pain_symptoms:
        options["pain_symptoms"] = [s.strip() for s in pain_symptoms.split(",") if s.strip()]
    try:
        if fmt == "csv":
            options["mapping"] = _csv_mapping(file, map_file, mappings, keep=not dry_run)
        imported = read_file(file, fmt, **options)
    except UnmappedMoodsError as error:
        example = ",".join(f"{name}=N" for name in list(error.counts)[:3])
        raise ImportRefused(f"{file}: {error.message} Give each one a score from 0 to 10 with "
                            f"--mood-map '{example},...' (or --mood-map FILE with one name=N a "
                            "line). Nothing was imported.") from None
    except ImportFileError as error:
        raise ImportRefused(f"{file} ({LABELS[fmt]}), {error} Nothing was imported.") from None
    except OSError as error:
        raise ImportRefused(f"Cannot read {file}: {error.strerror}. Nothing was imported.") \
            from None
    for line in problem_lines(imported):
        click.echo(line)
    if dry_run and not db_exists:
        plan = plan_import(JournalDocument(), JournalDocument(days=imported.days))
        click.echo(describe(plan, imported, on_conflict, done=False))
        return
    opened = journal(write=not dry_run, create=not dry_run)
    plan = opened.plan_merge(imported.days, on_conflict)
    if not dry_run:
        opened.write_import(plan)
    click.echo(describe(plan, imported, on_conflict, done=not dry_run))


def _csv_mapping(file: Path, map_file: Path | None, mappings: Path | None, *,
                 keep: bool) -> dict:
    """The column mapping for *file*: the ``--map`` file (kept in *mappings* for the next
    file of the same kind when *keep*), else the one kept for this kind of file; else a
    proposal is written beside *file* for the user to check, and the import stops."""
    from journal.exchange.importers import any_csv

    data = file.read_bytes()
    kind = any_csv.signature(any_csv.propose(data)["header"])
    if map_file is not None:
        mapping = {**any_csv.load_mapping(map_file), "signature": kind}
        if keep and mappings is not None:
            any_csv.save_mapping(mapping, mappings)
        return mapping
    saved = None if mappings is None else any_csv.saved_mapping(data, mappings)
    if saved is not None:
        click.echo(f"Using the column mapping kept for this kind of file "
                   f"({mappings / (kind + '.json')}).")
        return saved
    proposal = any_csv.propose(data)
    formats = " or ".join(any_csv.format_words(f) for f in proposal["date_formats"]) or "unknown"
    proposal["date_format"] = proposal["date_format"] or (proposal["date_formats"] or [None])[0]
    text = json.dumps({k: proposal[k] for k in ("columns", "date_format", "decimal")},
                      ensure_ascii=False, indent=2) + "\n"
    target = file.with_name(file.stem + ".mapping.json")
    try:
        from journal.exchange.files import write_private

        write_private(target, text.encode("utf-8"))
        where = f"A proposal is in {target}"
    except OSError:
        target = Path("MAPPING.json")
        where = f"A proposal (save it as a file): {' '.join(text.split())}"
    mapped = ", ".join(f"{column} -> {field}" for column, field in proposal["columns"].items())
    raise ImportRefused(f"{file}: a CSV of another kind needs a column mapping once. {where} "
                        f"(columns: {mapped or 'none recognised'}; dates read as {formats}; "
                        f"decimal {proposal['decimal']!r}): check or edit it, then run again "
                        f"with --map {target}. Nothing was imported.")
