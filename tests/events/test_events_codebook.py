"""The CAMEO codebook: 311 codes with Goldstein, GDELT quad class and PLOVER category."""

from __future__ import annotations

import pytest

from warta.errors import DataFileError
from warta.events.codebook import Codebook


@pytest.fixture(scope="module")
def book() -> Codebook:
    return Codebook.load()


def test_all_311_cameo_codes_are_loaded(book):
    assert len(book) == 311
    assert all(code[:2] in book for code in book.codes())


@pytest.mark.parametrize(("code", "quad"), [
    ("010", 1), ("0211", 1), ("036", 1), ("057", 1),  # verbal cooperation 01-05
    ("061", 2), ("073", 2), ("0841", 2), ("090", 2),  # material cooperation 06-09
    ("100", 3), ("112", 3), ("125", 3), ("138", 3), ("141", 3),  # verbal conflict 10-14
    ("150", 4), ("163", 4), ("173", 4), ("183", 4), ("190", 4), ("204", 4),  # material conflict
])
def test_quad_class_follows_gdelt_split(book, code, quad):
    assert book.quad_class(code) == quad


@pytest.mark.parametrize(("code", "goldstein", "plover", "v05"), [
    ("042", 1.9, "CONSULT", "CONSULT"),
    ("051", 3.4, "SUPPORT", "SUPPORT"),
    ("163", -8.0, "COERCE", "SANCTION"),
    ("0841", 7.0, "RETREAT", "RETREAT"),
    ("081", 5.0, "CONCEDE", "CONCEDE"),
    ("190", -10.0, "ASSAULT", "FIGHT"),
    ("112", -2.0, "ACCUSE", "DISAPPROVE"),
    ("010", 0.0, "", ""),  # PLOVER dropped CAMEO 01 and 02
    ("020", 3.0, "", ""),
])
def test_goldstein_and_plover(book, code, goldstein, plover, v05):
    assert book.goldstein(code) == goldstein
    assert book.plover(code) == plover
    assert book.plover_v05(code) == v05


def test_root_and_base(book):
    info = book["1384"]
    assert (info.root, info.base, info.name) == ("13", "138", "Threaten conventional attack")


def test_unknown_code_is_a_key_error(book):
    with pytest.raises(KeyError, match="999"):
        book["999"]


@pytest.mark.parametrize(("row", "message"), [
    ("0x1\tBad\t1.0\t", "bad CAMEO code"),
    ("011\tDecline\tlots\t", "bad Goldstein"),
    ("011\tDecline\t12.5\t", "out of range"),
    ("99\tNo such root\t0\t", "out of range"),
])
def test_bad_codebook_rows_name_file_and_line(tmp_path, row, message):
    path = tmp_path / "codes.tsv"
    path.write_text("code\tname\tgoldstein\tdescription\n01\tStatement\t0\t\n" + row + "\n")
    plover = tmp_path / "plover.tsv"
    plover.write_text("code\tplover\tmode\tcontext\n")
    with pytest.raises(DataFileError, match=message) as err:
        Codebook.load(path, plover)
    assert err.value.line in (3, None)


def test_resignation_is_retreat_in_plover_v05() -> None:
    """The PLOVER manual puts resignations under RETREAT (mode resign): the full
    code 0831 wins over its base 083 (CONCEDE)."""
    from warta.events.codebook import Codebook

    book = Codebook.load()
    assert book.plover_v05("0831") == "RETREAT"
    assert book.plover_v05("0832") == "CONCEDE"
    assert book.plover_v05("0841") == "RETREAT"
