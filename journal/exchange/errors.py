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
