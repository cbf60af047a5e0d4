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
import pickle
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import ahocorasick

from ..model import Article, Theme
from ..packs import languages, pack_file, read_tsv
from ..settings import Settings

V = TypeVar("V")
#: pyahocorasick's compiled module: an input of every cached pickled automaton,
#: so that an upgraded library never reads another version's pickle.
AUTOMATON_CODE = Path(ahocorasick.__file__ or "ahocorasick")

#: A word: letters/digits, with inner hyphens or apostrophes ("luka-luka", "don't").
WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")
#: Prefix keywords shorter than this would match far too much ("pe*").
MIN_PREFIX = 3
#: What joins words for the phrase automaton (no word token holds one).
SEP = " "
#: A word put between sentences searched together: no phrase holds an empty
#: word, so none matches across it (nor does a word look-up).
BREAK = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    norm: str


_BREAK_WORD = Word(0, 0, BREAK)


def words(text: str, offset: int = 0) -> list[Word]:
    """Word tokens of ``text`` with offsets shifted by ``offset``."""
    return [Word(m.start() + offset, m.end() + offset, m.group().lower())
            for m in WORD_RE.finditer(text)]


class WordLike(Protocol):
    """What the phrase matchers read of a word: a :class:`Word` or a segmenter Token."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def norm(self) -> str: ...


def word_blocks(article: Article) -> Iterator[tuple[str, Sequence[WordLike]]]:
    """(language, words) of each sentence, reusing the segmenter's tokens when the
    sentence has them (tokenising twice cost a fifth of the pipeline's time)."""
    fallback = article.language or "en"
    if not article.sentences:
        yield fallback, words(article.text)
        return
    for s in article.sentences:
        toks: Sequence[WordLike]
        if s.tokens:
            toks = [t for t in s.tokens if not t.is_punct]
        else:
            toks = words(article.text[s.start:s.end], s.start)
        yield s.language or fallback, toks


def word_norms(article: Article) -> Iterator[tuple[str, list[str]]]:
    """(language, normal forms of the words) of each sentence, as :func:`word_blocks`."""
    fallback = article.language or "en"
    if not article.sentences:
        yield fallback, list(map(str.lower, WORD_RE.findall(article.text)))
        return
    for s in article.sentences:
        if s.tokens:
            norms = [t.norm for t in s.tokens if not t.is_punct]
        else:
            norms = list(map(str.lower, WORD_RE.findall(article.text, s.start, s.end)))
        yield s.language or fallback, norms


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

    :meth:`match_at` looks one position up in dictionaries; :meth:`find` scans
    a whole word sequence with one Aho-Corasick automaton (pyahocorasick) over
    the words joined by spaces, so the per-word work happens in C: a phrase
    ``a b`` is the key ``" a b "``, a prefix phrase ``a te*`` the key ``" a te"``
    (no closing space, so it matches any word that starts with ``te``).
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
        self._derive()
        self._walk_only = False
        self._automaton = self._build_automaton()

    def _derive(self) -> None:
        # Only the prefix lengths that exist are tried, longest first.
        self._prefix_lens = sorted({len(k[-1]) for k in self._prefix}, reverse=True)
        self._single_prefix = {k[0]: v for k, v in self._prefix.items() if len(k) == 1}

    def to_state(self) -> tuple[Any, ...]:
        """The index as plain values :func:`warta.cache.compiled` can store (the
        values must be plain too): the phrase tables and the automaton pickled.
        A cache key for it should include :data:`AUTOMATON_CODE` (the pickle's
        format is pyahocorasick's)."""
        automaton = (None if self._automaton is None
                     else pickle.dumps(self._automaton, protocol=pickle.HIGHEST_PROTOCOL))
        return (self._exact, self._prefix, sorted(self._starts), self._longest,
                self._walk_only, automaton)

    @classmethod
    def from_state(cls, state: tuple[Any, ...]) -> PhraseIndex[Any]:
        """The index :meth:`to_state` described, without tokenising or building
        (a pickled automaton loads several times faster than it builds)."""
        exact, prefix, starts, longest, walk_only, automaton = state
        index: PhraseIndex[Any] = cls.__new__(cls)
        index._exact, index._prefix = exact, prefix
        index._starts, index._longest = set(starts), longest
        index._derive()
        index._walk_only = walk_only
        index._automaton = None if automaton is None else pickle.loads(automaton)
        return index

    def _build_automaton(self) -> ahocorasick.Automaton | None:
        """Keys → (key length, words, exact, values); None when there is no phrase,
        or when a word of one is empty or holds SEP (a tokenizer of the caller's)."""
        if any(not w or SEP in w for key in (*self._exact, *self._prefix) for w in key):
            self._walk_only = True
            return None
        automaton = ahocorasick.Automaton()
        for key, values in self._exact.items():
            text = SEP + SEP.join(key) + SEP
            automaton.add_word(text, (len(text), len(key), True, values))
        for key, values in self._prefix.items():
            text = SEP + SEP.join(key)
            automaton.add_word(text, (len(text), len(key), False, values))
        if not len(automaton):
            return None
        automaton.make_automaton()
        return automaton

    def __len__(self) -> int:
        return len(self._exact) + len(self._prefix)

    @property
    def longest(self) -> int:
        """The most words a phrase has."""
        return self._longest

    def word_table(self) -> dict[str, list[V]] | None:
        """Word → values when every phrase is one exact word, else None: matches
        are then one look-up per word and can never overlap."""
        if self._prefix or self._longest > 1:
            return None
        return {key[0]: values for key, values in self._exact.items()}

    def _prefixed(self, key: tuple[str, ...]) -> list[V] | None:
        last = key[-1]
        if len(key) == 1:
            table = self._single_prefix
            for k in self._prefix_lens:
                if k <= len(last) and (values := table.get(last[:k])):
                    return values
            return None
        for k in self._prefix_lens:
            if k <= len(last) and (values := self._prefix.get(key[:-1] + (last[:k],))):
                return values
        return None

    def may_start(self, norms: Sequence[str]) -> Iterable[int]:
        """The positions where :meth:`match_at` may find a phrase, in order: the
        words some phrase starts with (every position when there are prefixes)."""
        if self._prefix_lens:
            return range(len(norms))
        return compress(range(len(norms)), map(self._starts.__contains__, norms))

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

    def find(self, toks: Sequence[WordLike]) -> Iterator[tuple[int, int, list[V]]]:
        """Non-overlapping leftmost-longest matches: (first word, end word, values)."""
        return iter(self.find_norms([t.norm for t in toks]))

    def find_norms(self, norms: Sequence[str]) -> list[tuple[int, int, list[V]]]:
        """:meth:`find` over the words' normal forms."""
        if not norms:
            return []
        text = SEP + SEP.join(norms) + SEP
        if self._walk_only or text.count(SEP) != len(norms) + 1:  # a word holding SEP
            return list(self._walk(norms))
        return [(i := text.count(SEP, 0, start), i + n, values)
                for start, n, values in self._greedy(text)]

    def values_norms(self, norms: Sequence[str]) -> list[list[V]]:
        """The values of each :meth:`find_norms` match, in order."""
        if not norms:
            return []
        text = SEP + SEP.join(norms) + SEP
        if self._walk_only or text.count(SEP) != len(norms) + 1:
            return [values for _, _, values in self._walk(norms)]
        return [values for _, _, values in self._greedy(text)]

    def _greedy(self, text: str) -> list[tuple[int, int, list[V]]]:
        """(separator before the first word, words, values) of the leftmost-longest
        matches in ``text`` (the words joined by SEP, SEP at both ends).

        The automaton reports the matches in the order they end, and of two
        matches starting at the same word the one :meth:`match_at` prefers (more
        words; at equal words the exact phrase, then the longer prefix) always
        ends later: keeping the last one seen per start is the longest match.
        """
        if self._automaton is None:
            return []
        best = {last - key[0] + 1: (last, key) for last, key in self._automaton.iter(text)}
        out = []
        done = 0  # the separator before the first word not yet covered
        for start in sorted(best):
            if start >= done:
                last, (_, n, exact, values) = best[start]
                out.append((start, n, values))
                # an exact phrase ends on the separator after its last word
                done = last if exact else text.index(SEP, last + 1)
        return out

    def _walk(self, norms: Sequence[str]) -> Iterator[tuple[int, int, list[V]]]:
        """:meth:`find` one word at a time with :meth:`match_at`."""
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
        self._by_language: dict[str, PhraseIndex[str] | None] = {}

    def themes(self, article: Article) -> tuple[Theme, ...]:
        found: list[Theme] = []
        for index, toks, norms in self._runs(article):
            for i, j, names in index.find_norms(norms):
                s, e = toks[i].start, toks[j - 1].end
                found.extend(Theme(n, s, e, article.text[s:e]) for n in dict.fromkeys(names))
        return tuple(found)

    def _runs(self, article: Article
              ) -> list[tuple[PhraseIndex[str], list[WordLike], list[str]]]:
        """Sentences in a row that use the same index, as one word list with a
        BREAK between sentences: one search per article instead of per sentence."""
        runs: list[tuple[PhraseIndex[str], list[WordLike], list[str]]] = []
        for lang, toks in word_blocks(article):
            try:
                index = self._by_language[lang]
            except KeyError:
                index = self._by_language[lang] = self._index.get(
                    pack_language(lang, self._langs))
            if index is None:
                continue
            norms = [t.norm for t in toks]
            if runs and runs[-1][0] is index:
                _, run_toks, run_norms = runs[-1]
                run_toks.append(_BREAK_WORD)
                run_toks.extend(toks)
                run_norms.append(BREAK)
                run_norms.extend(norms)
            else:
                runs.append((index, list(toks), norms))
        return runs

    def __call__(self, article: Article) -> Article:
        return dataclasses.replace(article, themes=self.themes(article))
