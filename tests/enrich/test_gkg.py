"""GKG 2.1 and Mentions rows (issue 6, item 6)."""

from __future__ import annotations

import csv
import re
from datetime import datetime

import pytest

from warta.enrich.amounts import AmountStage
from warta.enrich.gkg import GKG_COLUMNS, MENTION_COLUMNS, gkg_row, mention_rows
from warta.enrich.quotes import QuoteStage
from warta.enrich.themes import ThemeStage
from warta.enrich.tone import ToneStage
from warta.model import Amount, Article, Event, Mention, Place, Quote, Sentence, Theme, Tone

TEXT = ("Lavrov tiba di Beijing.\n"
        "“Kami\tsiap bekerja sama | #1,” kata Lavrov.\n"
        "Sedikitnya 12 orang tewas di Moskow.")
LAVROV = Mention(0, 6, "Lavrov", 0, "RUSGOV", "Sergei Lavrov", "RUS", ("GOV",), kind="person")
RIA = Mention(30, 41, "RIA Novosti", 1, "RUSMED", "RIA Novosti", "RUS", kind="organisation")
BEIJING = Place(15, 22, "Beijing", "Beijing, Beijing, China", "CN", "CH", "CH22", 39.9075,
                116.39723, 4, "-1898541", 0)
MOSKOW = Place(len(TEXT) - 7, len(TEXT) - 1, "Moskow", "Moscow, Moskva, Russia", "RU", "RS",
               "RS48", 55.75222, 37.61556, 4, "-2960561", 2)


def sentences(text: str) -> tuple[Sentence, ...]:
    return tuple(Sentence(i, m.start(), m.end(), m.group(), language="id")
                 for i, m in enumerate(re.finditer(r"[^\n]+", text)))


@pytest.fixture
def processed() -> Article:
    a = Article(url="https://www.example.co.id/berita/1", text=TEXT, language="id",
                title="Judul\tberita", published=datetime(2024, 4, 9, 23, 30),
                sentences=sentences(TEXT), mentions=(LAVROV,), places=(BEIJING, MOSKOW))
    for stage in (QuoteStage(), AmountStage(), ThemeStage(), ToneStage()):
        a = stage(a)
    return a


def field(row: list[str], name: str) -> str:
    return row[GKG_COLUMNS.index(name)]


def test_gkg_row_has_27_clean_columns(processed):
    row = gkg_row(processed, "20240409233000-1")
    assert len(row) == len(GKG_COLUMNS) == 27
    assert not any(ch in value for value in row for ch in "\t\n\r")
    assert row[:5] == ["20240409233000-1", "20240409233000", "1", "example.co.id",
                       "https://www.example.co.id/berita/1"]
    assert field(row, "Extras") == "<PAGE_TITLE>Judul berita</PAGE_TITLE>"


def test_quotations_keep_offsets_and_lose_delimiters(processed):
    q = processed.quotes[0]
    assert field(gkg_row(processed, "r"), "Quotations") == (
        f"{q.start}|{q.end - q.start}|kata|Kami siap bekerja sama 1")


def test_counts_amounts_and_locations(processed):
    row = gkg_row(processed, "r")
    start = TEXT.index("12 orang")
    assert field(row, "V2Counts") == (
        f"KILL#12#orang tewas#4#Moscow, Moskva, Russia#RS#RS48#55.7522#37.6156#-2960561#{start};")
    assert field(row, "Amounts") == f"12,orang tewas,{start};"
    assert field(row, "Locations").split(";")[0] == (
        "4#Beijing, Beijing, China#CH#CH22#39.9075#116.3972#-1898541")
    assert field(row, "V2Locations").split(";")[0] == (
        "4#Beijing, Beijing, China#CH#CH22##39.9075#116.3972#-1898541#15")


def test_persons_themes_and_tone(processed):
    row = gkg_row(processed, "r")
    assert field(row, "Persons") == "Sergei Lavrov;"
    assert field(row, "V2Persons") == "Sergei Lavrov,0;"
    assert field(row, "AllNames") == "Lavrov,0;"
    assert "KILL" in field(row, "Themes").split(";")
    tone = field(row, "V2Tone").split(",")
    assert len(tone) == 7 and tone[-1] == str(processed.tone.word_count)


