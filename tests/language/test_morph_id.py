"""Indonesian morphology: roots, affixes and voice."""

from __future__ import annotations

import pytest

from warta.errors import DataFileError
from warta.language import lemma, morph_id
from warta.language.morph_id import Analysis, Morphology, analyse, stem


@pytest.mark.parametrize(
    ("word", "root"),
    [
        # meN- allomorphs, with the swallowed initial p/t/k/s restored
        ("memerangi", "perang"),  # Sastrawi: "rang"
        ("mengunjungi", "kunjung"),  # Sastrawi: "unjung"
        ("menyerang", "serang"),
        ("memukul", "pukul"),
        ("menembak", "tembak"),
        ("membeli", "beli"),
        ("mendukung", "dukung"),
        ("mengambil", "ambil"),
        ("menggunakan", "guna"),
        ("melawan", "lawan"),
        ("meminta", "minta"),
        ("mengatakan", "kata"),
        ("menyampaikan", "sampai"),
        ("memperkuat", "kuat"),
        # ber-/be-, di-, ter-, per-, se-
        ("berjanji", "janji"),
        ("bekerja", "kerja"),
        ("belajar", "ajar"),
        ("diberikan", "beri"),
        ("ditangkap", "tangkap"),
        ("dikutip", "kutip"),
        ("terpilih", "pilih"),
        ("tersebut", "sebut"),
        ("menyediakan", "sedia"),
        # nominalisations
        ("pertemuan", "temu"),
        ("kunjungan", "kunjung"),
        ("serangan", "serang"),
        ("kepemimpinan", "pimpin"),
        ("pemerintahan", "perintah"),
        ("perdagangan", "dagang"),
        ("penembakan", "tembak"),
        ("kekerasan", "keras"),
        ("keamanan", "aman"),
        ("pelajar", "ajar"),
        ("petugas", "tugas"),
        # suffixes and particles
        ("timpalannya", "timpal"),
        ("kampanyenya", "kampanye"),
        ("bagiannya", "bagi"),
        ("dukungannya", "dukung"),
        ("bantulah", "bantu"),
        ("serahkanlah", "serah"),
        ("rumahku", "rumah"),
        ("diapun", "dia"),
        # reduplication
        ("perusahaan-perusahaan", "usaha"),
        ("negara-negara", "negara"),
        ("tembak-menembak", "tembak"),
        ("bermain-main", "main"),
        # roots and words that only look derived stay whole
        ("perang", "perang"),
        ("berita", "berita"),
        ("menteri", "menteri"),
        ("pemilu", "pemilu"),
        ("setelah", "setelah"),
        ("Asia-Pasifik", "asia-pasifik"),
        ("Lavrov", "lavrov"),
        ("2024", "2024"),
    ],
)
def test_stem(word: str, root: str) -> None:
    assert stem(word) == root


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("mengunjungi", Analysis("kunjung", ("meN",), ("i",), "active")),
        ("berjanji", Analysis("janji", ("ber",), (), "active")),
        ("diserang", Analysis("serang", ("di",), (), "passive")),
        ("terpilih", Analysis("pilih", ("ter",), (), "stative")),
        ("memperkuat", Analysis("kuat", ("meN", "per"), (), "active")),
        ("kepemimpinan", Analysis("pimpin", ("ke", "peN"), ("an",), "")),
        ("timpalannya", Analysis("timpal", (), ("an", "nya"), "")),
        ("disampaikannya", Analysis("sampai", ("di",), ("kan", "nya"), "passive")),
        ("IPK-nya", Analysis("ipk", (), ("nya",), "")),
        ("di-PHK", Analysis("phk", ("di",), (), "passive")),
        ("perang", Analysis("perang")),
    ],
)
def test_analyse(word: str, expected: Analysis) -> None:
    assert analyse(word) == expected


@pytest.mark.parametrize("word", ["Memerangi", "MEMERANGI", "memerangi"])
def test_case_does_not_matter(word: str) -> None:
    assert stem(word) == "perang"


def test_lemma_dispatches_by_language() -> None:
    assert lemma("memerangi", "id") == "perang"
    assert lemma("attacked", "en") == "attack"
    assert lemma("Zürich", "de") == "zürich"


def test_exceptions_can_be_left_out() -> None:
    # the generated exception list is a correction layer, not the stemmer
    bare = Morphology(exceptions=False)
    assert bare.stem("mengunjungi") == "kunjung"
    assert bare.is_root("kunjung") and not bare.is_root("mengunjungi")


@pytest.mark.parametrize(
    "roots",
    [
        "# comment\nroot\tfreq\nperang\t3\t9\n",  # a field too many
        "# comment\nroot\tfreq\nperang\tmany\n",  # not a count
    ],
)
def test_malformed_pack_names_file_and_line(tmp_path, monkeypatch, roots: str) -> None:
    for name in ("prefix_rules.tsv", "suffixes.tsv", "affix_constraints.tsv"):
        (tmp_path / name).write_text(
            (morph_id.pack_file("id", name)).read_text("utf-8"), encoding="utf-8"
        )
    (tmp_path / "roots.tsv").write_text(roots, encoding="utf-8")
    monkeypatch.setattr(morph_id, "pack_file", lambda lang, name: tmp_path / name)
    with pytest.raises(DataFileError) as err:
        Morphology()
    assert err.value.path.endswith("roots.tsv") and err.value.line == 3
