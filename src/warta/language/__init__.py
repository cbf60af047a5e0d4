"""Language id, sentence/token segmentation and per-language morphology.

Stages: :class:`~warta.language.detect.LanguageStage` ("language") and
:class:`~warta.language.segment.SegmentStage` ("segment"). Morphology:
:func:`lemma` dispatches to :mod:`warta.language.morph_id` (Indonesian roots)
and :mod:`warta.language.morph_en` (English lemmas).
"""

from __future__ import annotations

from .detect import LanguageStage, detect_language
from .segment import SegmentStage, split_sentences, tokenize

__all__ = [
    "LanguageStage",
    "SegmentStage",
    "detect_language",
    "lemma",
    "split_sentences",
    "tokenize",
]


def lemma(word: str, lang: str) -> str:
    """Lemma (English) or root (Indonesian) of ``word``, lower-cased;
    other languages get the lower-cased word."""
    if lang == "id":
        from .morph_id import stem

        return stem(word)
    if lang == "en":
        from .morph_en import lemma as english

        return english(word)
    return word.lower()
