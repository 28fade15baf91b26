"""What `export`, `chart` and `report` do to the file named by -o: private, whole or untouched."""

import errno
import os
import stat
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import file_mode

OLD_REPORT = b"%PDF-1.4 the report printed for the last visit\n" * 2000
posix_only = pytest.mark.skipif(os.name == "nt", reason="signals, FIFOs, devices and /proc")


@pytest.fixture
def journal(run):
    """A journal of 60 days, some missed; its number of logged days."""
    code, out, _ = run("demo", "--days", "60")
    assert code == 0
    return int(out.split()[1])


def _files_in(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(("args", "suffix"), [
    (("export",), ".csv"), (("export", "--format", "json"), ".json"),
    (("chart", "trends"), ".png"), (("chart", "sleep-pain"), ".svg"),
    (("chart", "calendar"), ".pdf"), (("report",), ".pdf")],
    ids=["csv", "json", "png", "svg", "pdf-chart", "report"])
def test_every_output_is_readable_by_the_user_only_whatever_the_umask(journal, run, tmp_path,
                                                                      umask_000, args, suffix):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"old{suffix}"  # a new file is made the same way (tests/exchange)
    target.write_bytes(b"an earlier copy")
    target.chmod(0o644)
    code, _, err = run(*args, "-o", str(target))
    assert code == 0, err
    assert file_mode(target) == 0o600 and target.stat().st_size > 200
    assert _files_in(folder) == [target.name]


def _half_a_file_then_a_full_disk(self, fname, *args, **kwargs):
    """Figure.savefig writing part of the file, then finding the disk full (as a real one can)."""
    if hasattr(fname, "write"):
        fname.write(b"%PDF-1.4 half")
    else:
        with open(fname, "wb") as out:
            out.write(b"%PDF-1.4 half")
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("command", [("chart", "trends"), ("report",)], ids=["chart", "report"])
def test_a_failure_while_writing_leaves_the_old_file_as_it_was(journal, run, tmp_path,
                                                               monkeypatch, command):
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    if command[0] == "chart":
        monkeypatch.setattr(Figure, "savefig", _half_a_file_then_a_full_disk)
    else:
        real = PdfPages.savefig
        pages = []

        def savefig(self, figure=None, **kwargs):
            pages.append(figure)
            if len(pages) == 2:  # page 1 is in the file, page 2 does not fit
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real(self, figure, **kwargs)

        monkeypatch.setattr(PdfPages, "savefig", savefig)
    folder = tmp_path / "visits"
    folder.mkdir()
    target = folder / "r.pdf"
    target.write_bytes(OLD_REPORT)
    code, _, err = run(*command, "-o", str(target))
    assert code == 1
    assert err == f"Error: Cannot write {target}: No space left on device.\n"
    assert target.read_bytes() == OLD_REPORT
    assert _files_in(folder) == ["r.pdf"]  # no temporary file left behind


@posix_only
def test_a_report_killed_while_writing_leaves_the_old_report_whole(journal, db_path, tmp_path):
    """The reported case: kill -9 during `report -o r.pdf` over an existing report."""
    target = tmp_path / "r.pdf"
    target.write_bytes(OLD_REPORT)
    code = ("import os, signal, sys\n"
            "from matplotlib.backends.backend_pdf import PdfPages\n"
            "real = PdfPages.savefig\n"
            "def savefig(self, figure=None, **kwargs):\n"
            "    real(self, figure, **kwargs)\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n"
            "PdfPages.savefig = savefig\n"
            "from journal.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    result = subprocess.run([sys.executable, "-c", code, "--db", str(db_path), "report",
                             "-o", str(target)], capture_output=True, timeout=120)
    assert result.returncode == -9
    assert target.read_bytes() == OLD_REPORT
    for left in tmp_path.glob(".r.pdf*"):  # what a kill leaves: a hidden, private partial file
        assert file_mode(left) == 0o600


def _journal_files(db_path):
    """Every file in the journal's folder, backups included, with its bytes."""
    folder = db_path.parent
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def _alias(db_path, tmp_path, how, suffix):
    """A name for -o that is, or belongs to, the journal."""
    if how == "itself":
        return db_path
    if how == "by-another-spelling":
        return db_path.parent / ".." / db_path.parent.name / db_path.name
    if how in ("-wal", "-shm", "-journal", ".lock"):
        return db_path.with_name(db_path.name + how)
    if how == "backups":
        from journal.storage.backup import backups_dir

        backups_dir(db_path).mkdir(exist_ok=True)
        return backups_dir(db_path) / f"copy{suffix}"
    link = tmp_path / f"link{suffix}"
    if how == "symlink":
        link.symlink_to(db_path)
    else:
        os.link(db_path, link)
    return link


REFUSALS = [*((("export",), how) for how in ("itself", "by-another-spelling", "symlink",
                                              "hardlink", "-wal", "-shm", "-journal", ".lock",
                                              "backups")),
            *((("chart", "trends"), how) for how in ("symlink", "hardlink", "backups")),
            *((("report",), how) for how in ("symlink", "hardlink", "backups"))]


