import datetime as dt
import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings

from journal.domain import Activity, Entry, ValidationError
from journal.storage import EntryStore, StorageError, open_database
from journal.storage.migrations import migrations
from tests.strategies import entries

DAY = dt.date(2026, 3, 1)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entry=entries)
def test_every_valid_entry_round_trips_through_storage_unchanged(store, entry):
    store.save(entry)
    assert store.get(entry.date) == entry
    store.delete(entry.date)


def test_unknown_values_come_back_unknown_not_zero(store):
    store.save(Entry(DAY, pain=0))
    back = store.get(DAY)
    assert back.pain == 0 and back.mood is None and back.sleep_hours is None
    assert back.activities is None


def test_a_day_with_no_exercise_keeps_its_zero(store):
    store.save(Entry(DAY, activities=()))
    assert store.get(DAY).activities == ()
    assert store.get(DAY).activity_minutes == 0


def test_saving_again_keeps_created_at_and_moves_updated_at(store, monkeypatch):
    monkeypatch.setattr("journal.storage.entries.utc_now", lambda: "2026-03-01T20:00:00Z")
    store.save(Entry(DAY, pain=5))
    monkeypatch.setattr("journal.storage.entries.utc_now", lambda: "2026-03-02T08:00:00Z")
    again = store.save(Entry(DAY, pain=6, activities=(Activity("yoga", 20),)))
    assert (again.created_at, again.updated_at) == ("2026-03-01T20:00:00Z", "2026-03-02T08:00:00Z")
    assert store.get(DAY).created_at == "2026-03-01T20:00:00Z"


def test_saving_an_unchanged_entry_writes_nothing(store, monkeypatch):
    first = store.save(Entry(DAY, pain=5))
    monkeypatch.setattr("journal.storage.entries.utc_now", lambda: "2099-01-01T00:00:00Z")
    assert store.save(Entry(DAY, pain=5)).updated_at == first.updated_at


def test_replacing_activities_leaves_no_old_rows(store):
    store.save(Entry(DAY, activities=(Activity("walking", 30), Activity("yoga", 20))))
    store.save(Entry(DAY, activities=(Activity("swimming", 40),)))
    assert store.get(DAY).activities == (Activity("swimming", 40),)
    assert store.db.execute("SELECT count(*) FROM activities").fetchone()[0] == 1


def test_between_is_inclusive_and_in_date_order(store):
    for day in (5, 1, 3, 9):
        store.save(Entry(dt.date(2026, 3, day), pain=day))
    got = store.between(dt.date(2026, 3, 1), dt.date(2026, 3, 5))
    assert [e.date.day for e in got] == [1, 3, 5]
    assert [e.date.day for e in store.between(start=dt.date(2026, 3, 4))] == [5, 9]
    assert store.count() == 4


def test_delete_removes_the_day_and_its_activities(store):
    store.save(Entry(DAY, activities=(Activity("walking", 30),)))
    assert store.delete(DAY) is True
    assert store.get(DAY) is None
    assert store.db.execute("SELECT count(*) FROM activities").fetchone()[0] == 0
    assert store.delete(DAY) is False


def test_tags_used_before_are_listed_most_used_first(store):
    store.save(Entry(DAY, tags=("rain", "flare")))
    store.save(Entry(DAY + dt.timedelta(days=1), tags=("flare",)))
    assert store.tags() == ["flare", "rain"]


def test_a_failing_multi_row_write_leaves_nothing_behind(store, monkeypatch):
    store.save(Entry(DAY, pain=2))
    batch = [Entry(DAY, pain=9), Entry(DAY + dt.timedelta(days=1), pain=3,
                                       activities=(Activity("walking", 10),))]
    table = store.db["activities"]

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(type(table), "insert_all", fail)
    with pytest.raises(OSError):
        store.save_many(batch)
    assert store.get(DAY).pain == 2
    assert store.get(DAY + dt.timedelta(days=1)) is None


def test_a_new_journal_is_private(tmp_path):
    path = tmp_path / "new" / "deeper" / "journal.db"
    open_database(path).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700


def test_migrations_run_on_an_empty_file_and_only_once(tmp_path):
    path = tmp_path / "journal.db"
    db = open_database(path)
    assert set(db.table_names()) >= {"days", "activities"}
    from journal.storage.schema import MIGRATIONS

    assert tuple(m.name for m in migrations.applied(db)) == MIGRATIONS
    db.close()
    again = open_database(path)
    assert len(migrations.applied(again)) == len(MIGRATIONS)
    assert migrations.pending(again) == []
    again.close()


def test_the_file_uses_wal_full_sync_and_foreign_keys(db_path):
    db = open_database(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()


def test_the_database_itself_refuses_out_of_range_values(store):
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("INSERT INTO days (date, pain, created_at, updated_at) "
                         "VALUES ('2026-03-01', 11, 'x', 'x')")


def test_opening_a_missing_journal_without_create_says_so(tmp_path):
    with pytest.raises(StorageError, match="no journal"):
        open_database(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_a_file_that_is_not_a_database_is_reported_and_left_exactly_as_it_was(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not a database at all, just text" * 100)
    with pytest.raises(StorageError, match="not an SQLite database"):
        open_database(path)
    assert path.read_bytes() == b"this is not a database at all, just text" * 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_entry_store_works_on_a_memory_database():
    db = open_database(":memory:")
    store = EntryStore(db)
    store.save(Entry(DAY, mood=7))
    assert store.get(DAY).mood == 7


def test_the_light_schema_check_knows_every_registered_migration(tmp_path):
    from journal.storage.schema import MIGRATIONS, open_current_for_reading

    assert tuple(m.name for m in migrations._migrations) == MIGRATIONS
    path = tmp_path / "journal.db"
    assert open_current_for_reading(path) is None  # missing: open the full way
    open_database(path).close()
    light = open_current_for_reading(path)
    assert light is not None
    assert EntryStore(light).count() == 0  # reading works on the plain connection
    light.close()


def test_a_journal_missing_a_migration_is_not_opened_light(tmp_path):
    import sqlite3

    from journal.storage.schema import open_current_for_reading

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT)")
    conn.commit()
    conn.close()
    assert open_current_for_reading(path) is None


def test_a_day_stored_before_the_daily_activity_limits_still_reads_as_stored(store):
    """Older versions accepted 5 x 1440 minutes; such a journal must still open, unchanged."""
    store.save(Entry(DAY, pain=3, activities=()))
    store.db.execute("UPDATE days SET activity_recorded = 1 WHERE date = ?", [DAY.isoformat()])
    store.db["activities"].insert_all(
        {"date": DAY.isoformat(), "position": i, "kind": "walking", "minutes": 1440}
        for i in range(5))
    day = store.get(DAY)
    assert day.pain == 3 and day.activity_minutes == 7200 and len(day.activities) == 5
    with pytest.raises(ValidationError, match="at most 1440"):
        Entry(DAY, activities=day.activities)  # saving it again asks for a fix
