"""Verb patterns as language-pack data, compiled once into a lookup index.

A pattern row (``packs/<lang>/patterns.tsv`` and ``patterns_petrarch.tsv``)::

    head    form    after   code    target  flags

- ``head``: the trigger: a root/base word (``kunjung``, ``attack``) or several
  words (``kerja sama``); alternatives separated by ``|``. Only the first word
  is inflected.
- ``form``: ``verb``, ``noun``, ``any`` (inflect as that part of speech),
  ``word`` (exactly as written) or ``noun-word``.
- ``after``: optional words that must follow the head within a few tokens
  (``sanksi``, ``kerja sama|hubungan``); each ``|`` alternative is a phrase;
  a trailing ``*`` matches a prefix. A row with ``after`` beats the default.
- ``code``: the CAMEO code.
- ``target``: where the target is: ``obj`` (direct object), prepositions
  (``ke|dengan``), or ``none`` (the event has no target).
- ``flags``: ``sym`` (coordinated subjects act on each other), ``verbal``
  (a quote's speaker may be its source), ``notarget`` (keep without target),
  ``clause`` (the head's subject is the target and the reporting clause's
  subject the source: "X said Y must …"), ``near`` (the object must follow
  within three tokens: "menahan dua tersangka", not "menahan suku bunga … Iran").

Pattern ids are ``lang:head:code:n``, n counting rows with the same head and
code in file order, so ids stay stable when rows are added elsewhere.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataFileError
from ..packs import pack_file, read_tsv
from . import morph
from .codebook import Codebook

PATTERN_FILES = ("patterns.tsv", "patterns_petrarch.tsv")
_FORMS = ("verb", "noun", "any", "word", "noun-word")
_FLAGS = frozenset({"sym", "verbal", "notarget", "clause", "near"})


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


@dataclass(slots=True)
class WordEntries:
    """Patterns a surface word can start, split so matching stays cheap: patterns
    with ``after`` words are found through their first ``after`` word (or its
    prefix), not tried one by one (PETRARCH verbs have hundreds)."""

    plain: list[Entry]
    after: dict[str, list[tuple[Entry, tuple[str, ...]]]]
    prefixes: dict[str, list[tuple[Entry, tuple[str, ...]]]]
    prefix_lens: tuple[int, ...] = ()

    def add(self, entry: Entry) -> None:
        if not entry.pattern.after:
            self.plain.append(entry)
            return
        for phrase in entry.pattern.after:
            first = phrase[0]
            if first.endswith("*"):
                self.prefixes.setdefault(first[:-1], []).append((entry, phrase))
            else:
                self.after.setdefault(first, []).append((entry, phrase))

    def __bool__(self) -> bool:
        return bool(self.plain or self.after or self.prefixes)


class PatternSet:
    """All patterns of one language, indexed by the surface form of the head."""

    def __init__(self, lang: str, patterns: list[Pattern],
                 irregular: dict[str, tuple[str, ...]]) -> None:
        self.lang = lang
        self.patterns = tuple(patterns)
        index: dict[str, WordEntries] = {}
        for p in patterns:
            for word, form in morph.forms(lang, p.head[0], p.form,
                                          irregular.get(p.head[0], ())).items():
                index.setdefault(word, WordEntries([], {}, {})).add(Entry(p, form))
        for entries in index.values():
            entries.prefix_lens = tuple(sorted({len(k) for k in entries.prefixes}))
        self.index = index
        self._empty = WordEntries([], {}, {})

    @classmethod
    def load(cls, lang: str, codebook: Codebook | None = None) -> PatternSet:
        return _load(lang, codebook or Codebook.load())

    def lookup(self, word: str) -> WordEntries:
        return self.index.get(word, self._empty)

    def __len__(self) -> int:
        return len(self.patterns)


def _phrases(cell: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(alt.split()) for alt in cell.lower().split("|") if alt.strip())


def _parse(lang: str, path: Path, codebook: Codebook, counts: dict) -> list[Pattern]:
    out = []
    for lineno, row in read_tsv(path, ("head", "form", "code")):
        where = f"{path.name}:{lineno}"
        form, code = row["form"], row["code"]
        if form not in _FORMS:
            raise DataFileError(str(path), f"unknown form {form!r}", lineno)
        if code not in codebook:
            raise DataFileError(str(path), f"unknown CAMEO code {code!r}", lineno)
        flags = frozenset(f for f in row.get("flags", "").replace(",", " ").split())
        if flags - _FLAGS:
            raise DataFileError(str(path), f"unknown flag(s) {sorted(flags - _FLAGS)}", lineno)
        target_cell = row.get("target", "") or "obj"
        target = () if target_cell == "none" else tuple(target_cell.lower().split("|"))
        for head in _phrases(row["head"]):
            key = (head[0], code)
            counts[key] += 1
            pid = f"{lang}:{head[0]}:{code}:{counts[key]}"
            out.append(Pattern(pid, head, form, _phrases(row.get("after", "")), code, target,
                               flags, where))
    return out


def _irregular(lang: str) -> dict[str, tuple[str, ...]]:
    path = pack_file(lang, "verbs_irregular.tsv")
    if not path.is_file():
        return {}
    return {row["base"].lower(): tuple(row["forms"].lower().split())
            for _, row in read_tsv(path, ("base", "forms"))}


@functools.lru_cache(maxsize=8)
def _load(lang: str, codebook: Codebook) -> PatternSet:
    patterns: list[Pattern] = []
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for name in PATTERN_FILES:
        path = pack_file(lang, name)
        if path.is_file():
            patterns += _parse(lang, path, codebook, counts)
    return PatternSet(lang, patterns, _irregular(lang))
