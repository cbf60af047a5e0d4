"""Articles made of invented paragraphs, for the event-context tests."""

from __future__ import annotations

import re
from datetime import datetime

from warta.model import Article, Quote, Sentence

PUBLISHED = datetime(2024, 4, 9, 23, 30)


def paragraph_article(paragraphs: list[list[str]], lang: str = "id",
                      published: datetime | None = PUBLISHED,
                      kinds: dict[int, str] | None = None, quotes: bool = False,
                      url: str = "test://ctx") -> Article:
    """Paragraphs of sentences, joined with spaces and blank lines.

    ``kinds`` gives some sentences (by index) a kind other than body; with
    ``quotes`` the words between quotation marks become the article's quotes,
    as the quote stage would find them.
    """
    text, sentences = "", []
    for p, paragraph in enumerate(paragraphs):
        if text:
            text += "\n\n"
        for s in paragraph:
            if text and not text.endswith("\n"):
                text += " "
            start = len(text)
            text += s
            kind = (kinds or {}).get(len(sentences), "body")
            sentences.append(Sentence(index=len(sentences), start=start, end=len(text), text=s,
                                      kind=kind, language=lang, paragraph=p))
    found: tuple[Quote, ...] = ()
    if quotes:
        found = tuple(Quote(start=m.start(1), end=m.end(1), text=m.group(1))
                      for m in re.finditer(r"[“\"]([^”\"]+?),?[”\"]", text))
    return Article(url=url, text=text, published=published, language=lang,
                   sentences=tuple(sentences), quotes=found)
