"""The store's tables, defined once as Arrow schemas.

The same schemas build the DuckDB tables and the Parquet files the
distributed engine writes, so a Parquet partition loads into DuckDB as is.
Every annotation keeps character offsets into ``articles.text``.
"""

from __future__ import annotations

import pyarrow as pa

S, I, F, B, T, L = (  # noqa: E741 - short names keep the schemas readable
    pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.timestamp("us"), pa.int64())

_SPAN = [("start_char", I), ("end_char", I), ("text", S)]

TABLES: dict[str, pa.Schema] = {
    "runs": pa.schema([
        ("run_id", S), ("started", T), ("finished", T), ("inputs", S), ("status", S),
        ("articles", I), ("skipped", I), ("rejected", I), ("version", S),
    ]),
    "articles": pa.schema([
        ("article_id", S), ("url", S), ("origin", S), ("raw_hash", S), ("title", S),
        ("published", T), ("language", S), ("section", S), ("source", S), ("story_id", S),
        ("author", S), ("text", S), ("zones", S), ("metadata", S), ("tone", S),
        ("run_id", S), ("added", T),
    ]),
    "sentences": pa.schema([
        ("article_id", S), ("idx", I), *_SPAN, ("kind", S), ("language", S), ("paragraph", I),
    ]),
    "mentions": pa.schema([
        ("article_id", S), ("idx", I), ("sentence", I), *_SPAN, ("code", S), ("name", S),
        ("country", S), ("roles", S), ("kind", S), ("method", S), ("confidence", F),
        ("entity", S),
    ]),
    "events": pa.schema([
        ("event_id", L), ("article_id", S), ("idx", I), ("sentence", I), ("code", S),
        ("base", S), ("root", S), ("quad_class", I), ("goldstein", F), ("plover", S),
        ("source_mention", I), ("source_code", S), ("source_name", S), ("source_country", S),
        ("source_roles", S),
        ("target_mention", I), ("target_code", S), ("target_name", S), ("target_country", S),
        ("target_roles", S),
        ("evidence_start", I), ("evidence_end", I), ("pattern", S), ("confidence", F),
        ("event_date", S), ("date_precision", S),
        ("geo_type", I), ("geo_name", S), ("geo_fips", S), ("geo_adm1", S), ("geo_lat", F),
        ("geo_lon", F), ("geo_feature_id", S),
        ("negated", B), ("modality", S), ("is_root_event", B), ("added", T),
    ]),
    "quotes": pa.schema([
        ("article_id", S), ("idx", I), ("sentence", I), *_SPAN, ("kind", S), ("verb", S),
        ("speaker_mention", I), ("speaker_name", S), ("speaker_code", S),
    ]),
    "places": pa.schema([
        ("article_id", S), ("idx", I), ("sentence", I), *_SPAN, ("name", S), ("country", S),
        ("fips", S), ("adm1", S), ("lat", F), ("lon", F), ("feature_type", I),
        ("feature_id", S),
    ]),
    "amounts": pa.schema([
        ("article_id", S), ("idx", I), ("sentence", I), *_SPAN, ("value", F), ("unit", S),
        ("counts", S),
    ]),
    "themes": pa.schema([
        ("article_id", S), ("idx", I), ("name", S), *_SPAN,
    ]),
    "quarantine": pa.schema([
        ("quarantine_id", S), ("run_id", S), ("source", S), ("line", I), ("reason", S),
        ("excerpt", S), ("added", T),
    ]),
}

#: Tables whose first column is a primary key (the rest are children of articles).
KEYED = ("runs", "articles", "quarantine")

#: Tables holding one row per annotation of an article.
CHILDREN = ("sentences", "mentions", "events", "quotes", "places", "amounts", "themes")

_SQL_TYPES = {
    pa.string(): "VARCHAR", pa.int32(): "INTEGER", pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE", pa.bool_(): "BOOLEAN", pa.timestamp("us"): "TIMESTAMP",
}


def ddl() -> list[str]:
    """CREATE TABLE statements for every table."""
    out = []
    for name, schema in TABLES.items():
        cols = []
        for i, f in enumerate(schema):
            key = " PRIMARY KEY" if i == 0 and name in KEYED else ""
            cols.append(f"{f.name} {_SQL_TYPES[f.type]}{key}")
        out.append(f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(cols)})")
    return out
