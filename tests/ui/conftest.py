import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox


@pytest.fixture(autouse=True)
def _no_unexpected_dialogs(monkeypatch):
    """A modal dialog nobody answers would hang the suite: fail at once instead."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected dialog: {args[1:3]}")

    for name in ("question", "warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse))


#: How long a wait may take before it fails. A wait returns as soon as its condition holds, so
#: this only matters when something is broken, or when this shared machine is loaded 3-4 fold
#: (a 5 s default then failed a correct test); speed is measured in benchmarks/, not here.
PATIENT_MS = 120_000


@pytest.fixture(autouse=True)
def _patient_waits(monkeypatch):
    from pytestqt.qtbot import QtBot

    for name in ("waitUntil", "waitSignal", "waitSignals", "waitExposed", "waitActive"):
        original = getattr(QtBot, name)

        def patient(self, *args, _original=original, timeout=0, **kwargs):
            return _original(self, *args, timeout=max(timeout, PATIENT_MS), **kwargs)

        monkeypatch.setattr(QtBot, name, patient)


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "settings.ini"


@pytest.fixture
def open_window(qtbot, db_path, settings_path):
    """Open a main window on the test journal, shown and active, like a person would see it."""
    from journal.ui.app import create_main_window

    def open_window(path=db_path):
        window = create_main_window(path, QSettings(str(settings_path), QSettings.Format.IniFormat))
        # A test may leave unsaved changes; closing at teardown must not ask then.
        qtbot.addWidget(window, before_close_func=lambda w: w.form.mark_saved())
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.is_ready)  # menus, history and saving follow the first paint
        # Keys must reach this window, not a popup or window left over from an earlier test.
        qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.focusWidget() is not None
                        and window.isAncestorOf(QApplication.focusWidget()))
        return window

    return open_window


@pytest.fixture
def answers(monkeypatch):
    """Queue answers for QMessageBox.question; `answers.asked` records the questions."""
    queue = Answers()

    def question(parent, title, text, *args, **kwargs):
        queue.asked.append(text)
        assert queue, f"unexpected question: {text}"
        return queue.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return queue


class Answers(list):
    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []
