"""The runner: the pipeline is built only for new articles; the run is timed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta import runner
from warta.model import Article
from warta.pipeline import Pipeline
from warta.runner import RunSummary, ingest
from warta.store.duck import Store


class _Noop:
    name, requires, assigns = "noop", (), ()

    def __call__(self, article: Article) -> Article:
        return article


def _inputs(folder: Path, n: int = 3) -> list[str]:
    path = folder / "in.jsonl"
    path.write_text("".join(json.dumps({"url": f"test://{i}", "text": f"Story {i}."}) + "\n"
                            for i in range(n)), "utf-8")
    return [str(path)]


def test_the_pipeline_is_built_only_when_an_article_is_new(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []

    def build(settings: object) -> Pipeline:
        built.append(settings)
        return Pipeline([_Noop()])

    monkeypatch.setattr(runner, "build_pipeline", build)
    inputs = _inputs(tmp_path)
    with Store(tmp_path / "s.duckdb") as store:
        first = ingest(inputs, store)
        assert (len(built), first.stored, first.status) == (1, 3, "done")
        assert first.seconds > 0 and first.build_seconds >= 0
        assert first.rate() == (first.sentences / first.seconds, 3 / first.seconds)
        again = ingest(inputs, store)  # all known: no dictionary to load
        assert (len(built), again.stored, again.skipped) == (1, 0, 3)
        assert again.build_seconds == 0


def test_rate_of_an_untimed_run_is_zero() -> None:
    assert RunSummary(run_id="r", stored=5, sentences=9).rate() == (0.0, 0.0)
