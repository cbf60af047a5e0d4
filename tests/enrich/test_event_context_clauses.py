"""Event dates and places come from the event's own clause (invented sentences).

A date inside a relative clause, a parenthesis, a phrase modifying another
event noun or another event's clause is not the event's date; each of several
events takes the date nearest its own trigger; otherwise the article's
reporting date. Published Tuesday 2024-04-09.
"""

from __future__ import annotations

import re

import pytest
from context_helpers import paragraph_article

from warta.enrich.clauses import ClauseRules, clauses
from warta.enrich.event_context import EventContextStage
from warta.enrich.places import PlaceStage
from warta.events.codebook import Codebook
from warta.model import Article, Event, Sentence

_PLACES = PlaceStage()
_BOOK = Codebook.load()


def build(paragraphs: list[list[str]], lang: str, quotes: bool = False) -> Article:
    """An article of sentences (one list per paragraph) with places found."""
    return _PLACES(paragraph_article(paragraphs, lang, quotes=quotes, url="test://clauses"))


def event(art: Article, trigger: str, code: str, nth: int = 0) -> Event:
    """An event whose evidence is the ``nth`` occurrence of ``trigger``."""
    m = list(re.finditer(re.escape(trigger), art.text))[nth]
    index = next(s.index for s in art.sentences if s.start <= m.start() < s.end)
    info = _BOOK[code]
    head = trigger.split()[0].lower()
    return Event(sentence=index, code=code, source=None, target=None,
                 evidence_start=m.start(), evidence_end=m.end(),
                 pattern=f"{art.language}:{head}:{code}:1", quad_class=info.quad_class,
                 root=info.root, base=info.base)


@pytest.fixture(scope="module")
def stage() -> EventContextStage:
    return EventContextStage()


def dated(stage: EventContextStage, art: Article, *events: Event) -> list[tuple[str, str]]:
    out = stage(Article(**{**{f: getattr(art, f) for f in art.__dataclass_fields__},
                           "events": events}))
    return [(e.date, e.date_precision) for e in out.events]


PUB = ("2024-04-09", "publication")


@pytest.mark.parametrize(
    ("lang", "sentence", "trigger", "code", "expected"),
    [
        # a date modifying another event noun is that noun's
        ("id", "Menteri itu berterima kasih kepada Jepang atas belasungkawa terkait serangan "
               "di Osaka pada 12 Maret tahun ini.", "berterima kasih", "051", PUB),
        ("en", "The minister thanked Japan for its condolences over the attack in Osaka on "
               "March 12.", "thanked", "051", PUB),
        ("en", "Japan condemned Monday's bombing in Kabul.", "condemned", "111", PUB),
        ("en", "The court annulled the 2019 election.", "annulled", "111", PUB),
        # … unless the noun is the event itself, or the object of a material event
        ("id", "Serangan Israel ke Gaza pada Senin (8/4) menewaskan 12 orang.", "Serangan",
         "190", ("2024-04-08", "day")),
        ("id", "Israel melancarkan serangan ke Gaza pada Senin (8/4).", "melancarkan", "190",
         ("2024-04-08", "day")),
        ("en", "Rebels launched an attack on Kharkiv on Monday.", "launched", "190",
         ("2024-04-08", "day")),
        # … or a frame preposition makes the phrase the clause's adverbial
        ("id", "Dalam serangan pada Senin (8/4), tentara menewaskan 12 warga.", "menewaskan",
         "190", ("2024-04-08", "day")),
        ("en", "During the attack on Monday, soldiers killed 12 villagers.", "killed", "190",
         ("2024-04-08", "day")),
        # a date inside a relative clause is the relative clause's
        ("id", "Presiden mengecam kerusuhan yang terjadi pada Sabtu (6/4) di Medan.", "mengecam",
         "111", PUB),
        ("en", "The president condemned the riot, which happened on Saturday in Lagos.",
         "condemned", "111", PUB),
        ("en", "Police arrested a man who set fire to a shop on April 2.", "arrested", "173",
         PUB),
        ("id", "Polisi menangkap pria yang membakar toko pada 2 April.", "menangkap", "173", PUB),
        # … and the relative clause's own event takes it
        ("id", "Presiden mengecam kelompok yang menyerang desa pada Sabtu (6/4).", "menyerang",
         "190", ("2024-04-06", "day")),
        # a parenthesis is an aside
        ("id", "Menteri itu (menjabat sejak Mei 2019) bertemu Wang di Beijing.", "bertemu",
         "040", PUB),
        # a clause opening the sentence dates only itself
        ("id", "Setelah banjir pada 22 Maret, menteri itu mengunjungi Bekasi.", "mengunjungi",
         "042", PUB),
        ("en", "After floods on March 22, the minister visited Jakarta.", "visited", "042", PUB),
        # a date after publication is a plan: the report, not the plan, is dated
        ("id", "Kedua menteri akan bertemu pada Jumat (12/4) mendatang.", "bertemu", "036", PUB),
        ("en", "The leaders will meet next Tuesday.", "meet", "036", PUB),
        # a document number is no date
        ("id", "Jaksa menuntut terdakwa berdasarkan UU Nomor 16 Tahun 2018.", "menuntut", "112",
         PUB),
    ],
)
def test_date_of_the_events_own_clause(stage, lang, sentence, trigger, code, expected):
    art = build([[sentence]], lang)
    assert dated(stage, art, event(art, trigger, code)) == [expected]


