"""Run the pipeline over a local process pool; the caller stays the single writer.

Each worker builds the pipeline once (in the pool initializer) and then
processes small chunks of articles. At most ``window`` chunks are in flight,
so memory stays flat however long the input is: the reader is pulled only as
fast as the workers finish. Results come back **in input order**, so a run
interrupted after its writer flushed article *n* has stored exactly the
articles before *n* (plus rejections), and the resumed run skips them by id.

Workers ignore SIGINT: Ctrl-C reaches the parent, which cancels queued chunks
and shuts the pool down; articles already yielded are the caller's to flush.
"""

from __future__ import annotations

import dataclasses
import gc
import importlib
import json
import logging
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from itertools import islice

from ..cache import gc_paused, keep_built
from ..errors import PipelineError
from ..model import Article, Rejection
from ..pipeline import Pipeline, Stage
from ..settings import Settings
from ..store.rows import ArticleRows, article_rows

log = logging.getLogger(__name__)

#: Articles per task: big enough to amortise pickling, small enough that a
#: crashed worker costs little and the in-flight window stays small.
DEFAULT_CHUNK = 8

#: Isolated articles in a row that kill their worker before we stop blaming the
#: articles and report the pool itself as broken.
MAX_CRASHES_IN_A_ROW = 3


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _stage(name: str, settings: Settings) -> Stage:
    """A stage by pipeline name ("segment") or import path ("pkg.mod:Class")."""
    if ":" not in name:
        from ..process import make_stage  # lazy: the default stages load dictionaries

        return make_stage(name, settings)
    module, attr = name.split(":", 1)
    try:
        cls = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise PipelineError(f"cannot import stage {name!r}: {exc}") from exc
    return cls(settings)


@lru_cache(maxsize=4)
def pipeline_for(settings_json: str, stages: tuple[str, ...] | None) -> Pipeline:
    """One pipeline per (settings, stages) in this process, built on first use."""
    settings = Settings(json.loads(settings_json))
    if stages is None:
        from ..process import build_pipeline

        return build_pipeline(settings)
    with gc_paused():  # as build_pipeline does: dictionaries are built once and kept
        pipeline = Pipeline([_stage(name, settings) for name in stages])
        keep_built()
    return pipeline


def settings_key(settings: Settings) -> str:
    return json.dumps(settings.as_dict(), sort_keys=True, default=str)


def build(settings: Settings, stages: tuple[str, ...] | None = None) -> Pipeline:
    """The pipeline a worker runs: the default one, or the named stages in order."""
    return pipeline_for(settings_key(settings), stages)


def _init_worker(settings_json: str, stages: tuple[str, ...] | None) -> None:
    # The parent handles Ctrl-C; a worker dying on it would break the pool mid-chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pipeline_for(settings_json, stages)
    except Exception:  # noqa: BLE001 - an initializer error would break the whole pool;
        pass  # _work builds again and sends the error to the caller instead


def run_chunk(pipeline: Pipeline, articles: list[Article]) -> list[Article | Rejection]:
    """Run ``pipeline`` over a chunk; an article a stage fails on becomes a Rejection."""
    return [pipeline.run_or_reject(art) for art in articles]


def without_tokens(article: Article) -> Article:
    """The article with its sentences' tokens dropped (the store keeps no tokens)."""
    if not any(s.tokens for s in article.sentences):
        return article
    return dataclasses.replace(article, sentences=tuple(
        dataclasses.replace(s, tokens=()) for s in article.sentences))


#: What a worker sends back for one article.
Result = Article | ArticleRows | Rejection


def _work(settings_json: str, stages: tuple[str, ...] | None, keep_tokens: bool,
          as_rows: bool, articles: list[Article]) -> list[Result]:
    try:
        pipeline = pipeline_for(settings_json, stages)
    except Exception as exc:
        # re-raised as a plain PipelineError: it pickles back to the parent whatever
        # the original type's constructor looks like
        raise PipelineError(f"cannot build the pipeline: {type(exc).__name__}: {exc}") from None
    # As the inline runner does: no automatic cyclic collection while a chunk runs
    # (its ~10^4 objects are acyclic and die by reference counting); the young
    # generations are collected once per chunk instead.
    with gc_paused():
        done = run_chunk(pipeline, articles)
    gc.collect(1)
    if as_rows:
        # rows pickle and unpickle several times faster than Articles, and the
        # single writer (the parent, the pool's bottleneck) need not build them
        with gc_paused():
            return [article_rows(a) if isinstance(a, Article) else a for a in done]
    if keep_tokens:
        return done
    # tokens are most of a processed article's pickle (measured: 2.2 MB -> 0.6 MB per
    # 100 articles, and 20x faster to send back); the writer never stores them
    return [without_tokens(a) if isinstance(a, Article) else a for a in done]


