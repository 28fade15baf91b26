"""The error an import raises: the first problem in the file, with its line."""


class ImportFileError(Exception):
    """A file that cannot be imported; nothing has been written.

    Parameters
    ----------
    message
        What is wrong, in one sentence.
    line
        The 1-based line of the file where the problem is, if known.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}" if line else message)


class DuplicateDays:
    """Remembers the line of each date read so far, to reject a day given twice."""

    def __init__(self) -> None:
        self._lines: dict[object, int | None] = {}

    def check(self, date: object, line: int | None) -> None:
        if date in self._lines:
            first = self._lines[date]
            where = f" (first on line {first})" if first else ""
            raise ImportFileError(f"{date} appears more than once in the file{where}.", line)
        self._lines[date] = line


def decode_text(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped); ImportFileError naming the line otherwise."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ImportFileError("the file is not UTF-8 text; save it as UTF-8 and try again.",
                              line) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportFileError("the file contains binary data, not text.", line)
    return text
