"""Format sniffing: content first, extension second."""

from __future__ import annotations

import gzip

import pytest

from warta.ingest.sniff import sniff_format

HTML = b"<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>"
JSONL = b'{"url": "u", "text": "t"}\n{"url": "v", "text": "w"}\n'
WARC = b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"
PAGE = b"0\nTuesday 9 April 2024 - 23:30\nSection:\n\nA Title\n\nBody text here.\n"


@pytest.mark.parametrize(
    ("path", "head", "expected"),
    [
        ("page.txt", PAGE, "text-scrape"),
        ("page", PAGE, "text-scrape"),
        ("actually.txt", JSONL, "jsonl"),  # content beats extension
        ("data.jsonl", JSONL, "jsonl"),
        ("data.jsonl", b"\xef\xbb\xbf" + JSONL, "jsonl"),
        ("page.html", HTML, "html"),
        ("page.txt", HTML, "html"),
        ("page.htm", b"  <html lang='id'><body>x</body></html>", "html"),
        ("page.xhtml", b"<?xml version='1.0'?><!DOCTYPE html><html/>", "html"),
        ("page.html.gz", gzip.compress(HTML), "html"),
        ("crawl.warc", WARC, "warc"),
        ("crawl.bin", WARC, "warc"),
        ("crawl.warc.gz", gzip.compress(WARC), "warc"),
        ("noname", gzip.compress(WARC), "warc"),
        ("lines.jsonl.gz", gzip.compress(JSONL), "jsonl"),
        ("t.parquet", b"PAR1\x15\x04", "parquet"),
        ("t.csv", b"title,text\nA,B\n", "csv"),
        ("t.tsv", b"title\ttext\nA\tB\n", "tsv"),
        ("t.txt", b"url\ttitle\ttext\nu\tA\tB\n", "tsv"),  # a TSV header by content
        ("t.txt", b"Jakarta, Indonesia\nHello, world\n", "text-scrape"),
        ("-", JSONL, "jsonl"),
        ("-", PAGE, "text-scrape"),
    ],
)
def test_sniff(path: str, head: bytes, expected: str) -> None:
    assert sniff_format(path, head) == expected
