"""HTML pages → Article, through trafilatura.

trafilatura finds the article body without boilerplate, the title, the date
(htmldate), author, site name and canonical url. Photo captions
(``<figcaption>``, elements whose class names a caption) and the page's
declared language are read from the same parsed tree before trafilatura
prunes it.
"""

from __future__ import annotations

import hashlib
import logging
import re
from typing import Any

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from ..errors import InputError
from ..model import Article
from .compose import clean, compose_article
from .dates import parse_published
from .decode import decode_bytes
from .furniture import furniture

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
_CAPTIONS = ("//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), "
             "' caption ') or contains(@class, 'caption-text') or contains(@class, 'wp-caption')"
             " or contains(@class, 'image-caption') or contains(@class, 'photo-caption')]")
# Full timestamp when the page has one; htmldate gives midnight otherwise.
_DATE_PARAMS = {"extensive_search": True, "original_date": True,
                "outputformat": "%Y-%m-%dT%H:%M:%S"}
_MAX_CAPTION_CHARS = 400
# trafilatura falls back to any text on a page without an article (a nav
# label, "Home"); so few words are not a news body.
_MIN_BODY_WORDS = 5


def article_from_html(data: bytes | str, *, url: str, origin: str) -> Article:
    """Article from one HTML page; InputError naming ``origin`` if it has no text.

    ``url`` is where the page was fetched (WARC target URI, feed link or file
    path); a different canonical url the page declares goes to metadata.
    """
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    text = data if isinstance(data, str) else decode_html(data, origin)
    tree = load_html(text)
    if tree is None:
        raise InputError(origin, "not parseable as HTML")
    page = _page_facts(tree)
    try:
        doc = bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                              include_tables=False, date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # trafilatura has no error contract; keep the batch going
        log.warning("trafilatura failed on %s: %s", origin, exc)
        raise InputError(origin, f"HTML extraction failed: {type(exc).__name__}: {exc}") from exc
    if doc is None or not (doc.text or "").strip():
        raise InputError(origin, "no article text found in HTML")
    return _compose(doc.as_dict(), page, url=url, origin=origin,
                    raw_hash=hashlib.sha256(raw).hexdigest())


def decode_html(data: bytes, origin: str) -> str:
    """Decode a page: BOM / UTF-8, then the charset it declares, then detection."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, origin)


def _page_facts(tree: HtmlElement) -> dict[str, Any]:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    captions = []
    for element in tree.xpath(_CAPTIONS):
        caption = clean(element.text_content())
        if caption and len(caption) <= _MAX_CAPTION_CHARS and caption not in captions:
            captions.append(caption)
    section = tree.xpath("string(//meta[@property='article:section']/@content)").strip()
    return {"language": lang.split("-")[0].strip().lower() or None,
            "captions": captions, "section": section or None}


def _compose(doc: dict[str, Any], page: dict[str, Any], *, url: str, origin: str,
             raw_hash: str) -> Article:
    title = clean(doc.get("title") or "") or None
    captions = page["captions"]
    caption_keys = {c.casefold() for c in captions}
    furniture_ = furniture()
    paragraphs = [p for p in (clean(line) for line in doc["text"].split("\n"))
                  if p and p.casefold() not in caption_keys and not p.startswith("![")
                  and not furniture_.is_drop(p)]
    if title and paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    agency = None
    if paragraphs:
        paragraphs[-1], agency = furniture_.split_agency(paragraphs[-1])
    if sum(len(p.split()) for p in paragraphs) < _MIN_BODY_WORDS:
        raise InputError(origin, "no article body found in HTML")
    published, offset = parse_published(doc.get("date"))
    metadata = _metadata(doc, url)
    if agency:
        metadata["agency"] = agency
    if offset:
        metadata["published_utc_offset"] = offset
    return compose_article(
        url=url, title=title, captions=captions, paragraphs=paragraphs, metadata=metadata,
        published=published, language=page["language"], section=page["section"],
        source=doc.get("sitename") or doc.get("hostname"), author=doc.get("author"),
        origin=origin, raw_hash=raw_hash,
    )


def _metadata(doc: dict[str, Any], url: str) -> dict[str, Any]:
    metadata: dict[str, Any] = {}
    if doc.get("url") and doc["url"] != url:
        metadata["canonical_url"] = doc["url"]
    for key, name in (("sitename", "site_name"), ("hostname", "hostname"),
                      ("description", "description"), ("categories", "categories"),
                      ("tags", "tags"), ("image", "image"), ("license", "license")):
        if doc.get(key):
            metadata[name] = doc[key]
    return metadata
