"""Small building blocks the views share: date boxes, rows of labelled controls, and
blocking signals while the program sets a value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QDate, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QWidget

TARGET = 34  # px: the smallest comfortable click target (before display scaling)

# PySide6 builds its whole `Qt` namespace (some 150 Python enums, ~14 ms here) the first
# time anything touches it, which would be a tenth of the time to the first window. So the
# widgets on screen at start-up set the few Qt values they need by number, through Qt's
# property system or the int overloads; tests/ui/test_widgets.py checks each number.
ALIGN_LEFT_TOP = 0x0001 | 0x0020   # Qt.AlignmentFlag.AlignLeft | AlignTop
ALIGN_RIGHT_TOP = 0x0002 | 0x0020  # Qt.AlignmentFlag.AlignRight | AlignTop
ALIGN_CENTER = 0x0084              # Qt.AlignmentFlag.AlignCenter
NO_FOCUS = 0                       # Qt.FocusPolicy.NoFocus
KEY_RETURN, KEY_ENTER = 0x01000004, 0x01000005  # Qt.Key.Key_Return, Key_Enter
KEY_TAB = 0x01000001                            # Qt.Key.Key_Tab


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(name: str) -> QDateEdit:
    """An ISO date box with a calendar pop-up, named *name* for screen readers."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    return edit


def labelled_row(items: Sequence[tuple[str | None, QWidget]]) -> QHBoxLayout:
    """Controls side by side, each after its label (None: no label), all big enough to hit."""
    row = QHBoxLayout()
    for text, widget in items:
        if text:
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
        widget.setMinimumHeight(TARGET)
        row.addWidget(widget)
    return row


def is_enter(event: QKeyEvent) -> bool:
    """Return or the keypad's Enter, with no modifier but the keypad's own."""
    return (event.key() in (KEY_RETURN, KEY_ENTER)
            and int(event.modifiers().value) & ~0x20000000 == 0)  # KeypadModifier


@contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """Set values on *objects* without their signals firing (napari's ``qt_signals_blocked``).

    Each object's earlier state is restored afterwards, even if the block raises, so an
    object its owner had blocked stays blocked.
    """
    previous = [obj.blockSignals(True) for obj in objects]
    try:
        yield
    finally:
        for obj, was_blocked in zip(objects, previous, strict=True):
            obj.blockSignals(was_blocked)
