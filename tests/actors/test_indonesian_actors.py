"""Indonesian legal and crime news: the role words added for it (witnesses,
suspects, drivers, companies) and the common nouns that only look like actors."""

from __future__ import annotations

import pytest
from actor_helpers import find


@pytest.mark.parametrize(("text", "word", "code"), [
    ("KPK memeriksa tiga saksi kasus suap itu.", "saksi", "IDNCVL"),
    ("Polisi menangkap terduga pelaku pencurian di Bekasi.", "terduga pelaku", "IDNCRM"),
    ("Polisi mengamankan sopir mobil berpelat palsu di Bandung.", "sopir", "IDNCVL"),
    ("Pelaku menusuk korban di Palembang.", "korban", "IDNCVL"),
    ("Kementerian LH menyegel dua pabrik di Banten.", "pabrik", "IDNBUS"),
])
def test_people_and_bodies_of_legal_news_are_domestic(mentions, text, word, code):
    assert find(mentions(text), word).code == code


def test_a_company_after_pt_is_a_business(mentions):
    ms = mentions("Penyidik menggeledah kantor PT Sumber Makmur Sejahtera di Jakarta.")
    company = next(m for m in ms if "Sumber Makmur" in m.text)
    assert company.code == "IDNBUS"


@pytest.mark.parametrize("text", [
    "Video itu viral di media sosial sejak Senin.",
    "Informasi itu beredar di media massa.",
])
def test_media_as_a_channel_is_no_actor(mentions, text):
    assert not [m for m in mentions(text) if m.text.lower().startswith("media")]


@pytest.mark.parametrize(("text", "word", "code"), [
    # an organisation named by its head noun is a body of the article's country
    ("Koalisi Anti Korupsi mengkritik keputusan itu.", "Koalisi", "IDNNGO"),
    ("Yayasan Peduli Bangsa meminta pemerintah menunda aturan itu.", "Yayasan", "IDNNGO"),
    ("KPU berkoordinasi dengan Komisi Informasi Pusat.", "Komisi", "IDNGOV"),
    # Indonesia's citizens abroad stay Indonesian
    ("Polisi Malaysia menangkap 20 WNI di Johor.", "WNI", "IDNCVL"),
])
def test_organisations_by_head_noun_and_citizens_abroad(mentions, text, word, code):
    assert find(mentions(text), word).code == code


def test_a_name_right_after_a_transitive_verb_is_a_person(mentions):
    # "menangkap Budi Santoso": the object of a meN- verb, not only a subject,
    # may be a person no dictionary knows
    assert find(mentions("Polisi menangkap Budi Santoso di rumahnya."),
                "Budi Santoso").code == "IDNCVL"


def test_an_unknown_speaker_is_a_person_of_the_story(mentions):
    # "kata Sahara": a speaker no dictionary knows is coded like other private
    # people, and so are the later mentions of the name
    ms = mentions("Polisi sudah menahan tersangka, kata Sahara kepada wartawan. "
                  "Sahara meminta warga tetap tenang.")
    assert [m.code for m in ms if m.text == "Sahara"] == ["IDNCVL", "IDNCVL"]


def test_an_attribution_after_a_long_quote_finds_the_speaker_before_it(mentions):
    # the quote runs over five sentences; its speaker is named before it opens
    ms = mentions('Bupati Garut Rudy Gunawan meminta warga tetap waspada. "Kami siap. '
                  'Tim sudah di lapangan. Semua alat berat sudah dikerahkan. Posko sudah '
                  'dibuka. Kami mengajak warga membantu relawan," ujarnya.')
    assert find(ms, "ujarnya").code == "IDNGOV"


def test_an_embassy_keeps_its_country_whatever_city_follows(mentions):
    ms = mentions("KBRI Phnom Penh meminta pemerintah Kamboja membebaskan WNI.")
    assert find(ms, "KBRI").code == "IDNGOV"
    assert not [m for m in ms if m.text == "Phnom Penh"]


def test_unmarked_bodies_of_a_foreign_story_take_its_country(mentions):
    ms = mentions("Presiden AS Donald Trump menandatangani perintah eksekutif. Gedung Putih "
                  "menyebut Kongres akan membahasnya. Kongres menolak usulan itu. Trump "
                  "juga meminta Senat bertindak. Seorang WNI ikut ditahan.")
    # "Kongres menolak …" names no country in its sentence
    assert [m.code for m in ms if m.text == "Kongres"][-1] == "USALEG"


def test_initials_the_article_defines_stand_for_the_person(mentions):
    ms = mentions("Anggota DPR Budi Santoso Wibowo (BSW) hadir di gedung KPK. "
                  "Setelah itu BSW meminta publik menghormati proses hukum.")
    assert [m.code for m in ms if m.text == "BSW"][-1] == "IDNLEG"


def test_a_bracketed_short_role_does_not_join_the_region_to_the_name(mentions):
    ms = mentions("Wali Kota (Walkot) Pekanbaru Agung Nugroho meminta warga tenang.")
    assert find(ms, "Agung Nugroho").code == "IDNGOV"
