"""People named by surname alone, national institutions known by name, role
phrases whose head takes a name, and words that only look like ranks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from actor_helpers import find

from warta.actors.dictionary import SURNAME_KIND, load_language, surname_rows
from warta.events.evaluate import actor_key
from warta.model import Mention

Run = Callable[..., tuple[Mention, ...]]
DAY_1987 = datetime(1987, 4, 1)


def test_bare_surname_takes_the_person_when_the_sentence_names_the_country(
        mentions: Run) -> None:
    m = find(mentions("Mulroney said Canada would answer the tariff.", "en",
                      published=DAY_1987), "Mulroney")
    assert (m.kind, m.country, m.name) == ("person", "CAN", "Brian Mulroney")


CUED = "Mulroney said Canada would buy more wheat."


def _is_brian(ms: tuple[Mention, ...]) -> bool:
    return any(m.name == "Brian Mulroney" for m in ms)


@pytest.mark.parametrize("text", [
    # no cue: the sentence names no country of a listed Mulroney
    "Mulroney said the tariff would be answered.",
    # another first name in the article: that person, not the listed one
    "Mary Mulroney opened a shop in Toronto. Mulroney said Canada would buy more wheat.",
    # part of a longer name
    "Shares of Mulroney Holdings rose as Canada cut rates.",
    "Anne Smith-Mulroney said Canada would buy more wheat.",
    # no letter case to go by
    "mulroney said canada would buy more wheat.",
])
def test_surname_without_cue_or_inside_another_name_is_nobody(mentions: Run, text: str) -> None:
    assert _is_brian(mentions(CUED, "en", published=DAY_1987))  # the same surname with a cue
    assert not _is_brian(mentions(text, "en", published=DAY_1987))


def test_surname_rows_skip_first_names_other_words_and_groups() -> None:
    rows = [
        ("Brian Testperson", "CANGOV", "Brian Testperson", "person", 0, 0, 1, "x:1", "CAN",
         ("GOV",)),
        ("Testperson Jones", "GBRGOV", "Testperson Jones", "person", 0, 0, 1, "x:2", "GBR",
         ("GOV",)),
        ("Sons Of Thunderland", "USAREB", "Sons Of Thunderland", "person", 0, 0, 1, "x:3",
         "USA", ("REB",)),
        ("Anna Canada", "CANELI", "Anna Canada", "person", 0, 0, 1, "x:4", "CAN", ("ELI",)),
        ("Canada", "CAN", "Canada", "country", 0, 0, 1, "x:5", "CAN", ()),
    ]
    found = {r[0] for r in surname_rows(rows, [], [])}
    # "Testperson" is also a first name; "Thunderland" names a group; "Canada" is
    # another dictionary word: only "Jones" is left
    assert found == {"Jones"}
    assert all(r[3] == SURNAME_KIND for r in surname_rows(rows, [], []))


def test_english_surnames_are_loaded_and_indonesian_ones_not() -> None:
    assert any(a.kind == SURNAME_KIND and a.pattern == "Mulroney"
               for a in load_language("en").actors)
    assert not any(a.kind == SURNAME_KIND for a in load_language("id").actors)


@pytest.mark.parametrize(("text", "span", "country"), [
    ("The Bundesbank raised its discount rate.", "Bundesbank", "DEU"),
    ("The Fed cut its discount rate.", "Fed", "USA"),
    ("The Bank of Japan bought dollars.", "Bank of Japan", "JPN"),
    ("MITI asked carmakers to limit exports.", "MITI", "JPN"),
    ("The USDA accepted the bonus offers.", "USDA", "USA"),
    ("The Office of Fair Trading opened an inquiry.", "Office of Fair Trading", "GBR"),
])
def test_national_institutions_take_their_country(mentions: Run, text: str, span: str,
                                                   country: str) -> None:
    assert find(mentions(text, "en", published=DAY_1987), span).country == country


@pytest.mark.parametrize(("text", "span"), [
    ("The ADB approved a loan to Nepal.", "ADB"),
    ("The Asian Development Bank approved a loan to Nepal.", "Asian Development Bank"),
    ("GATT members met in Geneva.", "GATT"),
    ("The Paris Club agreed to reschedule the debt.", "Paris Club"),
    ("The OECD cut its growth forecast.", "OECD"),
])
def test_international_bodies_are_igo_without_a_region(mentions: Run, text: str,
                                                       span: str) -> None:
    assert actor_key(find(mentions(text, "en", published=DAY_1987), span)) == "IGO"


def test_a_role_whose_head_takes_a_name_captures_the_holder(mentions: Run) -> None:
    ms = mentions("American Agriculture Secretary Richard Lyng said he would visit Tokyo.", "en",
                  published=DAY_1987)
    lyng = find(ms, "Richard Lyng")
    assert (lyng.kind, lyng.code) == ("person", "USAGOV")


def test_trade_representative_takes_a_name(mentions: Run) -> None:
    ms = mentions("The American Trade Representative Clayton Yeutter urged Japan to act.",
                  "en", published=DAY_1987)
    assert find(ms, "Clayton Yeutter").code == "USAGOV"


@pytest.mark.parametrize("text", [
    "Shareholders at the annual general meeting of the Dutch firm rejected the bid.",
    "The party will fight the next general election in Britain.",
])
def test_general_in_common_phrases_is_no_military_rank(mentions: Run, text: str) -> None:
    ms = mentions(text, "en", published=DAY_1987)
    assert not any("MIL" in m.roles for m in ms)


def test_first_names_before_a_known_surname_belong_to_the_mention(mentions: Run) -> None:
    ms = mentions("Soviet President Mikhael Gorbachev met the delegation.", "en",
                  published=datetime(1990, 6, 1))
    m = find(ms, "Mikhael Gorbachev")
    assert (m.name, m.country) == ("Mikhail Gorbachev", "RUS")


def test_a_lower_case_portfolio_stands_between_a_role_and_its_holder(mentions: Run) -> None:
    ms = mentions("South Africa's director-general of finance Chris Stals said he was hopeful.",
                  "en", published=DAY_1987)
    assert find(ms, "Chris Stals").code == "ZAFGOV"


def test_titled_forms_of_a_1980s_president_hold_the_office(mentions: Run) -> None:
    ms = mentions("Senators urged President Reagan to act.", "en", published=DAY_1987)
    assert find(ms, "President Reagan").code == "USAGOV"
