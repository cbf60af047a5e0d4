"""PlaceStage: every place mention geocoded, with GDELT's FIPS codes."""

from __future__ import annotations

import re

import ahocorasick
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from warta.enrich.geo import fold
from warta.enrich.places import PlaceStage
from warta.model import Article, Mention, Sentence


def article(text: str, lang: str = "id", mentions: tuple[Mention, ...] = ()) -> Article:
    """One sentence per line: enough segmentation for these tests."""
    sentences = tuple(
        Sentence(index=i, start=m.start(), end=m.end(), text=m.group(), language=lang)
        for i, m in enumerate(re.finditer(r"[^\n]+", text))
    )
    return Article(url="test://places", text=text, language=lang, sentences=sentences,
                   mentions=mentions)


@pytest.fixture(scope="module")
def stage() -> PlaceStage:
    return PlaceStage()


def names(stage: PlaceStage, text: str, lang: str = "id") -> list[tuple[str, str, str, int]]:
    return [(p.text, p.country, p.fips, p.feature_type) for p in stage(article(text, lang)).places]


def test_stage_contract(stage):
    assert (stage.name, stage.requires, stage.assigns) == ("places", ("sentences",), ("places",))
    assert stage(article("")).places == ()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Menlu Rusia tiba di Moskow.", "id",
         [("Rusia", "RU", "RS", 1), ("Moskow", "RU", "RS", 4)]),
        ("Konflik di Ukraina berlanjut.", "id", [("Ukraina", "UA", "UP", 1)]),
        ("Tiongkok dan AS berunding di Beijing.", "id",
         [("Tiongkok", "CN", "CH", 1), ("AS", "US", "US", 1), ("Beijing", "CN", "CH", 4)]),
        ("Banjir melanda Jawa Barat dan Kota Bekasi.", "id",
         [("Jawa Barat", "ID", "ID", 5), ("Bekasi", "ID", "ID", 4)]),
        ("Troops left Kyiv for Kharkiv.", "en",
         [("Kyiv", "UA", "UP", 4), ("Kharkiv", "UA", "UP", 4)]),
        ("The governor of Texas flew to Washington.", "en",
         [("Texas", "US", "US", 2), ("Washington", "US", "US", 3)]),
        ("Konflik Palestina-Israel memanas.", "id",
         [("Palestina", "PS", "WE", 1), ("Israel", "IL", "IS", 1)]),
        ("PRESIDEN TIBA DI JAKARTA.", "id", [("JAKARTA", "ID", "ID", 4)]),
    ],
)
def test_places_found(stage, text, lang, expected):
    assert names(stage, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Presiden Vladimir Putin berbicara.", "id"),  # a person's name, not the city
        ("Orang yang datang ke kota itu banyak.", "id"),  # common words
        ("It would be nice to see a mobile app.", "en"),
        ("He spoke as the chairman.", "en"),  # "as" is not Amerika Serikat
        ("The Washington Post reported it.", "en"),  # part of a newspaper's name
        ("Kita akan bekerja sama.", "id"),  # "Kita" is a GeoNames alternate name of Quito
        ("Bundestag members from Jakartaville met.", "en"),  # no word boundary
    ],
)
def test_non_places_are_ignored(stage, text, lang):
    assert names(stage, text, lang) == []


def test_place_fields(stage):
    (moscow,) = stage(article("Serangan di wilayah Moskow.")).places
    assert (moscow.name, moscow.country, moscow.fips, moscow.adm1) == ("Moscow", "RU", "RS", "RS48")
    assert moscow.feature_id == "524901" and moscow.sentence == 0
    assert round(moscow.lat, 1) == 55.8 and round(moscow.lon, 1) == 37.6


def test_context_turns_georgia_into_the_us_state(stage):
    about_us = names(stage, "Voters in Atlanta and across Georgia queued.", "en")
    about_caucasus = names(stage, "Georgia and Armenia signed a deal.", "en")
    assert about_us[-1] == ("Georgia", "US", "US", 2)
    assert about_caucasus[0] == ("Georgia", "GE", "GG", 1)


def test_person_mentions_are_respected(stage):
    text = "Menurut Jakarta Hartono, rapat ditunda."
    person = Mention(start=8, end=23, text="Jakarta Hartono", sentence=0, code="", name="x",
                     kind="person")
    assert stage(article(text, mentions=(person,))).places == ()


def test_offsets_refer_to_the_article(stage):
    text = "Judul berita\nLavrov tiba di Beijing pada Senin."
    (beijing,) = stage(article(text)).places
    assert text[beijing.start:beijing.end] == "Beijing" and beijing.sentence == 1


