"""Apple Health and Fitbit: sleep for each night, activity for each day, nothing counted twice."""

import datetime as dt
import json
import re
import zipfile
from collections import defaultdict

import pytest

from journal.exchange import ImportFileError
from journal.exchange.importers import ImportCancelledError, detect, read_file
from tests.exchange.importers.conftest import sample_files

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE HealthData [\n<!ELEMENT HealthData '
        'ANY>\n]>\n<HealthData locale="en_US">\n <ExportDate value="2024-03-10 21:07:11 -0400"/>\n'
        ' <Me HKCharacteristicTypeIdentifierDateOfBirth="1980-01-01"/>\n')
SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"


def _record(kind, start, end, value, source="Watch", close=True):
    tail = "/>" if close else '>\n  <MetadataEntry key="HKTimeZone" value="Europe/Paris"/>\n ' \
                              "</Record>"
    return (f' <Record type="{kind}" sourceName="{source}" startDate="{start} +0100" '
            f'endDate="{end} +0100" value="{value}"{tail}\n')


def _export(tmp_path, records, name="export.xml"):
    path = tmp_path / name
    path.write_text(HEAD + "".join(records) + "</HealthData>\n", encoding="utf-8")
    return path


def test_overlapping_sleep_from_two_sources_and_in_bed_count_once(tmp_path):
    path = _export(tmp_path, [
        _record(SLEEP, "2024-03-01 22:00:00", "2024-03-02 07:00:00",
                "HKCategoryValueSleepAnalysisInBed", "Phone"),
        _record(SLEEP, "2024-03-01 23:00:00", "2024-03-02 03:00:00",
                "HKCategoryValueSleepAnalysisAsleepCore", close=False),
        _record(SLEEP, "2024-03-02 03:00:00", "2024-03-02 06:30:00",
                "HKCategoryValueSleepAnalysisAsleepDeep"),
        _record(SLEEP, "2024-03-02 03:10:00", "2024-03-02 03:20:00",
                "HKCategoryValueSleepAnalysisAwake"),
        _record(SLEEP, "2024-03-01 23:30:00", "2024-03-02 06:00:00",
                "HKCategoryValueSleepAnalysisAsleep", "AutoSleep"),  # inside the watch's night
        _record(SLEEP, "2024-03-02 22:00:00", "2024-03-03 06:00:00",
                "HKCategoryValueSleepAnalysisInBed", "Phone"),  # in bed alone: not sleep
    ])
    assert detect(path) == "apple-health"
    days = {d.date: d for d in read_file(path, "apple-health").days}
    assert days[dt.date(2024, 3, 2)].sleep_hours == 7.5
    assert dt.date(2024, 3, 3) not in days


def test_steps_of_a_phone_and_a_watch_are_not_added_together(tmp_path):
    steps = "HKQuantityTypeIdentifierStepCount"
    path = _export(tmp_path, [
        _record(steps, "2024-03-02 09:00:00", "2024-03-02 09:10:00", "500", "Phone"),
        _record(steps, "2024-03-02 10:00:00", "2024-03-02 10:10:00", "700", "Phone"),
        _record(steps, "2024-03-02 09:00:00", "2024-03-02 09:10:00", "1100", "Watch"),
        _record("HKQuantityTypeIdentifierAppleExerciseTime", "2024-03-02 09:00:00",
                "2024-03-02 09:01:00", "25", "Watch"),
        _record("HKQuantityTypeIdentifierHeartRate", "2024-03-02 09:00:00",
                "2024-03-02 09:00:00", "80", "Watch"),
    ])
    (day,) = read_file(path, "apple-health").days
    assert day.notes == "Apple Health: 1,200 steps"
    assert day.activity_minutes == 25


def test_zip_progress_and_cancel(tmp_path):
    xml = _export(tmp_path, [_record(SLEEP, "2024-03-01 23:00:00", "2024-03-02 07:00:00",
                                     "HKCategoryValueSleepAnalysisAsleep")])
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(xml, "apple_health_export/export.xml")
    assert detect(archive) == "apple-health"
    seen = []
    days = read_file(archive, "apple-health", progress=lambda f: seen.append(f) or True).days
    assert days[0].sleep_hours == 8 and seen[-1] == 1.0
    with pytest.raises(ImportCancelledError):
        read_file(archive, "apple-health", progress=lambda f: False)


