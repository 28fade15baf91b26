"""Tags typed as "flare, rain", completing from the tags used before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLineEdit, QWidget

from journal.ui.widgets import KEY_TAB, TARGET, is_enter

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCompleter


class TagInput(QLineEdit):
    """A line of comma-separated tags; the completer offers known tags for the last one.

    The first suggestion is highlighted as it appears, and Tab or Enter take the highlighted
    one (the cursor stays here for another tag); Down and Up choose another.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("e.g. flare, rain, stressful day (separate with commas)")
        self.setMinimumHeight(TARGET)
        self._completer: QCompleter | None = None  # made with the known tags, after start-up
        self.textEdited.connect(self._on_text_edited)

    def tags(self) -> tuple[str, ...]:
        return tuple(t for t in (part.strip() for part in self.text().split(",")) if t)

    def set_tags(self, tags: tuple[str, ...]) -> None:
        self.setText(", ".join(tags))

    def set_known_tags(self, tags: list[str]) -> None:
        if self._completer is None:
            from PySide6.QtCore import QStringListModel, Qt  # not at the top: journal.ui.widgets
            from PySide6.QtWidgets import QCompleter

            self._completer = QCompleter(QStringListModel(self), self)
            self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self._completer.setWidget(self)
            self._completer.activated.connect(self._on_completer_activated)
            self._completer.popup().installEventFilter(self)  # runs before the completer's
        self._completer.model().setStringList(tags)

    def _on_text_edited(self, text: str) -> None:
        current = text[: self.cursorPosition()].split(",")[-1].strip()
        if self._completer is None:
            return
        if not current:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(current)
        if self._completer.completionCount():
            self._completer.complete()
            popup = self._completer.popup()
            popup.setCurrentIndex(self._completer.completionModel().index(0, 0))

    def event(self, event: QEvent) -> bool:
        # Tab would move the focus before keyPressEvent sees it: take the suggestion first.
        if event.type() == QEvent.Type.KeyPress and self._accept_suggestion(event):
            return True
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - the popup
        return event.type() == QEvent.Type.KeyPress and self._accept_suggestion(event)

    def _accept_suggestion(self, event: QEvent) -> bool:
        """Tab or Enter while suggestions show: take the highlighted one. True if taken."""
        if self._completer is None or not self._completer.popup().isVisible():
            return False
        if not (event.key() == KEY_TAB and not int(event.modifiers().value)
                or is_enter(event)):
            return False
        popup = self._completer.popup()
        index = popup.currentIndex()
        popup.hide()
        if index.isValid():
            self._on_completer_activated(index.data())
        return True

    def _on_completer_activated(self, tag: str) -> None:
        before, _, _ = self.text()[: self.cursorPosition()].rpartition(",")
        after = self.text()[self.cursorPosition():]
        prefix = f"{before}, " if before.strip() else ""
        self.setText(f"{prefix}{tag}{after}")
