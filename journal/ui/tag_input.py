"""Tags typed as "flare, rain", completing from the tags used before."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from journal.ui.widgets import TARGET


class TagInput(QLineEdit):
    """A line of comma-separated tags; the completer offers known tags for the last one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("e.g. flare, rain, stressful day (separate with commas)")
        self.setMinimumHeight(TARGET)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setWidget(self)
        completer.activated.connect(self._on_completer_activated)
        self._completer = completer
        self.textEdited.connect(self._on_text_edited)

    def tags(self) -> tuple[str, ...]:
        return tuple(t for t in (part.strip() for part in self.text().split(",")) if t)

    def set_tags(self, tags: tuple[str, ...]) -> None:
        self.setText(", ".join(tags))

    def set_known_tags(self, tags: list[str]) -> None:
        self._model.setStringList(tags)

    def _on_text_edited(self, text: str) -> None:
        current = text[: self.cursorPosition()].split(",")[-1].strip()
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
