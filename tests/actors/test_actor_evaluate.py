from __future__ import annotations

import pytest

from warta.actors.evaluate import evaluate_ner, gold_spans
from warta.errors import DataFileError

CONLL = """Menteri NOUN O
Luar NOUN O
Negeri NOUN O
Rusia PROPN B-LOC
, PUNCT O
Sergei PROPN B-PER
Lavrov PROPN I-PER
tiba VERB O
di ADP O
Beijing PROPN B-LOC
. PUNCT O

PBB PROPN B-ORG
dan CCONJ O
Budi PROPN B-PER
bertemu VERB O
Piala PROPN B-EVT
Dunia PROPN I-EVT
"""


def test_gold_spans_from_iob():
    text, spans, unscored = gold_spans(["Sergei", "Lavrov", "di", "Moskow"],
                                       ["B-PPL", "I-PPL", "O", "B-PLC"])
    assert text == "Sergei Lavrov di Moskow"
    assert spans == [("PER", 0, 13), ("LOC", 17, 23)]
    assert not unscored


def test_report(tmp_path, stage):
    path = tmp_path / "mini.txt"
    path.write_text(CONLL)
    report = evaluate_ner(path, stage)
    assert report.sentences == 2
    per, org, loc = (report.score(k) for k in ("PER", "ORG", "LOC"))
    assert (per.gold, per.exact) == (2, 1)  # Lavrov found; unknown "Budi" is not
    assert (org.gold, org.exact, org.predicted) == (1, 1, 1)
    assert (loc.gold, loc.exact) == (2, 1)  # "Rusia" sits inside the role phrase
    assert report.unscored_tags == {"EVT": 1}
    table = report.format()
    assert "PER" in table and "not scored: EVT 1" in table


def test_bad_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("Rusia B-LOC\nsendiri\n")
    with pytest.raises(DataFileError) as err:
        evaluate_ner(path)
    assert err.value.line == 2
