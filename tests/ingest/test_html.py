"""HTML pages through trafilatura: body without boilerplate, metadata, captions."""

from __future__ import annotations

import hashlib
from datetime import datetime

import pytest

from warta.errors import InputError
from warta.ingest.html import article_from_html

from .helpers import PARAGRAPHS, assert_zones_valid, html_page


@pytest.fixture(scope="module")
def article():
    data = html_page(7).encode("utf-8")
    return article_from_html(data, url="https://mirror.example/7", origin="/in/p7.html"), data


def test_body_without_boilerplate(article) -> None:
    a, _ = article
    assert a.body.split("\n") == [f"{p} Story 7." for p in PARAGRAPHS]
    for junk in ("Most read", "Copyright", "Sport", "Home"):
        assert junk not in a.text


def test_metadata(article) -> None:
    a, data = article
    assert a.title == "Ministers agree to widen cooperation 7"
    assert a.published == datetime(2024, 4, 9, 23, 30)
    assert (a.author, a.source, a.language, a.section) == ("Jane Doe", "Daily Example", "en",
                                                           "World")
    assert a.url == "https://mirror.example/7" and a.origin == "/in/p7.html"
    assert a.metadata["canonical_url"] == "https://daily.example/world/7"
    assert a.raw_hash == hashlib.sha256(data).hexdigest()


def test_caption_zone(article) -> None:
    a, _ = article
    assert a.captions == ("The two ministers before the talks",)
    assert [z.kind for z in a.zones][:3] == ["title", "caption", "body"]
    assert_zones_valid(a)


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1"])
def test_legacy_charset(charset: str) -> None:
    page = html_page(1, charset=charset, title="Caf\u00e9 talks in S\u00e3o Paulo")
    a = article_from_html(page.encode("cp1252"), url="u", origin="o")
    assert a.title == "Caf\u00e9 talks in S\u00e3o Paulo"


def test_str_input_is_accepted() -> None:
    assert article_from_html(html_page(2), url="u", origin="o").title.endswith("2")


@pytest.mark.parametrize("page", [
    "<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>",
    "<html><body></body></html>",
])
def test_page_without_text_is_input_error(page: str) -> None:
    with pytest.raises(InputError) as info:
        article_from_html(page, url="u", origin="warc:/a.warc#12")
    assert info.value.source == "warc:/a.warc#12"


def test_furniture_and_agency_tag_removed() -> None:
    page = html_page(3).replace(
        "</article>",
        "<p>Baca juga: Menlu bertemu mitra di Jakarta</p>"
        "<p>Kedua negara juga sepakat memperluas pertukaran pelajar tahun depan. (rdp/imk)</p>"
        "</article>")
    a = article_from_html(page, url="u", origin="o")
    assert "Baca juga" not in a.text
    assert a.body.endswith("pertukaran pelajar tahun depan.")
    assert a.metadata["agency"] == "rdp/imk"
