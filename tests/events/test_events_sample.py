"""End to end on the real sample page (skips without ../shared or the other stages)."""

from __future__ import annotations

import json

import pytest

from warta.errors import StageError
from warta.events.evaluate import _article, evaluate_events


@pytest.fixture(scope="module")
def pipeline(coding_pipeline):
    return coding_pipeline


def _run(call):
    try:
        return call()
    except StageError as exc:
        if exc.stage == "events":
            raise
        pytest.skip(f"an earlier stage failed: {exc}")


def test_sample_page_finds_all_required_triples(shared, pipeline):
    gold = shared / "eval" / "seed" / "seed_gold.jsonl"
    report = _run(lambda: evaluate_events(gold, pipeline))
    assert report.triple.recall == 1.0
    assert report.triple.precision >= 0.8


def test_sample_events_show_their_evidence(shared, pipeline):
    record = json.loads((shared / "eval" / "seed" / "seed_gold.jsonl").read_text().splitlines()[0])
    article = _run(lambda: pipeline(_article(record, 1, "seed")))
    assert article.events
    for e in article.events:
        evidence = article.text[e.evidence_start:e.evidence_end]
        assert e.source is not None and e.source.text in article.text
        assert len(evidence) >= 5 and e.pattern.startswith("id:")
