"""Run something once a widget has been painted (start-up work that can wait a moment)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _NextPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None], at_once: bool) -> None:
        super().__init__(widget)
        self._callback = callback
        self._at_once = at_once
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            if self._at_once:
                self._callback()
            else:
                QTimer.singleShot(0, self._callback)  # once this paint is on screen
            self.deleteLater()
        return False


def after_next_paint(widget: QWidget, callback: Callable[[], None], *,
                     at_once: bool = False) -> None:
    """Call *callback* once, just after *widget*'s next paint.

    With *at_once*, call it as the paint begins (the paint still happens); for quitting,
    whose event is posted and so runs before any timer scheduled by other paint hooks.
    """
    _NextPaint(widget, callback, at_once)
