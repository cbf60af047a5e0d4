"""End to end on the real sample page (skips without ../shared): reader,
language, segmenter, actors; every gold actor is found with its code."""

from __future__ import annotations

import json

import pytest

from warta.actors.stage import ActorStage
from warta.pipeline import Pipeline


@pytest.fixture
def sample_article(sample_path, stage: ActorStage):
    pytest.importorskip("warta.language.segment")
    from warta.ingest import iter_inputs
    from warta.language.detect import LanguageStage
    from warta.language.segment import SegmentStage

    (article,) = list(iter_inputs([str(sample_path)]))
    return Pipeline([LanguageStage(), SegmentStage(), stage])(article)


def test_gold_actors(sample_article, shared):
    gold = json.loads((shared / "eval" / "seed" / "seed_gold.jsonl").read_text().splitlines()[0])
    found = {(m.text, m.code) for m in sample_article.mentions}
    missing = [(g["text"], g["code"]) for g in gold["actors"]
               if (g["text"], g["code"]) not in found]
    assert not missing


@pytest.mark.parametrize(
    ("text", "code"),
    [("Wang Yi", "CHNGOV"), ("Sergei Lavrov", "RUSGOV"), ("Vladimir Putin", "RUSGOV"),
     ("Putin", "RUSGOV"), ("Xi Jinping", "CHNGOV"), ("RIA Novosti", "RUSMED"),
     ("China", "CHN"), ("Tiongkok", "CHN"), ("Rusia", "RUS"), ("Moskow", "RUS"),
     ("Beijing", "CHN"), ("Ukraina", "UKR"), ("Barat", "WST")],
)
def test_sample_codes(sample_article, text, code):
    assert {m.code for m in sample_article.mentions if m.text == text} == {code}


def test_ujarnya_is_wang(sample_article):
    (ujarnya,) = [m for m in sample_article.mentions if m.text == "ujarnya"]
    assert (ujarnya.name, ujarnya.code, ujarnya.method) == ("Wang Yi", "CHNGOV", "coreference")


def test_spans_slice_back(sample_article):
    for m in sample_article.mentions:
        assert sample_article.text[m.start : m.end] == m.text


@pytest.mark.parametrize("text", ["katanya", "tambahnya"])
def test_attributions_have_codes(sample_article, text):
    assert all(m.code.endswith("GOV") for m in sample_article.mentions if m.text == text)


def test_short_name_after_speech_verb_is_the_known_person(sample_article):
    assert {m.code for m in sample_article.mentions if m.text == "Wang"} == {"CHNGOV"}
