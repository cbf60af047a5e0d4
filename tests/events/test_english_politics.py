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


# --- world news leads: constructions that recur across unseen wire leads ---------------
def _world(pipeline, text: str) -> set[tuple[str, str, str]]:
    return _triples(pipeline(Article(url="test://world", text=text, language="en",
                                     published=datetime(1987, 10, 20))))


def test_possessive_object_belongs_to_the_reporter(pipeline) -> None:
    # "its border posts" are Chile's: the reporter of the clause is the target
    assert _world(pipeline, "Chile said Peruvian troops attacked two of its border posts.") \
        == {("PER", "CHL", "19")}


def test_the_doer_own_possessive_is_no_target(pipeline) -> None:
    assert _world(pipeline, "Japan said Japanese troops attacked its enemies.") == set()


def test_vowed_retaliation_is_a_threat(pipeline) -> None:
    assert _world(pipeline, "Syria vowed retaliation against Israel.") == {("SYR", "ISR", "13")}


def test_called_on_is_an_appeal(pipeline) -> None:
    # the CAMEO codebook's examples code "called on X to" as 02x, not a demand
    assert _world(pipeline, "France called on Iran to release the hostages.") \
        == {("FRA", "IRN", "02")}


def test_not_yet_agreed_is_no_refusal(pipeline) -> None:
    assert _world(pipeline, "Chile and Peru have not yet agreed on a border treaty.") == set()


def test_his_country_is_the_speakers(pipeline) -> None:
    assert _world(pipeline, "The Iranian prime minister said his country would attack "
                            "the United States.") == {("IRN", "USA", "13")}


def test_attributive_participle_leaves_the_subject(pipeline) -> None:
    # "the visiting minister met …": "visiting" modifies the subject, it has no object
    assert _world(pipeline, "The visiting Soviet foreign minister met Indian officials.") \
        == {("RUS", "IND", "04"), ("IND", "RUS", "04")}


def test_denounced_attack_is_also_the_attackers_act(pipeline) -> None:
    assert _world(pipeline, "Libya condemned the American attack on Tripoli.") \
        == {("LBY", "USA", "11"), ("USA", "LBY", "19")}


def test_coordinated_subjects_of_a_meeting_meet_each_other(pipeline) -> None:
    # "resume talks" comes from the converted PETRARCH rows, which carry no "sym" flag
    assert _world(pipeline, "Pakistan and India resumed talks.") \
        == {("PAK", "IND", "04"), ("IND", "PAK", "04")}


@pytest.mark.parametrize(("text", "expected"), [
    # (a government's protest is an official complaint, CAMEO 114)
    ("The Swedish government protested against Soviet submarines.", ("SWE", "RUS", "11")),
    ("The State Department criticised Israel.", ("USA", "ISR", "11")),
])
def test_adjectival_demonyms_and_us_departments(pipeline, text: str, expected) -> None:
    assert expected in _world(pipeline, text)


def test_west_german_is_not_the_west(pipeline) -> None:
    a = _run(pipeline, "The West German government criticised Japan.")
    assert {m.country for m in a.mentions} == {"DEU", "JPN"}


def test_author_of_a_noun_after_a_number(pipeline) -> None:
    # "a strike by 40,000 … workers": the number does not hide the strike's author
    # (and a strike with no named target is dissent at home: roles.implied_target)
    assert _world(pipeline, "A strike by 40,000 Brazilian workers closed the port.") \
        == {("BRA", "BRA", "14")}


def test_strike_by_uncoded_people_is_dissent_in_the_place(pipeline) -> None:
    # "dockers" is no actor: the strikers are civilians of the country where it
    # happened, and a strike with no named target is dissent at home
    assert _world(pipeline, "About 4,000 dockers went on strike at Chilean ports.") \
        == {("CHL", "CHL", "14")}


@pytest.mark.parametrize("text", [
    "The Thai minister praised the pact agreed on Friday in Vienna.",
    "The Thai minister welcomed the treaty signed over the summer in Vienna.",
])
def test_city_after_a_locative_is_no_target(pipeline, text: str) -> None:
    # "in Vienna" is where the pact was made, not whom the praise is aimed at
    assert not any(t[1] == "AUT" for t in _world(pipeline, text))


def test_resignation_yields_at_home(pipeline) -> None:
    assert _world(pipeline, "The Italian finance minister resigned on Tuesday.") \
        == {("ITA", "ITA", "08")}


def test_announced_resignation_is_the_resignation(pipeline) -> None:
    # "will stand down": announcing it is the act (0831), not a stated intent (03x)
    assert _world(pipeline, "The Spanish prime minister will stand down next month.") \
        == {("ESP", "ESP", "08")}


def test_teamed_up_with_is_cooperation(pipeline) -> None:
    assert ("GBR", "FRA", "06") in _world(pipeline,
                                          "Britain teamed up with France to fight piracy.")


@pytest.mark.parametrize("text", [
    "The French president accepted the award from Germany.",
    "The Dutch premier accepted the resignation of his Belgian aide.",
])
def test_accepting_an_award_or_resignation_is_no_agreement(pipeline, text: str) -> None:
    assert not any(t[2] == "03" for t in _world(pipeline, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("France wants Germany to cut interest rates.", {("FRA", "DEU", "02")}),
    # a wish for a thing, or for the public to act, is no appeal to an actor
    ("Egypt wants American wheat.", set()),
    ("The French minister wants young people to vote.", set()),
])
def test_wants_someone_to_act_is_an_appeal(pipeline, text: str, expected) -> None:
    assert _world(pipeline, text) == expected


def test_trade_ban_is_an_embargo(pipeline) -> None:
    # CAMEO 163 (embargo, boycott, sanctions), not the default 172 of "ban"
    text = "Sweden's parliament has approved an extensive trade ban against Chile."
    assert _world(pipeline, text) == {("SWE", "CHL", "16")}
