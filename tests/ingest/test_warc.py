"""WARC / WARC.gz: HTML responses become articles; duplicates skipped; a
corrupt or truncated record is a Rejection and the rest is still read."""

from __future__ import annotations

import gzip as gzip_module
import io

import pytest

from warta.ingest.warc import iter_warc
from warta.model import Article, Rejection

from .helpers import html_page, warc_bytes

URLS = [f"https://daily.example/world/{n}" for n in range(4)]


def records() -> list[tuple[str, str, bytes]]:
    pages = [(url, "text/html; charset=utf-8", html_page(n).encode()) for n, url in enumerate(URLS)]
    return [
        *pages[:2],
        ("https://daily.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
        *pages[2:],
        pages[0],  # same URL again
        ("https://mirror.example/copy-of-1", "text/html", pages[1][2]),  # same payload
    ]


def read(data: bytes) -> list[Article | Rejection]:
    return list(iter_warc(io.BytesIO(data), "/crawl/t.warc"))


def kinds(items: list[Article | Rejection]) -> list[str]:
    return [i.url if isinstance(i, Article) else f"rejected record {i.line}" for i in items]


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_html_responses_once_each(gzip: bool) -> None:
    items = read(warc_bytes(records(), gzip=gzip))
    assert kinds(items) == URLS
    first = items[0]
    assert first.origin.startswith("warc:/crawl/t.warc#")
    assert first.title == "Ministers agree to widen cooperation 0"


def record_offsets(data: bytes) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(io.BytesIO(data))
    offsets = []
    for _record in it:
        offsets.append(it.get_record_offset())
    return offsets


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("where", ["first-line", "middle"])
def test_garbled_record_rejected_rest_read(gzip: bool, where: str) -> None:
    data = bytearray(warc_bytes(records(), gzip=gzip))
    offsets = record_offsets(bytes(data))
    start = offsets[2]  # the second page (record 3)
    at = start if where == "first-line" else (start + offsets[3]) // 2
    data[at : at + 60] = b"#" * 60
    items = read(bytes(data))
    assert isinstance(items[1], Rejection)
    assert items[1].line == 3 and items[1].source == "/crawl/t.warc"
    assert f"offset {start}" in items[1].reason
    # the other pages still come through, and the later copy of page 1 too
    assert kinds(items) == [URLS[0], "rejected record 3", URLS[2], URLS[3],
                            "https://mirror.example/copy-of-1"]


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("cut", [60, 400], ids=["in-header", "in-payload"])
def test_truncated_archive_rejects_last_record(gzip: bool, cut: int) -> None:
    data = warc_bytes(records()[:4], gzip=gzip)  # pages 0, 1, png, page 2
    last = record_offsets(data)[-1]
    items = read(data[: last + min(cut, (len(data) - last) // 2)])
    assert kinds(items)[:2] == URLS[:2]
    assert isinstance(items[-1], Rejection) and items[-1].line == 5
    assert f"offset {last}" in items[-1].reason
    assert len(items) == 3


def test_payload_over_limit_rejected() -> None:
    data = warc_bytes(records()[:1], gzip=False)
    [r] = list(iter_warc(io.BytesIO(data), "t.warc", max_record_bytes=100))
    assert isinstance(r, Rejection) and "larger than max_bytes" in r.reason


def test_whole_file_gzip_is_read_too() -> None:
    plain = warc_bytes(records(), gzip=False)
    items = read(gzip_module.compress(plain))
    assert kinds(items) == URLS


def test_truncated_whole_file_gzip_keeps_what_came_before() -> None:
    data = gzip_module.compress(warc_bytes(records(), gzip=False))
    items = read(data[: len(data) * 2 // 3])
    assert kinds(items)[0] == URLS[0]
    assert isinstance(items[-1], Rejection) and "gzip" in items[-1].reason
