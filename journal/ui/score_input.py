"""A 0-10 (or 1-5) rating that can also be "not recorded", with big number buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QSpinBox, QToolButton, QWidget,
)

from journal.domain import Scale
from journal.ui.widgets import TARGET

NOT_RECORDED = "not recorded"
# The chosen score stands out in any theme; the spin box shows the number too (not colour alone).
_CHECKED_STYLE = ("QToolButton:checked { background: palette(highlight); "
                  "color: palette(highlighted-text); font-weight: bold; "
                  "border: 2px solid palette(text); border-radius: 4px; }")


class ScoreSpinBox(QSpinBox):
    """A spin box whose lowest position means "not recorded" and whose text may be blank."""

    def __init__(self, scale: Scale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(scale.low - 1, scale.high)
        self.setSpecialValueText(NOT_RECORDED)
        self.setValue(self.minimum())
        self.setMinimumHeight(TARGET)
        self.setMinimumWidth(130)
        self.setAccelerated(False)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        cleaned = text.replace(NOT_RECORDED, "").strip()
        if not cleaned:
            return QValidator.State.Acceptable, cleaned, 0
        if cleaned.isdigit():
            number = int(cleaned)
            if self.minimum() < number <= self.maximum():
                return QValidator.State.Acceptable, cleaned, len(cleaned)
            if number * 10 <= self.maximum():  # "1" on the way to "10"
                return QValidator.State.Intermediate, cleaned, len(cleaned)
        return QValidator.State.Invalid, text, pos

    def valueFromText(self, text: str) -> int:  # noqa: N802 - Qt override
        cleaned = text.replace(NOT_RECORDED, "").strip()
        return int(cleaned) if cleaned.isdigit() else self.minimum()

    def fixup(self, text: str) -> str:
        return text if text.strip().isdigit() else ""


class ScoreInput(QWidget):
    """Spin box (the keyboard input, named *label*) plus one button per score for the mouse."""

    value_changed = Signal()

    def __init__(self, label: str, scale: Scale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.spin = ScoreSpinBox(scale)
        self.spin.setAccessibleName(label)
        self.spin.setAccessibleDescription(f"{scale.low} = {scale.low_means}, "
                                           f"{scale.high} = {scale.high_means}; "
                                           "leave blank if not recorded")
        self.spin.setToolTip(self.spin.accessibleDescription())
        self.setStyleSheet(_CHECKED_STYLE)  # once here, not on each of the buttons
        self._buttons = QButtonGroup(self)
        self._buttons.setExclusive(False)  # so that a second click can clear the score
        row = QHBoxLayout()
        row.setSpacing(2)
        for score in range(scale.low, scale.high + 1):
            row.addWidget(self._score_button(label, score))
        ends = QGridLayout()
        ends.addWidget(_hint(f"{scale.low} = {scale.low_means}"), 0, 0, Qt.AlignmentFlag.AlignLeft)
        ends.addWidget(_hint(f"{scale.high} = {scale.high_means}"), 0, 1,
                       Qt.AlignmentFlag.AlignRight)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(0)
        layout.addWidget(self.spin, 0, 0)
        layout.addLayout(row, 0, 1)
        layout.addLayout(ends, 1, 1)
        layout.setColumnStretch(2, 1)
        self.spin.valueChanged.connect(self._on_spin_value_changed)
        self._buttons.idClicked.connect(self._on_button_clicked)

    def value(self) -> int | None:
        value = self.spin.value()
        return None if value == self.spin.minimum() else value

    def set_value(self, value: int | None) -> None:
        self.spin.setValue(self.spin.minimum() if value is None else value)

    def _score_button(self, label: str, score: int) -> QToolButton:
        button = QToolButton()
        button.setText(str(score))
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the spin box is the keyboard route
        button.setMinimumSize(TARGET, TARGET)
        button.setAccessibleName(f"{label} {score}")
        button.setToolTip(f"{label}: {score} (click again to clear)")
        self._buttons.addButton(button, score)
        return button

    def _on_button_clicked(self, score: int) -> None:
        self.set_value(score if self._buttons.button(score).isChecked() else None)

    def _on_spin_value_changed(self, _value: int) -> None:
        current = self.value()
        for button in self._buttons.buttons():
            button.setChecked(self._buttons.id(button) == current)
        self.value_changed.emit()


def _hint(text: str) -> QLabel:
    label = QLabel(text)  # full text colour: greyed hints are hard to read for tired eyes
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label
