import datetime as dt
import json
import re

import pytest
from pypdf import PdfReader

from journal.cli import main
from journal.demo import demo_entries
from journal.domain import Activity, Entry
from journal.report.options import ReportOptions, default_paper
from journal.report.pdf import write_report

START, END = dt.date(2026, 1, 1), dt.date(2026, 3, 31)


def pdf_text(path):
    reader = PdfReader(path)
    return [page.extract_text() for page in reader.pages], reader


@pytest.fixture
def known_journal(db_path):
    from journal.storage import EntryStore, open_database

    db = open_database(db_path)
    EntryStore(db).save_many(demo_entries(200, seed=9, end=dt.date(2026, 4, 30)))
    db.close()
    return db_path


def run(*args):
    return main([*args])


def test_report_text_holds_the_period_days_logged_and_mean_pain_of_list_json(
        known_journal, tmp_path, capsys):
    out = tmp_path / "r.pdf"
    assert run("--db", str(known_journal), "report", "--from", "2026-01-01", "--to", "2026-03-31",
               "--paper", "a4", "-o", str(out)) == 0
    capsys.readouterr()
    run("--db", str(known_journal), "list", "--from", "2026-01-01", "--to", "2026-03-31", "--json")
    days = json.loads(capsys.readouterr().out)
    pains = [d["pain"] for d in days if d["pain"] is not None]
    pages, reader = pdf_text(out)
    first = " ".join(pages[0].split())
    assert "Period: 1 Jan 2026 – 31 Mar 2026 (90 days)" in first
    assert f"Days logged: {len(days)} of 90" in first
    assert f"Mean {sum(pains) / len(pains):.1f}, median" in first
    total = len(reader.pages)  # the summary (1-2 pages, by how much it says) and 3 of charts
    assert total in (4, 5)
    for number, text in enumerate(pages, start=1):
        flat = " ".join(text.split())
        assert f"Page {number} of {total}" in flat
        assert "Self-reported data from Pain & Mood Journal" in flat
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points


def test_report_associations_are_the_insights_of_the_same_period(known_journal, tmp_path, capsys):
    out = tmp_path / "r.pdf"
    run("--db", str(known_journal), "report", "--from", "2026-01-01", "--to", "2026-03-31",
        "-o", str(out))
    capsys.readouterr()
    run("--db", str(known_journal), "insights", "--from", "2026-01-01", "--to", "2026-03-31",
        "--json")
    found = [p for p in json.loads(capsys.readouterr().out)["pairs"] if p["found"]]
    first = " ".join(pdf_text(out)[0][0].split())
    assert found
    for pair in found:
        assert f"{pair['label']}:" in first and f"({pair['n']} days analysed)" in first


def test_an_empty_period_gives_one_page_that_says_so(tmp_path):
    out = tmp_path / "empty.pdf"
    pages = write_report(out, [], ReportOptions(START, END))
    text = " ".join(pdf_text(out)[0][0].split())
    assert pages == 1 and "No days were logged in this period" in text
    assert "Days logged: 0 of 90" in text


def test_fewer_than_7_days_leave_out_the_trends(tmp_path):
    entries = [Entry(START + dt.timedelta(days=i * 3), pain=5) for i in range(5)]
    out = tmp_path / "few.pdf"
    assert write_report(out, entries, ReportOptions(START, END)) == 1
    assert "too few to show trends" in " ".join(pdf_text(out)[0][0].split())


def test_a_meaningful_change_against_the_previous_period_is_marked(tmp_path):
    before = [Entry(START - dt.timedelta(days=d), pain=3) for d in range(1, 91)]
    now = [Entry(START + dt.timedelta(days=d), pain=6) for d in range(90)]
    out = tmp_path / "change.pdf"
    write_report(out, before + now, ReportOptions(START, END))
    text = " ".join(pdf_text(out)[0][0].split())
    assert "Previous 90 days: mean 3.0 on 90 days; now up 3.0 points (+100%) (on 90 days)" in text
    assert "clinically meaningful" in text


def test_notes_are_left_out_unless_asked_for(tmp_path):
    entries = [Entry(START + dt.timedelta(days=i), pain=4, notes=f"private note {i}")
               for i in range(20)]
    plain, with_notes = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_report(plain, entries, ReportOptions(START, END))
    write_report(with_notes, entries, ReportOptions(START, END, include_notes=True))
    assert "private note" not in " ".join(pdf_text(plain)[0])
    texts = pdf_text(with_notes)[0]
    assert "private note 7" in texts[-1] and len(texts) == 5


