from __future__ import annotations

import json

from actor_helpers import article

from warta.actors.export import COLUMNS, actor_rows


def test_rows_have_the_export_columns(stage):
    a = stage(article("Menteri Luar Negeri Rusia Sergei Lavrov tiba di Beijing."))
    rows = list(actor_rows(a))
    assert rows and all(tuple(r) == COLUMNS for r in rows)
    lavrov = next(r for r in rows if r["text"] == "Sergei Lavrov")
    assert lavrov == {"url": "test://a", "start": 26, "end": 39, "text": "Sergei Lavrov",
                      "code": "RUSGOV", "name": "Sergei Lavrov", "country": "RUS", "role": "GOV"}
    json.dumps(rows)  # plain values only


def test_no_mentions_no_rows():
    assert list(actor_rows(article("Tidak ada apa-apa."))) == []
