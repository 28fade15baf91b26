"""PHQ-9 and GAD-7 as data: the official text, the published bands, the scoring."""

import datetime as dt
import re
from pathlib import Path

import pytest

from journal.domain import ValidationError
from journal.domain.questionnaires import INSTRUMENT_KEYS, Checkin, instrument

# The official wording, copied character for character from the reference
# (reference/clinical.md sections 1.1, 1.2, 1.7 and 2: LOINC names and the Pfizer forms).
PHQ9_ITEMS = (
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself – or that you are a failure or have let yourself or your family "
    "down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed. Or the opposite – being "
    "so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead, or of hurting yourself in some way",
)
PHQ9_CODES = ("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5",
              "44253-3", "44260-8")
GAD7_ITEMS = (
    "Feeling nervous, anxious or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid as if something awful might happen",
)
GAD7_CODES = ("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7")
OPTIONS = (("Not at all", 0, "LA6568-5"), ("Several days", 1, "LA6569-3"),
           ("More than half the days", 2, "LA6570-1"), ("Nearly every day", 3, "LA6571-9"))
DIFFICULTY = ("If you checked off any problems, how difficult have these problems made it for "
              "you to do your work, take care of things at home, or get along with other people?")
DIFFICULTY_OPTIONS = ("Not difficult at all", "Somewhat difficult", "Very difficult",
                      "Extremely difficult")
ATTRIBUTION = ("Copyright © Pfizer Inc. All rights reserved. Developed by Drs. Robert L. Spitzer, "
               "Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from "
               "Pfizer Inc. No permission required to reproduce, translate, display or "
               "distribute.")
PHQ9_STEM = ("Over the last 2 weeks, how often have you been bothered by any of the following "
             "problems?")
# Published bands: Kroenke 2001 (cut-points 5, 10, 15, 20); Spitzer 2006 (5, 10, 15).
PHQ9_BANDS = [(0, 4, "None–minimal"), (5, 9, "Mild"), (10, 14, "Moderate"),
              (15, 19, "Moderately severe"), (20, 27, "Severe")]
GAD7_BANDS = [(0, 4, "Minimal"), (5, 9, "Mild"), (10, 14, "Moderate"), (15, 21, "Severe")]

REFERENCE = Path("/work/shared/reference/clinical.md")


def test_phq9_wording_options_codes_and_attribution_are_the_official_ones():
    phq9 = instrument("phq9")
    assert tuple(i.text for i in phq9.items) == PHQ9_ITEMS
    assert tuple(i.loinc for i in phq9.items) == PHQ9_CODES
    assert phq9.stem == PHQ9_STEM
    assert tuple((o.text, o.score, o.loinc) for o in phq9.options) == OPTIONS
    assert phq9.difficulty_text == DIFFICULTY and phq9.difficulty_loinc == "69722-7"
    assert tuple(o.text for o in phq9.difficulty_options) == DIFFICULTY_OPTIONS
    assert (phq9.panel_loinc, phq9.total_loinc) == ("44249-1", "44261-6")
    assert phq9.attribution == ATTRIBUTION
    assert [i.number for i in phq9.items if i.safety] == [9]


def test_gad7_wording_options_codes_and_attribution_are_the_official_ones():
    gad7 = instrument("gad7")
    assert tuple(i.text for i in gad7.items) == GAD7_ITEMS
    assert tuple(i.loinc for i in gad7.items) == GAD7_CODES
    assert tuple((o.text, o.score, o.loinc) for o in gad7.options) == OPTIONS
    assert gad7.difficulty_text == DIFFICULTY
    assert (gad7.panel_loinc, gad7.total_loinc) == ("69737-5", "70274-6")
    assert gad7.attribution == ATTRIBUTION
    assert gad7.safety_item is None


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference is not on this machine")
def test_items_match_the_reference_tables_character_for_character():
    text = REFERENCE.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| \d+ \| ([^|]+?) \|.*?\| (\d{5}-\d) \|$", text, re.MULTILINE))
    rows |= {name: code for name, code in
             re.findall(r"^\| \d \| ([^|]+?) \| (\d{5}-\d) \|$", text, re.MULTILINE)}
    for key in INSTRUMENT_KEYS:
        for item in instrument(key).items:
            assert rows[item.text] == item.loinc
    assert ATTRIBUTION.replace("No permission", "**No permission").rstrip(".") in text
    assert f'"{DIFFICULTY}"' in text
    assert PHQ9_STEM in text


@pytest.mark.parametrize(("key", "bands"), [("phq9", PHQ9_BANDS), ("gad7", GAD7_BANDS)])
def test_every_total_maps_to_its_published_band(key, bands):
    form = instrument(key)
    expected = {total: label for low, high, label in bands for total in range(low, high + 1)}
    assert sorted(expected) == list(range(form.max_total + 1))
    for total, label in expected.items():
        assert form.band(total).label == label
    with pytest.raises(ValueError, match="outside"):
        form.band(form.max_total + 1)


def test_difficulty_is_never_added_to_the_total():
    for difficulty in (None, 0, 1, 2, 3):
        checkin = Checkin("phq9", dt.date(2026, 3, 1), (1,) * 9, difficulty)
        assert checkin.total == 9
        assert checkin.band.label == "Mild"
    assert Checkin("gad7", dt.date(2026, 3, 1), (3,) * 7, 3).total == 21


@pytest.mark.parametrize(("answers", "named"), [
    ((1,) * 8, "Answers"), ((1,) * 10, "Answers"), ((1,) * 8 + (4,), "PHQ-9 item 9"),
    ((-1,) + (0,) * 8, "PHQ-9 item 1"), ((0, "x") + (0,) * 7, "PHQ-9 item 2"),
    ((0, 1.5) + (0,) * 7, "PHQ-9 item 2"), ((True,) + (0,) * 8, "PHQ-9 item 1"),
])
def test_wrong_answers_are_refused_naming_the_item(answers, named):
    with pytest.raises(ValidationError, match=named) as raised:
        Checkin("phq9", dt.date(2026, 3, 1), answers)
    assert "0 to 3" in str(raised.value)


def test_item9_above_zero_is_flagged_and_only_there():
    base = (0,) * 8
    assert not Checkin("phq9", dt.date(2026, 3, 1), base + (0,)).safety_positive
    for answer in (1, 2, 3):
        assert Checkin("phq9", dt.date(2026, 3, 1), base + (answer,)).safety_positive
    assert not Checkin("phq9", dt.date(2026, 3, 1), (3,) * 8 + (0,)).safety_positive
    assert not Checkin("gad7", dt.date(2026, 3, 1), (3,) * 7).safety_positive


def test_an_unknown_instrument_and_difficulty_are_refused():
    with pytest.raises(ValidationError, match="phq9 or gad7"):
        Checkin("bpi", dt.date(2026, 3, 1), (0,) * 9)
    with pytest.raises(ValidationError, match="Difficulty"):
        Checkin("gad7", dt.date(2026, 3, 1), (0,) * 7, 4)


def test_no_licensed_instrument_is_embedded():
    folder = Path(__file__).resolve().parents[2] / "resources" / "instruments"
    assert sorted(p.stem for p in folder.glob("*.json")) == sorted(INSTRUMENT_KEYS)
