"""Every chart by its command-line name, with its title and export size; no matplotlib here.

The command line offers these names without loading matplotlib (importing it must stay
light), the chart panel lists them, and `journal.charts.catalog` draws each one.
"""

from __future__ import annotations

#: name -> (title in the chart picker, figure size in inches for exports)
KINDS: dict[str, tuple[str, tuple[float, float]]] = {
    "trends": ("Trends over time", (10, 8)),
    "sleep-pain": ("Sleep and pain", (8, 6)),
    "activity-pain": ("Activity and next-day pain", (8, 6)),
    "associations": ("How things go together", (10, 5)),
    "calendar": ("Calendar of pain", (11, 3.2)),
    "mood-calendar": ("Calendar of mood", (11, 3.2)),
    "questionnaires": ("Questionnaire scores (PHQ-9, GAD-7)", (8, 5.5)),
}
