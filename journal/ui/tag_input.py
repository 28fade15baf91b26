"""Tags typed as "flare, rain", completing from the tags used before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

from journal.ui.widgets import TARGET

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCompleter


class TagInput(QLineEdit):
    """A line of comma-separated tags; the completer offers known tags for the last one."""

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

    def _on_completer_activated(self, tag: str) -> None:
        before, _, _ = self.text()[: self.cursorPosition()].rpartition(",")
        after = self.text()[self.cursorPosition():]
        prefix = f"{before}, " if before.strip() else ""
        self.setText(f"{prefix}{tag}{after}")
