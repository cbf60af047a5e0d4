"""English event coding, by invented example: which code a trigger gives and
whether a sentence reports an event at all (bare defaults of weak PETRARCH verbs,
forecasts, infinitives that are a noun's content, codebook codes the converted
dictionary misses). Each case stands for a construction, not a sentence."""

from __future__ import annotations

import pytest

from warta.events.stage import EventStage

EN = {
    "Russia": "RUS", "China": "CHN", "Japan": "JPN", "Iran": "IRN", "Iraq": "IRQ",
    "Chad": "TCD", "Putin": "RUSGOV",
    "Iraqi students": "IRQEDU",
}


def roots(stage: EventStage, make_article, text: str) -> set[tuple[str, str, str]]:
    """(source code, target code, CAMEO root) of every event of ``text``."""
    article = make_article(text, lang="en", actors=EN)
    return {(e.source.code, e.target.code if e.target else "", e.root)
            for e in stage(article).events}


@pytest.mark.parametrize("text", [
    "Russia joined China on the list.",          # membership, company: no meeting
    "Japan led Iran in the rankings.",           # leadership: no cooperation
    "Russia suggested China was weak.",          # an opinion, no appeal
    "Japan hopes Iran will grow.",               # a wish, no appeal
    "Putin travels on a Japan passport.",        # a journey with no destination
    "Japan discussed Iran's economy.",           # a topic is no one met
    "Japan studied Iran's economy.",             # a study is no investigation
    "Japan voted on Iran's bill.",               # a vote is no agreement
    "China overtook Japan as Iran's top buyer.",  # surpassing is no attack
    "Russia improved its standing with Japan.",   # a quantity, no cooperation
    "Japan boosted sales to Iran.",               # a quantity, no cooperation
    "Russia conducts no trade with Japan.",       # management, no cooperation
    "Japan dominated China in exports.",          # winning a market is no attack
    "Russia broke Japan's record.",               # a record broken is no attack
    "Japan is campaigning for Iran.",             # an aim, no demand on anyone
])
def test_bare_weak_verbs_code_nothing(stage, make_article, text: str) -> None:
    assert roots(stage, make_article, text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    # no reporting clause: the modal binds its own subject, nobody demands
    ("Iraqi students in Iran and China must register by Friday.", set()),
    # a reported "must" stays a demand of the reporter on the clause's subject
    ("Russia said that China must withdraw.", {("RUS", "CHN", "10")}),
])
def test_must_is_a_demand_only_when_reported(stage, make_article, text: str,
                                             expected) -> None:
    assert roots(stage, make_article, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin travels to China.", ("RUSGOV", "CHN", "04")),
    ("Japan discussed the economy with Iran.", ("JPN", "IRN", "04")),
])
def test_travel_to_and_discuss_with_are_contacts(stage, make_article, text: str,
                                                 expected: tuple[str, str, str]) -> None:
    assert expected in roots(stage, make_article, text)


@pytest.mark.parametrize(("text", "expected"), [
    # a forecast is no act: a conflict reads as a threat (13), cooperation as intent (03)
    ("Japan is expected to attack Iran.", {("JPN", "IRN", "13")}),
    ("Japan is likely to meet Iran.", {("JPN", "IRN", "03")}),
    ("Japan is unlikely to attack Iran.", set()),
    # a failure is no refusal (12) either: nothing happened
    ("Japan failed to reach agreement with Iran.", set()),
])
def test_forecasts_and_failures_are_not_facts(stage, make_article, text: str, expected) -> None:
    assert roots(stage, make_article, text) == expected


@pytest.mark.parametrize("text", [
    "Japan made efforts to attack Iran.",
    "Japan has the right to attack Iran.",
    "Russia delayed its plans to meet China.",   # a noun; "Russia plans to" is intent
])
def test_infinitive_after_a_noun_is_its_content(stage, make_article, text: str) -> None:
    found = {r for _, _, r in roots(stage, make_article, text)}
    assert not found & {"03", "04", "19"}, found


