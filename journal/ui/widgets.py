"""Small building blocks the views share: date boxes and rows of labelled controls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QWidget

TARGET = 34  # px: the smallest comfortable click target (before display scaling)


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
