"""The actor stage, as a specification: sentence in, mention and code out."""

from __future__ import annotations

from datetime import datetime

import pytest
from actor_helpers import article, find

from warta.actors.stage import ActorStage
from warta.pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "lang", "mention", "code", "kind"),
    [
        # countries, exonyms, nicknames, metonyms
        ("Tiongkok dan Rusia sepakat.", "id", "Tiongkok", "CHN", "country"),
        ("Negeri Tirai Bambu itu menolak.", "id", "Negeri Tirai Bambu", "CHN", "country"),
        ("RRT menolak tuduhan itu.", "id", "RRT", "CHN", "country"),
        ("Pejabat di Moskow menolak.", "id", "Moskow", "RUS", "place"),
        ("Beijing menyambut baik usulan itu.", "id", "Beijing", "CHN", "place"),
        ("Kremlin membantah laporan itu.", "id", "Kremlin", "RUSGOV", "organisation"),
        ("Gedung Putih belum berkomentar.", "id", "Gedung Putih", "USAGOV", "organisation"),
        ("AS menjatuhkan sanksi baru.", "id", "AS", "USA", "country"),
        ("Amerika Serikat menjatuhkan sanksi baru.", "id", "Amerika Serikat", "USA", "country"),
        ("Inggris memanggil duta besarnya.", "id", "Inggris", "GBR", "country"),
        ("Korea Utara menembakkan rudal.", "id", "Korea Utara", "PRK", "country"),
        ("Ukraina meminta bantuan.", "id", "Ukraina", "UKR", "country"),
        ("Sanksi Barat tidak berhasil.", "id", "Barat", "WST", "country"),
        ("The West imposed sanctions.", "en", "The West", "WST", "country"),
        ("Sanctions by the West failed.", "en", "the West", "WST", "country"),
        ("Russia rejected the proposal.", "en", "Russia", "RUS", "country"),
        # organisations
        ("PBB menyerukan gencatan senjata.", "id", "PBB", "IGOUNO", "organisation"),
        ("ASEAN menggelar pertemuan.", "id", "ASEAN", "IGOSEAASN", "organisation"),
        ("Uni Eropa mengecam serangan itu.", "id", "Uni Eropa", "IGOEUREEC", "organisation"),
        ("NATO expanded again.", "en", "NATO", "IGOWSTNAT", "organisation"),
        ("The IMF cut its forecast.", "en", "IMF", "IGOBUSIMF", "organisation"),
        ("menurut RIA Novosti.", "id", "RIA Novosti", "RUSMED", "organisation"),
        # roles composed with a country
        ("Menteri Luar Negeri Rusia tiba.", "id", "Menteri Luar Negeri Rusia", "RUSGOV", "agent"),
        ("Serangan militer Israel berlanjut.", "id", "militer Israel", "ISRMIL", "agent"),
        ("Diplomat utama China berbicara.", "id", "Diplomat utama China", "CHNGOV", "agent"),
        ("juru bicara Kemlu menjelaskan.", "id", "juru bicara Kemlu", "IDNGOV", "agent"),
        ("a senior Iranian official said.", "en", "Iranian official", "IRNGOV", "agent"),
        ("Russia's Foreign Minister arrived.", "en", "Russia's Foreign Minister", "RUSGOV",
         "agent"),
        ("pihak Tiongkok menyampaikan belasungkawa.", "id", "pihak Tiongkok", "CHN", "country"),
        # Indonesian government bodies get IDN and a government role
        ("polisi menangkap dua orang.", "id", "polisi", "IDNCOP", "agent"),
        ("DPR mengesahkan undang-undang itu.", "id", "DPR", "IDNLEG", "agent"),
        ("KPK menahan tersangka.", "id", "KPK", "IDNGOV", "agent"),
        ("TNI mengerahkan pasukan.", "id", "TNI", "IDNMIL", "agent"),
        ("Kejaksaan Agung memeriksa saksi.", "id", "Kejaksaan Agung", "IDNJUD", "agent"),
        ("Mahkamah Konstitusi menolak gugatan.", "id", "Mahkamah Konstitusi", "IDNJUD", "agent"),
        ("Kemenkeu menerbitkan aturan.", "id", "Kemenkeu", "IDNGOV", "agent"),
        ("Polda Metro Jaya menyelidiki kasus itu.", "id", "Polda Metro Jaya", "IDNCOP", "agent"),
        ("Gubernur Jawa Barat meresmikan jembatan.", "id", "Gubernur Jawa Barat", "IDNGOV",
         "agent"),
        # people
        ("Wang Yi bertemu Sergei Lavrov.", "id", "Wang Yi", "CHNGOV", "person"),
        ("Wang Yi bertemu Sergei Lavrov.", "id", "Sergei Lavrov", "RUSGOV", "person"),
        ("Presiden Putin berpidato.", "id", "Putin", "RUSGOV", "person"),
        ("Presiden China Xi Jinping hadir.", "id", "Xi Jinping", "CHNGOV", "person"),
    ],
)
def test_mention_code(mentions, text, lang, mention, code, kind):
    m = find(mentions(text, lang), mention)
    assert (m.code, m.kind) == (code, kind)


