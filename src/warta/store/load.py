"""Rebuild model objects from the store (for GKG/Mentions exports and re-coding).

Tokens are not stored (they are cheap to recompute), so loaded sentences
have ``tokens=()``; everything else round-trips unchanged.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from types import MappingProxyType
from typing import Any

from ..model import Amount, Article, Event, Mention, Place, Quote, Sentence, Theme, Tone, Zone
from .duck import Store

_LAYERS = ("sentences", "mentions", "events", "quotes", "places", "amounts", "themes")


def _rows(con: Any, table: str, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    cur = con.execute(
        f"SELECT * FROM {table} WHERE article_id IN (SELECT UNNEST(?)) ORDER BY article_id, idx",
        [list(ids)])
    cols = [d[0] for d in cur.description]
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in cur.fetchall():
        rec = dict(zip(cols, row, strict=True))
        out[rec["article_id"]].append(rec)
    return out


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split(",") if v)


def _mention(r: dict[str, Any]) -> Mention:
    return Mention(r["start_char"], r["end_char"], r["text"], r["sentence"], r["code"],
                   r["name"], r["country"], _split(r["roles"]), r["kind"], r["method"],
                   r["confidence"], r["entity"])


def _place(r: dict[str, Any]) -> Place:
    return Place(r["start_char"], r["end_char"], r["text"], r["name"], r["country"], r["fips"],
                 r["adm1"], r["lat"], r["lon"], r["feature_type"], r["feature_id"],
                 r["sentence"])


def _event_place(r: dict[str, Any]) -> Place | None:
    if r["geo_type"] is None:
        return None
    return Place(0, 0, "", r["geo_name"] or "", "", r["geo_fips"] or "", r["geo_adm1"] or "",
                 r["geo_lat"], r["geo_lon"], r["geo_type"], r["geo_feature_id"] or "")


def _event(r: dict[str, Any], mentions: list[Mention]) -> Event:
    def pick(i: int | None) -> Mention | None:
        return mentions[i] if i is not None and i < len(mentions) else None

    return Event(r["sentence"], r["code"], pick(r["source_mention"]), pick(r["target_mention"]),
                 r["evidence_start"], r["evidence_end"], r["pattern"], r["confidence"],
                 r["base"], r["root"], r["quad_class"], r["goldstein"], r["plover"],
                 r["event_date"], r["date_precision"], _event_place(r), r["negated"],
                 _split(r["modality"]), r["is_root_event"])


def _article(a: dict[str, Any], layers: dict[str, list[dict[str, Any]]]) -> Article:
    mentions = [_mention(r) for r in layers["mentions"]]
    tone = json.loads(a["tone"]) if a["tone"] else None
    return Article(
        url=a["url"], text=a["text"], title=a["title"], published=a["published"],
        language=a["language"], section=a["section"], source=a["source"],
        story_id=a["story_id"], author=a["author"], origin=a["origin"] or "",
        raw_hash=a["raw_hash"] or "",
        zones=tuple(Zone(**z) for z in json.loads(a["zones"] or "[]")),
        metadata=MappingProxyType(json.loads(a["metadata"] or "{}")),
        sentences=tuple(Sentence(r["idx"], r["start_char"], r["end_char"], r["text"], r["kind"],
                                 r["language"], (), r["paragraph"]) for r in layers["sentences"]),
        mentions=tuple(mentions),
        events=tuple(_event(r, mentions) for r in layers["events"]),
        quotes=tuple(Quote(r["start_char"], r["end_char"], r["text"],
                           mentions[r["speaker_mention"]] if r["speaker_mention"] is not None
                           else None, r["kind"], r["verb"], r["sentence"])
                     for r in layers["quotes"]),
        places=tuple(_place(r) for r in layers["places"]),
        amounts=tuple(Amount(r["start_char"], r["end_char"], r["text"], r["value"], r["unit"],
                             r["counts"], r["sentence"]) for r in layers["amounts"]),
        themes=tuple(Theme(r["name"], r["start_char"], r["end_char"], r["text"])
                     for r in layers["themes"]),
        tone=Tone(**tone) if tone else None,
    )


def load_articles(store: Store, batch: int = 500) -> Iterator[Article]:
    """Every stored article with its layers, in a stable order, a batch at a time."""
    cur = store.con.execute("SELECT * FROM articles ORDER BY published NULLS LAST, url")
    cols = [d[0] for d in cur.description]
    other = store.con.cursor()  # a second cursor, so the outer fetch is not reset
    while rows := cur.fetchmany(batch):
        arts = [dict(zip(cols, r, strict=True)) for r in rows]
        ids = [a["article_id"] for a in arts]
        layers = {t: _rows(other, t, ids) for t in _LAYERS}
        for a in arts:
            yield _article(a, {t: layers[t].get(a["article_id"], []) for t in _LAYERS})