@pytest.mark.parametrize(("command", "how"), REFUSALS,
                         ids=[f"{command[0]}-{how}" for command, how in REFUSALS])
def test_an_output_that_is_the_journal_or_one_of_its_files_is_refused(journal, run, db_path,
                                                                       tmp_path, command, how):
    suffix = {"export": ".csv", "chart": ".png", "report": ".pdf"}[command[0]]
    target = _alias(db_path, tmp_path, how, suffix)
    before = _journal_files(db_path)
    code, out, err = run(*command, "-o", str(target))
    if how == "hardlink":  # a journal with a second name is not even opened: two logs lose saves
        assert code == 1 and out == "" and "hard links" in err
    else:
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and err.startswith("Error: Invalid value for -o: ")
        assert str(target) in err and "choose another" in err
    assert _journal_files(db_path) == before
    if how == "hardlink":
        target.unlink()
    assert run("list", "--json")[0] == 0


@contextmanager
def reading(read_fd, writer_fd):
    """Collect what is written to a pipe or FIFO, on a thread, until the app closes it.

    *writer_fd* is our own write end, held open so the reader waits for the app instead of
    seeing an empty pipe's end; closing it at the end means nothing can hang.
    """
    chunks = []

    def drain():
        while chunk := os.read(read_fd, 65536):
            chunks.append(chunk)

    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    try:
        yield chunks
    finally:
        os.close(writer_fd)
        thread.join(timeout=60)
        os.close(read_fd)
    assert not thread.is_alive()


@contextmanager
def reading_fifo(fifo):
    read_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO opens for reading at once
    writer_fd = os.open(fifo, os.O_WRONLY)  # ... and then for writing too
    os.set_blocking(read_fd, True)
    with reading(read_fd, writer_fd) as chunks:
        yield chunks


@pytest.fixture
def null_device(tmp_path):
    """/dev/null; as root, a node just like it, so that a regression cannot replace the real one."""
    if os.geteuid() != 0:
        return Path("/dev/null")
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return node


@posix_only
@pytest.mark.parametrize(("command", "name", "start"), [
    (("export",), "pipe", b"\xef\xbb\xbfdate,pain"), (("chart", "trends"), "pipe.png", b"\x89PNG"),
    (("report",), "pipe.pdf", b"%PDF")], ids=["export", "chart", "report"])
def test_a_fifo_is_written_in_place(journal, run, tmp_path, command, name, start):
    fifo = tmp_path / name
    os.mkfifo(fifo, 0o600)
    with reading_fifo(fifo) as chunks:
        code, _, err = run(*command, "-o", str(fifo))
    assert code == 0, err
    assert b"".join(chunks).startswith(start)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert list(tmp_path.glob(f".{name}*")) == []  # no temporary file beside it


@posix_only
def test_a_device_is_written_in_place_and_stays_a_device(journal, run, null_device):
    code, _, err = run("export", "-o", str(null_device))
    assert (code, err) == (0, f"Exported {journal} days to {null_device}.\n")
    assert stat.S_ISCHR(os.stat(null_device).st_mode)


@posix_only
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_link_to_an_open_stream_writes_to_that_stream(journal, run, tmp_path):
    """What `-o /dev/stdout` is: a symlink to /proc/self/fd/1, here to a pipe of our own."""
    read_fd, write_fd = os.pipe()
    stream = tmp_path / "stdout"
    stream.symlink_to(f"/proc/self/fd/{write_fd}")
    with reading(read_fd, write_fd) as chunks:
        code, _, err = run("export", "--format", "json", "-o", str(stream))
    assert code == 0, err
    assert b"".join(chunks).startswith(b"{")
    assert stream.is_symlink()


def test_dash_means_standard_output(journal, run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run("export", "-o", "-")
    assert code == 0 and out.startswith("\ufeffdate,pain,") and err == ""
    assert not (tmp_path / "-").exists()


def test_a_symlink_to_a_file_keeps_the_link_and_replaces_the_file(journal, run, tmp_path):
    real = tmp_path / "exports" / "journal.csv"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    code, _, err = run("export", "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and real.read_bytes().startswith(b"\xef\xbb\xbfdate,pain")
    assert file_mode(real) == 0o600 and _files_in(real.parent) == ["journal.csv"]


@posix_only
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_descriptor_of_the_journal_is_the_journal(journal, run, db_path):
    """/proc/self/fd/N is written in place; when N is the journal, that must be refused too."""
    fd = os.open(db_path, os.O_RDONLY)
    try:
        before = _journal_files(db_path)
        code, _, err = run("export", "-o", f"/proc/self/fd/{fd}")
    finally:
        os.close(fd)
    assert code == 2 and "is your journal" in err
    assert _journal_files(db_path) == before
