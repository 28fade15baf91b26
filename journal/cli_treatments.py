"""The command line of treatments: ``med``, ``event`` and ``before-after``.

Thin wrappers over the `journal.journal.Journal` use cases, like the rest of the command
line (`journal.cli` registers them). ``--json`` output is documented in the README.
Importing this module stays light (click only).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from journal.domain import MEASURE_KEYS, ValidationError
from journal.domain.dates import check_begun, local_today
from journal.domain.grammar import count_text
from journal.domain.parse import parse_date

if TYPE_CHECKING:
    from journal.journal import Journal

_NUMBER = re.compile(r"[0-9]{1,9}(?:[.,][0-9]{1,4})?")
#: What ``before-after --measure`` accepts: every measure of the registry, and activity.
BEFORE_AFTER_MEASURES = (*MEASURE_KEYS, "activity_minutes")


def _journal(*, write: bool = False) -> Journal:
    """The journal named by the root command's options, closed when the command ends."""
    from journal.journal import Journal

    ctx = click.get_current_context()
    opened = Journal.open(ctx.find_root().obj.db_path, write=write, create=write)
    ctx.call_on_close(opened.close)
    return opened


def _date(field: str) -> Callable:
    def parse(_ctx: object, _param: object, value: str | None) -> dt.date | None:
        if value is None:
            return None
        try:
            return check_begun(parse_date(value))
        except ValidationError as error:
            raise ValidationError(field, value, error.accepted) from None
    return parse


def _strength(_ctx: object, _param: object, value: str | None) -> float | None:
    if value is None:
        return None
    if not _NUMBER.fullmatch(value.strip()):
        raise ValidationError("strength", value, "a number above 0, such as 60 or 0.5")
    number = float(value.strip().replace(",", "."))
    return int(number) if number.is_integer() else number


