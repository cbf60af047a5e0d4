"""Phrase matching: offsets survive case folding; boundaries and case hold."""

from __future__ import annotations

import pytest
from actor_helpers import article
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.actors.matcher import case_ok, fold

WORDS = ["Rusia", "Tiongkok", "Menteri", "Luar", "Negeri", "Wang", "Yi", "Lavrov", "ujarnya",
         "polisi", "İstanbul", "ẞ", "“", "”", ",", ".", "AS", "as", "Barat", "Jawa", "kedua",
         "negara", "Presiden", "Putin", "pihak", "militer", "Israel", "DPR", "dia", "\n"]


@given(st.text())
def test_fold_keeps_length(text):
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("pattern", "text", "ok"),
    [("AS", "AS", True), ("AS", "as", False), ("AS", "As", False), ("Nato", "NATO", True),
     ("the US", "the us", False), ("the US", "The US", True), ("polisi", "POLISI", True),
     ("Rusia", "rusia", False)],
)
def test_case_ok(pattern, text, ok):
    assert case_ok(pattern, text) is ok


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Rusiaku menang.", []),  # no match inside a longer word
        ("Palestina-Israel bertikai.", ["PSE", "ISR"]),
        ("perusahaan-perusahaan China", ["CHNBUS"]),  # one reduplicated role word
        ("kantor berita rusia menulis", ["RUSMED"]),  # lower-cased text carries no case
    ],
)
def test_boundaries(mentions, text, codes):
    assert [m.code for m in mentions(text)] == codes


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from(["id", "en"]))
def test_every_span_slices_back(stage, words, lang):
    text = " ".join(words)
    a = stage(article(text, lang))
    for m in a.mentions:
        assert a.text[m.start : m.end] == m.text
        assert m.sentence in {s.index for s in a.sentences}
    assert stage(a).mentions == a.mentions
