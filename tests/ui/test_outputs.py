"""What the window's Export, Export chart… and Save as PDF… do to the chosen file."""

import os
import stat

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journal.demo import demo_entries
from journal.storage import EntryStore, open_database
from tests.ui.helpers import by_name


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


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text: shown.append(text)))
    return shown


def _journal_files(db_path):
    """What the journal holds, and which files are beside it (the window reconnects after a
    file dialog, which checkpoints its log, so raw bytes may differ with the same content)."""
    import sqlite3

    from journal.storage import EntryStore

    conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    content = EntryStore(conn).between()
    conn.close()
    names = sorted(str(p.relative_to(db_path.parent)) for p in db_path.parent.rglob("*")
                   if p.is_file() and not p.name.endswith(("-wal", "-shm")))
    return content, names


def test_exporting_onto_the_journal_is_refused(open_window, db_path, monkeypatch, tmp_path,
                                               warnings):
    window = open_window()
    by_name(window, "Pain").setValue(4)
    window.save_day()
    link = tmp_path / "mine.csv"
    os.link(db_path, link)  # another name for the very same file
    choose(monkeypatch, link, "CSV for spreadsheets (*.csv)")
    before = _journal_files(db_path)
    window._on_export()
    assert len(warnings) == 1 and str(link) in warnings[0] and "your journal" in warnings[0]
    assert _journal_files(db_path) == before
    assert window.state.entries()[0].pain == 4


def test_exporting_a_chart_into_the_backups_folder_is_refused(open_window, db_path, qtbot,
                                                              monkeypatch, warnings):
    from journal.storage.backup import backups_dir

    fill(db_path)
    panel = open_charts(open_window(), qtbot)
    backups_dir(db_path).mkdir(exist_ok=True)
    target = backups_dir(db_path) / "chart.png"
    choose(monkeypatch, target, "PNG image, 300 dpi (*.png)")
    panel.export_button.click()
    assert len(warnings) == 1 and str(target) in warnings[0]
    assert not target.exists()


def test_saving_a_report_over_the_journal_is_refused(open_window, db_path, qtbot, monkeypatch,
                                                     tmp_path, warnings):
    fill(db_path)
    window = open_window()
    dialog = open_report(window, qtbot)
    link = tmp_path / "visit.pdf"
    link.symlink_to(db_path)
    choose(monkeypatch, link, "PDF document (*.pdf)")
    before, days = _journal_files(db_path), window.state.count()
    dialog.save_button.click()
    assert len(warnings) == 1 and str(link) in warnings[0]
    assert dialog.save_button.isEnabled() and not dialog.busy.isVisible()  # nothing started
    assert _journal_files(db_path) == before
    assert window.state.count() == days
    dialog.close()
