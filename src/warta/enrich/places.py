"""PlaceStage: find every place name in an article and geocode it offline.

One Aho-Corasick automaton over the folded gazetteer names (see
:func:`warta.enrich.geo.fold`) scans each sentence; matches must sit on word
boundaries, start with a capital letter, and survive the stoplist. A city
name next to another capitalised word ("Vladimir Putin", "Medan Merdeka") is
taken for part of a name, unless that word is a place prefix or a date word.
Ambiguous names are resolved with the countries of the article's
unambiguous sub-national places as context (Georgia + Atlanta → US state).
"""

from __future__ import annotations

import dataclasses
import pickle
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from ..cache import compiled
from ..model import Article, Mention, Place, Sentence
from ..packs import languages, pack_file, read_tsv
from ..settings import Settings
from .geo import Gazetteer, GeoEntry, default_sources, fold
from .themes import AUTOMATON_CODE

#: Kinds whose names are ordinary enough to be blocked by a capitalised neighbour.
BLOCKABLE = frozenset({"city"})
#: Pack files of words allowed next to a city name.
NEIGHBOUR_FILES = ("places_neighbours.tsv", "dates_weekdays.tsv", "dates_months.tsv")
#: Kinds never blocked: "Menteri Luar Negeri China Wang Yi" still names China.
UNBLOCKABLE = frozenset({"country"})
#: How many (name, language) look-ups a stage remembers.
CANDIDATE_CACHE = 4096
#: Between sentences searched in one pass (translated to BOUNDARY where it is in a text).
SEPARATOR = "\x03"
#: A place name may not touch a word character (str.isalnum or "_": what ``\w``
#: matches) or "@"; any other character is a boundary.
NON_WORD = re.compile(r"[^\w@]")
BOUNDARY = "\x02"


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A gazetteer name found in text, before disambiguation."""

    start: int
    end: int
    text: str
    sentence: int
    candidates: tuple[GeoEntry, ...]


class PlaceStage:
    """Pipeline stage: ``article.places`` from the article's sentences."""

    name = "places"
    requires = ("sentences",)
    assigns = ("places",)

    def __init__(
        self, settings: Settings | None = None, gazetteer: Gazetteer | None = None
    ) -> None:
        self.settings = settings
        self.gazetteer = gazetteer or Gazetteer.load()
        self._names = frozenset(key for key in self.gazetteer.name_keys() if key)
        # The gazetteer does not change once built, and news repeats its place
        # names: remember the candidates of the most recent ones.
        self._candidates = lru_cache(maxsize=CANDIDATE_CACHE)(self.gazetteer.candidates)
        self._automaton = (_default_automaton(self._names) if gazetteer is None
                           else _build_automaton(self._names))
        self._neighbours = frozenset(fold(w) for w in _pack_words(languages(), NEIGHBOUR_FILES))
        self._capital_phrases = tuple(
            sorted({fold(w) for w in _pack_words(languages(), ("places_capital_phrases.tsv",))},
                   key=len, reverse=True))

    def __call__(self, article: Article) -> Article:
        return dataclasses.replace(article, places=tuple(self.places(article)))

    def places(self, article: Article) -> list[Place]:
        """Geocoded places of ``article`` in text order."""
        persons = [m for m in article.mentions if m.kind == "person"]
        matches = [
            m for s, folded, spans in self._sentence_spans(article.sentences)
            for m in self._resolve(s.text, folded, spans, s.language or article.language,
                                   s.start, s.index)
            if not _inside(m, persons)
        ]
        context = _context_countries(matches)
        out = []
        for m in matches:
            entry = self.gazetteer.best(m.candidates, context)
            if entry is not None:
                out.append(to_place(m, entry))
        return out

    def find(self, text: str, lang: str | None = None, offset: int = 0,
             sentence: int = -1) -> list[PlaceMatch]:
        """Place-name matches in ``text`` (spans shifted by ``offset``)."""
        folded = fold(text)
        return self._resolve(text, folded, self._raw_matches(folded), lang, offset, sentence)

    def _resolve(self, text: str, folded: str, spans: Iterable[tuple[int, int]],
                 lang: str | None, offset: int, sentence: int) -> list[PlaceMatch]:
        """:meth:`find` given the raw matches (``spans``) of ``text``."""
        out = []
        for start, end in _leftmost_longest(spans):
            surface = text[start:end]
            if not surface[0].isupper():
                continue
            candidates = self._candidates(surface, lang)
            if not candidates:
                continue
            if _blockable(candidates) and self._in_name(text, start, end):
                continue
            capital = self._capital_of(folded, start, candidates)
            if capital is not None:
                start, candidates = capital
                surface = text[start:end]
            out.append(PlaceMatch(start + offset, end + offset, surface, sentence, candidates))
        return out

    def _capital_of(self, folded: str, start: int, candidates: Sequence[GeoEntry]
                    ) -> tuple[int, tuple[GeoEntry, ...]] | None:
        """("ibu kota China") → (start of the phrase, (Beijing,)), else None."""
        country = next((c for c in candidates if c.kind == "country"), None)
        if country is None:
            return None
        head = folded[:start]
        for phrase in self._capital_phrases:
            begin = start - len(phrase) - 1
            if head.endswith(phrase + " ") and (begin == 0 or not folded[begin - 1].isalnum()):
                capital = self.gazetteer.capital(country.country)
                return (begin, (capital,)) if capital else None
        return None

    def _sentence_spans(self, sentences: Sequence[Sentence]
                        ) -> Iterator[tuple[Sentence, str, list[tuple[int, int]]]]:
        """(sentence, folded text, raw matches) of each sentence that has any, as
        :meth:`_raw_matches` finds them but in one automaton pass over all the
        sentences (SEPARATOR between them, which no name holds)."""
        folds = [fold(s.text) for s in sentences]
        joiner = BOUNDARY + SEPARATOR + BOUNDARY
        text = BOUNDARY + joiner.join(f.translate(_BOUNDARIES) for f in folds) + BOUNDARY
        names = self._names
        k, base, nxt = -1, 0, 0  # sentence, where its text starts in ``text``, where the next does
        spans: list[tuple[int, int]] = []
        for last, (size, check) in self._automaton.iter(text):
            if last >= nxt:
                if spans:
                    yield sentences[k], folds[k], spans
                    spans = []
                while last >= nxt:
                    k += 1
                    base, nxt = nxt, nxt + len(folds[k]) + len(joiner)
            start = last - base - size - 1
            if check and folds[k][start:start + size] not in names:
                continue
            spans.append((start, start + size))
        if spans:
            yield sentences[k], folds[k], spans

    def _raw_matches(self, folded: str) -> Iterator[tuple[int, int]]:
        """Every gazetteer name in ``folded`` that sits on word boundaries.

        The automaton holds the names with their non-word characters turned into
        BOUNDARY and one BOUNDARY on each side, and scans the text changed the same
        way: only names with no word character on either side are reported,
        without visiting the many names found inside words ("iran" in
        "Tirana"). A name holding a non-word character matched this way is
        checked against the real text ("new-york" must not match "new york").
        """
        text = _bounded(folded)
        names = self._names
        for last, (size, check) in self._automaton.iter(text):
            start = last - size - 1
            if check and folded[start:start + size] not in names:
                continue
            yield start, start + size

    def _in_name(self, text: str, start: int, end: int) -> bool:
        """True when a capitalised non-place word touches the match."""
        before = _word_before(text, start)
        if _blocks(before, self._neighbours) and not _is_sentence_start(
                text, start - len(before) - 1):
            return True
        return _blocks(_word_after(text, end), self._neighbours)


