"""The event coder, specified by example: who did what to whom, in which voice and mood."""

from __future__ import annotations

import pytest

from warta.events.stage import EventStage
from warta.model import Quote
from warta.settings import Settings


def triples(article) -> set[tuple[str, str, str]]:
    return {(e.source.code if e.source else "", e.target.code if e.target else "", e.code)
            for e in article.events}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # voice: active, passive with and without an agent marker
    ("id", "Rusia menyerang Ukraina.", {("RUS", "UKR", "190")}),
    ("id", "Ukraina diserang oleh Rusia.", {("RUS", "UKR", "190")}),
    ("id", "Ukraina diserang Rusia pada hari Senin.", {("RUS", "UKR", "190")}),
    ("en", "Russia attacked Ukraine on Monday.", {("RUS", "UKR", "190")}),
    ("en", "Ukraine was attacked by Russia on Monday.", {("RUS", "UKR", "190")}),
    # visits, meetings and nominalisations
    ("id", "Putin mengunjungi Beijing.", {("RUSGOV", "CHN", "042")}),
    ("id", "Putin melakukan kunjungan ke China.", {("RUSGOV", "CHN", "042")}),
    ("id", "Lavrov tiba di ibu kota China untuk kunjungan resmi.", {("RUSGOV", "CHN", "042")}),
    ("id", "Wang Yi mengadakan pertemuan dengan timpalannya dari Rusia.",
     {("CHNGOV", "RUS", "040")}),
    ("en", "China held talks with Russia.", {("CHN", "RUS", "046")}),
    ("en", "Japan imposed sanctions against Russia.", {("JPN", "RUS", "163")}),
    ("id", "Jepang menjatuhkan sanksi terhadap Rusia.", {("JPN", "RUS", "163")}),
    ("id", "Sanksi Barat terhadap Rusia diperketat.", {("WST", "RUS", "163")}),
    # coordination: both directions when the verb has no separate target
    ("id", "Rusia dan China mendeklarasikan kemitraan tanpa batas.",
     {("RUS", "CHN", "030"), ("CHN", "RUS", "030")}),
    ("id", "China dan Rusia memperkuat kerja sama ekonomi.",
     {("CHN", "RUS", "050"), ("RUS", "CHN", "050")}),
    # morphology: -kan/-i, clitics
    ("id", "Rusia meluncurkan kampanyenya di Ukraina.", {("RUS", "UKR", "190")}),
    ("id", "Indonesia mengecam Israel.", {("IDN", "ISR", "111")}),
    ("id", "Polisi menangkap mahasiswa.", {("IDNCOP", "IDNEDU", "173")}),
    # hosting; and a second reading when the first codes nothing ("bertolak" is not "tolak")
    ("id", "Prabowo menerima delegasi Jepang di Jakarta.", {("IDNGOV", "JPN", "043")}),
    ("id", "Prabowo bertolak ke China.", {("IDNGOV", "CHN", "042")}),
    ("id", "Iran menyerukan Israel menghentikan serangan.", {("IRN", "ISR", "020")}),
])
def test_roles_and_codes(make_article, stage, lang, text, expected):
    actors = None
    if text.startswith("Polisi"):
        actors = {"Polisi": "IDNCOP", "mahasiswa": "IDNEDU"}
    assert triples(stage(make_article(text, lang, actors))) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # intentions and promises take CAMEO's 03x intent codes
    ("id", "China akan mengunjungi Rusia.", {("CHN", "RUS", "036")}),
    ("id", "Wang berjanji China akan mendukung Rusia.", {("CHN", "RUS", "032")}),
    ("en", "Russia will visit China next week.", {("RUS", "CHN", "036")}),
    ("en", "Russia pledged to send aid to Ukraine.", {("RUS", "UKR", "033")}),
    # threats and refusals shift the governed event
    ("id", "Iran mengancam akan menyerang Israel.", {("IRN", "ISR", "1384")}),
    ("id", "Rusia menolak untuk bertemu dengan Ukraina.", {("RUS", "UKR", "125")}),
])
def test_modal_code_shifts(make_article, stage, lang, text, expected):
    article = stage(make_article(text, lang))
    assert triples(article) == expected
    assert all(e.modality for e in article.events)


@pytest.mark.parametrize(("lang", "text"), [
    ("id", "China tidak akan pernah menyerang Taiwan."),
    ("id", "Rusia belum mengunjungi Ukraina."),
    ("en", "Russia did not attack Ukraine."),
    ("en", "Russia never attacked Ukraine."),
])
def test_negated_events_are_dropped_by_default(make_article, stage, lang, text):
    assert stage(make_article(text, lang)).events == ()


def test_negated_events_can_be_kept_flagged(make_article):
    keep = EventStage(Settings({"events": {"keep_negated": True}}))
    events = keep(make_article("China tidak akan pernah menyerang Taiwan.")).events
    assert len(events) == 1
    assert events[0].negated and "negated" in events[0].modality


