"""GDELT's seven tone values per article, from lexicons in the language packs.

GDELT counts words, not intensities: Positive/Negative Score are the
percentages of all words with a positive/negative connotation, Tone is their
difference and Polarity their sum. Activity and self/group reference
densities are the percentages of "active" words and of pronouns.

Pack files (per language): ``tone.tsv`` (word, score; English converted from
VADER by scripts/build_tone_lexicons.py, Indonesian curated), optional
``tone_news.tsv`` (curated news terms that override ``tone.tsv``),
``tone_activity.tsv`` and ``tone_pronouns.tsv`` (one word per row).
A phrase ("kerja sama") counts as one word hit.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

from ..cache import compiled
from ..errors import DataFileError
from ..model import Article, Tone
from ..packs import languages, pack_file, read_tsv
from ..settings import Settings
from . import themes
from .themes import BREAK, PhraseIndex, pack_language, word_norms

#: Lexicon entries weaker than this carry no clear connotation; GDELT's
#: word-count tone would otherwise be swamped by faint words.
MIN_SCORE = 0.5


@dataclasses.dataclass(frozen=True)
class ToneLexicon:
    """The four word lists of one language pack."""

    polarity: PhraseIndex[float]
    activity: PhraseIndex[bool]
    pronouns: PhraseIndex[bool]


def _scores(lang: str) -> dict[str, float]:
    scores: dict[str, float] = {}
    for name in ("tone.tsv", "tone_news.tsv"):
        path = pack_file(lang, name)
        if name != "tone.tsv" and not path.is_file():
            continue
        for lineno, row in read_tsv(path, ("word", "score")):
            try:
                scores[row["word"].lower()] = float(row["score"])
            except ValueError as exc:
                raise DataFileError(str(path), f"score {row['score']!r} is not a number",
                                    lineno) from exc
    return scores


def _word_list(lang: str, name: str) -> PhraseIndex[bool]:
    path = pack_file(lang, name)
    if not path.is_file():
        return PhraseIndex(())
    return PhraseIndex((row["word"].lower(), True) for _, row in read_tsv(path, ("word",)))


#: The pack files a language's tone lists are read from.
TONE_FILES = ("tone.tsv", "tone_news.tsv", "tone_activity.tsv", "tone_pronouns.tsv")


@lru_cache(maxsize=8)
def load_tone_lexicon(lang: str) -> ToneLexicon:
    """Tone lists of pack ``lang`` (DataFileError if tone.tsv is missing or bad),
    from the compiled cache when the pack files and this code are unchanged."""
    inputs = [*(pack_file(lang, name) for name in TONE_FILES), Path(__file__),
              Path(themes.__file__), themes.AUTOMATON_CODE]
    def build() -> list[tuple]:
        lex = build_tone_lexicon(lang)
        return [index.to_state() for index in (lex.polarity, lex.activity, lex.pronouns)]

    states = compiled(f"tone-{lang}", inputs, build)
    return ToneLexicon(*(PhraseIndex.from_state(state) for state in states))


def build_tone_lexicon(lang: str) -> ToneLexicon:
    """:func:`load_tone_lexicon` read from the pack files, never cached."""
    scores = _scores(lang)
    return ToneLexicon(
        polarity=PhraseIndex((w, s) for w, s in scores.items() if abs(s) >= MIN_SCORE),
        activity=_word_list(lang, "tone_activity.tsv"),
        pronouns=_word_list(lang, "tone_pronouns.tsv"),
    )


@dataclasses.dataclass
class _Counts:
    words: int = 0
    positive: int = 0
    negative: int = 0
    active: int = 0
    pronouns: int = 0


class _Counter:
    """Counts the hits of one ToneLexicon in a list of words.

    A word list of single words only (all but the Indonesian polarity and
    pronoun lists) is counted with set look-ups mapped over the words, in C;
    lists with phrases go through :meth:`PhraseIndex.find_norms`.
    """

    def __init__(self, lex: ToneLexicon) -> None:
        self.lex = lex
        table = lex.polarity.word_table()
        self._positive: frozenset[str] | None = None
        self._negative: frozenset[str] | None = None
        if table is not None:
            self._positive = frozenset(w for w, v in table.items() if v[0] > 0)
            self._negative = frozenset(w for w, v in table.items() if not v[0] > 0)
        self._active = _word_set(lex.activity)
        self._pronouns = _word_set(lex.pronouns)

    def count(self, norms: list[str], counts: _Counts) -> None:
        """Add the hits in ``norms`` (not the number of words) to ``counts``."""
        if self._positive is not None and self._negative is not None:
            counts.positive += sum(map(self._positive.__contains__, norms))
            counts.negative += sum(map(self._negative.__contains__, norms))
        else:
            for values in self.lex.polarity.values_norms(norms):
                if values[0] > 0:
                    counts.positive += 1
                else:
                    counts.negative += 1
        counts.active += _hits(self._active, self.lex.activity, norms)
        counts.pronouns += _hits(self._pronouns, self.lex.pronouns, norms)


def _word_set(index: PhraseIndex[bool]) -> frozenset[str] | None:
    table = index.word_table()
    return None if table is None else frozenset(table)


def _hits(words: frozenset[str] | None, index: PhraseIndex[bool], norms: list[str]) -> int:
    if words is not None:
        return sum(map(words.__contains__, norms))
    return len(index.values_norms(norms))


def _tone_from_counts(c: _Counts) -> Tone:
    if c.words == 0:
        return Tone(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0)

    def pct(n: int) -> float:
        return round(100.0 * n / c.words, 6)

    pos, neg = pct(c.positive), pct(c.negative)
    return Tone(
        tone=round(pos - neg, 6),
        positive=pos,
        negative=neg,
        polarity=round(pos + neg, 6),
        activity_density=pct(c.active),
        self_group_density=pct(c.pronouns),
        word_count=c.words,
    )


class ToneStage:
    """Sets ``article.tone``: GDELT's V2Tone values over every sentence."""

    name = "tone"
    requires = ("sentences",)
    assigns = ("tone",)

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._langs = tuple(lang for lang in languages() if pack_file(lang, "tone.tsv").is_file())
        self._counters = {lang: _Counter(load_tone_lexicon(lang)) for lang in self._langs}
        self._by_language: dict[str, _Counter | None] = {}

    def tone(self, article: Article) -> Tone:
        counts = _Counts()
        # Sentences in a row with the same lexicon are counted together, a BREAK
        # between them: one look-up pass per article instead of per sentence.
        runs: list[tuple[_Counter, list[str]]] = []
        for lang, norms in word_norms(article):
            counts.words += len(norms)  # with no pack at all, words still count
            try:
                counter = self._by_language[lang]
            except KeyError:
                counter = self._by_language[lang] = self._counters.get(
                    pack_language(lang, self._langs))
            if counter is None:
                continue
            if runs and runs[-1][0] is counter:
                runs[-1][1].append(BREAK)
                runs[-1][1].extend(norms)
            else:
                runs.append((counter, norms))
        for counter, norms in runs:
            counter.count(norms, counts)
        return _tone_from_counts(counts)

    def __call__(self, article: Article) -> Article:
        return dataclasses.replace(article, tone=self.tone(article))
