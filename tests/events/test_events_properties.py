"""Properties: every evidence span slices back into its sentence; coding is deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = ["Rusia", "China", "Ukraina", "menyerang", "diserang", "oleh", "dan", "tidak", "akan",
         "mengunjungi", "kunjungan", "ke", "dengan", "pertemuan", "sanksi", "terhadap", "kata",
         "“", "”", ",", "berjanji", "mendukung", "menolak", "untuk", "bertemu", "Barat",
         "attacked", "Russia", "by", "was", "talks", "with", "the", "not", "will", "visit",
         # words of the clause, relative, author, partitive and agent-country mechanisms
         "must", "that", "it", "said", "yang", "dari", "kritik", "unless", "decided", "to",
         "thousands", "of", "troops", "in", "rejected", "calls", "menahan", "dua", "polisi",
         "On", "Tuesday", "and", "President", "tidak", "hanya", "menewaskan", "Serangan"]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25), st.sampled_from(["id", "en"]))
def test_spans_slice_back_and_runs_agree(make_article, stage, words, lang):
    article = make_article(" ".join(words) + ".", lang)
    first = stage(article)
    assert stage(article) == first
    for e in first.events:
        sentence = first.sentences[e.sentence]
        assert sentence.start <= e.evidence_start < e.evidence_end <= sentence.end
        for m in (e.source, e.target):
            if m is not None:
                assert first.text[m.start:m.end] == m.text
        assert e.code.startswith(e.root) and e.base.startswith(e.root)
        assert e.quad_class in (1, 2, 3, 4)
