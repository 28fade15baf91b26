"""Help menu windows: getting help now, shortcuts, where the data is, about."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from journal import __version__

SHORTCUTS = (
    ("Ctrl+S", "Save the day"),
    ("Alt+Left / Alt+Right", "Previous / next day"),
    ("Alt+Home", "Go to today"),
    ("Ctrl+1 / Ctrl+2 / Ctrl+3", "Day form / History / Charts"),
    ("Tab / Shift+Tab", "Next / previous field"),
    ("Up / Down in a score", "Raise / lower it; clear the box for \"not recorded\""),
    ("Enter in a score, sleep or minutes", "Next field"),
    ("Alt+A", "Add an activity (the cursor goes to its minutes)"),
    ("Ctrl+Delete in an activity", "Remove that activity"),
    ("Alt+Y", "Same activities as the day before"),
    ("Tab or Enter in Tags", "Take the highlighted suggestion"),
    ("Alt+C", "Catch up: the latest day of the past week without an entry"),
    ("Ctrl+Shift+N", "Quick entry: today's pain and mood"),
    ("Ctrl+,", "Settings (reminder, paper size, country for crisis contacts…)"),
    ("Enter in History", "Open the day"),
    ("Delete in History", "Delete the day (asks first)"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo your typing while the day is unsaved; once it is "
                              "saved, undo / redo the save (also a delete or an import)"),
    ("Ctrl+M", "Medications & events"),
    ("Ctrl+D", "Took an as-needed dose (on the day the form shows)"),
    ("Ctrl+P", "Doctor report"),
    ("Ctrl+E / Ctrl+I", "Export / import data"),
    ("Ctrl+O", "Open another journal"),
    ("Ctrl+Q", "Quit"),
)

GET_HELP_TEXT = """<p><b>If you are in danger or might act on thoughts of harming yourself,
call your local emergency number now</b> (911 in the US and Canada, 999 or 112 in the UK,
112 in the EU).</p>
<p>You don't have to handle this alone. Free, confidential crisis lines, open day and night:</p>
<ul>
<li><b>US and Canada:</b> call or text <b>988</b></li>
<li><b>UK and Ireland:</b> Samaritans, call <b>116 123</b></li>
<li><b>Elsewhere:</b> findahelpline.com lists free helplines in your country</li>
</ul>
<p>This app does not notify anyone, and no one is monitoring what you write here.</p>"""

ABOUT_TEXT = f"""<p><b>Pain &amp; Mood Journal</b> {__version__}</p>
<p>A private journal of pain, mood, sleep and activity. Everything stays in one file on this
computer; the app never connects to the internet.</p>
<p>This app is a personal journal. It does not diagnose, treat or monitor any condition and is not
a medical device. Patterns it shows are for discussion with your healthcare professional.</p>"""


def get_help_text(country: str | None = None) -> str:
    """Every country's lines; with the user's country set (in a check-in), that country's."""
    if not country:
        return GET_HELP_TEXT
    from html import escape

    from journal.domain.crisis import NOBODY_TOLD, crisis_contacts

    lines = "".join(f"<li>{escape(line)}</li>" for line in crisis_contacts().lines_for(country))
    return ("<p><b>If you are in danger or might act on thoughts of harming yourself, call your "
            "local emergency number now.</b></p><p>You don't have to handle this alone. Free, "
            f"confidential help, open day and night:</p><ul>{lines}</ul>"
            f"<p>{escape(NOBODY_TOLD)}</p>")


def show_get_help(parent: QWidget, country: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, "Get help now", get_help_text(country),
                      QMessageBox.StandardButton.Close, parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.exec()


def show_shortcuts(parent: QWidget) -> None:
    rows = "".join(f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>"
                   for keys, what in SHORTCUTS)
    box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard shortcuts", f"<table>{rows}</table>",
                      QMessageBox.StandardButton.Close, parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.exec()


def show_data_location(parent: QWidget, db_path: Path) -> None:
    text = (f"<p>Your journal is one file:</p><p><b>{db_path}</b></p>"
            "<p>It is readable by your user account only and never leaves this computer unless you "
            "export it. To keep a copy, use File &gt; Export data, or copy this file while the app "
            "is closed.</p>")
    box = QMessageBox(QMessageBox.Icon.Information, "Where is my data?", text,
                      QMessageBox.StandardButton.Close, parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    folder = box.addButton("Open folder", QMessageBox.ButtonRole.ActionRole)
    box.exec()
    if box.clickedButton() is folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(db_path.parent)))


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, "About Pain & Mood Journal", ABOUT_TEXT)
