"""Read-side queries over the store, shared by the CLI, exports and the web layer."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .duck import Store


@dataclass(frozen=True)
class EventFilter:
    """Filters for listing and exporting events; every field is optional."""

    code: str | None = None  # CAMEO code prefix: "04", "042"
    actor: str | None = None  # actor code prefix on either side: "RUS", "CHNGOV"
    country: str | None = None  # 3-letter country on either side
    since: str | None = None  # ISO date (inclusive) on the event date
    until: str | None = None
    url: str | None = None
    include_negated: bool = False
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.code:
            clauses.append("e.code LIKE ?")
            params.append(self.code + "%")
        if self.actor:
            clauses.append("(e.source_code LIKE ? OR e.target_code LIKE ?)")
            params += [self.actor + "%"] * 2
        if self.country:
            clauses.append("(e.source_country = ? OR e.target_country = ?)")
            params += [self.country] * 2
        if self.since:
            clauses.append("coalesce(e.event_date, strftime(a.published, '%Y-%m-%d')) >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("coalesce(e.event_date, strftime(a.published, '%Y-%m-%d')) <= ?")
            params.append(self.until + "~")  # "2024-04" includes every day of April
        if self.url:
            clauses.append("a.url = ?")
            params.append(self.url)
        if not self.include_negated:
            clauses.append("NOT coalesce(e.negated, false)")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _dicts(cur: Any) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def events(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events joined with their article's url, title, published date and tone."""
    flt = flt or EventFilter()
    where, params = flt.where()
    sql = ("SELECT e.*, a.url, a.title, a.published, a.tone, a.text AS article_text "
           "FROM events e JOIN articles a USING (article_id)" + where +
           " ORDER BY a.published NULLS LAST, a.url, e.idx")
    if flt.limit:
        sql += f" LIMIT {int(flt.limit)}"
    return _dicts(store.con.execute(sql, params))


def find_article(store: Store, key: str) -> dict[str, Any]:
    """The article whose url, origin or id is ``key`` (a file path is made absolute)."""
    candidates = [key]
    p = Path(key)
    if p.exists():
        candidates += [os.path.abspath(p), str(p.resolve())]
    for k in candidates:
        rows = _dicts(store.con.execute(
            "SELECT * FROM articles WHERE url = ? OR origin = ? OR article_id = ? "
            "ORDER BY added DESC LIMIT 1", [k, k, k]))
        if rows:
            return rows[0]
    raise StoreError(f"{key}: no such article in {store.path}")


def article_layers(store: Store, article_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every annotation row of one article, by table."""
    out = {}
    for table in ("sentences", "mentions", "events", "quotes", "places", "amounts", "themes"):
        out[table] = _dicts(store.con.execute(
            f"SELECT * FROM {table} WHERE article_id = ? ORDER BY idx", [article_id]))
    return out


def article_json(store: Store, key: str) -> dict[str, Any]:
    """The article as a JSON-ready object (what `warta show --format json` prints)."""
    art = find_article(store, key)
    layers = article_layers(store, art["article_id"])
    out = {k: v for k, v in art.items() if k not in ("zones", "metadata", "tone")}
    out["published"] = art["published"].isoformat() if art["published"] else None
    out["added"] = art["added"].isoformat() if art["added"] else None
    out["zones"] = json.loads(art["zones"] or "[]")
    out["metadata"] = json.loads(art["metadata"] or "{}")
    out["tone"] = json.loads(art["tone"]) if art["tone"] else None
    for name, rows in layers.items():
        for r in rows:
            r.pop("article_id", None)
            for k, v in r.items():
                if hasattr(v, "isoformat"):
                    r[k] = v.isoformat()
        out[name] = rows
    return out


def quarantine(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT source, line, reason, excerpt, added, run_id FROM quarantine"
           " ORDER BY added, source, line")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return _dicts(store.con.execute(sql))
