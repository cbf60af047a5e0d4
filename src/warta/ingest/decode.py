"""Bytes → text: size limits, binary detection and encoding detection.

UTF-8 (with or without BOM) is tried first because nearly all modern pages
are UTF-8; otherwise charset-normalizer guesses. Its guess among the
single-byte Latin code pages is unreliable on short texts (it often says
cp1257 for a Windows-1252 page), so when it guesses one of them and the
bytes are valid Windows-1252 we take Windows-1252, the usual encoding of
older English and Indonesian news pages.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

import charset_normalizer

from ..errors import InputError

# Single-byte Latin code pages that charset-normalizer confuses with cp1252.
_LATIN_GUESSES = frozenset(
    {"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_15", "iso8859_2",
     "iso8859_9", "iso8859_13", "mac_roman", "mac_latin2", "cp850", "cp437", "ascii"}
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, CR, form feed mark binary data.
_CONTROL = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f") | {"\x7f"}
GZIP_MAGIC = b"\x1f\x8b"


@contextmanager
def _reading(path: str) -> Iterator[None]:
    """Turn the OS's reasons for not reading ``path`` into an InputError naming it."""
    try:
        yield
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(path, "is a directory") from exc
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc


def read_file(path: str, max_bytes: int) -> bytes:
    """All bytes of ``path``; InputError if missing, unreadable, empty or too large."""
    with _reading(path):
        size = os.stat(path).st_size
        if size > max_bytes:
            raise InputError(path, f"file too large: {size} bytes (max_bytes is {max_bytes})")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    return check_size(data, path, max_bytes)


def read_head(path: str, size: int = 8192) -> bytes:
    """The first ``size`` bytes of ``path`` (for sniffing); InputError if unreadable."""
    with _reading(path), open(path, "rb") as fh:
        return fh.read(size)


def read_stream(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    """All bytes of a stream (stdin), with the same limits as a file."""
    return check_size(stream.read(max_bytes + 1), source, max_bytes)


def read_stdin(max_bytes: int) -> bytes:
    return read_stream(sys.stdin.buffer, "-", max_bytes)


def check_size(data: bytes, source: str, max_bytes: int) -> bytes:
    if len(data) > max_bytes:
        raise InputError(source, f"input too large: more than max_bytes ({max_bytes}) bytes")
    if not data.strip():
        raise InputError(source, "empty input")
    return data


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing output over ``max_bytes`` (zip bombs)."""
    out = bytearray()
    rest = data
    try:
        # A gzip file may hold several members; decompress them all.
        while rest[:2] == GZIP_MAGIC:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out += d.decompress(rest, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                raise InputError(source, f"decompressed input larger than max_bytes ({max_bytes})")
            if not d.eof:
                raise InputError(source, "truncated gzip data")
            rest = d.unused_data
    except zlib.error as exc:
        raise InputError(source, f"corrupt gzip data: {exc}") from exc
    return check_size(bytes(out), source, max_bytes)


def is_gzip(head: bytes) -> bool:
    return head[:2] == GZIP_MAGIC


def peek_gunzip(head: bytes, size: int = 4096) -> bytes:
    """The first decompressed bytes of a gzip head (b"" if it is not gzip)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, size)
    except zlib.error:
        return b""


def decode_bytes(data: bytes, source: str, line: int | None = None) -> str:
    """Decode text bytes; InputError for empty, binary or undecodable input."""
    if not data.strip():
        raise InputError(source, "empty input", line)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                reason = f"invalid {encoding} after BOM: {exc.reason}"
                raise InputError(source, reason, line) from exc
    if b"\x00" in data[:65536]:
        raise InputError(source, "binary data (NUL bytes), not text", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data, source, line)
    if _control_ratio(text) > 0.01:
        raise InputError(source, "binary data (control characters), not text", line)
    return text


def _detect(data: bytes, source: str, line: int | None) -> str:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(source, "undecodable bytes: not UTF-8 and no known encoding fits", line)
    if best.encoding in _LATIN_GUESSES:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    return sum(1 for ch in sample if ch in _CONTROL) / len(sample)



# UTF-8 read as Windows-1252 ("Â£600m", "â€œ", "Ã©"): a lead byte shown as
# Â-ô followed by continuation bytes shown as U+0080-U+00BF or as the
# Windows-1252 punctuation that byte values 0x80-0x9F stand for.
_CP1252_HIGH = "".join(bytes([b]).decode("cp1252", "ignore") for b in range(0x80, 0xA0))
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{re.escape(_CP1252_HIGH)}]{{1,3}}")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-Windows-1252 where the bytes decode back cleanly.

    Only sequences that form valid UTF-8 are changed, so legitimate accented
    text ("café»") is left alone.
    """
    if not _MOJIBAKE.search(text):
        return text
    return _MOJIBAKE.sub(_repair_match, text)


def _repair_match(match: re.Match[str]) -> str:
    raw = bytearray()
    for ch in match.group():
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            raw.append(ord(ch))  # U+0080-U+009F: the byte itself (Latin-1 reading)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return match.group()
