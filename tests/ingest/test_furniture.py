"""furniture.tsv is validated when loaded; errors name the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.errors import DataFileError
from warta.ingest.furniture import Furniture, furniture


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("colour\tx", "unknown kind"),
        ("drop\t(unclosed", "bad pattern"),
        ("story_id\tStory Code : \\d+", "needs group 'id'"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, row: str, reason: str) -> None:
    path = tmp_path / "furniture.tsv"
    path.write_text("# comment\nkind\tpattern\ndrop\tShare\n" + row + "\n", "utf-8")
    with pytest.raises(DataFileError) as info:
        Furniture.load(path)
    assert (info.value.path, info.value.line) == (str(path), 4)
    assert reason in info.value.reason


@pytest.mark.parametrize(
    ("line", "dropped"),
    [("0", True), ("12 Comments", True), ("Comment", True), ("Share", True),
     ("Baca juga: Menlu bertemu mitra", True), ("SCROLL TO CONTINUE WITH CONTENT", True),
     ("ADVERTISEMENT", True), ("Tags: politik, diplomasi", True),
     ("Komentar warga mengalir deras setelah keputusan itu diumumkan.", False),
     ("2024", True), ("Presiden Jokowi tiba.", False)],
)
def test_shipped_drop_patterns(line: str, dropped: bool) -> None:
    assert furniture().is_drop(line) is dropped


@pytest.mark.parametrize(
    ("paragraph", "rest", "tag"),
    [
        ("Sanksi terhadap Moskow.[IT/r]", "Sanksi terhadap Moskow.", "IT/r"),
        ("Kata dia. (rdp/imk)", "Kata dia.", "rdp/imk"),
        ("Kata dia. (Antara)", "Kata dia.", "Antara"),
        ("Kata dia (dalam pidato).", "Kata dia (dalam pidato).", None),
        ("Lihat [Vladimir] Putin.", "Lihat [Vladimir] Putin.", None),
    ],
)
def test_agency_tags(paragraph: str, rest: str, tag: str | None) -> None:
    assert furniture().split_agency(paragraph) == (rest, tag)
