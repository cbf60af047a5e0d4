"""Stage protocol and the Pipeline that runs stages over an Article.

A stage declares the Article fields it ``requires`` and the ones it
``assigns``; the Pipeline checks the order once, when it is built, so a
misconfigured pipeline fails before it reads a single article.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from .errors import PipelineError, StageError
from .model import Article, Rejection

log = logging.getLogger(__name__)

#: Fields every reader fills; stages may require them without a producer.
READER_FIELDS = frozenset(
    {"url", "text", "title", "published", "section", "source", "story_id", "author",
     "origin", "raw_hash", "zones", "metadata"}
)


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


class Pipeline:
    """An ordered list of stages, checked once at construction."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages: tuple[Stage, ...] = tuple(stages)
        self._check()

    def _check(self) -> None:
        available = set(READER_FIELDS)
        names: set[str] = set()
        for stage in self.stages:
            if stage.name in names:
                raise PipelineError(f"stage {stage.name!r} appears twice")
            names.add(stage.name)
            missing = [f for f in stage.requires if f not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, "
                    "which no earlier stage assigns"
                )
            unknown = [f for f in stage.assigns if f not in Article.__dataclass_fields__]
            if unknown:
                raise PipelineError(f"stage {stage.name!r} assigns unknown field(s) {unknown}")
            available.update(stage.assigns)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            try:
                article = stage(article)
            except Exception as exc:  # a stage bug must not kill the batch
                log.exception("stage %s failed on %s", stage.name, article.url)
                raise StageError(stage.name, article.url, f"{type(exc).__name__}: {exc}") from exc
        return article

    def run_or_reject(self, article: Article) -> Article | Rejection:
        """The processed article, or a Rejection naming it when a stage fails on it:
        one bad article is quarantined and the batch goes on."""
        try:
            return self(article)
        except StageError as exc:
            return Rejection(source=article.origin or article.url, reason=str(exc),
                             excerpt=article.text[:200])

    def pipe(self, articles: Iterable[Article]) -> Iterable[Article]:
        for article in articles:
            yield self(article)
