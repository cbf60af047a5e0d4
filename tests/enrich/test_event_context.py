"""EventContextStage: event date (with precision) and ActionGeo place."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime

import pytest
from context_helpers import PUBLISHED, paragraph_article
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.enrich.event_context import EventContextStage, dateline_place
from warta.enrich.places import PlaceStage
from warta.model import Article, Event, Mention


def article(paragraphs: list[list[str]], lang: str = "id", published: datetime | None = PUBLISHED,
            kinds: dict[int, str] | None = None) -> Article:
    return paragraph_article(paragraphs, lang, published, kinds)


def with_event(art: Article, verb: str, sentence: int = -1) -> Article:
    """Add places, then one event whose evidence is the first ``verb`` (in ``sentence``)."""
    art = _PLACES(art)
    start = art.sentences[sentence].start if sentence >= 0 else 0
    m = re.compile(re.escape(verb)).search(art.text, start)
    assert m, verb
    index = next(s.index for s in art.sentences if s.start <= m.start() < s.end)
    event = Event(sentence=index, code="042", source=None, target=None,
                  evidence_start=m.start(), evidence_end=m.end(), pattern="test")
    return Article(**{**{f: getattr(art, f) for f in art.__dataclass_fields__},
                      "events": (event,)})


_PLACES = PlaceStage()


@pytest.fixture(scope="module")
def stage() -> EventContextStage:
    return EventContextStage()


def only_event(stage: EventContextStage, art: Article) -> Event:
    (event,) = stage(art).events
    return event


def test_stage_contract(stage):
    assert stage.name == "event_context"
    assert stage.requires == ("events", "sentences", "places") and stage.assigns == ("events",)


@pytest.mark.parametrize(
    ("sentence", "verb", "date", "precision"),
    [
        ("Menteri itu tiba di Beijing pada hari Senin (8/4).", "tiba", "2024-04-08", "day"),
        ("Mereka mendeklarasikan kemitraan pada Februari 2022.", "mendeklarasikan", "2022-02",
         "month"),
        ("Perdagangan mencapai rekor tahun lalu.", "mencapai", "2023", "year"),
        ("Wang berjanji mendukung Rusia.", "berjanji", "2024-04-09", "publication"),
    ],
)
def test_date_from_the_sentence(stage, sentence, verb, date, precision):
    event = only_event(stage, with_event(article([[sentence]]), verb))
    assert (event.date, event.date_precision) == (date, precision)


def test_nearest_date_to_the_evidence_wins(stage):
    text = ("Setelah banjir pada 22 Maret tahun ini, menteri itu mengunjungi Beijing "
            "pada hari Senin (8/4).")
    event = only_event(stage, with_event(article([[text]]), "mengunjungi"))
    assert event.date == "2024-04-08"


def test_date_is_inherited_within_the_paragraph(stage):
    art = article([["Menteri itu tiba di Beijing pada hari Senin (8/4).", "Ia bertemu mitranya."]])
    event = only_event(stage, with_event(art, "bertemu"))
    assert (event.date, event.date_precision) == ("2024-04-08", "day")


def test_date_is_not_inherited_across_paragraphs(stage):
    art = article([["Menteri itu tiba pada hari Senin (8/4)."], ["Ia bertemu mitranya."]])
    event = only_event(stage, with_event(art, "bertemu"))
    assert event.date_precision == "publication"


def test_no_publication_date_leaves_the_date_empty(stage):
    event = only_event(stage, with_event(article([["Ia bertemu Wang Yi."]], published=None),
                                         "bertemu"))
    assert (event.date, event.date_precision) == (None, "publication")


def test_english_dates(stage):
    art = article([["Police arrested 12 protesters in Dhaka on Tuesday."]], lang="en")
    event = only_event(stage, with_event(art, "arrested"))
    assert (event.date, event.date_precision) == ("2024-04-09", "day")
    assert event.place is not None and event.place.name == "Dhaka"


def test_place_of_the_clause_prefers_a_city_over_a_country(stage):
    art = article([["Menlu Rusia Lavrov bertemu Wang di Beijing, China."]])
    event = only_event(stage, with_event(art, "bertemu"))
    assert (event.place.name, event.place.fips, event.place.feature_type) == ("Beijing", "CH", 4)


def test_place_outside_the_clause_is_not_used(stage):
    art = article([["Wang berjanji mendukung Lavrov; konflik di Ukraina terus berlanjut."]])
    event = only_event(stage, with_event(art, "berjanji"))
    assert event.place is None


def test_dateline_place_is_the_fallback(stage):
    art = article([["JAKARTA, KOMPAS.com - Presiden menerima tamu dari luar negeri."]])
    event = only_event(stage, with_event(art, "menerima"))
    assert event.place is not None and event.place.name == "Jakarta"


def test_dateline_zone(stage):
    art = _PLACES(article([["MOSKOW"], ["Presiden menerima tamu."]], kinds={0: "dateline"}))
    assert dateline_place(art).name == "Moscow"


def test_articles_without_events_pass_through(stage):
    art = article([["Tidak ada peristiwa."]])
    assert stage(art) is art


def test_sample_page_events(stage, sample_path):
    """The sample's date lines, built into an article sentence by sentence."""
    lines = [line for line in sample_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    art = article([[line] for line in lines])
    cases = [("tiba di ibu kota", "2024-04-08", "Beijing"), ("berjanji", "2024-04-09", None),
             ("mendeklarasikan", "2022-02", None), ("mencapai rekor", "2023", None)]
    for verb, date, place in cases:
        event = only_event(stage, with_event(art, verb))
        assert event.date == date, verb
        if place:
            assert event.place.name == place


@pytest.mark.parametrize(
    ("verb", "place"),
    [("berkunjung", "Tokyo"), ("menyerbu", "Syria")],
)
def test_clause_opening_words_scope_the_place(stage, verb, place):
    art = article([["Presiden berkunjung ke Tokyo sepekan sebelum tentara menyerbu desa "
                    "di Suriah."]])
    assert only_event(stage, with_event(art, verb)).place.name == place


def test_locative_place_beats_the_actors_country(stage):
    art = with_event(article([["Tentara Rusia menyerang desa di Ukraina."]]), "menyerang")
    rusia = next(p for p in art.places if p.text == "Rusia")
    source = Mention(start=rusia.start, end=rusia.end, text="Rusia", sentence=0, code="RUS",
                     name="Russia", country="RUS", kind="country")
    event = dataclasses.replace(art.events[0], source=source)
    (result,) = stage(dataclasses.replace(art, events=(event,))).events
    assert result.place.name == "Ukraine"


ISO = re.compile(r"\d{4}(-\d\d(-\d\d)?)?")
PIECES = st.sampled_from([
    "Menteri tiba di Beijing", " pada hari Senin (8/4)", ", kemarin", " tahun lalu", "; ",
    " sebelum Rusia menyerang Ukraina", " di Jakarta", ". ", "Wang bertemu Putin", " in March",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=8), st.integers(min_value=0, max_value=10_000))
def test_every_event_gets_a_wellformed_date_and_a_known_place(stage, pieces, seed):
    text = "".join(pieces)
    art = _PLACES(article([[text]]))
    at = seed % len(text)
    event = Event(sentence=0, code="010", source=None, target=None, evidence_start=at,
                  evidence_end=min(len(text), at + 3), pattern="test")
    (result,) = stage(dataclasses.replace(art, events=(event,))).events
    assert ISO.fullmatch(result.date)
    assert result.date_precision in ("day", "month", "year", "publication")
    assert result.place is None or result.place in art.places
    assert result.evidence_start == event.evidence_start  # nothing else changes
