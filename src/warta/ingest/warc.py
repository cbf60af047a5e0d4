"""WARC / WARC.gz archives → Articles, streamed record by record.

Only ``response`` records with an HTML payload become articles (through
``article_from_html``, url = WARC-Target-URI); other records are skipped.
Within one archive a URL or a payload digest seen before is skipped as a
duplicate. A corrupt or truncated record becomes a Rejection naming the
archive, its record number and byte offset; the reader then looks for the
next record header (or gzip member) after it and goes on from there.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from ..errors import InputError
from ..model import Article, Rejection
from .html import article_from_html

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SCAN_CHUNK = 1 << 16
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_HEADER = b"\nWARC/1."
_SPOOL_BYTES = 64 << 20  # decompress whole-file gzip in memory up to this, then on disk


@dataclass
class _Seen:
    """URLs and payload digests already read from this archive."""

    urls: set[str] = field(default_factory=set)
    digests: set[str] = field(default_factory=set)

    def duplicate(self, url: str, digest: str) -> bool:
        dup = url in self.urls or digest in self.digests
        self.urls.add(url)
        self.digests.add(digest)
        return dup


def iter_warc(stream: BinaryIO, source: str, max_record_bytes: int = 20_000_000
              ) -> Iterator[Article | Rejection]:
    """Articles and Rejections from a seekable WARC (or WARC.gz) byte stream."""
    gzipped = stream.read(2) == b"\x1f\x8b"
    if gzipped and _one_gzip_member(stream):
        # warcio reads only record-per-member WARC.gz; a whole-file gzip is
        # decompressed to a spooled file (offsets then count decompressed bytes).
        with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as plain:
            broken = _gunzip_into(stream, plain)
            plain.seek(0)
            yield from _iter_records(plain, source, max_record_bytes, gzipped=False)
        if broken:
            yield Rejection(source, f"gzip data {broken}")
        return
    yield from _iter_records(stream, source, max_record_bytes, gzipped=gzipped)


def _iter_records(stream: BinaryIO, source: str, max_record_bytes: int, *, gzipped: bool
                  ) -> Iterator[Article | Rejection]:
    seen = _Seen()
    offset: int | None = 0
    number = 0
    while offset is not None:
        stream.seek(offset)
        records = ArchiveIterator(stream, check_digests=True)
        start, in_record = offset, False
        try:
            for record in records:
                number, in_record = number + 1, True
                item = _read_record(record, records, source, number, seen, max_record_bytes)
                records.get_record_offset()  # reads to the end of the record
                start, in_record = records.offset, False
                if item is not None:
                    yield item
            offset = None
            tail = _trailing_garbage(stream, start)
            if tail:
                yield Rejection(source, f"truncated WARC record at byte offset {start}: {tail}",
                                number + 1)
        # warcio has no error contract: garbled headers surface as
        # ArchiveLoadFailed, ValueError, AttributeError, zlib.error…
        except Exception as exc:  # noqa: BLE001
            number += not in_record  # the failure was in a header not yet counted
            yield Rejection(source, f"corrupt WARC record at byte offset {start}: {_reason(exc)}",
                            number)
            offset = _next_record_start(stream, start + 1, gzipped)


def _read_record(record: ArcWarcRecord, records: ArchiveIterator, source: str, number: int,
                 seen: _Seen, max_bytes: int) -> Article | Rejection | None:
    if record.rec_type != "response":
        return None
    if not _is_html(record):
        records.get_record_offset()  # read to the end, so the digests get checked
        _check_complete(record, source, number, too_big=False)
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    payload = record.content_stream().read(max_bytes + 1)
    offset = records.get_record_offset()
    where = f"warc:{source}#{offset}"
    _check_complete(record, source, number, len(payload) > max_bytes)
    digest = record.rec_headers.get_header("WARC-Payload-Digest") or \
        "sha256:" + hashlib.sha256(payload).hexdigest()
    if seen.duplicate(url, digest):
        log.debug("duplicate record %s (%s) in %s", url, digest, source)
        return None
    try:
        return article_from_html(payload, url=url, origin=where)
    except InputError as exc:
        return Rejection(source, f"record at byte offset {offset} ({url}): {exc.reason}", number)


def _check_complete(record: ArcWarcRecord, source: str, number: int, too_big: bool) -> None:
    if too_big:
        raise InputError(source, "record payload larger than max_bytes", number)
    # warcio stops quietly at the end of a truncated record; a digest
    # mismatch or bytes left unread under Content-Length give it away.
    problems = record.digest_checker.problems
    if problems:
        raise InputError(source, "; ".join(problems), number)
    remaining = getattr(record.raw_stream, "limit", 0)
    if remaining:
        raise InputError(source, f"record truncated ({remaining} bytes missing)", number)


def _is_html(record: ArcWarcRecord) -> bool:
    headers = record.http_headers
    ctype = headers.get_header("Content-Type", "") if headers else ""
    return ctype.split(";")[0].strip().lower() in _HTML_TYPES


def _reason(exc: Exception) -> str:
    text = exc.reason if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
    # Garbled headers put raw bytes in the message; keep it printable.
    return "".join(c if c.isprintable() else "?" for c in " ".join(text.split()))[:200]


def _trailing_garbage(stream: BinaryIO, end: int) -> str:
    """Why bytes after the last record are not just padding ("" if they are).

    warcio ends quietly when a record header is cut short; bytes left
    after the last complete record show that the archive was truncated.
    """
    stream.seek(end)
    rest = stream.read(_SCAN_CHUNK)
    if not rest.strip(b"\r\n\x00"):
        return ""
    stream.seek(0, 2)
    return f"{stream.tell() - end} bytes after the last complete record"


def _one_gzip_member(stream: BinaryIO) -> bool:
    """Whether the first gzip member holds more than one record (whole-file gzip)."""
    stream.seek(0)
    member = zlib.decompressobj(16 + zlib.MAX_WBITS)
    tail = b""
    try:
        while not member.eof and (chunk := stream.read(_SCAN_CHUNK)):
            window = tail + member.decompress(chunk)
            if _WARC_HEADER in window:
                return True
            tail = window[-len(_WARC_HEADER):]
    except zlib.error:
        return False  # corrupt: the record reader reports it
    return False


def _gunzip_into(stream: BinaryIO, out: BinaryIO) -> str:
    """Decompress all of ``stream`` into ``out``; why it stopped early ("" if it did not).

    Unlike GzipFile this keeps everything decompressed before a truncation
    or corruption, so the records before it can still be read.
    """
    stream.seek(0)
    member = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while chunk := stream.read(_SCAN_CHUNK):
            out.write(member.decompress(chunk))
            while member.eof and member.unused_data:  # next gzip member
                rest = member.unused_data
                member = zlib.decompressobj(16 + zlib.MAX_WBITS)
                out.write(member.decompress(rest))
    except zlib.error as exc:
        return f"is corrupt: {exc}"
    return "" if member.eof else "ends early (truncated)"


def _next_record_start(stream: BinaryIO, start: int, gzipped: bool) -> int | None:
    """Offset of the next gzip member or WARC header at or after ``start``."""
    marker = _GZIP_MEMBER if gzipped else _WARC_HEADER
    skip = 0 if gzipped else 1  # the header starts after its newline
    stream.seek(start)
    pos, carry = start, b""
    while chunk := stream.read(_SCAN_CHUNK):
        window = carry + chunk
        found = window.find(marker)
        if found >= 0:
            return pos - len(carry) + found + skip
        carry = window[-len(marker):]
        pos += len(chunk)
    return None
