"""Verb patterns as language-pack data, compiled once into a lookup index.

A pattern row (``packs/<lang>/patterns.tsv``, ``patterns_commerce.tsv`` for
commercial deals, and ``patterns_petrarch.tsv``; missing files are skipped)::

    head    form    after   code    target  flags

- ``head``: the trigger: a root/base word (``kunjung``, ``attack``) or several
  words (``kerja sama``); alternatives separated by ``|``. Only the first word
  is inflected.
- ``form``: ``verb``, ``noun``, ``any`` (inflect as that part of speech),
  ``word`` (exactly as written) or ``noun-word``.
- ``after``: optional words that must follow the head within a few tokens
  (``sanksi``, ``kerja sama|hubungan``); each ``|`` alternative is a phrase;
  a trailing ``*`` matches a prefix. A row with ``after`` beats the default.
- ``code``: the CAMEO code, or ``-`` (``NO_EVENT``): the phrase is no event and
  beats the head's default row ("accepted his resignation" is no agreement).
- ``target``: where the target is: ``obj`` (direct object), prepositions
  (``ke|dengan``), or ``none`` (the event has no target).
- ``flags``: ``sym`` (coordinated subjects act on each other), ``verbal``
  (a quote's speaker may be its source), ``notarget`` (keep without target),
  ``clause`` (the head's subject is the target and the reporting clause's
  subject the source: "X said Y must …"), ``near`` (the object must follow
  within three tokens: "menahan dua tersangka", not "menahan suku bunga … Iran"),
  ``done`` (announcing the act is the act: "will resign" is the resignation,
  not a stated intent; "may resign" stays a possibility), ``objto`` (only when
  the object is followed by an infinitive: "wants Japan to cut", not "wants
  Japanese goods").

Pattern ids are ``lang:head:code:n``, n counting rows with the same head and
code in file order, so ids stay stable when rows are added elsewhere.
"""

from __future__ import annotations

import functools
import marshal
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..cache import compiled
from ..errors import DataFileError
from ..packs import pack_file, read_tsv
from . import morph
from .codebook import Codebook

PATTERN_FILES = ("patterns.tsv", "patterns_commerce.tsv", "patterns_petrarch.tsv")
_FORMS = ("verb", "noun", "any", "word", "noun-word")
#: the code of a row that reads a phrase as no event ("accepted his resignation",
#: "accepted the award": not the agreement its head codes by default)
NO_EVENT = "-"
_FLAGS = frozenset({"sym", "verbal", "notarget", "clause", "near", "done", "objto"})


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    head: tuple[str, ...]  # words after the first must follow as written
    form: str
    after: tuple[tuple[str, ...], ...]  # alternative phrases, () when none
    code: str
    target: tuple[str, ...]  # "obj" and/or prepositions; () = no target
    flags: frozenset[str]
    where: str  # file:line, for error messages and `warta show`


@dataclass(frozen=True, slots=True)
class Entry:
    """One way a surface word can start a pattern."""

    pattern: Pattern
    form: morph.Form


#: phrase lists of a WordEntries, by first ``after`` word (or prefix)
PhraseLists = Mapping[str, list[tuple[Entry, tuple[str, ...]]]]


@dataclass(slots=True)
class WordEntries:
    """Patterns a surface word can start, split so matching stays cheap: patterns
    with ``after`` words are found through their first ``after`` word (or its
    prefix), not tried one by one (PETRARCH verbs have hundreds)."""

    plain: list[Entry]
    after: PhraseLists
    prefixes: PhraseLists
    prefix_lens: tuple[int, ...] = ()

    def add(self, entry: Entry) -> None:
        if not entry.pattern.after:
            self.plain.append(entry)
            return
        for phrase in entry.pattern.after:
            first = phrase[0]
            lists = self.prefixes if first.endswith("*") else self.after
            assert isinstance(lists, dict), "add() builds eager entries only"
            lists.setdefault(first.removesuffix("*"), []).append((entry, phrase))

    def __bool__(self) -> bool:
        return bool(self.plain or self.after or self.prefixes)


#: (file order, head words, (form, after, code, target, flags, where)) of one head
#: of one row; the row's tuple is shared by all its heads.
_HeadRow = tuple[int, tuple[str, ...], tuple[str, tuple[tuple[str, ...], ...], str,
                                             tuple[str, ...], frozenset[str], str]]
#: (head word, pattern form, Form): one way a surface word reads as a head
_Reading = tuple[str, str, morph.Form]
#: row numbers (within a head) of plain patterns; (row, phrase) by first after word
#: and by prefix
_PosIndex = tuple[list[int], dict[str, list[tuple[int, tuple[str, ...]]]],
                  dict[str, list[tuple[int, tuple[str, ...]]]]]


