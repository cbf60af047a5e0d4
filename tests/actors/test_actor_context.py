"""Demonyms, "role of COUNTRY", countries from context, organisation roles,
distinct agent keys and CAMEO-valid country codes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from actor_helpers import article, find
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.actors.dictionary import code_fixes, load_language
from warta.actors.stage import ActorStage
from warta.model import Mention

Run = Callable[..., tuple[Mention, ...]]


@pytest.mark.parametrize(("text", "lang", "span", "code"), [
    ("Iraqis protested in the streets.", "en", "Iraqis", "IRQCVL"),
    ("Palestinians marched on Friday.", "en", "Palestinians", "PSECVL"),
    ("Serbs voted on Sunday.", "en", "Serbs", "SRBCVL"),
    ("Filipinos queued for hours.", "en", "Filipinos", "PHLCVL"),
    ("Serb forces attacked the town.", "en", "Serb forces", "SRBMIL"),
    ("Israeli troops raided a camp.", "en", "Israeli troops", "ISRMIL"),
    ("Russian officials denied the report.", "en", "Russian officials", "RUSGOV"),
    ("The Iraqi people voted.", "en", "Iraqi people", "IRQCVL"),
    ("Orang Palestina berunjuk rasa.", "id", "Orang Palestina", "PSECVL"),
    ("Warga Israel ditahan.", "id", "Warga Israel", "ISRCVL"),
    ("Pasukan Rusia menyerang kota itu.", "id", "Pasukan Rusia", "RUSMIL"),
    ("Bangsa Indonesia berduka.", "id", "Bangsa Indonesia", "IDNCVL"),
])
def test_demonyms_and_group_nouns_take_country_and_role(mentions: Run, text: str, lang: str,
                                                        span: str, code: str) -> None:
    assert find(mentions(text, lang), span).code == code


@pytest.mark.parametrize(("text", "lang", "word"), [
    ("Dua orang tewas dalam kecelakaan itu.", "id", "orang"),
    ("Market forces drove prices up.", "en", "forces"),
])
def test_people_words_need_a_country(mentions: Run, text: str, lang: str, word: str) -> None:
    assert all(word not in m.text for m in mentions(text, lang))


def test_party_after_people_word_stays_the_party(mentions: Run) -> None:
    assert find(mentions("Saya kan orang PKB, malu kalau pindah."), "PKB").kind == "organisation"


def test_ethnic_group_takes_the_country_it_lives_in(mentions: Run) -> None:
    ms = mentions("Serb forces killed three ethnic Albanians in Serbia.", "en")
    assert find(ms, "Albanians").code == "SRBCVL"
    assert find(ms, "Serb forces").code == "SRBMIL"


@pytest.mark.parametrize(("text", "span", "code"), [
    ("The president of Armenia met Putin.", "The president of Armenia", "ARMGOV"),
    ("Officials of Russia denied it.", "Officials of Russia", "RUSGOV"),
])
def test_role_of_country_takes_that_country(mentions: Run, text: str, span: str,
                                            code: str) -> None:
    assert find(mentions(text, "en"), span).code == code


@pytest.mark.parametrize(("text", "lang", "span", "code"), [
    ("Rebels in Chad attacked the town.", "en", "Rebels", "TCDREB"),  # linked after
    ("Serbia lodged a protest, an official said.", "en", "official", "SRBGOV"),  # before
    ("Rebels in Chad attacked police.", "en", "police", "TCDCOP"),
    # "for" names whom the role speaks for; it beats the country before it
    ("Talks resumed in Peru, officials for the Dutch salvage firm said.", "en", "officials",
     "NLDGOV"),
    ("Pasukan dari Rusia tiba, lalu polisi berjaga.", "id", "polisi", "RUSCOP"),
    ("Polisi menangkap dua orang.", "id", "Polisi", "IDNCOP"),  # home country
])
def test_country_from_context(mentions: Run, text: str, lang: str, span: str,
                              code: str) -> None:
    m = find(mentions(text, lang), span)
    assert (m.code, m.method) == (code, "role+context")
    assert m.confidence <= 0.6


def test_armed_groups_get_no_home_country(mentions: Run) -> None:
    assert find(mentions("Rebels attacked the town.", "en"), "Rebels").code == "REB"


@pytest.mark.parametrize(("text", "span", "code", "role"), [
    ("Red Cross officials visited the camp.", "officials", "NGOHLHIRC", "GOV"),
    ("UN peacekeepers were deployed.", "peacekeepers", "IGOUNO", "MIL"),
])
def test_organisation_role_is_the_organisations(mentions: Run, text: str, span: str,
                                                code: str, role: str) -> None:
    m = find(mentions(text, "en"), span)
    assert m.code == code and role in m.roles and m.method == "role+context"


def test_pejabat_kemlu_is_the_ministry(mentions: Run) -> None:
    assert find(mentions("Pejabat Kemlu menyatakan hal itu."), "Pejabat Kemlu").code == "IDNGOV"


def test_different_agents_of_one_country_are_different_entities(mentions: Run) -> None:
    ms = mentions("KPK menetapkan Bupati Karanganyar sebagai tersangka.")
    kpk, bupati = find(ms, "KPK"), find(ms, "Bupati")
    assert kpk.code == bupati.code == "IDNGOV"
    assert kpk.entity != bupati.entity


def test_same_agent_word_is_one_entity(mentions: Run) -> None:
    ms = [m for m in mentions("Polisi datang. Kemudian polisi pergi.") if m.code == "IDNCOP"]
    assert len(ms) == 2 and ms[0].entity == ms[1].entity


def test_every_plural_demonym_composes(stage: ActorStage) -> None:
    """Every country's people ("Iraqis", "Serbs") is that country's civilians."""
    people = [a for a in load_language("en").agents if a.country and a.roles == ("CVL",)]
    assert len(people) > 200
    wrong = []
    for a in people:
        ms = stage(article(f"Yesterday {a.pattern} protested.", "en")).mentions
        if not any(m.text == a.pattern and m.code == a.country + "CVL" for m in ms):
            wrong.append(a.pattern)
    assert wrong == []


def test_every_english_adjective_composes_with_a_role(stage: ActorStage) -> None:
    adjectives = sorted({(e.pattern, e.country) for e in load_language("en").actors
                         if e.kind == "country" and e.country
                         and re.fullmatch(r"[A-Z][a-z]+(?:an|i|ese|ish)", e.pattern)})
    assert len(adjectives) > 200
    wrong = []
    for adj, country in adjectives:
        ms = stage(article(f"Yesterday {adj} officials said no.", "en")).mentions
        if not any(m.code.startswith(country) and m.code.endswith("GOV") for m in ms):
            wrong.append(adj)
    assert wrong == []


@pytest.mark.parametrize(("role", "code"), [("pejabat", "GOV"), ("pasukan", "MIL"),
                                            ("warga", "CVL"), ("orang", "CVL")])
def test_every_indonesian_country_name_composes(stage: ActorStage, role: str,
                                                 code: str) -> None:
    names = [e for e in load_language("id").actors
             if e.kind == "country" and "packs/id/actors_countries" in e.source.replace("\\", "/")]
    assert len(names) > 200
    wrong = []
    for e in names:
        ms = stage(article(f"Kemarin {role} {e.pattern} menolak.", "id")).mentions
        if not any(m.code == e.country + code for m in ms):
            wrong.append(e.pattern)
    assert wrong == []


@pytest.mark.parametrize(("code", "fixed"), [
    ("ANGREB", "AGOREB"), ("ROU", "ROM"), ("MNE", "MTN"), ("SUN", "RUS"),
    ("FRNWLF", "WLF"), ("RUSGOV", "RUSGOV"), ("TWN", "TWN"), ("KNT", None),
])
def test_code_fixes(code: str, fixed: str | None) -> None:
    assert code_fixes().apply(code) == fixed


def test_angola_is_ago(mentions: Run) -> None:
    ms = mentions("Unita and Angola signed a deal.", "en")
    assert {m.country for m in ms} == {"AGO"}


def _cameo_codes(shared: Path) -> set[str]:
    lines = (shared / "reference/cameo/CAMEO.country.txt").read_text("utf-8").splitlines()
    return {ln.split("\t")[0] for ln in lines if re.match(r"[A-Z]{3}\t", ln)}


def test_every_country_code_is_cameo(shared: Path) -> None:
    """Every country block the packs can emit is a CAMEO country/region code,
    or one of the few newer states kept on purpose (Taiwan, South Sudan, Kosovo)."""
    valid = _cameo_codes(shared) | code_fixes().keep
    bad = set()
    for lang in ("en", "id"):
        data = load_language(lang)
        bad |= {(e.country, e.pattern) for e in data.actors if e.country and e.country not in valid}
        bad |= {(a.country, a.pattern) for a in data.agents if a.country and a.country not in valid}
    assert sorted(bad)[:20] == []


TEMPLATES = ["{a} {r} menolak.", "{r} {a} tiba di {a}.", "Kemarin {r} dari {a} datang."]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TEMPLATES),
       st.sampled_from(["Rusia", "Israel", "Palestina", "Tiongkok", "Angola"]),
       st.sampled_from(["pasukan", "orang", "pejabat", "polisi", "warga"]))
def test_spans_slice_back(stage: ActorStage, template: str, a: str, r: str) -> None:
    art = article(template.format(a=a, r=r))
    for m in stage(art).mentions:
        assert art.text[m.start:m.end] == m.text
