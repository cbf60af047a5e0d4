"""Fixtures for the actor tests: one shared stage (building it takes a second)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from actor_helpers import article

from warta.actors.stage import ActorStage
from warta.model import Mention


@pytest.fixture(scope="session")
def stage() -> ActorStage:
    return ActorStage()


@pytest.fixture(scope="session")
def mentions(stage: ActorStage) -> Callable[..., tuple[Mention, ...]]:
    def run(text: str, lang: str = "id", **kw: object) -> tuple[Mention, ...]:
        return stage(article(text, lang, **kw)).mentions  # type: ignore[arg-type]
    return run
