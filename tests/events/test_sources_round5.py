"""English sources of reported clauses (events/source_search.py, round 5;
invented sentences): a reporter coordinated with another subject by a pronoun
("X said it and Y have agreed …") and a long aside between a firm and its
reporting verb."""

from __future__ import annotations

import pytest

from warta.events.evaluate import _article, actor_key
from warta.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    from warta.process import build_pipeline
    return build_pipeline(stages=("language", "segment", "actors", "quotes", "events"))


def _events(pipeline: Pipeline, text: str) -> set[tuple[str, str, str, str]]:
    art = pipeline(_article({"text": text, "language": "en", "published": "1987-04-01"}, 1, "t"))
    return {(e.source.text if e.source else "", actor_key(e.source), actor_key(e.target),
             e.code[:2]) for e in art.events}


def test_pronoun_coordinated_with_a_mention_stands_for_the_reporter(pipeline: Pipeline) -> None:
    out = _events(pipeline, "Kestrel Holdings Plc said it and Brightwater Mining Ltd of "
                            "Canada have agreed to buy a stake in Zenith Holdings Ltd of Italy.")
    sources = {s for s, *_ in out}
    assert "Kestrel Holdings Plc" in sources


def test_pronoun_coordinated_with_an_owner_phrase_stands_for_the_reporter(
        pipeline: Pipeline) -> None:
    out = _events(pipeline, "Kestrel Holdings Plc said it and the management of Vandamme "
                            "Freres SA have agreed to sell Brightwater Mining Ltd of Canada.")
    assert ("Kestrel Holdings Plc", "GBR", "CAN", "06") in out


def test_reporter_before_a_long_aside_with_an_actor_inside(pipeline: Pipeline) -> None:
    out = _events(pipeline, "Kestrel Holdings Plc, a London investment firm with a five pct "
                            "stake in Vandamme Freres SA, said it has had talks with "
                            "Brightwater Mining Ltd of Canada.")
    assert ("Kestrel Holdings Plc", "GBR", "CAN", "04") in out