def _echo_json(value: object) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def treatment_commands(db_option: Callable) -> list[click.Command]:
    """The commands, each with the main command line's ``--db`` option."""

    @click.group(context_settings={"help_option_names": ["-h", "--help"]})
    def med() -> None:
        """Medications: add, change a dose, stop, log a dose, list."""

    @med.command("add")
    @db_option
    @click.argument("name")
    @click.option("--strength", metavar="N", callback=_strength, help="e.g. 60")
    @click.option("--unit", metavar="U", help="mg, mcg, g, ml, IU, tablets, puffs, ...")
    @click.option("--schedule", metavar="TEXT", help="When it is taken, e.g. 'once daily'.")
    @click.option("--as-needed", is_flag=True, help="Taken as needed (PRN), not on a schedule.")
    @click.option("--start", metavar="D", required=True, callback=_date("start"),
                  help="The first day it was taken, YYYY-MM-DD.")
    @click.option("--reason", metavar="TEXT", help="What it is for.")
    @click.option("--note", metavar="TEXT", help="Notes.")
    def med_add(name: str, strength: float | None, unit: str | None, schedule: str | None,
                as_needed: bool, start: dt.date, reason: str | None, note: str | None) -> None:
        """Add a medication."""
        from journal.domain.medications import Dose, Medication

        if as_needed and schedule:
            raise ValidationError("schedule", schedule, "either --schedule or --as-needed, "
                                  "not both")
        medication = Medication(name=name, start=start, doses=(Dose(start, strength, unit),),
                                as_needed=as_needed, schedule=schedule, reason=reason,
                                notes=note)
        edit = _journal(write=True).change_treatments("add_medication", medication)
        added = edit.after["medications"][medication.key]
        click.echo(f"Added {added.describe()}, from {start}.")

    @med.command("dose")
    @db_option
    @click.argument("name")
    @click.option("--date", "date", metavar="D", required=True, callback=_date("date"))
    @click.option("--strength", metavar="N", required=True, callback=_strength)
    @click.option("--unit", metavar="U", help="Default: the unit it had.")
    def med_dose(name: str, date: dt.date, strength: float, unit: str | None) -> None:
        """Change the dose from a date on (the earlier doses are kept)."""
        edit = _journal(write=True).change_treatments("change_dose", name, date, strength, unit)
        med = next(m for m in edit.after["medications"].values())
        click.echo(f"{med.name}: {med.dose_on(date).describe()} from {date}.")

    @med.command("stop")
    @db_option
    @click.argument("name")
    @click.option("--date", "date", metavar="D", required=True, callback=_date("date"))
    def med_stop(name: str, date: dt.date) -> None:
        """Stop a medication on a date."""
        edit = _journal(write=True).change_treatments("stop_medication", name, date)
        med = next(m for m in edit.after["medications"].values())
        click.echo(f"Stopped {med.name} on {date}.")

    @med.command("took")
    @db_option
    @click.argument("name")
    @click.option("--date", "date", metavar="D", callback=_date("date"),
                  help="Default: today.")
    @click.option("--count", type=click.IntRange(1, 50), default=1, show_default=True,
                  help="How many doses (as needed).")
    @click.option("--time", metavar="HH:MM", help="When (optional).")
    @click.option("--skipped", is_flag=True, help="A scheduled dose was skipped.")
    def med_took(name: str, date: dt.date | None, count: int, time: str | None,
                 skipped: bool) -> None:
        """Log an as-needed dose, or mark a scheduled dose taken (or --skipped)."""
        date = date or local_today()
        edit = _journal(write=True).change_treatments(
            "log_dose", name, date, count=count, time=time,
            status="skipped" if skipped else None)
        med = next(m for m in edit.after["medications"].values())
        day = med.day(date)
        if med.as_needed and not skipped:
            click.echo(f"{med.name}: {day.count} dose{'s' if day.count != 1 else ''} on {date}.")
        else:
            click.echo(f"{med.name}: {day.status} on {date}.")

    @med.command("list")
    @db_option
    @click.option("--on", "on", metavar="D", callback=_date("on"),
                  help="Only those taken on D, with the dose of that day.")
    @click.option("--json", "as_json", is_flag=True, help="Print the medications as JSON.")
    def med_list(on: dt.date | None, as_json: bool) -> None:
        """List medications."""
        from journal.exchange.treatment_records import medication_record

        meds = _journal().medications(on)
        if as_json:
            _echo_json([medication_record(m, on) for m in meds])
            return
        if not meds:
            click.echo("No medications" + (f" taken on {on}." if on else " yet."))
        for m in meds:
            dose = (m.dose_on(on) if on else m.current).describe()
            until = f" to {m.stop}" if m.stop else ""
            changes = f"; {count_text(len(m.changes), 'dose change')}" if m.changes else ""
            click.echo(f"{m.name} {dose}".strip() + f", {m.kind}, from {m.start}{until}{changes}")

    @click.group(context_settings={"help_option_names": ["-h", "--help"]})
    def event() -> None:
        """Events and treatments: therapy, a CBT course, an injection, a flare-up, ..."""

    @event.command("add")
    @db_option
    @click.option("--date", "date", metavar="D", required=True, callback=_date("date"))
    @click.option("--until", metavar="D", callback=_date("until"),
                  help="The last day, for a period.")
    @click.option("--kind", metavar="KIND", required=True,
                  help="therapy session, CBT course, physiotherapy, injection, infusion, nerve "
                       "block, surgery, flare-up, injury, illness, life event, or your words.")
    @click.option("--note", metavar="TEXT")
    def event_add(date: dt.date, until: dt.date | None, kind: str, note: str | None) -> None:
        """Add an event (or a period, with --until)."""
        from journal.domain.medications import Event

        added = Event(date, kind, until, note)
        _journal(write=True).change_treatments("add_event", added)
        click.echo(f"Added {added.describe()}.")

    @event.command("list")
    @db_option
    @click.option("--json", "as_json", is_flag=True, help="Print the events as JSON.")
    def event_list(as_json: bool) -> None:
        """List events."""
        from journal.exchange.treatment_records import event_record

        events = _journal().events()
        if as_json:
            _echo_json([event_record(e) for e in events])
        elif not events:
            click.echo("No events yet.")
        for e in events if not as_json else ():
            click.echo(e.describe())

    @click.command("before-after")
    @db_option
    @click.option("--date", "date", metavar="D", required=True, callback=_date("date"),
                  help="The day to compare around: a start, a dose change, an event.")
    @click.option("--measure", type=click.Choice(BEFORE_AFTER_MEASURES), default="pain",
                  show_default=True)
    @click.option("--before", type=click.IntRange(7, 365), default=28, show_default=True,
                  help="Days before.")
    @click.option("--after", type=click.IntRange(7, 365), default=28, show_default=True,
                  help="Days after the skipped onset window.")
    @click.option("--skip", type=click.IntRange(0, 180), default=14, show_default=True,
                  help="Days after the date left out while a treatment takes effect (0 for "
                       "an event).")
    @click.option("--slope", is_flag=True, help="Allow a trend and a change of trend too.")
    @click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
    def before_after(date: dt.date, measure: str, before: int, after: int, skip: int,
                     slope: bool, as_json: bool) -> None:
        """Compare a measure before and after a date, honestly."""
        result = _journal().before_after(date, measure, before=before, after=after, skip=skip,
                                         slope=slope)
        if as_json:
            _echo_json(result.as_json())
        else:
            click.echo(result.text())

    return [med, event, before_after]
