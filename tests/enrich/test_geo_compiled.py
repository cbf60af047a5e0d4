"""The gazetteer from the compiled cache equals the one read from the files."""

from __future__ import annotations

import marshal

from warta.enrich import geo
from warta.packs import data_file, languages


def _parts() -> tuple:
    return geo._gazetteer_parts(data_file("geo_countries.tsv"), data_file("geo_places.tsv.gz"),
                                data_file("geo_names.tsv.gz"), languages(),
                                data_file("geo_stop.tsv"))


def test_gazetteer_from_cached_parts_equals_a_fresh_one():
    parts = _parts()
    fresh = geo._gazetteer(parts)
    cached = geo._gazetteer(marshal.loads(marshal.dumps(parts)))
    assert cached._entries == fresh._entries
    assert cached._names == fresh._names
    assert cached._stop == fresh._stop and cached._lexicon == fresh._lexicon
    assert cached._capitals == fresh._capitals and cached._by_code == fresh._by_code
    for name, lang in [("Moskow", "id"), ("Georgia", "en"), ("AS", "id"), ("Paris", None)]:
        assert cached.candidates(name, lang) == fresh.candidates(name, lang)


def test_default_load_uses_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    geo._load_default.cache_clear()
    try:
        first = geo.Gazetteer.load()
        assert list(tmp_path.glob("gazetteer-*.bin"))
        geo._load_default.cache_clear()
        second = geo.Gazetteer.load()
    finally:
        geo._load_default.cache_clear()
    assert first is not second
    assert first._entries == second._entries and first._names == second._names
