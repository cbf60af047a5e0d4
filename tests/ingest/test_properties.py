"""Properties over arbitrary input: readers never raise past their contract,
and every article they produce has zones that slice back to its text."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.errors import InputError
from warta.ingest.decode import decode_bytes
from warta.ingest.jsonl import iter_jsonl
from warta.ingest.options import FORMATS
from warta.ingest.sniff import sniff_format
from warta.ingest.tables import iter_delimited
from warta.model import Article, Rejection

from .helpers import assert_zones_valid

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=3),
    max_leaves=8,
)
_records = st.dictionaries(st.sampled_from(["url", "text", "title", "published", "language",
                                            "captions", "x"]), _json_values, max_size=6)


@given(st.lists(_records | st.text(max_size=40), min_size=1, max_size=6))
@settings(max_examples=150, deadline=None)
def test_jsonl_one_item_per_non_blank_line(lines: list) -> None:
    text = "\n".join(json.dumps(x) if isinstance(x, dict) else x.replace("\n", " ")
                     for x in lines)
    items = list(iter_jsonl(text, "f.jsonl"))
    assert len(items) == sum(1 for line in text.split("\n") if line.strip())
    for item in items:
        assert isinstance(item, Article | Rejection)
        if isinstance(item, Article):
            assert_zones_valid(item)
            assert item.body


@given(st.text(max_size=200))
@settings(deadline=None)
def test_delimited_never_raises(text: str) -> None:
    for item in iter_delimited("title,text\n" + text, "f.csv", "csv"):
        if isinstance(item, Article):
            assert_zones_valid(item)


@given(st.binary(max_size=300))
def test_sniff_always_answers_a_known_format(data: bytes) -> None:
    assert sniff_format("x", data) in FORMATS


@given(st.binary(max_size=300))
@settings(deadline=None)
def test_decode_raises_only_input_error(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data, "f"), str)
    except InputError as exc:
        assert exc.source == "f"