@pytest.mark.parametrize(
    ("lang", "sentence", "first", "second"),
    [
        ("id", "Rusia menyerang Kharkiv pada Jumat (5/4) dan Ukraina membalas pada Minggu (7/4).",
         ("menyerang", "190"), ("membalas", "190")),
        ("en", "Russia attacked Kharkiv on Friday and Ukraine retaliated on Sunday.",
         ("attacked", "190"), ("retaliated", "190")),
        ("en", "On Friday Russia attacked Kharkiv and on Sunday Ukraine retaliated.",
         ("attacked", "190"), ("retaliated", "190")),
    ],
)
def test_each_event_takes_the_date_nearest_its_trigger(stage, lang, sentence, first, second):
    art = build([[sentence]], lang)
    got = dated(stage, art, event(art, *first), event(art, *second))
    assert got == [("2024-04-05", "day"), ("2024-04-07", "day")]


def test_subordinate_clause_inherits_the_governing_clause_date(stage):
    art = build([["Rusia dan China mendeklarasikan kemitraan pada Februari 2022, ketika Putin "
                  "mengunjungi Beijing beberapa hari sebelum Rusia menyerang Ukraina."]], "id")
    got = dated(stage, art, event(art, "mendeklarasikan", "030"), event(art, "mengunjungi", "042"),
                event(art, "menyerang", "190"))
    assert got == [("2022-02", "month")] * 3


def test_quoted_speech_takes_the_date_of_its_attribution(stage):
    art = build([["“Kami akan terus membantu rakyat Gaza,” kata Wang di Beijing, Senin (8/4)."]],
                "id", quotes=True)
    (result,) = stage(Article(**{**{f: getattr(art, f) for f in art.__dataclass_fields__},
                                 "events": (event(art, "membantu", "070"),)})).events
    assert (result.date, result.date_precision) == ("2024-04-08", "day")


def test_quoted_speech_without_a_place_takes_the_attributions_place(stage):
    art = build([["“Kami akan terus membantu,” kata Wang di Beijing, Senin (8/4)."]], "id",
                quotes=True)
    (result,) = stage(Article(**{**{f: getattr(art, f) for f in art.__dataclass_fields__},
                                 "events": (event(art, "membantu", "070"),)})).events
    assert result.place is not None and result.place.name == "Beijing"


