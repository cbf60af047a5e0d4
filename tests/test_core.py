from __future__ import annotations

import dataclasses

import pytest

from warta.errors import ConfigError, PipelineError
from warta.model import Article
from warta.pipeline import Pipeline
from warta.settings import Settings


@dataclasses.dataclass
class _Upper:
    name: str = "upper"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("title",)

    def __call__(self, article: Article) -> Article:
        return dataclasses.replace(article, title=article.text.upper())


@dataclasses.dataclass
class _NeedsEvents:
    name: str = "needs"
    requires: tuple[str, ...] = ("events",)
    assigns: tuple[str, ...] = ()

    def __call__(self, article: Article) -> Article:
        return article


def test_pipeline_runs_stages_in_order() -> None:
    out = Pipeline([_Upper()])(Article(url="u", text="abc"))
    assert out.title == "ABC"


def test_pipeline_rejects_impossible_order() -> None:
    with pytest.raises(PipelineError, match="events"):
        Pipeline([_NeedsEvents()])


def test_article_id_is_content_hash() -> None:
    a = Article(url="u", text="x")
    assert a.id == Article(url="u", text="x").id != Article(url="u", text="y").id


def test_settings_overlay_only_what_it_sets(tmp_path) -> None:
    cfg = tmp_path / "w.toml"
    cfg.write_text('[events]\nkeep_negated = true\n')
    s = Settings.load(cfg)
    assert s["events"]["keep_negated"] is True
    assert s["store"]["path"] == "warta.duckdb"


def test_settings_unknown_key_names_file(tmp_path) -> None:
    cfg = tmp_path / "w.toml"
    cfg.write_text('[events]\nkeep_negatd = true\n')
    with pytest.raises(ConfigError, match="w.toml"):
        Settings.load(cfg)


@dataclasses.dataclass
class _Boom:
    name: str = "boom"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ()

    def __call__(self, article: Article) -> Article:
        raise ValueError("bad data")


def test_a_stage_failure_becomes_a_rejection_naming_the_article() -> None:
    from warta.model import Rejection

    out = Pipeline([_Boom()]).run_or_reject(Article(url="u", text="abc", origin="f.jsonl:3"))
    assert isinstance(out, Rejection)
    assert out.source == "f.jsonl:3" and "boom" in out.reason and "bad data" in out.reason
    assert Pipeline([_Upper()]).run_or_reject(Article(url="u", text="abc")).title == "ABC"


def test_process_builds_the_default_pipeline_once() -> None:
    from warta.process import default_pipeline, process

    out = process(Article(url="u", text="Polisi menangkap 20 mahasiswa di Jakarta."))
    assert out.sentences and default_pipeline() is default_pipeline()
