"""``pain-journal import`` for other apps' exports: detect, read, preview, merge, write.

Kept apart from `journal.cli` (which calls it lazily) so the start-up path stays light.
"""

from __future__ import annotations

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
                   include_naps: bool = False) -> None:
    """Import *file* (another app's export) into the journal that *journal()* opens."""
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
    if map_file is not None:
        options["map_file"] = map_file
    try:
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
