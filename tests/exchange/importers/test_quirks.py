"""Each quirk of the real exports, reproduced in a small file of our own."""

import datetime as dt

import pytest

from journal.domain import Entry
from journal.exchange import ImportFileError
from journal.exchange.importers import daylio, detect, read_file
from journal.exchange.importers.dates import minute_of_day, text_date
from journal.exchange.importers.merge import merge_day
from journal.exchange.importers.moods import parse_mood_map


def _file(tmp_path, text, name="export.csv", bom=False):
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


NEW_HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


@pytest.mark.parametrize("bom", [False, True])
def test_daylio_entries_of_one_day_combine_into_one_day(tmp_path, bom):
    path = _file(tmp_path, NEW_HEADER
                 + '2024-03-02,2 March,Saturday,10:00 pm,rad,"walk | read ","Evening","calm"\n'
                 + '2024-03-02,2 March,Saturday,8:05 am,awful,"walk","","woke in pain"\n'
                 + '2024-03-01,1 March,Friday,18:52,meh ,"",""\n', bom=bom)
    assert detect(path) == "daylio"
    days = read_file(path, "daylio").days
    assert [d.date for d in days] == [dt.date(2024, 3, 1), dt.date(2024, 3, 2)]
    assert days[1].mood == 5  # mean of 10 and 0
    assert days[1].tags == ("walk", "read")
    assert days[1].notes == "08:05 woke in pain\n\n22:00 Evening\ncalm"  # time order, titles kept


def test_daylio_localized_dates_and_crlf(tmp_path):
    path = _file(tmp_path, "year,date,weekday,time,mood,activities,note\r\n"
                 '2017,7 września,czwartek,12:10,dobrze,"",""\r\n'
                 '2017,16 de octubre,sábado,9:03,dobrze,"",""\r\n')
    assert [d.date for d in read_file(path, "daylio").days] == [dt.date(2017, 9, 7),
                                                                 dt.date(2017, 10, 16)]


def test_a_daylio_row_with_an_unreadable_date_stops_the_import_naming_the_line(tmp_path):
    path = _file(tmp_path, NEW_HEADER + '2024-03-02,2 March,Sat,10:00,rad,"","",""\n'
                 '2024-13-40,x,Sat,10:00,rad,"","",""\n')
    with pytest.raises(ImportFileError) as caught:
        read_file(path, "daylio")
    assert caught.value.line == 3 and "2024-13-40" in str(caught.value)


def test_custom_moods_map_case_blind_from_text_or_a_file(tmp_path):
    assert parse_mood_map("Rad=10, beyond anxious = 1") == {"rad": 10, "beyond anxious": 1}
    file = _file(tmp_path, "okay=6\n# comment\nin pain=2\n", name="moods.txt")
    assert parse_mood_map(str(file)) == {"okay": 6, "in pain": 2}
    path = _file(tmp_path, NEW_HEADER + '2024-03-02,2 March,Saturday,10:00,In Pain,"","",""\n')
    assert daylio.read(path.read_bytes(), {"in pain": 2}).days[0].mood == 2


def test_a_future_day_is_skipped_and_named(tmp_path):
    path = _file(tmp_path, NEW_HEADER + '2099-03-02,2 March,Monday,10:00,rad,"","",""\n'
                 '2024-03-02,2 March,Saturday,10:00,rad,"","",""\n')
    imported = read_file(path, "daylio")
    assert len(imported.days) == 1 and "2099-03-02 has not begun" in str(imported.problems[0])


def test_bearable_newer_header_segments_and_ordinal_dates(tmp_path):
    path = _file(tmp_path, "date,date formatted,weekday,time of day,category,rating/amount,"
                 "detail,notes\n"
                 '"1st Feb 2021","2021-02-01","Monday","am","Symptom","2","Back (lower) pain '
                 '(Moderate)",""\n'
                 '"1st Feb 2021","2021-02-01","Monday","pm","Symptom","3","Back (lower) pain '
                 '(Severe)",""\n'
                 '"1st Feb 2021","2021-02-01","Monday","3:04","Mood","7","Good | Calm",""\n'
                 '"1st Feb 2021","2021-02-01","Monday","","Sleep","7:30","Asleep 23:00 - 06:30",'
                 '""\n'
                 '"1st Feb 2021","2021-02-01","Monday","all day","Energy","4","Good",""\n'
                 '"1st Feb 2021","2021-02-01","Monday","3:04","Meds/Supplements","1.5","Melatonin '
                 '(mg)","Felt ok"\n')
    assert detect(path) == "bearable"
    day = read_file(path, "bearable").days[0]
    assert (day.pain, day.worst_pain, day.mood, day.sleep_hours, day.energy) == (8, 9, 7, 7.5, 8)
    assert day.tags == ("Back (lower) pain", "Good", "Calm")  # file order
    assert "Meds/Supplements: Melatonin 1.5 mg" in day.notes and "Felt ok" in day.notes