def test_broken_xml_names_its_line(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(HEAD + ' <Record type="x"\n <oops>\n', encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_file(path, "apple-health")
    assert caught.value.line is not None and caught.value.line >= 9


def test_the_real_apple_health_sample():
    paths = sample_files("apple_health", "*.xml")
    if not paths:
        pytest.skip("the sample exports are not here")
    text = paths[0].read_text(encoding="utf-8")
    steps = defaultdict(float)
    for match in re.finditer(r'type="HKQuantityTypeIdentifierStepCount"[^>]*?startDate="'
                             r'([0-9-]{10})[^>]*?value="([0-9.]+)"', text):
        steps[match[1]] += float(match[2])
    imported = read_file(paths[0], "apple-health")
    days = {d.date.isoformat(): d for d in imported.days}
    # The only asleep record: by hand, 22:21 to 08:21; the Clock app's in-bed times do not count.
    assert {d: e.sleep_hours for d, e in days.items() if e.sleep_hours} == {"2019-06-16": 10.0}
    for date, total in steps.items():
        if date < "2030":
            assert days[date].notes == f"Apple Health: {round(total):,} steps"
    assert "2030-01-06" not in days and "phone's clock" in str(imported.problems[-1])


def _fitbit(part):
    paths = [p for p in sample_files("fitbit") if part in p.name]
    if not paths:
        pytest.skip("the sample exports are not here")
    return paths[0]


def test_fitbit_sleep_main_sleeps_by_wake_date_naps_only_when_asked():
    path = _fitbit("sleep-2020-08-06")
    logs = json.loads(path.read_text())
    main = {log["dateOfSleep"]: log["minutesAsleep"] for log in logs if log["mainSleep"]}
    days = {d.date.isoformat(): d.sleep_hours for d in read_file(path, "fitbit").days}
    assert days == {date: round(minutes / 15) / 4 for date, minutes in main.items()}
    with_naps = {d.date.isoformat(): d for d in read_file(path, "fitbit", include_naps=True).days}
    assert with_naps["2020-08-16"].sleep_hours == round((614 + 71) / 15) / 4


def test_fitbit_stages_and_classic_logs_both_count():
    path = _fitbit("sleep-2020-03-09")
    logs = json.loads(path.read_text())
    assert {log["type"] for log in logs} >= {"stages"}
    assert len(read_file(path, "fitbit").days) == len({log["dateOfSleep"] for log in logs
                                                        if log["mainSleep"]})


def test_fitbit_per_minute_steps_are_added_up_by_day():
    path = _fitbit("data_steps")
    totals = defaultdict(int)
    for item in json.loads(path.read_text()):
        totals[item["dateTime"][:8]] += int(item["value"])
    days = {d.date.strftime("%m/%d/%y"): d.notes for d in read_file(path, "fitbit").days}
    assert days == {date: f"Fitbit: {total:,} steps" for date, total in totals.items() if total}


@pytest.mark.parametrize("part", ["2018_03_en", "2022_01_fr"])
def test_fitbit_monthly_csv_in_english_and_french(part):
    days = read_file(_fitbit(part), "fitbit").days
    # 16 and 17 Jan 2022: 0 steps, 1440 sedentary minutes: the tracker was not worn.
    assert len(days) == (31 if part.endswith("en") else 29)
    first = days[0]
    if part.endswith("en"):  # "5,688" steps; 18 fairly and 27 very active minutes
        assert first.notes == "Fitbit: 5,688 steps" and first.activity_minutes == 45
    else:
        assert first.notes == "Fitbit: 7,111 steps" and first.activity_minutes == 35


def test_entity_bombs_and_external_entities_are_refused_not_expanded(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">\n' for i in range(1, 10))
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE HealthData [\n<!ENTITY l0 "lol">\n{lol}]>\n'
                    '<HealthData><Record type="HKQuantityTypeIdentifierStepCount" sourceName="&l9;"'
                    ' startDate="2024-03-02 09:00:00 +0100" endDate="2024-03-02 09:10:00 +0100" '
                    'value="5"/></HealthData>\n', encoding="utf-8")
    with pytest.raises(ImportFileError):
        read_file(bomb, "apple-health")
    secret = tmp_path / "secret.txt"
    secret.write_text("2024-03-02 09:00:00 +0100", encoding="utf-8")
    outside = tmp_path / "outside.xml"
    outside.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE HealthData [\n<!ENTITY s SYSTEM '
                       f'"file://{secret}">\n]>\n<HealthData><Record type="HKQuantityTypeIdentifier'
                       'StepCount" sourceName="x" startDate="&s;" endDate="&s;" value="5"/>'
                       '</HealthData>\n', encoding="utf-8")
    with pytest.raises(ImportFileError):
        read_file(outside, "apple-health")



def test_fitbit_web_api_steps_one_day_per_date_with_steps():
    path = _fitbit("api_timeseries")
    series = json.loads(path.read_text())["activities-steps"]
    days = {d.date.isoformat(): d.notes for d in read_file(path, "fitbit").days}
    assert days == {item["dateTime"]: f"Fitbit: {int(item['value']):,} steps" for item in series
                    if int(item["value"])}


def test_fitbit_sedentary_minutes_are_refused_with_a_reason():
    with pytest.raises(ImportFileError, match="sedentary minutes are not imported"):
        read_file(_fitbit("sedentary"), "fitbit")
