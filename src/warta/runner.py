"""Ingest: read inputs, run the pipeline, write batches to the store.

1. Expand the inputs (folders, globs, ``-``) into files, in a stable order.
2. Read each file into Articles, or Rejections for what cannot be read.
3. Skip articles already stored (content hash): re-ingesting adds nothing,
   and an interrupted run picks up where it stopped.
4. Run the pipeline (inline, or in a process pool with ``workers > 1``);
   an article a stage fails on is quarantined, the run goes on. Inline, the
   pipeline is built when the first new article comes: re-running over
   stored inputs loads no dictionary.
5. Write in batches, one transaction each: never a half-written article.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from .cache import gc_paused
from .ingest import ReadOptions, expand_paths, iter_inputs
from .model import Article, Rejection
from .pipeline import Pipeline
from .process import build_pipeline
from .settings import Settings
from .store.duck import Store
from .store.rows import ArticleRows

log = logging.getLogger(__name__)


class Progress(Protocol):
    """What the runner reports while it works (the CLI draws a bar from it)."""

    def start(self, total_files: int) -> None: ...
    def file_done(self, path: str) -> None: ...
    def counts(self, stored: int, skipped: int, rejected: int, sentences: int) -> None: ...


@dataclass
class RunSummary:
    run_id: str
    files: int = 0
    stored: int = 0
    skipped: int = 0
    rejected: int = 0
    sentences: int = 0
    events: int = 0
    status: str = "running"
    rejections: list[Rejection] = field(default_factory=list)
    #: wall seconds of the run (reading, processing, writing), pipeline build excluded
    seconds: float = 0.0
    #: wall seconds spent building the pipeline (0 when given one, or nothing was new)
    build_seconds: float = 0.0

    def rate(self) -> tuple[float, float]:
        """Sentences and articles stored per second of the run (build excluded)."""
        if self.seconds <= 0:
            return 0.0, 0.0
        return self.sentences / self.seconds, self.stored / self.seconds


def _run_pipeline(build: Callable[[], Pipeline], articles: Iterable[Article]
                  ) -> Iterator[Article | Rejection]:
    """Processed articles; the pipeline is built when the first new article comes,
    so a re-run over stored inputs loads no dictionary."""
    pipeline = None
    for art in articles:
        if pipeline is None:
            pipeline = build()
        yield pipeline.run_or_reject(art)


def _sizes(item: Article | ArticleRows) -> tuple[int, int]:
    """Sentences and events of a processed article."""
    if isinstance(item, ArticleRows):
        return item.n_sentences, item.n_events
    return len(item.sentences), len(item.events)


class _Batcher:
    """Collects processed articles and rejections; writes them a batch at a time."""

    def __init__(self, store: Store, run_id: str, size: int, summary: RunSummary) -> None:
        self.store, self.run_id, self.size, self.summary = store, run_id, size, summary
        self.articles: list[Article | ArticleRows] = []
        self.rejections: list[Rejection] = []
        self.sentences = 0  # of the articles not written yet

    def add(self, item: Article | ArticleRows | Rejection) -> None:
        if isinstance(item, Rejection):
            self.rejections.append(item)
            self.summary.rejected += 1
            if len(self.summary.rejections) < 1000:
                self.summary.rejections.append(item)
            log.warning("quarantined %s: %s", item.where(), item.reason)
        else:
            self.articles.append(item)
            self.sentences += _sizes(item)[0]
        if len(self.articles) + len(self.rejections) >= self.size:
            self.flush()

    def flush(self) -> None:
        if not self.articles and not self.rejections:
            return
        self.store.write_batch(self.articles, self.rejections, self.run_id)
        self.summary.stored += len(self.articles)
        self.summary.sentences += self.sentences
        self.summary.events += sum(_sizes(a)[1] for a in self.articles)
        self.articles, self.rejections, self.sentences = [], [], 0
        gc.collect(1)  # the young objects: see ingest()


def _new_articles(files: Sequence[str], store: Store, options: ReadOptions | None,
                  summary: RunSummary, batcher: _Batcher,
                  progress: Progress | None, lookahead: int = 256) -> Iterator[Article]:
    """Articles not yet stored, file by file; rejections go straight to the batcher.

    The store is asked about ``lookahead`` ids at a time, not one query per article.
    """
    seen: set[str] = set()
    pending: list[Article] = []

    def drain() -> Iterator[Article]:
        ids = [a.id for a in pending]  # a content hash of the whole text: computed once
        known = store.known_ids(ids)
        for aid, art in zip(ids, pending, strict=True):
            if aid in known or aid in seen:
                summary.skipped += 1
                continue
            seen.add(aid)
            yield art
        pending.clear()

    for path in files:
        for item in iter_inputs([path], options):
            if isinstance(item, Rejection):
                batcher.add(item)
                continue
            pending.append(item)
            if len(pending) >= lookahead:
                yield from drain()
        yield from drain()
        if progress:
            progress.file_done(path)


def ingest(paths: Sequence[str], store: Store, *, settings: Settings | None = None,
           pipeline: Pipeline | None = None, options: ReadOptions | None = None,
           workers: int = 1, progress: Progress | None = None) -> RunSummary:
    """Ingest ``paths`` into ``store``; see the module docstring for the steps.

    ``pipeline`` replaces the default pipeline when running inline; worker
    processes (``workers > 1``) build the default pipeline from ``settings``.
    """
    settings = settings or Settings()
    started = time.perf_counter()
    files = expand_paths(paths)
    summary = RunSummary(run_id=store.start_run(paths), files=len(files))
    batcher = _Batcher(store, summary.run_id, int(settings["store"]["batch_size"]), summary)

    def build() -> Pipeline:
        t0 = time.perf_counter()
        built = pipeline or build_pipeline(settings)
        summary.build_seconds = time.perf_counter() - t0
        return built

    if progress:
        progress.start(len(files))
    try:
        # Automatic cyclic GC is paused for the run and the batcher collects the
        # young generations after each write instead: a batch makes ~10^5 objects
        # (tokens, mentions, rows), nearly all acyclic and freed by reference
        # counting once written, and automatic collections walked them again and
        # again (5-8 % of a run's CPU on the corpora samples).
        with gc_paused():
            fresh = _new_articles(files, store, options, summary, batcher, progress)
            if workers > 1:
                from .scale.pool import process_parallel

                # workers send each article as its store rows: the writer is the
                # pool's bottleneck, and rows cost it far less than Articles
                results: Iterable[Article | ArticleRows | Rejection] = process_parallel(
                    fresh, settings, workers, as_rows=True)
            else:
                results = _run_pipeline(build, fresh)
            for item in results:
                batcher.add(item)
                if progress:
                    progress.counts(summary.stored + len(batcher.articles), summary.skipped,
                                    summary.rejected, summary.sentences + batcher.sentences)
            batcher.flush()
        summary.status = "done"
    except KeyboardInterrupt:
        batcher.flush()  # keep the whole articles already processed
        summary.status = "interrupted"
        raise
    finally:
        summary.seconds = time.perf_counter() - started - summary.build_seconds
        store.finish_run(summary.run_id, summary.status, summary.stored, summary.skipped,
                         summary.rejected)
    return summary
