"""Registered schema migrations, applied in order when a journal is opened.

Never edit a migration that has shipped: add a new one. Tables are written as
SQL so that the CHECK constraints guard the data even against other tools.
"""

import uuid

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from journal.storage.entries import utc_now
from journal.storage.schema import APPLICATION_ID, MIGRATION_SET, MIGRATIONS

migrations = Migrations(MIGRATION_SET)  # names listed in schema.MIGRATIONS too (a test checks)


@migrations()
def create_days_and_activities(db: Database) -> None:
    db.execute("""
        CREATE TABLE days (
            date          TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            pain          INTEGER CHECK (pain BETWEEN 0 AND 10),
            worst_pain    INTEGER CHECK (worst_pain BETWEEN 0 AND 10),
            mood          INTEGER CHECK (mood BETWEEN 0 AND 10),
            energy        INTEGER CHECK (energy BETWEEN 0 AND 10),
            sleep_hours   REAL    CHECK (sleep_hours BETWEEN 0 AND 24),
            sleep_quality INTEGER CHECK (sleep_quality BETWEEN 1 AND 5),
            activity_recorded INTEGER NOT NULL DEFAULT 0 CHECK (activity_recorded IN (0, 1)),
            tags          TEXT NOT NULL DEFAULT '[]',
            notes         TEXT,
            created_at    TEXT NOT NULL,
            updated_at    TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE activities (
            id        INTEGER PRIMARY KEY,
            date      TEXT NOT NULL REFERENCES days(date) ON DELETE CASCADE,
            position  INTEGER NOT NULL,
            kind      TEXT NOT NULL,
            minutes   INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
            intensity TEXT CHECK (intensity IN ('light', 'moderate', 'vigorous')),
            UNIQUE (date, position)
        )""")


@migrations()
def add_journal_identity(db: Database) -> None:
    """Mark the file as a journal (application_id) and give it an identity that its backups
    carry, so that a backup of another journal, or of the sample journal, is recognised."""
    db.execute("CREATE TABLE journal_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO journal_info (key, value) VALUES ('id', ?), ('created_at', ?), "
               "('kind', 'journal')", [uuid.uuid4().hex, utc_now()])
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 2")


@migrations()
def add_pain_interference(db: Database) -> None:
    """How much pain got in the way of the day, 0-10 (clinicians judge care by function)."""
    db.execute("ALTER TABLE days ADD COLUMN pain_interference INTEGER "
               "CHECK (pain_interference BETWEEN 0 AND 10)")
    db.execute("PRAGMA user_version = 3")


@migrations()
def add_questionnaires(db: Database) -> None:
    """PHQ-9 and GAD-7 check-ins: every item answer, the unscored difficulty, the total."""
    db.execute("""
        CREATE TABLE checkins (
            instrument TEXT NOT NULL CHECK (instrument IN ('phq9', 'gad7')),
            date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            answers    TEXT NOT NULL CHECK (json_valid(answers) AND json_type(answers) = 'array'),
            difficulty INTEGER CHECK (difficulty BETWEEN 0 AND 3),
            total      INTEGER NOT NULL CHECK (total BETWEEN 0 AND 27),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (instrument, date)
        )""")
    # Its place in the list, not a literal: migrations added beside it may be reordered.
    db.execute(f"PRAGMA user_version = {MIGRATIONS.index('add_questionnaires') + 1}")


@migrations()
def add_medications_and_events(db: Database) -> None:
    """Medications with their dose history and daily log, and dated events (the treatments
    issue). A dose change is a new row, never an overwrite."""
    db.execute("""
        CREATE TABLE medications (
            name      TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 60),
            as_needed INTEGER NOT NULL DEFAULT 0 CHECK (as_needed IN (0, 1)),
            schedule  TEXT,
            reason    TEXT,
            notes     TEXT,
            start     TEXT NOT NULL CHECK (start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            stop      TEXT CHECK (stop IS NULL OR stop >= start)
        )""")
    db.execute("""
        CREATE TABLE medication_doses (
            medication TEXT NOT NULL COLLATE NOCASE REFERENCES medications(name) ON DELETE CASCADE ON UPDATE CASCADE,
            date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            strength   REAL CHECK (strength IS NULL OR strength > 0),
            unit       TEXT,
            PRIMARY KEY (medication, date)
        )""")
    db.execute("""
        CREATE TABLE medication_days (
            medication TEXT NOT NULL COLLATE NOCASE REFERENCES medications(name) ON DELETE CASCADE ON UPDATE CASCADE,
            date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            count      INTEGER CHECK (count IS NULL OR count BETWEEN 0 AND 50),
            times      TEXT NOT NULL DEFAULT '[]',
            status     TEXT CHECK (status IS NULL OR status IN ('taken', 'skipped')),
            PRIMARY KEY (medication, date)
        )""")
    db.execute("""
        CREATE TABLE events (
            date  TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            kind  TEXT NOT NULL COLLATE NOCASE CHECK (length(kind) BETWEEN 1 AND 100),
            until TEXT CHECK (until IS NULL OR until >= date),
            note  TEXT,
            PRIMARY KEY (date, kind)
        )""")
    # Its place in the list, not a number: another migration may be merged before it.
    db.execute(f"PRAGMA user_version = {MIGRATIONS.index('add_medications_and_events') + 1}")
