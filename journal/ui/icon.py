"""The application icon as a QIcon (set after the first paint: loading it is not free)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from journal.desktop import APP_ID, icon_files, resources_dir


def app_icon() -> QIcon:
    """The app's icon in every size shipped; the desktop's theme copy is preferred."""
    icon = QIcon()
    for path in icon_files().values():
        if path.is_file():
            icon.addFile(str(path))
    svg = resources_dir() / "icons" / f"{APP_ID}.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    return QIcon.fromTheme(APP_ID, icon)
