"""Article layout: title, distinct captions, body paragraphs; zones slice back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warta.ingest.compose import compose_article, split_paragraphs

from .helpers import assert_zones_valid


def test_layout_title_captions_body() -> None:
    a = compose_article(url="u", title="Title", captions=["Cap", "Cap"],
                        paragraphs=["One.", "Cap", "Two."])
    assert a.text == "Title\n\nCap\n\nOne.\n\nTwo."
    assert [z.kind for z in a.zones] == ["title", "caption", "body", "body"]
    assert a.captions == ("Cap",)
    assert a.body == "One.\nTwo."
    assert_zones_valid(a)


def test_no_title_no_caption() -> None:
    a = compose_article(url="u", title=None, paragraphs=["Only  body\ttext. "])
    assert a.text == "Only body text."
    assert a.title is None
    assert [z.kind for z in a.zones] == ["body"]


def test_caption_equal_to_title_is_dropped() -> None:
    a = compose_article(url="u", title="Same", captions=["same"], paragraphs=["Body."])
    assert a.captions == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("One.\nTwo.", ["One.", "Two."]),  # a line per paragraph (Detik style)
        ("  \n\nOne.\n\n\n", ["One."]),
        # newswire hard wrap with indented paragraph starts (Reuters style)
        ("Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the\n"
         "drought since early January.\n    The dry period means the temporao will be\n"
         "late this year, traders said on Monday\nafter the weekly review was out.",
         ["Showers continued throughout the week in the Bahia cocoa zone, alleviating the "
          "drought since early January.",
          "The dry period means the temporao will be late this year, traders said on Monday "
          "after the weekly review was out."]),
        ("A\u200b line\r\nB line.", ["A line", "B line."]),
    ],
)
def test_split_paragraphs(text: str, expected: list[str]) -> None:
    assert split_paragraphs(text) == expected


_parts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(title=st.none() | _parts, captions=st.lists(_parts, max_size=4),
       paragraphs=st.lists(_parts, max_size=6))
def test_zones_slice_back_property(title: str | None, captions: list[str],
                                   paragraphs: list[str]) -> None:
    a = compose_article(url="u", title=title, captions=captions, paragraphs=paragraphs)
    assert_zones_valid(a)
    assert sum(z.kind == "title" for z in a.zones) <= 1


@given(st.text(max_size=400))
def test_split_paragraphs_never_returns_blank_property(text: str) -> None:
    for p in split_paragraphs(text):
        assert p and p == p.strip() and "\n" not in p
