"""Rows for ``warta export actors``: one per mention, plain JSON-ready values."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Article

#: Column order of the actor export.
COLUMNS = ("url", "start", "end", "text", "code", "name", "country", "role")


def actor_rows(article: Article) -> Iterator[dict[str, Any]]:
    """One dict per mention: url, start, end, text, code, name, country, role
    (role: the CAMEO type codes joined by ",", "" when none)."""
    for m in article.mentions:
        yield {
            "url": article.url,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "code": m.code,
            "name": m.name,
            "country": m.country,
            "role": ",".join(m.roles),
        }
