"""The Qt values the start-up widgets set by number (see journal.ui.widgets) are the right ones."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from journal.ui import widgets
from journal.ui.widgets import signals_blocked


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


def test_signals_blocked_silences_the_widgets_then_restores_each_ones_state(qtbot):
    quiet, already = QLineEdit(), QLineEdit()
    for edit in (quiet, already):
        qtbot.addWidget(edit)
    already.blockSignals(True)  # blocked by its owner: must stay so afterwards
    heard = []
    quiet.textChanged.connect(heard.append)
    with signals_blocked(quiet, already):
        assert quiet.signalsBlocked() and already.signalsBlocked()
        quiet.setText("set by the program")
    assert heard == [] and not quiet.signalsBlocked() and already.signalsBlocked()
    with pytest.raises(ValueError), signals_blocked(quiet):
        raise ValueError("a failure inside the block")
    assert not quiet.signalsBlocked()  # restored even so
    quiet.setText("typed")
    assert heard == ["typed"]