@pytest.mark.parametrize(
    ("published", "code"),
    [
        (datetime(2014, 5, 1), "IDNOPP"),  # opposition leader
        (datetime(2019, 10, 22), "IDNOPP"),
        (datetime(2019, 10, 23), "IDNGOV"),  # defence minister
        (datetime(2024, 10, 21), "IDNGOV"),  # president
    ],
)
def test_dated_roles_follow_the_article_date(mentions, published, code):
    m = find(mentions("Prabowo Subianto berpidato.", published=published), "Prabowo Subianto")
    assert m.code == code


def test_out_of_office_keeps_country_only(mentions):
    m = find(mentions("Antony Blinken spoke.", "en", published=datetime(2026, 3, 1)),
             "Antony Blinken")
    assert (m.code, m.country, m.roles) == ("USA", "USA", ())


@pytest.mark.parametrize(
    "text",
    ["Banjir melanda Jawa Barat.", "Gempa di Nusa Tenggara Barat.",
     "Angin dari arah Barat Daya.", "Warga Kalimantan Barat mengungsi."],
)
def test_barat_in_place_names_is_not_the_west(mentions, text):
    assert all(m.code != "WST" for m in mentions(text))


def test_unknown_person_gets_code_from_role_and_is_remembered(mentions):
    ms = mentions("Presiden Afrika Selatan Thabo Nkosana tiba. Nkosana lalu berpidato.")
    first = find(ms, "Thabo Nkosana")
    later = find(ms, "Nkosana")
    assert (first.code, first.kind, first.method) == ("ZAFGOV", "person", "role+country")
    assert (later.code, later.entity, later.method) == ("ZAFGOV", first.entity, "coreference")


def test_rank_between_role_and_name_is_skipped(mentions):
    m = find(mentions("Kapolda Irjen Budi Hartanto menjelaskan kasus itu."), "Budi Hartanto")
    assert (m.code, m.kind) == ("IDNCOP", "person")


def test_attribution_after_a_quote_is_the_speaker_not_the_person_quoted(mentions):
    text = ("Dalam pertemuan itu, Wang Yi memuji Rusia.\n"
            "“Di bawah kepemimpinan Presiden Putin, Rusia akan maju,” ujarnya.")
    ms = mentions(text)
    m = find(ms, "ujarnya")
    assert (m.kind, m.method, m.code, m.name) == ("pronoun", "coreference", "CHNGOV", "Wang Yi")


def test_surname_and_pronoun_share_the_cluster(mentions):
    ms = mentions("Sergei Lavrov tiba di Beijing. Lavrov bertemu mitranya. Ia tersenyum.")
    full, short, pron = find(ms, "Sergei Lavrov"), find(ms, "Lavrov"), find(ms, "Ia")
    assert full.entity == short.entity == pron.entity
    assert pron.code == "RUSGOV"


def test_english_pronoun_resolves_to_person(mentions):
    ms = mentions("Xi Jinping met the delegation. He praised the talks.", "en")
    assert find(ms, "He").name == "Xi Jinping"


def test_both_countries_names_the_two_countries(mentions):
    ms = mentions("China dan Rusia bertemu. China memuji Rusia. Kedua negara sepakat.")
    assert sorted(m.code for m in ms if m.text == "Kedua negara") == ["CHN", "RUS"]


def test_domestic_role_defaults_to_indonesia_but_not_in_english(mentions):
    assert find(mentions("Polisi menangkap pelaku."), "Polisi").code == "IDNCOP"
    assert find(mentions("Police arrested two men.", "en"), "Police").country == ""


def test_lowercase_word_does_not_match_acronym_or_name(mentions):
    # "as" is English, not Amerika Serikat; "antara" is "between".
    ms = mentions("Hubungan antara kedua desa, as usual.")
    assert not [m for m in ms if m.code.startswith("USA")]


class _Sentences:
    name, requires, assigns = "segment", ("text",), ("sentences",)

    def __call__(self, a):
        return article(a.text)


def test_stage_fits_the_pipeline(stage):
    assert (stage.name, stage.requires, stage.assigns) == ("actors", ("sentences",), ("mentions",))
    out = Pipeline([_Sentences(), stage])(article("Rusia menolak."))
    assert [m.code for m in out.mentions] == ["RUS"]


