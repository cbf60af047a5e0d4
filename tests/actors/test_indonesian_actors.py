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
