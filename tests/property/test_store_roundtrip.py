"""Store round-trips: what is written is what is read back; writing twice adds nothing."""

from __future__ import annotations

from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.model import Article, Event, Mention, Sentence
from warta.store.duck import Store
from warta.store.load import load_articles


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(min_size=1, max_size=200))
    spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))),
                          max_size=5))
    mentions = tuple(
        Mention(min(a, b), max(a, b), text[min(a, b):max(a, b)], 0,
                draw(st.sampled_from(["RUSGOV", "CHN", "", "IDNLEG"])), draw(st.text(max_size=8)),
                roles=tuple(draw(st.lists(st.sampled_from(["GOV", "MIL", "LEG"]), max_size=2))))
        for a, b in spans)
    events = tuple(
        Event(0, draw(st.sampled_from(["042", "051", "190"])), m, None, m.start, m.end, "p",
              negated=draw(st.booleans()))
        for m in mentions[:2])
    pub = draw(st.none() | st.datetimes(min_value=datetime(1980, 1, 1),
                                        max_value=datetime(2030, 1, 1)).map(
        lambda d: d.replace(microsecond=0)))
    return Article(url=draw(st.text(min_size=1, max_size=30)), text=text, published=pub,
                   sentences=(Sentence(0, 0, len(text), text),), mentions=mentions,
                   events=events)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(articles(), min_size=1, max_size=4))
def test_store_round_trip_and_idempotence(arts: list[Article]) -> None:
    with Store(":memory:") as store:
        run = store.start_run(["p"])
        store.write_batch(arts, [], run)
        once = store.counts()
        store.write_batch(arts, [], run)
        assert store.counts() == once
        back = {a.id: a for a in load_articles(store)}
        first = {}
        for art in arts:  # same url and text = same article: the first one written wins
            first.setdefault(art.id, art)
        assert len(back) == len(first)
        for art in first.values():
            got = back[art.id]
            assert (got.text, got.url, got.published) == (art.text, art.url, art.published)
            assert got.mentions == art.mentions and got.events == art.events
