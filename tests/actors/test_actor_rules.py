"""Actor-stage rules of issue 4: regional IGOs, words hidden behind a failed
longer key, role adjectives, ranks after a comma, headline verbs, namesakes
and roles the text gives with a country."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from warta.actors.dictionary import country_codes, split_code, type_codes
from warta.model import Mention

Run = Callable[..., tuple[Mention, ...]]


def _by_text(found: tuple[Mention, ...]) -> dict[str, Mention]:
    return {m.text: m for m in found}


@pytest.mark.parametrize(("code", "country", "roles"), [
    ("IGOEUREEC", "EUR", ("IGO", "EEC")),
    ("IGOAFRAU", "AFR", ("IGO", "AU")),
    ("IGOUNO", "", ("IGO", "UNO")),
    ("IMGMUSALQ", "", ("IMG", "MUS", "ALQ")),  # MUS: Muslim here, not Mauritius
    ("NGOHLHIRC", "", ("NGO", "HLH", "IRC")),
    ("RUSGOV", "RUS", ("GOV",)),
])
def test_region_block_of_an_igo_is_its_country(code: str, country: str,
                                               roles: tuple[str, ...]) -> None:
    assert split_code(code, type_codes(), country_codes()) == (country, roles)


def test_european_community_and_its_officials(mentions: Run) -> None:
    found = _by_text(mentions("The European Community (EC) said EU officials met.", "en",
                              published=datetime(1987, 6, 1)))
    assert found["European Community"].code == "IGOEUREEC"
    assert found["European Community"].country == "EUR"
    assert found["EC"].code == "IGOEUREEC"
    assert found["officials"].code == "IGOEUREEC" and found["officials"].country == "EUR"


def test_demonym_after_a_failed_longer_key(mentions: Run) -> None:
    # "The Sudan" is a key; it must not hide "Sudanese" in "The Sudanese".
    found = _by_text(mentions("The Sudanese government rejected the plan.", "en"))
    assert found["Sudanese government"].code == "SDNGOV"


@pytest.mark.parametrize(("text", "actor"), [
    ("The military aid program was cut.", None),
    ("A naval blockade began.", None),
    ("They ended all official contact.", None),
    ("The military said it would act.", "military"),
    ("An official told reporters.", "official"),
    ("The government denies it.", "government"),
])
def test_role_adjective_before_a_noun_is_no_actor(mentions: Run, text: str,
                                                  actor: str | None) -> None:
    found = _by_text(mentions(text, "en"))
    roles = {"military", "naval", "official", "government"} & set(found)
    assert roles == ({actor} if actor else set())


@pytest.mark.parametrize("text", [
    "Kapolda Metro Jaya, Irjen Budi Santoso, mengatakan hal itu.",
    "Kapolres Tasikmalaya AKBP Budi Santoso menangkap pelaku.",
])
def test_rank_after_role_and_comma_gives_the_name(mentions: Run, text: str) -> None:
    found = _by_text(mentions(text, "id", published=datetime(2025, 10, 1)))
    assert found["Budi Santoso"].code == "IDNCOP"


def test_headline_verb_after_role_is_no_name(mentions: Run) -> None:
    found = _by_text(mentions("Menlu Kunjungi Jepang", "id", published=datetime(2025, 10, 1)))
    assert "Kunjungi" not in found and found["Menlu"].code == "IDNGOV"


def test_long_dead_person_without_their_country_is_a_namesake(mentions: Run) -> None:
    day = datetime(2025, 10, 1)
    alone = _by_text(mentions("Yasir Arafat datang ke Jakarta.", "id", published=day))
    assert alone["Yasir Arafat"].country == "IDN"
    named = _by_text(mentions("Yasir Arafat dari Palestina datang.", "id", published=day))
    assert named["Yasir Arafat"].country == "PSE"


def test_country_in_the_text_beats_the_listed_one(mentions: Run) -> None:
    found = _by_text(mentions("Soviet Foreign Minister Eduard Shevardnadze met King Hassan "
                              "of Morocco.", "en", published=datetime(1987, 4, 13)))
    assert found["Eduard Shevardnadze"].code == "RUSGOV"
    assert found["King Hassan"].code == "MARGOV"


def test_qualifying_country_words_are_no_actors(mentions: Run) -> None:
    found = _by_text(mentions("An anti-Syria journalist was hurt in Western Cambodia.", "en"))
    assert "Syria" not in found and "Western" not in found
    assert found["Cambodia"].code == "KHM"
    assert _by_text(mentions("Western diplomats said so.", "en"))["Western diplomats"].code \
        == "WSTGOV"
    assert "Europe" not in _by_text(mentions("Workers blocked the Europe Bridge.", "en"))


def test_the_two_sides_include_a_regional_body(mentions: Run) -> None:
    found = mentions("The EC met the United States. The EC and the United States talked. "
                     "The two sides agreed.", "en", published=datetime(1987, 6, 1))
    sides = {m.code for m in found if m.text == "The two sides"}
    assert sides == {"IGOEUREEC", "USA"}


def test_phoenix_long_forms_match_running_text() -> None:
    from warta.actors.dictionary import ActorEntry, running_forms

    ltte = ActorEntry("Liberation Tigers Of Tamil Eelam (ltte)", "LKAREB", "LTTE",
                      "organisation", country="LKA", roles=("REB",))
    assert [e.pattern for e in running_forms(ltte)] == ["Liberation Tigers of Tamil Eelam",
                                                       "LTTE"]
    samoa = ActorEntry("Samoa (american)", "USAASM", "American Samoa", "person")
    assert [e.pattern for e in running_forms(samoa)] == ["Samoa (american)"]
    office = ActorEntry("Secretary Of State", "USAGOV", "Secretary Of State", "person")
    assert [e.pattern for e in running_forms(office)] == ["Secretary Of State"]


def test_long_organisation_names_in_running_text(mentions: Run) -> None:
    found = _by_text(mentions("The National Union for the Total Independence of Angola "
                              "fought.", "en", published=datetime(1995, 6, 1)))
    assert found["National Union for the Total Independence of Angola"].code == "AGOREB"
