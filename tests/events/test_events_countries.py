"""Countries for role-only agents ("troops", "officials"), as a CAMEO coder gives them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warta.events.countries import (
    METHOD,
    ORG_CODES,
    dominant_country,
    needs_country,
    resolve_countries,
    with_country,
)
from warta.model import Mention


def mentions_of(text: str, spans: dict[str, str]) -> list[Mention]:
    """Mentions for the given words; role codes (3 letters) are country-less agents."""
    out = []
    for word, code in spans.items():
        start = text.index(word)
        if len(code) == 3 and code in {"MIL", "GOV", "REB", "COP", "CVL"}:
            out.append(Mention(start, start + len(word), word, 0, code, word, "", (code,),
                               "agent", "role+country"))
        elif code.startswith("IGO"):
            out.append(Mention(start, start + len(word), word, 0, code, word, "", ("IGO",),
                               "organisation"))
        else:
            out.append(Mention(start, start + len(word), word, 0, code, word, code[:3], (),
                               "country"))
    return sorted(out, key=lambda m: m.start)


@pytest.mark.parametrize(("text", "spans", "default", "expected"), [
    # a country named right after the agent ("in", "of", "from")
    ("Rebels in the Ivory Coast blocked roads.", {"Rebels": "REB", "Ivory Coast": "CIV"},
     "", "CIVREB"),
    ("Security forces in Guinea tortured refugees.", {"Security forces": "MIL", "Guinea": "GIN"},
     "", "GINMIL"),
    # else the nearest country before it in the sentence
    ("Serbia lodged a protest, an official said.", {"Serbia": "SRB", "official": "GOV"},
     "", "SRBGOV"),
    ("Israel and Egypt met; troops were sent.",
     {"Israel": "ISR", "Egypt": "EGY", "troops": "MIL"}, "", "EGYMIL"),
    # else the article's dominant country
    ("Police arrested three students.", {"Police": "COP"}, "IDN", "IDNCOP"),
    # an organisation right before the agent makes it the organisation's people
    ("UN troops arrived in Bosnia.", {"UN": "IGOUNO", "troops": "MIL", "Bosnia": "BIH"},
     "", "IGOUNO"),
    # nothing to go by: the agent keeps its bare code
    ("Police arrested three students.", {"Police": "COP"}, "", "COP"),
])
def test_agent_country(text, spans, default, expected):
    resolved = resolve_countries(mentions_of(text, spans), text, default)
    agent = next(m for m in resolved if m.kind == "agent")
    assert agent.code == expected
    assert (agent.method == METHOD) == (expected != agent.roles[0])


@pytest.mark.parametrize(("text", "spans"), [
    ("The UN sent aid to Chad.", {"UN": "IGOUNO", "Chad": "TCD"}),
    ("Russia attacked Ukraine.", {"Russia": "RUS", "Ukraine": "UKR"}),
])
def test_organisations_and_countries_are_left_alone(text, spans):
    before = mentions_of(text, spans)
    assert resolve_countries(before, text, "USA") == before


def test_needs_country_only_for_role_agents():
    text = "UN troops"
    un, troops = mentions_of(text, {"UN": "IGOUNO", "troops": "MIL"})
    assert not needs_country(un) and needs_country(troops)
    assert not needs_country(with_country(troops, "FRA"))


@pytest.mark.parametrize(("kind", "code", "needs"), [
    ("person", "", True),         # a person no dictionary knows ("Budi Santoso said")
    ("pronoun", "", True),        # "ia" / "he" that coreference could not resolve
    ("organisation", "", False),  # an unknown organisation is not given a country
    ("place", "", False),
])
def test_uncoded_people_and_pronouns_take_the_context_country(kind, code, needs):
    text = "Budi Santoso said police arrested him."
    m = Mention(0, 12, "Budi Santoso", 0, code, "Budi Santoso", "", (), kind)
    assert needs_country(m) is needs
    resolved = resolve_countries([m], text, "IDN")[0]
    assert resolved.code == ("IDN" if needs else "")


@pytest.mark.parametrize(("countries", "expected"), [
    (["RUS", "CHN", "CHN"], "CHN"),
    (["RUS", "CHN"], "RUS"),  # a tie goes to the country named first
    ([], ""),
])
def test_dominant_country(countries, expected):
    ms = [Mention(i, i + 1, "x", 0, c, c, c) for i, c in enumerate(countries)]
    assert dominant_country(ms) == expected


def test_a_currency_is_no_actor_for_the_dominant_country():
    """"the U.S. dollar" names money: three of them do not outweigh Chile twice."""
    text = ("Chile let the peso fall against the U.S. dollar. Chile sold U.S. dollars, "
            "and U.S. dlrs were scarce.")

    def at(word: str, nth: int = 0) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        code = "CHL" if word == "Chile" else "USA"
        return Mention(start, start + len(word), word, 0, code, word, code)

    ms = sorted([at("Chile"), at("Chile", 1), at("U.S."), at("U.S.", 1), at("U.S.", 2)],
                key=lambda m: m.start)
    assert dominant_country(ms) == "USA"  # counted as actors, the dollars win
    assert dominant_country(ms, text) == "CHL"


@given(st.lists(st.sampled_from(["MIL", "GOV", "RUS", "CHN", "IGOUNO"]), max_size=8),
       st.sampled_from(["", "IDN"]))
def test_resolution_keeps_spans_and_only_adds_countries(codes, default):
    words = [f"w{i}" for i in range(len(codes))]
    text = " ".join(words)
    ms = mentions_of(text, dict(zip(words, codes, strict=True)))
    out = resolve_countries(ms, text, default)
    assert len(out) == len(ms)
    for a, b in zip(ms, out, strict=True):
        assert (b.start, b.end, b.text) == (a.start, a.end, a.text)
        assert text[b.start:b.end] == b.text
        # a country prefixed to the role, or the organisation right before it
        assert b.code.endswith(a.code) or (b.method == METHOD and b.code[:3] in ORG_CODES)
        assert b.country == a.country or (not a.country and needs_country(a))


def test_an_igo_region_is_not_lent_to_agents():
    text = "EU officials met; troops were sent."
    eu = Mention(0, 2, "EU", 0, "IGOEUREEC", "EU", "EUR", ("IGO", "EEC"), "organisation")
    troops = mentions_of(text, {"troops": "MIL"})[0]
    resolved = resolve_countries([eu, troops], text, "")
    assert resolved[1].code == "MIL"
    assert dominant_country([eu]) == ""


def test_a_country_that_names_a_currency_is_no_event_actor(coding_pipeline):
    from warta.model import Article

    art = coding_pipeline(Article(url="test://currency", language="en",
                                  text="Taiwan's central bank intervened to support the "
                                       "U.S. dollar."))
    assert all(not e.target or e.target.text != "U.S." for e in art.events)


def test_a_country_that_names_a_currency_lends_no_country_to_a_role(coding_pipeline):
    from warta.model import Article

    art = coding_pipeline(Article(url="test://currency-role", language="en",
                                  text="Taiwan will not let the Taiwan dollar rise against "
                                       "the U.S. dollar, officials said."))
    assert {m.code for m in art.mentions if m.text == "officials"} == {"TWNGOV"}
