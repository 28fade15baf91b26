"""Malformed CSV and JSON never crash an import, never write part of a file, and the first
problem is named with its line number."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.cli import main
from journal.demo import demo_entries
from journal.domain import Activity, Entry
from journal.exchange import ImportFileError
from tests.helpers import export_days, read_days

SAMPLE = demo_entries(12, seed=4, end=dt.date(2026, 5, 1)) + [
    Entry(dt.date(2026, 5, 2), pain=3, notes='quote " comma , newline\nend',
          activities=(Activity("walking", 20, "light"),), tags=("a", "b"))]
VALID = {fmt: export_days(SAMPLE, fmt) for fmt in ("csv", "json")}


@st.composite
def mutated(draw, fmt):
    data = bytearray(VALID[fmt])
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["delete", "insert", "replace", "truncate"]))
        if kind == "delete":
            del data[where:where + draw(st.integers(1, 40))]
        elif kind == "insert":
            data[where:where] = draw(st.binary(max_size=12) | st.sampled_from(
                [b",", b'"', b"\n", b"{", b"]", b"11", b"-5", b"2026-02-30", b"\xef\xbb\xbf",
                 b"\x00", b"\xff", b"NaN", b"1e999", b"[" * 200, "²".encode(), b"9" * 5000]))
        elif kind == "replace" and where < len(data):
            data[where] = draw(st.integers(0, 255))
        else:
            del data[where:]
    return bytes(data)


documents = (mutated("csv").map(lambda d: (d, "csv")) | mutated("json").map(lambda d: (d, "json"))
             | st.binary(max_size=300).map(lambda d: (d, "csv"))
             | st.binary(max_size=300).map(lambda d: (d, "json"))
             | st.text(max_size=200).map(lambda t: (t.encode("utf-16"), "csv"))
             | st.text(max_size=200).map(lambda t: (t.encode("utf-8"), "json")))


@settings(max_examples=400, deadline=None)
@given(documents)
def test_import_never_crashes_and_names_the_line_of_the_first_problem(document):
    data, fmt = document
    try:
        entries = read_days(data, fmt)
    except ImportFileError as error:
        assert error.line is not None and error.line >= 1
        assert str(error).startswith(f"line {error.line}: ")
        assert "\n" not in str(error)
    else:
        assert all(isinstance(e, Entry) for e in entries)


def test_deeply_nested_json_is_refused_not_crashed():
    try:
        read_days(b"[" * 100_000, "json")
    except ImportFileError as error:
        assert error.line == 1
    else:
        raise AssertionError("nested brackets are not a journal")


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=mutated("csv") | mutated("json"))
def test_a_bad_file_through_the_command_line_changes_nothing(tmp_path_factory, document, capsys):
    folder = tmp_path_factory.mktemp("fuzz")
    journal, source = folder / "journal.db", folder / "import.dat"
    main(["--db", str(journal), "add", "--date", "2026-01-01", "--pain", "1"])
    before = journal.read_bytes()
    source.write_bytes(document)
    code = main(["--db", str(journal), "import", str(source)])
    err = capsys.readouterr().err
    if code != 0:
        assert err.count("\n") == 1
        assert (code, "line " in err) == (1, True) or (code, "not recognised" in err) == (2, True)
        assert journal.read_bytes() == before