class _Head:
    """The rows of one head word, indexed by form on first use; patterns made per row."""

    __slots__ = ("by_pos", "made", "numbers", "rows")

    def __init__(self, rows: list[_HeadRow], made: list[Pattern | None] | None = None,
                 by_pos: dict[str, _PosIndex] | None = None,
                 numbers: list[int] | None = None) -> None:
        self.rows = rows
        self.made: list[Pattern | None] = made or [None] * len(rows)
        self.by_pos = by_pos
        #: n of each row's id: the rows of its head and code so far
        self.numbers: list[int] = numbers or []

    def forms(self) -> list[str]:
        return list(dict.fromkeys(row[2][0] for row in self.rows))

    def index(self) -> dict[str, _PosIndex]:
        if self.by_pos is None:
            by_pos: dict[str, _PosIndex] = {}
            counts: dict[str, int] = {}
            for k, (_, _, spec) in enumerate(self.rows):
                counts[spec[2]] = counts.get(spec[2], 0) + 1
                self.numbers.append(counts[spec[2]])
                plain, after, prefixes = by_pos.setdefault(spec[0], ([], {}, {}))
                if not spec[1]:
                    plain.append(k)
                for phrase in spec[1]:
                    first = phrase[0]
                    lists = prefixes if first.endswith("*") else after
                    lists.setdefault(first.removesuffix("*"), []).append((k, phrase))
            self.by_pos = by_pos
        return self.by_pos

    def pattern(self, lang: str, k: int) -> Pattern:
        p = self.made[k]
        if p is None:
            _, head, (form, after, code, target, flags, where) = self.rows[k]
            self.index()
            p = Pattern(f"{lang}:{head[0]}:{code}:{self.numbers[k]}", head, form, after, code,
                        target, flags, where)
            self.made[k] = p
        return p


