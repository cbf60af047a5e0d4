"""Readers: input files → Articles (or Rejections for bad input).

``iter_inputs`` expands paths (folders, globs, "-" for stdin), sniffs each
file's format from content and name, and hands it to the reader for that
format. Bad input never raises out of it: a missing, empty, binary or
oversized file, and every bad record inside a good file, comes out as a
``Rejection`` naming the file and line, and reading goes on.
"""

from __future__ import annotations

import dataclasses
import glob
import io
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..errors import InputError
from ..model import Article, Rejection
from .decode import decode_bytes, gunzip, is_gzip, read_file, read_head, read_stdin
from .jsonl import iter_jsonl
from .options import FORMATS, ReadOptions
from .record import sha256_hex
from .sniff import sniff_format
from .tables import iter_delimited, iter_parquet
from .textscrape import TextScrapeReader

__all__ = [
    "FORMATS",
    "ReadOptions",
    "article_from_html",
    "expand_paths",
    "iter_inputs",
    "sniff_format",
]

log = logging.getLogger(__name__)
STDIN = "-"
_Reader = Callable[[bytes, str, ReadOptions, TextScrapeReader], Iterator[Article | Rejection]]


def __getattr__(name: str) -> Any:
    """``article_from_html`` on first use: the HTML and WARC readers load
    trafilatura (~0.1 s), which reading JSONL, tables or text never needs."""
    if name == "article_from_html":
        from .html import article_from_html

        return article_from_html
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Files named by ``paths``: folders recursively, globs expanded, "-" kept.

    Sorted and without duplicates, so a run is deterministic. Hidden files
    and folders inside a folder are skipped. A path that matches nothing is
    kept as given, so that reading it yields a Rejection instead of
    silently reading less.
    """
    found: set[str] = set()
    for path in paths:
        if path == STDIN:
            found.add(STDIN)
        elif os.path.isdir(path):
            found.update(_walk(path))
        elif glob.has_magic(path):
            matches = glob.glob(path, recursive=True)
            for match in matches:
                found.update(_walk(match) if os.path.isdir(match) else [os.path.abspath(match)])
            if not matches:
                found.add(path)
        else:
            found.add(os.path.abspath(path))
    return sorted(found)


def _walk(folder: str) -> list[str]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(os.path.abspath(os.path.join(root, n)) for n in names
                     if not n.startswith("."))
    return files


def iter_inputs(paths: Sequence[str], options: ReadOptions | None = None
                ) -> Iterator[Article | Rejection]:
    """Articles and Rejections from every input named by ``paths``, in order."""
    options = options or ReadOptions()
    if options.format is not None and options.format not in FORMATS:
        raise ValueError(f"unknown format {options.format!r}; expected one of {FORMATS}")
    text_reader = TextScrapeReader()
    for path in expand_paths(paths):
        try:
            yield from _read_input(path, options, text_reader)
        except InputError as exc:
            log.info("rejected %s", exc)
            yield Rejection(exc.source, exc.reason, exc.line)
        except Exception as exc:  # a reader bug must not end the batch
            log.exception("unexpected error reading %s", path)
            yield Rejection(path, f"unexpected error: {type(exc).__name__}: {exc}")


def _read_input(path: str, options: ReadOptions, text_reader: TextScrapeReader
                ) -> Iterator[Article | Rejection]:
    if path == STDIN:
        data = read_stdin(options.max_bytes)
        head = data[:8192]
    else:
        head = read_head(path)
        data = b""
    fmt = options.format or sniff_format(path, head)
    if fmt == "warc":
        from .warc import iter_warc

        # Archives are streamed (they are often far larger than max_bytes);
        # the limit then applies to each record's payload.
        with (io.BytesIO(data) if path == STDIN else open(path, "rb")) as stream:
            yield from iter_warc(stream, path, options.max_bytes)
        return
    data = data or read_file(path, options.max_bytes)
    if is_gzip(data):
        data = gunzip(data, path, options.max_bytes)
    yield from _READERS[fmt](data, path, options, text_reader)


def _text_scrape(data: bytes, path: str, options: ReadOptions, reader: TextScrapeReader
                 ) -> Iterator[Article | Rejection]:
    text = decode_bytes(data, path)
    url = path if path != STDIN else f"stdin:{sha256_hex(data)[:16]}"
    yield reader(text, url=url, origin=path, raw_hash=sha256_hex(data))


def _html(data: bytes, path: str, options: ReadOptions, reader: TextScrapeReader
          ) -> Iterator[Article | Rejection]:
    from .html import article_from_html

    url = path if path != STDIN else f"stdin:{sha256_hex(data)[:16]}"
    article = article_from_html(data, url=url, origin=path)
    # A saved page names its own address; the file path is only a stand-in.
    canonical = article.metadata.get("canonical_url")
    yield dataclasses.replace(article, url=canonical) if canonical else article


def _jsonl(data: bytes, path: str, options: ReadOptions, reader: TextScrapeReader
           ) -> Iterator[Article | Rejection]:
    yield from iter_jsonl(decode_bytes(data, path), path, options)


def _csv(data: bytes, path: str, options: ReadOptions, reader: TextScrapeReader
         ) -> Iterator[Article | Rejection]:
    yield from iter_delimited(decode_bytes(data, path), path, "csv", options)


def _tsv(data: bytes, path: str, options: ReadOptions, reader: TextScrapeReader
         ) -> Iterator[Article | Rejection]:
    yield from iter_delimited(decode_bytes(data, path), path, "tsv", options)


def _parquet(data: bytes, path: str, options: ReadOptions, reader: TextScrapeReader
             ) -> Iterator[Article | Rejection]:
    yield from iter_parquet(data, path, options)


_READERS: dict[str, _Reader] = {
    "text-scrape": _text_scrape,
    "html": _html,
    "jsonl": _jsonl,
    "csv": _csv,
    "tsv": _tsv,
    "parquet": _parquet,
}
