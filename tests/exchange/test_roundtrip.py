import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.demo import demo_entries
from journal.domain import Activity, Entry
from journal.exchange import export_bytes, plan_import, read_entries
from tests.strategies import entries

TRICKY = [
    Entry(dt.date(2024, 1, 1), pain=4, notes='commas, "quotes", and\nnew lines\nhere',
          tags=("flare", "a b"), activities=(Activity("walking", 30, "moderate"),
                                              Activity("physical therapy", 45))),
    Entry(dt.date(2024, 1, 2), mood=7, notes="emoji 😣🌧️ and right-to-left: שלום עולם, مرحبا",
          activities=()),
    Entry(dt.date(2024, 1, 3), sleep_hours=6.25, notes="=SUM(A1) looks like a formula; ok",
          created_at="2026-01-03T21:00:00Z", updated_at="2026-01-04T07:30:00Z"),
]


def _journal_with(store, items):
    store.save_many(items)
    return store.between()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_import_export_is_byte_identical_on_a_year_of_demo_data(store, tmp_path, fmt):
    from journal.storage import EntryStore, open_database

    original = _journal_with(store, demo_entries(365, seed=7) + TRICKY)
    first = export_bytes(original, fmt)
    fresh = EntryStore(open_database(tmp_path / "fresh.db"))
    fresh.save_many(read_entries(first, fmt))
    assert export_bytes(fresh.between(), fmt) == first
    assert fresh.between() == original


@settings(max_examples=60, deadline=None)
@given(items=st.lists(entries, max_size=6, unique_by=lambda e: e.date))
def test_any_valid_entries_survive_both_formats(items):
    items = sorted(items, key=lambda e: e.date)
    for fmt in ("csv", "json"):
        assert read_entries(export_bytes(items, fmt), fmt) == items


def test_csv_is_utf8_with_header_and_one_row_per_day():
    data = export_bytes(TRICKY, "csv")
    assert data.startswith(b"\xef\xbb\xbfdate,pain,worst_pain,mood,energy,sleep_hours,")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].endswith("notes,created_at,updated_at")
    assert "walking:30:moderate; physical therapy:45" in text
    assert ",0,none," in text  # explicit no exercise


def test_a_spreadsheet_csv_without_optional_columns_imports():
    data = "date,pain,sleep_hours,activities\n2026-02-01,5,7:30,walking:20\n2026-02-02,,\"7,5\",\n"
    got = read_entries(data.encode(), "csv")
    assert got[0] == Entry(dt.date(2026, 2, 1), pain=5, sleep_hours=7.5,
                           activities=(Activity("walking", 20),))
    assert got[1] == Entry(dt.date(2026, 2, 2), sleep_hours=7.5)


def test_a_crlf_file_with_blank_lines_imports():
    data = b"date,pain\r\n2026-02-01,5\r\n\r\n2026-02-02,6\r\n"
    assert [e.pain for e in read_entries(data, "csv")] == [5, 6]


def test_import_plan_counts_new_changed_and_unchanged_days(store):
    store.save(Entry(dt.date(2026, 1, 1), pain=4))
    store.save(Entry(dt.date(2026, 1, 2), pain=4))
    plan = plan_import(store, [Entry(dt.date(2026, 1, 1), pain=4),
                               Entry(dt.date(2026, 1, 2), pain=5),
                               Entry(dt.date(2026, 1, 3), pain=6)])
    assert (len(plan.new), len(plan.changed), plan.unchanged) == (1, 1, 1)
    assert plan.describe(done=False) == ("Would add 1 day and replace 1 day; 1 day already the "
                                         "same. Nothing was written (dry run).")
