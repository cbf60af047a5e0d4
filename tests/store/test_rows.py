"""Arrow rows of a batch: every value in its own column, mentions linked by index."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from warta.errors import StoreError
from warta.model import (
    Amount,
    Article,
    Event,
    Mention,
    Place,
    Quote,
    Rejection,
    Sentence,
    Theme,
    Tone,
    Zone,
)
from warta.store.rows import WRITER_COLUMNS, _table, article_rows, event_id, to_tables
from warta.store.schema import TABLES

TEXT = "Wang met Lavrov in Beijing on Monday. He pledged $5 million in aid."
ADDED = datetime(2025, 1, 2, 3, 4, 5)


def _article() -> Article:
    wang = Mention(0, 4, "Wang", 0, "CHNGOV", "Wang Yi", "CHN", ("GOV",), "person",
                   "dictionary", 0.9, "e1")
    lavrov = Mention(9, 15, "Lavrov", 0, "RUSGOV", "Sergei Lavrov", "RUS", ("GOV", "MIL"),
                     "person", "role+country", 0.8, "e2")
    place = Place(19, 26, "Beijing", "Beijing", "CN", "CH", "CH22", 39.9, 116.4, 4, "1816670", 0)
    ev = Event(0, "040", wang, lavrov, 5, 8, "en:meet:040#1", 0.7, "040", "04", 1, 1.0,
               "CONSULT", "2024-04-08", "day", place, False, ("reported", "intent"), True)
    return Article(
        url="https://example.org/a", text=TEXT, title="Talks", language="en",
        published=datetime(2024, 4, 9, 23, 30), origin="in.jsonl:1", raw_hash="ab",
        zones=(Zone("body", 0, len(TEXT), "en"),), metadata={"k": 1},
        sentences=(Sentence(0, 0, 37, TEXT[:37], "body", "en", (), 0),
                   Sentence(1, 38, len(TEXT), TEXT[38:], "body", "en", (), 1)),
        mentions=(wang, lavrov), events=(ev,), places=(place,),
        quotes=(Quote(38, 66, TEXT[38:66], lavrov, "indirect", "pledged", 1),),
        amounts=(Amount(49, 59, "$5 million", 5e6, "USD", "aid", 1),),
        themes=(Theme("AID", 63, 66, "aid"),),
        tone=Tone(1.5, 3.0, 1.5, 4.5, 20.0, 0.0, 13))


def test_every_value_lands_in_its_column() -> None:
    art = _article()
    bad = Rejection("in.jsonl", "invalid JSON", 3, "{")
    tables = {k: t.to_pylist() for k, t in to_tables([art], [bad], "run1", ADDED).items()}
    aid = art.id
    (row,) = tables["articles"]
    assert row == {
        "article_id": aid, "url": "https://example.org/a", "origin": "in.jsonl:1",
        "raw_hash": "ab", "title": "Talks", "published": datetime(2024, 4, 9, 23, 30),
        "language": "en", "section": None, "source": None, "story_id": None, "author": None,
        "text": TEXT, "zones": '[{"end": 67, "kind": "body", "language": "en", "start": 0}]',
        "metadata": '{"k": 1}',
        "tone": '{"activity_density": 20.0, "negative": 1.5, "polarity": 4.5, "positive": 3.0, '
                '"self_group_density": 0.0, "tone": 1.5, "word_count": 13}',
        "run_id": "run1", "added": ADDED}
    assert tables["sentences"][1] == {
        "article_id": aid, "idx": 1, "start_char": 38, "end_char": 67, "text": TEXT[38:],
        "kind": "body", "language": "en", "paragraph": 1}
    assert tables["mentions"][1] == {
        "article_id": aid, "idx": 1, "sentence": 0, "start_char": 9, "end_char": 15,
        "text": "Lavrov", "code": "RUSGOV", "name": "Sergei Lavrov", "country": "RUS",
        "roles": "GOV,MIL", "kind": "person", "method": "role+country", "confidence": 0.8,
        "entity": "e2"}
    (ev,) = tables["events"]
    assert ev == {
        "event_id": event_id(aid, 0), "article_id": aid, "idx": 0, "sentence": 0,
        "code": "040", "base": "040", "root": "04", "quad_class": 1, "goldstein": 1.0,
        "plover": "CONSULT", "source_mention": 0, "source_code": "CHNGOV",
        "source_name": "Wang Yi", "source_country": "CHN", "source_roles": "GOV",
        "target_mention": 1, "target_code": "RUSGOV", "target_name": "Sergei Lavrov",
        "target_country": "RUS", "target_roles": "GOV,MIL", "evidence_start": 5,
        "evidence_end": 8, "pattern": "en:meet:040#1", "confidence": 0.7,
        "event_date": "2024-04-08", "date_precision": "day", "geo_type": 4,
        "geo_name": "Beijing", "geo_fips": "CH", "geo_adm1": "CH22", "geo_lat": 39.9,
        "geo_lon": 116.4, "geo_feature_id": "1816670", "negated": False,
        "modality": "reported,intent", "is_root_event": True, "added": ADDED}
    assert tables["quotes"] == [{
        "article_id": aid, "idx": 0, "sentence": 1, "start_char": 38, "end_char": 66,
        "text": TEXT[38:66], "kind": "indirect", "verb": "pledged", "speaker_mention": 1,
        "speaker_name": "Sergei Lavrov", "speaker_code": "RUSGOV"}]
    assert tables["places"] == [{
        "article_id": aid, "idx": 0, "sentence": 0, "start_char": 19, "end_char": 26,
        "text": "Beijing", "name": "Beijing", "country": "CN", "fips": "CH", "adm1": "CH22",
        "lat": 39.9, "lon": 116.4, "feature_type": 4, "feature_id": "1816670"}]
    assert tables["amounts"] == [{
        "article_id": aid, "idx": 0, "sentence": 1, "start_char": 49, "end_char": 59,
        "text": "$5 million", "value": 5e6, "unit": "USD", "counts": "aid"}]
    assert tables["themes"] == [{
        "article_id": aid, "idx": 0, "name": "AID", "start_char": 63, "end_char": 66,
        "text": "aid"}]
    (q,) = tables["quarantine"]
    assert q["run_id"] == "run1" and q["source"] == "in.jsonl" and q["line"] == 3
    assert (q["reason"], q["excerpt"], q["added"]) == ("invalid JSON", "{", ADDED)


def test_an_event_without_actors_or_place_has_empty_columns() -> None:
    art = _article()
    bare = Event(0, "010", None, None, 0, 4, "p")
    (ev,) = to_tables([Article(url="u", text=TEXT, events=(bare,))], [], "r", ADDED)[
        "events"].to_pylist()
    assert ev["source_mention"] is ev["target_code"] is ev["geo_name"] is ev["geo_lat"] is None
    assert ev["modality"] == "" and art.events[0].source is not None


def test_mentions_are_found_by_value_after_pickling() -> None:
    art = _article()
    ev = art.events[0]  # equal mentions, not the same objects (as after pickling)
    clone = replace(art, events=(replace(ev, source=replace(ev.source),
                                         target=replace(ev.target)),))
    assert clone.events[0].source is not clone.mentions[0]
    ev = to_tables([clone], [], "r", ADDED)["events"].to_pylist()[0]
    assert (ev["source_mention"], ev["target_mention"]) == (0, 1)


def test_empty_batch_gives_empty_tables_with_the_schemas() -> None:
    tables = to_tables([], [], "r", ADDED)
    assert set(tables) == set(TABLES) - {"runs"}
    assert all(t.num_rows == 0 and t.schema == TABLES[name] for name, t in tables.items())


def test_a_row_of_the_wrong_width_is_an_error() -> None:
    with pytest.raises(StoreError, match="3 values for 8 columns"):
        _table(TABLES["sentences"], [("a", 1, 2)])


def test_rows_built_elsewhere_make_the_same_tables_as_the_article() -> None:
    import pickle

    import warta.scale  # noqa: F401 - the pickling reducers the pool uses

    art = _article()
    sent = pickle.loads(pickle.dumps(article_rows(art)))  # as from a pool worker
    assert (sent.id, sent.n_sentences, sent.n_events) == (art.id, 2, 1)
    from_rows = to_tables([sent], [], "run1", ADDED)
    from_article = to_tables([art], [], "run1", ADDED)
    assert {k: t.to_pylist() for k, t in from_rows.items()} == {
        k: t.to_pylist() for k, t in from_article.items()}
    assert all(t.schema == TABLES[k] for k, t in from_rows.items())


def test_the_writer_columns_are_the_last_of_their_tables() -> None:
    for table, names in WRITER_COLUMNS.items():
        assert tuple(TABLES[table].names[-len(names):]) == names
