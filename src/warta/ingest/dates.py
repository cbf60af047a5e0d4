"""Publication dates: ISO strings from structured inputs, date lines of scrapes.

A scraped date line ("Tuesday 9 April 2024 - 23:30", "Selasa, 9 April 2024
23:30 WIB") is found with a regular expression first, because dateparser
alone accepts far too much. The match is parsed with the month names of
months.tsv; dateparser (about 6 ms a call) is only the fallback. Times are
kept as the publisher's wall clock (naive datetime); a stated zone becomes
an offset string for the metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..packs import read_tsv

TIMEZONES_FILE = Path(__file__).with_name("timezones.tsv")
MONTHS_FILE = Path(__file__).with_name("months.tsv")
_SETTINGS = {
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
}
_DATE = (
    r"(?:\d{1,2}\s+[^\W\d_]{3,10}\.?,?\s+\d{4}"  # 9 April 2024
    r"|[^\W\d_]{3,10}\.?\s+\d{1,2},?\s+\d{4}"  # April 9, 2024
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"  # 09/04/2024
    r"|\d{4}-\d{2}-\d{2})"  # 2024-04-09
)
_TIME = r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)"
_SEP = r"[\s,|–—/-]*(?:(?:pukul|jam|at|pk\.?)\s*)?"


@dataclass(frozen=True)
class DateLine:
    when: datetime
    offset: str | None  # "+07:00" when the line names a zone


class DateFinder:
    """Recognises date lines; zone abbreviations come from timezones.tsv."""

    def __init__(self, timezones_file: Path = TIMEZONES_FILE,
                 months_file: Path = MONTHS_FILE) -> None:
        self.zones = {row["abbr"].upper(): row["offset"]
                      for _, row in read_tsv(timezones_file, ("abbr", "offset"))}
        self.months = {row["name"].lower(): int(row["month"])
                       for _, row in read_tsv(months_file, ("name", "month"))}
        zone_alt = "|".join(sorted(map(re.escape, self.zones), key=len, reverse=True))
        self._pattern = re.compile(
            rf"(?P<date>{_DATE})(?:{_SEP}(?P<time>{_TIME}))?"
            rf"(?:\s*\(?(?P<zone>{zone_alt})\b(?P<zoff>\s*[+-]\d{{1,2}}(?::?\d{{2}})?)?\)?)?",
            re.I,
        )

    def date_line(self, line: str, max_chars: int = 80, max_other_words: int = 4
                  ) -> DateLine | None:
        """The date a short line states, or None if it is not a date line."""
        if len(line) > max_chars:
            return None
        m = self._pattern.search(line)
        if not m:
            return None
        other = (line[: m.start()] + " " + line[m.end():]).split()
        if len([w for w in other if any(c.isalnum() for c in w)]) > max_other_words:
            return None
        when = _fast_parse(m.group("date"), m.group("time"), self.months)
        if when is None:
            when = self.parse(m.group("date") + " " + (m.group("time") or ""))
        if when is None:
            return None
        zone = m.group("zone")
        if not zone:
            return DateLine(when, None)
        return DateLine(when, _shift(self.zones[zone.upper()], m.group("zoff")))


    @cached_property
    def _parser(self) -> Any:
        """dateparser, imported and built on first use: one parser per finder, as
        building one costs more than parsing (~9 ms); ISO dates never need it."""
        from dateparser.date import DateDataParser

        return DateDataParser(languages=["en", "id"], settings=_SETTINGS)

    def parse(self, text: str) -> datetime | None:
        """Parse a date expression in English or Indonesian (naive datetime)."""
        when = self._parser.get_date_data(text).date_obj
        return when.replace(tzinfo=None) if when else None


_DMY_WORD = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_MDY_WORD = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_DMY_NUM = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?")


def _fast_parse(date: str, time: str | None, months: dict[str, int]) -> datetime | None:
    """The common date-line forms, without dateparser; None if unsure."""
    ymd = _ymd(date, months)
    if ymd is None:
        return None
    hour = minute = second = 0
    if time:
        clock = _CLOCK.fullmatch(time.strip())
        if not clock:
            return None
        hour, minute, second = int(clock[1]), int(clock[2]), int(clock[3] or 0)
        if clock[4]:
            hour = hour % 12 + (12 if clock[4].lower() == "p" else 0)
    try:
        return datetime(*ymd, hour, minute, second)
    except ValueError:
        return None


def _ymd(date: str, months: dict[str, int]) -> tuple[int, int, int] | None:
    if m := _DMY_WORD.fullmatch(date):
        month = months.get(m[2].lower())
        return (int(m[3]), month, int(m[1])) if month else None
    if m := _MDY_WORD.fullmatch(date):
        month = months.get(m[1].lower())
        return (int(m[3]), month, int(m[2])) if month else None
    if m := _DMY_NUM.fullmatch(date):
        return int(m[3]), int(m[2]), int(m[1])
    if m := _ISO.fullmatch(date):
        return int(m[1]), int(m[2]), int(m[3])
    return None


@lru_cache(maxsize=4)
def date_finder() -> DateFinder:
    return DateFinder()


def parse_published(value: object) -> tuple[datetime | None, str | None]:
    """(wall-clock datetime, UTC offset) from a structured ``published`` value.

    ISO 8601 first (the corpora convention); anything else through
    dateparser. Returns (None, None) when the value cannot be read.
    """
    if isinstance(value, datetime):
        return value.replace(tzinfo=None), _offset(value)
    if not isinstance(value, str) or not value.strip():
        return None, None
    text = value.strip()
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        found = date_finder().date_line(text, max_chars=200, max_other_words=8)
        if found:
            return found.when, found.offset
        return date_finder().parse(text), None
    return when.replace(tzinfo=None), _offset(when)


def _shift(base: str, extra: str | None) -> str:
    """Offset of "GMT+7"-style zones: the named zone's offset plus the stated one."""
    if not extra:
        return base
    digits = extra.strip()
    sign = -1 if digits[0] == "-" else 1
    number = digits[1:].replace(":", "")
    hours, minutes = (number[:-2], number[-2:]) if len(number) > 2 else (number, "0")
    total = _minutes(base) + sign * (int(hours) * 60 + int(minutes))
    return _format_minutes(total)


def _minutes(offset: str) -> int:
    sign = -1 if offset[0] == "-" else 1
    hours, minutes = offset[1:].split(":")
    return sign * (int(hours) * 60 + int(minutes))


def _format_minutes(total: int) -> str:
    sign = "+" if total >= 0 else "-"
    total = abs(total)
    return f"{sign}{total // 60:02d}:{total % 60:02d}"


def _offset(when: datetime) -> str | None:
    delta = when.utcoffset()
    if delta is None:
        return None
    return _format_minutes(int(delta.total_seconds() // 60))
