"""Firms found by their legal form, brackets or ticker tag (actors/companies.py),
their countries, and the commercial-deal patterns (packs/en/patterns_commerce.tsv).
All sentences are invented."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from actor_helpers import find

from warta.actors.companies import Company, CompanyFinder, Cue, load_tables
from warta.events.evaluate import actor_key
from warta.model import Mention
from warta.pipeline import Pipeline

Run = Callable[..., tuple[Mention, ...]]


def _firms(text: str, cues: tuple[Cue, ...] = (), default: str = "") -> list[Company]:
    return CompanyFinder(default).find(text, 0, len(text), cues)[0]


def test_name_ending_in_a_legal_form_is_a_business(mentions: Run) -> None:
    m = find(mentions("Brightwater Holdings Ltd said its profit rose", "en"),
             "Brightwater Holdings Ltd")
    assert (m.code, m.country, m.kind, m.method) == ("BUS", "", "organisation", "company")


def test_place_after_the_name_gives_the_country_and_is_no_actor(mentions: Run) -> None:
    ms = mentions("Acme Widgets Inc agreed to acquire Zenith Holdings Ltd of London", "en")
    assert find(ms, "Zenith Holdings Ltd").code == "GBRBUS"
    assert not [m for m in ms if m.text == "London"]


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Japan's Mitsuko Trading Co raised its dividend", "Mitsuko Trading Co", "JPNBUS"),
    ("Tokyo-based Hoshi Denki Co cut prices", "Hoshi Denki Co", "JPNBUS"),
    ("Belgian group Vandamme Holding SA cut prices", "Vandamme Holding SA", "BELBUS"),
    ("Sweden's biggest truck maker, Norrland Trucks Inc, cut prices",
     "Norrland Trucks Inc", "SWEBUS"),
])
def test_place_before_the_name_gives_the_country(mentions: Run, text: str, name: str,
                                                 code: str) -> None:
    assert find(mentions(text, "en"), name).code == code


def test_a_clause_between_country_and_firm_gives_no_country(mentions: Run) -> None:
    ms = mentions("Japan agreed to buy Brightwater Holdings Ltd", "en")
    assert find(ms, "Brightwater Holdings Ltd").code == "BUS"


def test_legal_form_of_one_country(mentions: Run) -> None:
    ms = mentions("Fabbri Tessili SpA and Kumo Denki KK signed a supply contract", "en")
    assert (find(ms, "Fabbri Tessili SpA").code, find(ms, "Kumo Denki KK").code) == \
        ("ITABUS", "JPNBUS")


def test_sa_is_a_legal_form_not_south_africa(mentions: Run) -> None:
    ms = mentions("Vandamme Freres SA cut prices", "en")
    assert find(ms, "Vandamme Freres SA").code == "BUS"


def test_title_word_inside_a_firm_is_no_officer(mentions: Run) -> None:
    ms = mentions("General Rotors Corp said it would cut production", "en")
    assert [m.code for m in ms] == ["USABUS"]


def test_bracketed_name_without_legal_form_and_with_place_inside(mentions: Run) -> None:
    ms = mentions("<Zorba Industrie> bought <Acme Widgets of Canada>", "en")
    assert find(ms, "<Zorba Industrie>").code == "BUS"
    assert find(ms, "<Acme Widgets of Canada>").code == "CANBUS"


def test_ticker_tag_is_part_of_the_mention_and_gives_the_exchange_country() -> None:
    [firm] = _firms("Kumo Denki Co Ltd <KUMO.T> raised prices")
    assert (firm.name, firm.country, firm.source) == ("Kumo Denki Co Ltd", "JPN", "exchange")
    assert firm.outer == (0, len("Kumo Denki Co Ltd <KUMO.T>"))


def test_words_before_a_ticker_tag_are_a_firm() -> None:
    [firm] = _firms("Orlane-Dumas <ORDU.PA> raised prices")
    assert (firm.name, firm.country) == ("Orlane-Dumas", "FRA")


def test_owner_title_before_of_is_no_part_of_the_name() -> None:
    [firm] = _firms("Chairman Tom Reed of Brightwater Holdings Inc said")
    assert firm.name == "Brightwater Holdings Inc"


def test_shared_forms_take_a_country_only_from_the_default() -> None:
    text = "Harbor Foods Inc raised prices"
    assert _firms(text)[0].country == ""
    firm = _firms(text, default="USA")[0]
    assert (firm.country, firm.source) == ("USA", "default")
    assert _firms("Harbor Foods Ltd raised prices", default="USA")[0].country == ""


def test_tables_only_name_countries_for_single_country_forms() -> None:
    tables = load_tables()
    assert tables.forms["KGaA"] == "DEU" and tables.forms["SpA"] == "ITA"
    assert all(tables.forms[f] == "" for f in ("Inc", "Corp", "Co", "Ltd", "SA", "AG", "GmbH"))
    assert tables.exchanges["T"] == "JPN" and "S" not in tables.exchanges


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    from warta.process import build_pipeline
    return build_pipeline(stages=("language", "segment", "actors", "quotes", "events"))


def _triples(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    from warta.events.evaluate import _article
    art = pipeline(_article({"text": text, "language": "en", "published": "1987-04-01"}, 1, "t"))
    return {(actor_key(e.source), actor_key(e.target), e.code) for e in art.events}


@pytest.mark.parametrize(("text", "code"), [
    ("Acme Widgets Inc said it acquired Zenith Holdings Ltd of London.", "061"),
    ("Acme Widgets Inc said it bought a 15 pct stake in Zenith Holdings Ltd of London.", "061"),
    ("Acme Widgets Inc said it won a contract from Zenith Holdings Ltd of London.", "061"),
    ("Acme Widgets Inc said it licensed its technology to Zenith Holdings Ltd of London.",
     "061"),
    ("Acme Widgets Inc said it made a bid for Zenith Holdings Ltd of London.", "0311"),
    ("Acme Widgets Inc said it agreed in principle to buy Zenith Holdings Ltd of London.",
     "0311"),
    ("Acme Widgets Inc said it is seeking to acquire Zenith Holdings Ltd of London.", "0311"),
])
def test_commercial_deals(pipeline: Pipeline, text: str, code: str) -> None:
    assert ("USA", "GBR", code) in _triples(pipeline, text)


def test_company_default_country_is_a_setting() -> None:
    from warta.actors.stage import _company_default
    from warta.errors import ConfigError
    from warta.settings import Settings

    assert _company_default(Settings()) == "USA"
    assert _company_default(Settings({"actors": {"company_default_country": ""}})) == ""
    with pytest.raises(ConfigError, match="company_default_country"):
        _company_default(Settings({"actors": {"company_default_country": "usa"}}))


@pytest.mark.parametrize("text", [
    "Acme Widgets Corp. agreed to buy Zenith Holdings Ltd of London.",
    "Kumo Denki Co Ltd <KUMO.T> agreed to buy Zenith Holdings Ltd of London.",
])
def test_punctuation_inside_a_firm_name_ends_no_clause(pipeline: Pipeline, text: str) -> None:
    source = "JPN" if "<" in text else "USA"
    assert (source, "GBR", "061") in _triples(pipeline, text)


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Brightwater Mining Ltd, a Canadian gold producer, said it cut output.",
     "Brightwater Mining Ltd", "CANBUS"),
    ("Hoshi Denki Inc, a Tokyo-based maker of chips, said it cut prices.",
     "Hoshi Denki Inc", "JPNBUS"),
])
def test_apposition_after_the_name_gives_the_country(mentions: Run, text: str, name: str,
                                                     code: str) -> None:
    ms = mentions(text, "en")
    assert find(ms, name).code == code
    assert not [m for m in ms if m.text in ("Canadian", "Tokyo")]
    # only a description of a firm places it
    ms = mentions("Brightwater Mining Ltd, a Canadian, said it cut output.", "en")
    assert find(ms, "Brightwater Mining Ltd").code == "BUS"


@pytest.mark.parametrize("text", [
    "Vandamme Holding Plc said its subsidiary Kestrel Lines SA agreed to buy a ship.",
    "Vandamme Holding Plc's Kestrel Lines SA unit agreed to buy a ship.",
])
def test_a_firm_nothing_places_takes_its_owners_country(mentions: Run, text: str) -> None:
    assert find(mentions(text, "en"), "Kestrel Lines SA").code == "GBRBUS"
    # a firm placed by its own cue keeps it
    ms = mentions(text.replace("Lines SA", "Lines SpA"), "en")
    assert find(ms, "Kestrel Lines SpA").code == "ITABUS"


def test_an_unknown_word_class_names_the_file_and_line(tmp_path) -> None:
    import shutil

    from warta.actors.companies import WORDS_FILE
    from warta.errors import DataFileError
    from warta.packs import DATA_ROOT

    for name in ("company_legal_forms.tsv", "company_exchanges.tsv", WORDS_FILE):
        shutil.copy(DATA_ROOT / name, tmp_path / name)
    with (tmp_path / WORDS_FILE).open("a", encoding="utf-8") as fh:
        fh.write("Holdings\tnoun_of_firms\n")
    with pytest.raises(DataFileError, match=WORDS_FILE):
        load_tables.__wrapped__(tmp_path)
