"""The number buttons beside each score: where they are and what a click does."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.domain import SCALES
from journal.ui.score_input import ScoreInput


def test_in_a_right_to_left_language_the_scale_runs_right_to_left(qtbot):
    score = ScoreInput("Pain", SCALES["pain"])
    qtbot.addWidget(score)
    score.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    score.show()
    qtbot.waitExposed(score)
    buttons = score.buttons
    assert buttons.button_rect(0).left() > buttons.button_rect(10).left()
    qtbot.mouseClick(buttons, Qt.MouseButton.LeftButton, pos=buttons.button_rect(0).center())
    assert score.value() == 0


def test_the_chosen_score_is_filled_with_the_highlight_colour(qtbot):
    score = ScoreInput("Mood", SCALES["mood"])
    qtbot.addWidget(score)
    score.show()
    qtbot.waitExposed(score)
    buttons = score.buttons
    assert buttons.sizeHint().width() >= buttons.button_rect(10).right()
    image = buttons.grab().toImage()
    centre = buttons.button_rect(7).center()
    plain = image.pixelColor(centre.x() - 12, centre.y())
    score.set_value(7)
    chosen = buttons.grab().toImage().pixelColor(centre.x() - 12, centre.y())
    assert chosen == QApplication.palette().highlight().color() and plain != chosen


def test_with_a_large_font_the_buttons_grow_to_fit_their_numbers(qtbot):
    score = ScoreInput("Pain", SCALES["pain"])
    qtbot.addWidget(score)
    normal = score.buttons.button_rect(10)
    font = score.font()
    font.setPointSizeF(font.pointSizeF() * 2.5)
    score.setFont(font)
    large = score.buttons.button_rect(10)
    assert large.width() > normal.width() and large.height() > normal.height()
    assert score.buttons.fontMetrics().horizontalAdvance("10") < large.width()
    assert score.buttons.sizeHint().width() >= large.right()
