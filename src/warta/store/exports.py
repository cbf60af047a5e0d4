"""Writers for `warta export`: GDELT 2.0 Events, PLOVER JSON lines, actor JSON lines."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .duck import Store, utcnow
from .gdelt import columns, gdelt_rows
from .query import EventFilter, events


def write_gdelt_events(store: Store, out: TextIO, *, header: bool = False,
                       flt: EventFilter | None = None) -> int:
    """Write GDELT 2.0 Events rows (no header unless asked); returns the row count."""
    if header:
        out.write("\t".join(columns()) + "\n")
    n = 0
    for row in gdelt_rows(events(store, flt)):
        out.write("\t".join(row) + "\n")
        n += 1
    return n


def _actor(ev: dict[str, Any], side: str) -> dict[str, Any] | None:
    if not ev.get(f"{side}_code") and not ev.get(f"{side}_name"):
        return None
    roles = [r for r in (ev.get(f"{side}_roles") or "").split(",") if r]
    return {"code": ev[f"{side}_code"], "name": ev[f"{side}_name"],
            "country": ev[f"{side}_country"], "roles": roles}


def plover_record(ev: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER-style event object (event_type, actors, date and precision, location,
    CAMEO code, text and the evidence span that explains it)."""
    text = ev["article_text"]
    return {
        "id": str(ev["event_id"]),
        "event_type": ev["plover"],
        "cameo_code": ev["code"],
        "quad_class": ev["quad_class"],
        "goldstein": ev["goldstein"],
        "date": ev["event_date"] or (ev["published"].date().isoformat() if ev["published"]
                                     else None),
        "date_precision": ev["date_precision"],
        "source": _actor(ev, "source"),
        "target": _actor(ev, "target"),
        "location": None if ev.get("geo_type") is None else {
            "name": ev["geo_name"], "fips": ev["geo_fips"], "adm1": ev["geo_adm1"],
            "lat": ev["geo_lat"], "lon": ev["geo_lon"], "feature_type": ev["geo_type"]},
        "negated": bool(ev["negated"]),
        "modality": [m for m in (ev["modality"] or "").split(",") if m],
        "evidence": {"start": ev["evidence_start"], "end": ev["evidence_end"],
                     "text": text[ev["evidence_start"]:ev["evidence_end"]]},
        "pattern": ev["pattern"],
        "confidence": ev["confidence"],
        "url": ev["url"],
        "title": ev["title"],
    }


def write_plover_events(store: Store, out: TextIO, flt: EventFilter | None = None) -> int:
    n = 0
    for ev in events(store, flt):
        out.write(json.dumps(plover_record(ev), ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def write_actors(store: Store, out: TextIO) -> int:
    """One JSON line per actor mention: url, start, end, text, code, name, country, role."""
    cur = store.con.execute(
        "SELECT a.url, m.start_char, m.end_char, m.text, m.code, m.name, m.country, m.roles,"
        " m.kind, m.method, m.confidence FROM mentions m JOIN articles a USING (article_id)"
        " ORDER BY a.url, m.start_char")
    n = 0
    for url, s, e, text, code, name, country, roles, kind, method, conf in cur.fetchall():
        rec = {"url": url, "start": s, "end": e, "text": text, "code": code, "name": name,
               "country": country, "role": roles.split(",")[0] if roles else "",
               "roles": [r for r in (roles or "").split(",") if r], "kind": kind,
               "method": method, "confidence": conf}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_gkg(store: Store, out: TextIO) -> int:
    """GKG 2.1 rows, one per article (27 columns)."""
    from ..enrich.gkg import gkg_row
    from .load import load_articles

    n = 0
    for art in load_articles(store):
        stamp = (art.published or utcnow()).strftime("%Y%m%d%H%M%S")
        out.write("\t".join(gkg_row(art, f"{stamp}-{art.id[:12]}")) + "\n")
        n += 1
    return n


def write_mentions(store: Store, out: TextIO) -> int:
    """GDELT 2.0 Mentions rows for every stored (non-negated) event."""
    from ..enrich.gkg import mention_rows
    from .load import load_articles
    from .rows import event_id

    n = 0
    added = utcnow()
    for art in load_articles(store):
        evs = [(event_id(art.id, i), e) for i, e in enumerate(art.events) if not e.negated]
        for row in mention_rows(art, evs, added):
            out.write("\t".join(row) + "\n")
            n += 1
    return n
