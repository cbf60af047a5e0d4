"""British domestic politics, by invented example: party and institution names
coded GBR, verbal "attacks" between politicians coded as criticism (11x), and
parties never coded as using force. Runs the full English pipeline (actors
from the real English pack), so it checks the data files as well as the engine."""

from __future__ import annotations

from datetime import datetime

import pytest

from warta.model import Article
from warta.process import build_pipeline


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline()


def _run(pipeline, text: str) -> Article:
    return pipeline(Article(url="test://uk", text=text, language="en",
                            published=datetime(2005, 3, 1)))


def _triples(article: Article) -> set[tuple[str, str, str]]:
    return {(e.source.country if e.source else "", e.target.country if e.target else "",
             e.root) for e in article.events}


@pytest.mark.parametrize(("text", "names"), [
    ("The Tories and the Lib Dems voted with Labour.", {"Tories", "Lib Dems", "Labour"}),
    ("The Scottish National Party and Plaid Cymru met UKIP.",
     {"Scottish National Party", "Plaid Cymru", "UKIP"}),
    ("Tory MPs wrote to the Home Office.", {"Tory", "MPs", "Home Office"}),
])
def test_british_parties_and_institutions_are_gbr(pipeline, text: str,
                                                   names: set[str]) -> None:
    a = _run(pipeline, text)
    found = {a.text[m.start:m.end]: m.country for m in a.mentions}
    for name in names:
        assert found.get(name) == "GBR", (name, found)


def test_lower_case_labour_is_no_party(pipeline) -> None:
    a = _run(pipeline, "The labour market in Greece is weak, Greek officials said.")
    assert all(m.code != "GBRPTY" for m in a.mentions)


@pytest.mark.parametrize("text", [
    "The Tories attacked Labour's plans for council tax on Monday.",
    "Labour MPs hit back at the chancellor over the pensions bill.",
])
def test_attack_between_politicians_is_criticism(pipeline, text: str) -> None:
    roots = {r for _, _, r in _triples(_run(pipeline, text))}
    assert "11" in roots and not roots & {"18", "19"}, roots


def test_military_attack_stays_violent(pipeline) -> None:
    roots = {r for _, _, r in _triples(_run(pipeline, "Israeli troops attacked Palestinian "
                                                      "militants near Gaza."))}
    assert roots & {"18", "19"}, roots


def test_a_party_never_uses_force(pipeline) -> None:
    roots = {r for _, _, r in _triples(_run(pipeline, "The Lib Dems target the student vote."))}
    assert not roots & {"18", "19"}, roots


def test_known_opposition_leader_is_coded(pipeline) -> None:
    a = _run(pipeline, "Michael Howard accused Tony Blair of misleading voters.")
    assert ("GBR", "GBR", "11") in _triples(a)


def test_gerund_after_by_is_the_subjects_act(pipeline) -> None:
    a = _run(pipeline, "Liam Fox responded by accusing Tony Blair of hiding from voters.")
    assert ("GBR", "GBR", "11") in _triples(a)


def test_passive_by_gerund_stays_a_noun(pipeline) -> None:
    # "was destroyed by shelling": the gerund is the means, not the subject's act
    a = _run(pipeline, "Serbian police were attacked by shelling near the border.")
    assert all(e.source is None or a.text[e.source.start:e.source.end] != "police"
               or e.root not in ("18", "19") for e in a.events)


@pytest.mark.parametrize("text", [
    "The Tories insisted they would hold ministers to account over the scheme.",
    "Labour wants more migrants to come to Britain, the Home Office said.",
    "Ministers say the Tories are failing Britain.",
    "Tory campaign chiefs say Labour ministers are worried.",
    "The former Labour chancellor died at his London home.",
])
def test_statements_and_noun_readings_are_no_events(pipeline, text: str) -> None:
    assert _triples(_run(pipeline, text)) == set()


def test_a_named_mp_keeps_the_seat_and_the_later_surname(pipeline) -> None:
    a = _run(pipeline, "Tory MP Jonathan Pemberley accused Labour of lying. "
                       "Mr Pemberley later criticised Tony Blair.")
    assert {("GBR", "GBR", "11")} <= _triples(a)
    assert sum(1 for e in a.events if e.root == "11") == 2