@pytest.mark.parametrize(("lang", "text", "flag"), [
    ("id", "Apakah Rusia akan menyerang Ukraina?", "question"),
    ("id", "Jika Rusia menyerang Ukraina, Barat akan bereaksi.", "hypothetical"),
    ("en", "If Russia attacks Ukraine, the United States will impose sanctions on Russia.",
     "hypothetical"),
])
def test_questions_and_hypotheticals_are_flagged(make_article, stage, lang, text, flag):
    events = stage(make_article(text, lang)).events
    assert events and all(flag in e.modality for e in events)
    assert all(e.confidence < 0.7 for e in events)


def test_an_english_condition_clause_is_no_event(make_article, stage):
    # the attack is only a condition: CAMEO codes the main clause alone
    text = "If Russia attacks Ukraine, the United States will impose sanctions on Russia."
    assert {(e.source.code, e.target.code if e.target else "")
            for e in stage(make_article(text, "en")).events} == {("USA", "RUS")}
    text = "Russia threatened to attack Ukraine if Japan attacked China."
    assert {(e.source.code, e.target.code, e.root)
            for e in stage(make_article(text, "en")).events} == {("RUS", "UKR", "13")}


def test_quote_speaker_is_source_of_verbal_event(make_article, stage):
    text = "“Saya berterima kasih kepada pihak Tiongkok atas dukungannya,” kata Lavrov."
    article = stage(make_article(text))
    assert triples(article) == {("RUSGOV", "CHN", "051")}
    assert "quoted" in article.events[0].modality


def test_quote_stage_speaker_is_used(make_article, stage):
    text = "Menurut dia, “kami berterima kasih kepada China.” Demikian disampaikan."
    article = make_article(text)
    speaker = next(m for m in make_article("Lavrov").mentions)
    start = text.index("kami")
    end = text.index(".”") + 1
    quote = Quote(start, end, text[start:end], speaker, "direct", "", 0)
    article = stage(article.__class__(**{**article.__dict__, "quotes": (quote,)}))
    assert triples(article) == {("RUSGOV", "CHN", "051")}


def test_material_event_in_quote_does_not_take_the_speaker(make_article, stage):
    text = "“Serangan itu karena menyerang Ukraina,” kata Lavrov."
    assert stage(make_article(text)).events == ()


def test_event_fields_are_filled_from_the_codebook(make_article, stage):
    article = stage(make_article("Rusia menyerang Ukraina.\nRusia mengunjungi China.\n"
                                 "Rusia mengecam Ukraina.", title=True))
    first, second, third = article.events
    assert (first.code, first.base, first.root, first.quad_class) == ("190", "190", "19", 4)
    assert first.goldstein == -10.0 and first.plover == "ASSAULT"
    assert first.pattern.startswith("id:serang:190:")
    assert first.is_root_event and second.is_root_event and not third.is_root_event
    assert first.date is None and first.date_precision == "publication" and first.place is None
    assert article.text[first.evidence_start:first.evidence_end] == "Rusia menyerang Ukraina"


def test_sentence_without_actors_has_no_events(make_article, stage):
    assert stage(make_article("Pasukan menyerang kota itu.")).events == ()


def test_stage_declares_its_contract():
    assert EventStage.name == "events"
    assert EventStage.requires == ("sentences", "mentions")
    assert EventStage.assigns == ("events",)


@pytest.mark.parametrize(("lang", "text", "actors", "code"), [
    # CAMEO 18 (unconventional violence) vs 19 (armed forces) follows the attacker
    ("id", "Pemberontak menyerang Damaskus.", {"Pemberontak": "SYRREB", "Damaskus": "SYR"},
     "180"),
    ("id", "Tentara menyerang Damaskus.", {"Tentara": "ISRMIL", "Damaskus": "SYR"}, "190"),
    ("en", "Israeli troops killed three Palestinians.",
     {"Israeli troops": "ISRMIL", "Palestinians": "PSE"}, "190"),
    ("en", "Gunmen killed three Palestinians.", {"Gunmen": "UAF", "Palestinians": "PSE"},
     "1823"),
])
def test_violence_code_follows_the_attacker(make_article, stage, lang, text, actors, code):
    assert [e.code for e in stage(make_article(text, lang, actors)).events] == [code]


@pytest.mark.parametrize(("text", "actors"), [
    # a capitalised bare root inside running text is a name, not a verb
    ("Menteri dari Indonesia meninjau pabrik di Kabupaten Serang kemarin.", None),
    # "memperingati" (commemorate) is not "memperingatkan" (warn)
    ("Rakyat Indonesia memperingati ulang tahun Presiden Prabowo hari ini.",
     {"Rakyat Indonesia": "IDNCVL", "Presiden Prabowo": "IDNGOV"}),
    # an actor nobody could code makes no event
    ("Andi mengimbau Indonesia agar waspada.", {"Andi": "", "Indonesia": "IDN"}),
    # a noun after a determiner is not the verb: "the attack" has no agent here
    ("The attack on Israel shocked Japan.", None),
])
def test_things_that_are_not_events(make_article, stage, text, actors):
    lang = "en" if text.startswith("The") else "id"
    assert stage(make_article(text, lang, actors)).events == ()
