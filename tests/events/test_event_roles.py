"""Which mention becomes an event's source and which its target (events/roles.py
and the role readings of events/engine.py), one construction per case, with
invented sentences."""

from __future__ import annotations

import pytest

from warta.events.countries import METHOD, resolve_countries
from warta.events.roles import UNKNOWN_METHOD
from warta.model import Mention

EN = {
    "Russia": "RUS", "Ukraine": "UKR", "Ukraine's": "UKR", "Japan": "JPN", "Iran": "IRN",
    "Syria": "SYR", "Israeli": "ISR", "Israel's": "ISR", "Lebanon": "LBN", "Iraqi": "IRQ",
    "Kirkuk": "IRQ@place", "Baghdad": "IRQ@place", "the U.S.": "USA", "Chad": "TCD",
    "the Iraqi News Agency": "IRQMED", "students": "EDU", "police": "COP", "rebels": "REB",
    "government": "GOV", "the International Monetary Fund": "IGOBUSIMF", "IMF": "IGOBUSIMF",
    "Iraqi business leaders": "IRQBUS", "army": "MIL", "Jordan": "JOR", "Israel": "ISR",
}


def coded(stage, make_article, text: str) -> set[tuple[str, str, str]]:
    return {(e.source.code, e.target.code if e.target else "", e.root)
            for e in stage(make_article(text, "en", EN)).events}


@pytest.mark.parametrize(("text", "expected"), [
    # the actor written right before an event noun is its doer, even inside a
    # prepositional phrase
    ("Japan issued a statement on the Israeli attack on Lebanon.", {("ISR", "LBN", "19")}),
    ("Japan issued a statement on Israel's attack on Lebanon.", {("ISR", "LBN", "19")}),
    # … but a noun that is an evaluating verb's object is that verb's content
    ("Syria agreed to Iraqi mediation with Iran.", {("SYR", "IRQ", "03")}),
    # (violence keeps its own doer there: the attack is Israel's act as well)
    ("Japan criticised the Israeli attack on Lebanon.",
     {("JPN", "ISR", "11"), ("ISR", "LBN", "19")}),
    # the subject of a passive is the noun phrase's head, not a mention inside it
    ("The Israeli attack on Lebanon was condemned by Japan.",
     {("ISR", "LBN", "19"), ("JPN", "ISR", "11")}),
])
def test_prenominal_agent(stage, make_article, text, expected):
    assert coded(stage, make_article, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a pronoun subject inside a quote is not the speaker
    ('"It condemns Japan," an Iraqi official said.', set()),
    # "I/we" still is
    ('"We condemn Japan," Russia said.', {("RUS", "JPN", "11")}),
])
def test_quote_subjects(stage, make_article, text, expected):
    assert coded(stage, make_article, text) == expected


def test_relative_clause_ends_the_target_search(stage, make_article):
    # (a noun read as a verb, as "bombs" is here) "… bombs which killed students": the
    # relative clause's object is no target of the word before it
    assert coded(stage, make_article, "Russia planted the Iraqi bombs which killed students.") \
        == set()


def test_complement_clause_subject(stage, make_article):
    # "predicted Iran will retaliate": Iran is the subject of "retaliate", not an object
    pairs = {(s, t) for s, t, _ in coded(stage, make_article,
                                           "Japan predicted Iran will attack Syria.")}
    assert ("IRN", "SYR") in pairs and ("JPN", "SYR") not in pairs


@pytest.mark.parametrize(("text", "expected"), [
    # a trailing attribution may have a noun or an acronym between actor and verb
    ("Russia launched an offensive on Sunday, Iraqi military sources said.", set()),
    ("Russia launched an offensive on Sunday, the Iraqi News Agency INA said.", set()),
    # or any reporter phrase without a verb of its own, and a short close
    ("Russia launched an offensive, a spokesman for the Iraqi News Agency said today.",
     set()),
    ("Russia launched an offensive on Sunday, a Japan official has said.", set()),
    # … but a comma clause with its own verb is no attribution
    ("Russia attacked Ukraine, killing students, officials said.",
     {("RUS", "UKR", "19"), ("RUS", "UKREDU", "18")}),
])
def test_attribution_tail(stage, make_article, text, expected):
    assert coded(stage, make_article, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # what a meeting or statement is about is not its partner
    ("Japan discussed Ukraine's economy.", set()),
    ("Japan discussed the Chad political situation and Russia's role.", set()),
    ("Japan met Russia.", {("JPN", "RUS", "04"), ("RUS", "JPN", "04")}),
    # a visit's or host's object is the other side, possessive or not
    ("Japan hosted Russia's delegation.", {("JPN", "RUS", "04")}),
    # "next week" is a time phrase, not the thing the country modifies
    ("Japan will visit Russia next week.", {("JPN", "RUS", "03")}),
])
def test_topics_are_no_targets(stage, make_article, text, expected):
    assert coded(stage, make_article, text) == expected


def test_infinitive_ends_a_weak_target_search(stage, make_article):
    # "called on the government to seek help from X": the government is asked
    # (an appeal, 02, as the CAMEO codebook codes "called on X to")
    text = ("Iraqi business leaders called on the government to seek help from the "
            "International Monetary Fund (IMF).")
    assert coded(stage, make_article, text) == {("IRQBUS", "IRQGOV", "02")}


