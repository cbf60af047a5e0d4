"""Turn processed Articles into Arrow tables (one row per annotation)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, NamedTuple

import pyarrow as pa

from ..errors import StoreError
from ..model import Article, Event, Mention, Rejection, Tone, Zone, content_hash
from .schema import TABLES


def event_id(article_id: str, idx: int) -> int:
    """Deterministic 63-bit GlobalEventID: the same event always gets the same id,
    on one laptop or across a cluster, with no shared counter."""
    return int(content_hash(article_id, str(idx))[:15], 16)


class _Mentions:
    """Row index of an article's mentions: by identity (the stages share the
    objects), else by value (the first equal one, as after pickling)."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = mentions
        self.by_id = {id(m): i for i, m in enumerate(mentions)}
        self.by_value: dict[Mention, int] | None = None

    def find(self, m: Mention | None) -> int | None:
        if m is None:
            return None
        found = self.by_id.get(id(m))
        if found is not None:
            return found
        if self.by_value is None:
            self.by_value = {}
            for i, other in enumerate(self.mentions):
                self.by_value.setdefault(other, i)
        return self.by_value.get(m)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


_ZONE_FIELDS, _TONE_FIELDS = _fields(Zone), _fields(Tone)


def _plain(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """``dataclasses.asdict`` for a dataclass of plain values (no deep copy)."""
    return {name: getattr(obj, name) for name in names}


# Rows are tuples in the order of their table's columns (store/schema.py);
# ``_table`` turns a batch of them into Arrow columns at once.

class ArticleRows(NamedTuple):
    """A processed article as its rows in the store, built where it was processed.

    A pool worker sends these instead of the Article: tuples of plain values
    pickle and unpickle several times faster than the Article's many small
    dataclasses, and the single writer no longer builds the rows itself. The
    rows lack what only the writer knows: the article row its last two
    columns (run_id, added), an event row its last (added).
    """

    id: str
    n_sentences: int
    n_events: int
    rows: dict[str, list[tuple[Any, ...]]]


#: Columns the writer appends to the rows of an ArticleRows, per table.
WRITER_COLUMNS = {"articles": ("run_id", "added"), "events": ("added",)}


def article_rows(article: Article) -> ArticleRows:
    """The rows of every table for ``article``, without the writer's columns."""
    aid = article.id
    rows = _child_rows(article, aid)
    rows["articles"] = [_article_values(article, aid)]
    return ArticleRows(aid, len(article.sentences), len(article.events), rows)


def article_row(article: Article, run_id: str, added: datetime,
                article_id: str | None = None) -> tuple[Any, ...]:
    """The article's row; ``article_id`` saves hashing its text again."""
    return (*_article_values(article, article_id or article.id), run_id, added)


def _article_values(article: Article, article_id: str) -> tuple[Any, ...]:
    return (
        article_id, article.url, article.origin, article.raw_hash, article.title,
        article.published, article.language, article.section, article.source,
        article.story_id, article.author, article.text,
        _json([_plain(z, _ZONE_FIELDS) for z in article.zones]),
        _json(dict(article.metadata)),
        _json(_plain(article.tone, _TONE_FIELDS)) if article.tone else None,
    )


def _actor(m: Mention | None, idx: int | None) -> tuple[Any, ...]:
    """mention, code, name, country, roles of an event's source or target."""
    if m is None:
        return idx, None, None, None, None
    return idx, m.code, m.name, m.country, ",".join(m.roles)


def event_row(article_id: str, idx: int, ev: Event, mentions: _Mentions,
              added: datetime) -> tuple[Any, ...]:
    return (*_event_values(article_id, idx, ev, mentions), added)


def _event_values(article_id: str, idx: int, ev: Event, mentions: _Mentions
                  ) -> tuple[Any, ...]:
    p = ev.place
    return (
        event_id(article_id, idx), article_id, idx, ev.sentence, ev.code, ev.base, ev.root,
        ev.quad_class, ev.goldstein, ev.plover,
        *_actor(ev.source, mentions.find(ev.source)),
        *_actor(ev.target, mentions.find(ev.target)),
        ev.evidence_start, ev.evidence_end, ev.pattern, ev.confidence, ev.date,
        ev.date_precision,
        *((p.feature_type, p.name, p.fips, p.adm1, p.lat, p.lon, p.feature_id) if p
          else (None,) * 7),
        ev.negated, ",".join(ev.modality), ev.is_root_event,
    )


def child_rows(article: Article, added: datetime,
               article_id: str | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Rows of every annotation table for one article (tuples in column order)."""
    rows = _child_rows(article, article_id or article.id)
    rows["events"] = [(*row, added) for row in rows["events"]]
    return rows


def _child_rows(article: Article, aid: str) -> dict[str, list[tuple[Any, ...]]]:
    """:func:`child_rows` without the events' ``added`` column."""
    mentions = _Mentions(article.mentions)
    return {
        "sentences": [
            (aid, s.index, s.start, s.end, s.text, s.kind, s.language, s.paragraph)
            for s in article.sentences
        ],
        "mentions": [
            (aid, i, m.sentence, m.start, m.end, m.text, m.code, m.name, m.country,
             ",".join(m.roles), m.kind, m.method, m.confidence, m.entity)
            for i, m in enumerate(article.mentions)
        ],
        "events": [_event_values(aid, i, e, mentions) for i, e in enumerate(article.events)],
        "quotes": [
            (aid, i, q.sentence, q.start, q.end, q.text, q.kind, q.verb,
             mentions.find(q.speaker), q.speaker.name if q.speaker else None,
             q.speaker.code if q.speaker else None)
            for i, q in enumerate(article.quotes)
        ],
        "places": [
            (aid, i, p.sentence, p.start, p.end, p.text, p.name, p.country, p.fips, p.adm1,
             p.lat, p.lon, p.feature_type, p.feature_id)
            for i, p in enumerate(article.places)
        ],
        "amounts": [
            (aid, i, a.sentence, a.start, a.end, a.text, a.value, a.unit, a.counts)
            for i, a in enumerate(article.amounts)
        ],
        "themes": [
            (aid, i, t.name, t.start, t.end, t.text) for i, t in enumerate(article.themes)
        ],
    }


def quarantine_row(rej: Rejection, run_id: str, added: datetime) -> tuple[Any, ...]:
    return (
        # the same rejection of the same input is recorded once, however often it is re-read
        content_hash(rej.source, str(rej.line), rej.reason),
        run_id, rej.source, rej.line, rej.reason, rej.excerpt[:500], added,
    )


def _table(schema: pa.Schema, rows: Sequence[tuple[Any, ...]],
           constants: Sequence[Any] = ()) -> pa.Table:
    """Arrow table of ``rows``: transposed into columns in one step (``zip``),
    each column converted once, instead of looking every value up by name.
    ``constants`` are the values of the last columns, the same in every row
    (missing from ``rows``)."""
    if not rows:
        return schema.empty_table()
    columns: list[Sequence[Any]] = list(zip(*rows, strict=True))
    columns += [[value] * len(rows) for value in constants]
    if len(columns) != len(schema):
        raise StoreError(f"rows of {len(columns)} values for {len(schema)} columns")
    return pa.Table.from_arrays(
        [pa.array(col, type=field.type) for col, field in zip(columns, schema, strict=True)],
        schema=schema)


def to_tables(articles: Sequence[Article | ArticleRows], rejections: Iterable[Rejection],
              run_id: str, added: datetime) -> dict[str, pa.Table]:
    """Arrow tables for a batch: articles (or their rows built already), their
    annotations, and quarantine rows."""
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES if name != "runs"}
    for art in articles:
        done = art if isinstance(art, ArticleRows) else article_rows(art)
        for name, chunk in done.rows.items():
            rows[name].extend(chunk)
    rows["quarantine"] = [quarantine_row(r, run_id, added) for r in rejections]
    writer = {"run_id": run_id, "added": added}
    return {name: _table(TABLES[name], r, [writer[c] for c in WRITER_COLUMNS.get(name, ())])
            for name, r in rows.items()}
