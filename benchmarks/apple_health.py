"""Importing a 1 GB Apple Health export.xml, beside a floor, in the same run.

Generates a realistic export (heart rate, steps, distance, energy, exercise minutes, sleep
stages from a watch and a sleep app, records with metadata children, the export's DTD) of
about 1 GB in a temporary folder, deleted afterwards. Then, each in its own process so that
peak memory is its own:

* floor: a streaming parse that only counts the records (expat, the parser underneath
  ``xml.etree.iterparse``, with the cheapest possible handler);
* import: ``pain-journal import export.xml`` into a fresh journal (read, plan, backup-free
  first write, one transaction).

Budget: import time at most 2x the floor, peak memory at most 300 MB. With ``--pairs N`` the
two alternate N times and the median pair's ratio counts (this machine is shared and noisy).
Run: ``python benchmarks/apple_health.py [--gb 1.0] [--pairs 1]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).with_name("results")
TIME_BUDGET = 2.0
MEMORY_BUDGET_MB = 300

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate value CDATA #REQUIRED>
<!ELEMENT Me EMPTY>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record type CDATA #REQUIRED unit CDATA #IMPLIED value CDATA #IMPLIED
  sourceName CDATA #REQUIRED sourceVersion CDATA #IMPLIED device CDATA #IMPLIED
  creationDate CDATA #IMPLIED startDate CDATA #REQUIRED endDate CDATA #REQUIRED>
<!ELEMENT MetadataEntry EMPTY>
<!ATTLIST MetadataEntry key CDATA #REQUIRED value CDATA #REQUIRED>
]>
<HealthData locale="en_US">
 <ExportDate value="2026-11-30 21:07:11 +0100"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1980-01-01"/>
"""
DEVICE = ('&lt;&lt;HKDevice: 0x283b2c0a0&gt;, name:Apple Watch, manufacturer:Apple Inc., '
          'model:Watch, hardware:Watch6,2, software:10.1&gt;')


def _record(kind: str, unit: str, value: str, start: str, end: str, source: str = "My’s Apple "
            "Watch", meta: bool = False) -> str:
    head = (f' <Record type="{kind}" sourceName="{source}" sourceVersion="10.1" '
            f'device="{DEVICE}" unit="{unit}" creationDate="DAY {end} +0100" '
            f'startDate="DAY {start} +0100" endDate="DAY {end} +0100" value="{value}"')
    if not meta:
        return head + "/>\n"
    return (head + '>\n  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n'
            " </Record>\n")


def _day_template() -> str:
    """One day of records, with DAY (and PREV for last night) to fill in."""
    parts = []
    for minute in range(0, 24 * 60, 3):  # heart rate every 3 minutes
        at = f"{minute // 60:02d}:{minute % 60:02d}:00"
        parts.append(_record("HKQuantityTypeIdentifierHeartRate", "count/min", "72", at, at,
                             meta=minute % 9 == 0))
    for minute in range(7 * 60, 22 * 60, 5):  # steps, distance, energy from phone and watch
        start, end = f"{minute // 60:02d}:{minute % 60:02d}:00", f"{minute // 60:02d}:" \
                                                                  f"{minute % 60 + 4:02d}:00"
        for source in ("My’s Apple Watch", "iPhone"):
            parts.append(_record("HKQuantityTypeIdentifierStepCount", "count", "312", start, end,
                                 source))
            parts.append(_record("HKQuantityTypeIdentifierDistanceWalkingRunning", "km", "0.21",
                                 start, end, source))
        parts.append(_record("HKQuantityTypeIdentifierActiveEnergyBurned", "kcal", "3.1", start,
                             end))
    for minute in range(18 * 60, 18 * 60 + 35):
        at = f"{minute // 60:02d}:{minute % 60:02d}:00"
        parts.append(_record("HKQuantityTypeIdentifierAppleExerciseTime", "min", "1", at, at))
    stages = ("AsleepCore", "AsleepDeep", "AsleepCore", "AsleepREM", "Awake", "AsleepCore")
    for index, stage in enumerate(stages):
        start, end = f"0{index}:00:00", f"0{index}:50:00"
        parts.append(_record("HKCategoryTypeIdentifierSleepAnalysis", "",
                             f"HKCategoryValueSleepAnalysis{stage}", start, end))
    parts.append(_record("HKCategoryTypeIdentifierSleepAnalysis", "",
                         "HKCategoryValueSleepAnalysisInBed", "00:00:00", "07:00:00", "iPhone"))
    parts.append(_record("HKCategoryTypeIdentifierSleepAnalysis", "",
                         "HKCategoryValueSleepAnalysisAsleep", "00:10:00", "06:40:00",
                         "AutoSleep"))
    return "".join(parts)


