"""The event coder: CAMEO/PLOVER codebook, verb-pattern engine, modality, evaluation.

Modules (imported on demand, so importing the package loads no data):
``codebook`` (Codebook.load), ``patterns`` (pattern data), ``morph``
(surface forms), ``modality`` (cues and code shifts), ``engine``
(SentenceCoder, which runs the steps kept in ``triggers``, ``clause_modality``,
``event_roles`` with ``source_search``/``target_search``/``roles``,
``coordination``, ``event_coding`` and ``event_filters``), ``stage``
(EventStage), ``plover`` (plover_record), ``evaluate`` (evaluate_events).
See docs/events.md and the module table in docs/architecture.md.
"""
