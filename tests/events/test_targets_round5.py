"""English partners that used to be lost (round 5, invented sentences): joint
subjects separated from their verb by an apposition, a partner coordinated with
the speaker's pronoun ("said it and X have signed"), an agreement noun whose
premodifiers run past the usual gap ("a 30 mln dlr bullet loan agreement"), the
visitor after an attributive "visiting", and a title's own "of" ("Secretary of
State X") that is no preposition governing the target."""

from __future__ import annotations

from warta.events.stage import EventStage

EN = {
    "Acme Corp": "USABUS", "Borlan Industries": "JPNBUS", "Fisco Corp": "JPNBUS",
    "Kenya": "KEN", "Uganda": "UGA", "Japan": "JPN", "Toshiba Corp": "JPNBUS",
    "General Electric Co": "USABUS", "Chinese president": "CHNGOV",
    "Jean Dupont": "FRAGOV",
}


def coded(stage: EventStage, make_article, text: str) -> set[tuple[str, str, str]]:
    article = make_article(text, lang="en", actors=EN)
    return {(e.source.code[:3], e.target.code[:3] if e.target else "", e.code[:2])
            for e in stage(article).events}


def test_joint_subjects_pair_across_an_apposition(stage, make_article):
    out = coded(stage, make_article, "Acme Corp and Borlan Industries, a unit of "
                "Fisco Corp, have signed a licensing agreement.")
    assert ("USA", "JPN", "06") in out and ("JPN", "USA", "06") in out


def test_partner_coordinated_with_the_speakers_pronoun(stage, make_article):
    out = coded(stage, make_article, "Toshiba Corp said it and General Electric Co "
                "have signed a licensing agreement.")
    assert ("JPN", "USA", "06") in out


def test_agreement_after_a_long_noun_phrase(stage, make_article):
    out = coded(stage, make_article, "Kenya and Uganda signed a five-year defence "
                "and economic agreement.")
    assert ("KEN", "UGA", "05") in out
    out = coded(stage, make_article, "Kenya has signed a 30 mln dlr bullet loan "
                "agreement with Japan.")
    assert any(a == "KEN" and b == "JPN" for a, b, _ in out)


def test_visiting_before_a_name_makes_that_actor_the_visitor(stage, make_article):
    out = coded(stage, make_article, "The Chinese president told visiting French "
                "Foreign Minister Jean Dupont that relations were good.")
    assert ("FRA", "CHN", "04") in out and ("CHN", "FRA", "04") not in out


def test_preposition_inside_a_title_does_not_hide_the_target(stage, make_article):
    out = coded(stage, make_article, "The Chinese president told visiting Minister "
                "of State Jean Dupont that relations were good.")
    assert ("FRA", "CHN", "04") in out
