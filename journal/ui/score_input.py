"""A 0-10 (or 1-5) rating that can also be "not recorded", with big number buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QValidator,
)
from PySide6.QtWidgets import QHBoxLayout, QSpinBox, QToolTip, QVBoxLayout, QWidget

from journal.domain import Scale
from journal.ui.widgets import ALIGN_CENTER, ALIGN_LEFT_TOP, ALIGN_RIGHT_TOP, TARGET, is_enter

NOT_RECORDED = "not recorded"
GAP = 2  # px between the number buttons


class ScoreSpinBox(QSpinBox):
    """A spin box whose lowest position means "not recorded" and whose text may be blank.

    Enter takes what was typed and emits `entered` (the form then moves to the next field).
    """

    entered = Signal()

    def __init__(self, scale: Scale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(scale.low - 1, scale.high)
        self.setSpecialValueText(NOT_RECORDED)
        self.setValue(self.minimum())
        self.setMinimumHeight(TARGET)
        self.setMinimumWidth(130)
        self.setAccelerated(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        super().keyPressEvent(event)
        if is_enter(event):
            self.entered.emit()

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
    """Spin box (the keyboard input, named *label*) plus the number buttons for the mouse."""

    value_changed = Signal()

    def __init__(self, label: str, scale: Scale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.spin = ScoreSpinBox(scale)
        self.spin.setAccessibleName(label)
        self.spin.setAccessibleDescription(f"{scale.describe()}; leave blank if not recorded")
        self.spin.setToolTip(self.spin.accessibleDescription())
        self.buttons = ScoreButtons(label, scale)
        spin_column = QVBoxLayout()  # the spin box lines up with the buttons, not the hints
        spin_column.addWidget(self.spin)
        spin_column.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(spin_column)
        layout.addWidget(self.buttons)
        layout.addStretch(1)
        self.spin.valueChanged.connect(self._on_spin_value_changed)
        self.buttons.clicked.connect(self._on_buttons_clicked)

    def value(self) -> int | None:
        value = self.spin.value()
        return None if value == self.spin.minimum() else value

    def set_value(self, value: int | None) -> None:
        self.spin.setValue(self.spin.minimum() if value is None else value)

    def _on_buttons_clicked(self, score: int) -> None:
        self.set_value(None if score == self.value() else score)  # a second click clears

    def _on_spin_value_changed(self, _value: int) -> None:
        self.buttons.set_chosen(self.value())
        self.value_changed.emit()


class ScoreButtons(QWidget):
    """One button per score, low to high, with what the two ends mean written underneath.

    One painted widget rather than a button widget per score: 49 of those were a fifth of
    the time to the first window. Not in the tab chain: the spin box beside it is the
    keyboard and screen-reader route.
    """

    clicked = Signal(int)

    def __init__(self, label: str, scale: Scale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self._label = label
        self._chosen: int | None = None
        self._hovered: int | None = None
        self._pressed: int | None = None
        self.setAccessibleName(f"{label} buttons")
        self.setAccessibleDescription(f"Click a number from {scale.low} to {scale.high}; "
                                      f"the {label.lower()} box before them takes typing")
        self.setMouseTracking(True)

    def chosen(self) -> int | None:
        return self._chosen

    def set_chosen(self, score: int | None) -> None:
        self._chosen = score
        self.update()

    def button_rect(self, score: int) -> QRect:
        """Where *score*'s button is: low to high in reading order (right to left in RTL)."""
        index = self.scale.high - score if self.isRightToLeft() else score - self.scale.low
        side = self._side()
        return QRect(index * (side + GAP), 0, side, side)

    def score_at(self, pos: QPoint) -> int | None:
        for score in self._scores():
            if self.button_rect(score).contains(pos):
                return score
        return None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        side = self._side()
        buttons = (self.scale.high - self.scale.low + 1) * (side + GAP) - GAP
        low, high = self._hints()
        metrics = QFontMetrics(self._hint_font())
        hints = metrics.horizontalAdvance(low) + side // 2 + metrics.horizontalAdvance(high)
        return QSize(max(buttons, hints), side + GAP + metrics.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    # Painting and the mouse ----------------------------------------------------------------
    def paintEvent(self, _event: QEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)  # its pen and font start as this widget's text colour and font
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        for score in self._scores():
            self._paint_button(painter, palette, score)
        painter.setFont(self._hint_font())
        top = self._side() + GAP
        hints = QRect(0, top, self.width(), self.height() - top)
        low, high = self._hints()
        painter.drawText(hints, ALIGN_LEFT_TOP, low)
        painter.drawText(hints, ALIGN_RIGHT_TOP, high)
        painter.end()

    def _paint_button(self, painter: QPainter, palette: QPalette, score: int) -> None:
        # Paths, brushes and pens only: QPainter's colour overloads would load Qt's namespace.
        rect = QRectF(self.button_rect(score)).adjusted(1, 1, -1, -1)
        shape = QPainterPath()
        shape.addRoundedRect(rect, 4, 4)
        if score == self._chosen:  # highlight colours, a strong outline and bold: not colour alone
            painter.fillPath(shape, palette.highlight())
            painter.strokePath(shape, _pen(palette.color(QPalette.ColorRole.Text), 2))
            number, font, text = QPainterPath(), self._chosen_font(), str(score)
            metrics = QFontMetrics(font)
            number.addText(rect.center().x() - metrics.horizontalAdvance(text) / 2,
                           rect.center().y() + (metrics.ascent() - metrics.descent()) / 2,
                           font, text)
            painter.fillPath(number, palette.highlightedText())
            return
        if score == self._pressed and score == self._hovered:
            fill = palette.mid()
        elif score == self._hovered:
            fill = palette.midlight()
        else:
            fill = palette.button()
        painter.fillPath(shape, fill)
        painter.strokePath(shape, _pen(palette.color(QPalette.ColorRole.Dark), 1))
        painter.drawText(self.button_rect(score), ALIGN_CENTER, str(score))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if _is_left_button(event):
            self._pressed = self.score_at(event.position().toPoint())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if not _is_left_button(event):
            return
        pressed, self._pressed = self._pressed, None
        self.update()
        if pressed is not None and pressed == self.score_at(event.position().toPoint()):
            self.clicked.emit(pressed)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        hovered = self.score_at(event.position().toPoint())
        if hovered != self._hovered:
            self._hovered = hovered
            self.update()

    def leaveEvent(self, _event: QEvent) -> None:  # noqa: N802 - Qt override
        self._hovered = None
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            score = self.score_at(event.pos())
            if score is None:
                QToolTip.hideText()
            else:
                again = " (click again to clear)" if score == self._chosen else ""
                QToolTip.showText(event.globalPos(), f"{self._label}: {score}{again}", self,
                                  self.button_rect(score))
            return True
        return super().event(event)

    def _hint_font(self) -> QFont:  # fonts follow the widget's, which may change
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def _chosen_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _side(self) -> int:
        """A button's side: a comfortable target, larger when a large font needs it."""
        metrics = QFontMetrics(self._chosen_font())
        return max(TARGET, metrics.height() + 12, metrics.horizontalAdvance("10") + 14)

    def _scores(self) -> range:
        return range(self.scale.low, self.scale.high + 1)

    def _hints(self) -> tuple[str, str]:
        return (f"{self.scale.low} = {self.scale.low_means}",
                f"{self.scale.high} = {self.scale.high_means}")


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen()
    pen.setColor(color)
    pen.setWidthF(width)
    return pen


def _is_left_button(event: QMouseEvent) -> bool:
    from PySide6.QtCore import Qt  # not at the top: see journal.ui.widgets

    return event.button() == Qt.MouseButton.LeftButton
