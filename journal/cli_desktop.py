"""Commands for the desktop: ``install-desktop`` (icon and menu entry) and ``quick``.

Registered on the main command group by `journal.cli`; this module does not import it.
"""

from __future__ import annotations

import click


@click.command("quick")
@click.option("--db", "db_flag", metavar="PATH", help="The journal file (as for the window).")
@click.pass_context
def quick(ctx: click.Context, db_flag: str | None) -> None:
    """A small window for today's pain and mood: digit, digit, Enter.

    The rest of today's entry stays as it is; add details later in the full window.
    """
    from journal.paths import resolve_db_path
    from journal.ui.quick_app import run_quick

    db_flag = db_flag or getattr(ctx.find_root().obj, "db_flag", None)
    ctx.exit(run_quick(resolve_db_path(db_flag)))


@click.command("tray")
@click.option("--db", "db_flag", metavar="PATH", help="The journal file (as for the window).")
@click.pass_context
def tray(ctx: click.Context, db_flag: str | None) -> None:
    """Start in the system tray, window hidden (how the app starts with the session).

    The tray icon's menu opens the window or the quick entry; the daily reminder comes
    from it. Without a tray on this desktop, the window opens as usual.
    """
    from journal.paths import resolve_db_path
    from journal.ui.app import run

    db_flag = db_flag or getattr(ctx.find_root().obj, "db_flag", None)
    ctx.exit(run(resolve_db_path(db_flag), in_tray=True))


@click.command("install-desktop")
def install_desktop() -> None:
    """Add the app to your desktop's menu, with its icon (for your user only).

    Writes to $XDG_DATA_HOME (default ~/.local/share): applications/pain-journal.desktop
    and icons/hicolor/*/apps/pain-journal.*. Run it again after moving the app.
    """
    from journal.desktop import DesktopError, data_home, install_desktop_entry

    try:
        written = install_desktop_entry()
    except DesktopError as error:
        raise click.ClickException(str(error)) from None
    entry = written[-1]
    click.echo(f"Installed the menu entry {entry} and the icon in "
               f"{data_home() / 'icons/hicolor'} ({len(written) - 1} sizes).")
    click.echo("It starts: " + next(line[5:] for line in entry.read_text().splitlines()
                                    if line.startswith("Exec=")))
