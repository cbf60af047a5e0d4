"""Turn processed Articles into Arrow tables (one row per annotation)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import pyarrow as pa

from ..model import Article, Event, Mention, Rejection, content_hash
from .schema import TABLES


def event_id(article_id: str, idx: int) -> int:
    """Deterministic 63-bit GlobalEventID: the same event always gets the same id,
    on one laptop or across a cluster, with no shared counter."""
    return int(content_hash(article_id, str(idx))[:15], 16)


def _mention_index(article: Article) -> dict[int, int]:
    return {id(m): i for i, m in enumerate(article.mentions)}


def _find_mention(article: Article, index: dict[int, int], m: Mention | None) -> int | None:
    if m is None:
        return None
    if id(m) in index:
        return index[id(m)]
    for i, other in enumerate(article.mentions):  # equal but not identical (after pickling)
        if other == m:
            return i
    return None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def article_row(article: Article, run_id: str, added: datetime) -> dict[str, Any]:
    return {
        "article_id": article.id, "url": article.url, "origin": article.origin,
        "raw_hash": article.raw_hash, "title": article.title, "published": article.published,
        "language": article.language, "section": article.section, "source": article.source,
        "story_id": article.story_id, "author": article.author, "text": article.text,
        "zones": _json([dataclasses.asdict(z) for z in article.zones]),
        "metadata": _json(dict(article.metadata)),
        "tone": _json(dataclasses.asdict(article.tone)) if article.tone else None,
        "run_id": run_id, "added": added,
    }


def _actor(prefix: str, m: Mention | None, idx: int | None) -> dict[str, Any]:
    return {
        f"{prefix}_mention": idx,
        f"{prefix}_code": m.code if m else None,
        f"{prefix}_name": m.name if m else None,
        f"{prefix}_country": m.country if m else None,
        f"{prefix}_roles": ",".join(m.roles) if m else None,
    }


def event_row(article: Article, idx: int, ev: Event, index: dict[int, int],
              added: datetime) -> dict[str, Any]:
    p = ev.place
    return {
        "event_id": event_id(article.id, idx), "article_id": article.id, "idx": idx,
        "sentence": ev.sentence, "code": ev.code, "base": ev.base, "root": ev.root,
        "quad_class": ev.quad_class, "goldstein": ev.goldstein, "plover": ev.plover,
        **_actor("source", ev.source, _find_mention(article, index, ev.source)),
        **_actor("target", ev.target, _find_mention(article, index, ev.target)),
        "evidence_start": ev.evidence_start, "evidence_end": ev.evidence_end,
        "pattern": ev.pattern, "confidence": ev.confidence, "event_date": ev.date,
        "date_precision": ev.date_precision,
        "geo_type": p.feature_type if p else None, "geo_name": p.name if p else None,
        "geo_fips": p.fips if p else None, "geo_adm1": p.adm1 if p else None,
        "geo_lat": p.lat if p else None, "geo_lon": p.lon if p else None,
        "geo_feature_id": p.feature_id if p else None,
        "negated": ev.negated, "modality": ",".join(ev.modality),
        "is_root_event": ev.is_root_event, "added": added,
    }


def _span(x: Any) -> dict[str, Any]:
    return {"start_char": x.start, "end_char": x.end, "text": x.text}


def child_rows(article: Article, added: datetime) -> dict[str, list[dict[str, Any]]]:
    """Rows of every annotation table for one article."""
    aid = article.id
    index = _mention_index(article)
    out: dict[str, list[dict[str, Any]]] = {
        "sentences": [
            {"article_id": aid, "idx": s.index, **_span(s), "kind": s.kind,
             "language": s.language, "paragraph": s.paragraph}
            for s in article.sentences
        ],
        "mentions": [
            {"article_id": aid, "idx": i, "sentence": m.sentence, **_span(m), "code": m.code,
             "name": m.name, "country": m.country, "roles": ",".join(m.roles), "kind": m.kind,
             "method": m.method, "confidence": m.confidence, "entity": m.entity}
            for i, m in enumerate(article.mentions)
        ],
        "events": [event_row(article, i, e, index, added) for i, e in enumerate(article.events)],
        "quotes": [
            {"article_id": aid, "idx": i, "sentence": q.sentence, **_span(q), "kind": q.kind,
             "verb": q.verb, "speaker_mention": _find_mention(article, index, q.speaker),
             "speaker_name": q.speaker.name if q.speaker else None,
             "speaker_code": q.speaker.code if q.speaker else None}
            for i, q in enumerate(article.quotes)
        ],
        "places": [
            {"article_id": aid, "idx": i, "sentence": p.sentence, **_span(p), "name": p.name,
             "country": p.country, "fips": p.fips, "adm1": p.adm1, "lat": p.lat, "lon": p.lon,
             "feature_type": p.feature_type, "feature_id": p.feature_id}
            for i, p in enumerate(article.places)
        ],
        "amounts": [
            {"article_id": aid, "idx": i, "sentence": a.sentence, **_span(a), "value": a.value,
             "unit": a.unit, "counts": a.counts}
            for i, a in enumerate(article.amounts)
        ],
        "themes": [
            {"article_id": aid, "idx": i, "name": t.name, **_span(t)}
            for i, t in enumerate(article.themes)
        ],
    }
    return out


def quarantine_row(rej: Rejection, run_id: str, added: datetime) -> dict[str, Any]:
    return {
        # the same rejection of the same input is recorded once, however often it is re-read
        "quarantine_id": content_hash(rej.source, str(rej.line), rej.reason),
        "run_id": run_id, "source": rej.source, "line": rej.line, "reason": rej.reason,
        "excerpt": rej.excerpt[:500], "added": added,
    }


def to_tables(articles: Sequence[Article], rejections: Iterable[Rejection], run_id: str,
              added: datetime) -> dict[str, pa.Table]:
    """Arrow tables for a batch: articles, their annotations, and quarantine rows."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES if name != "runs"}
    for art in articles:
        rows["articles"].append(article_row(art, run_id, added))
        for name, chunk in child_rows(art, added).items():
            rows[name].extend(chunk)
    rows["quarantine"] = [quarantine_row(r, run_id, added) for r in rejections]
    return {name: pa.Table.from_pylist(r, schema=TABLES[name]) for name, r in rows.items()}