def test_letter_paper_and_a_name(tmp_path):
    out = tmp_path / "letter.pdf"
    write_report(out, [], ReportOptions(START, END, paper="letter", name="Alex Example",
                                        questions="Is the new routine helping?"))
    pages, reader = pdf_text(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert "Name: Alex Example" in pages[0] and "Is the new routine helping?" in pages[0]


@pytest.mark.parametrize(("lang", "paper"), [("en_US.UTF-8", "letter"), ("de_DE.UTF-8", "a4"),
                                             ("fr_CA.UTF-8", "letter"), ("C", "a4")])
def test_paper_follows_the_locale(monkeypatch, lang, paper):
    for name in ("LC_PAPER", "LC_ALL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    assert default_paper() == paper


def test_report_fonts_are_embedded(known_journal, tmp_path):
    out = tmp_path / "fonts.pdf"
    run("--db", str(known_journal), "report", "-o", str(out))
    data = out.read_bytes()
    assert re.search(rb"/FontFile2", data)  # TrueType programs inside the file


def test_the_report_works_out_the_insights_once_for_page_1_and_the_charts(tmp_path, monkeypatch):
    import journal.analysis.insights as module
    from journal.demo import demo_entries
    from journal.report.options import ReportOptions
    from journal.report.pdf import write_report

    real, calls = module.insights, []
    monkeypatch.setattr(module, "insights", lambda series: calls.append(1) or real(series))
    entries = demo_entries(120, seed=4, end=dt.date(2026, 6, 30))
    options = ReportOptions(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert write_report(tmp_path / "r.pdf", entries, options) >= 4
    assert len(calls) == 1


def test_with_2_of_30_days_logged_no_rate_counts_unlogged_days(tmp_path):
    """Unlogged days are never days without pain, sleep or activity: every rate names the
    days it counts, and a comparison on too few days is not made."""
    end = dt.date(2026, 6, 30)
    earlier = [Entry(end - dt.timedelta(days=d), pain=5, mood=6)
               for d in range(31, 60)]
    logged = [Entry(end, pain=8, sleep_hours=5.5, activities=(Activity("walking", 40),),
                    tags=("flare",)),
              Entry(end - dt.timedelta(days=3), pain=6, sleep_hours=7.5, activities=())]
    out = tmp_path / "two.pdf"
    write_report(out, earlier + logged, ReportOptions(end - dt.timedelta(days=29), end))
    text = " ".join(pdf_text(out)[0][0].split())
    assert "Days logged: 2 of 30; longest gap 26 days." in text
    assert "7 or more on 1 of 2 days with pain recorded (50%)" in text
    assert "Active on 3.5 of every 7 days with activity recorded (1 of 2 days)" in text
    assert "Mean 6 h 30 a night; 1 of 2 recorded nights under 6 hours" in text
    assert "too few days to compare (29 days then, 2 days now; 7 each are needed)" in text
    assert "flare (1 day)" in text
    assert "Mean 7.0, median 7" in text  # of the two logged days, not of 30


def demo_report(tmp_path, days, period_days, **options) -> list[str]:
    """The text of each page of a report on *days* demo days ending 30 Jun 2026, for the
    last *period_days* of them."""
    end = dt.date(2026, 6, 30)
    out = tmp_path / "report.pdf"
    write_report(out, demo_entries(days, seed=3, end=end),
                 ReportOptions(end - dt.timedelta(days=period_days - 1), end, **options))
    return [" ".join(text.split()) for text in pdf_text(out)[0]]


def test_a_period_too_short_for_associations_borrows_the_whole_journal_and_says_so(tmp_path):
    first = demo_report(tmp_path, 300, 14)[0]
    assert "This period alone is too short for these, so they rest on my whole journal up " \
           "to its end: 4 Sep 2025 – 30 Jun 2026" in first
    assert "days analysed" in first  # the associations themselves are there


def test_a_journal_longer_than_a_year_lends_its_last_year_only(tmp_path):
    first = demo_report(tmp_path, 400, 14)[0]
    assert "so they rest on the last 365 days of my journal up to its end: 1 Jul 2025 – 30 Jun " \
           "2026" in first


def test_a_report_of_more_than_a_year_says_its_insights_compare_the_last_year(tmp_path):
    first = demo_report(tmp_path, 500, 500)[0]
    assert "Only your last 365 days with entries are compared here (1 Jul 2025 – 30 Jun 2026)" \
        in first


def test_the_clinician_can_leave_out_associations_and_charts(known_journal, tmp_path, capsys):
    out = tmp_path / "plain.pdf"
    assert run("--db", str(known_journal), "report", "--from", "2026-01-01", "--to",
               "2026-03-31", "--leave-out", "associations", "-o", str(out)) == 0
    pages, _ = pdf_text(out)
    text = " ".join(" ".join(pages).split())
    assert len(pages) == 4 and "What went together" not in text  # one summary page again
    assert "How things went together" not in text and "day by day" in text  # the calendar stays
    assert run("--db", str(known_journal), "report", "--from", "2026-01-01", "--to",
               "2026-03-31", "--leave-out", "charts", "-o", str(out)) == 0
    pages, _ = pdf_text(out)
    text = " ".join(" ".join(pages).split())
    assert f"Page {len(pages)} of {len(pages)}" in text and len(pages) <= 2
    assert "day by day" not in text and "Trends," not in text  # no chart pages


def test_the_questions_heading_stays_on_the_page_of_its_box(tmp_path):
    """A full page 1 moved the box to a continuation page and left its heading behind."""
    pages = demo_report(tmp_path, 500, 500, questions="Ask about naps")
    with_heading = [i for i, text in enumerate(pages) if "Questions for my doctor" in text]
    with_question = [i for i, text in enumerate(pages) if "Ask about naps" in text]
    assert with_heading == with_question == [1]  # this journal fills page 1
