"""The app as a desktop citizen: its icon, its menu entry, installed for the current user.

No Qt here. The files live in the repository's ``resources/`` folder (and in the folder
`make dist` builds); `install_desktop_entry` copies them where the freedesktop.org
specifications look: ``$XDG_DATA_HOME/applications`` and ``$XDG_DATA_HOME/icons/hicolor``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

APP_ID = "pain-journal"
DESKTOP_FILE = f"{APP_ID}.desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


class DesktopError(Exception):
    """The desktop entry could not be installed; the message says why, in one line."""


def resources_dir() -> Path:
    """The folder with the icon and the desktop entry (beside the code, or in the bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)  # the standalone folder made by `make dist`
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def icon_files() -> dict[int, Path]:
    """The PNG icons by size in pixels."""
    folder = resources_dir() / "icons"
    return {size: folder / f"{APP_ID}-{size}.png" for size in ICON_SIZES}


def data_home(environ: os._Environ[str] | dict[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local/share"


def launcher_command() -> str:
    """How the desktop should start this very program (an absolute path when known)."""
    if getattr(sys, "frozen", False):  # the standalone build
        return sys.executable
    beside = Path(sys.executable).with_name(APP_ID)  # the virtual environment's script
    if beside.is_file():
        return str(beside)
    return shutil.which(APP_ID) or APP_ID


def desktop_entry(command: str) -> str:
    """The repository's desktop entry with *command* in its Exec lines."""
    quoted = _quote(command)
    lines = []
    for line in (resources_dir() / DESKTOP_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith(f"Exec={APP_ID}"):
            line = "Exec=" + quoted + line[len(f"Exec={APP_ID}"):]
        lines.append(line)
    return "\n".join(lines) + "\n"


def install_desktop_entry(home: Path | None = None, command: str | None = None) -> list[Path]:
    """Install the icon and the menu entry for the current user; returns the files written.

    Installing again replaces them (e.g. after the app moved).
    """
    home = data_home() if home is None else home
    command = launcher_command() if command is None else command
    wanted = {home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg":
              resources_dir() / "icons" / f"{APP_ID}.svg"}
    for size, source in icon_files().items():
        wanted[home / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"] = source
    written = []
    try:
        entry = desktop_entry(command)
        for target, source in wanted.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            written.append(target)
        target = home / "applications" / DESKTOP_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(entry, encoding="utf-8")
        written.append(target)
    except OSError as error:
        where = getattr(error, "filename", None) or home
        raise DesktopError(f"Could not install the desktop entry: {error.strerror or error} "
                           f"({where}).") from None
    return written


def _quote(command: str) -> str:
    """An Exec argument as the Desktop Entry Specification wants it quoted."""
    command = command.replace("%", "%%")  # field codes start with %
    if not any(char in command for char in ' \t\n"\'\\><~|&;$*?#()`'):
        return command
    for char in '\\"`$':  # quoting inside the argument, then the file's own string escapes
        command = command.replace(char, "\\" + char)
    return ('"' + command + '"').replace("\\", "\\\\")


def config_home(environ: os._Environ[str] | dict[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME``, or ``~/.config`` when it is unset or not absolute."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_CONFIG_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".config"


def autostart_file(home: Path | None = None) -> Path:
    return (config_home() if home is None else home) / "autostart" / DESKTOP_FILE


def set_autostart(enabled: bool, home: Path | None = None, command: str | None = None) -> Path:
    """Start the app with the session, in the tray (XDG autostart), or stop doing so."""
    path = autostart_file(home)
    try:
        if not enabled:
            path.unlink(missing_ok=True)
            return path
        command = launcher_command() if command is None else command
        lines = []
        for line in desktop_entry(command).splitlines():
            if line.startswith("[Desktop Action"):
                break  # the menu's actions are not for autostart
            if line.startswith("Actions="):
                continue
            if line.startswith("Exec="):
                line += " tray"
            lines.append(line)
        lines.append("X-GNOME-Autostart-enabled=true")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines).rstrip() + "\n",
                        encoding="utf-8")
    except OSError as error:
        raise DesktopError(f"Could not change starting with the session: "
                           f"{error.strerror or error} ({path}).") from None
    return path


def starts_with_session(home: Path | None = None) -> bool:
    return autostart_file(home).is_file()
