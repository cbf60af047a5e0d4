"""Shared by the Indonesian end-to-end event tests: code one invented sentence."""

from __future__ import annotations

from datetime import datetime

import pytest

from warta.errors import StageError
from warta.model import Article
from warta.pipeline import Pipeline


def run_id(pipeline: Pipeline, text: str, prefix: str = "test://id/") -> Article:
    """``text`` as an Indonesian article of 2025-10-20 through ``pipeline``; an
    earlier stage's failure skips the test, the events stage's fails it."""
    article = Article(url=prefix + str(abs(hash(text))), text=text, language="id",
                      published=datetime(2025, 10, 20))
    try:
        return pipeline(article)
    except StageError as exc:
        if exc.stage == "events":
            raise
        pytest.skip(f"an earlier stage failed: {exc}")
