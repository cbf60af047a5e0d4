"""End to end on the sample page: reader, language, segmenter, actors, then
the knowledge stages and the GKG row (issue 6, "Checked by")."""

from __future__ import annotations

import functools

import pytest

from warta.enrich.gkg import gkg_row


@functools.lru_cache(maxsize=1)
def run_pipeline(path: str):
    """The sample processed once for the whole module (stages are costly to build)."""
    ingest = pytest.importorskip("warta.ingest")
    process = pytest.importorskip("warta.process")
    pipeline = process.build_pipeline(
        stages=("language", "segment", "actors", "quotes", "amounts", "themes", "tone"))
    (article,) = list(ingest.iter_inputs([path]))
    return pipeline(article)


@pytest.fixture
def processed(sample_path):
    return run_pipeline(str(sample_path))


def quote_ending(article, ending: str):
    return next(q for q in article.quotes if q.text.endswith(ending))


@pytest.mark.parametrize(
    "ending, surname, verb",
    [
        ("masa depan cerah", "Wang", "ujarnya"),
        ("Palestina-Israel", "Wang", "tegas"),
        ("ke dalam konflik", "Wang", "katanya"),
        ("melawan terorisme", "Lavrov", "kata"),
        ("sedang berlangsung", "Lavrov", "tambahnya"),
        ("kepemimpinan [Vladimir] Putin", "Wang", "berjanji"),
    ],
)
def test_sample_quote_speakers(processed, ending, surname, verb):
    q = quote_ending(processed, ending)
    # the surname is enough here: how the actors stage canonicalises a bare
    # "Wang" is its business; which person speaks is ours
    assert surname in q.speaker.name and q.verb == verb


def test_sample_has_five_attributed_quotes_and_the_indirect_one(processed):
    named = [q for q in processed.quotes
             if q.speaker and ("Wang" in q.speaker.name or "Lavrov" in q.speaker.name)]
    assert len(named) >= 5
    indirect = [q for q in processed.quotes if q.kind == "indirect" and q.verb == "mengatakan"]
    assert ["Lavrov" in q.speaker.name for q in indirect] == [True]
    assert indirect[0].text.startswith("selama kunjungannya")


def test_sample_amounts_themes_tone_and_gkg_row(processed):
    money = [a for a in processed.amounts if a.unit == "USD"]
    assert [(a.value, a.counts) for a in money] == [(240e9, "trade")]
    assert any(a.value == 2 and a.unit == "day" for a in processed.amounts)
    assert {"TERROR", "TRADE", "SANCTIONS"} <= {t.name for t in processed.themes}
    assert processed.tone.word_count > 300
    row = gkg_row(processed, "20240409233000-1")
    assert len(row) == 27
    assert row[22].count("|") >= 5 * 3  # Quotations: offset|length|verb|quote
