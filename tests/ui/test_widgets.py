"""The Qt values the start-up widgets set by number (see journal.ui.widgets) are the right ones."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from journal.ui import widgets


def test_the_numbers_match_qts_own_values():
    align = Qt.AlignmentFlag
    assert widgets.ALIGN_LEFT_TOP == (align.AlignLeft | align.AlignTop).value
    assert widgets.ALIGN_RIGHT_TOP == (align.AlignRight | align.AlignTop).value
    assert widgets.ALIGN_CENTER == align.AlignCenter.value
    assert widgets.NO_FOCUS == Qt.FocusPolicy.NoFocus.value


def test_field_labels_sit_right_aligned_at_the_top_of_their_row(open_window):
    window = open_window()
    notes = [label for label in window.form.findChildren(QLabel) if label.text() == "&Notes"]
    assert len(notes) == 1
    assert notes[0].alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
    assert window.centralWidget().widget(0).focusPolicy() == Qt.FocusPolicy.NoFocus
