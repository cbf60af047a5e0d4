"""Dask distributed vs Ray on warta's own workload (the measurement behind docs/scale.md).

Both engines run the very same task, ``warta.scale.dask.process_shard`` (read a
file shard, run the pipeline, write Parquet), on a local cluster of N worker
processes, so only the engine differs. Measured: cluster start-up (until it
accepts work), wall time of the run, articles/s, and the installed size of the
engine's packages.

    .venv/bin/python benchmarks/engines.py --engine dask [--shared ../shared]
    /tmp/venv_ray/bin/python benchmarks/engines.py --engine ray   # PYTHONPATH=src

Prints one JSON line per run. Skips cleanly when the corpora are absent.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared"


def _dist_size(names: list[str]) -> float:
    """Installed MB of the named distributions and their declared requirements."""
    seen: set[str] = set()
    todo = list(names)
    total = 0
    while todo:
        name = todo.pop().lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        for f in dist.files or []:
            p = Path(str(dist.locate_file(f)))
            if p.is_file():
                total += p.stat().st_size
        for req in dist.requires or []:
            if "extra ==" not in req:
                todo.append(req.split(";")[0].split("[")[0].split("<")[0].split(">")[0]
                            .split("=")[0].split("!")[0].split("~")[0].strip())
    return total / 1e6


def _shards(corpus: Path, out: str, stages: tuple[str, ...], workers: int) -> list:
    from warta.scale.dask import plan
    from warta.settings import Settings

    size = corpus.stat().st_size
    return plan([str(corpus)], out_dir=out, run_id="bench", settings=Settings(), stages=stages,
                options=None, shard_bytes=max(1, size // (4 * workers)), batch_size=200)


def _warm(stages: tuple[str, ...] | None) -> None:
    from warta.scale.pool import build
    from warta.settings import Settings

    build(Settings(), stages)


def _warm_and_wait(stages: tuple[str, ...] | None) -> None:
    _warm(stages)
    time.sleep(2.0)  # keep this worker busy so the other warm-ups go elsewhere


def run_dask(shards: list, workers: int) -> tuple[float, float, list]:
    from distributed import Client, LocalCluster

    from warta.scale.dask import process_shard

    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    client = Client(cluster)
    started = time.perf_counter() - t0
    client.run(_warm, shards[0].stages)  # every worker imports warta, builds the pipeline
    t1 = time.perf_counter()
    results = client.gather(client.map(process_shard, shards, pure=False))
    run = time.perf_counter() - t1
    client.close()
    cluster.close()
    return started, run, results


def run_ray(shards: list, workers: int) -> tuple[float, float, list]:
    import ray

    from warta.scale.dask import process_shard

    t0 = time.perf_counter()
    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"PYTHONPATH": str(ROOT / "src")}})
    task = ray.remote(num_cpus=1)(process_shard)
    ray.get(ray.remote(lambda: 1).remote())  # the cluster accepts work
    started = time.perf_counter() - t0
    # every worker imports warta and builds the pipeline once (one task per CPU,
    # each holding its CPU until all have started, so each lands on its own worker)
    warm = ray.remote(num_cpus=1)(_warm_and_wait)
    ray.get([warm.remote(shards[0].stages) for _ in range(workers)])
    t1 = time.perf_counter()
    results = ray.get([task.remote(s) for s in shards])
    run = time.perf_counter() - t1
    ray.shutdown()
    return started, run, results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--engine", choices=("dask", "ray"), required=True)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--corpus", default="corpora/detik_id_702.jsonl")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--stages", default="language,segment",
                    help="comma-separated stage names; 'default' for the full pipeline")
    args = ap.parse_args()
    corpus = args.shared / args.corpus
    if not corpus.is_file():
        print(f"skipped: {corpus} not present", file=sys.stderr)
        return 0
    stages = None if args.stages == "default" else tuple(args.stages.split(","))
    size = _dist_size(["dask", "distributed"] if args.engine == "dask" else ["ray"])
    with tempfile.TemporaryDirectory() as out:
        shards = _shards(corpus, out, stages, args.workers)
        runner = run_dask if args.engine == "dask" else run_ray
        started, run, results = runner(shards, args.workers)
    articles = sum(r.articles for r in results)
    sentences = sum(r.sentences for r in results)
    errors = [r.error for r in results if r.error]
    print(json.dumps({
        "engine": args.engine, "version": md.version("distributed" if args.engine == "dask"
                                                     else "ray"),
        "install_mb_with_deps": round(size, 1), "workers": args.workers,
        "startup_s": round(started, 2), "run_s": round(run, 2), "shards": len(shards),
        "articles": articles, "sentences": sentences,
        "articles_per_s": round(articles / run, 1), "sentences_per_s": round(sentences / run, 1),
        "errors": errors[:3], "stages": args.stages, "corpus": args.corpus,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
