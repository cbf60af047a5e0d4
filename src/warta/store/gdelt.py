"""GDELT 2.0 Events export: 61 tab-separated columns in the codebook's order."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any

from ..packs import data_file, read_tsv


@lru_cache(maxsize=1)
def known_groups() -> frozenset[str]:
    """CAMEO known-group codes (EEC, UNO, NAT, TAL …): GDELT puts them in
    KnownGroupCode and the type codes (IGO, NGO, GOV, INS …) in Type1..3, as on
    real rows: IGOEUREEC → country EUR, known group EEC, Type1 IGO."""
    return frozenset(row["code"] for _, row in read_tsv(data_file("cameo_known_groups.tsv"),
                                                        ("code", "label")))


@lru_cache(maxsize=1)
def columns() -> tuple[str, ...]:
    path = data_file("gdelt_events_columns.tsv")
    return tuple(row["name"] for _, row in read_tsv(path, ("name", "type")))


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if value == value else ""  # NaN → empty
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def event_day(ev: dict[str, Any]) -> tuple[int, int, int]:
    """(year, month, day) of the event: its resolved date, else the publication date.

    GDELT's SQLDATE is a full date; a month- or year-precision date is written
    as its first day (the precision stays in the store and the PLOVER export).
    """
    date = ev.get("event_date")
    if date:
        parts = [int(p) for p in date.split("-")]
        return (parts + [1, 1])[0], (parts + [1, 1])[1], (parts + [1, 1, 1])[2]
    pub: datetime | None = ev.get("published")
    if pub is None:
        added: datetime = ev["added"]
        return added.year, added.month, added.day
    return pub.year, pub.month, pub.day


def _actor(ev: dict[str, Any], side: str) -> list[str]:
    code = ev.get(f"{side}_code") or ""
    country = ev.get(f"{side}_country") or ""
    roles = [r for r in (ev.get(f"{side}_roles") or "").split(",") if r]
    groups = known_groups()
    known = next((r for r in roles if r in groups), "")
    types = [r for r in roles if r not in groups and r != country][:3]
    name = (ev.get(f"{side}_name") or "").upper()
    return [code, name, country, known, "", "", "", *(types + ["", "", ""])[:3]]


def _geo(prefix_fields: dict[str, Any] | None) -> list[str]:
    g = prefix_fields or {}
    return [g.get("type", ""), g.get("name", ""), g.get("fips", ""), g.get("adm1", ""), "",
            g.get("lat", ""), g.get("lon", ""), g.get("feature_id", "")]


def _action_geo(ev: dict[str, Any]) -> dict[str, Any] | None:
    if ev.get("geo_type") is None:
        return None
    return {"type": ev["geo_type"], "name": ev["geo_name"], "fips": ev["geo_fips"],
            "adm1": ev["geo_adm1"], "lat": ev["geo_lat"], "lon": ev["geo_lon"],
            "feature_id": ev["geo_feature_id"]}


def gdelt_rows(events: list[dict[str, Any]], actor_geo: Any = None) -> Iterator[list[str]]:
    """Rows of the 61 GDELT 2.0 Events columns for events from ``query.events``.

    NumMentions counts the reports of the same (code, source, target) in the
    article; NumSources and NumArticles are per article (1) until cross-article
    aggregation lands. ``actor_geo(country_code) -> dict | None`` fills the
    Actor1/2Geo fields from the actor's country when given.
    """
    same = Counter((e["article_id"], e["code"], e["source_code"], e["target_code"])
                   for e in events)
    for ev in events:
        y, m, d = event_day(ev)
        tone = json.loads(ev["tone"]).get("tone") if ev.get("tone") else None
        geo1 = actor_geo(ev.get("source_country")) if actor_geo else None
        geo2 = actor_geo(ev.get("target_country")) if actor_geo else None
        added: datetime = ev["added"]
        row = [
            ev["event_id"], f"{y:04d}{m:02d}{d:02d}", f"{y:04d}{m:02d}", f"{y:04d}",
            f"{y + (m * 30 + d) / 365:.4f}",
            *_actor(ev, "source"), *_actor(ev, "target"),
            1 if ev.get("is_root_event") else 0, ev["code"], ev["base"], ev["root"],
            ev["quad_class"], ev["goldstein"],
            same[(ev["article_id"], ev["code"], ev["source_code"], ev["target_code"])], 1, 1,
            tone if tone is not None else 0.0,
            *_geo(geo1), *_geo(geo2), *_geo(_action_geo(ev)),
            added.strftime("%Y%m%d%H%M%S"), ev["url"],
        ]
        yield [_clean(v) for v in row]
