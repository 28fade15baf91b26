"""Child process for the kill -9 test: saves entries through the app's own storage in a loop
and prints each entry's number only after its commit has returned."""

import datetime as dt
import os
import sys

from journal.domain import Activity, Entry
from journal.storage import EntryStore, open_database

BASE = dt.date(2000, 1, 1)


def expected(i: int) -> Entry:
    """Entry number *i*, the same in the writer and in the checker."""
    activities = tuple(Activity(("walking", "yoga", "swimming")[k], 10 + i % 50 + k)
                       for k in range(i % 3 + 1))
    return Entry(BASE + dt.timedelta(days=i), pain=i % 11, mood=(i * 7) % 11,
                 sleep_hours=(i % 40) / 4, activities=activities, tags=(f"t{i % 5}",),
                 notes=f"entry {i} " + "x" * (i % 300))


def main() -> None:
    store = EntryStore(open_database(sys.argv[1]))
    i = store.count()
    while True:
        i += 1
        store.save(expected(i))
        os.write(1, f"{i}\n".encode())  # the acknowledgement: after COMMIT returned


if __name__ == "__main__":
    main()
