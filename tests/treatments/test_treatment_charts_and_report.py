"""Medications and events on the trends chart and on the report's page 1."""

import datetime as dt

import pytest
from matplotlib.figure import Figure
from pypdf import PdfReader

from journal.analysis.series import daily_series
from journal.charts.trends import draw_trends
from journal.demo import demo_entries
from journal.domain.medications import Dose, Event, Medication, MedicationDay, Treatments
from journal.journal import Journal
from journal.report.options import ReportOptions

START, END = dt.date(2026, 1, 1), dt.date(2026, 3, 31)
TREATMENTS = Treatments(
    medications=(
        Medication("Duloxetine", dt.date(2026, 1, 20), schedule="once daily",
                   reason="back pain",
                   doses=(Dose(dt.date(2026, 1, 20), 30, "mg"), Dose(dt.date(2026, 2, 10), 60,
                                                                    "mg"))),
        Medication("Pregabalin", dt.date(2025, 10, 1), doses=(Dose(dt.date(2025, 10, 1), 75,
                                                                   "mg"),),
                   schedule="twice daily", stop=dt.date(2026, 2, 1)),
        Medication("Paracetamol", dt.date(2025, 6, 1), as_needed=True,
                   doses=(Dose(dt.date(2025, 6, 1), 500, "mg"),),
                   days=tuple(MedicationDay(START + dt.timedelta(days=d), 2)
                              for d in range(0, 84, 6))),
        Medication("Old cream", dt.date(2025, 1, 1), stop=dt.date(2025, 3, 1)),
    ),
    events=(Event(dt.date(2026, 3, 1), "CBT course", dt.date(2026, 3, 28), "private note"),
            Event(dt.date(2026, 2, 20), "flare-up")),
)


@pytest.fixture
def series():
    return daily_series(demo_entries(120, seed=4, end=END), START, END)


def test_marks_and_bands_are_drawn_under_the_data_labelled_and_told_apart_by_line_style(
        series):
    figure = Figure(figsize=(10, 9))
    draw_trends(figure, series, TREATMENTS)
    timeline, pain, *_, as_needed = figure.axes
    assert timeline.get_title(loc="left").startswith("Medications and events")
    labels = [t.get_text() for t in timeline.texts]
    assert labels == ["started Duloxetine 30 mg", "stopped Pregabalin",
                      "Duloxetine 30 mg to 60 mg",
                      "flare-up", "CBT course"]
    from matplotlib.collections import LineCollection, PolyCollection

    (marks,) = [c for c in pain.collections if isinstance(c, LineCollection)]
    assert len(marks.get_segments()) == 3
    assert len({str(style) for style in marks.get_linestyles()}) == 3  # told apart by style
    (bands,) = [c for c in pain.collections if isinstance(c, PolyCollection)]
    assert len(bands.get_paths()) == 2
    data = min(line.get_zorder() for line in pain.get_lines())
    assert marks.get_zorder() < data and bands.get_zorder() < data  # never over the data
    assert as_needed.get_title(loc="left") == "As-needed doses per week (Paracetamol)"
    import numpy as np

    (weekly, _) = [p for p in as_needed.patches]
    assert np.sum(weekly.get_data().values) == 2 * 14  # every logged dose, week by week


def test_without_treatments_in_the_period_the_chart_is_as_before(series):
    figure = Figure(figsize=(10, 8))
    draw_trends(figure, series, Treatments(medications=(TREATMENTS.medications[-1],)))
    assert len(figure.axes) == 4


@pytest.fixture
def journal(db_path):
    with Journal.open(db_path, write=True, create=True) as opened:
        opened.fill_with_sample(demo_entries(200, seed=9, end=dt.date(2026, 4, 30)))
        for med in TREATMENTS.medications:
            opened.change_treatments("add_medication", med)
        for event in TREATMENTS.events:
            opened.change_treatments("add_event", event)
        yield opened


def _page_one(journal, tmp_path, **options):
    out = tmp_path / "r.pdf"
    journal.write_report(ReportOptions(START, END, **options), out)
    return " ".join(PdfReader(out).pages[0].extract_text().split())


def test_page_one_lists_current_medications_every_change_as_needed_use_and_events(
        journal, tmp_path):
    text = _page_one(journal, tmp_path)
    assert ("Taking on 31 Mar 2026: Paracetamol 500 mg, as needed; Duloxetine 60 mg, once "
            "daily (for back pain).") in text
    assert ("Changes in this period: 20 Jan 2026: started Duloxetine 30 mg; 1 Feb 2026: "
            "stopped Pregabalin; 10 Feb 2026: Duloxetine 30 mg to 60 mg.") in text
    assert "As needed: Paracetamol 500 mg on 14 days, 2.2 doses a week (28 logged)." in text
    assert "Events: 20 Feb 2026: flare-up; 1 Mar 2026 to 28 Mar 2026: CBT course." in text
    assert "private note" not in text  # notes only with --notes
    assert "Old cream" not in text


def test_a_chosen_before_and_after_appears_with_its_caveats(journal, tmp_path):
    text = _page_one(journal, tmp_path, before_after=dt.date(2026, 1, 20))
    assert "Before and after 20 Jan 2026" in text
    assert "Pain averaged" in text and "95% interval" in text
    assert "regression to the mean" in text and "not proof" in text


def test_the_onset_window_is_skipped_after_a_medication_date_but_not_after_an_event(journal):
    extras = journal.report_extras(ReportOptions(START, END, before_after=dt.date(2026, 2, 20)))
    assert extras["before_after"].skip == 0  # the flare-up
    extras = journal.report_extras(ReportOptions(START, END, before_after=dt.date(2026, 1, 20)))
    assert extras["before_after"].skip == 14  # Duloxetine's start
