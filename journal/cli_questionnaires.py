"""The command line of questionnaires: ``questionnaire phq9|gad7``, ``questionnaire delete``
and ``questionnaires list``.

Thin wrappers over `journal.journal.Journal`'s check-in use cases. `journal.cli` hands in
its shared pieces (the ``--db`` option, the journal opener, the error and JSON helpers), so
this module does not import it back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from journal.domain import ValidationError
from journal.domain.dates import check_begun, local_today
from journal.domain.parse import parse_date
from journal.domain.questionnaires import INSTRUMENT_KEYS, Checkin, instrument

if TYPE_CHECKING:
    from journal.journal import Journal


def questionnaire_commands(db_option: Callable, open_journal: Callable[..., Journal],
                           command_error: type[click.ClickException],
                           to_json: Callable[[object], str]) -> list[click.Command]:
    """The ``questionnaire`` and ``questionnaires`` groups, for the main group to add."""

    @click.group()
    def questionnaire() -> None:
        """Take a PHQ-9 (depression) or GAD-7 (anxiety) check-in, or delete one."""

    def take(key: str) -> click.Command:
        form = instrument(key)

        @db_option
        @click.option("--answers", required=True, metavar="0,1,2,...",
                      help=f"The {len(form.items)} item answers in order, each 0-3 (0 = not at "
                           "all, 1 = several days, 2 = more than half the days, 3 = nearly "
                           "every day).")
        @click.option("--difficulty", metavar="0-3",
                      help="The last, unscored question: how difficult these problems made "
                           "things (0 = not difficult at all ... 3 = extremely difficult).")
        @click.option("--date", "date_text", metavar="D",
                      help="The day, YYYY-MM-DD (default: today).")
        def command(answers: str, difficulty: str | None, date_text: str | None) -> None:
            date = check_begun(parse_date(date_text)) if date_text is not None else local_today()
            checkin = Checkin(key, date, tuple(a for a in answers.split(",")),
                              _difficulty(difficulty))
            journal = open_journal(write=True, create=True)
            journal.save_checkin(checkin)
            from journal.domain.checkin_words import previous_of, result_with_change

            previous = previous_of(checkin, journal.checkins(instrument=key))
            click.echo(f"Saved the {form.name} of {date.isoformat()}: "
                       f"{result_with_change(checkin, previous)}.")
            if checkin.safety_positive:
                from journal.domain.crisis import safety_message

                click.echo("\n" + safety_message(None), err=True)

        command.__doc__ = f"Record a {form.name} ({form.title}), answers 0-3."
        return click.command(key)(command)

    for key in INSTRUMENT_KEYS:
        questionnaire.add_command(take(key))

    @questionnaire.command("delete")
    @db_option
    @click.argument("key", metavar="phq9|gad7", type=click.Choice(INSTRUMENT_KEYS))
    @click.option("--date", "date_text", metavar="D", required=True,
                  help="The day of the check-in, YYYY-MM-DD.")
    def delete(key: str, date_text: str) -> None:
        """Delete the check-in of one questionnaire on one day."""
        date = parse_date(date_text)
        if open_journal(write=True).delete_checkin(key, date) is None:
            raise command_error(f"No {instrument(key).name} on {date.isoformat()}; nothing "
                                "was deleted.")
        click.echo(f"Deleted the {instrument(key).name} of {date.isoformat()}.")

    @click.group()
    def questionnaires() -> None:
        """The check-ins taken so far."""

    @questionnaires.command("list")
    @db_option
    @click.option("--json", "as_json", is_flag=True, help="Print them as a JSON array.")
    def list_checkins(as_json: bool) -> None:
        """List every check-in, oldest first, with its total and band."""
        from journal.exchange.checkin_records import checkin_record

        checkins = open_journal().checkins()
        if as_json:
            click.echo(to_json([checkin_record(c) for c in checkins]))
        elif not checkins:
            click.echo("No questionnaires taken yet.")
        for checkin in [] if as_json else checkins:
            click.echo(_line(checkin))

    return [questionnaire, questionnaires]


def _difficulty(text: str | None) -> int | None:
    if text is None:
        return None
    if not text.strip().isdigit() or int(text) > 3:
        raise ValidationError("difficulty", text, "a whole number from 0 to 3")
    return int(text)


def _line(checkin: Checkin) -> str:
    """``2026-03-01  PHQ-9  10  moderate  answers 1,2,...  item 9 above 0``."""
    flag = "  item 9 above 0" if checkin.safety_positive else ""
    difficulty = "" if checkin.difficulty is None else f"  difficulty {checkin.difficulty}"
    return (f"{checkin.date.isoformat()}  {checkin.form.name:<5}  {checkin.total:>2}  "
            f"{checkin.band.words:<17}  answers {','.join(map(str, checkin.answers))}"
            f"{difficulty}{flag}")
