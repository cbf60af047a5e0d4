"""CSV, TSV and Parquet tables → Articles, one per row.

Columns are mapped through ReadOptions. A table without the text column is
one Rejection; a row without text is a Rejection naming its line (CSV/TSV:
the physical line where the row starts; Parquet: the row number).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from ..errors import InputError
from ..model import Article, Rejection
from .options import ReadOptions
from .record import article_from_record

EXCERPT_CHARS = 200
_DELIMITERS = {"csv": ",", "tsv": "\t"}


def iter_delimited(text: str, source: str, fmt: str, options: ReadOptions | None = None
                   ) -> Iterator[Article | Rejection]:
    """Articles and Rejections from a decoded CSV (``fmt="csv"``) or TSV table."""
    options = options or ReadOptions()
    # Article bodies can be longer than csv's default field limit (128 KiB).
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_DELIMITERS[fmt])
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield Rejection(source, f"unreadable header: {exc}", 1)
        return
    if header is None:
        yield Rejection(source, "empty table", 1)
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    if options.text_col not in header:
        yield Rejection(source, f"no {options.text_col!r} column in header {header}", 1)
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # e.g. a NUL byte; the reader goes on at the next line
            yield Rejection(source, f"malformed row: {exc}", start, lines[start - 1][:200])
        else:
            raw = "\n".join(lines[start - 1 : reader.line_num])
            yield _row(header, row, source=source, line=start, raw=raw, options=options)
        start = reader.line_num + 1


def _row(header: list[str], row: list[str], *, source: str, line: int, raw: str,
         options: ReadOptions) -> Article | Rejection:
    excerpt = raw[:EXCERPT_CHARS]
    if not any(cell.strip() for cell in row):
        return Rejection(source, "blank row", line, excerpt)
    if len(row) > len(header):
        return Rejection(source, f"{len(row)} fields, header has {len(header)}", line, excerpt)
    record = dict(zip(header, row, strict=False))
    try:
        return article_from_record(record, options=options, source=source, line=line,
                                   raw=raw.encode("utf-8", "surrogatepass"))
    except InputError as exc:
        return Rejection(exc.source, exc.reason, exc.line, excerpt)


def iter_parquet(data: bytes, source: str, options: ReadOptions | None = None
                 ) -> Iterator[Article | Rejection]:
    """Articles and Rejections from the bytes of a Parquet file, row by row."""
    import pyarrow.parquet as pq  # only Parquet input needs it

    options = options or ReadOptions()
    try:
        table = pq.ParquetFile(pa.BufferReader(data))
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield Rejection(source, f"unreadable Parquet file: {exc}")
        return
    if options.text_col not in table.schema_arrow.names:
        yield Rejection(source, f"no {options.text_col!r} column in {table.schema_arrow.names}")
        return
    line = 0
    for batch in table.iter_batches():
        for record in batch.to_pylist():
            line += 1
            yield _record(record, source=source, line=line, options=options)


def _record(record: dict[str, Any], *, source: str, line: int, options: ReadOptions
            ) -> Article | Rejection:
    raw = json.dumps(record, sort_keys=True, default=str, ensure_ascii=False)
    try:
        return article_from_record(record, options=options, source=source, line=line,
                                   raw=raw.encode("utf-8", "surrogatepass"))
    except InputError as exc:
        return Rejection(exc.source, exc.reason, exc.line, raw[:EXCERPT_CHARS])
