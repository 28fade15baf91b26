"""The measure registry is the one list of what a day holds; every surface follows it.

A surface that must choose (trend panels, report sections, insight pairs) keeps an explicit
list, and these tests name any measure that is neither shown there nor declared not shown
(the idea of sqlite-utils' tests/test_docs.py): adding a measure tells you where to decide.
"""

import dataclasses
import json

import pytest

from journal.domain import MEASURE_KEYS, MEASURES, Entry
from journal.domain.entry import SCALES

NOT_MEASURES = {"date", "activities", "tags", "notes", "created_at", "updated_at"}


def test_entry_has_one_attribute_per_measure_in_registry_order():
    fields = [f.name for f in dataclasses.fields(Entry) if f.name not in NOT_MEASURES]
    assert fields == list(MEASURE_KEYS)


def test_each_measure_has_a_unique_key_flag_and_label_and_a_scale_or_hours():
    for attribute in ("key", "option", "label"):
        values = [getattr(m, attribute) for m in MEASURES]
        assert len(values) == len(set(values)), attribute
    assert [m.key for m in MEASURES if m.scale is None] == ["sleep_hours"]
    assert set(SCALES) == {m.key for m in MEASURES if m.scale is not None}


def _undecided(shown, not_shown):
    return sorted(set(MEASURE_KEYS) - set(shown) - set(not_shown))


@pytest.mark.parametrize("surface", ["insight pairs", "trends chart", "report page 1"])
def test_every_measure_is_decided_on_every_surface(surface):
    if surface == "insight pairs":
        from journal.analysis.pairs import NOT_PAIRED, PAIRS

        shown, not_shown = {k for p in PAIRS for k in (p.x, p.y)}, NOT_PAIRED
    elif surface == "trends chart":
        from journal.charts.trends import NOT_SHOWN, OVERLAYS, PANELS

        shown, not_shown = {*PANELS, *(m for m, _ in OVERLAYS.values())}, NOT_SHOWN
    else:
        from journal.report.summary_page import NOT_SHOWN, SHOWN

        shown, not_shown = SHOWN, NOT_SHOWN
    assert _undecided(shown, not_shown) == [], f"{surface}: show these or list them in NOT_SHOWN"
    assert not set(shown) & set(not_shown), surface


def test_the_command_line_offers_every_measure(capsys):
    from journal.cli import main

    assert main(["add", "--help"]) == 0
    help_text = capsys.readouterr().out
    for measure in MEASURES:
        assert measure.option in help_text, measure.key
        if measure.scale:
            assert measure.scale.describe() in " ".join(help_text.split()), measure.key


def test_both_exports_carry_every_measure_by_name(tmp_path):
    from tests.helpers import export_days, read_days

    values = {m.key: (7.5 if m.scale is None else m.scale.high) for m in MEASURES}
    entry = Entry(__import__("datetime").date(2026, 3, 1), **values)
    record = json.loads(export_days([entry], "json"))["days"][0]
    assert {k: record[k] for k in MEASURE_KEYS} == values
    header = export_days([entry], "csv").decode("utf-8-sig").splitlines()[0].split(",")
    assert set(MEASURE_KEYS) <= set(header)
    for fmt in ("csv", "json"):
        assert read_days(export_days([entry], fmt), fmt) == [entry]