def test_imoodjournal_multiline_comments_hashtags_and_duplicates(tmp_path):
    path = _file(tmp_path, '"Date","Day of week","Hour","Minute","Level","LevelText","Comment",'
                 '"tired","wristhurts"\n'
                 '"September 5, 2015","Sat","09","25","7","(7) Pretty Good","first line\n'
                 '#slept10hours :(",0,1\n'
                 '"September 5, 2015","Sat","21","00","4","(4) Blah","",1,0\n'
                 '"September 5, 2015","Sat","21","00","4","(4) Blah","",1,0\n', bom=True)
    assert detect(path) == "imoodjournal"
    imported = read_file(path, "imoodjournal")
    (day,) = imported.days
    assert day.mood == 6  # mean of 7 and 4 (the duplicate row read once), rounded half up
    assert set(day.tags) == {"slept10hours", "wristhurts", "tired"}
    assert day.notes == "09:25 first line\n#slept10hours :("
    assert "repeat an earlier row" in str(imported.problems[0])


def test_clock_and_date_spellings():
    assert [minute_of_day(t) for t in ("5:01 PM", "10:00 pm", "12:53 AM", "9:03", "am", "")] \
        == [17 * 60 + 1, 22 * 60, 53, 9 * 60 + 3, -1, -1]
    assert text_date("22nd Sep 2020") == dt.date(2020, 9, 22)
    assert text_date("September 5, 2015") == dt.date(2015, 9, 5)


def test_conflict_rules():
    mine = Entry(dt.date(2024, 1, 1), pain=6, tags=("flare",))
    theirs = Entry(dt.date(2024, 1, 1), pain=2, mood=7, tags=("walk",))
    assert merge_day(mine, theirs, "fill") == Entry(mine.date, pain=6, mood=7, tags=("flare",))
    assert merge_day(mine, theirs, "keep") == mine
    assert merge_day(mine, theirs, "replace") == Entry(mine.date, pain=2, mood=7, tags=("walk",))
    assert merge_day(None, theirs, "fill") == theirs


def test_an_unknown_file_is_not_detected(tmp_path):
    assert detect(_file(tmp_path, "a,b,c\n1,2,3\n")) is None
    assert detect(_file(tmp_path, "<html></html>", name="x.xml")) is None


def test_daylio_old_exports_in_other_phone_languages(tmp_path):
    path = tmp_path / "daylio_export.csv"
    path.write_text("year,date,weekday,time,mood,activities,note\n"
                    '2017,16 октября,понедельник,12:10,rad,"",""\n'
                    '2017,10月15日,日曜日,12:10,rad,"",""\n'
                    '2017,14. října,sobota,12:10,rad,"",""\n', encoding="utf-8")
    assert [d.date.day for d in read_file(path, "daylio").days] == [14, 15, 16]


def test_thousands_separators_are_not_taken_for_decimal_commas():
    from journal.exchange.importers import any_csv

    english = b'Date,Steps,Sleep\n"01-03-2018","5,688","7.5"\n"13-03-2018","1,351","6"\n'
    french = b'Date,Pas,Sommeil\n"01-01-2022","7111","7,5"\n"13-01-2022","3671","6,25"\n'
    assert any_csv.propose(english)["decimal"] == "."
    assert any_csv.propose(french)["decimal"] == ","
    mapping = {**any_csv.propose(english), "date_format": "%d-%m-%Y"}
    days = any_csv.read(english, mapping).days
    assert days[0].notes == "5,688 steps" and days[0].sleep_hours == 7.5


def test_daylio_with_a_scales_column_and_a_multiline_note(tmp_path):
    path = _file(tmp_path, "full_date,date,weekday,time,mood,activities,scales,note_title,note\n"
                 '2024-03-02,2 March,Saturday,21:00,good,"walk","","Day","line one\n'
                 'line two, with a comma"\n'
                 '2024-03-01,1 March,Friday,21:00,awful,"","","",""\n', bom=True)
    assert detect(path) == "daylio"
    days = read_file(path, "daylio").days
    assert [d.mood for d in days] == [0, 8]
    assert days[1].notes == "21:00 Day\nline one\nline two, with a comma"
