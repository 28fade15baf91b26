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
