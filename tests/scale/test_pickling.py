"""Articles survive the trip to a worker and back unchanged (warta.scale's reducers)."""

from __future__ import annotations

import dataclasses
import pickle
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

import warta.scale  # noqa: F401 - registers the reducers
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
    Token,
    Tone,
    Zone,
)

try:  # what Dask sends tasks with; present with the dask extra
    from cloudpickle import dumps as cloud_dumps
except ImportError:  # pragma: no cover
    cloud_dumps = None

dumpers = pytest.mark.parametrize("dumps", [pickle.dumps] + ([cloud_dumps] if cloud_dumps else []))


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(min_size=1, max_size=60))
    n = len(text)
    a = draw(st.integers(0, n))
    b = draw(st.integers(a, n))
    span = text[a:b]
    tok = Token(a, b, span, span.lower(), lemma=span.lower(), is_punct=draw(st.booleans()))
    sent = Sentence(0, a, b, span, tokens=(tok,), language=draw(st.sampled_from(["en", "id"])))
    who = Mention(a, b, span, 0, "RUSGOV", "Russia", "RUS", ("GOV",))
    place = Place(a, b, span, "Jakarta", "ID", "ID", "ID04", -6.2, 106.8, 4, "1642911", 0)
    return Article(
        url=draw(st.text(max_size=20)), text=text, title=draw(st.none() | st.text(max_size=10)),
        metadata=MappingProxyType(draw(st.dictionaries(st.text(max_size=5), st.integers(),
                                                       max_size=3))),
        zones=(Zone("body", 0, n, "en"),), sentences=(sent,), mentions=(who,),
        events=(Event(0, "042", who, who, a, b, "p#1", place=place, modality=("intent",)),),
        quotes=(Quote(a, b, span, speaker=who),), places=(place,),
        amounts=(Amount(a, b, span, 3.0, "USD"),), themes=(Theme("SANCTIONS", a, b, span),),
        tone=Tone(1.0, 2.0, 1.0, 3.0, 0.5, 0.1, 7),
    )


@dumpers
@given(art=articles())
def test_a_pickled_article_comes_back_equal_with_spans_intact(dumps, art: Article) -> None:
    back = pickle.loads(dumps(art))
    assert back == art
    assert isinstance(back.metadata, MappingProxyType)
    for x in (*back.sentences, *back.sentences[0].tokens, *back.mentions, *back.quotes,
              *back.places, *back.amounts, *back.themes):
        assert back.text[x.start:x.end] == x.text


@dumpers
def test_a_rejection_and_an_empty_article_round_trip(dumps) -> None:
    rej = Rejection("a.warc", "truncated record", 7, "WARC/1.0")
    art = Article(url="u", text="t")
    assert pickle.loads(dumps([rej, art])) == [rej, art]
    assert pickle.loads(dumps(dataclasses.replace(art, tone=None))).tone is None