def test_sample_page(stage, sample_path):
    text = sample_path.read_text(encoding="utf-8")
    places = stage(article(text)).places
    found = {(p.text, p.name, p.fips) for p in places}
    assert {("Beijing", "Beijing", "CH"), ("Moskow", "Moscow", "RS"), ("Ukraina", "Ukraine", "UP"),
            ("China", "China", "CH"), ("Rusia", "Russia", "RS"),
            ("Tiongkok", "China", "CH")} <= found
    assert not {p.text for p in places} & {"Vladimir", "Sergei", "Wang", "Lavrov"}
    beijing = next(p for p in places if p.text == "Beijing")
    assert (round(beijing.lat, 1), round(beijing.lon, 1)) == (39.9, 116.4)


WORDS = st.sampled_from([
    "Moskow", "Beijing", "yang", "Jakarta Selatan", "Georgia", "Atlanta", "AS", "as", "São Paulo",
    "İstanbul", "Vladimir", "Putin", " ", ", ", "-", "\n", "(", ")", "di", "Kota", "ß", "Rusia",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=15), st.sampled_from(["id", "en"]))
def test_every_span_slices_back_to_its_text(stage, pieces, lang):
    text = "".join(pieces)
    result = stage(article(text, lang))
    for p in result.places:
        assert text[p.start:p.end] == p.text
        assert p.feature_type in (1, 2, 3, 4, 5) and p.fips
    assert result.places == stage(article(text, lang)).places  # deterministic


@pytest.mark.parametrize(
    ("text", "lang", "span", "name"),
    [
        ("Delegasi itu mendarat di ibu kota China.", "id", "ibu kota China", "Beijing"),
        ("Protests spread in the capital of Ukraine.", "en", "capital of Ukraine", "Kyiv"),
    ],
)
def test_capital_phrase_is_the_capital_city(stage, text, lang, span, name):
    (place,) = stage(article(text, lang)).places
    assert (place.text, place.name, place.feature_type) == (span, name, 4)


def test_language_rules_hold_through_disambiguation(stage):
    # "Kita" is stopped in Indonesian only; in English it is the Japanese city.
    assert names(stage, "Officials flew to Kita on Monday.", "en") == [("Kita", "JP", "JA", 4)]
    assert names(stage, "Kita akan ke sana.", "id") == []


# -- the boundary-aware automaton finds what a plain one + boundary check finds --

@pytest.fixture(scope="module")
def plain_automaton(stage: PlaceStage) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in stage._names:
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


def _plain_raw_matches(automaton: ahocorasick.Automaton, folded: str) -> set[tuple[int, int]]:
    """The reference: every name anywhere, kept when no word character or "@"
    (str.isalnum, "_", "@") touches it."""
    def free(ch: str) -> bool:
        return not (ch.isalnum() or ch in "_@")

    out = set()
    for last, key in automaton.iter(folded):
        start, end = last - len(key) + 1, last + 1
        if (start == 0 or free(folded[start - 1])) and (end == len(folded) or free(folded[end])):
            out.add((start, end))
    return out


RAW_WORDS = st.sampled_from([
    "moskow", "Moskow", "new york", "new-york", "New_York", "u.s.", "u.s", "U.S.A.", "st. louis",
    "iran", "tirana", "@iran", "iran@", "iran_", "2iran", "irán", "guinea-bissau", "guinea bissau",
    " ", ".", ",", "-", "'", "’", "\n", "\x02", "\x03", "é", "ß", "İ", "Jakarta", "Selatan", "as",
    "bonaire, saint eustatius and saba", "al bayda’", "‘amran", "‘", "’s",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(RAW_WORDS, max_size=12).map("".join), max_size=4))
@example(["Ryazan", "’ kota"])  # "ryazan’" is a name too: no match across sentences
def test_one_pass_over_the_sentences_finds_the_bounded_names(stage, plain_automaton, texts):
    sentences = tuple(Sentence(i, 0, len(t), t) for i, t in enumerate(texts))
    together = {s.index: (folded, set(spans))
                for s, folded, spans in stage._sentence_spans(sentences)}
    for s in sentences:
        folded = fold(s.text)
        expected = _plain_raw_matches(plain_automaton, folded)
        assert set(stage._raw_matches(folded)) == expected
        assert together.get(s.index, (folded, set())) == (folded, expected)


def test_the_compiled_automaton_is_the_one_built_from_the_names(stage, tmp_path, monkeypatch):
    from warta.cache import CACHE_ENV
    from warta.enrich.geo import Gazetteer
    from warta.enrich.places import _build_automaton, _default_automaton

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    fresh = _build_automaton(stage._names)
    cold = _default_automaton(stage._names)  # builds and stores
    warm = _default_automaton(stage._names)  # reads the stored copy
    assert list(tmp_path.glob("places-automaton-*.bin"))
    expected = sorted(fresh.items())
    assert sorted(cold.items()) == expected and sorted(warm.items()) == expected
    # a stage given its own gazetteer builds its own automaton: same places
    own = PlaceStage(gazetteer=Gazetteer.load())
    text = "Presiden bertemu di Jakarta.\nPasukan Rusia menyerang Kyiv dan Kharkiv, Ukraina."
    assert own(article(text)).places == stage(article(text)).places
