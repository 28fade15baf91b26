"""Questionnaires in the doctor report: page 1's lines (item 9 flagged with its date) and
the page with the score chart and every item answer."""

import datetime as dt
import re

from pypdf import PdfReader

from journal.cli import main
from journal.demo import demo_entries
from journal.domain.questionnaires import Checkin
from journal.report.checkin_pages import answer_rows, summary_lines
from journal.report.options import ReportOptions
from journal.report.pdf import write_report

START, END = dt.date(2026, 1, 1), dt.date(2026, 3, 31)
PHQ_FIRST = Checkin("phq9", dt.date(2026, 1, 10), (2, 2, 2, 2, 2, 2, 2, 2, 0))     # 16
PHQ_ITEM9 = Checkin("phq9", dt.date(2026, 2, 7), (2, 2, 1, 1, 1, 1, 1, 1, 2), 2)   # 12
PHQ_LAST = Checkin("phq9", dt.date(2026, 3, 7), (1, 1, 1, 1, 1, 1, 1, 1, 0))       # 8
GAD = Checkin("gad7", dt.date(2026, 3, 7), (1, 1, 1, 1, 0, 0, 0))                  # 4


def flat(text):
    return " ".join(text.split())


def test_page_1_has_the_latest_scores_the_change_and_flags_item_9_with_its_date(tmp_path):
    out = tmp_path / "r.pdf"
    entries = demo_entries(90, seed=3, end=END)
    pages = write_report(out, entries, ReportOptions(START, END),
                         [PHQ_FIRST, PHQ_ITEM9, PHQ_LAST, GAD])
    reader = PdfReader(out)
    assert pages == len(reader.pages) in (5, 6)  # the summary may continue on a second page
    first = flat(reader.pages[0].extract_text())
    assert "Latest: PHQ-9 8, mild (7 Mar 2026)." in first
    assert ("Since the first in the period (16 on 10 Jan 2026): down 8 points, at least the 5 "
            "points usually considered a meaningful change.") in first
    assert "Latest: GAD-7 4, minimal (7 Mar 2026). 1 in the period." in first
    item9 = [line for line in re.split(r"(?=>>)", first) if "item 9" in line]
    assert len(item9) == 1 and "7 Feb 2026" in item9[0] and "more than half the days" in item9[0]
    last = flat(reader.pages[-1].extract_text())
    assert "PHQ-9 (depression), score 0-27" in last and "GAD-7 (anxiety), score 0-21" in last
    assert "Moderately severe (15-19)" in last  # the bands are named, not only shaded
    assert "2026-02-07 PHQ-9 2 2 1 1 1 1 1 1 2 12 moderate 2" in last  # every item answer
    assert f"Page {pages} of {pages}" in last and "No permission required to reproduce" in last


def test_no_questionnaire_in_the_period_adds_nothing(tmp_path):
    out = tmp_path / "r.pdf"
    outside = Checkin("phq9", dt.date(2025, 12, 1), (0,) * 8 + (1,))
    assert write_report(out, demo_entries(90, seed=3, end=END), ReportOptions(START, END),
                        [outside]) == 4
    assert "item 9" not in PdfReader(out).pages[0].extract_text()
    assert summary_lines([]) == []


def test_a_single_check_in_and_many_rows():
    assert summary_lines([GAD]) == [("Latest: GAD-7 4, minimal (7 Mar 2026). 1 in the period.",
                                     False)]
    rows = answer_rows([GAD, PHQ_LAST])
    assert rows[0].startswith("2026-03-07  PHQ-9") and rows[1].startswith("2026-03-07  GAD-7")


def test_the_report_command_reads_the_journals_questionnaires(db_path, tmp_path, capsys):
    out = tmp_path / "r.pdf"
    assert main(["--db", str(db_path), "questionnaire", "phq9", "--answers",
                 "0,0,0,0,0,0,0,0,3", "--date", "2026-03-02"]) == 0
    assert main(["--db", str(db_path), "report", "--from", "2026-03-01", "--to", "2026-03-31",
                 "-o", str(out)]) == 0
    first = flat(PdfReader(out).pages[0].extract_text())
    assert "PHQ-9 item 9" in first and "2 Mar 2026" in first and "nearly every day" in first