def to_place(match: PlaceMatch, entry: GeoEntry) -> Place:
    return Place(
        start=match.start, end=match.end, text=match.text, name=entry.name or match.text,
        country=entry.country, fips=entry.fips, adm1=entry.adm1, lat=entry.lat, lon=entry.lon,
        feature_type=entry.feature_type, feature_id=entry.feature_id, sentence=match.sentence,
    )


class _BoundaryTable(dict[int, int]):
    """str.translate table: a non-word character → BOUNDARY, any other → itself;
    filled in as characters are first seen."""

    def __missing__(self, code: int) -> int:
        value = self[code] = ord(BOUNDARY) if NON_WORD.match(chr(code)) else code
        return value


_BOUNDARIES = _BoundaryTable()


def _bounded(text: str) -> str:
    """``text`` with every non-word character as BOUNDARY, and one BOUNDARY on each side."""
    return BOUNDARY + text.translate(_BOUNDARIES) + BOUNDARY


def _build_automaton(keys: Iterable[str]) -> ahocorasick.Automaton:
    """Names as :meth:`PlaceStage._raw_matches` searches them: (length, whether a
    match must be checked against the names because the name has a non-word
    character)."""
    automaton = ahocorasick.Automaton()
    for key in keys:
        if key:
            automaton.add_word(_bounded(key), (len(key), NON_WORD.search(key) is not None))
    automaton.make_automaton()
    return automaton