def _crashed(articles: list[Article], exc: BaseException) -> list[Result]:
    reason = f"worker process died: {type(exc).__name__}: {exc}"
    return [Rejection(source=a.origin or a.url, reason=reason, excerpt=a.text[:200])
            for a in articles]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


class _Pool:
    """A ProcessPoolExecutor that is rebuilt if a worker dies (e.g. killed by the OOM killer)."""

    def __init__(self, workers: int, settings_json: str, stages: tuple[str, ...] | None,
                 keep_tokens: bool, as_rows: bool = False) -> None:
        self.args = (workers, settings_json, stages)
        self.keep_tokens, self.as_rows = keep_tokens, as_rows
        self.crashes = 0  # isolated articles in a row whose worker died
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        workers, settings_json, stages = self.args
        # spawn: no inherited DuckDB threads or locks, and the same behaviour on every OS
        return ProcessPoolExecutor(max_workers=workers,
                                   mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(settings_json, stages))

    def submit(self, chunk: list[Article]) -> Future[list[Result]]:
        _, settings_json, stages = self.args
        args = (_work, settings_json, stages, self.keep_tokens, self.as_rows, chunk)
        try:
            return self.executor.submit(*args)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._new()
            return self.executor.submit(*args)

    def isolated(self, article: Article) -> Result:
        """Process one article alone; if its worker dies, that article is the culprit."""
        try:
            result = self.submit([article]).result()[0]
        except BrokenProcessPool as exc:
            self.crashes += 1
            if self.crashes >= MAX_CRASHES_IN_A_ROW:
                # not one bad article but workers that cannot run at all (e.g. a
                # script without the `if __name__ == "__main__":` guard spawn needs)
                raise PipelineError(f"{self.crashes} workers in a row died: {exc}") from exc
            log.error("a worker died on %s; quarantining it", article.origin or article.url)
            return _crashed([article], exc)[0]
        self.crashes = 0
        return result

    def collect(self, chunk: list[Article], future: Future[list[Result]]) -> list[Result]:
        try:
            return future.result()
        except BrokenProcessPool:
            # Every chunk in flight fails when one worker dies; redo each of their
            # articles alone so that only the one that kills a worker is quarantined.
            return [self.isolated(a) for a in chunk]

    def shutdown(self, cancel: bool) -> None:
        self.executor.shutdown(wait=True, cancel_futures=cancel)


def process_parallel(articles: Iterable[Article], settings: Settings, workers: int,
                     stages: tuple[str, ...] | None = None, *,
                     chunk_size: int = DEFAULT_CHUNK, window: int | None = None,
                     keep_tokens: bool = False, as_rows: bool = False) -> Iterator[Result]:
    """Process ``articles`` on ``workers`` processes; yield results in input order.

    ``stages`` names the stages (pipeline names or "module:Class" paths); None
    runs the default pipeline. At most ``window`` chunks (default 4 per worker)
    are queued or running at once, which bounds memory. A stage failure yields a
    Rejection for that article; when a worker dies the pool is rebuilt, the
    articles in flight are redone one by one, and only the one that kills a
    worker again is quarantined. Sentences come back without their tokens
    unless ``keep_tokens``: the store does not keep them and they dominate the
    cost of sending an article back. ``as_rows`` sends each processed article
    as its store rows (:class:`~warta.store.rows.ArticleRows`) instead.
    """
    workers = max(1, workers or default_workers())
    window = window or 4 * workers
    pool = _Pool(workers, settings_key(settings), stages, keep_tokens, as_rows)
    pending: deque[tuple[list[Article], Future[list[Result]]]] = deque()
    finished = False
    try:
        for chunk in _chunks(articles, chunk_size):
            pending.append((chunk, pool.submit(chunk)))
            if len(pending) >= window:
                yield from pool.collect(*pending.popleft())
        while pending:
            yield from pool.collect(*pending.popleft())
        finished = True
    finally:
        # Ctrl-C or the consumer stopping early: drop queued chunks, wait for running ones.
        pool.shutdown(cancel=not finished)
