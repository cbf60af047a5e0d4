"""PLOVER JSON records and the gold-standard evaluation."""

from __future__ import annotations

import dataclasses
import json

import pytest

from warta.errors import InputError
from warta.events.evaluate import evaluate_events
from warta.events.plover import plover_record
from warta.model import Article, Event, Mention
from warta.pipeline import Pipeline


def test_plover_record_carries_event_and_evidence(make_article, stage):
    article = stage(make_article("Rusia menyerang Ukraina."))
    record = plover_record(article, article.events[0])
    json.dumps(record)  # serialisable as a JSON line
    assert record["event"] == "ASSAULT"
    assert record["source"][0]["code"] == "RUS" and record["target"][0]["code"] == "UKR"
    assert record["eventText"] == "Rusia menyerang Ukraina"
    assert record["cameo"]["code"] == "190" and record["cameo"]["quadClass"] == 4
    assert record["evidence"]["pattern"].startswith("id:serang:190:")
    assert record["id"] == plover_record(article, article.events[0])["id"]


def _mention(text: str, start: int, code: str) -> Mention:
    return Mention(start, start + len(text), text, 0, code, text, code[:3])


@dataclasses.dataclass
class FixedCoder:
    """Stands in for the pipeline: codes 'A hits B' as A->B with a fixed CAMEO code."""

    code: str = "190"
    name: str = "fixed"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, article: Article) -> Article:
        words = article.text.rstrip(".").split()
        if len(words) < 3 or words[1] != "hits":
            return article
        a, b = words[0], words[2]
        src = _mention(a, 0, a)
        tgt = _mention(b, article.text.index(b), b)
        event = Event(0, self.code, src, tgt, 0, len(article.text), "t:1", root=self.code[:2])
        return dataclasses.replace(article, events=(event,))


def test_plover_gold_scores_triples_and_categories(tmp_path):
    gold = [
        {"id": "1", "text": "USA hits IRQ.", "event": "FIGHT", "language": "en",
         "source": [{"code": "USA"}], "target": [{"code": "IRQ"}]},
        {"id": "2", "text": "GBR hits FRA.", "event": "FIGHT", "language": "en",
         "source": [{"code": "GBR"}], "target": None},  # empty gold target matches any
        {"id": "3", "text": "DEU hits ITA.", "event": "FIGHT", "language": "en",
         "source": [{"code": "ITA"}], "target": [{"code": "DEU"}]},  # roles swapped
        {"id": "4", "text": "Nobody did anything.", "event": "AGREE", "language": "en",
         "source": [{"code": "ESP"}], "target": [{"code": "PRT"}]},
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold))
    report = evaluate_events(path, Pipeline([FixedCoder()]))
    assert report.units == 4 and report.uncoded == 1
    assert (report.triple.tp_pred, report.triple.n_pred) == (2, 3)
    assert (report.triple.tp_gold, report.triple.n_gold) == (2, 4)
    assert report.category.precision == 1.0 and report.category.recall == 0.75
    assert report.confusion[("AGREE", "")] == 1
    text = report.format()
    assert "category+source+target" in text and "AGREE" in text


def test_article_gold_counts_optional_triples_as_neither(tmp_path):
    rows = [{"url": "t://1", "text": "RUS hits UKR.", "language": "en",
             "gold_triples": [{"source": "RUS", "target": "UKR", "root": "19"},
                              {"source": "CHN", "target": "RUS", "root": "04"}],
             "optional_triples": []},
            {"url": "t://2", "text": "USA hits CUB.", "language": "en",
             "gold_triples": [], "optional_triples": [{"source": "USA", "target": "CUB",
                                                        "root": "19"}]}]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    report = evaluate_events(path, Pipeline([FixedCoder()]))
    assert (report.triple.precision, report.triple.recall) == (1.0, 0.5)
    assert report.as_dict()["triple_f1"] == pytest.approx(2 / 3, abs=1e-3)


def test_unknown_gold_format_is_an_input_error(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([{"hello": 1}]))
    with pytest.raises(InputError, match="gold_triples"):
        evaluate_events(path, Pipeline([FixedCoder()]))


@pytest.mark.parametrize(("code", "fixed", "recall"), [
    ("190", "190", 1.0),   # the example's root was coded
    ("190", "111", 0.0),   # another root
    ("0211", "190", None),  # appeals (02) have no PLOVER category: not scored
])
def test_codebook_examples_score_root_recall(tmp_path, code, fixed, recall):
    from warta.events.evaluate import evaluate_codebook_examples

    path = tmp_path / "codebook.csv"
    path.write_text('"code","name","example"\n'
                    f'"{code}","x","RUS hits UKR."\n"19","root","NA"\n', "utf-8")
    report = evaluate_codebook_examples(path, Pipeline([FixedCoder(fixed)]))
    if recall is None:
        assert report.units == 0
    else:
        assert report.units == 1 and report.category.recall == recall
        assert report.kind == "examples" and "1 examples" in report.format()