class PatternSet:
    """All patterns of one language, indexed by the surface form of the head.

    Built lazily. Loading keeps each row once and the surface forms of each
    distinct head (a few thousand words). A word's ``WordEntries`` is made the
    first time a text uses the word, and its ``after`` lists (hundreds per
    PETRARCH verb) only when the word that starts them follows it; ``Pattern``
    and ``Entry`` objects are made then. Making every pattern and every (form,
    pattern) entry up front cost seconds and ~490k objects, most of which a
    run never touches. Lookups give what an eager index gives, in the same
    (file) order.
    """

    def __init__(self, lang: str, patterns: list[Pattern] | None = None,
                 irregular: dict[str, tuple[str, ...]] | None = None, *,
                 heads: dict[str, list[_HeadRow]] | None = None,
                 compiled: _Compiled | None = None) -> None:
        self.lang = lang
        self._heads: dict[str, _Head] = {h: _Head(rows) for h, rows in (heads or {}).items()}
        self._specs: list[tuple] = []  # row fields of packed heads (compiled form)
        if compiled is not None:
            self._from_compiled(compiled)
            return
        for seq, p in enumerate(patterns or ()):
            spec = (p.form, p.after, p.code, p.target, p.flags, p.where)
            head = self._heads.setdefault(p.head[0], _Head([], []))
            head.rows.append((seq, p.head, spec))
            head.made.append(p)
        self._count = sum(len(h.rows) for h in self._heads.values())
        irregular = irregular or {}
        #: surface word -> the readings that produce it
        words: dict[str, list[_Reading]] = {}
        for head0, head in self._heads.items():
            for pos in head.forms():
                for word, form in morph.forms(lang, head0, pos,
                                              irregular.get(head0, ())).items():
                    words.setdefault(word, []).append((head0, pos, form))
        self._words = {word: tuple(readings) for word, readings in words.items()}
        self._lazy()

    def _lazy(self) -> None:
        """Nothing made yet: Entry objects will be kept per reading and head row,
        WordEntries per set of readings (words read alike, "says" and "saying",
        share them)."""
        self._entries_of: dict[_Reading, dict[int, Entry]] = {}
        self._shared: dict[tuple[_Reading, ...], WordEntries] = {}
        self.index: Mapping[str, WordEntries] = _LazyIndex(self)
        self._empty = WordEntries([], {}, {})
        self._all: tuple[Pattern, ...] | None = None

    @classmethod
    def load(cls, lang: str, codebook: Codebook | None = None) -> PatternSet:
        return _load(lang, codebook or Codebook.load())

    def compile(self) -> _Compiled:
        """The rows, their index and the surface words as plain values (for the
        cache). Each head is packed on its own (marshal bytes, rows pointing into
        one table of row fields) so that loading unpacks only the heads a text uses."""
        specs: dict[tuple, int] = {}
        packed: dict[str, bytes] = {}
        for h in self._heads:
            head = self._head(h)
            rows = [(seq, words, specs.setdefault(spec, len(specs)))
                    for seq, words, spec in head.rows]
            packed[h] = marshal.dumps((rows, head.index(), head.numbers))
        return (list(specs), packed, self._count,
                {w: tuple((h, pos, f.pos, f.passive) for h, pos, f in readings)
                 for w, readings in self._words.items()})

    def _from_compiled(self, compiled: _Compiled) -> None:
        self._specs, packed, self._count, words = compiled
        self._heads = packed  # type: ignore[assignment] # unpacked by _head()
        forms = {(f.pos, f.passive): f for f in (morph.ACTIVE, morph.PASSIVE, morph.NOUN)}
        self._words = {}
        for word, readings in words.items():
            self._words[word] = tuple(
                (h, pos, forms.get((fpos, passive)) or forms.setdefault(
                    (fpos, passive), morph.Form(fpos, passive)))
                for h, pos, fpos, passive in readings)
        self._lazy()

    @property
    def patterns(self) -> tuple[Pattern, ...]:
        """Every pattern in file order (makes them all: for tests and tools)."""
        if self._all is None:
            heads = [self._head(h) for h in self._heads]
            made = [(h.rows[k][0], h.pattern(self.lang, k))
                    for h in heads for k in range(len(h.rows))]
            made.sort(key=lambda sp: sp[0])
            self._all = tuple(p for _, p in made)
        return self._all

    def lookup(self, word: str) -> WordEntries:
        return self.index.get(word) or self._empty

    def __len__(self) -> int:
        return self._count

    # -- lazy building ---------------------------------------------------------
    def _head(self, head0: str) -> _Head:
        head = self._heads[head0]
        if isinstance(head, bytes):
            rows, by_pos, numbers = marshal.loads(head)
            specs = self._specs
            head = _Head([(seq, words, specs[k]) for seq, words, k in rows], None, by_pos,
                         numbers)
            self._heads[head0] = head
        return head

    def _entries(self, word: str) -> WordEntries | None:
        readings = self._words.get(word)
        if readings is None:
            return None
        entries = self._shared.get(readings)
        if entries is None:
            after: set[str] = set()
            prefixes: set[str] = set()
            for head0, pos, _ in readings:
                _, by_first, by_prefix = self._head(head0).index()[pos]
                after.update(by_first)
                prefixes.update(by_prefix)
            entries = WordEntries(
                [e for _, e, _ in self._collect(readings, 0, "")],
                _LazyPhrases(self, readings, 1, after) if after else {},
                _LazyPhrases(self, readings, 2, prefixes) if prefixes else {},
                tuple(sorted({len(k) for k in prefixes})))
            self._shared[readings] = entries
        return entries

    def _collect(self, readings: tuple[_Reading, ...], part: int, key: str
                 ) -> list[tuple[int, Entry, tuple[str, ...]]]:
        """(file order, entry, phrase) of ``readings``: plain patterns (part 0)
        or the phrases starting with ``key`` (part 1 words, part 2 prefixes)."""
        found: list[tuple[int, Entry, tuple[str, ...]]] = []
        for reading in readings:
            head = self._head(reading[0])
            index = head.index()[reading[1]]
            rows = [(k, ()) for k in index[0]] if part == 0 else index[part].get(key, ())
            if not rows:
                continue
            made = self._entries_of.setdefault(reading, {})
            for k, phrase in rows:
                entry = made.get(k)
                if entry is None:
                    entry = made[k] = Entry(head.pattern(self.lang, k), reading[2])
                found.append((head.rows[k][0], entry, phrase))
        if len(readings) > 1:
            found.sort(key=lambda f: f[0])  # file order, as one pass over the rows gives
        return found


#: PatternSet.compile(): the table of row fields; per head its rows (spec as a
#: table position), index and row numbers, packed; the number of patterns; the
#: readings by word with each Form as (pos, passive)
_Compiled = tuple[list[tuple], dict[str, bytes], int,
                  dict[str, tuple[tuple[str, str, str, bool], ...]]]


