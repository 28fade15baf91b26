"""The one error type that every layer uses to report bad input."""


class ValidationError(ValueError):
    """A value that the journal cannot accept.

    Parameters
    ----------
    field
        The field's key, e.g. ``"pain"`` or ``"sleep_hours"``.
    value
        The value as the user gave it.
    accepted
        What would have been accepted, in plain words.
    """

    def __init__(self, field: str, value: object, accepted: str) -> None:
        self.field = field
        self.value = value
        self.accepted = accepted
        super().__init__(f"{field_label(field)}: {_show(value)} is not accepted; "
                         f"expected {accepted}.")


#: Human labels of the fields, shared by the command line, the form and the messages; the
#: measures' labels are added from their registry (`journal.domain.entry.MEASURES`).
FIELD_LABELS = {
    "date": "Date",
    "activity": "Activity",
    "activity_kind": "Activity kind",
    "activity_minutes": "Activity minutes",
    "activity_intensity": "Activity intensity",
    "tags": "Tag",
    "notes": "Notes",
}


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, " ".join(field.replace("_", " ").split()).capitalize())


def _show(value: object) -> str:
    """The value on one line (a message is one line), shortened."""
    text = value if isinstance(value, str) else repr(value)
    text = text.replace("\r\n", "\n").replace("\n", " ⏎ ")
    if len(text) > 60:
        text = text[:57] + "..."
    return f'"{text}"'
