"""Run the pipeline on a Dask distributed cluster; write Parquet partitioned by date.

Why Dask and not Ray: see docs/scale.md (measured on this workload: a sixth of
the install size, faster start-up, same throughput).

The unit of work is a *shard*: (input file, k of n). Every worker reads its
file itself — inputs never travel through the scheduler — and keeps the
articles whose id (a content hash) is k modulo n, so one big JSONL file still
spreads over the cluster, and repeats of an article meet in one shard. Each
worker builds the pipeline once (``pool.build`` caches it per process) and
writes its results straight to ``out_dir`` as Parquet, with the store's own
Arrow schemas:

    out_dir/<table>/<YYYY-MM-DD | unknown-date>/part-<shard>-<batch>.parquet
    out_dir/quarantine/part-<shard>-<batch>.parquet
    out_dir/_shards/<shard>.json            (written last: the shard is done)

Date folders are plain names, not Hive ``key=value``: DuckDB would otherwise
add a ``date`` column that the store's tables do not have. Query in place with
``read_parquet('out/events/2024-04-*/*.parquet')``; import with
``Store.load_parquet(out_dir)`` (``warta load``).

File names are deterministic, so a re-run overwrites rather than duplicates,
and shards whose marker exists are skipped: an interrupted run resumes.
"""

from __future__ import annotations

import json
import logging
import math
import os
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

import pyarrow.parquet as pq

from ..ingest import ReadOptions, expand_paths, iter_inputs
from ..model import Article, Rejection, content_hash
from ..pipeline import Pipeline
from ..settings import Settings
from ..store.rows import to_tables
from .pool import default_workers, pipeline_for, run_chunk, settings_key

log = logging.getLogger(__name__)

UNKNOWN_DATE = "unknown-date"


@dataclass(frozen=True)
class Shard:
    """One task: the articles of ``path`` at positions ``index`` modulo ``count``."""

    path: str
    index: int
    count: int
    out_dir: str
    run_id: str
    settings_json: str
    stages: tuple[str, ...] | None
    options: ReadOptions | None
    batch_size: int

    @property
    def key(self) -> str:
        return content_hash(self.path, str(self.index), str(self.count))[:16]


@dataclass
class ShardResult:
    key: str
    path: str
    articles: int = 0
    rejected: int = 0
    sentences: int = 0
    events: int = 0
    parts: int = 0
    skipped: bool = False  # done by an earlier run
    error: str | None = None


@dataclass
class DistributedSummary:
    run_id: str
    out_dir: str
    files: int = 0
    shards: int = 0
    shards_skipped: int = 0
    articles: int = 0
    rejected: int = 0
    sentences: int = 0
    events: int = 0
    parts: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def add(self, r: ShardResult) -> None:
        self.shards_skipped += r.skipped
        self.articles += r.articles
        self.rejected += r.rejected
        self.sentences += r.sentences
        self.events += r.events
        self.parts += r.parts
        if r.error:
            self.errors.append(f"{r.path}: {r.error}")


def _date_folder(article: Article) -> str:
    return article.published.date().isoformat() if article.published else UNKNOWN_DATE


