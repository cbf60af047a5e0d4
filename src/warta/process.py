"""The default pipeline: which stages run, in which order.

Each stage builds its dictionaries once, in its constructor; the Pipeline
checks the order of requires/assigns once, here.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from .cache import gc_paused, keep_built
from .errors import PipelineError
from .model import Article
from .pipeline import Pipeline, Stage
from .settings import Settings

#: Stage names in the order they run.
DEFAULT_STAGES = (
    "language", "segment", "actors", "places", "quotes", "events", "event_context",
    "amounts", "themes", "tone",
)



#: Where each stage lives; imported lazily so `warta --help` loads no dictionary.
STAGE_CLASSES = {
    "language": "warta.language.detect:LanguageStage",
    "segment": "warta.language.segment:SegmentStage",
    "actors": "warta.actors.stage:ActorStage",
    "places": "warta.enrich.places:PlaceStage",
    "quotes": "warta.enrich.quotes:QuoteStage",
    "events": "warta.events.stage:EventStage",
    "event_context": "warta.enrich.event_context:EventContextStage",
    "amounts": "warta.enrich.amounts:AmountStage",
    "themes": "warta.enrich.themes:ThemeStage",
    "tone": "warta.enrich.tone:ToneStage",
}


def make_stage(name: str, settings: Settings) -> Stage:
    try:
        module, cls = STAGE_CLASSES[name].split(":")
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}; known: {', '.join(STAGE_CLASSES)}") from None
    return getattr(importlib.import_module(module), cls)(settings)


def build_pipeline(settings: Settings | None = None,
                   stages: tuple[str, ...] = DEFAULT_STAGES) -> Pipeline:
    """The full warta pipeline (or the named subset, in the order given)."""
    settings = settings or Settings()
    with gc_paused():
        pipeline = Pipeline([make_stage(name, settings) for name in stages])
        keep_built()  # before the collector runs again: it would walk all of it once more
    return pipeline


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The default pipeline, built once per process (building loads every dictionary)."""
    return build_pipeline()


def process(article: Article, pipeline: Pipeline | None = None) -> Article:
    """Run one article through ``pipeline``, or the default pipeline built once."""
    return (pipeline or default_pipeline())(article)
