"""Accuracy gate for the event coder: scores gold sets, fails under pinned floors.

Usage: python benchmarks/accuracy_events.py [--shared ../shared] [--baseline FILE] [--held-out]

Gold sets (the gate skips a set cleanly when it, or the corpus its texts come from,
is absent):
  eval/seed/seed_gold.jsonl            the sample page, article-level triples (Indonesian)
  eval/plover_gsr/PLOVER_GSR_dev.json  179 English CAMEO-manual leads, PLOVER v0.5 categories
  reference/cameo/CAMEO_codebook_icews.csv  one English example per CAMEO code: root recall
    (category only; many of these examples are also PLOVER dev sentences)
  benchmarks/gold/detik_id.jsonl#dev   18 Detik articles, blind article-level gold (dev split)
  benchmarks/gold/en_articles.jsonl#dev  18 BBC/Reuters articles, the same (dev split)
  benchmarks/gold/en_leads.jsonl#dev   80 Reuters lead sentences, blind sentence-level gold
Keys starting with ``benchmarks/`` are files of this repository (their texts are read
from the shared corpora by url); ``#split`` scores only that split. ``--held-out`` also
prints the ``test`` splits of those files, without floors: they are for reporting,
never for developing rules.
Floors live in benchmarks/baselines/events.json; raise them when the coder improves.
Exit status: 0 all floors met (or no gold), 1 a figure fell under its floor.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("language", "segment", "actors", "quotes", "events")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--baseline", type=Path,
                        default=ROOT / "benchmarks" / "baselines" / "events.json")
    parser.add_argument("--held-out", action="store_true",
                        help="also print the test splits of the repository's gold files")
    args = parser.parse_args(argv)
    from warta.errors import InputError
    from warta.events.evaluate import evaluate_codebook_examples, evaluate_events
    from warta.process import build_pipeline

    floors: dict[str, dict[str, float]] = json.loads(args.baseline.read_text("utf-8"))["floors"]
    pipeline = build_pipeline(stages=STAGES)
    failed = False
    sets = list(floors.items())
    if args.held_out:
        sets += [(key.split("#")[0] + "#test", {}) for key in floors
                 if key.startswith("benchmarks/") and key.endswith("#dev")]
    for key, wanted in sets:
        rel, _, split = key.partition("#")
        gold = (ROOT if rel.startswith("benchmarks/") else args.shared) / rel
        if not gold.is_file() or not args.shared.is_dir():
            print(f"skip {key}: not found")
            continue
        if gold.suffix == ".csv":
            report = evaluate_codebook_examples(gold, pipeline)
        else:
            try:
                report = evaluate_events(gold, pipeline, shared=args.shared,
                                         split=split or None)
            except InputError as exc:  # e.g. the corpus the texts come from is absent
                print(f"skip {key}: {exc}")
                continue
        print(report.format())
        figures = report.as_dict()
        for name, floor in wanted.items():
            value = float(figures[name])
            ok = value + 1e-9 >= floor
            failed |= not ok
            print(f"  {'ok  ' if ok else 'FAIL'} {name} = {value:.3f} (floor {floor:.3f})")
        print()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
