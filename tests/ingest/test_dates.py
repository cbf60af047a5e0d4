"""Date lines of scraped pages and published values of structured records."""

from __future__ import annotations

from datetime import datetime

import pytest

from warta.ingest.dates import date_finder, parse_published


@pytest.mark.parametrize(
    ("line", "when", "offset"),
    [
        ("Tuesday 9 April 2024 - 23:30", datetime(2024, 4, 9, 23, 30), None),
        ("Selasa, 9 April 2024 23:30 WIB", datetime(2024, 4, 9, 23, 30), "+07:00"),
        ("Rabu, 10/04/2024 pukul 07.15 WITA", datetime(2024, 4, 10, 7, 15), "+08:00"),
        ("Senin, 08 Apr 2024 14:05 WIB", datetime(2024, 4, 8, 14, 5), "+07:00"),
        ("Kamis, 11 Agustus 2022 | 10:00 WIT", datetime(2022, 8, 11, 10, 0), "+09:00"),
        ("April 9, 2024 at 11:30 PM EDT", datetime(2024, 4, 9, 23, 30), "-04:00"),
        ("Published: 2024-04-09 08:05 GMT", datetime(2024, 4, 9, 8, 5), "+00:00"),
        ("Diperbarui 9 Mei 2024 20:11", datetime(2024, 5, 9, 20, 11), None),
        ("Jakarta, 9 Desember 2024", datetime(2024, 12, 9), None),
        ("9 Sept. 2021", datetime(2021, 9, 9), None),
        ("9 April 2024 18:00 GMT+7", datetime(2024, 4, 9, 18, 0), "+07:00"),
        ("9 April 2024 18:00 UTC-0530", datetime(2024, 4, 9, 18, 0), "-05:30"),
    ],
)
def test_date_lines(line: str, when: datetime, offset: str | None) -> None:
    found = date_finder().date_line(line)
    assert found is not None and (found.when, found.offset) == (when, offset)


@pytest.mark.parametrize(
    "line",
    [
        "China - Rusia:",
        "Story Code : 1127790",
        "Dalam pertemuan pada hari Selasa 9 April 2024 Wang berjanji China akan mendukung",
        "Mereka bertemu 9 April 2024 di Beijing untuk membahas kerja sama ekonomi kedua negara",
        "31 Februari 2024",  # no such day
        "Foo 9, 2024",  # no such month
    ],
)
def test_not_date_lines(line: str) -> None:
    assert date_finder().date_line(line) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-04-09T23:30:00", (datetime(2024, 4, 9, 23, 30), None)),
        ("2024-04-09T16:30:00Z", (datetime(2024, 4, 9, 16, 30), "+00:00")),
        ("2024-04-09T23:30:00+07:00", (datetime(2024, 4, 9, 23, 30), "+07:00")),
        ("2024-04-09", (datetime(2024, 4, 9), None)),
        ("Selasa, 9 April 2024 23:30 WIB", (datetime(2024, 4, 9, 23, 30), "+07:00")),
        (datetime(2024, 4, 9, 1, 2), (datetime(2024, 4, 9, 1, 2), None)),
        ("", (None, None)),
        (None, (None, None)),
        (12345, (None, None)),
        ("not a date at all", (None, None)),
    ],
)
def test_parse_published(value: object, expected: tuple) -> None:
    assert parse_published(value) == expected
