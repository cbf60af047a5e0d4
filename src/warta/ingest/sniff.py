"""Guess an input's format from its content first and its name second.

Content wins because scrapers name files carelessly (a ``.txt`` that holds
JSON lines is JSONL); the extension decides only when the content gives no
strong sign (CSV/TSV, which any text could resemble, and plain text).
"""

from __future__ import annotations

import codecs
import json
import re

from .decode import is_gzip, peek_gunzip

_EXTENSIONS = (
    ((".warc", ".warc.gz", ".arc", ".arc.gz"), "warc"),
    ((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"), "jsonl"),
    ((".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"), "html"),
    ((".csv", ".csv.gz"), "csv"),
    ((".tsv", ".tab", ".tsv.gz"), "tsv"),
    ((".parquet", ".pq"), "parquet"),
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b",
                         re.I | re.S)
_XML_HTML = re.compile(rb"^\s*<\?xml[^>]*>\s*(<!doctype\s+html|<html)", re.I)
_HEADER_FIELD = re.compile(r"^[\w .-]{1,40}$")
# A header must name one of these for content-only sniffing to call it a table.
_ARTICLE_COLUMNS = frozenset({"text", "body", "content", "url", "link", "title", "headline"})


def sniff_format(path: str, head: bytes) -> str:
    """Format of an input from its name and first bytes.

    Returns one of "text-scrape", "jsonl", "html", "warc", "csv", "tsv",
    "parquet". Gzip input is sniffed on its decompressed head.
    """
    name = path.lower()
    if is_gzip(head):
        head = peek_gunzip(head)
    by_content = _from_content(head)
    if by_content:
        return by_content
    for suffixes, fmt in _EXTENSIONS:
        if name.endswith(suffixes):
            return fmt
    return _table_from_content(head) or "text-scrape"


def _from_content(head: bytes) -> str | None:
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if head.startswith(b"PAR1"):
        return "parquet"
    text = head.removeprefix(codecs.BOM_UTF8)
    if _HTML_START.match(text) or _XML_HTML.match(text):
        return "html"
    if _first_line_is_json_object(text):
        return "jsonl"
    return None


def _first_line_is_json_object(head: bytes) -> bool:
    stripped = head.lstrip()
    if not stripped.startswith(b"{"):
        return False
    line, newline, _ = stripped.partition(b"\n")
    if not newline and len(head) >= 8192:
        # A first line longer than the head: trust the opening brace.
        return True
    try:
        return isinstance(json.loads(line.decode("utf-8", "replace")), dict)
    except ValueError:
        return False


def _table_from_content(head: bytes) -> str | None:
    """TSV/CSV when the first line is a header of short names and the second
    line has the same number of separators (a text page almost never does)."""
    lines = head.decode("utf-8", "replace").removeprefix("\ufeff").splitlines()
    if len(lines) < 2:
        return None
    for sep, fmt in (("\t", "tsv"), (",", "csv")):
        fields = lines[0].split(sep)
        names = {f.strip('" ').lower() for f in fields}
        if len(fields) < 2 or not names & _ARTICLE_COLUMNS:
            continue
        if all(_HEADER_FIELD.match(f.strip('"')) for f in fields):
            if fmt == "tsv" and lines[1].count(sep) == len(fields) - 1:
                return fmt
            if fmt == "csv" and lines[1].count(sep) >= len(fields) - 1:
                return fmt
    return None
