"""GDELT's seven tone values (issue 6, item 5)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.enrich import tone as tone_mod
from warta.enrich.tone import ToneStage, load_tone_lexicon
from warta.errors import DataFileError
from warta.model import Article, Sentence


def article(text: str, lang: str) -> Article:
    sents = tuple(Sentence(i, m.start(), m.end(), m.group(), language=lang)
                  for i, m in enumerate(re.finditer(r"[^\n]+", text)))
    return Article(url="test://tone", text=text, language=lang, sentences=sents)


@pytest.fixture(scope="module")
def stage() -> ToneStage:
    return ToneStage()


@pytest.mark.parametrize(
    "lang, text, words, positive, negative",
    [
        # damai (+), kerja sama (+, one phrase) / serangan, teroris (-)
        ("id", "Kedua negara sepakat damai", 4, 2, 0),
        ("id", "Serangan teroris itu mengejutkan warga", 5, 0, 2),
        ("id", "Mereka membahas kerja sama ekonomi", 5, 1, 0),
        ("en", "The peace talks were a great success", 7, 3, 0),
        ("en", "The attack killed ten people", 5, 0, 2),
    ],
)
def test_scores_are_percentages_of_words(stage, lang, text, words, positive, negative):
    t = stage(article(text, lang)).tone
    assert t.word_count == words
    assert t.positive == pytest.approx(100 * positive / words, abs=1e-4)
    assert t.negative == pytest.approx(100 * negative / words, abs=1e-4)
    assert t.tone == pytest.approx(t.positive - t.negative, abs=1e-4)
    assert t.polarity == pytest.approx(t.positive + t.negative, abs=1e-4)


@pytest.mark.parametrize(
    "lang, text, pronouns",
    [("id", "Saya pikir kami dan mereka setuju", 3), ("en", "We think they agreed with us", 3)],
)
def test_self_group_density_counts_pronouns(stage, lang, text, pronouns):
    t = stage(article(text, lang)).tone
    assert t.self_group_density == pytest.approx(100 * pronouns / t.word_count, abs=1e-4)


def test_activity_density_counts_active_words(stage):
    t = stage(article("Pasukan menyerang dan merebut kota", "id")).tone
    assert t.activity_density == pytest.approx(100 * 2 / 5, abs=1e-4)


def test_empty_article_is_neutral(stage):
    t = stage(article("", "id")).tone
    assert (t.tone, t.polarity, t.word_count) == (0.0, 0.0, 0)


def test_unknown_language_uses_the_english_lexicon(stage):
    t = stage(article("The peace talks were a great success", "fr")).tone
    assert t.positive > 0


def test_english_lexicon_is_the_vader_conversion_with_news_terms():
    lex = load_tone_lexicon("en")
    assert lex.polarity.match_at(["terrorist"], 0)[1][0] < 0  # VADER
    assert lex.polarity.match_at(["sanctions"], 0)[1][0] < 0  # tone_news.tsv


def test_bad_score_names_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "tone.tsv").write_text("word\tscore\ndamai\tvery good\n", "utf-8")
    monkeypatch.setattr(tone_mod, "pack_file", lambda lang, name: tmp_path / name)
    load_tone_lexicon.cache_clear()
    try:
        with pytest.raises(DataFileError) as err:
            load_tone_lexicon("xx")
        assert err.value.line == 2 and "tone.tsv" in err.value.path
    finally:
        load_tone_lexicon.cache_clear()


def test_sample_page_tone(sample_path):
    t = ToneStage()(article(sample_path.read_text("utf-8"), "id")).tone
    assert t.word_count > 300
    assert t.positive > 0 and t.negative > 0


def _reference(lex: tone_mod.ToneLexicon, norms: list[str]) -> tone_mod._Counts:
    """Every list searched as phrases, as the stage did before its look-up shortcut."""
    c = tone_mod._Counts()
    for _, _, values in lex.polarity.find_norms(norms):
        c.positive += values[0] > 0
        c.negative += not values[0] > 0
    c.active = len(lex.activity.find_norms(norms))
    c.pronouns = len(lex.pronouns.find_norms(norms))
    return c


_TONE_WORDS = {
    "id": ["damai", "serangan", "teroris", "kerja", "sama", "terima", "kasih", "kamu",
           "sekalian", "kami", "menyerang", "merebut", "rumah", "gencatan", "senjata"],
    "en": ["peace", "attack", "killed", "great", "success", "we", "us", "they", "launched",
           "seized", "house", "the", "not"],
}


@pytest.mark.parametrize("lang", ["id", "en"])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_counter_equals_the_phrase_search(lang, data):
    norms = data.draw(st.lists(st.sampled_from(_TONE_WORDS[lang]), max_size=30))
    lex = load_tone_lexicon(lang)
    counts = tone_mod._Counts()
    tone_mod._Counter(lex).count(norms, counts)
    assert counts == _reference(lex, norms)


def test_phrases_do_not_run_across_sentences(stage):
    one = stage(article("Mereka membahas kerja sama ekonomi", "id")).tone
    two = stage(article("Mereka membahas kerja\nsama ekonomi", "id")).tone
    assert (one.word_count, one.positive) == (two.word_count, 100 / 5)
    assert two.positive == 0.0  # "kerja" / "sama" alone carry no tone


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_compiled_lexicon_is_the_one_built_from_the_packs(lang, tmp_path, monkeypatch):
    from warta.cache import CACHE_ENV

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    fresh = tone_mod.build_tone_lexicon(lang)
    load_tone_lexicon.cache_clear()
    try:
        cold = load_tone_lexicon(lang)  # builds and stores
        load_tone_lexicon.cache_clear()
        warm = load_tone_lexicon(lang)  # reads the stored copy
    finally:
        load_tone_lexicon.cache_clear()
    assert list(tmp_path.glob(f"tone-{lang}-*.bin"))
    norms = [w for ws in _TONE_WORDS.values() for w in ws] * 2
    for got in (cold, warm):
        for name in ("polarity", "activity", "pronouns"):
            a, b = getattr(got, name), getattr(fresh, name)
            assert (len(a), a.longest, a.word_table()) == (len(b), b.longest, b.word_table())
            assert a.find_norms(norms) == b.find_norms(norms)