class _LazyIndex(Mapping[str, WordEntries]):
    """Surface word -> WordEntries, made on first lookup and kept."""

    __slots__ = ("_built", "_set")

    def __init__(self, patterns: PatternSet) -> None:
        self._set = patterns
        self._built: dict[str, WordEntries] = {}

    def get(self, word: str, default: WordEntries | None = None) -> WordEntries | None:
        found = self._built.get(word)
        if found is None:
            found = self._set._entries(word)
            if found is None:
                return default
            self._built[word] = found
        return found

    def __getitem__(self, word: str) -> WordEntries:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return word in self._set._words

    def __iter__(self) -> Iterator[str]:
        return iter(self._set._words)

    def __len__(self) -> int:
        return len(self._set._words)


class _LazyPhrases(Mapping[str, list[tuple[Entry, tuple[str, ...]]]]):
    """A WordEntries' ``after`` or ``prefixes`` lists, each made on first use."""

    __slots__ = ("_keys", "_made", "_part", "_readings", "_set")

    def __init__(self, patterns: PatternSet, readings: tuple[_Reading, ...], part: int,
                 keys: set[str]) -> None:
        self._set, self._readings, self._part = patterns, readings, part
        self._keys = keys
        self._made: dict[str, list[tuple[Entry, tuple[str, ...]]]] = {}

    def get(self, key: str, default=None):  # noqa: ANN001, ANN201 - Mapping.get
        made = self._made.get(key)
        if made is None:
            if key not in self._keys:
                return default
            made = [(e, phrase) for _, e, phrase in
                    self._set._collect(self._readings, self._part, key)]
            self._made[key] = made
        return made

    def __getitem__(self, key: str) -> list[tuple[Entry, tuple[str, ...]]]:
        if key not in self._keys:
            raise KeyError(key)
        return self.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def _phrases(cell: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(alt.split()) for alt in cell.lower().split("|") if alt.strip())


def _rows(path: Path, codebook: Codebook) -> Iterator[tuple[str, tuple]]:
    """``(head cell, (form, after, code, target, flags, where))`` per valid row."""
    for lineno, row in read_tsv(path, ("head", "form", "code")):
        where = f"{path.name}:{lineno}"
        form, code = row["form"], row["code"]
        if form not in _FORMS:
            raise DataFileError(str(path), f"unknown form {form!r}", lineno)
        if code not in codebook and code != NO_EVENT:
            raise DataFileError(str(path), f"unknown CAMEO code {code!r}", lineno)
        flags = frozenset(f for f in row.get("flags", "").replace(",", " ").split())
        if flags - _FLAGS:
            raise DataFileError(str(path), f"unknown flag(s) {sorted(flags - _FLAGS)}", lineno)
        target_cell = row.get("target", "") or "obj"
        target = () if target_cell == "none" else tuple(target_cell.lower().split("|"))
        yield row["head"], (form, _phrases(row.get("after", "")), code, target, flags, where)


def _parse(lang: str, path: Path, codebook: Codebook, counts: dict) -> list[Pattern]:
    """Every pattern of one file, made at once (``counts`` numbers the ids)."""
    out = []
    for cell, (form, after, code, target, flags, where) in _rows(path, codebook):
        for head in _phrases(cell):
            key = (head[0], code)
            counts[key] += 1
            pid = f"{lang}:{head[0]}:{code}:{counts[key]}"
            out.append(Pattern(pid, head, form, after, code, target, flags, where))
    return out


def _irregular(lang: str) -> dict[str, tuple[str, ...]]:
    path = pack_file(lang, "verbs_irregular.tsv")
    if not path.is_file():
        return {}
    return {row["base"].lower(): tuple(row["forms"].lower().split())
            for _, row in read_tsv(path, ("base", "forms"))}


@functools.lru_cache(maxsize=8)
def _load(lang: str, codebook: Codebook) -> PatternSet:
    """The pack's patterns, from the compiled cache when files and code are unchanged."""
    inputs = [*(pack_file(lang, name) for name in PATTERN_FILES),
              pack_file(lang, "verbs_irregular.tsv"), Path(__file__), Path(morph.__file__)]
    parts = compiled(f"patterns-{lang}", inputs, lambda: _fresh(lang, codebook).compile(),
                     extra=" ".join(codebook.codes()))
    return PatternSet(lang, compiled=parts)


def _fresh(lang: str, codebook: Codebook) -> PatternSet:
    """The pack's patterns read from the files."""
    heads: dict[str, list[_HeadRow]] = {}
    seq = 0
    for name in PATTERN_FILES:
        path = pack_file(lang, name)
        if not path.is_file():
            continue
        for cell, spec in _rows(path, codebook):
            for head in _phrases(cell):
                heads.setdefault(head[0], []).append((seq, head, spec))
                seq += 1
    return PatternSet(lang, None, _irregular(lang), heads=heads)
