"""GKG-style themes from pack keyword lists (issue 6, item 4)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.enrich.themes import PhraseIndex, ThemeStage, Word, words
from warta.model import Article, Sentence


def article(text: str, lang: str) -> Article:
    sents = tuple(Sentence(i, m.start(), m.end(), m.group(), language=lang)
                  for i, m in enumerate(re.finditer(r"[^\n]+", text)))
    return Article(url="test://t", text=text, language=lang, sentences=sents)


@pytest.fixture(scope="module")
def stage() -> ThemeStage:
    return ThemeStage()


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("id", "Serangan teroris di wilayah Moskow menewaskan banyak orang.", {"TERROR", "KILL"}),
        ("id", "Perdagangan kedua negara naik setelah sanksi Barat.", {"TRADE", "SANCTIONS"}),
        ("id", "KPK menangkap tersangka korupsi.", {"CORRUPTION", "ARREST"}),
        ("id", "Ribuan demonstran menggelar unjuk rasa.", {"PROTEST"}),
        ("id", "Hasil pemilu diumumkan KPU.", {"ELECTION"}),
        ("en", "Western sanctions hit Russian exports.", {"SANCTIONS", "TRADE"}),
        ("en", "The foreign minister met his counterpart.", {"DIPLOMACY"}),
        ("en", "Troops launched an offensive after the ceasefire collapsed.",
         {"MILITARY", "ARMEDCONFLICT", "CEASEFIRE"}),
    ],
)
def test_themes_found(stage, lang, text, expected):
    assert {t.name for t in stage(article(text, lang)).themes} == expected


@pytest.mark.parametrize(
    "lang, text",
    [
        ("id", "Mereka memperangkap burung di kebun."),  # "perang" inside a word
        ("en", "The warden warned about the weather in March."),  # war*, march
    ],
)
def test_keywords_match_whole_words_only(stage, lang, text):
    assert stage(article(text, lang)).themes == ()


def test_each_occurrence_is_a_span_with_its_offset(stage):
    text = "Terorisme dan terorisme lagi."
    themes = stage(article(text, "id")).themes
    assert [(t.name, t.start) for t in themes] == [("TERROR", 0), ("TERROR", 14)]


def test_phrase_index_prefers_the_longest_match_and_prefixes():
    index = PhraseIndex([("kerja", "A"), ("kerja sama", "B"), ("teror*", "C")])
    toks = words("kerja sama melawan teroris")
    assert [(i, j, v) for i, j, v in index.find(toks)] == [(0, 2, ["B"]), (3, 4, ["C"])]


def test_sample_page_themes(sample_path):
    text = sample_path.read_text("utf-8")
    names = {t.name for t in ThemeStage()(article(text, "id")).themes}
    assert {"TERROR", "TRADE", "SANCTIONS", "DIPLOMACY"} <= names


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["teror", "terorisme", "sanksi", "kerja sama", "perang",
                                 "x", " ", "-", "\n", "Pemilu", "ekspor"]),
                max_size=30).map(" ".join))
def test_every_theme_span_slices_back(text):
    a = article(text, "id")
    for t in ThemeStage()(a).themes:
        assert a.text[t.start : t.end] == t.text


# -- the automaton search must give what the word-by-word walk gives ----------

_VOCAB = ["kerja", "sama", "kerjasama", "teror", "teroris", "te", "perang", "dagang",
          "per", "a", "b", "ab", "x", "kerja-sama", "don't"]
_PHRASES = ["kerja", "kerja sama", "sama", "teror*", "terorisme", "perang dagang",
            "perang dagang*", "per*", "a b", "a b*", "ab", "b a b", "kerja-sama", "don't"]


def _walk(index: PhraseIndex[str], norms: list[str]) -> list[tuple[int, int, list[str]]]:
    """The reference: match_at at each word, greedy, left to right."""
    out, i = [], 0
    while i < len(norms):
        hit = index.match_at(norms, i)
        if hit is None:
            i += 1
        else:
            out.append((i, i + hit[0], hit[1]))
            i += hit[0]
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=10, unique=True),
       st.lists(st.sampled_from(_VOCAB), max_size=25))
def test_find_is_the_greedy_longest_walk(phrases, norms):
    index = PhraseIndex([(p, p.upper()) for p in phrases])
    assert index.find_norms(norms) == _walk(index, norms)
    assert index.values_norms(norms) == [v for _, _, v in _walk(index, norms)]


def test_find_handles_a_word_holding_the_separator():
    index = PhraseIndex([("kerja sama", "B"), ("teror*", "C")])
    norms = ["kerja", "sama", "a b", "teroris"]  # no tokenizer makes "a b"; still exact
    assert index.find_norms(norms) == _walk(index, norms) == [(0, 2, ["B"]), (3, 4, ["C"])]


def test_a_tokenizer_keeping_spaces_still_finds_the_phrases():
    def lines(text: str) -> list[Word]:
        return [Word(0, len(text), text.lower())]  # "kerja sama" is one word

    index = PhraseIndex([("kerja sama", "A"), ("damai", "B")], tokenize=lines)
    norms = ["x", "kerja sama", "damai"]
    assert index.find_norms(norms) == _walk(index, norms) == [(1, 2, ["A"]), (2, 3, ["B"])]


def test_word_table_only_for_single_exact_words():
    assert PhraseIndex([("damai", 1), ("aman", 2)]).word_table() == {"damai": [1], "aman": [2]}
    assert PhraseIndex([("damai", 1), ("kerja sama", 2)]).word_table() is None
    assert PhraseIndex([("damai", 1), ("teror*", 2)]).word_table() is None


def test_phrases_do_not_run_across_sentences(stage):
    assert {t.name for t in stage(article("Kerja sama strategis disepakati.", "id")).themes} \
        == {"DIPLOMACY"}
    assert stage(article("Kerja sama\nstrategis disepakati.", "id")).themes == ()


_STATE_WORDS = ["serangan", "teror", "teroris", "kerja", "sama", "bom", "bunuh", "diri", "",
                "x y", "perang", "dagang"]


@settings(max_examples=150, deadline=None)
@given(norms=st.lists(st.sampled_from(_STATE_WORDS), max_size=25))
def test_an_index_rebuilt_from_its_stored_state_finds_the_same(norms):
    import marshal

    entries = [("kerja sama", "COOP"), ("teror*", "TERROR"), ("bom bunuh diri", "SUICIDE"),
               ("bom", "BOMB"), ("serangan", "ATTACK"), ("perang dagang", "TRADEWAR"),
               ("perang", "WAR")]
    walk_only = PhraseIndex([("x y", 1)], tokenize=lambda p: [Word(0, len(p), p)])
    for index in (PhraseIndex(entries), PhraseIndex([("damai", 1.5)]), PhraseIndex([]),
                  walk_only):
        # through marshal, as the compiled cache stores it
        copy = PhraseIndex.from_state(marshal.loads(marshal.dumps(index.to_state())))
        assert copy.find_norms(norms) == index.find_norms(norms)
        assert copy.values_norms(norms) == index.values_norms(norms)
        assert [copy.match_at(norms, i) for i in range(len(norms))] == [
            index.match_at(norms, i) for i in range(len(norms))]
        assert list(copy.may_start(norms)) == list(index.may_start(norms))
        assert (len(copy), copy.longest, copy.word_table()) == (
            len(index), index.longest, index.word_table())
