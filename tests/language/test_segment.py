"""Sentence and token segmentation (the cases are written for these tests)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from warta.language import segment
from warta.language.segment import SegmentStage, split_sentences, tokenize
from warta.model import Article, Token, Zone
from warta.pipeline import Pipeline


def sentences(text: str, lang: str, dateline: bool = False) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, lang, dateline)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "id",
            "Menlu tiba di Jakarta pada Senin (8/4). Ia bertemu Presiden.",
            ["Menlu tiba di Jakarta pada Senin (8/4).", "Ia bertemu Presiden."],
        ),
        (
            "id",
            "Nilai proyek itu Rp1,5 triliun. Dana cair pekan depan.",
            ["Nilai proyek itu Rp1,5 triliun.", "Dana cair pekan depan."],
        ),
        (
            "id",
            "Duta Besar A.S. hadir dalam rapat. Pertemuan berlangsung tertutup.",
            ["Duta Besar A.S. hadir dalam rapat.", "Pertemuan berlangsung tertutup."],
        ),
        (
            "id",
            "“Kami ingin hubungan yang cerah,” ujarnya. Ia lalu pergi.",
            ["“Kami ingin hubungan yang cerah,” ujarnya.", "Ia lalu pergi."],
        ),
        (
            "id",
            "Mereka membahas isu kawasan... termasuk perdagangan. Kedua pihak sepakat.",
            ["Mereka membahas isu kawasan... termasuk perdagangan.", "Kedua pihak sepakat."],
        ),
        (
            "id",
            "Ia berkata, “Kami siap berunding.” Lawan bicaranya diam.",
            ["Ia berkata, “Kami siap berunding.”", "Lawan bicaranya diam."],
        ),
        (
            "id",
            "Delegasi tiba di Moskow.[AB/c]",
            ["Delegasi tiba di Moskow."],
        ),
        (
            "id",
            "Rapat di Jl. Merdeka dipimpin Prof. Hasan. Hasilnya diumumkan besok.",
            ["Rapat di Jl. Merdeka dipimpin Prof. Hasan.", "Hasilnya diumumkan besok."],
        ),
        (
            "en",
            "Mr. Smith met U.S. officials on Monday. The talks ended.",
            ["Mr. Smith met U.S. officials on Monday.", "The talks ended."],
        ),
        (
            "en",
            "Inflation rose 3.5% in March. Prices at store No. 5 doubled.",
            ["Inflation rose 3.5% in March.", "Prices at store No. 5 doubled."],
        ),
        (
            "en",
            '"We will not retreat." Officials said the army moved north.',
            ['"We will not retreat."', "Officials said the army moved north."],
        ),
        (
            "en",
            "Vladimir V. Putin spoke. Is it over? Yes! It is.",
            ["Vladimir V. Putin spoke.", "Is it over?", "Yes!", "It is."],
        ),
        (
            "en",
            "The minister paused... Then he left.",
            ["The minister paused...", "Then he left."],
        ),
        (
            "en",
            "Trade reached $240 billion.\n\nShares of example.com fell",
            ["Trade reached $240 billion.", "Shares of example.com fell"],
        ),
        (
            "en",
            "Sens. Smith and Jones agreed.",
            ["Sens. Smith and Jones agreed."],
        ),
        # list items and indented lines inside a paragraph
        (
            "id",
            "Putusan MK:\n1. Menolak permohonan\n2. Membebankan biaya",
            ["Putusan MK:", "1. Menolak permohonan", "2. Membebankan biaya"],
        ),
        (
            "en",
            "Results were:\n- Net profit rose\n- Sales fell",
            ["Results were:", "- Net profit rose", "- Sales fell"],
        ),
        (
            "en",
            "Profit rose in\nthe first quarter.\n    Sales fell.",
            ["Profit rose in\nthe first quarter.", "Sales fell."],
        ),
        # a scrape that lost the space after a stop
        (
            "id",
            "Rapat digelar Selasa (21/10).Sementara itu, harga naik.",
            ["Rapat digelar Selasa (21/10).", "Sementara itu, harga naik."],
        ),
        # agency tag and wire sign-off are not sentences
        ("en", "Deposits rose.\n\n Reuter", ["Deposits rose."]),
        ("en", "Deposits rose.\n Reuter", ["Deposits rose."]),
        ("id", "Harga naik. (ant/ega)", ["Harga naik."]),
        ("en", "He spoke to Reuters", ["He spoke to Reuters"]),
    ],
)
def test_sentences(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "dateline"),
    [
        ("id", "JAKARTA, KOMPAS.com - Presiden membuka rapat.", "JAKARTA, KOMPAS.com -"),
        ("en", "BEIJING (Reuters) - China said on Tuesday it would act.", "BEIJING (Reuters) -"),
        ("en", "WASHINGTON, April 9 (AP) — Lawmakers voted.", "WASHINGTON, April 9 (AP) —"),
        ("id", "Jakarta, CNN Indonesia -- Harga beras naik.", "Jakarta, CNN Indonesia --"),
        ("en", "NEW YORK, March 3 - Stocks fell.", "NEW YORK, March 3 -"),
        ("id", "Jakarta - Harga cabai turun.", "Jakarta -"),
        ("id", "KUALA LUMPUR - Harga minyak sawit naik.", "KUALA LUMPUR -"),
    ],
)
def test_dateline_is_its_own_unit(lang: str, text: str, dateline: str) -> None:
    units = sentences(text, lang, dateline=True)
    assert units[0] == dateline
    assert units[1] == text[len(dateline) :].strip()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia-China talks - the third this year - ended."),
        ("id", "Presiden Joko Hadi Susilo - yang baru dilantik - berpidato."),
        ("id", "Jakarta -"),
    ],
)
def test_no_dateline_in_ordinary_sentence(lang: str, text: str) -> None:
    assert sentences(text, lang, dateline=True) == [text]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "id",
            "perusahaan-perusahaan Asia-Pasifik",
            ["perusahaan-perusahaan", "Asia-Pasifik"],
        ),
        ("id", "Rp1,5 triliun", ["Rp", "1,5", "triliun"]),
        ("id", "rekor $240 miliar", ["rekor", "$", "240", "miliar"]),
        ("id", "Senin (8/4).", ["Senin", "(", "8/4", ")", "."]),
        ("id", "naik 3,5%", ["naik", "3,5", "%"]),
        ("id", "“tanpa batas”", ["“", "tanpa", "batas", "”"]),
        ("id", "Sama Strategis'", ["Sama", "Strategis", "'"]),
        ("en", "Mr. Smith of the U.S. said", ["Mr.", "Smith", "of", "the", "U.S.", "said"]),
        ("en", "Russia’s minister", ["Russia", "’s", "minister"]),
        ("en", "COVID-19 and G20", ["COVID-19", "and", "G20"]),
        ("en", "wait... now", ["wait", "...", "now"]),
    ],
)
def test_tokens(lang: str, text: str, expected: list[str]) -> None:
    assert [t.text for t in tokenize(text, lang)] == expected


def test_token_fields() -> None:
    tokens = {t.text: t for t in tokenize("Perusahaan-perusahaan memerangi teroris, (8/4).", "id")}
    assert tokens["Perusahaan-perusahaan"].norm == "perusahaan-perusahaan"
    assert tokens["Perusahaan-perusahaan"].lemma == "usaha"
    assert tokens["memerangi"].lemma == "perang"
    assert tokens[","].is_punct and tokens["("].is_punct
    assert not tokens["8/4"].is_punct and not tokens["teroris"].is_punct
    english = {t.text: t for t in tokenize("Russia attacked and met $5", "en")}
    assert english["attacked"].lemma == "attack" and english["met"].lemma == "meet"
    assert not english["$"].is_punct


@pytest.mark.parametrize(
    ("word", "norm"),
    [
        ("Jakarta", "jakarta"),
        ("İstanbul", "İstanbul"),  # "İ".lower() is two characters: kept as is
        ("KİŞİ", "kİşİ"),
        ("ǅemal", "ǆemal"),
        ("ΣΑΣ", "σας"),
    ],
)
def test_norm_is_lower_case_of_same_length(word: str, norm: str) -> None:
    (token,) = tokenize(word, "en")
    assert token.norm == norm and len(token.norm) == len(token.text)


def _article(text: str, zones: list[tuple[str, str]], language: str | None = "id") -> Article:
    """An article whose zones are the given (kind, text) pieces joined by blank lines."""
    built, spans = "", []
    for kind, piece in zones:
        if built:
            built += "\n\n"
        spans.append(Zone(kind, len(built), len(built) + len(piece), language))
        built += piece
    return Article(url="test://" + text, text=built, zones=tuple(spans), language=language)


def test_stage_units_follow_zones() -> None:
    article = _article(
        "zones",
        [
            ("title", "Menlu Bertemu Mitra dari Jepang"),
            ("caption", "Foreign ministers meet in Tokyo"),
            (
                "body",
                "TOKYO (Antara) - Menlu tiba Senin (8/4). Ia disambut.\n\nKedua menteri bicara.",
            ),
        ],
    )
    out = SegmentStage()(article)
    assert [(s.kind, s.text) for s in out.sentences] == [
        ("title", "Menlu Bertemu Mitra dari Jepang"),
        ("caption", "Foreign ministers meet in Tokyo"),
        ("dateline", "TOKYO (Antara) -"),
        ("body", "Menlu tiba Senin (8/4)."),
        ("body", "Ia disambut."),
        ("body", "Kedua menteri bicara."),
    ]
    assert [s.index for s in out.sentences] == list(range(6))
    assert [s.paragraph for s in out.sentences] == [0, 1, 2, 2, 2, 3]


LONG_LINE = (
    "Harga beras di pasar induk naik dua kali dalam sepekan terakhir, menurut catatan dinas kota"
)


def test_stage_one_paragraph_per_line() -> None:
    # some scrapes put each paragraph on one line, with single line breaks
    body = f"{LONG_LINE} perdagangan.\nPENGUMUMAN SPONSOR\n{LONG_LINE} pertanian."
    sentences = SegmentStage()(_article("lines", [("body", body)])).sentences
    assert [s.text for s in sentences] == body.split("\n")
    assert [s.paragraph for s in sentences] == [0, 1, 2]


def test_stage_hard_wrapped_lines_are_one_paragraph() -> None:
    body = "Profit rose in the\nfirst quarter, the\ncompany said.\nSales fell."
    sentences = SegmentStage()(_article("wrapped", [("body", body)], "en")).sentences
    assert [s.text for s in sentences] == [
        "Profit rose in the\nfirst quarter, the\ncompany said.", "Sales fell."
    ]
    assert {s.paragraph for s in sentences} == {0}


def test_stage_dateline_only_opens_the_story() -> None:
    # readers may give one body zone per paragraph
    article = _article(
        "one zone per paragraph",
        [("body", "JAKARTA - Harga naik."), ("body", "BANDUNG - Harga turun.")],
    )
    kinds = [s.kind for s in SegmentStage()(article).sentences]
    assert kinds == ["dateline", "body", "body"]


def test_stage_lemmas_names_and_headlines() -> None:
    article = _article(
        "names",
        [
            ("title", "Rusia Memperkuat Kerja Sama"),
            ("body", "Berlin menolak. Pemerintah di Berlin memerangi Taliban."),
        ],
    )
    sentences = SegmentStage()(article).sentences
    lemmas = {(s.kind, t.text): t.lemma for s in sentences for t in s.tokens}
    assert lemmas[("title", "Memperkuat")] == "kuat"  # headline words are all capitalised
    assert lemmas[("body", "Pemerintah")] == "perintah"  # sentence-initial: lemmatised
    assert lemmas[("body", "Berlin")] == "berlin"  # a name mid-sentence keeps its form
    assert lemmas[("body", "Taliban")] == "taliban"
    assert lemmas[("body", "memerangi")] == "perang"


def test_stage_sentence_language_comes_from_zone() -> None:
    article = _article("lang", [("caption", "Ministers meet"), ("body", "Menteri bertemu.")])
    caption, body = article.zones
    zones = (replace(caption, language="en"), replace(body, language=None))
    out = SegmentStage()(replace(article, zones=zones))
    assert [s.language for s in out.sentences] == ["en", "id"]


def test_stage_without_zones_reads_whole_text() -> None:
    out = SegmentStage()(Article(url="x", text="Satu dua.\n\nTiga empat.", language="id"))
    assert [s.text for s in out.sentences] == ["Satu dua.", "Tiga empat."]
    assert all(s.kind == "body" for s in out.sentences)


def test_stage_contract() -> None:
    stage = SegmentStage()
    assert (stage.name, stage.requires, stage.assigns) == (
        "segment", ("text", "zones", "language"), ("sentences",)
    )


def sample_article(path: Path) -> Article:
    """The sample page with zones as a reader marks them: title, two captions, body."""
    text = path.read_text("utf-8")
    lines = text.split("\n")
    offsets = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]

    def line_zone(kind: str, number: int) -> Zone:
        return Zone(kind, offsets[number], offsets[number] + len(lines[number]))

    title = next(i for i, x in enumerate(lines) if x.startswith("China Akan"))
    code = next(i for i, x in enumerate(lines) if x.startswith("Story Code"))
    body_end = text.index("Comment", offsets[code])
    zones = (
        line_zone("title", title),
        line_zone("caption", code + 1),
        line_zone("caption", code + 2),
        Zone("body", offsets[code + 3], body_end),
    )
    return Article(url="sample", text=text, zones=zones, language="id")


def test_sample_page(sample_path: Path) -> None:
    article = SegmentStage()(sample_article(sample_path))
    units = article.sentences
    assert [s.kind for s in units[:4]] == ["title", "caption", "caption", "body"]
    assert units[0].text.startswith("China Akan") and units[0].text.endswith("Barat")
    assert units[1].text == units[2].text and units[1].text.endswith("Wang Yi")
    body = [s for s in units if s.kind == "body"]
    assert len(body) == 14  # one sentence per paragraph on this page
    assert body[-1].text.endswith("terhadap Moskow.")
    assert "[IT/r]" not in body[-1].text
    assert all(s.text.count("\n\n") == 0 for s in units)
    assert any(t.lemma == "perang" for s in body for t in s.tokens)  # memerangi


def test_sample_page_in_pipeline(sample_path: Path) -> None:
    from warta.language.detect import LanguageStage

    pipeline = Pipeline([LanguageStage(), SegmentStage()])
    article = pipeline(sample_article(sample_path))
    assert [s.language for s in article.sentences[:4]] == ["id", "en", "en", "id"]


def test_fast_tokens_equal_tokens_built_by_their_class() -> None:
    assert segment._make_token is not Token  # Token kept its shape: the fast path is on
    fast = segment._make_token(3, 8, "Kata,", "kata,", "kata", True)
    slow = Token(3, 8, "Kata,", "kata,", "kata", True)
    assert type(fast) is Token and fast == slow and hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert tokenize("Mr. Smith's 3.5% rise, said U.S. officials.", "en") == tuple(
        Token(t.start, t.end, t.text, t.norm, t.lemma, t.is_punct)
        for t in tokenize("Mr. Smith's 3.5% rise, said U.S. officials.", "en"))
