"""The `pain-journal` entry point: open the window fast, or hand over to the command line.

With no command (only ``--db PATH`` at most), the app's window opens without importing
the command-line machinery (click and the command modules), to keep start-up light.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    db_flag = _gui_only(args)
    if db_flag is False:
        from journal.cli import main as cli_main

        return cli_main(args)
    from journal.paths import resolve_db_path
    # The plain-Python layers first: once PySide6 is loaded, its import hook reads the source
    # of every module imported after it (for `from __feature__ import ...`), ~0.1 ms each.
    for module in ("journal.domain.parse", "journal.storage.entries", "journal.storage.lock",
                   "journal.storage.schema", "journal.journal"):
        importlib.import_module(module)
    from journal.ui.app import run

    return run(resolve_db_path(db_flag))


def _gui_only(args: list[str]) -> str | None | bool:
    """The --db value (or None) when *args* ask for the window only; False otherwise."""
    if not args:
        return None
    if len(args) == 2 and args[0] == "--db" and args[1]:
        return args[1]
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > 5:
        return args[0][5:]
    return False
