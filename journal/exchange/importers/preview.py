"""What importing from another app would do, in words (the command line and the window)."""

from __future__ import annotations

from journal.exchange.importers.common import ForeignImport
from journal.exchange.transfer import ImportPlan

RULE_WORDS = {
    "fill": "the journal's own values win; only its empty fields are filled",
    "keep": "dates already in the journal are left as they are",
    "replace": "the file's values replace the journal's",
}


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def counts(plan: ImportPlan) -> tuple[int, int, int]:
    """(added, changed, skipped) days."""
    days = plan.days
    return len(days.new), len(days.changed), days.unchanged


def describe(plan: ImportPlan, imported: ForeignImport, rule: str, *, done: bool) -> str:
    """One line: what was (or would be) added, changed and skipped."""
    added, changed, skipped = counts(plan)
    verbs = ("Added", "changed") if done else ("Would add", "change")
    text = (f"{verbs[0]} {_days(added)}, {verbs[1]} {_days(changed)} ({RULE_WORDS[rule]}), "
            f"skipped {_days(skipped)} with nothing new; {len(imported.days)} days read.")
    if imported.problems:
        text += f" {len(imported.problems)} problem{'s' if len(imported.problems) > 1 else ''}" \
                " listed above."
    return text if done else text + " Nothing was written (dry run)."


def problem_lines(imported: ForeignImport, limit: int = 50) -> list[str]:
    lines = [f"Problem, {problem}" for problem in imported.problems[:limit]]
    if len(imported.problems) > limit:
        lines.append(f"... and {len(imported.problems) - limit} more problems.")
    return lines
