"""Golden test: the events warta codes on the real sample page.

The expected file holds no news text, only codes, dates, places and
character offsets; it was reviewed by hand against the page (see
tests/golden/README.md). After a deliberate change, run
``pytest tests/golden --update-golden``, review the diff, and commit it.
"""

from __future__ import annotations

import json
from pathlib import Path

from warta.ingest import iter_inputs
from warta.model import Article
from warta.process import build_pipeline

GOLDEN = Path(__file__).with_name("sample_events.json")


def _reduce(article: Article) -> list[dict[str, object]]:
    return [
        {"code": e.code, "source": e.source.code if e.source else "",
         "target": e.target.code if e.target else "", "date": e.date,
         "precision": e.date_precision, "place": e.place.fips if e.place else "",
         "evidence": [e.evidence_start, e.evidence_end], "pattern": e.pattern}
        for e in article.events
    ]


def test_sample_page_events_match_the_reviewed_golden(sample_path: Path,
                                                      update_golden: bool) -> None:
    (article,) = list(iter_inputs([str(sample_path)]))
    got = _reduce(build_pipeline()(article))
    if update_golden:
        GOLDEN.write_text(json.dumps(got, indent=1) + "\n")
    assert got == json.loads(GOLDEN.read_text())


def test_every_evidence_span_lies_in_its_sentence(sample_path: Path) -> None:
    (article,) = list(iter_inputs([str(sample_path)]))
    out = build_pipeline()(article)
    for ev in out.events:
        sent = out.sentences[ev.sentence]
        assert sent.start <= ev.evidence_start < ev.evidence_end <= sent.end
