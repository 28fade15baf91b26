"""Whole-process start-up, each figure paired with its baseline in the same run.

A and B alternate (warm-up runs first, then COUNT counted pairs); the table gives
medians, the median of the pair-by-pair ratios, and peak RSS. The machine is noisy,
so the ratios are the figures to judge by.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WARM_UP, COUNT = 2, 9
PAIRS = (  # (name, budget ratio, baseline command, app command) ; {db} is the 20-year journal
    ("window with today's entry", 1.5, [sys.executable, str(HERE / "bare_window.py")],
     ["window"]),
    ("first chart, 20 years", 1.2, [sys.executable, str(HERE / "mpl_chart.py"), "{db}"],
     ["chart"]),
)
RSS_BUDGET_MB = 200  # peak with charts open
# The installed `pain-journal` command, as a user starts it (`python -m journal` without a venv).
_SCRIPT = Path(sys.executable).with_name("pain-journal")
APP = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "journal"]


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024


def measure(db: Path, env: dict[str, str]) -> list[dict]:
    results = []
    for name, budget, baseline, milestone in PAIRS:
        base_cmd = [part.replace("{db}", str(db)) for part in baseline]
        app_cmd = [*APP, "--db", str(db)]
        app_env = {**env, "PAIN_JOURNAL_EXIT_AFTER": milestone[0]}
        base_t, app_t, ratios, base_rss, app_rss = [], [], [], [], []
        for index in range(WARM_UP + COUNT):
            b = run(base_cmd, env)
            a = run(app_cmd, app_env)
            if index >= WARM_UP:
                base_t.append(b[0])
                app_t.append(a[0])
                ratios.append(a[0] / b[0])
                base_rss.append(b[1])
                app_rss.append(a[1])
        results.append({
            "figure": name, "baseline_s": statistics.median(base_t),
            "app_s": statistics.median(app_t), "ratio": statistics.median(ratios),
            "budget_ratio": budget, "baseline_rss_mb": max(base_rss), "app_rss_mb": max(app_rss),
        })
    return results


def main() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        # Bytecode caches as on a user's machine (a developer shell may disable them).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env = {**env, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
               "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
               "PYTHONPATH": str(ROOT)}
        db = Path(tmp) / "journal.db"
        subprocess.run([sys.executable, "-m", "journal", "--db", str(db), "demo", "--days", "7300"],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        results = measure(db, env)
    print(f"{'start-up (whole process)':<28} {'baseline':>9} {'app':>8} {'ratio':>6} {'budget':>7}"
          f" {'app RSS':>8}  verdict")
    for r in results:
        ok = r["ratio"] <= r["budget_ratio"]
        print(f"{r['figure']:<28} {r['baseline_s']:>8.3f}s {r['app_s']:>7.3f}s "
              f"{r['ratio']:>5.2f}x {r['budget_ratio']:>6.1f}x {r['app_rss_mb']:>6.0f}MB  "
              f"{'pass' if ok else 'FAIL'}")
    chart_rss = results[-1]["app_rss_mb"]
    print(f"{'peak RSS, chart open':<28} {'':>9} {'':>8} {'':>6} {RSS_BUDGET_MB:>5}MB "
          f"{chart_rss:>6.0f}MB  {'pass' if chart_rss <= RSS_BUDGET_MB else 'FAIL'}")
    results_dir = HERE / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "startup.json").write_text(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