def test_article_gold_reads_its_text_from_a_corpus_by_url(tmp_path):
    corpus = tmp_path / "corpora" / "c.jsonl"
    corpus.parent.mkdir()
    corpus.write_text(json.dumps({"url": "t://1", "text": "RUS hits UKR.", "language": "en"})
                      + "\n" + json.dumps({"url": "t://2", "text": "USA hits CUB."}) + "\n")
    rows = [{"url": "t://1", "corpus": "corpora/c.jsonl", "split": "dev",
             "gold_triples": [{"source": "RUS", "target": "UKR", "root": "19"}]},
            {"url": "t://2", "corpus": "corpora/c.jsonl", "split": "test",
             "gold_triples": [{"source": "USA", "target": "CUB", "root": "04"}]}]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    dev = evaluate_events(gold, Pipeline([FixedCoder()]), shared=tmp_path, split="dev")
    assert dev.units == 1 and (dev.triple.precision, dev.triple.recall) == (1.0, 1.0)
    both = evaluate_events(gold, Pipeline([FixedCoder()]), shared=tmp_path)
    assert both.units == 2 and both.triple.recall == 0.5
    with pytest.raises(InputError, match="--shared"):
        evaluate_events(gold, Pipeline([FixedCoder()]))
    with pytest.raises(InputError, match="no record has split"):
        evaluate_events(gold, Pipeline([FixedCoder()]), shared=tmp_path, split="train")


def test_article_gold_names_a_url_missing_from_its_corpus(tmp_path):
    (tmp_path / "c.jsonl").write_text(json.dumps({"url": "t://1", "text": "x"}) + "\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"url": "t://9", "corpus": "c.jsonl", "gold_triples": []}) + "\n")
    with pytest.raises(InputError, match="t://9 is not in c.jsonl"):
        evaluate_events(gold, Pipeline([FixedCoder()]), shared=tmp_path)


def test_plover_scores_an_igo_by_its_type_articles_by_its_region():
    from warta.events.evaluate import actor_key, plover_actor_key

    eu = Mention(0, 2, "EU", 0, "IGOEUREEC", "European Union", "EUR", ("IGO", "EEC"),
                 "organisation")
    un = Mention(0, 2, "UN", 0, "IGOUNO", "United Nations", "", ("IGO", "UNO"), "organisation")
    rus = Mention(0, 6, "Russia", 0, "RUSGOV", "Russia", "RUS", ("GOV",))
    assert actor_key(eu) == "EUR" and plover_actor_key(eu) == "IGO"
    assert actor_key(un) == plover_actor_key(un) == "IGO"
    assert plover_actor_key(rus) == "RUS" and plover_actor_key(None) == ""


def test_sentence_gold_scores_only_its_span_of_the_corpus_text(tmp_path):
    import hashlib

    text = "RUS hits UKR. USA hits CUB."
    (tmp_path / "c.jsonl").write_text(json.dumps({"url": "t://1", "title": "IRN hits IRQ",
                                                  "text": text}) + "\n")
    sha = hashlib.sha1(b"USA hits CUB.").hexdigest()
    row = {"url": "t://1", "corpus": "c.jsonl", "span": [14, 27], "span_sha1": sha,
           "gold_triples": [{"source": "USA", "target": "CUB", "root": "19"}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(row) + "\n")
    report = evaluate_events(gold, Pipeline([FixedCoder()]), shared=tmp_path)
    # only the second sentence is read: the title's and first sentence's events are not coded
    assert (report.triple.precision, report.triple.recall) == (1.0, 1.0)
    gold.write_text(json.dumps({**row, "span_sha1": "0" * 40}) + "\n")
    with pytest.raises(InputError, match="no longer matches span_sha1"):
        evaluate_events(gold, Pipeline([FixedCoder()]), shared=tmp_path)
    gold.write_text(json.dumps({**row, "span": [20, 99]}) + "\n")
    with pytest.raises(InputError, match=r"span must be \[start, end\]"):
        evaluate_events(gold, Pipeline([FixedCoder()]), shared=tmp_path)


def test_a_span_of_hard_wrapped_wire_copy_is_read_as_one_line(tmp_path):
    import hashlib

    from warta.events.evaluate import _span_only

    wire = ("The foreign ministers of the two countries met in the capital\n"
            "on Tuesday and agreed to expand their trade, officials said.\n"
            "    The talks were the first since the border dispute began in\n"
            "the spring, the officials said, and will resume next month in\n"
            "the other capital, according to a statement by both sides.\n")
    end = wire.index("\n    ")
    piece = wire[:end]
    row = {"url": "t://1", "text": wire, "title": "T", "span": [0, end],
           "span_sha1": hashlib.sha1(piece.encode()).hexdigest()}
    out = _span_only(tmp_path / "g.jsonl", 1, row)
    assert out["text"] == " ".join(piece.split()) and "title" not in out
    # a text with a line per paragraph keeps its line breaks
    lines = "Title line\nFirst paragraph here.\n"
    row = {"url": "t://2", "text": lines, "span": [0, len(lines) - 1]}
    assert _span_only(tmp_path / "g.jsonl", 1, row)["text"] == lines[:-1]


def test_a_bare_role_type_has_no_country_in_triples():
    from warta.events.evaluate import actor_key

    firm = Mention(0, 9, "Acme Inc", 0, "BUS", "Acme Inc", "", ("BUS",), "organisation")
    mnc = Mention(0, 5, "banks", 0, "MNC", "banks", "", ("MNC",), "organisation")
    assert actor_key(firm) == "" and actor_key(mnc) == "MNC"
