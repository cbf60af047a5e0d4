"""iter_inputs end to end: path expansion, sniffing, stdin, and bad files as Rejections."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from pathlib import Path

import pytest

from warta.ingest import ReadOptions, expand_paths, iter_inputs
from warta.model import Article, Rejection

from .helpers import html_page, warc_bytes

PAGE = ("0\nSelasa, 9 April 2024 23:30 WIB\nDunia:\n\nJudul Berita Uji\n\n"
        "Menteri luar negeri kedua negara bertemu di ibu kota pada hari Selasa untuk berunding.\n")


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write(tmp_path, "a/page.txt", PAGE)
    write(tmp_path, "a/lines.txt", json.dumps({"url": "https://x/1", "text": "Body one."}) + "\n")
    write(tmp_path, "b/page.html", html_page(1))
    write(tmp_path, "b/page2.html.gz", gzip.compress(html_page(2).encode()))
    write(tmp_path, "b/nocanon.html", html_page(5).replace('<link rel="canonical"', "<x"))
    write(tmp_path, "b/crawl.warc.gz", warc_bytes(
        [("https://w/3", "text/html", html_page(3).encode())], gzip=True))
    write(tmp_path, "c/t.csv", "url,text\nhttps://c/1,Row body.\n")
    write(tmp_path, "c/.hidden.txt", PAGE)
    write(tmp_path, ".git/config", "ignored")
    return tmp_path


def test_expand_paths_recursive_sorted_deduplicated(tree: Path) -> None:
    found = expand_paths([str(tree / "c"), str(tree), str(tree / "a" / "*.txt")])
    assert found == sorted(found)
    assert len(found) == len(set(found)) == 7
    assert not any("/." in f for f in found)
    assert all(os.path.isabs(f) for f in found)


def test_expand_paths_keeps_unmatched_and_stdin(tmp_path: Path) -> None:
    assert expand_paths(["-", str(tmp_path / "nothing-*.txt")]) == sorted(
        ["-", str(tmp_path / "nothing-*.txt")])


def test_every_format_read(tree: Path) -> None:
    items = list(iter_inputs([str(tree)]))
    assert all(isinstance(i, Article) for i in items), items
    urls = sorted(i.url for i in items)
    assert urls == sorted([
        "https://x/1", str(tree / "a/page.txt"), str(tree / "b/nocanon.html"),
        "https://daily.example/world/1", "https://daily.example/world/2", "https://w/3",
        "https://c/1"])
    page = next(i for i in items if i.url.endswith("page.txt"))
    assert (page.title, page.section, page.origin) == ("Judul Berita Uji", "Dunia",
                                                       str(tree / "a/page.txt"))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"\n\n  \n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary"),
        ("huge.txt", b"word " * 2000, "too large"),
        ("broken.html.gz", gzip.compress(html_page(0).encode())[:-30], "gzip"),
        ("nothing.html", b"<html><body><nav>Home</nav></body></html>", "no article"),
    ],
)
def test_bad_file_is_rejection_and_next_file_read(tmp_path: Path, name: str, data: bytes,
                                                  reason: str) -> None:
    bad = write(tmp_path, name, data)
    good = write(tmp_path, "zz-good.txt", PAGE)
    items = list(iter_inputs([str(bad), str(good)], ReadOptions(max_bytes=5000)))
    assert isinstance(items[0], Rejection), items[0]
    assert items[0].source.startswith(str(bad)) and reason in items[0].reason
    assert isinstance(items[1], Article) and items[1].url == str(good)


def test_missing_path_is_rejection(tmp_path: Path) -> None:
    [r] = list(iter_inputs([str(tmp_path / "gone.jsonl")]))
    assert isinstance(r, Rejection) and r.reason == "no such file"


def test_jsonl_bad_lines_inside_good_file(tmp_path: Path) -> None:
    path = write(tmp_path, "mixed.jsonl", '{"text": "One."}\nnot json\n{"text": ""}\n'
                 '{"text": "Four."}\n')
    items = list(iter_inputs([str(path)]))
    assert [(type(i).__name__, getattr(i, "line", None)) for i in items] == [
        ("Article", None), ("Rejection", 2), ("Rejection", 3), ("Article", None)]
    assert items[3].origin == f"{path}:4"


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "check"),
    [
        (PAGE.encode(), lambda a: a.title == "Judul Berita Uji" and a.url.startswith("stdin:")),
        (b'{"url": "https://s/1", "text": "From stdin."}\n', lambda a: a.url == "https://s/1"),
        (warc_bytes([("https://w/9", "text/html", html_page(9).encode())], gzip=False),
         lambda a: a.url == "https://w/9"),
    ],
    ids=["text", "jsonl", "warc"],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, check) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    [a] = list(iter_inputs(["-"]))
    assert isinstance(a, Article) and check(a)


def test_forced_format(tmp_path: Path) -> None:
    path = write(tmp_path, "table.dat", "url\ttext\nhttps://t/1\tBody.\n")
    [a] = list(iter_inputs([str(path)], ReadOptions(format="tsv")))
    assert a.url == "https://t/1"
    with pytest.raises(ValueError, match="unknown format"):
        list(iter_inputs([str(path)], ReadOptions(format="docx")))


def test_same_input_same_articles(tree: Path) -> None:
    first = [(a.id, a.raw_hash) for a in iter_inputs([str(tree)])]
    assert first == [(a.id, a.raw_hash) for a in iter_inputs([str(tree)])]


def test_sample_page_through_iter_inputs(sample_path: Path) -> None:
    [a] = list(iter_inputs([str(sample_path)]))
    assert a.story_id == "1127790" and a.url == os.path.abspath(sample_path)
