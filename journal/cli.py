"""The command line: ``pain-journal`` and ``python -m journal``.

Each command is a thin wrapper over a use case of `journal.journal.Journal`, the same one
the window calls. Importing this module stays light (no Qt, matplotlib, numpy or scipy).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from journal import __version__
from journal.charts.kinds import KINDS
from journal.domain import MEASURES, ValidationError
from journal.domain.dates import check_begun, latest_date, local_today
from journal.domain.entry import EARLIEST_DATE
from journal.domain.parse import (
    NO_ACTIVITY,
    parse_activity,
    parse_date,
    parse_measure,
)
from journal.paths import resolve_db_path

if TYPE_CHECKING:
    from journal.journal import Journal

PROG = "pain-journal"
EXIT_USAGE = 2
EXIT_FAILURE = 1


class CommandError(click.ClickException):
    """Any failure that is not the user's input: one line, exit 1."""

    exit_code = EXIT_FAILURE


@dataclass
class Options:
    db_flag: str | None = None

    @property
    def db_path(self) -> Path:
        return resolve_db_path(self.db_flag)


def _db_option(command: Callable) -> Callable:
    """``--db`` is accepted before or after the command name."""
    def remember(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
        if value is not None and not value.strip():
            raise click.BadParameter("an empty path is not accepted; give the journal's file.",
                                     ctx=ctx, param=param)
        if value:
            ctx.ensure_object(Options).db_flag = value

    return click.option("--db", metavar="PATH", expose_value=False, callback=remember,
                        help="The journal file (default: $PAIN_JOURNAL_DB or the user data "
                             "dir).")(command)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@_db_option
@click.version_option(__version__, prog_name=PROG, message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Pain & Mood Journal: a private pain, mood, sleep and activity diary.

    With no command, opens the app's window.
    """
    options = ctx.ensure_object(Options)
    if ctx.invoked_subcommand is None:
        from journal.ui.app import run  # Qt is loaded only for the GUI

        ctx.exit(run(options.db_path))


def _journal(*, write: bool = False, create: bool = False) -> Journal:
    """The journal, closed when the command ends. A writer first takes the lock the app holds
    while open; a reader takes none and opens read-only, so it never disturbs an open window."""
    from journal.journal import Journal

    ctx = click.get_current_context()
    opened = Journal.open(ctx.ensure_object(Options).db_path, write=write, create=create)
    ctx.call_on_close(opened.close)
    return opened


def _db_path() -> Path:
    return click.get_current_context().ensure_object(Options).db_path


def _date_arg(_ctx: object, _param: object, value: str | None) -> dt.date | None:
    return None if value is None else parse_date(value)


def _period_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A ``--from``/``--to`` date: from 1900-01-01 to the latest date begun anywhere on Earth."""
    if value is None:
        return None
    latest = latest_date()
    try:
        date = parse_date(value)
    except ValidationError:
        date = None
    if date is None or not EARLIEST_DATE <= date <= latest:
        raise click.BadParameter(f'"{value}" is not accepted; expected a date from '
                                 f"{EARLIEST_DATE} to {latest}, written YYYY-MM-DD.", ctx, param)
    return date


def _period(first: str, last: str) -> Callable:
    """``--period``, ``--from D`` and ``--to D``, passed on as ``preset``, ``start``, ``end``.

    The presets are the app's own (journal.domain.periods), the same as in the window.
    """
    from journal.domain.periods import PRESETS

    def decorate(command: Callable) -> Callable:
        command = click.option("--to", "end", metavar="D", callback=_period_date,
                               help=f"Last day (default: {last}).")(command)
        command = click.option("--from", "start", metavar="D", callback=_period_date,
                               help=f"First day (default: {first}).")(command)
        return click.option("--period", "preset", type=click.Choice([p.key for p in PRESETS]),
                            help="A period ending on --to (default today): "
                                 + ", ".join(f"{p.key} = {p.label.lower()}" for p in PRESETS)
                                 + ".")(command)
    return decorate


def _measure_options(command: Callable) -> Callable:
    """One option per measure of the registry (``--pain N`` ... ``--sleep HOURS``), passed on
    by the measure's key, in the manner of sqlite-utils' ``output_options``."""
    for measure in reversed(MEASURES):
        if measure.scale is None:
            metavar, help_text = "HOURS", f"{measure.question}: 7.5, 7:30 or 7 hours 30."
        else:
            metavar, help_text = "N", f"{measure.question} ({measure.words})."
        command = click.option(measure.option, measure.key, metavar=metavar,
                               help=help_text)(command)
    return command


@cli.command()
@_db_option
@click.option("--date", "date_text", metavar="D", help="The day, YYYY-MM-DD (default: today).")
@_measure_options
@click.option("--activity", "activities", metavar="KIND:MINUTES[:INTENSITY]", multiple=True,
              help="Repeatable, e.g. walking:30:moderate; 'none' records no exercise.")
@click.option("--tag", "tags", metavar="T", multiple=True, help="Repeatable.")
@click.option("--note", metavar="TEXT", help="A note for the day.")
def add(date_text: str | None, activities: Sequence[str], tags: Sequence[str], note: str | None,
        **measures: str | None) -> None:
    """Record a day. Given fields replace, others are kept; an empty value clears a field."""
    date = check_begun(parse_date(date_text)) if date_text is not None else local_today()
    changes: dict[str, object] = {key: parse_measure(key, text) for key, text in measures.items()
                                  if text is not None}
    if activities:
        changes["activities"] = _parse_activities(activities)
    if tags:
        changes["tags"] = tuple(t for t in tags if t.strip())
    if note is not None:
        changes["notes"] = note
    if not changes:
        raise click.UsageError("Nothing to save: give at least one field, such as --pain 5.")
    _journal(write=True, create=True).update_day(date, changes)  # validates every field
    click.echo(f"Saved {date.isoformat()}.")


def _parse_activities(texts: Sequence[str]) -> tuple:
    if any(t.strip().lower() == NO_ACTIVITY for t in texts):
        if len(texts) > 1:
            raise ValidationError("activity", ", ".join(texts),
                                  "either 'none' or activities, not both")
        return ()
    return tuple(parse_activity(t) for t in texts)


@cli.command()
@_db_option
@click.argument("date", metavar="D", callback=_date_arg)
@click.option("--json", "as_json", is_flag=True, help="Print the day as JSON.")
def show(date: dt.date, as_json: bool) -> None:
    """Show one day."""
    from journal.display import describe_entry
    from journal.exchange.records import entry_record

    entry = _journal().day(date)
    if entry is None:
        raise CommandError(f"No entry for {date.isoformat()}.")
    click.echo(_json(entry_record(entry)) if as_json else describe_entry(entry))


@cli.command("list")
@_db_option
@_period("the first logged day", "the last logged day")
@click.option("--json", "as_json", is_flag=True, help="Print the days as a JSON array.")
def list_days(preset: str | None, start: dt.date | None, end: dt.date | None,
              as_json: bool) -> None:
    """List the days in a range (default: all)."""
    from journal.display import entries_table
    from journal.exchange.records import entry_record

    journal = _journal()
    if preset is not None:
        start, end = journal.period(preset, start, end)
    entries = journal.days(start, end)
    if as_json:
        click.echo(_json([entry_record(e) for e in entries]))
    elif entries:
        click.echo(entries_table(entries))
    else:
        click.echo("No days logged in this range.")


@cli.command()
@_db_option
@click.argument("date", metavar="D", callback=_date_arg)
def delete(date: dt.date) -> None:
    """Delete one day."""
    if _journal(write=True).delete_day(date) is None:
        raise CommandError(f"No entry for {date.isoformat()}; nothing was deleted.")
    click.echo(f"Deleted {date.isoformat()}.")


@cli.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "fhir"]), default="csv",
              show_default=True, help="csv opens in spreadsheets; json is for programs (both "
              "import back losslessly); fhir is a FHIR R4 Bundle of Observations for clinic "
              "systems (numbers only, no notes or tags).")
