"""Actors: who is mentioned, with a CAMEO actor code right for the article date.

``ActorStage`` (stage.py) is the pipeline stage; ``actor_rows`` (export.py)
feeds ``warta export actors``; ``evaluate_ner`` (evaluate.py) scores mention
detection on CoNLL files. Dictionaries are data: see dictionary.py for the
file formats and scripts/build_actor_packs.py for how they are generated.
"""

from .export import actor_rows
from .stage import ActorStage

__all__ = ["ActorStage", "actor_rows"]
