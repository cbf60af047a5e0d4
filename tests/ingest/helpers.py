"""Helpers for the reader tests: inputs written for them (no publisher text) —
HTML pages and WARCs — and the zone invariant every article must hold."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warta.model import Article

PARAGRAPHS = (
    "Officials from both countries met in the capital on Tuesday to discuss trade and "
    "security cooperation, the foreign ministry said in a statement.",
    "The ministers agreed to hold another round of talks next month and to set up a "
    "working group on customs procedures, a spokesman told reporters.",
    "Both sides also pledged to expand student exchanges and to reopen a consulate that "
    "had been closed for three years.",
)


def html_page(n: int = 0, *, charset: str = "utf-8", title: str | None = None) -> str:
    title = title or f"Ministers agree to widen cooperation {n}"
    paras = "\n".join(f"<p>{p} Story {n}.</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="{charset}"><title>{title} | Daily Example</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Daily Example">
<meta property="article:section" content="World">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-04-09T23:30:00+07:00">
<link rel="canonical" href="https://daily.example/world/{n}">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
<figure><img src="/a.jpg"><figcaption>The two ministers before the talks</figcaption></figure>
{paras}
</article>
<aside class="related"><h3>Most read</h3><ul><li><a href="/x">Another story</a></li></ul></aside>
<footer>Copyright 2024 Daily Example. All rights reserved.</footer>
</body></html>"""


def warc_bytes(records: list[tuple[str, str, bytes]], *, gzip: bool) -> bytes:
    """A WARC with a warcinfo record, then (url, content type, payload) responses."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for url, ctype, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers))
    return buf.getvalue()


def assert_zones_valid(article: Article) -> None:
    """Every zone slices back to non-empty text, zones are ordered and disjoint,
    and together with the blank lines between them they make up the text."""
    end = 0
    for zone in article.zones:
        assert zone.start >= end, "zones overlap or are out of order"
        part = article.text[zone.start : zone.end]
        assert part.strip() == part and part, f"empty or untrimmed zone {zone}"
        assert "\n\n" not in part
        end = zone.end
    covered = "\n\n".join(article.text[z.start : z.end] for z in article.zones)
    assert covered == article.text