def _default_automaton(names: Iterable[str]) -> ahocorasick.Automaton:
    """:func:`_build_automaton` of the shipped gazetteer's names, from the compiled
    cache (a pickled automaton, which loads about 3x faster than it builds)."""
    inputs, extra = default_sources()
    blob = compiled("places-automaton", [*inputs, Path(__file__), AUTOMATON_CODE],
                    lambda: pickle.dumps(_build_automaton(names),
                                         protocol=pickle.HIGHEST_PROTOCOL), extra=extra)
    return pickle.loads(blob)


def _pack_words(langs: Sequence[str], files: Sequence[str]) -> list[str]:
    """The ``name`` column of pack files, across languages."""
    words: list[str] = []
    for lang in langs:
        for name in files:
            path = pack_file(lang, name)
            if path.exists():
                words.extend(row["name"] for _, row in read_tsv(path, ("name",)))
    return words


def _leftmost_longest(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def _word_before(text: str, pos: int) -> str:
    i = pos
    if i == 0 or text[i - 1] not in " \t":
        return ""
    i -= 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in ".'’"):
        j -= 1
    return text[j:i]


def _word_after(text: str, pos: int) -> str:
    if pos >= len(text) or text[pos] not in " \t":
        return ""
    i = pos + 1
    j = i
    while j < len(text) and text[j].isalpha():
        j += 1
    return text[i:j]


def _blockable(candidates: Sequence[GeoEntry]) -> bool:
    kinds = {c.kind for c in candidates}
    return bool(kinds & BLOCKABLE) and not kinds & UNBLOCKABLE


def _blocks(word: str, neighbours: frozenset[str]) -> bool:
    return bool(word) and word[0].isupper() and fold(word) not in neighbours


def _is_sentence_start(text: str, pos: int) -> bool:
    """The word starting at ``pos`` opens a sentence (or a quote)."""
    head = text[:max(pos, 0)].rstrip()
    return not head or head[-1] in ".!?\n\"“”'‘’:("


def _inside(match: PlaceMatch, persons: Sequence[Mention]) -> bool:
    return any(p.start <= match.start and match.end <= p.end for p in persons)


def _context_countries(matches: Sequence[PlaceMatch]) -> tuple[str, ...]:
    """Countries of unambiguous, non-capital sub-national places.

    Capitals are left out because "Washington" names the US government in
    an article about Georgia the country as much as in one about Atlanta.
    """
    out: list[str] = []
    for m in matches:
        countries = {c.country for c in m.candidates}
        kinds_ok = all(c.kind != "country" and not c.capital for c in m.candidates)
        if len(countries) == 1 and kinds_ok:
            out.extend(countries)
    return tuple(dict.fromkeys(out))

