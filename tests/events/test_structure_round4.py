"""English structural rules of the event engine added in round 4 (invented
sentences): an actor inside the verb's object, long asides after the subject,
"the two countries", actors left out by "except", passive agent lists, -ing noun
modifiers, possessive names and an object fronted before its subject."""

from __future__ import annotations

import pytest

from warta.events.stage import EventStage
from warta.model import Article, Mention

EN = {
    "Japan": "JPN", "the United States": "USA", "U.S.": "USA", "Iraqi": "IRQ",
    "Syria": "SYR", "France": "FRA", "Germany": "DEU", "Italy": "ITA", "Britain": "GBR",
    "Libya": "LBY", "Ghana": "GHA", "World Bank": "IGOUNODEVWBK", "IRA": "GBRREB",
    "Brazil's finance minister": "BRAGOV", "French president": "FRAGOV",
    "Kenya": "KEN", "Iran": "IRN",
}


def coded(stage: EventStage, make_article, text: str) -> set[tuple[str, str, str]]:
    article = make_article(text, lang="en", actors=EN)
    return {(e.source.code, e.target.code if e.target else "", e.code)
            for e in stage(article).events}


def test_actor_opening_the_object_keeps_the_phrase(stage, make_article):
    # "reject ... proposal" is more specific than the bare "reject" (120)
    out = coded(stage, make_article, "Syria dismissed an Iraqi call for talks.")
    assert out and all(code != "110" for _, _, code in out)
    assert ("SYR", "IRQ") in {(a, b) for a, b, _ in out}


def test_owner_of_an_instrument_is_no_target(stage, make_article):
    # "the IRA bombs": the group owns the bombs, it is not what is attacked (18-20)
    out = coded(stage, make_article, "Two men were accused of planting the IRA bombs.")
    assert not any(b == "GBRREB" for _, b, _ in out)


def test_long_aside_after_the_subject(stage, make_article):
    text = ("Brazil's finance minister, on the third leg of a long trip to seek support "
            "for his plan, met the French president.")
    out = coded(stage, make_article, text)
    assert ("BRAGOV", "FRAGOV", "040") in out
    # the aside's own verb does not reach past its closing comma
    assert not any(code.startswith("02") for _, _, code in out)


def _two_countries(text: str, phrase: str) -> Article:
    """An article whose ``phrase`` the resolver read as Egypt and Israel at once."""
    start = text.index(phrase)
    mentions = tuple(
        Mention(start, start + len(phrase), phrase, 0, code, name, code, (), "pronoun",
                "coreference", 0.6, f"country:{code}")
        for code, name in (("EGY", "Egypt"), ("ISR", "Israel")))
    from tests.events.conftest import _sentences  # the tests' own segmenter
    return Article(url="test://two", text=text, language="en",
                   sentences=tuple(_sentences(text, "en", False)), mentions=mentions)


def test_the_two_countries_act_on_each_other(stage):
    art = stage(_two_countries("The two countries signed a trade agreement.",
                               "The two countries"))
    pairs = {(e.source.code, e.target.code if e.target else "", e.root) for e in art.events}
    assert pairs == {("EGY", "ISR", "05"), ("ISR", "EGY", "05")}


@pytest.mark.parametrize("text", [
    "All members except Britain condemned Libya.",
    "All countries other than Britain condemned Libya.",
    "Japan condemned all members except for Britain.",
])
def test_excepted_actor_has_no_role(stage, make_article, text):
    assert not any("GBR" in (a, b) for a, b, _ in coded(stage, make_article, text))


def test_passive_agents_are_no_coordinated_subjects(stage, make_article):
    out = coded(stage, make_article, "The summit was attended by France, Germany and Italy.")
    assert not any(a and b and a != b and {a, b} <= {"FRA", "DEU", "ITA"}
                   for a, b, _ in out)


@pytest.fixture(scope="module")
def pipeline():
    from warta.process import build_pipeline
    return build_pipeline(stages=("language", "segment", "actors", "quotes", "events"))


def test_ing_form_modifying_a_noun_is_no_trigger(pipeline):
    # (the whole pipeline: the -ing form needs its lemma)
    art = pipeline(Article(url="test://ing", language="en",
                           text="The World Bank and other lending agencies pledged aid to Ghana."))
    roots = {e.root for e in art.events}
    assert roots and "07" not in roots


def test_ing_form_after_a_verb_keeps_its_reading(stage, make_article):
    assert any(code.startswith("06") for _, _, code in
               coded(stage, make_article, "Japan stopped selling arms to Iran."))


def test_fronted_object_of_a_relative_clause(stage, make_article):
    out = coded(stage, make_article,
                "The sanctions the United States imposed on Libya hurt its economy.")
    assert ("USA", "LBY", "163") in out and ("USA", "LBY", "170") not in out