def test_article_without_sentences_is_read_whole(stage):
    from warta.model import Article

    ms = stage(Article(url="u", text="Rusia dan Tiongkok.", language="id")).mentions
    assert [m.code for m in ms] == ["RUS", "CHN"]


def test_same_result_twice(stage):
    a = article("Menteri Luar Negeri Retno Marsudi bertemu Wang Yi. Ia tersenyum.")
    assert stage(a).mentions == stage(a).mentions == ActorStage()(a).mentions


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # a regional role names the region first, then the holder
        ("kata Bupati Karanganyar Juliyatmono di kantornya.", "Juliyatmono", "IDNGOV"),
        ("kata Wakil Bupati Bangli I Wayan Diar dalam keterangan.", "I Wayan Diar", "IDNGOV"),
        ("kata Kapolres Metro Jakarta Pusat Kombes Susatyo Purnomo Condro.",
         "Susatyo Purnomo Condro", "IDNCOP"),
        # a bracketed short form inside the role phrase
        ("Gubernur Jawa Tengah (Jateng) Ahmad Lutfan hadir.", "Ahmad Lutfan", "IDNGOV"),
        # the name stops before the next actor and before words never in names
        ("Direktur Jenderal Pajak Kemenkeu Bimo Wijayanto hadir.", "Bimo Wijayanto", "IDNGOV"),
        ("Keputusan Gubernur Jabar Nomor 45 terbit.", None, None),
        # a party after the role says whose member; the name follows a comma
        ("Anggota Komisi II DPR Fraksi PDIP, Dedi Yusuf Siregar, menanggapi.",
         "Dedi Yusuf Siregar", "IDNLEG"),
        ("Hal itu disampaikan Ketua KPU, Afifuddin.", None, None),  # one word after a comma
        ("kata Ketua MKD DPR itu.", None, None),  # an unknown acronym is a body, not a name
        ("kata Kepala Biro Humas Kementerian itu.", None, None),  # a unit, not a name
        ("kata mantan Gubernur Jawa Barat Rudi Kamal.", "Rudi Kamal", "IDN"),
    ],
)
def test_names_after_roles(mentions, text, name, code):
    people = [m for m in mentions(text) if m.kind == "person"]
    if name is None:
        assert people == []
    else:
        assert [(m.text, m.code) for m in people] == [(name, code)]


def test_speaker_after_speech_verb_is_a_person_without_code(mentions):
    ms = mentions("“Kami siap,” kata Rudi Hartono di Bandung. Rudi lalu pergi. Ia tersenyum.")
    first, later = find(ms, "Rudi Hartono"), find(ms, "Rudi")
    assert (first.kind, first.code, first.method) == ("person", "", "speaker")
    assert later.entity == first.entity == find(ms, "Ia").entity


def test_role_in_text_beats_an_ended_dictionary_term(mentions):
    # Sri Mulyani's listed term ends in September 2025; the article still calls
    # her minister, while "mantan" (former) leaves the dictionary's word.
    when = datetime(2025, 11, 1)
    now = find(mentions("Menteri Keuangan Sri Mulyani hadir.", published=when), "Sri Mulyani")
    former = find(mentions("mantan Menteri Keuangan Sri Mulyani hadir.", published=when),
                  "Sri Mulyani")
    assert (now.code, former.code) == ("IDNGOV", "IDNELI")


@pytest.mark.parametrize("text", ["Umat Kristiani merayakan Natal.", "Harga perak naik.",
                                  "Komisi XI DPR bersidang."])
def test_common_words_are_not_foreign_places(mentions, text):
    assert all(m.country in {"", "IDN"} for m in mentions(text))


def test_the_president_prefers_the_person_introduced_as_president(mentions):
    ms = mentions("Prime Minister Anthony Albanese met Indonesian President Prabowo Subianto. "
                  "The president thanked him.", "en", published=datetime(2024, 11, 1))
    assert find(ms, "The president").name == "Prabowo Subianto"


def test_english_speaker_before_said(mentions):
    ms = mentions("Maria Lopez said the talks failed. Lopez left early.", "en")
    first = find(ms, "Maria Lopez")
    assert (first.kind, first.method) == ("person", "speaker")
    assert find(ms, "Lopez").entity == first.entity


def test_speaker_who_is_a_known_person_keeps_the_code(mentions):
    ms = mentions("Wang Yi bertemu Sergei Lavrov. “Kami sepakat,” tegas Wang. "
                  "“Kerja sama akan diperkuat,” katanya.")
    assert (find(ms, "Wang").code, find(ms, "Wang").method) == ("CHNGOV", "coreference")
    assert find(ms, "katanya").name == "Wang Yi"