@click.option("-o", "--output", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to FILE; - is standard output (the default).")
def export(fmt: str, output: Path | None) -> None:
    """Export every day: losslessly (csv, json), or as FHIR for a clinic's systems."""
    if output == Path("-"):
        output = None
    journal = _journal()
    if output is not None:
        _refuse_journal_files(output)
    days = journal.count()
    if output is None:
        sys.stdout.buffer.write(journal.export(fmt))
        sys.stdout.flush()
        return
    from journal.exchange.files import write_private

    files = journal.export_files(fmt, output)  # CSV: a companion file per section beside it
    for path in files:
        _refuse_journal_files(path)
    try:
        for path, data in files.items():
            write_private(path, data)
    except OSError as error:
        raise CommandError(f"Cannot write {path}: {error.strerror}.") from None
    also = "".join(f" and {p.name}" for p in list(files)[1:])
    click.echo(f"Exported {_days(days)} to {output}{also}.", err=True)


_HEAD = 1 << 16
IMPORT_FORMATS = ("csv", "json", "daylio", "bearable", "imoodjournal", "apple-health", "fitbit")


@cli.command("import")
@_db_option
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS),
              help="The file's format (default: detected from its content). csv is the "
                   "journal's own CSV, or any other CSV through a column mapping (--map).")
