"""private_output: the one way the app writes a file that holds health data."""

import os

import pytest

from journal.exchange.files import (
    JournalFileError,
    private_output,
    refuse_journal_files,
    write_private,
)
from tests.helpers import file_mode


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o277])
def test_a_new_or_replaced_file_is_0600_whatever_the_umask(tmp_path, umask):
    old = os.umask(umask)
    try:
        write_private(tmp_path / "new.csv", b"date,pain\n")
        (tmp_path / "old.csv").write_bytes(b"before")
        (tmp_path / "old.csv").chmod(0o644)
        write_private(tmp_path / "old.csv", b"after")
    finally:
        os.umask(old)
    assert file_mode(tmp_path / "new.csv") == file_mode(tmp_path / "old.csv") == 0o600
    assert (tmp_path / "old.csv").read_bytes() == b"after"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.csv", "old.csv"]


def test_an_error_in_the_block_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path,
                                                                               umask_000):
    target = tmp_path / "r.pdf"
    target.write_bytes(b"the old report")
    with pytest.raises(KeyboardInterrupt), private_output(target) as out:
        out.write(b"half a new")
        raise KeyboardInterrupt  # even Ctrl+C
    assert target.read_bytes() == b"the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_the_file_appears_only_when_the_block_ends(tmp_path):
    target = tmp_path / "chart.png"
    with private_output(target) as out:
        out.write(b"\x89PNG")
        assert not target.exists()
        (temporary,) = tmp_path.iterdir()
        assert temporary.name.startswith(".chart.png.") and file_mode(temporary) == 0o600
    assert target.read_bytes() == b"\x89PNG"


def test_an_unwritable_folder_raises_oserror_and_writes_nothing(tmp_path):
    with pytest.raises(OSError), private_output(tmp_path / "no" / "such" / "x.csv") as out:
        out.write(b"never")
    assert [p.name for p in tmp_path.iterdir()] == []


def test_only_the_journal_and_what_belongs_to_it_is_refused(tmp_path):
    journal = tmp_path / "j.db"
    journal.write_bytes(b"SQLite format 3\x00")
    for name in ("j.db", "j.db-wal", "j.db-shm", "j.db-journal", "j.db.lock", "backups/x.csv",
                 "backups/old/x.csv"):
        with pytest.raises(JournalFileError, match=f"^{tmp_path / name} is "):
            refuse_journal_files(tmp_path / name, journal)
    for name in ("j.db.csv", "j.db-wal.csv", "backups.csv", "backups-old/x.csv", "j.pdf"):
        refuse_journal_files(tmp_path / name, journal)  # look alike, but are not the journal's
