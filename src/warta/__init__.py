"""warta: political event data from English and Indonesian news, offline.

Public API::

    from warta import process, build_pipeline, open_store, Article
    art = process(Article(url="x", text="..."))
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

from .model import Article, Event, Mention, Rejection, Sentence, Token  # noqa: E402
from .pipeline import Pipeline, Stage  # noqa: E402
from .process import build_pipeline, process  # noqa: E402
from .settings import Settings  # noqa: E402


def open_store(path: str | Path = "warta.duckdb", *, read_only: bool = False):  # noqa: ANN201
    """Open (or create) a warta DuckDB store."""
    from .store.duck import Store

    return Store(path, read_only=read_only)


__all__ = [
    "Article", "Event", "Mention", "Pipeline", "Rejection", "Sentence", "Settings", "Stage",
    "Token", "__version__", "build_pipeline", "open_store", "process",
]