def generate(path: Path, gigabytes: float) -> int:
    """Write an export of about *gigabytes*; returns the number of days."""
    template = _day_template()
    target, day, days = gigabytes * 1e9, dt.date(2026, 11, 29), 0
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEAD)
        written = len(HEAD)
        while written < target:
            block = template.replace("DAY", day.isoformat())
            out.write(block)
            written += len(block.encode("utf-8"))
            day -= dt.timedelta(days=1)
            days += 1
        out.write("</HealthData>\n")
    return days


FLOOR = """
import resource, sys, time
from xml.parsers import expat
start = time.perf_counter()
count = 0
def start_element(name, attrs):
    global count
    if name == "Record":
        count += 1
parser = expat.ParserCreate()
parser.StartElementHandler = start_element
parser.buffer_text = True
with open(sys.argv[1], "rb") as stream:
    while chunk := stream.read(1 << 20):
        parser.Parse(chunk, False)
parser.Parse(b"", True)
print(count, time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      file=sys.stderr)
"""

IMPORT = """
import resource, sys, time
from journal.cli import main
start = time.perf_counter()
code = main(["--db", sys.argv[2], "import", sys.argv[1], "--format", "apple-health"])
print(code, time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      file=sys.stderr)
"""


def _run(script: str, *args: str) -> tuple[str, float, float]:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                          check=True)
    first, seconds, rss_kb = done.stderr.strip().splitlines()[-1].split()
    return first, float(seconds), int(rss_kb) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gb", type=float, default=1.0, help="size of the export (GB)")
    parser.add_argument("--pairs", type=int, default=1,
                        help="floor and import runs, alternating; the median pair counts")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="health-bench-") as folder:
        xml = Path(folder) / "export.xml"
        started = time.perf_counter()
        days = generate(xml, options.gb)
        size = xml.stat().st_size
        print(f"generated {size / 1e9:.2f} GB, {days} days, in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
        pairs = []
        for _ in range(options.pairs):  # floor and import alternate: the machine is shared
            records, floor_s, floor_mb = _run(FLOOR, str(xml))
            print(f"floor  (expat, count records): {floor_s:6.1f} s, peak {floor_mb:5.0f} MB, "
                  f"{int(records):,} records", flush=True)
            db = Path(folder) / f"journal-{len(pairs)}.db"
            code, import_s, import_mb = _run(IMPORT, str(xml), str(db))
            print(f"import (pain-journal import):  {import_s:6.1f} s, peak {import_mb:5.0f} MB, "
                  f"exit {code}", flush=True)
            pairs.append((import_s / floor_s, floor_s, import_s, floor_mb, import_mb, code))
    ratio, floor_s, import_s, floor_mb, import_mb, code = sorted(pairs)[len(pairs) // 2]
    import_mb = max(p[4] for p in pairs)
    code = "0" if all(p[5] == "0" for p in pairs) else code
    ok = ratio <= TIME_BUDGET and import_mb <= MEMORY_BUDGET_MB and code == "0"
    result = {"when": dt.datetime.now().isoformat(timespec="seconds"),
              "gb": round(size / 1e9, 2), "records": int(records), "floor_s": round(floor_s, 1),
              "import_s": round(import_s, 1), "ratio": round(ratio, 2),
              "floor_peak_mb": round(floor_mb), "import_peak_mb": round(import_mb),
              "budget": f"<= {TIME_BUDGET}x, <= {MEMORY_BUDGET_MB} MB", "within_budget": ok}
    print(f"ratio {ratio:.2f}x (budget {TIME_BUDGET}x), peak {import_mb:.0f} MB (budget "
          f"{MEMORY_BUDGET_MB} MB): {'pass' if ok else 'FAIL'}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "apple_health.json").write_text(json.dumps(result, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
