"""Compose an Article's text and zones from its parts.

Every reader ends here so that all articles share one layout, which later
stages rely on: the title, then each distinct photo caption, then the body
paragraphs, each part its own paragraph, separated by one blank line, with
one Zone per paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from ..model import Article, Zone
from .decode import repair_mojibake

PARAGRAPH_SEP = "\n\n"
_TERMINAL = tuple(".!?…:;\"”’»)")
_INDENT = re.compile(r"^(?:[ \t]{2,}|\t)\S")
# Zero-width and BOM characters that scrapes leave in text and that would
# make a paragraph look non-empty while showing nothing.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def clean(part: str) -> str:
    """One paragraph on one line: mojibake repaired, whitespace runs collapsed."""
    return " ".join(repair_mojibake(_INVISIBLE.sub("", part)).split())


def compose_article(
    *,
    url: str,
    title: str | None,
    captions: Iterable[str] = (),
    paragraphs: Iterable[str],
    metadata: Mapping[str, Any] | None = None,
    **fields: Any,
) -> Article:
    """Article with text = title, distinct captions, body paragraphs.

    Repeated captions, captions equal to the title, body paragraphs equal to
    the title or a caption, and a body paragraph equal to the one before it
    are dropped (scrapes repeat them); other repeated body paragraphs are
    kept (a recurring sub-heading is content). ``fields`` are the other
    Article fields (published, section, origin, raw_hash…).
    """
    title = clean(title or "") or None
    seen: set[str] = {title.casefold()} if title else set()
    parts: list[tuple[str, str]] = [("title", title)] if title else []
    for item in captions:
        text = clean(item)
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            parts.append(("caption", text))
    for item in paragraphs:
        text = clean(item)
        if text and text.casefold() not in seen and (not parts or parts[-1][1] != text):
            parts.append(("body", text))
    text, zones = _layout(parts)
    return Article(
        url=url,
        text=text,
        title=title,
        zones=zones,
        metadata=MappingProxyType(dict(metadata or {})),
        **fields,
    )


def _layout(parts: Sequence[tuple[str, str]]) -> tuple[str, tuple[Zone, ...]]:
    zones: list[Zone] = []
    pos = 0
    for kind, part in parts:
        zones.append(Zone(kind, pos, pos + len(part)))
        pos += len(part) + len(PARAGRAPH_SEP)
    return PARAGRAPH_SEP.join(p for _, p in parts), tuple(zones)


def has_body(article: Article) -> bool:
    return any(z.kind == "body" for z in article.zones)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain-text body.

    Blank lines always separate paragraphs. A single newline does too,
    unless the text is hard-wrapped (newswire style, lines of similar
    width): then lines are joined, and a new paragraph starts at an
    indented line or after a short line ending a sentence.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not hard_wrapped(lines):
        return [text for text in map(clean, lines) if text]
    indented = sum(1 for line in lines if _INDENT.match(line)) >= 2
    width = max(len(line.rstrip()) for line in lines)
    paragraphs: list[list[str]] = [[]]
    prev = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            paragraphs.append([])
        else:
            if paragraphs[-1] and _starts_paragraph(line, prev, indented, width):
                paragraphs.append([])
            paragraphs[-1].append(stripped)
        prev = line.rstrip()
    return [p for p in (clean(" ".join(words)) for words in paragraphs) if p]


def _starts_paragraph(line: str, prev: str, indented: bool, width: int) -> bool:
    # Wrapped lines fill the width; a much shorter line ends its paragraph
    # (or is a heading, a dateline, a table row) whatever its last character,
    # unless the next line goes on in lower case (a ragged first line).
    if len(prev) < 0.5 * width and not line.lstrip()[:1].islower():
        return True
    if _INDENT.match(line):
        return True
    return not indented and prev.endswith(_TERMINAL) and len(prev) < 0.75 * width


def hard_wrapped(lines: Sequence[str]) -> bool:
    """Lines wrapped at a fixed width (wire copy), not a line per paragraph.

    Wrapped lines end mid-sentence, fill most of the width, and the next
    line goes on in lower case or with a number. A scrape with a line per
    paragraph has captions and titles without a full stop too, but an
    upper-case paragraph start follows them. Wire copy that indents its
    paragraph starts is taken as wrapped outright.
    """
    full = [line.rstrip() for line in lines if line.strip()]
    if len(full) < 4:
        return False
    width = max(len(line) for line in full)
    if not 40 <= width <= 110:
        return False
    if sum(1 for line in lines if _INDENT.match(line)) >= 2:
        return True
    mid = [i for i, line in enumerate(full[:-1]) if not line.endswith(_TERMINAL)]
    if len(mid) < 0.5 * (len(full) - 1):
        return False
    goes_on = sum(1 for i in mid if len(full[i]) >= 0.5 * width and _goes_on(full[i + 1]))
    return goes_on >= 0.4 * len(mid)


def _goes_on(line: str) -> bool:
    """A line that continues a wrapped sentence: lower case, or a number ("13.5
    billion dlrs …", "3,416,624."); a line of bare digits alone is page
    furniture (a comment counter "0"), not a continuation."""
    words = line.split()
    return bool(words) and (words[0][:1].islower()
                            or (words[0][:1].isdigit() and not (len(words) == 1
                                                                and words[0].isdigit())))
