"""GKG-style themes from pack keyword lists (issue 6, item 4)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.enrich.themes import PhraseIndex, ThemeStage, words
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
