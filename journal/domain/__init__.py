"""Domain values and validation; standard library only."""

from journal.domain.entry import ACTIVITY_KINDS, INTENSITIES, SCALES, Activity, Entry, Scale
from journal.domain.errors import ValidationError, field_label

__all__ = [
    "ACTIVITY_KINDS", "INTENSITIES", "SCALES", "Activity", "Entry", "Scale",
    "ValidationError", "field_label",
]
