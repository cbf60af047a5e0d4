"""`warta eval events` through the real entry point, on invented article gold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

WARTA = str(Path(sys.executable).parent / "warta")


def test_eval_events_reads_texts_from_shared_and_keeps_the_split(tmp_path: Path) -> None:
    corpus = tmp_path / "corpora" / "c.jsonl"
    corpus.parent.mkdir()
    corpus.write_text(json.dumps({"url": "t://1", "language": "en", "published": "2025-05-02",
                                  "text": "Indonesian police arrested 20 students in Jakarta "
                                          "on Monday."}) + "\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"url": "t://1", "corpus": "corpora/c.jsonl", "split": "dev",
                                "gold_triples": [{"source": "IDN", "target": "IDN",
                                                  "root": "17"}]}) + "\n")
    res = subprocess.run([WARTA, "eval", "events", str(gold), "--shared", str(tmp_path),
                          "--split", "dev"], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "(split dev)" in res.stdout and "category+source+target" in res.stdout
    missing = subprocess.run([WARTA, "eval", "events", str(gold)], capture_output=True,
                             text=True, timeout=300)
    assert missing.returncode != 0 and "--shared" in missing.stderr
