"""CSV / TSV / Parquet rows with column mapping; bad rows are Rejections."""

from __future__ import annotations

import io
from datetime import datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from warta.ingest.options import ReadOptions
from warta.ingest.tables import iter_delimited, iter_parquet
from warta.model import Article, Rejection


@pytest.mark.parametrize(("fmt", "sep"), [("csv", ","), ("tsv", "\t")])
def test_delimited_rows(fmt: str, sep: str) -> None:
    text = sep.join(["url", "title", "published", "text", "extra"]) + "\n" + \
        sep.join(["https://a/1", "Title one", "2024-04-09 10:00", "Body one.", "x"]) + "\n" + \
        sep.join(["https://a/2", "Title two", "", "", "y"]) + "\n" + \
        sep.join(["", "Title three", "", "Body three.", "z"]) + "\n"
    items = list(iter_delimited(text, "/t/in." + fmt, fmt))
    assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Article"]
    first, bad, third = items
    assert first.url == "https://a/1" and first.published == datetime(2024, 4, 9, 10, 0)
    assert first.metadata["extra"] == "x" and first.origin == f"/t/in.{fmt}:2"
    assert (bad.source, bad.line) == ("/t/in." + fmt, 3) and "empty 'text'" in bad.reason
    assert third.url == f"file:///t/in.{fmt}#L4"


def test_csv_quoted_newlines_keep_start_line() -> None:
    text = 'title,text\nA,"Para one.\n\nPara two."\nB,"Body b."\nC,\n'
    items = list(iter_delimited(text, "f.csv", "csv"))
    assert items[0].body == "Para one.\nPara two."
    assert items[1].origin == "f.csv:5"
    assert isinstance(items[2], Rejection) and items[2].line == 6


def test_missing_text_column_is_one_rejection() -> None:
    [r] = list(iter_delimited("url,headline\nhttps://a,b\n", "f.csv", "csv"))
    assert isinstance(r, Rejection) and r.line == 1 and "'text'" in r.reason


def test_column_mapping() -> None:
    options = ReadOptions(text_col="isi", url_col="tautan", title_col="judul",
                          published_col="tanggal", language_col="bahasa")
    text = "tautan\tjudul\ttanggal\tbahasa\tisi\nhttps://b/1\tJudul\t2024-04-09\tid\tIsi berita.\n"
    [a] = list(iter_delimited(text, "f.tsv", "tsv", options))
    assert (a.url, a.title, a.language, a.body) == ("https://b/1", "Judul", "id", "Isi berita.")


def test_too_many_fields_rejected() -> None:
    items = list(iter_delimited("title,text\nA,B,C\nD,E\n", "f.csv", "csv"))
    assert isinstance(items[0], Rejection) and items[0].line == 2
    assert isinstance(items[1], Article)


def parquet_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def test_parquet_rows() -> None:
    data = parquet_bytes(pa.table({
        "url": ["https://p/1", "https://p/2"],
        "text": ["Body one.", None],
        "published": [datetime(2024, 4, 9, 23, 30), None],
    }))
    first, second = iter_parquet(data, "/t/in.parquet")
    assert isinstance(first, Article) and first.published == datetime(2024, 4, 9, 23, 30)
    assert first.origin == "/t/in.parquet:1"
    assert isinstance(second, Rejection) and second.line == 2


@pytest.mark.parametrize("data", [b"PAR1 not really parquet", b"garbage"])
def test_corrupt_parquet_is_rejected(data: bytes) -> None:
    [r] = list(iter_parquet(data, "bad.parquet"))
    assert isinstance(r, Rejection) and r.source == "bad.parquet"
