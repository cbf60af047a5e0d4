"""Small stages for the pool and engine tests: importable by spawned workers
(the tests put this folder on sys.path, which spawn passes to the children)."""

from __future__ import annotations

import dataclasses
import os
import re

from warta.model import Article, Sentence, Token
from warta.settings import Settings

_SENT = re.compile(r"[^.!?]+[.!?]?")
_WORD = re.compile(r"\w+|[^\w\s]")


class SplitStage:
    """Sentences split at . ! ? — enough to count sentences like the real segmenter."""

    name = "split"
    requires = ("text",)
    assigns = ("sentences",)

    def __init__(self, settings: Settings | None = None) -> None:
        self.pid = os.getpid()

    def __call__(self, article: Article) -> Article:
        sents = []
        for m in _SENT.finditer(article.text):
            if m.group().strip():
                tokens = tuple(
                    Token(m.start() + w.start(), m.start() + w.end(), w.group(),
                          w.group().lower()) for w in _WORD.finditer(m.group()))
                sents.append(Sentence(index=len(sents), start=m.start(), end=m.end(),
                                      text=m.group(), tokens=tokens))
        return dataclasses.replace(article, sentences=tuple(sents),
                                   metadata={**article.metadata, "pid": self.pid})


class FailStage:
    """Raises on articles whose text contains BOOM (a stage bug)."""

    name = "fail"
    requires = ("text",)
    assigns = ("section",)

    def __init__(self, settings: Settings | None = None) -> None:
        pass

    def __call__(self, article: Article) -> Article:
        if "BOOM" in article.text:
            raise ValueError("boom")
        return article


class DieStage:
    """Kills its worker process on articles whose text contains DIE (a crash)."""

    name = "die"
    requires = ("text",)
    assigns = ("author",)

    def __init__(self, settings: Settings | None = None) -> None:
        pass

    def __call__(self, article: Article) -> Article:
        if "DIE" in article.text:
            os._exit(3)
        return article


class InterruptStage:
    """Raises KeyboardInterrupt (a Ctrl-C) on the article whose url is $WARTA_TEST_STOP_AT."""

    name = "interrupt"
    requires = ("text",)
    assigns = ("story_id",)

    def __init__(self, settings: Settings | None = None) -> None:
        pass

    def __call__(self, article: Article) -> Article:
        if article.url == os.environ.get("WARTA_TEST_STOP_AT"):
            raise KeyboardInterrupt
        return article
