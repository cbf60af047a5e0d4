"""The event coder: CAMEO/PLOVER codebook, verb-pattern engine, modality, evaluation.

Modules (imported on demand, so importing the package loads no data):
``codebook`` (Codebook.load), ``patterns`` (pattern data), ``morph``
(surface forms), ``modality`` (cues and code shifts), ``engine``
(SentenceCoder), ``stage`` (EventStage), ``plover`` (plover_record),
``evaluate`` (evaluate_events). See docs/events.md.
"""
