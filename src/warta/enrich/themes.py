"""GKG-style themes from keyword lists in the language packs.

``packs/<lang>/themes.tsv`` maps keywords (single words or phrases, a
trailing ``*`` for a prefix such as ``teror*``) to GKG theme names. Every
occurrence becomes a :class:`~warta.model.Theme` span, because GKG's
V2Themes lists each mention with its offset.

This module also holds the small word-phrase index that the tone stage
reuses: matching on word tokens (not raw substrings) keeps "perang" from
firing inside "memperangkap" and is linear in the number of words.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Generic, TypeVar

from ..model import Article, Theme
from ..packs import languages, pack_file, read_tsv
from ..settings import Settings

V = TypeVar("V")

#: A word: letters/digits, with inner hyphens or apostrophes ("luka-luka", "don't").
WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")
#: Prefix keywords shorter than this would match far too much ("pe*").
MIN_PREFIX = 3


@dataclasses.dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    norm: str


def words(text: str, offset: int = 0) -> list[Word]:
    """Word tokens of ``text`` with offsets shifted by ``offset``."""
    return [Word(m.start() + offset, m.end() + offset, m.group().lower())
            for m in WORD_RE.finditer(text)]


def word_blocks(article: Article) -> Iterator[tuple[str, list[Word]]]:
    """(language, words) of each sentence, reusing the segmenter's tokens when the
    sentence has them (tokenising twice cost a fifth of the pipeline's time)."""
    fallback = article.language or "en"
    if not article.sentences:
        yield fallback, words(article.text)
        return
    for s in article.sentences:
        if s.tokens:
            toks = [Word(t.start, t.end, t.norm) for t in s.tokens if not t.is_punct]
        else:
            toks = words(article.text[s.start:s.end], s.start)
        yield s.language or fallback, toks


def text_blocks(article: Article, prefer_article: bool = False
                ) -> Iterator[tuple[int, int, str]]:
    """(start, end, language) of each sentence; the whole text if unsegmented.

    ``prefer_article`` takes the article's language over the sentence's: short
    sentences are the ones language identification gets wrong, and number
    conventions ("1.200") must not flip with it.
    """
    fallback = article.language or "en"
    if not article.sentences:
        yield 0, len(article.text), fallback
        return
    for s in article.sentences:
        lang = (article.language or s.language) if prefer_article else s.language
        yield s.start, s.end, lang or fallback


def pack_language(lang: str | None, available: Sequence[str]) -> str:
    """The pack to use for ``lang``: itself if it has one, else English."""
    base = (lang or "en").split("-")[0].lower()
    return base if base in available else "en"


class PhraseIndex(Generic[V]):
    """Longest-match lookup of word phrases, the last word optionally a prefix.

    ``tokenize`` must be the one used on the text being searched, so that a
    phrase and the text split into the same words.
    """

    def __init__(self, entries: Iterable[tuple[str, V]],
                 tokenize: Callable[[str], list[Word]] | None = None) -> None:
        tokenize = tokenize or words
        self._exact: dict[tuple[str, ...], list[V]] = {}
        self._prefix: dict[tuple[str, ...], list[V]] = {}
        self._starts: set[str] = set()  # first words of multi-word and exact keys
        self._longest = 1
        for phrase, value in entries:
            is_prefix = phrase.endswith("*")
            key = tuple(w.norm for w in tokenize(phrase.rstrip("*")))
            if not key or (is_prefix and len(key[-1]) < MIN_PREFIX):
                continue
            table = self._prefix if is_prefix else self._exact
            table.setdefault(key, []).append(value)
            if not is_prefix or len(key) > 1:
                self._starts.add(key[0])
            self._longest = max(self._longest, len(key))
        # Only the prefix lengths that exist are tried, longest first.
        self._prefix_lens = sorted({len(k[-1]) for k in self._prefix}, reverse=True)

    def __len__(self) -> int:
        return len(self._exact) + len(self._prefix)

    def _prefixed(self, key: tuple[str, ...]) -> list[V] | None:
        last = key[-1]
        for k in self._prefix_lens:
            if k <= len(last) and (values := self._prefix.get(key[:-1] + (last[:k],))):
                return values
        return None

    def match_at(self, norms: Sequence[str], i: int) -> tuple[int, list[V]] | None:
        """Longest phrase starting at word ``i``: (number of words, values)."""
        if not 0 <= i < len(norms):
            return None
        if norms[i] in self._starts:
            for n in range(min(self._longest, len(norms) - i), 0, -1):
                key = tuple(norms[i : i + n])
                if key in self._exact:
                    return n, self._exact[key]
                if n > 1 and (values := self._prefixed(key)):
                    return n, values
        values = self._prefixed((norms[i],)) if self._prefix_lens else None
        return (1, values) if values else None

    def find(self, toks: Sequence[Word]) -> Iterator[tuple[int, int, list[V]]]:
        """Non-overlapping leftmost-longest matches: (first word, end word, values)."""
        norms = [t.norm for t in toks]
        i = 0
        while i < len(norms):
            hit = self.match_at(norms, i)
            if hit is None:
                i += 1
                continue
            n, values = hit
            yield i, i + n, values
            i += n


@lru_cache(maxsize=8)
def load_themes(lang: str) -> PhraseIndex[str]:
    """The theme keyword index of one language pack."""
    path = pack_file(lang, "themes.tsv")
    return PhraseIndex((row["keyword"].lower(), row["theme"].upper())
                       for _, row in read_tsv(path, ("theme", "keyword")))


class ThemeStage:
    """Adds every theme keyword occurrence as a Theme span."""

    name = "themes"
    requires = ("sentences",)
    assigns = ("themes",)

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._langs = tuple(lang for lang in languages() if pack_file(lang, "themes.tsv").is_file())
        self._index = {lang: load_themes(lang) for lang in self._langs}

    def themes(self, article: Article) -> tuple[Theme, ...]:
        found: list[Theme] = []
        for lang, toks in word_blocks(article):
            index = self._index.get(pack_language(lang, self._langs))
            if index is None:
                continue
            for i, j, names in index.find(toks):
                s, e = toks[i].start, toks[j - 1].end
                found.extend(Theme(n, s, e, article.text[s:e]) for n in dict.fromkeys(names))
        return tuple(found)

    def __call__(self, article: Article) -> Article:
        return dataclasses.replace(article, themes=self.themes(article))
