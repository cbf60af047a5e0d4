"""Indonesian pack data (src/warta/packs/id): actor names, event patterns and
function words, end to end on invented sentences. Each case stands for a
construction common in Indonesian political news and fails without its row."""

from __future__ import annotations

import pytest
from id_helpers import run_id

from warta.events.evaluate import predicted_triples
from warta.model import Article


@pytest.fixture(scope="module")
def pipeline(coding_pipeline):
    return coding_pipeline


def run(pipeline, text: str) -> Article:
    return run_id(pipeline, text, "test://id-pack/")


def roots(pipeline, text: str) -> set[str]:
    return {t[2] for t in predicted_triples(run(pipeline, text).events)}


def test_the_rights_commission_by_its_full_name_is_a_rights_body(pipeline):
    article = run(pipeline, "Komisi Nasional Hak Asasi Manusia meminta polisi membebaskan "
                            "para mahasiswa.")
    sources = {e.source.code for e in article.events if e.source is not None}
    assert sources == {"IDNHRI"}


def test_a_ministry_by_its_full_name_is_one_actor(pipeline):
    # the portfolio is part of the name, so "bersama" joins the two bodies
    assert "03" in roots(pipeline, "Kementerian Kesehatan bersama BPOM akan membahas aturan "
                                   "baru obat sirup.")


@pytest.mark.parametrize("text", [
    "Pengamat politik mengkritik keputusan DPR menaikkan tunjangan.",
    "Pakar hukum tata negara mengkritik putusan DPR.",
])
def test_observers_and_experts_are_actors(pipeline, text):
    assert "11" in roots(pipeline, text)


@pytest.mark.parametrize(("text", "root"), [
    ("Para pedagang mengkritik kebijakan Pemkot Bandung.", "11"),
    ("Sejumlah ulama meminta pemerintah membatalkan aturan itu.", "02"),
    ("Wali murid mendesak Dinas Pendidikan mengevaluasi penyedia makanan.", "10"),
])
def test_people_of_indonesian_news_are_actors(pipeline, text, root):
    assert root in roots(pipeline, text)


def test_a_rector_of_a_university_known_by_its_short_name_is_an_actor(pipeline):
    assert "02" in roots(pipeline, "Rektor UGM meminta mahasiswa menjaga ketertiban.")


@pytest.mark.parametrize("text", [
    "Pemprov Jawa Timur memberikan keringanan pajak kendaraan bagi warga.",
    "Kemensos mencairkan BLT kepada warga miskin.",
    "Pemkab Garut menyediakan paket sembako bagi warga terdampak banjir.",
    "Pemerintah menggelontorkan subsidi bagi para petani di Jawa Tengah.",
])
def test_relief_handed_out_is_aid(pipeline, text):
    assert "07" in roots(pipeline, text)


def test_a_crowd_storming_an_office_is_a_protest(pipeline):
    assert "14" in roots(pipeline, "Ratusan buruh menggeruduk kantor DPRD Jawa Tengah, Senin.")


def test_a_purpose_after_an_appeal_is_part_of_the_appeal(pipeline):
    assert roots(pipeline, "Gubernur mengajak para kader untuk mendukung program "
                           "pemerintah.") == {"02"}


def test_provoking_a_debate_is_no_invitation(pipeline):
    assert not roots(pipeline, "Kebijakan Kementerian BUMN itu mengundang perdebatan publik.")
    assert "02" in roots(pipeline, "Presiden mengundang para ketua umum partai ke Istana.")
