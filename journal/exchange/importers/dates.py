"""Dates and times as other apps write them: localized month names, 12- and 24-hour clocks."""

from __future__ import annotations

import datetime as dt
import re

from journal.domain import ValidationError
from journal.domain.parse import parse_date

# Month names (full, genitive and common abbreviations) in the phone languages seen in
# real exports and their neighbours; matched case-insensitively, accents included.
_MONTH_NAMES = {
    1: "january jan januar janvier janv enero ene gennaio gen janeiro jan januari styczeń "
       "stycznia sty января январь янв ledna leden ocak",
    2: "february feb februar février févr fevrier febrero febbraio fevereiro fev februari "
       "luty lutego lut февраля февраль фев února únor şubat",
    3: "march mar märz marz mars marzo março maart marzec marca марта март března březen mart",
    4: "april apr avril avr abril abr aprile kwiecień kwietnia kwi апреля апрель апр dubna "
       "duben nisan",
    5: "may mai mayo maggio mag maio mei maj maja мая май května květen mayıs",
    6: "june jun juni juin junio giugno giu junho czerwiec czerwca cze июня июнь června červen "
       "haziran",
    7: "july jul juli juillet juil julio luglio lug julho lipiec lipca lip июля июль července "
       "červenec temmuz",
    8: "august aug août aout agosto ago augustus augusti sierpień sierpnia sie августа август "
       "srpna srpen ağustos",
    9: "september sep sept septembre septiembre setiembre settembre set setembro wrzesień "
       "września wrz сентября сентябрь září eylül",
    10: "october oct oktober octobre octubre ottobre ott outubro out okt październik "
        "października paź октября октябрь října říjen ekim",
    11: "november nov novembre noviembre novembro listopad listopada lis ноября ноябрь "
        "listopadu kasım",
    12: "december dec dezember dez décembre déc diciembre dic dicembre dezembro grudzień "
        "grudnia gru декабря декабрь prosince prosinec aralık",
}
MONTHS: dict[str, int] = {name: number for number, names in _MONTH_NAMES.items()
                          for name in names.split()}
_WORD = re.compile(r"[^\W\d_]+\.?", re.UNICODE)
_NUMBER = re.compile(r"\d+")
_CLOCK = re.compile(r"\s*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([aApP]\.?\s*[mM]\.?)?\s*")


_NUMERIC_MONTH = re.compile(r"\s*(\d{1,2})\s*(?:月|월)\s*(\d{1,2})\s*(?:日|일)\s*")


def month_day(text: str) -> tuple[int, int]:
    """(month, day) from a localized day and month such as ``June 22``, ``16 de octubre``,
    ``7 września`` or ``10月16日``; ValueError if there is no month name and day number."""
    numeric = _NUMERIC_MONTH.fullmatch(text)
    if numeric:
        return int(numeric[1]), int(numeric[2])
    words = [w.rstrip(".").casefold() for w in _WORD.findall(text)]
    months = [MONTHS[w] for w in words if w in MONTHS]
    numbers = [int(n) for n in _NUMBER.findall(text)]
    if len(months) != 1 or len(numbers) != 1 or not 1 <= numbers[0] <= 31:
        raise ValueError(text)
    return months[0], numbers[0]


def localized_date(year: int | str, text: str) -> dt.date:
    """A date from a year and a localized day and month; ValueError if it is none."""
    month, day = month_day(text)
    return dt.date(int(year), month, day)


def iso_date(text: str) -> dt.date:
    """An ISO date (the start of *text*); ValueError if it is none."""
    try:
        return parse_date(text.strip()[:10])
    except ValidationError:
        raise ValueError(text) from None


def minute_of_day(text: str) -> int:
    """Minutes since midnight from ``5:01 PM``, ``10:00 pm``, ``18:52`` or ``9:03``; -1 if
    the text is no clock time (Bearable's ``am``/``pm`` segments, a blank)."""
    match = _CLOCK.fullmatch(text or "")
    if not match:
        return -1
    hour, minute = int(match[1]), int(match[2])
    if match[4]:
        pm = match[4].lower().startswith("p")
        if not 1 <= hour <= 12:
            return -1
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59:
        return -1
    return hour * 60 + minute


def format_minute(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}" if minute >= 0 else ""


_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def text_date(text: str) -> dt.date:
    """A date written with its month's name and a four-digit year, in any order:
    ``September 5, 2015``, ``22nd Sep 2020``, ``5 de septiembre de 2015``; ValueError if none."""
    years = _YEAR.findall(text)
    if len(years) != 1:
        raise ValueError(text)
    rest = _YEAR.sub(" ", text)
    rest = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", rest)
    return localized_date(years[0], rest)
