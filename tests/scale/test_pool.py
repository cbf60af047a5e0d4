"""process_parallel: order kept, failures quarantined, memory bounded, pipeline built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.model import Article, Rejection
from warta.scale.pool import process_parallel, run_chunk
from warta.settings import Settings

HERE = Path(__file__).resolve().parent
SPLIT = ("fakestages:SplitStage",)


@pytest.fixture(autouse=True)
def _importable(monkeypatch: pytest.MonkeyPatch) -> None:
    # spawned workers inherit sys.path, so they can import the fake stages too
    monkeypatch.syspath_prepend(str(HERE))


def _articles(n: int, mark: dict[int, str] | None = None) -> list[Article]:
    mark = mark or {}
    return [Article(url=f"test://{i}", text=f"Item {i} one. Two {mark.get(i, '')}!",
                    origin=f"t:{i}") for i in range(n)]


@pytest.mark.parametrize("workers,chunk_size", [(1, 1), (2, 3), (2, 8)])
def test_results_come_back_in_input_order(workers: int, chunk_size: int) -> None:
    arts = _articles(25)
    out = list(process_parallel(arts, Settings(), workers, SPLIT, chunk_size=chunk_size))
    assert [a.url for a in out] == [a.url for a in arts]
    assert all(isinstance(a, Article) and len(a.sentences) == 2 for a in out)


def test_each_worker_builds_its_pipeline_once_and_both_workers_work() -> None:
    out = list(process_parallel(_articles(64), Settings(), 2, SPLIT, chunk_size=2))
    pids = {a.metadata["pid"] for a in out if isinstance(a, Article)}
    # the stage records the pid it was built in: one build per worker process
    assert 1 <= len(pids) <= 2


def test_a_stage_failure_becomes_a_rejection_and_the_run_goes_on() -> None:
    arts = _articles(10, {3: "BOOM"})
    out = list(process_parallel(arts, Settings(), 2, ("fakestages:FailStage", *SPLIT),
                                chunk_size=2))
    assert len(out) == 10
    assert isinstance(out[3], Rejection)
    assert out[3].source == "t:3" and "fail" in out[3].reason
    assert all(isinstance(a, Article) for i, a in enumerate(out) if i != 3)


@pytest.mark.parametrize("window", [1, None])
def test_a_dying_worker_costs_only_the_article_that_killed_it(window: int | None) -> None:
    arts = _articles(30, {5: "DIE", 17: "DIE"})
    out = list(process_parallel(arts, Settings(), 2, ("fakestages:DieStage", *SPLIT),
                                chunk_size=4, window=window))
    assert [getattr(a, "url", None) or a.source for a in out] == (
        [a.url for a in arts[:5]] + ["t:5"] + [a.url for a in arts[6:17]] + ["t:17"]
        + [a.url for a in arts[18:]])
    lost = [i for i, a in enumerate(out) if isinstance(a, Rejection)]
    assert lost == [5, 17]
    assert "worker process died" in out[5].reason


def test_input_is_pulled_lazily_so_in_flight_work_is_bounded() -> None:
    pulled = 0

    def source():
        nonlocal pulled
        for art in _articles(10_000):
            pulled += 1
            yield art

    results = process_parallel(source(), Settings(), 2, SPLIT, chunk_size=4, window=3)
    first = next(results)
    assert first.url == "test://0"
    # the window (3 chunks of 4) plus the chunk being formed, never the whole input
    assert pulled <= 4 * 4
    results.close()


def test_an_unknown_stage_fails_before_any_article_is_lost() -> None:
    out = process_parallel(_articles(2), Settings(), 1, ("fakestages:NoSuchStage",))
    with pytest.raises(Exception, match="NoSuchStage"):
        list(out)


def test_run_chunk_matches_the_inline_runner() -> None:
    from fakestages import FailStage, SplitStage

    from warta.pipeline import Pipeline

    pipe = Pipeline([FailStage(), SplitStage()])
    out = run_chunk(pipe, _articles(3, {1: "BOOM"}))
    assert [type(x) for x in out] == [Article, Rejection, Article]


def test_ctrl_c_in_the_reader_stops_the_pool_and_leaves_no_worker_behind() -> None:
    import multiprocessing

    def source():
        yield from _articles(20)
        raise KeyboardInterrupt

    got = []
    with pytest.raises(KeyboardInterrupt):
        for item in process_parallel(source(), Settings(), 2, SPLIT, chunk_size=2, window=2):
            got.append(item)
    # what came out before the interrupt is whole and in order: the writer may keep it
    assert [a.url for a in got] == [f"test://{i}" for i in range(len(got))]
    assert multiprocessing.active_children() == []


def test_a_consumer_that_stops_early_shuts_the_pool_down() -> None:
    import multiprocessing

    results = process_parallel(_articles(200), Settings(), 2, SPLIT, chunk_size=2)
    assert next(results).url == "test://0"
    results.close()
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("keep_tokens", [False, True])
def test_tokens_come_back_only_when_asked_for(keep_tokens: bool) -> None:
    [art] = process_parallel(_articles(1), Settings(), 1, SPLIT, keep_tokens=keep_tokens)
    assert [len(s.tokens) > 0 for s in art.sentences] == [keep_tokens, keep_tokens]
    assert [s.text for s in art.sentences] == ["Item 0 one.", " Two !"]


def test_workers_that_always_die_stop_the_run_instead_of_quarantining_everything() -> None:
    from warta.errors import PipelineError

    arts = _articles(6, {i: "DIE" for i in range(6)})
    with pytest.raises(PipelineError, match="in a row died"):
        list(process_parallel(arts, Settings(), 2, ("fakestages:DieStage",), chunk_size=2))


def test_as_rows_sends_the_store_rows_in_order_with_the_rejections() -> None:
    from warta.store.rows import ArticleRows, article_rows

    arts = _articles(12, {4: "BOOM"})
    stages = ("fakestages:FailStage", *SPLIT)
    out = list(process_parallel(arts, Settings(), 2, stages, chunk_size=3, as_rows=True))
    assert isinstance(out[4], Rejection) and out[4].source == "t:4"
    rows = [r for r in out if not isinstance(r, Rejection)]
    assert all(isinstance(r, ArticleRows) for r in rows)
    assert [r.id for r in rows] == [a.id for i, a in enumerate(arts) if i != 4]
    # the rows the writer would build from the processed article itself (but for
    # the metadata, where SplitStage records its worker's process id)
    [done] = process_parallel(arts[:1], Settings(), 1, SPLIT, as_rows=False)
    assert rows[0].rows["sentences"] == article_rows(done).rows["sentences"]
    assert rows[0].rows.keys() == article_rows(done).rows.keys()
    assert rows[0].n_sentences == 2 and rows[0].n_events == 0
