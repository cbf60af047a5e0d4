"""Scraped plain-text pages: metadata lines, title, captions, body, furniture."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warta.errors import InputError
from warta.ingest.textscrape import TextScrapeReader

from .helpers import assert_zones_valid

BODY1 = "Menteri luar negeri kedua negara bertemu di ibu kota pada hari Selasa untuk berunding."
BODY2 = "Mereka sepakat memperluas kerja sama perdagangan dan keamanan dalam tahun mendatang."
CAPTION = "Two foreign ministers shake hands before talks in the capital"
TITLE = "Kedua Negara Sepakat Perluas Kerja Sama"


@pytest.fixture(scope="module")
def read() -> TextScrapeReader:
    return TextScrapeReader()


def page(*lines: str) -> str:
    return "\n".join(lines)


# (page, expected fields) — furniture orders and date formats seen on news sites
CASES = {
    "sample-like": (
        page("0", "Tuesday 9 April 2024 - 23:30", "Asia - Eropa:", "", TITLE, "",
             "Story Code : 998877", CAPTION, CAPTION, BODY1, "", BODY2 + "[IT/r]", "Comment"),
        dict(title=TITLE, published=datetime(2024, 4, 9, 23, 30), section="Asia - Eropa",
             story_id="998877", captions=(CAPTION,), agency="IT/r"),
    ),
    "indonesian-date-wib": (
        page(TITLE, "Selasa, 9 April 2024 23:30 WIB", "", BODY1, "", BODY2),
        dict(title=TITLE, published=datetime(2024, 4, 9, 23, 30), section=None, story_id=None,
             captions=(), offset="+07:00"),
    ),
    "counter-share-baca-juga": (
        page("12 Comments", "Share", TITLE, "Rabu, 10/04/2024 pukul 07.15 WITA", BODY1,
             "Baca juga: Menlu Bertemu Mitra di Jakarta", BODY2, "(rdp/imk)", "Tweet"),
        dict(title=TITLE, published=datetime(2024, 4, 10, 7, 15), captions=(),
             agency="rdp/imk", offset="+08:00"),
    ),
    "english-us-date-byline": (
        page("Home > World > Asia", "Ministers agree to widen cooperation",
             "By John Smith", "April 9, 2024 11:30 PM",
             "The foreign ministers of both countries met in the capital on Tuesday for talks.",
             "They agreed to expand trade and security cooperation over the coming year.",
             "Read more: Earlier talks stalled", "Advertisement"),
        dict(title="Ministers agree to widen cooperation", published=datetime(2024, 4, 9, 23, 30),
             section="Asia", author="John Smith", captions=()),
    ),
    "no-date-no-section-caption-once": (
        page(TITLE, CAPTION, BODY1, BODY2),
        dict(title=TITLE, published=None, section=None, captions=(CAPTION,)),
    ),
    "date-after-body-and-repeated-caption-inside": (
        page(TITLE, "", BODY1, CAPTION, BODY2, CAPTION, "Diperbarui 9 Mei 2024 20:11"),
        dict(title=TITLE, published=datetime(2024, 5, 9, 20, 11), captions=(CAPTION,)),
    ),
    "body-only": (
        page(BODY1, BODY2),
        dict(title=None, captions=()),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_variants(read: TextScrapeReader, name: str) -> None:
    text, expected = CASES[name]
    article = read(text, url="file:///x.txt", origin="/x.txt", raw_hash="h")
    assert_zones_valid(article)
    assert article.body.split("\n") == [BODY1, BODY2] or name.startswith("english")
    for key, value in expected.items():
        if key == "captions":
            assert article.captions == value
        elif key == "agency":
            assert article.metadata["agency"] == value
        elif key == "offset":
            assert article.metadata["published_utc_offset"] == value
        else:
            assert getattr(article, key) == value, key
    assert "agency" in article.metadata or "agency" not in expected


def test_english_body_without_furniture(read: TextScrapeReader) -> None:
    text, _ = CASES["english-us-date-byline"]
    article = read(text, url="u", origin="o")
    assert article.body.split("\n") == [
        "The foreign ministers of both countries met in the capital on Tuesday for talks.",
        "They agreed to expand trade and security cooperation over the coming year.",
    ]


def test_url_line_becomes_url(read: TextScrapeReader) -> None:
    article = read(page(TITLE, "Sumber: https://news.example/a/1", BODY1), url="/f.txt",
                   origin="/f.txt")
    assert article.url == "https://news.example/a/1"


@pytest.mark.parametrize("text", ["", "0\nComment", "Share\n12 Comments\nTweet"])
def test_no_body_is_an_input_error(read: TextScrapeReader, text: str) -> None:
    with pytest.raises(InputError) as info:
        read(text, url="u", origin="/pages/p.txt")
    assert info.value.source == "/pages/p.txt"


def test_sample_page_golden(read: TextScrapeReader, sample_path: Path) -> None:
    article = read(sample_path.read_text("utf-8"), url=str(sample_path),
                   origin=str(sample_path))
    assert article.title == ("China Akan 'Memperkuat Kerja Sama Strategis' dengan Rusia yang "
                             "Bertentangan dengan Unilateralisme Barat")
    assert article.published == datetime(2024, 4, 9, 23, 30)
    assert article.section == "China - Rusia"
    assert article.story_id == "1127790"
    assert article.metadata["agency"] == "IT/r"
    assert len(article.captions) == 1 and article.captions[0].startswith("Russia")
    body = article.body
    for furniture in ("Story Code", "[IT/r]", "Comment", "Tuesday 9 April"):
        assert furniture not in body
    assert body.endswith("Moskow.")
    assert body.startswith("Diplomat utama China")
    assert [z.kind for z in article.zones][:3] == ["title", "caption", "body"]
    assert_zones_valid(article)


_line = st.sampled_from(["0", "Comment", "Share", TITLE, CAPTION, BODY1, BODY2, "",
                         "Story Code : 12", "Selasa, 9 April 2024 23:30 WIB", "Asia:",
                         BODY2 + "[AB/c]", "Baca juga: x"])


@given(st.lists(_line, max_size=14))
def test_any_page_gives_valid_zones_or_input_error(lines: list[str]) -> None:
    reader = TextScrapeReader()
    try:
        article = reader("\n".join(lines), url="u", origin="o")
    except InputError:
        assert not ({BODY1, BODY2, BODY2 + "[AB/c]"} & set(lines))
        return
    assert_zones_valid(article)
    assert article.body


def test_hard_wrapped_wire_copy_is_rejoined(read: TextScrapeReader) -> None:
    text = page(
        "March 2, 1987 10:00", "", "BANK SEEKS BRANCH NETWORK", "",
        "A regional bank said it filed an application with the",
        "currency regulator in an effort to create the largest",
        "banking network in the county, officials said today.",
        "    The bank said the network would link 31 banks having",
        "13.5 billion dlrs in assets and 7.5 billion dlrs in deposits.",
        "       ",
        " Reuter",
    )
    article = read(text, url="u", origin="o")
    assert article.title == "BANK SEEKS BRANCH NETWORK"
    assert article.published == datetime(1987, 3, 2, 10, 0)
    assert article.body.split("\n") == [
        "A regional bank said it filed an application with the currency regulator in an "
        "effort to create the largest banking network in the county, officials said today.",
        "The bank said the network would link 31 banks having 13.5 billion dlrs in assets and "
        "7.5 billion dlrs in deposits.",
    ]
    assert_zones_valid(article)


def test_a_comment_counter_after_each_line_is_not_wire_wrapping() -> None:
    # found by the property above: "0" lines once made the block look hard-wrapped,
    # gluing "… berunding. 0" into a caption and leaving no body
    article = TextScrapeReader()("\n".join([CAPTION, "0", BODY1, "0"]), url="u", origin="o")
    assert article.body == BODY1
