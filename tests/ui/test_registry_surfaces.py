"""The form and the history follow the measure registry (see tests/test_registry.py)."""

import pytest

from journal.domain import MEASURE_KEYS, MEASURES


def test_the_form_and_the_history_decide_about_every_measure():
    from journal.ui import entry_form, history

    shown = {c.key for c in history.COLUMNS if c.key}
    for surface, visible, hidden in (("form", entry_form.FORM_ROWS, entry_form.NOT_SHOWN),
                                     ("history", shown, history.NOT_SHOWN)):
        undecided = sorted(set(MEASURE_KEYS) - set(visible) - set(hidden))
        assert undecided == [], f"{surface}: show these or list them in NOT_SHOWN"


def test_the_form_shows_each_scale_in_the_registrys_words(open_window):
    from tests.ui.helpers import by_name

    window = open_window()
    for measure in MEASURES:
        if measure.scale is None:
            continue
        spin = by_name(window, measure.label)
        assert spin.accessibleDescription().startswith(measure.scale.describe())


@pytest.mark.parametrize("key", ["pain_interference"])
def test_pain_interference_comes_right_after_worst_pain(key):
    from journal.ui.entry_form import FORM_ROWS

    assert FORM_ROWS.index(key) == FORM_ROWS.index("worst_pain") + 1


def test_every_surface_offers_the_same_periods(open_window, qtbot, capsys):
    """One set of period presets: the chart panel, the report dialog, the history, the CLI."""
    from PySide6.QtCore import QSettings

    from journal.cli import main
    from journal.domain.periods import PRESETS
    from journal.ui.chart_panel import ChartPanel
    from journal.ui.report_dialog import ReportDialog

    window = open_window()
    labels = [p.label for p in PRESETS]
    panel = ChartPanel(window.state)
    dialog = ReportDialog(window.state, QSettings(), window)
    qtbot.addWidget(panel)
    qtbot.addWidget(dialog)
    for box in (panel.period_box, dialog.preset, window.history.period_box):
        assert [box.itemText(i) for i in range(box.count())][:len(labels)] == labels
    assert main(["chart", "--help"]) == 0
    assert f"[{'|'.join(p.key for p in PRESETS)}]" in capsys.readouterr().out