@click.option("--mood-map", metavar="NAME=N,...|FILE",
              help="A 0-10 score for each mood name, e.g. 'rad=10,good=7' (or a file of lines).")
@click.option("--map", "map_file", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path),
              help="Any CSV: the saved column mapping to use.")
@click.option("--on-conflict", type=click.Choice(("fill", "keep", "replace")), default="fill",
              show_default=True, help="Dates already in the journal: fill only empty fields, "
              "keep the day as it is, or replace with the file's values.")
@click.option("--pain-symptoms", metavar="NAME,...",
              help="Bearable: the symptoms that count as pain (default: names with pain, ache "
                   "or migraine).")
@click.option("--include-naps", is_flag=True, help="Fitbit: count naps as sleep too.")
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
def import_file(file: Path, fmt: str | None, dry_run: bool, **options: object) -> None:
    """Import a file: the journal's own CSV or JSON export, or another app's export
    (Daylio, Bearable, iMoodJournal, Apple Health, Fitbit, any CSV). All of it, or nothing."""
    from journal.exchange import ImportFileError, JournalDocument, plan_import, read_document

    try:
        with open(file, "rb") as stream:
            head = stream.read(_HEAD)
    except OSError as error:
        raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
    own = _own_format(file, head, fmt)
    if own is None:
        from journal.cli_import import import_foreign

        import_foreign(file, fmt, dry_run=dry_run, journal=_journal, db_exists=_db_path().exists(),
                       mappings=_db_path().parent / "import-mappings", **options)
        return
    try:
        incoming = read_document(file.read_bytes() if len(head) >= _HEAD else head, own)
        if own == "csv":
            from journal.exchange.treatment_csv import with_companions

            incoming = with_companions(incoming, file)  # NAME.medications.csv, ... if there
    except ImportFileError as error:
        raise CommandError(f"{file}, {error} Nothing was imported.") from None
    if dry_run and not _db_path().exists():
        click.echo(plan_import(JournalDocument(), incoming).describe(done=False))
        return
    journal = _journal(write=not dry_run, create=not dry_run)
    plan = journal.plan_import(incoming)
    if not dry_run:
        journal.write_import(plan)
    click.echo(plan.describe(done=not dry_run))


def _own_format(file: Path, head: bytes, fmt: str | None) -> str | None:
    """"csv" or "json" when *file* is (or is named as) one of the journal's own exports; None
    for another app's file."""
    from journal.exchange.records import RECORD_KEYS

    if fmt == "json":
        return "json"
    first = head.decode("utf-8-sig", errors="replace").lstrip().partition("\n")[0]
    names = [name.strip().strip('"').lower() for name in first.split(",")]
    own = names[0] == "date" and all(name in RECORD_KEYS for name in names)
    if fmt == "csv":
        return "csv" if own or not first.strip() else None
    if fmt is not None:
        return None
    from journal.exchange.importers import detect

    if detect(file) is not None:
        return None
    if first.startswith(("{", "[")):
        return "json"
    return "csv" if own or not first.strip() else None


@cli.command("backup")
@_db_option
@click.option("-o", "--output", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path),
              help="Write one copy to FILE (default: the backups folder beside the journal).")
def backup_command(output: Path | None) -> None:
    """Make a verified copy of the journal."""
    journal = _journal()  # opening checks the journal first
    if output is not None:
        _refuse_journal_files(output)
    made = journal.backup() if output is None else journal.backup_to(output)
    click.echo(f"Backed up to {made}.")


