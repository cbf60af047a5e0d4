"""Business deals get the codes of the gold rules and CAMEO (invented sentences):
a firm's concluded agreement is 061, a deal agreed only tentatively or in principle
0311 (cameo_actor_shifts.tsv, packs/en/modality.tsv, packs/en/patterns_commerce.tsv)."""

from __future__ import annotations

import pytest

from warta.events.evaluate import _article
from warta.events.modality import ActorShifts
from warta.process import build_pipeline


@pytest.fixture(scope="module")
def pipe():
    return build_pipeline(stages=("language", "segment", "actors", "quotes", "events"))


def codes(pipe, text: str) -> set[str]:
    art = pipe(_article({"text": text, "language": "en", "url": "x://1",
                         "published": "1987-04-01"}, 1, "t"))
    return {e.code for e in art.events}


def test_table_shifts_firm_agreements_not_central_banks():
    shifts = ActorShifts.load()
    assert shifts.shift("057", frozenset({"BUS"})) == "061"
    # a central bank (GOVBUS) is a state body: "!GOV" keeps its 057
    assert shifts.shift("057", frozenset({"GOV", "BUS"})) == "057"


@pytest.mark.parametrize("text", [
    "Acme Corp said it signed an agreement with Zenith Inc to distribute its software.",
    "Acme Corp renewed its supply agreement with Zenith Inc.",
])
def test_firm_signed_agreement_is_economic_cooperation(pipe, text):
    assert codes(pipe, text) == {"061"}


def test_firm_that_will_sign_keeps_an_intent(pipe):
    assert codes(pipe, "Acme Corp will sign an agreement with Zenith Inc.") == {"030"}


def test_concluded_negotiations_are_a_deal(pipe):
    assert codes(pipe, "Acme Corp has concluded its negotiations with Zenith Inc.") == {"061"}


@pytest.mark.parametrize("text", [
    "Acme Corp tentatively agreed to buy Zenith Inc.",
    "Acme Corp agreed in principle to form a joint venture with Zenith Inc.",
    "Acme Corp said it has a letter of intent to acquire Zenith Inc.",
])
def test_pending_deal_is_intent(pipe, text):
    assert codes(pipe, text) == {"0311"}


def test_contract_won_with_a_partner_targets_the_partner(pipe):
    art = pipe(_article({"text": "Acme Widgets Inc said it won a contract with Zenith "
                                 "Holdings Ltd of London to build a plant.",
                         "language": "en", "url": "x://2", "published": "1987-04-01"}, 1, "t"))
    assert {(e.code, e.target.country if e.target else "") for e in art.events} == \
        {("061", "GBR")}
