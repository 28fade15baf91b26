"""What the window's Export, Export chart… and Save as PDF… do to the chosen file."""

import os
import stat

import pytest
from PySide6.QtWidgets import QFileDialog

from journal.demo import demo_entries
from journal.storage import EntryStore, open_database


def fill(db_path, days=60):
    db = open_database(db_path)
    EntryStore(db).save_many(demo_entries(days, seed=4))
    db.close()


@pytest.fixture
def umask_000():
    old = os.umask(0)
    yield
    os.umask(old)


def choose(monkeypatch, path, file_filter=""):
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), file_filter)))


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def open_charts(window, qtbot):
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: bool(window.chart_panel is not None and window.chart_panel.results))
    return window.chart_panel


def open_report(window, qtbot):
    window._on_report()
    dialog = window.report_dialog
    qtbot.waitUntil(lambda: not dialog.preview.pixmap().isNull())
    return dialog


def test_an_exported_chart_is_private_whatever_the_umask(open_window, db_path, qtbot,
                                                         monkeypatch, tmp_path, umask_000):
    fill(db_path)
    panel = open_charts(open_window(), qtbot)
    target = tmp_path / "chart.png"
    target.write_bytes(b"an earlier chart")
    target.chmod(0o644)
    choose(monkeypatch, target, "PNG image, 300 dpi (*.png)")
    panel.export_button.click()
    assert target.read_bytes().startswith(b"\x89PNG") and _mode(target) == 0o600


def test_a_saved_report_is_private_whatever_the_umask(open_window, db_path, qtbot, monkeypatch,
                                                      tmp_path, umask_000):
    fill(db_path)
    dialog = open_report(open_window(), qtbot)
    target = tmp_path / "visit.pdf"
    choose(monkeypatch, target, "PDF document (*.pdf)")
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.save_button.click()
    assert target.read_bytes().startswith(b"%PDF") and _mode(target) == 0o600
    dialog.close()
