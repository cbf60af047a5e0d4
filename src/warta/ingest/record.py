"""Structured records (a JSONL object, a table row) → Article.

Used by the JSONL and table readers. Column names come from ReadOptions;
keys the mapping does not know are kept in ``Article.metadata``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from ..errors import InputError
from ..model import Article
from .compose import compose_article, has_body, split_paragraphs
from .dates import parse_published
from .furniture import furniture
from .options import ReadOptions
from .textscrape import TextScrapeReader

# Optional keys of the corpora convention read into Article fields as is.
_PLAIN_FIELDS = ("source", "section", "author", "story_id")


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def record_url(path: str, line: int) -> str:
    """Stand-in url for a record that has none: the file and line."""
    return f"file://{path}#L{line}"


def article_from_record(
    record: Mapping[str, Any],
    *,
    options: ReadOptions,
    source: str,
    line: int,
    raw: bytes,
) -> Article:
    """Article from one record; InputError naming ``source`` and ``line`` if unusable."""
    text = record.get(options.text_col)
    if not isinstance(text, str) or not text.strip():
        what = "missing" if text is None else "empty" if isinstance(text, str) else "non-text"
        raise InputError(source, f"{what} {options.text_col!r} field", line)
    mapped = {options.text_col, options.url_col, options.title_col, options.published_col,
              options.language_col, "captions", *_PLAIN_FIELDS}
    metadata = {k: v for k, v in record.items() if k not in mapped and v is not None}
    published, offset = parse_published(record.get(options.published_col))
    if record.get(options.published_col) and published is None:
        metadata["published_raw"] = record[options.published_col]
    if offset:
        metadata["published_utc_offset"] = offset
    fields: dict[str, Any] = {name: _text(record.get(name)) for name in _PLAIN_FIELDS}
    fields.update(url=_text(record.get(options.url_col)) or record_url(source, line),
                  title=_text(record.get(options.title_col)), published=published,
                  language=_language(record.get(options.language_col)),
                  origin=f"{source}:{line}", raw_hash=sha256_hex(raw))
    if record.get("raw_format") == "text-scrape":
        try:
            return _from_scrape(text, fields, metadata)
        except InputError as exc:  # name the record, not the page origin
            raise InputError(source, exc.reason, line) from exc
    drop = furniture().is_drop
    paragraphs = split_paragraphs(text)
    # The record says this is the text: furniture is removed, but not all of it.
    paragraphs = [p for p in paragraphs if not drop(p)] or paragraphs
    article = compose_article(captions=_captions(record.get("captions")),
                              paragraphs=paragraphs, metadata=metadata, **fields)
    if not has_body(article):
        reason = f"no body text in {options.text_col!r} (invisible, or only the title)"
        raise InputError(source, reason, line)
    return article


def _from_scrape(text: str, fields: dict[str, Any], metadata: dict[str, Any]) -> Article:
    """A record whose text is a whole scraped page ("raw_format": "text-scrape").

    The page is read like a text file; what the record states wins over
    what the page shows.
    """
    page = TextScrapeReader()(text, url=fields["url"], origin=fields["origin"])
    page_metadata = dict(page.metadata)
    if fields["published"] is not None:  # the page's zone is not the record's
        page_metadata.pop("published_utc_offset", None)
    for name in ("title", "published", "section", "story_id", "author"):
        fields[name] = fields[name] or getattr(page, name)
    body = [page.text[z.start : z.end] for z in page.zones if z.kind == "body"]
    return compose_article(captions=page.captions, paragraphs=body,
                           metadata={**page_metadata, **metadata}, **fields)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _language(value: Any) -> str | None:
    text = _text(value)
    return text.lower() if text else None


def _captions(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []
