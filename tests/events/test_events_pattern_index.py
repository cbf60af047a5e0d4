"""The lazy pattern index gives exactly what indexing every surface form of
every pattern up front gives, from the files and from the compiled cache."""

from __future__ import annotations

import marshal

import pytest

from warta.events import morph
from warta.events.codebook import Codebook
from warta.events.patterns import Entry, PatternSet, WordEntries, _fresh, _irregular


def _eager_index(ps: PatternSet, lang: str) -> dict[str, WordEntries]:
    """The reference: one WordEntries per surface word, every pattern in file order."""
    irregular = _irregular(lang)
    index: dict[str, WordEntries] = {}
    for p in ps.patterns:
        for word, form in morph.forms(lang, p.head[0], p.form,
                                      irregular.get(p.head[0], ())).items():
            index.setdefault(word, WordEntries([], {}, {})).add(Entry(p, form))
    for entries in index.values():
        entries.prefix_lens = tuple(sorted({len(k) for k in entries.prefixes}))
    return index


def _plain(entries: WordEntries) -> tuple:
    """A WordEntries as comparable values (entries by pattern id and form)."""
    def ent(e: Entry) -> tuple:
        return (e.pattern.id, e.pattern, e.form)

    return ([ent(e) for e in entries.plain],
            {k: [(ent(e), ph) for e, ph in v] for k, v in entries.after.items()},
            {k: [(ent(e), ph) for e, ph in v] for k, v in entries.prefixes.items()},
            entries.prefix_lens)


@pytest.fixture(scope="module")
def english() -> PatternSet:
    return _fresh("en", Codebook.load())


def _subset(ps: PatternSet, step: int) -> list:
    heads = sorted({p.head[0] for p in ps.patterns})[::step]
    keep = set(heads)
    return [p for p in ps.patterns if p.head[0] in keep]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_lazy_lookups_equal_an_eager_index(lang, english):
    ps = english if lang == "en" else _fresh("id", Codebook.load())
    # every Indonesian head; every 15th English head (the full English index takes seconds)
    patterns = list(ps.patterns) if lang == "id" else _subset(ps, 15)
    lazy = PatternSet(lang, patterns, _irregular(lang))
    eager = _eager_index(lazy, lang)
    assert set(lazy.index) == set(eager) and len(lazy.index) == len(eager)
    for word, entries in eager.items():
        assert _plain(lazy.index[word]) == _plain(entries), word
        assert bool(lazy.lookup(word))
    assert lazy.index.get("qqqxyz") is None and not lazy.lookup("qqqxyz")
    assert "qqqxyz" not in lazy.index


def test_one_entry_object_per_pattern_within_a_word(english):
    """The engine skips a pattern it has seen through another ``after`` phrase by
    the identity of its entry."""
    for word in ("said", "attacked", "talks", "meeting"):
        entries = english.lookup(word)
        seen: dict[str, int] = {}
        for lists in (entries.after, entries.prefixes):
            for found in lists.values():
                for e, _ in found:
                    assert seen.setdefault(e.pattern.id, id(e)) == id(e)
        for e in entries.plain:
            assert seen.setdefault(e.pattern.id, id(e)) == id(e)


def test_patterns_from_the_compiled_form_equal_the_files(english):
    parts = marshal.loads(marshal.dumps(english.compile()))
    cached = PatternSet("en", compiled=parts)
    assert len(cached) == len(english)
    words = sorted(english.index)[::25] + ["said", "says", "attacked", "talks"]
    for word in words:
        assert _plain(cached.lookup(word)) == _plain(english.lookup(word)), word


def test_load_goes_through_the_cache_and_gives_the_same_index(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    from warta.events import patterns

    patterns._load.cache_clear()
    try:
        first = PatternSet.load("id")
        assert list(tmp_path.glob("patterns-id-*.bin"))
        patterns._load.cache_clear()
        second = PatternSet.load("id")  # read from the file just written
    finally:
        patterns._load.cache_clear()
    assert first is not second and first.patterns == second.patterns
    for word in first.index:
        assert _plain(first.lookup(word)) == _plain(second.lookup(word))
