"""The words of a check-in result, its change, the crisis contacts and the prompt's timing."""

import datetime as dt

import pytest

from journal.domain.checkin_words import previous_of, prompt_due, result_with_change
from journal.domain.crisis import crisis_contacts, safety_message
from journal.domain.questionnaires import Checkin

D = dt.date


def phq(date, total):
    answers = [0] * 9
    for i in range(total):
        answers[i % 8] += 1  # item 9 stays 0
    return Checkin("phq9", date, tuple(answers))


def test_change_reaching_the_meaningful_change_says_so():
    text = result_with_change(phq(D(2026, 10, 20), 10), phq(D(2026, 10, 3), 16))
    assert text == ("PHQ-9 10, moderate; 6 points lower than on 3 October, a change clinicians "
                    "consider meaningful")


def test_smaller_changes_first_ones_and_other_years():
    assert result_with_change(phq(D(2026, 1, 5), 12), phq(D(2025, 12, 20), 10)) == (
        "PHQ-9 12, moderate; 2 points higher than on 20 December 2025, less than the 5 points "
        "clinicians consider a meaningful change")
    assert result_with_change(phq(D(2026, 1, 5), 3), None) == (
        "PHQ-9 3, none–minimal; your first PHQ-9 in this journal")
    gad = Checkin("gad7", D(2026, 2, 1), (1, 1, 1, 1, 0, 0, 0))
    earlier = Checkin("gad7", D(2026, 1, 1), (2, 2, 2, 2, 0, 0, 0))
    assert result_with_change(gad, earlier).endswith(
        "4 points lower than on 1 January, a change clinicians consider meaningful")


def test_previous_is_the_same_instrument_just_before():
    history = [phq(D(2026, 1, 1), 5), phq(D(2026, 2, 1), 7), phq(D(2026, 3, 1), 9),
               Checkin("gad7", D(2026, 2, 20), (0,) * 7)]
    assert previous_of(history[2], history).date == D(2026, 2, 1)
    assert previous_of(history[0], history) is None


@pytest.mark.parametrize(("last", "today", "kwargs", "due"), [
    (None, D(2026, 3, 1), {}, False),                      # never taken: no prompt at all
    (D(2026, 3, 1), D(2026, 3, 14), {}, False),            # 13 days
    (D(2026, 3, 1), D(2026, 3, 15), {}, True),             # 14 days
    (D(2026, 3, 1), D(2026, 5, 1), {"enabled": False}, False),
    (D(2026, 3, 1), D(2026, 3, 20), {"dismissed_on": D(2026, 3, 16)}, False),
    (D(2026, 3, 1), D(2026, 3, 30), {"dismissed_on": D(2026, 3, 16)}, True),
])
def test_prompt_timing(last, today, kwargs, due):
    assert prompt_due(last, today, **kwargs) is due


@pytest.mark.parametrize(("region", "number"), [("us", "988"), ("ca", "9-8-8"),
                                                ("uk", "116 123"), ("ie", "116 123")])
def test_crisis_message_has_the_countrys_line_and_says_nobody_is_told(region, number):
    text = safety_message(region)
    assert number in text
    assert "does not tell anyone" in text
    assert "findahelpline.com" in text


def test_elsewhere_gets_the_emergency_number_and_the_directory():
    text = safety_message("other")
    assert "local emergency number" in text and "findahelpline.com" in text
    assert crisis_contacts().region("xx").key == "other"
    assert "risk" not in text.lower()
