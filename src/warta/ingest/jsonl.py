"""JSON Lines in the corpora convention → Articles, one per line.

A bad line (invalid JSON, not an object, no text) becomes a Rejection
naming the file and line; the other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import InputError
from ..model import Article, Rejection
from .options import ReadOptions
from .record import article_from_record

EXCERPT_CHARS = 200


def iter_jsonl(text: str, source: str, options: ReadOptions | None = None
               ) -> Iterator[Article | Rejection]:
    """Articles and Rejections from decoded JSONL ``text`` read from ``source``."""
    options = options or ReadOptions()
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield _article(line, lineno, source, options)
        except InputError as exc:
            yield Rejection(exc.source, exc.reason, exc.line, line[:EXCERPT_CHARS])


def _article(line: str, lineno: int, source: str, options: ReadOptions) -> Article:
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise InputError(source, f"invalid JSON: {exc}", lineno) from exc
    if not isinstance(record, dict):
        raise InputError(source, f"not a JSON object but {type(record).__name__}", lineno)
    raw = line.rstrip("\r").encode("utf-8", "surrogatepass")
    return article_from_record(record, options=options, source=source, line=lineno, raw=raw)
