"""The runner over the process pool: an interrupted run resumes without loss or duplicates."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

import warta.scale.pool as pool
from warta.runner import ingest
from warta.settings import Settings
from warta.store.duck import Store

HERE = Path(__file__).resolve().parent
STAGES = ("fakestages:InterruptStage", "fakestages:SplitStage")


@pytest.fixture(autouse=True)
def _fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(HERE))
    # the runner hands the pool the default pipeline; these tests need a small one
    monkeypatch.setattr(pool, "process_parallel", partial(pool.process_parallel, stages=STAGES))


def _inputs(folder: Path, n: int = 120) -> list[str]:
    lines = [json.dumps({"url": f"test://{i}", "text": f"Story {i}. Second sentence."})
             for i in range(n)]
    path = folder / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return [str(path)]


def test_an_interrupted_parallel_run_resumes_without_loss_or_duplicates(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = _inputs(tmp_path)
    settings = Settings({"store": {"batch_size": 10}})
    with Store(tmp_path / "w.duckdb") as store:
        monkeypatch.setenv("WARTA_TEST_STOP_AT", "test://70")
        with pytest.raises(KeyboardInterrupt):
            ingest(inputs, store, settings=settings, workers=2)
        stored_first = store.count("articles")
        # whole batches in input order before the interrupt; nothing after it
        assert 0 < stored_first <= 70
        monkeypatch.delenv("WARTA_TEST_STOP_AT")
        summary = ingest(inputs, store, settings=settings, workers=2)
        assert summary.status == "done"
        assert summary.skipped == stored_first
        assert store.count("articles") == 120
        assert store.count("sentences") == 240
        ids = store.con.execute("SELECT count(DISTINCT url) FROM articles").fetchone()[0]
        assert ids == 120


def test_a_parallel_run_stores_what_an_inline_run_stores(tmp_path: Path) -> None:
    # the workers send rows (ArticleRows), the inline run Articles: same store
    # (SplitStage puts its process id in the metadata, so that column differs)
    from fakestages import SplitStage

    from warta.pipeline import Pipeline

    inputs = _inputs(tmp_path, 30)
    settings = Settings({"store": {"batch_size": 7}})
    queries = {"articles": "SELECT * EXCLUDE (run_id, added, metadata) FROM articles",
               "sentences": "SELECT * FROM sentences"}
    dumps = []
    for workers in (1, 2):
        with Store(tmp_path / f"{workers}.duckdb") as store:
            summary = ingest(inputs, store, settings=settings, workers=workers,
                             pipeline=Pipeline([SplitStage(settings)]))
            assert (summary.stored, summary.sentences) == (30, 60)
            dumps.append({t: sorted(store.con.execute(q).fetchall())
                          for t, q in queries.items()})
    assert dumps[0] == dumps[1]
