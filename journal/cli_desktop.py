"""Commands for the desktop: ``install-desktop`` (icon and menu entry) and ``quick``.

Registered on the main command group by `journal.cli`; this module does not import it.
"""

from __future__ import annotations

import click


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
