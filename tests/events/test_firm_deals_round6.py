"""Firms agreeing to work together and passive awards (invented sentences):
"reached an agreement with", "agreed to cooperate with" are a concluded deal (061)
between firms and an agreement to cooperate (030) for anyone else
(packs/en/patterns_commerce.tsv rows with the bare root 06, resolved by
data/cameo_actor_shifts.tsv); the giver of a passive award may follow "from"
(events/passive.py)."""

from __future__ import annotations

import pytest

from warta.events.evaluate import _article, actor_key
from warta.events.modality import ActorShifts
from warta.process import build_pipeline


@pytest.fixture(scope="module")
def pipe():
    return build_pipeline(stages=("language", "segment", "actors", "quotes", "events"))


def events(pipe, text: str) -> set[tuple[str, str, str]]:
    art = pipe(_article({"text": text, "language": "en", "url": "x://1",
                         "published": "1987-04-01"}, 1, "t"))
    return {(actor_key(e.source), actor_key(e.target), e.code) for e in art.events}


def test_table_resolves_the_marker_root_by_actor():
    shifts = ActorShifts.load()
    assert shifts.shift("06", frozenset({"BUS"})) == "061"
    assert shifts.shift("06", frozenset({"GOV"})) == "030"
    assert shifts.shift("06", frozenset()) == "030"  # "*": any other actor
    assert shifts.shift("06", frozenset({"GOV", "BUS"})) == "030"  # a central bank


@pytest.mark.parametrize("text", [
    "Acme Widgets Inc said it reached an agreement with Zenith Holdings Corp "
    "to share technology.",
    "Acme Widgets Inc said it agreed to cooperate with Zenith Holdings Corp on research.",
])
def test_firms_agreeing_to_work_together_is_a_deal(pipe, text):
    assert ("USA", "USA", "061") in events(pipe, text)
    assert all(code == "061" for _, _, code in events(pipe, text))


def test_same_phrase_firms_deal_states_030_pending_0311(pipe):
    # one phrase, three readings: the actor decides, a tentative agreement stays pending
    assert events(pipe, "Acme Widgets Inc agreed to cooperate with Zenith Holdings "
                        "Corp.") == {("USA", "USA", "061")}
    assert events(pipe, "France agreed to cooperate with Britain on research.") == \
        {("FRA", "GBR", "030")}
    got = events(pipe, "Acme Widgets Inc reached a tentative agreement with "
                       "Zenith Holdings Corp.")
    assert {code for _, _, code in got} == {"0311"}


def test_passive_award_from_a_giver(pipe):
    got = events(pipe, "Acme Widgets Inc was awarded a 50 mln dlr contract from the "
                       "French government.")
    assert ("FRA", "USA", "061") in got


def test_passive_given_contract_by_a_firm(pipe):
    got = events(pipe, "Acme Widgets Inc was given a contract by Japan's Mitsui and Co "
                       "to supply steel.")
    assert ("JPN", "USA", "061") in got


def test_active_award_passes_the_named_recipient(pipe):
    got = events(pipe, "The French government awarded Acme Widgets Inc a contract to "
                       "build radios.")
    assert ("FRA", "USA", "061") in got