def test_quoted_date_does_not_date_the_attribution(stage):
    art = build([["“Suku bunga terendah sejak 2022,” kata Gubernur dalam rapat dengan DPR, "
                  "Kamis (4/4)."]], "id", quotes=True)
    assert dated(stage, art, event(art, "rapat", "040")) == [("2024-04-04", "day")]


@pytest.mark.parametrize(
    ("lang", "sentence", "trigger", "code", "place"),
    [
        # the place of another event noun is not the event's
        ("id", "Menteri itu berterima kasih kepada Jepang atas belasungkawa terkait serangan "
               "di Osaka pada 12 Maret.", "berterima kasih", "051", "Japan"),
        ("en", "The minister thanked Japan for its condolences over the attack in Osaka.",
         "thanked", "051", "Japan"),
        # a relative clause's locative place is the event's when the clause has none
        ("id", "Kedatangan Presiden disambut mahasiswa yang berada di Islamabad.", "disambut",
         "043", "Islamabad"),
        # the place of another clause is not the event's
        ("id", "Presiden berkunjung ke Tokyo sepekan sebelum tentara menyerbu desa di Suriah.",
         "berkunjung", "042", "Tokyo"),
    ],
)
def test_place_of_the_events_own_clause(stage, lang, sentence, trigger, code, place):
    art = build([[sentence]], lang)
    (result,) = stage(Article(**{**{f: getattr(art, f) for f in art.__dataclass_fields__},
                                 "events": (event(art, trigger, code),)})).events
    assert result.place is not None and result.place.name == place


def test_reporting_date_is_the_leads_closing_date(stage):
    art = build([["Presiden meresmikan bendungan di Bogor, Senin (8/4)."],
                 ["Ia juga meminta warga menjaga kebersihan."]], "id")
    assert dated(stage, art, event(art, "meminta", "020")) == [("2024-04-08", "publication")]


@pytest.mark.parametrize("lead", [
    "Presiden meresmikan bendungan di Bogor pada Senin (8/4) lalu.",  # not set off at the end
    "Presiden meresmikan bendungan di Bogor, Senin (25/3).",  # more than a week old
])
def test_reporting_date_falls_back_to_publication(stage, lead):
    art = build([[lead], ["Ia juga meminta warga menjaga kebersihan."]], "id")
    assert dated(stage, art, event(art, "meminta", "020")) == [PUB]


def test_earlier_sentence_lends_only_a_clause_level_date(stage):
    art = build([["Gempa yang terjadi pada Minggu (7/4) merusak rumah.",
                  "Presiden mengunjungi Cianjur."]], "id")
    assert dated(stage, art, event(art, "mengunjungi", "042")) == [PUB]
    art = build([["Presiden tiba pada Minggu (7/4).", "Ia mengunjungi Cianjur."]], "id")
    assert dated(stage, art, event(art, "mengunjungi", "042")) == [("2024-04-07", "day")]


@pytest.mark.parametrize(
    ("lang", "sentence", "kinds"),
    [
        ("id", "Namun, Rusia menyerang Kyiv.", ["clause"]),  # a coordinator opens nothing
        ("id", "Setelah banjir pada 22 Maret, menteri tiba.", ["clause", "clause"]),
        ("en", "He arrived when talks began; they ended (as planned) later.",
         ["clause", "clause", "clause", "paren"]),
        ("id", "Wang, yang tiba kemarin, bertemu Lavrov.", ["clause", "relative"]),
    ],
)
def test_clause_segments(lang, sentence, kinds):
    s = Sentence(index=0, start=0, end=len(sentence), text=sentence, language=lang)
    got = clauses(s, ClauseRules.load(lang))
    assert [seg.kind for seg in got.segments] == kinds
    fronted = [seg for seg in got.segments if seg.parent > got.segments.index(seg)]
    assert all(sentence[seg.end - 1] == "," for seg in fronted)
