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
    assert _entries(cached) == _entries(fresh)
    assert dict(cached.names()) == dict(fresh.names())
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
    assert _entries(first) == _entries(second)
    assert dict(first.names()) == dict(second.names())


def _entries(gaz: geo.Gazetteer) -> dict[str, geo.GeoEntry]:
    """Every place, built (the gazetteer builds a place when first looked up)."""
    ids = getattr(gaz._entries, "all", gaz._entries)
    return {place_id: gaz.entry(place_id) for place_id in ids}


def test_places_built_on_demand_equal_those_built_at_once():
    parts = _parts()
    entry_rows, ref_rows, stops, capitals, lexicons = parts
    eager = geo.Gazetteer({row[0]: geo.GeoEntry(*row) for row in entry_rows},
                          {name: [geo.NameRef(*r) for r in rows]
                           for name, rows in ref_rows.items()}, stops, capitals, lexicons)
    lazy = geo._gazetteer(parts)
    assert lazy._by_code == eager._by_code and lazy._capitals == eager._capitals
    assert sorted(lazy.name_keys()) == sorted(eager.name_keys())
    for i, name in enumerate(sorted(eager.name_keys())):
        if i % 7 == 0:  # a seventh of the ~22,000 names, with and without a language
            for lang in (None, "id", "en"):
                assert lazy.candidates(name, lang) == eager.candidates(name, lang)
    assert lazy.lookup("xyzzy-nowhere") is None
    assert lazy.capital("ID") == eager.capital("ID")
    assert _entries(lazy) == _entries(eager)
    assert dict(lazy.names()) == dict(eager.names())