def _write(table: object, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    pq.write_table(table, tmp)  # type: ignore[arg-type]
    os.replace(tmp, path)  # readers never see half a file


def write_batch(shard: Shard, batch_no: int, articles: Sequence[Article],
                rejections: Sequence[Rejection], added: datetime) -> int:
    """Write one batch as Parquet parts, articles grouped by publication date."""
    out = Path(shard.out_dir)
    name = f"part-{shard.key}-{batch_no:05d}.parquet"
    by_date: dict[str, list[Article]] = defaultdict(list)
    for art in articles:
        by_date[_date_folder(art)].append(art)
    parts = 0
    for day, group in sorted(by_date.items()):
        for table, data in to_tables(group, [], shard.run_id, added).items():
            if data.num_rows and table != "quarantine":
                _write(data, out / table / day / name)
                parts += 1
    if rejections:
        _write(to_tables([], rejections, shard.run_id, added)["quarantine"],
               out / "quarantine" / name)
        parts += 1
    return parts


def _marker(shard: Shard) -> Path:
    return Path(shard.out_dir) / "_shards" / f"{shard.key}.json"


def _mine(shard: Shard) -> Iterator[Article | Rejection]:
    """This shard's articles, once each; rejections of the file belong to shard 0 alone.

    Articles are dealt to shards by their id (a content hash), not their position,
    so every copy of a repeated article lands in the same shard, which drops it.
    """
    seen: set[str] = set()
    for item in iter_inputs([shard.path], shard.options):
        if isinstance(item, Rejection):
            if shard.index == 0:
                yield item
            continue
        aid = item.id
        if int(aid[:12], 16) % shard.count == shard.index and aid not in seen:
            seen.add(aid)
            yield item


def process_shard(shard: Shard) -> ShardResult:
    """Runs on a worker: read, process and write one shard. Never raises."""
    result = ShardResult(shard.key, shard.path)
    if _marker(shard).exists():
        result.skipped = True
        return result
    try:
        pipeline = pipeline_for(shard.settings_json, shard.stages)
        added = datetime.now()
        articles: list[Article] = []
        rejections: list[Rejection] = []
        batch_no = 0
        for item in _mine(shard):
            if isinstance(item, Rejection):
                rejections.append(item)
            else:
                articles.append(item)
            if len(articles) + len(rejections) >= shard.batch_size:
                result.parts += _flush(shard, batch_no, pipeline, articles, rejections,
                                       added, result)
                batch_no += 1
                articles, rejections = [], []
        result.parts += _flush(shard, batch_no, pipeline, articles, rejections, added, result)
    except Exception as exc:  # noqa: BLE001 - report it; other shards go on
        log.exception("shard %s of %s failed", shard.key, shard.path)
        result.error = f"{type(exc).__name__}: {exc}"
        return result
    _marker(shard).parent.mkdir(parents=True, exist_ok=True)
    _marker(shard).write_text(json.dumps(asdict(result)), "utf-8")
    return result


def _flush(shard: Shard, batch_no: int, pipeline: Pipeline, articles: list[Article],
           rejections: list[Rejection], added: datetime, result: ShardResult) -> int:
    if not articles and not rejections:
        return 0
    done = run_chunk(pipeline, articles)
    ok = [a for a in done if isinstance(a, Article)]
    bad = rejections + [r for r in done if isinstance(r, Rejection)]
    result.articles += len(ok)
    result.rejected += len(bad)
    result.sentences += sum(len(a.sentences) for a in ok)
    result.events += sum(len(a.events) for a in ok)
    return write_batch(shard, batch_no, ok, bad, added)


def plan(files: Sequence[str], *, out_dir: str, run_id: str, settings: Settings,
         stages: tuple[str, ...] | None, options: ReadOptions | None, shard_bytes: int,
         batch_size: int) -> list[Shard]:
    """Shards for ``files``: one per ``shard_bytes`` of input (at least one per file)."""
    key = settings_key(settings)
    shards = []
    for path in files:
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0  # missing: the reader turns it into a Rejection
        count = max(1, math.ceil(size / shard_bytes))
        shards.extend(Shard(path, i, count, out_dir, run_id, key, stages, options, batch_size)
                      for i in range(count))
    return shards


def auto_shard_bytes(files: Sequence[str], threads: int) -> int:
    """About four shards per worker thread (for balance), within 256 kB .. 64 MB."""
    total = sum(os.path.getsize(f) for f in files if os.path.isfile(f))
    return min(64_000_000, max(256_000, total // max(1, 4 * threads)))


def run_distributed(paths: Sequence[str], *, address: str | None, out_dir: str,
                    settings: Settings | None = None, options: ReadOptions | None = None,
                    stages: tuple[str, ...] | None = None, workers: int | None = None,
                    shard_bytes: int | None = None, batch_size: int = 500,
                    on_shard: Callable[[ShardResult], None] | None = None
                    ) -> DistributedSummary:
    """Process ``paths`` on the Dask cluster at ``address`` into Parquet under ``out_dir``.

    ``address`` None starts a LocalCluster of ``workers`` processes (default: all
    cores) for the duration of the run. Paths must be readable by the workers
    (shared or local disk); ``out_dir`` must be writable by them. ``shard_bytes``
    None deals the input into about four shards per worker thread.
    """
    from distributed import Client, LocalCluster, as_completed  # the optional extra

    settings = settings or Settings()
    files = expand_paths(paths)
    run_id = f"dask-{datetime.now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    out = str(Path(out_dir).resolve())
    summary = DistributedSummary(run_id, out, files=len(files))
    started = time.perf_counter()
    cluster = None
    if address is None:
        cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                               processes=True, host="127.0.0.1", dashboard_address=None)
        address = cluster.scheduler_address
    try:
        with Client(address) as client:
            if shard_bytes is None:
                shard_bytes = auto_shard_bytes(files, sum(client.nthreads().values()))
            shards = plan(files, out_dir=out, run_id=run_id, settings=settings, stages=stages,
                          options=options, shard_bytes=shard_bytes, batch_size=batch_size)
            summary.shards = len(shards)
            futures = client.map(process_shard, shards, pure=False)
            for _future, result in as_completed(futures, with_results=True):
                summary.add(result)
                if on_shard:
                    on_shard(result)
    finally:
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - started
    return summary
