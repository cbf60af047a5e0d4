"""Bytes → text: UTF-8 (BOM), legacy encodings, and clear reasons for bad input."""

from __future__ import annotations

import gzip

import pytest

from warta.errors import InputError
from warta.ingest.decode import check_size, decode_bytes, gunzip, read_file, repair_mojibake

LATIN = "Caf\u00e9 \u00e0 la cr\u00e8me, na\u00efve \u00fcber alles, se\u00f1or. " * 3
TEXT = "Menurut \u201cpejabat\u201d itu, caf\u00e9 di Moskow \u2013 kata mereka."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), TEXT),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("utf-16"), TEXT),
        (TEXT.encode("cp1252"), TEXT),
        (LATIN.encode("latin-1"), LATIN),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "cp1252", "latin1"],
)
def test_decodes(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "f") == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_bad_bytes_raise_named_input_error(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "/in/file.txt", 3)
    assert info.value.source == "/in/file.txt" and info.value.line == 3
    assert reason in info.value.reason


def test_read_file_limits(tmp_path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 100)
    with pytest.raises(InputError, match="too large"):
        read_file(str(big), max_bytes=50)
    with pytest.raises(InputError, match="no such file"):
        read_file(str(tmp_path / "missing.txt"), max_bytes=50)
    assert read_file(str(big), max_bytes=100) == b"x" * 100


def test_gunzip_multi_member_and_bomb_limit() -> None:
    data = gzip.compress(b"one ") + gzip.compress(b"two")
    assert gunzip(data, "f.gz", 100) == b"one two"
    with pytest.raises(InputError, match="larger than max_bytes"):
        gunzip(gzip.compress(b"a" * 10_000), "f.gz", 1000)
    with pytest.raises(InputError, match="truncated|corrupt"):
        gunzip(gzip.compress(b"a" * 1000)[:-12], "f.gz", 10_000)


def test_check_size_rejects_empty_stream() -> None:
    with pytest.raises(InputError, match="empty"):
        check_size(b"", "-", 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("profit (\u00c2\u00a3600m)", "profit (\u00a3600m)"),
        ("\u00e2\u20ac\u0153quoted\u00e2\u20ac\x9d", "\u201cquoted\u201d"),
        ("S\u00c3\u00a3o Paulo", "S\u00e3o Paulo"),
        ("legit caf\u00e9\u00bb and \u00c2ngela", "legit caf\u00e9\u00bb and \u00c2ngela"),
        ("plain text", "plain text"),
    ],
)
def test_repair_mojibake(text: str, expected: str) -> None:
    assert repair_mojibake(text) == expected
