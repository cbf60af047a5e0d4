"""Actor dictionaries from the compiled cache: rows made entries on demand, and
an automaton restored from plain values, give what a fresh build gives."""

from __future__ import annotations

import marshal
from datetime import date

import pytest

from warta.actors import dictionary
from warta.actors.dictionary import ActorEntry, EntryTable, LanguageData, load_language
from warta.actors.matcher import PhraseMatcher, compile_matcher, fold

ROWS = [
    ("Rusia", "RUS", "Russia", "country", 0, 0, 1, "a.tsv:2", "RUS", ()),
    ("Joko Widodo", "IDNGOV", "Joko Widodo", "person", date(2014, 10, 20).toordinal(),
     date(2024, 10, 20).toordinal(), 2, "b.tsv:3", "IDN", ("GOV",)),
]


def test_entry_table_behaves_like_the_tuple_it_replaces():
    table = EntryTable(ROWS)
    entries = tuple(dictionary._entry_from_row(r) for r in ROWS)
    assert len(table) == 2 and tuple(table) == entries and list(reversed(table)) == [
        entries[1], entries[0]]
    assert table[-1] == entries[1] and table[0:1] == entries[:1]
    assert table[1].start == date(2014, 10, 20) and table[0].end is None
    assert table[0] is table[0]  # made once
    user = ActorEntry("Budi", "IDNGOV", "Budi", "person")
    more = table + [user]
    assert isinstance(more, EntryTable) and tuple(more) == (*entries, user)
    assert entries[0] in table and table.index(entries[1]) == 1
    with pytest.raises(IndexError):
        table[2]


def test_cached_rows_round_trip_every_field():
    for entry in load_language("id").actors[:2000:7]:
        row = marshal.loads(marshal.dumps(dictionary._entry_row(entry)))
        assert dictionary._entry_from_row(row) == entry


@pytest.mark.parametrize("lang", ["id", "en"])
def test_matcher_from_compiled_values_finds_what_a_fresh_one_finds(lang):
    data = load_language(lang)
    # a small dictionary keeps this fast; the real one goes through the same code
    small = LanguageData(lang, data.actors[:3000], data.agents, data.coref, data.guards)
    fresh = PhraseMatcher(small)
    cached = PhraseMatcher(small, marshal.loads(marshal.dumps(compile_matcher(small))))
    texts = {
        "id": "Presiden Joko Widodo bertemu Menteri Luar Negeri Rusia di Jakarta. "
              "Polisi dan warga Palestina, kata juru bicara TNI.",
        "en": "The US president met Russian Foreign Minister Sergei Lavrov and "
              "Chinese officials in Beijing, the focus of the talks, police said.",
    }
    text = texts[lang]
    folded = fold(text)
    for guard in (True, False):
        got = cached.find(text, folded, 0, len(text), guard)
        assert got == fresh.find(text, folded, 0, len(text), guard)
    assert got  # the sentence has dictionary words


def test_stage_mentions_equal_with_and_without_the_cache(tmp_path, monkeypatch):
    from actor_helpers import article

    from warta.actors import stage as stage_module

    text = ("Menteri Luar Negeri Retno Marsudi bertemu Presiden Rusia Vladimir Putin di "
            "Moskow. Polisi menangkap dua tersangka, kata juru bicara.")
    caches = (dictionary._packaged_actor_file, dictionary._pack_data, stage_module._build)

    def mentions(cache_dir: str) -> tuple:
        monkeypatch.setenv("WARTA_CACHE_DIR", cache_dir)
        for fn in caches:
            fn.cache_clear()
        return stage_module.ActorStage()(article(text, "id")).mentions

    try:
        fresh = mentions("off")
        cold = mentions(str(tmp_path))
        assert list(tmp_path.glob("matcher-id-*.bin"))
        warm = mentions(str(tmp_path))
    finally:
        for fn in caches:
            fn.cache_clear()
    assert fresh == cold == warm and fresh
