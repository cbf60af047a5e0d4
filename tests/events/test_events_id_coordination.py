"""Indonesian coordinated predicates: "X mengecam … dan menuntut …" keeps X as
the source of the second verb."""

from __future__ import annotations

from datetime import datetime

import pytest

from warta.model import Article


@pytest.fixture(scope="module")
def pipeline(coding_pipeline):
    return coding_pipeline


def events(pipeline, text: str):
    article = Article(url="test://id-coord/" + str(abs(hash(text))), text=text, language="id",
                      published=datetime(2025, 10, 20))
    return pipeline(article).events


def test_the_second_verb_of_a_coordinated_predicate_keeps_the_first_subject(pipeline):
    evs = events(pipeline, "Komnas HAM mengecam tindakan aparat dan menuntut polisi "
                           "membebaskan para mahasiswa.")
    demand = [e for e in evs if e.code.startswith("10")]
    assert demand and {e.source.text for e in demand} == {"Komnas HAM"}


def test_serta_joins_two_verbs_of_one_subject(pipeline):
    evs = events(pipeline, "Koalisi masyarakat sipil menyesalkan sikap aparat serta mendesak "
                           "Kapolri mencopot Kapolda.")
    demand = [e for e in evs if e.code.startswith("10")]
    assert demand and {e.source.code for e in demand} == {"IDNNGO"}
