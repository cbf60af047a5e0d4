"""Accuracy gate for the event coder: scores gold sets, fails under pinned floors.

Usage: python benchmarks/accuracy_events.py [--shared ../shared] [--baseline FILE]

Gold sets (from the shared folder; the gate skips cleanly when it is absent):
  eval/seed/seed_gold.jsonl            the sample page, article-level triples (Indonesian)
  eval/plover_gsr/PLOVER_GSR_dev.json  179 English CAMEO-manual leads, PLOVER v0.5 categories
  reference/cameo/CAMEO_codebook_icews.csv  one English example per CAMEO code: root recall
    (category only; many of these examples are also PLOVER dev sentences)
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
    args = parser.parse_args(argv)
    from warta.events.evaluate import evaluate_codebook_examples, evaluate_events
    from warta.process import build_pipeline

    floors: dict[str, dict[str, float]] = json.loads(args.baseline.read_text("utf-8"))["floors"]
    pipeline = build_pipeline(stages=STAGES)
    failed = False
    for rel, wanted in floors.items():
        gold = args.shared / rel
        if not gold.is_file():
            print(f"skip {rel}: not found under {args.shared}")
            continue
        report = (evaluate_codebook_examples(gold, pipeline) if gold.suffix == ".csv"
                  else evaluate_events(gold, pipeline))
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
