"""The score chart: bands shaded from light to dark (readable in grey) and named."""

import datetime as dt

from matplotlib.colors import to_rgb

from journal.charts.questionnaires import LOOK, SHADES, questionnaire_figure
from journal.domain.questionnaires import Checkin


def test_bands_are_shaded_lighter_to_darker_and_named_and_the_series_differ_without_colour():
    greys = [sum(to_rgb(shade)) / 3 for shade in SHADES]
    assert greys == sorted(greys, reverse=True) and len(set(greys)) == len(greys)
    assert all(len(set(to_rgb(shade))) == 1 for shade in SHADES)  # pure greys
    (_, phq_marker, phq_line), (_, gad_marker, gad_line) = LOOK["phq9"], LOOK["gad7"]
    assert phq_marker != gad_marker and phq_line != gad_line
    checkins = [Checkin("phq9", dt.date(2026, 3, 1), (2,) * 9),
                Checkin("gad7", dt.date(2026, 3, 15), (1,) * 7)]
    figure = questionnaire_figure(checkins, dt.date(2026, 2, 1), dt.date(2026, 3, 31))
    texts = {t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))}
    assert {"Moderately severe (15-19)", "Severe (15-21)", "18", "7"} <= texts
    phq_axes, gad_axes = figure.axes
    assert phq_axes.get_ylim() == (-0.5, 27.5) and gad_axes.get_ylim() == (-0.5, 21.5)
    assert len(phq_axes.patches) == 5 and len(gad_axes.patches) == 4


def test_the_chart_command_draws_the_journals_scores(db_path, tmp_path, capsys):
    from journal.cli import main

    target = tmp_path / "scores.svg"
    for date, answers in (("2026-03-01", "3,3,3,3,3,3,3,3,0"), ("2026-03-15", "1,1,1,1,1,1,1,1,0")):
        assert main(["--db", str(db_path), "questionnaire", "phq9", "--answers", answers,
                     "--date", date]) == 0
    assert main(["--db", str(db_path), "chart", "questionnaires", "--from", "2026-02-15",
                 "--to", "2026-03-31", "-o", str(target)]) == 0
    drawn = target.read_text(encoding="utf-8")
    assert "PHQ-9 (depression), score 0-27" in drawn and "Moderately severe (15-19)" in drawn
    assert ">24<" in drawn and ">8<" in drawn  # both scores, labelled