@pytest.mark.parametrize(
    "amount, expected",
    [
        (Amount(0, 3, "$24", 240e9, "USD", "trade"), "240000000000,USD trade,0;"),
        (Amount(0, 3, "1,5", 1.5e12, "IDR", ""), "1500000000000,IDR,0;"),
        (Amount(0, 3, "dua", 2, "day", "hari"), "2,hari,0;"),
        (Amount(0, 3, "3.5", 3.5, "", ""), "3.5,,0;"),
    ],
)
def test_amounts_field(amount, expected):
    a = Article(url="x", text="abc", amounts=(amount,))
    assert field(gkg_row(a, "r"), "Amounts") == expected


def test_empty_article_row():
    row = gkg_row(Article(url="citation: Harian X, 9 April", text=""), "r")
    assert len(row) == 27
    assert row[1:4] == ["0", "2", ""]
    assert set(row[5:]) == {""}


def test_dates_from_event_dates():
    events = (Event(0, "042", None, None, 5, 9, "p", date="2024-04-08", date_precision="day"),
              Event(0, "190", None, None, 20, 25, "p", date="2022-02", date_precision="month"),
              Event(0, "010", None, None, 30, 31, "p"))
    row = gkg_row(Article(url="x", text="x" * 40, events=events), "r")
    assert field(row, "Dates") == "3#4#8#2024#5;2#2#0#2022#20;"


def test_mention_rows():
    target = Mention(10, 15, "China", 1, "CHN", "China", "CHN", kind="country")
    pronoun = Mention(20, 27, "ujarnya", 1, "RUSGOV", "Sergei Lavrov", kind="pronoun",
                      method="coreference")
    events = [(101, Event(1, "042", LAVROV, target, 7, 12, "p", confidence=0.8)),
              (102, Event(1, "051", pronoun, None, 21, 26, "p", confidence=0.456))]
    a = Article(url="https://example.com/a", text="x" * 50,
                sentences=(Sentence(0, 0, 5, "xxxxx"), Sentence(1, 6, 50, "x" * 44)),
                tone=Tone(-1.5, 1.0, 2.5, 3.5, 0.0, 0.0, 10))
    rows = mention_rows(a, events, datetime(2024, 4, 10, 0, 15))
    assert [len(r) for r in rows] == [len(MENTION_COLUMNS)] * 2 == [16, 16]
    assert rows[0] == ["101", "20240410001500", "20240410001500", "1", "example.com",
                       "https://example.com/a", "2", "0", "10", "7", "1", "80", "50", "-1.5",
                       "", ""]
    assert rows[1][6:12] == ["2", "20", "-1", "21", "0", "46"]


def test_sample_page_gkg_row(sample_path):
    text = sample_path.read_text("utf-8")
    a = Article(url="seed://000", text=text, language="id", sentences=sentences(text))
    for stage in (QuoteStage(), AmountStage(), ThemeStage(), ToneStage()):
        a = stage(a)
    row = gkg_row(a, "20240409233000-1")
    assert len(row) == 27
    themes = field(row, "Themes").split(";")
    assert {"TERROR", "TRADE", "SANCTIONS"} <= set(themes)
    assert "240000000000,USD trade," in field(row, "Amounts")


def test_theme_offsets_in_v2themes():
    themes = (Theme("TERROR", 4, 9, "teror"), Theme("TERROR", 20, 25, "teror"))
    row = gkg_row(Article(url="x", text="x" * 30, themes=themes), "r")
    assert (field(row, "Themes"), field(row, "V2Themes")) == ("TERROR;", "TERROR,4;TERROR,20;")


def test_quote_without_verb():
    q = Quote(3, 8, "hello", None, "direct", "", 0)
    row = gkg_row(Article(url="x", text="abchelloxyz", quotes=(q,)), "r")
    assert field(row, "Quotations") == "3|5||hello"


def test_column_names_match_the_gdelt_reference(shared):
    gdelt = shared / "reference" / "gdelt"
    with open(gdelt / "GDELT_GKG21_header_row_Sep2016.tsv", encoding="utf-8") as fh:
        gkg = [row[1] for row in csv.reader(fh, delimiter="\t") if row and row[0].isdigit()]
    with open(gdelt / "GDELT2_mentions_16cols_schema.csv", encoding="utf-8") as fh:
        mentions = [row["name"] for row in csv.DictReader(fh)]
    assert list(GKG_COLUMNS) == gkg
    assert [c.lower() for c in MENTION_COLUMNS] == [c.lower() for c in mentions]
