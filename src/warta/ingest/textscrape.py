"""Scraped plain-text news pages → Article.

Scrapers flatten a page into lines: counters, a date line, a section, the
title, a story code, the photo caption (often twice), the body, an agency
tag glued to the last sentence, and widget labels. The reader walks the
lines once (hard-wrapped wire copy is re-joined first). Metadata lines
(date, story code, byline, link) are taken wherever they stand; before the
first body paragraph the reader looks for the section and the title;
short lines between the title and the body that are not sentences are
captions, as are short lines the page repeats. Which lines are furniture
is data (furniture.tsv), not code.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from ..errors import InputError
from ..model import Article
from .compose import clean, compose_article, hard_wrapped, has_body, split_paragraphs
from .dates import DateFinder, date_finder
from .furniture import Furniture, furniture

_SENTENCE_END = tuple(".!?…\"”’")
_BODY_MIN_WORDS = 8
_TITLE_MAX_CHARS = 250
_META_LINE_MAX_CHARS = 80  # author / story-code lines are short
_CAPTION_MAX_CHARS = 200
_LIST_ITEM = re.compile(r"^(\d{1,3}|[a-z])[.)]\s")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


@dataclass
class _Page:
    """What the line walk has found so far (local to one call)."""

    title: str | None = None
    section: str | None = None
    published: datetime | None = None
    offset: str | None = None
    story_id: str | None = None
    author: str | None = None
    editor: str | None = None
    url: str | None = None
    captions: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)


def is_sentence(line: str) -> bool:
    """A body paragraph: a long line, or several words ending a sentence."""
    if len(line) > _TITLE_MAX_CHARS:
        return True
    return line.endswith(_SENTENCE_END) and len(line.split()) >= _BODY_MIN_WORDS


def is_statement(line: str) -> bool:
    """A sentence ending in a full stop: headlines may ask or exclaim, never end so."""
    if len(line) > _TITLE_MAX_CHARS:
        return True
    core = line.rstrip("\"”’')»] ")
    return core.endswith((".", "…")) and len(line.split()) >= _BODY_MIN_WORDS


def unwrap(text: str) -> list[str]:
    """Lines of a page, with hard-wrapped blocks joined into paragraphs.

    Scrapes of wire copy keep the wire's line breaks; a block (between blank
    lines) whose lines are wrapped is re-joined, other blocks stay a line
    per paragraph, so that head lines (date, title) are never glued.
    """
    lines: list[str] = []
    for block in _BLANK_LINES.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        raw = block.split("\n")
        lines.extend(split_paragraphs(block) if hard_wrapped(raw) else map(clean, raw))
        lines.append("")
    return lines


def looks_like_caption(line: str) -> bool:
    """Not a sub-heading ("Pasal 28:"), list item ("1. …") or long paragraph."""
    return (len(line) <= _CAPTION_MAX_CHARS and not line.endswith(":")
            and not _LIST_ITEM.match(line))


class TextScrapeReader:
    """Reads scraped text pages; holds the compiled furniture and date patterns."""

    def __init__(self, furniture_: Furniture | None = None, dates: DateFinder | None = None):
        self.furniture = furniture_ or furniture()
        self.dates = dates or date_finder()

    def __call__(self, text: str, *, url: str, origin: str, raw_hash: str = "") -> Article:
        """Article from one scraped page; InputError if no body is found."""
        page = self._walk(unwrap(text))
        metadata: dict[str, str] = {}
        if page.body:
            page.body[-1], agency = self.furniture.split_agency(page.body[-1])
            if agency:
                metadata["agency"] = agency
            page.body = [p for p in page.body if p]
        if not page.body:
            raise InputError(origin, "no article body found in text page")
        if page.offset:
            metadata["published_utc_offset"] = page.offset
        if page.editor:
            metadata["editor"] = page.editor
        article = compose_article(
            url=page.url or url, title=page.title, captions=page.captions,
            paragraphs=page.body, metadata=metadata, published=page.published,
            section=page.section, story_id=page.story_id, author=page.author,
            origin=origin, raw_hash=raw_hash,
        )
        if not has_body(article):  # every "body" line repeated the title
            raise InputError(origin, "no article body found in text page")
        return article

    def _walk(self, lines: list[str]) -> _Page:
        page = _Page()
        repeats = Counter(line.casefold() for line in lines if line)
        for line in lines:
            if not line or self.furniture.is_drop(line) or self._metadata(line, page):
                continue
            # A tag glued to the last sentence ("…Moskow.[IT/r]") hides its full stop.
            core = self.furniture.split_agency(line)[0]
            if page.title is None and not page.body and not page.captions:
                sentence = is_statement(core)
            else:
                sentence = is_sentence(core)
            if page.body:
                repeated = (repeats[line.casefold()] > 1 and not sentence
                            and looks_like_caption(line))
                target = page.captions if repeated else page.body
            elif sentence:
                target = page.body
            elif page.title is None:
                section = self.furniture.value("section", line)
                if section and page.section is None:
                    page.section = section
                    continue
                page.title = line
                continue
            else:
                target = page.captions if looks_like_caption(line) else page.body
            target.append(line)
        return page

    def _metadata(self, line: str, page: _Page) -> bool:
        """Take a metadata line (date, story code, byline, link) into ``page``."""
        if len(line) > _META_LINE_MAX_CHARS:
            return False
        found = self.dates.date_line(line)
        # In the body a sentence may end in a date ("Jakarta, 19 Oktober 2025.").
        if found and not (page.body and line.endswith(".")):
            if page.published is None:
                page.published, page.offset = found.when, found.offset
            return True
        for kind in ("story_id", "url", "author", "editor"):
            value = self.furniture.value(kind, line)
            if value:
                if getattr(page, kind) is None:
                    setattr(page, kind, value)
                return True
        return False