@cli.command("restore")
@_db_option
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
def restore_command(file: Path) -> None:
    """Replace the journal with a backup (the current journal is kept as a backup first)."""
    from journal.journal import restore_into

    done = restore_into(_db_path(), file)  # works on a journal too damaged to open
    safety = f" The journal as it was is kept in {done.kept}." if done.kept else ""
    note = f" Note: {done.note}" if done.note else ""
    click.echo(f"Restored {file.name} into {_db_path()}.{safety}{note}")


@cli.command("check")
@_db_option
def check_command() -> None:
    """Check the journal: integrity, schema version and counts."""
    found = _journal().check()
    click.echo(f"Journal: {_db_path()}")
    click.echo(f"Integrity: {found.integrity.splitlines()[0]}"
               + (f" (and {len(found.integrity.splitlines()) - 1} more lines)"
                  if "\n" in found.integrity else ""))
    applied = found.migrations
    click.echo(f"Schema version: {len(applied)} ({applied[-1] if applied else 'none'})")
    click.echo(f"Days: {found.days}; activities: {found.activities}")
    if not found.ok:
        raise CommandError("The journal failed its integrity check; restore a backup.")


@cli.command()
@_db_option
@click.option("--days", default=365, show_default=True, type=click.IntRange(1, 7300),
              help="How many days of sample data, ending today.")
@click.option("--seed", default=0, show_default=True, type=int, help="Another seed, other days.")
def demo(days: int, seed: int) -> None:
    """Fill an EMPTY journal with realistic sample data."""
    from journal.demo import demo_entries

    journal = _journal(write=True, create=True)
    if journal.count():
        raise CommandError(f"This journal already has {journal.count()} days; sample data only "
                           "goes into an empty journal. Use --db with a new file.")
    entries = demo_entries(days, seed)
    journal.fill_with_sample(entries)
    click.echo(f"Added {len(entries)} sample days ({days} days with some missed, as in a real "
               "diary).")


@cli.command("insights")
@_db_option
@_period("the first logged day", "today")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def insights_command(preset: str | None, start: dt.date | None, end: dt.date | None,
                     as_json: bool) -> None:
    """How sleep and activity went together with pain and mood, honestly."""
    from journal.analysis.insights import compared, insights_text

    journal = _journal()
    data = journal.chart_data(*journal.period(preset, start, end))
    series = data.series
    if as_json:
        period = {"from": series.start.isoformat(), "to": series.end.isoformat()}
        span = compared(series)
        click.echo(_json({"period": period,
                          "compared": {"from": span.start.isoformat(),
                                       "to": span.end.isoformat(),
                                       "days_logged": span.days_logged},
                          "days_logged": series.days_logged,
                          "pairs": [r.as_json() for r in data.insights]}))
    else:
        click.echo(insights_text(series, data.insights))


@cli.command("chart")
@_db_option
@click.argument("kind", metavar="KIND", type=click.Choice(list(KINDS)))
@_period("the first logged day", "today")
@click.option("--measure", type=click.Choice(["pain", "mood"]), default="pain", show_default=True,
              help="What the calendar shows.")
@click.option("-o", "--output", metavar="FILE.png|.svg|.pdf", required=True,
              type=click.Path(dir_okay=False, path_type=Path), help="Where to save the chart.")
def chart_command(kind: str, preset: str | None, start: dt.date | None, end: dt.date | None,
                  measure: str, output: Path) -> None:
    """Save a chart as PNG (300 dpi), SVG or PDF."""
    if output.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise click.BadParameter(f'"{output.name}" must end in .png, .svg or .pdf.',
                                 param_hint="-o")
    journal = _journal()
    start, end = journal.period(preset, start, end)
    _refuse_journal_files(output)
    try:
        journal.save_chart(kind, start, end, output, measure)
    except OSError as error:
        raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
    click.echo(f"Saved the {kind} chart of {start} to {end} to {output}.", err=True)


@cli.command("report")
@_db_option
@_period("6 weeks before --to", "today")
@click.option("--name", default="", help="Your name, printed on page 1 (optional).")
@click.option("--paper", type=click.Choice(["a4", "letter"]),
              help="Paper size (default: from your locale).")
