"""How often the insights report a link: unlinked journals (false links) and planted effects.

Run with `python benchmarks/insights_calibration.py [JOURNALS]` (default 4,000 journals per
condition and length; about 3 minutes on two cores, one process per core). Prints the
tables in README.md, "Insights: how they are worked out", and writes them to
benchmarks/results/insights_calibration.md. Every journal is seeded: the same command gives
the same table. The conditions are in tests/analysis/calibration.py; the suite runs a
smaller version of the same check (tests/analysis/test_calibration.py).
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from journal.analysis.insights import insights  # noqa: E402
from journal.analysis.pairs import PAIRS  # noqa: E402
from tests.analysis.calibration import LIMITS, NULLS, planted, wilson  # noqa: E402

RESULTS = Path(__file__).with_name("results")
PAIN_MOOD = next(i for i, p in enumerate(PAIRS) if {p.x, p.y} == {"pain", "mood"})


def share(hits: int, runs: int) -> str:
    low, high = wilson(hits, runs)
    return f"{hits / runs:.1%} ({low:.1%}-{high:.1%})"


def _null_counts(job: tuple) -> tuple[int, int, int]:
    """(journals with any link, tests done, tests with p < 0.05) over one share of the seeds."""
    null, days, seeds = job
    hits = tested = small_p = 0
    for seed in seeds:
        results = insights(null.journal(seed, days))
        others = [r for i, r in enumerate(results) if not (null.linked and i == PAIN_MOOD)]
        hits += any(r.found for r in others)
        tested += sum(r.status == "ok" for r in others)
        small_p += sum(r.status == "ok" and r.p < 0.05 for r in others)
    return hits, tested, small_p


def _shares(journals: int) -> list[range]:
    workers = os.cpu_count() or 1
    return [range(k, journals, workers) for k in range(workers)]


def null_rows(journals: int, pool: ProcessPoolExecutor, conditions: list | None = None
              ) -> list[str]:
    rows = ["| condition | 180 days: journals with any link | per-pair p < 0.05 "
            "| 365 days: journals with any link | per-pair p < 0.05 |",
            "|---|---|---|---|---|"]
    if conditions is None:
        conditions = [*NULLS, replace(NULLS[0], name="pain and mood truly linked (r = -0.5): "
                                      "any false link among the other 6", phi=0.5, linked=True)]
    for null in conditions:
        cells = [null.name]
        for days in (180, 365):
            counts = list(pool.map(_null_counts, [(null, days, s) for s in _shares(journals)]))
            hits, tested, small_p = (sum(c[k] for c in counts) for k in range(3))
            cells += [share(hits, journals), f"{small_p / max(tested, 1):.1%}"]
        rows.append("| " + " | ".join(cells) + " |")
        print(rows[-1], flush=True)
    return rows


def _power_counts(job: tuple) -> list[int]:
    """For each pair, the journals of one share of the seeds that report its link."""
    days, seeds = job
    found = [0] * len(PAIRS)
    for seed in seeds:
        for i, result in enumerate(insights(planted(seed, days))):
            planted_pair = (result.y == "pain" and result.x != "pain"
                            and result.lag_days == (result.x == "activity_minutes"))
            found[i] += result.found and (not planted_pair or result.rho < 0)
    return found


def power_rows(journals: int, pool: ProcessPoolExecutor) -> list[str]:
    names = [p.label for p in PAIRS]
    rows = ["| days | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for days in (60, 90, 180, 365):
        counts = list(pool.map(_power_counts, [(days, s) for s in _shares(journals)]))
        found = [sum(c[i] for c in counts) for i in range(len(PAIRS))]
        rows.append(f"| {days} | " + " | ".join(share(f, journals) for f in found) + " |")
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    journals = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    started = time.perf_counter()
    text = [f"Journals per cell: {journals}; in brackets, the 95 % Monte-Carlo interval (Wilson).",
            "", "Unlinked journals (a link here is a false link):", ""]
    with ProcessPoolExecutor() as pool:
        text += null_rows(journals, pool)
        text += ["", "Planted effects (sleep and pain, activity and pain the next day, pain and "
                 "mood; the other pairs have no direct effect): journals reporting a link (for "
                 "the two planted effects, with the right sign)", ""]
        text += power_rows(journals, pool)
        text += ["", "Beyond the promise (known limits; the suite does not assert these):", ""]
        text += null_rows(journals, pool, list(LIMITS))
    text += ["", f"({time.perf_counter() - started:.0f} s)"]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "insights_calibration.md").write_text("\n".join(text) + "\n", encoding="utf-8")
    print("\n".join(text))


if __name__ == "__main__":
    main()
