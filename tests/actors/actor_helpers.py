"""Helpers for the actor tests, imported by conftest.py and the tests: build
Articles with sentences ourselves, so the tests do not depend on the segmenter."""

from __future__ import annotations

import re
from datetime import datetime

from warta.model import Article, Mention, Sentence, Token

SENTENCE_RE = re.compile(r"[^\n.!?]+(?:[.!?]+[”\"]?)?")
TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def tokens(text: str, offset: int) -> tuple[Token, ...]:
    return tuple(
        Token(offset + m.start(), offset + m.end(), m.group(), m.group().lower(),
              m.group().lower(), not m.group()[0].isalnum())
        for m in TOKEN_RE.finditer(text)
    )


def article(text: str, lang: str = "id", published: datetime | None = datetime(2024, 4, 9),
            kinds: dict[int, str] | None = None) -> Article:
    """An Article with one sentence per line/sentence end, all in ``lang``."""
    sentences = []
    for m in SENTENCE_RE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            i = len(sentences)
            kind = (kinds or {}).get(i, "body")
            sentences.append(Sentence(i, start, end, text[start:end], kind, lang,
                                      tokens(text[start:end], start)))
    return Article(url="test://a", text=text, published=published, language=lang,
                   sentences=tuple(sentences))


def find(ms: tuple[Mention, ...], text: str) -> Mention:
    hits = [m for m in ms if m.text == text]
    assert hits, f"no mention {text!r} in {[m.text for m in ms]}"
    return hits[0]