@click.option("--notes", "include_notes", is_flag=True,
              help="Add the notes of the days (left out by default, for privacy).")
@click.option("--questions", default="", help="Text for the 'Questions for my doctor' box.")
@click.option("--leave-out", "leave_out", multiple=True,
              type=click.Choice(["associations", "charts"]),
              help="Leave a part out: associations (what went together), charts (the chart "
                   "pages). Repeat for both.")
@click.option("--before-after", "before_after", metavar="D", callback=_date_arg,
              help="Add a before-and-after of a date (a medication start, a dose change, an "
                   "event) to page 1.")
@click.option("--before-after-measure", type=click.Choice(["pain", "worst_pain",
                                                           "pain_interference", "mood",
                                                           "sleep_hours"]),
              default="pain", show_default=True, help="What the before-and-after compares.")
@click.option("-o", "--output", metavar="FILE.pdf", required=True,
              type=click.Path(dir_okay=False, path_type=Path), help="Where to save the PDF.")
def report_command(preset: str | None, start: dt.date | None, end: dt.date | None, name: str,
                   paper: str | None, include_notes: bool, questions: str,
                   leave_out: tuple[str, ...], before_after: dt.date | None,
                   before_after_measure: str, output: Path) -> None:
    """A doctor-visit report: a one-minute summary page and the charts, as a PDF."""
    from journal.domain.periods import DEFAULT_REPORT
    from journal.report.options import ReportOptions, default_paper

    if output.suffix.lower() != ".pdf":
        raise click.BadParameter(f'"{output.name}" must end in .pdf.', param_hint="-o")
    journal = _journal()
    if start is None:
        start, end = journal.period(preset or DEFAULT_REPORT, None, end)
    start, end = journal.period(None, start, end)
    options = ReportOptions(start, end, paper or default_paper(), name, questions, include_notes,
                            frozenset(leave_out), before_after, before_after_measure)
    _refuse_journal_files(output)
    try:
        pages = journal.write_report(options, output)
    except OSError as error:
        raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
    click.echo(f"Saved a {pages}-page report for {start} to {end} to {output}.", err=True)


def _add_questionnaire_commands() -> None:
    from journal.cli_questionnaires import questionnaire_commands

    for command in questionnaire_commands(_db_option, _journal, CommandError, _json):
        cli.add_command(command)


from journal.cli_treatments import treatment_commands  # noqa: E402 - needs _db_option

for _command in treatment_commands(_db_option):  # med, event, before-after
    cli.add_command(_command)


def _refuse_journal_files(output: Path) -> None:
    """Exit 2 if ``-o`` names the journal or a file that belongs to it.

    Called with the journal open, so that /dev/fd/N naming the journal's own descriptor is seen.
    """
    from journal.exchange.files import JournalFileError, refuse_journal_files

    try:
        refuse_journal_files(output, _db_path())
    except JournalFileError as error:
        raise click.BadParameter(str(error), param_hint="-o") from None


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


_add_questionnaire_commands()


def _register_desktop_commands() -> None:
    from journal import cli_desktop

    cli.add_command(cli_desktop.install_desktop)
    cli.add_command(cli_desktop.quick)
    cli.add_command(cli_desktop.tray)


_register_desktop_commands()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code. Errors are one line, never a traceback."""
    try:
        result = cli.main(args=list(sys.argv[1:] if argv is None else argv), prog_name=PROG,
                          standalone_mode=False)
    except ValidationError as error:
        return _fail(str(error) + " Nothing was written.", EXIT_USAGE)
    except click.UsageError as error:
        hint = f" See '{error.ctx.command_path} --help'." if error.ctx else ""
        return _fail(error.format_message() + hint, EXIT_USAGE)
    except click.ClickException as error:
        return _fail(error.format_message(), error.exit_code)
    except click.Abort:
        return _fail("Stopped.", EXIT_FAILURE)
    except Exception as error:  # noqa: BLE001 - the promise is: no traceback, ever
        from journal.storage.errors import explain

        return _fail(explain(error), EXIT_FAILURE)
    return result if isinstance(result, int) else 0


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def _fail(message: str, code: int) -> int:
    click.echo(f"Error: {' '.join(message.split())}", err=True)
    return code
