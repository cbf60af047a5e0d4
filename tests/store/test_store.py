"""The store: idempotent writes, whole batches, GDELT rows of 61 columns."""

from __future__ import annotations

import io
from datetime import datetime

import pytest

from warta.errors import StoreError
from warta.model import Article, Event, Mention, Place, Rejection, Sentence
from warta.store.duck import Store
from warta.store.exports import write_actors, write_gdelt_events, write_plover_events
from warta.store.gdelt import columns
from warta.store.query import EventFilter, article_json, events, quarantine

TEXT = "Wang met Lavrov in Beijing on Monday."


def _article(url: str = "https://example.org/a", negated: bool = False) -> Article:
    wang = Mention(0, 4, "Wang", 0, "CHNGOV", "Wang Yi", "CHN", ("GOV",), "person")
    lavrov = Mention(9, 15, "Lavrov", 0, "RUSGOV", "Sergei Lavrov", "RUS", ("GOV",), "person")
    place = Place(19, 26, "Beijing", "Beijing", "CN", "CH", "CH22", 39.9, 116.4, 4, "1816670")
    ev = Event(0, "040", wang, lavrov, 5, 8, "en:meet:040", base="040", root="04",
               quad_class=1, goldstein=1.0, plover="CONSULT", date="2024-04-08",
               date_precision="day", place=place, negated=negated)
    return Article(url=url, text=TEXT, published=datetime(2024, 4, 9, 23, 30),
                   sentences=(Sentence(0, 0, len(TEXT), TEXT),), mentions=(wang, lavrov),
                   events=(ev,), places=(place,))


@pytest.fixture
def store() -> Store:
    s = Store(":memory:")
    yield s
    s.close()


def test_writing_the_same_batch_twice_adds_nothing(store: Store) -> None:
    run = store.start_run(["x"])
    bad = Rejection("in.jsonl", "invalid JSON", 3, "{")
    store.write_batch([_article()], [bad], run)
    first = store.counts()
    store.write_batch([_article()], [bad], run)
    assert store.counts() == first
    assert first["articles"] == 1 and first["events"] == 1 and first["quarantine"] == 1


def test_event_links_its_actor_mentions_and_evidence(store: Store) -> None:
    store.write_batch([_article()], [], store.start_run(["x"]))
    (ev,) = events(store)
    assert (ev["source_code"], ev["target_code"]) == ("CHNGOV", "RUSGOV")
    assert (ev["source_mention"], ev["target_mention"]) == (0, 1)
    assert ev["article_text"][ev["evidence_start"]:ev["evidence_end"]] == "met"


def test_gdelt_rows_have_61_columns_in_codebook_order(store: Store) -> None:
    store.write_batch([_article()], [], store.start_run(["x"]))
    out = io.StringIO()
    assert write_gdelt_events(store, out, header=True) == 1
    header, row = (line.split("\t") for line in out.getvalue().splitlines())
    assert len(columns()) == 61 and header == list(columns())
    rec = dict(zip(header, row, strict=True))
    assert rec["SQLDATE"] == "20240408" and rec["Actor1Code"] == "CHNGOV"
    assert rec["Actor2CountryCode"] == "RUS" and rec["EventRootCode"] == "04"
    assert rec["ActionGeo_CountryCode"] == "CH" and rec["ActionGeo_Lat"] == "39.9"
    assert rec["SOURCEURL"] == "https://example.org/a" and rec["QuadClass"] == "1"


def test_negated_events_are_hidden_unless_asked(store: Store) -> None:
    store.write_batch([_article(negated=True)], [], store.start_run(["x"]))
    assert events(store) == []
    assert len(events(store, EventFilter(include_negated=True))) == 1


@pytest.mark.parametrize(("flt", "n"), [
    (EventFilter(code="04"), 1), (EventFilter(code="19"), 0), (EventFilter(actor="RUS"), 1),
    (EventFilter(country="UKR"), 0), (EventFilter(since="2024-04-08", until="2024-04-08"), 1),
    (EventFilter(until="2024-04-07"), 0),
])
def test_event_filters(store: Store, flt: EventFilter, n: int) -> None:
    store.write_batch([_article()], [], store.start_run(["x"]))
    assert len(events(store, flt)) == n


def test_plover_and_actor_exports(store: Store) -> None:
    import json

    store.write_batch([_article()], [], store.start_run(["x"]))
    out = io.StringIO()
    write_plover_events(store, out)
    rec = json.loads(out.getvalue())
    assert rec["event_type"] == "CONSULT" and rec["evidence"]["text"] == "met"
    out = io.StringIO()
    assert write_actors(store, out) == 2
    first = json.loads(out.getvalue().splitlines()[0])
    assert first == first | {"text": "Wang", "code": "CHNGOV", "start": 0, "end": 4,
                             "role": "GOV", "country": "CHN"}


def test_show_json_and_quarantine(store: Store) -> None:
    run = store.start_run(["x"])
    store.write_batch([_article()], [Rejection("in.txt", "binary file")], run)
    art = article_json(store, "https://example.org/a")
    assert art["published"] == "2024-04-09T23:30:00" and len(art["mentions"]) == 2
    assert quarantine(store)[0]["reason"] == "binary file"
    with pytest.raises(StoreError, match="no such article"):
        article_json(store, "nope")


def test_read_only_store_must_exist(tmp_path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_articles_round_trip_through_the_store(store: Store) -> None:
    from warta.store.load import load_articles

    art = _article()
    store.write_batch([art], [], store.start_run(["x"]))
    (back,) = load_articles(store)
    assert back.id == art.id
    assert back.mentions == art.mentions and back.sentences == art.sentences
    (ev,) = back.events
    assert ev.source == art.mentions[0] and ev.code == "040" and ev.place.fips == "CH"
