"""Page 1 says what the insights could not test, not only the links found (issue 13)."""

import datetime as dt
from dataclasses import replace

from journal.demo import demo_entries
from journal.report.options import ReportOptions
from journal.report.pdf import build_pages
from tests.texts import figure_text

END = dt.date(2026, 6, 1)
START = END - dt.timedelta(days=90)


def page_1(entries) -> str:
    return " ".join(figure_text(build_pages(entries, ReportOptions(START, END),
                                            first_only=True)[0]).split())


def test_a_pain_that_never_varies_is_counted_as_not_possible_not_as_no_link():
    text = page_1([replace(e, pain=3) for e in demo_entries(365, seed=4, end=END)])
    assert "Of the other 5 comparisons, 0 ruled out a moderate link" in text
    assert "5 were not possible (too few days, or too little variation)" in text
    assert "before-and-after comparison" in text.replace("- ", "-")


def test_a_report_where_nothing_could_be_tested_says_so_not_that_the_period_is_short():
    entries = [replace(e, sleep_hours=None, activities=None, mood=6)
               for e in demo_entries(365, seed=4, end=END)]
    text = page_1(entries)
    assert ("No link found in this period. Of 7 comparisons, 0 ruled out a moderate link, 0 were "
            "too early to tell and 7 were not possible") in text


def test_an_echo_is_counted_as_an_echo_not_as_too_early():
    """The demo year's activity links echo one day apart; the echo rests on hundreds of days."""
    year = ReportOptions(END - dt.timedelta(days=364), END)
    text = " ".join(figure_text(build_pages(demo_entries(365, seed=4, end=END), year,
                                            first_only=True)[0]).split())
    assert "1 was probably an echo of a link above, 0 were too early to tell" in text
