"""JSONL in the corpora convention; bad lines are Rejections, good lines still read."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

import pytest

from warta.ingest.jsonl import iter_jsonl
from warta.ingest.options import ReadOptions
from warta.model import Article, Rejection

from .helpers import assert_zones_valid

GOOD = {"url": "https://news.example/1", "title": "Talks in Jakarta",
        "published": "2024-04-09T23:30:00", "language": "ID", "source": "example",
        "section": "politik", "text": "First paragraph here.\nSecond paragraph here.",
        "topic": "diplomacy", "wordcount": 7}


def read(*lines: str) -> list[Article | Rejection]:
    return list(iter_jsonl("\n".join(lines), "/data/in.jsonl"))


def test_convention_fields_and_unknown_keys() -> None:
    [a] = read(json.dumps(GOOD))
    assert isinstance(a, Article)
    assert (a.url, a.title, a.language, a.source, a.section) == (
        "https://news.example/1", "Talks in Jakarta", "id", "example", "politik")
    assert a.published == datetime(2024, 4, 9, 23, 30)
    assert a.text == "Talks in Jakarta\n\nFirst paragraph here.\n\nSecond paragraph here."
    assert dict(a.metadata) == {"topic": "diplomacy", "wordcount": 7}
    assert a.origin == "/data/in.jsonl:1"
    assert a.raw_hash == hashlib.sha256(json.dumps(GOOD).encode()).hexdigest()
    assert_zones_valid(a)


def test_missing_url_gets_file_line_url_and_no_language() -> None:
    [a] = read("", json.dumps({"text": "Body only."}))
    assert a.url == "file:///data/in.jsonl#L2"
    assert a.language is None and a.title is None


def test_zoned_published_keeps_wall_clock_and_offset() -> None:
    [a] = read(json.dumps({"text": "x y z.", "published": "2024-04-09T23:30:00+07:00"}))
    assert a.published == datetime(2024, 4, 9, 23, 30)
    assert a.metadata["published_utc_offset"] == "+07:00"


def test_unreadable_published_is_kept_raw() -> None:
    [a] = read(json.dumps({"text": "x y z.", "published": "sometime soon"}))
    assert a.published is None
    assert a.metadata["published_raw"] == "sometime soon"


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ('{"text": "unterminated', "invalid JSON"),
        ("[1, 2, 3]", "not a JSON object"),
        ('"just a string"', "not a JSON object"),
        ('{"url": "u"}', "missing 'text'"),
        ('{"text": "   "}', "empty 'text'"),
        ('{"text": 42}', "non-text 'text'"),
        ('{"text": "\\u200b\\ufeff"}', "no body text"),
        ('{"title": "Same", "text": "Same"}', "only the title"),
        ('{"raw_format": "text-scrape", "text": "0\\nComment"}', "no article body"),
    ],
)
def test_bad_line_is_rejected_and_others_read(bad: str, reason: str) -> None:
    items = read(json.dumps(GOOD), bad, json.dumps({**GOOD, "url": "https://news.example/3"}))
    assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Article"]
    rejection = items[1]
    assert isinstance(rejection, Rejection)
    assert (rejection.source, rejection.line) == ("/data/in.jsonl", 2)
    assert reason in rejection.reason
    assert rejection.excerpt == bad[:200]


def test_column_mapping_applies() -> None:
    options = ReadOptions(text_col="body", url_col="link")
    [a] = list(iter_jsonl(json.dumps({"body": "Body text.", "link": "https://x/1"}), "f",
                          options))
    assert (a.url, a.body) == ("https://x/1", "Body text.")


def test_furniture_lines_dropped_from_body() -> None:
    [a] = read(json.dumps({"text": "One sentence.\nSCROLL TO CONTINUE WITH CONTENT\nTwo."}))
    assert a.body == "One sentence.\nTwo."


def test_corpus_reads_without_rejections(shared) -> None:
    path = shared / "corpora" / "detik_id_702.jsonl"
    items = list(iter_jsonl(path.read_text("utf-8"), str(path)))
    assert len(items) == 702
    assert all(isinstance(i, Article) and i.language == "id" for i in items)


def test_scraped_page_inside_a_record_is_read_as_a_page() -> None:
    page = ("0\nSelasa, 9 April 2024 23:30 WIB\nDunia:\n\nJudul Uji\n\nStory Code : 42\n"
            "Menteri luar negeri kedua negara bertemu di ibu kota pada hari Selasa.[AB/c]\n"
            "Comment")
    [a] = read(json.dumps({"url": "seed://1", "raw_format": "text-scrape", "text": page,
                           "language": "id", "published": "2024-04-10T08:00:00"}))
    assert (a.url, a.title, a.section, a.story_id, a.language) == (
        "seed://1", "Judul Uji", "Dunia", "42", "id")
    assert a.published == datetime(2024, 4, 10, 8, 0)  # the record wins over the page
    assert a.body == "Menteri luar negeri kedua negara bertemu di ibu kota pada hari Selasa."
    assert a.metadata["agency"] == "AB/c" and a.metadata["raw_format"] == "text-scrape"
    assert_zones_valid(a)


def test_seed_gold_record_reads_like_the_sample(shared) -> None:
    line = (shared / "eval" / "seed" / "seed_gold.jsonl").read_text("utf-8").splitlines()[0]
    [a] = list(iter_jsonl(line, "seed_gold.jsonl"))
    assert a.story_id == "1127790" and a.section == "China - Rusia"
    assert "Story Code" not in a.text and a.body.endswith("Moskow.")