@pytest.mark.parametrize(("text", "expected"), [
    # ending one's own protest eases dissent (082)
    ("Iraqi students postponed their protest.", {("IRQEDU", "", "08")}),
    # withdrawing peacekeepers or inspectors is 166x; announced, a threat (136)
    ("Russia withdrew its inspectors from Iraq.", {("RUS", "IRQ", "16")}),
    ("Russia will withdraw its observers from Chad.", {("RUS", "TCD", "13")}),
    # halting mediation "among" the parties (165); stated as possible, a threat (135)
    ("Japan may halt mediation among China and Iran.",
     {("JPN", "CHN", "13"), ("JPN", "IRN", "13")}),
    # pressing someone to act is a demand (10), not coercion (17)
    ("Japan pressured Iran to end the strike.", {("JPN", "IRN", "10")}),
    # seeking is requesting (02), not an intent to cooperate (03)
    ("Japan sought a loan from Iran.", {("JPN", "IRN", "02")}),
    # ruling out a meeting is refusing it (125)
    ("Japan ruled out a visit to Iran.", {("JPN", "IRN", "12")}),
    # a refused investigation is a rejection (12), not an investigation (09)
    ("Japan refused to investigate Iran.", {("JPN", "IRN", "12")}),
])
def test_codebook_codes(stage, make_article, text: str, expected) -> None:
    assert roots(stage, make_article, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # concluded commercial deals are economic cooperation (061), signed treaties 057
    ("Japan signed a franchise agreement with Iran.", {("JPN", "IRN", "06")}),
    ("Japan agreed to buy Iran's oil.", {("JPN", "IRN", "06")}),
    ("Japan placed an order with Iran.", {("JPN", "IRN", "06")}),
    ("Japan repays its debt to Iran.", {("JPN", "IRN", "06")}),
    ("Japan and China renewed their trade agreement.",
     {("JPN", "CHN", "05"), ("CHN", "JPN", "05")}),
    # loans and credits are economic aid (071)
    ("Japan lent Iran 50 mln dlrs.", {("JPN", "IRN", "07")}),
    # a weapons test shows force without using it (150)
    ("Russia carried out a nuclear test.", {("RUS", "", "15")}),
    # a revoked licence is an administrative sanction (172)
    ("China revoked the licence of a Japan bank.", {("CHN", "JPN", "17")}),
    # a scheduled visit is an intent to meet (036)
    ("Japan is due to visit Iran.", {("JPN", "IRN", "03")}),
    # deployed peacekeepers (074), power handed over (0831), embassies (050), offices (061)
    ("Russia deployed peacekeepers in Chad.", {("RUS", "TCD", "07")}),
    ("Japan will hand over power to China.", {("JPN", "CHN", "03")}),
    ("Japan opened an embassy in Iran.", {("JPN", "IRN", "05")}),
    ("Japan will open an office in Iran.", {("JPN", "IRN", "03")}),
])
def test_deals_loans_tests_and_schedules(stage, make_article, text: str, expected) -> None:
    assert roots(stage, make_article, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a base form after a lower-case modifier heads a noun phrase: no verb
    ("Russia sells mobile phone networks to Japan.", set()),
    ("Russia cited strong demand for oil in Japan.", {("RUS", "JPN", "01")}),
    # but an auxiliary opens a verb, and a partner preposition keeps the act
    ("Russia did stress Japan's role.", {("RUS", "JPN", "01")}),
    ("China's official contact with Japan ended.", {("CHN", "JPN", "04")}),
])
def test_base_form_after_a_modifier_is_a_noun(stage, make_article, text: str,
                                              expected) -> None:
    assert roots(stage, make_article, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a warning or announcement whose clause says what others do or what is the
    # case reports; its clause's subject is no target
    ("Japan warned that oil prices posed a risk to Iran.", set()),
    ("Russia announced that China was the winner.", set()),
    # the addressee of a warning, and a warning of a future act, stay threats
    ("Japan warned Iran.", {("JPN", "IRN", "13")}),
    ("Japan warned that its navy would block Iran's ports.", {("JPN", "IRN", "13")}),
])
def test_warning_of_a_clause_reports(stage, make_article, text: str, expected) -> None:
    assert roots(stage, make_article, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # bare "give" is no cooperation ("gave a warning"); giving money is aid (071),
    # also past a named first object
    ("Japan gave Iran a warning.", set()),
    ("Japan gave Iran a grant.", {("JPN", "IRN", "07")}),
    ("Japan will give Iran 50 mln dlrs.", {("JPN", "IRN", "03")}),
    # bare defaults of "saw", "refer", "patrol", "levy", "take over" code nothing
    ("Japan saw a rise in exports to Iran.", set()),
    ("Japan refers to Iran as a partner.", set()),
    ("Japan patrols the border with Iran.", set()),
    ("Japan levied taxes on Iran.", set()),
    ("Russia takes over the presidency of the club from China.", set()),
])
def test_bare_give_saw_patrol_levy_take_over(stage, make_article, text: str, expected) -> None:
    assert roots(stage, make_article, text) == expected


@pytest.fixture(scope="module")
def pipeline(coding_pipeline):
    return coding_pipeline


def _triples(pipeline, text: str) -> set[tuple[str, str, str]]:
    from warta.events.evaluate import predicted_triples
    from warta.model import Article

    return predicted_triples(pipeline(Article(url="test://en/protest", text=text,
                                              language="en")).events)


@pytest.mark.parametrize(("text", "expected"), [
    # a state's protest is an official complaint (114) to whom it is addressed
    ("France protested against the closing of Canadian ports.", {("FRA", "CAN", "11")}),
    ("Spain protested to Britain over the decision.", {("ESP", "GBR", "11")}),
    # a protest of its people stays dissent at home (14)
    ("Spanish farmers protested against price rises.", {("ESP", "ESP", "14")}),
    ("Palestinian prisoners rioted at the jail.", {("PSE", "PSE", "14")}),
])
def test_protest_of_a_state_is_a_complaint(pipeline, text: str, expected) -> None:
    assert _triples(pipeline, text) == expected


def test_name_after_a_title_continues_a_list(pipeline) -> None:
    # "Minister Alain Madelin and …": the unknown name does not end the coordination
    text = ("Finance Minister Edouard Balladur, Industry Minister Alain Madelin and "
            "Telecommunications Minister Gerard Longuet met today.")
    assert _triples(pipeline, text) == {("FRA", "FRA", "04")}


def test_closing_reported_attribution_is_no_target(pipeline) -> None:
    # ", Algerian newspapers reported": the reporter is not the attack's target
    from warta.model import Article

    text = "Rebels attacked a police station, Algerian newspapers reported."
    events = pipeline(Article(url="test://en/reported", text=text, language="en")).events
    assert events and all(e.target is None or "MED" not in e.target.code for e in events)


@pytest.mark.parametrize(("text", "expected"), [
    # an -s form right after a past verb is its object noun, no second verb
    # a base-form verb before it is no past verb: "the attack threatens" stays open
    ("Japan rejected demands from Iran.", {("JPN", "IRN", "12")}),
])
def test_plural_after_a_past_verb_is_a_noun(stage, make_article, text: str, expected) -> None:
    assert roots(stage, make_article, text) == expected


def test_claims_after_a_past_verb_are_no_claim(pipeline) -> None:
    # "shrugged off claims": the plural is the object, the claim no act of the subject
    text = "The Japanese prime minister shrugged off claims the Iranian government had made."
    assert _triples(pipeline, text) == set()

