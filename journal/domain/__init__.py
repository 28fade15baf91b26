"""Domain values and validation; standard library only."""

from journal.domain.entry import (
    ACTIVITY_KINDS,
    INTENSITIES,
    MEASURE_BY_KEY,
    MEASURE_KEYS,
    MEASURES,
    SCALES,
    Activity,
    Entry,
    Measure,
    Scale,
)
from journal.domain.errors import ValidationError, field_label

__all__ = [
    "ACTIVITY_KINDS", "INTENSITIES", "MEASURES", "MEASURE_BY_KEY", "MEASURE_KEYS", "SCALES",
    "Activity", "Entry", "Measure", "Scale", "ValidationError", "field_label",
]