def test_unattributed_violence_has_an_unknown_actor(stage, make_article):
    events = stage(make_article("A roadside bomb near Kirkuk killed three students.",
                                "en", EN)).events
    assert [(e.source.code, e.source.method, e.target.code, e.root) for e in events] == \
        [("IRQUNK", UNKNOWN_METHOD, "IRQEDU", "18")]


@pytest.mark.parametrize(("text", "expected"), [
    # a passive whose agent is a thing ("by a bomb") has an unknown actor …
    ("Three students were killed by a bomb in Kirkuk.", {("IRQUNK", "IRQEDU", "18")}),
    # … not a passive that names no cause, nor a subject that names no violence
    ("Three students were killed in Kirkuk.", set()),
    ("An earthquake near Kirkuk killed three students.", set()),
])
def test_unknown_actor_needs_violence(stage, make_article, text, expected):
    assert coded(stage, make_article, text) == expected


def test_reported_violence_of_an_uncoded_subject_has_no_unknown_actor(stage, make_article):
    # the subject is a thing inside a reported clause, not a sentence-opening "A bomb …"
    assert coded(stage, make_article, "Officials said bombs killed students in Kirkuk.") == set()


def test_background_violence_has_no_unknown_actor(stage, make_article):
    text = "Russia praised Japan in Baghdad where three students were killed."
    assert coded(stage, make_article, text) == {("RUS", "JPN", "05")}


def _agent(text: str, word: str, code: str, method: str = "role+country") -> Mention:
    start = text.index(word)
    country = code[:3] if len(code) == 6 else ""
    return Mention(start, start + len(word), word, 0, code, word, country,
                   (code[-3:],), "agent", method)


def _place(text: str, word: str, country: str, kind: str = "place") -> Mention:
    start = text.index(word)
    return Mention(start, start + len(word), word, 0, country, word, country, (), kind)


def test_civilians_take_the_country_where_it_happened():
    text = "Syrian jets killed 22 people in a remote village of Lebanon."
    mentions = [_agent(text, "Syrian jets", "SYRMIL"),
                _agent(text, "people", "SYRCVL", "role+context"),
                _place(text, "Lebanon", "LBN", "country")]
    people = resolve_countries(mentions, text)[1]
    assert (people.code, people.method) == ("LBNCVL", METHOD)


def test_civilians_keep_a_country_of_their_own():
    text = "Syrian jets killed 22 Iraqi people in a remote village of Lebanon."
    mentions = [_agent(text, "Syrian jets", "SYRMIL"),
                _agent(text, "Iraqi people", "IRQCVL"),
                _place(text, "Lebanon", "LBN", "country")]
    assert resolve_countries(mentions, text)[1].code == "IRQCVL"


@pytest.mark.parametrize(("text", "expected"), [
    # an uncoded pronoun opening the sentence stands for the previous one's subject
    ("Japan held a meeting on trade. It accused Russia of dumping steel.",
     {("JPN", "RUS", "11")}),
    # … not when a sentence without actors came between
    ("Japan held a meeting on trade. Prices fell. It accused Russia of dumping steel.",
     set()),
    # … nor when the pronoun is not the clause's first word
    ("Japan held a meeting on trade. Steel prices fell as it accused Russia of dumping.",
     set()),
])
def test_carried_subject(stage, make_article, text, expected):
    assert coded(stage, make_article, text) == expected


ID = {"Prabowo": "IDNGOV", "Jepang": "JPN", "Rusia": "RUS", "Ukraina": "UKR",
      "Indonesia": "IDN"}


@pytest.mark.parametrize(("text", "expected"), [
    # "Kata X, …": the fronted reporter is not the subject of the clause after the comma
    ("Kata Prabowo, krisis itu mengancam Jepang.", set()),
    ("Kata Prabowo, Rusia menyerang Ukraina.", {("RUS", "UKR", "19")}),
])
def test_fronted_attribution(stage, make_article, text, expected):
    assert coded_id(stage, make_article, text) == expected


def test_indonesian_reported_subject(stage, make_article):
    # "X mengatakan Y akan …" (no "bahwa"): Y is the subject of the reported verb
    assert coded_id(stage, make_article, "Prabowo mengatakan Rusia akan membantu Indonesia.") \
        == {("RUS", "IDN", "03")}


def coded_id(stage, make_article, text: str) -> set[tuple[str, str, str]]:
    return {(e.source.code, e.target.code if e.target else "", e.root)
            for e in stage(make_article(text, "id", ID)).events}


def test_demand_target_after_that(stage, make_article):
    # "reiterated its demand (today) that X …": X is the demand's target, and what X
    # is asked to do is no event of its own
    assert coded(stage, make_article,
                 "Japan reiterated its demand today that Iran stop attacking Iraq.") == \
        {("JPN", "IRN", "10")}


@pytest.mark.parametrize(("text", "expected"), [
    # a mention after "and" with a finite verb of its own starts a new clause
    ("Israel attacked Lebanon and Syria condemned the raid.", {("ISR", "LBN", "19")}),
    # … otherwise it is a second object, or a second party of "between"
    ("Israel attacked Lebanon and Syria on Monday.",
     {("ISR", "LBN", "19"), ("ISR", "SYR", "19")}),
    ("Talks between Syria and Jordan ended.", {("SYR", "JOR", "04"), ("JOR", "SYR", "04")}),
])
def test_coordination_and_new_clauses(stage, make_article, text, expected):
    assert coded(stage, make_article, text) == expected
