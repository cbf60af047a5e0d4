"""Indonesian morphology: a dictionary-checked affix stripper.

Rules alone over-stem (Sastrawi turns memerangi into "rang"), so every
reading the prefix and suffix rules propose must end in a root listed in
the pack's ``roots.tsv``; when several readings do, the root whose word
family is more frequent in news wins (mengunjungi: kunjung, not unjung).
Words the rules still get wrong are listed in ``stem_exceptions.tsv``
(generated) and ``stem_overrides.tsv`` (hand-written). All rules are data
in ``packs/id/``; this module only applies them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError
from ..packs import pack_file, read_tsv

#: The outermost prefix decides the voice of a verb.
_VOICE = {"meN": "active", "ber": "active", "di": "passive", "ter": "stative"}
_CONFIX_PREFIXES = frozenset({"ke", "peN", "per"})
_MAX_PREFIXES = 3
_MIN_ROOT = 2
_SLOTS = ("particle", "possessive", "derivational")  # stripped from the end in this order


@dataclass(frozen=True, slots=True)
class Analysis:
    """A word split into root and affixes: prefixes outermost first, suffixes innermost first."""

    root: str
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    voice: str = ""  # active | passive | stative | ""


@dataclass(frozen=True, slots=True)
class _PrefixRule:
    prefix: str
    pattern: re.Pattern[str]  # prefix, then a lookahead on what follows it
    restore: str
    label: str
    fallback: bool  # its readings count only when no other reading is found


def _read_map(path: Path, key: str, value: str) -> dict[str, str]:
    return {row[key].lower(): row[value].lower() for _, row in read_tsv(path, (key, value))}


def _read_roots(path: Path) -> dict[str, int]:
    """Root → how often its word family occurs in news (for ties between readings)."""
    roots = {}
    for line, row in read_tsv(path, ("root", "freq")):
        if not row["freq"].isdigit():
            raise DataFileError(str(path), f"freq is not a count: {row['freq']!r}", line)
        roots[row["root"].lower()] = int(row["freq"])
    return roots


def _read_rules(path: Path) -> tuple[_PrefixRule, ...]:
    rules = []
    for _, row in read_tsv(path, ("prefix", "next", "label")):
        pattern = re.compile(re.escape(row["prefix"]) + f"(?={row['next']})")
        fallback = row.get("fallback", "") == "yes"
        rules.append(
            _PrefixRule(row["prefix"], pattern, row.get("restore", ""), row["label"], fallback)
        )
    return tuple(rules)


class Morphology:
    """Indonesian stemmer built from the data files of a language pack."""

    def __init__(self, lang: str = "id", *, exceptions: bool = True) -> None:
        self._freq = _read_roots(pack_file(lang, "roots.tsv"))
        self._rules = _read_rules(pack_file(lang, "prefix_rules.tsv"))
        suffixes = [row for _, row in read_tsv(pack_file(lang, "suffixes.tsv"), ("suffix", "slot"))]
        self._slots = tuple(
            tuple(r["suffix"] for r in suffixes if r["slot"] == slot) for slot in _SLOTS
        )
        self._suffixes = frozenset(r["suffix"] for r in suffixes)
        self._banned = frozenset(
            (row["prefix"], row["suffix"])
            for _, row in read_tsv(pack_file(lang, "affix_constraints.tsv"), ("prefix", "suffix"))
        )
        self._fixed: dict[str, str] = {}
        if exceptions:
            self._fixed.update(_read_map(pack_file(lang, "stem_exceptions.tsv"), "word", "root"))
        self._fixed.update(_read_map(pack_file(lang, "stem_overrides.tsv"), "word", "root"))
        self._cache: dict[str, Analysis] = {}

    def is_root(self, word: str) -> bool:
        return word.lower() in self._freq

    def stem(self, word: str) -> str:
        """The root of ``word`` (lower-cased); the word itself when no reading is found."""
        return self.analyse(word).root

    def analyse(self, word: str) -> Analysis:
        """Root, prefixes, suffixes and voice of ``word``."""
        key = word.lower()
        found = self._cache.get(key)
        if found is None:
            found = self._analyse(key)
            if len(self._cache) < 200_000:  # bounded: a stream of names must not grow it forever
                self._cache[key] = found
        return found

    def _analyse(self, word: str) -> Analysis:
        if "-" in word:
            return self._analyse_hyphenated(word)
        fixed = self._fixed.get(word)
        if fixed is not None:
            return self._explain(word, fixed)
        if word in self._freq or not word.isalpha():
            return Analysis(word)
        best = max(self._readings(word), key=self._score, default=None)
        return best[0] if best is not None else Analysis(word)

    def _analyse_hyphenated(self, word: str) -> Analysis:
        """Reduplications share one root (perusahaan-perusahaan, tembak-menembak,
        bermain-main); a hyphen also joins affixes to acronyms and loans
        (IPK-nya, di-PHK). Other hyphenated words (Asia-Pasifik) stay whole."""
        first, _, second = word.partition("-")
        if word in self._freq or not first or not second or "-" in second:
            return Analysis(word)
        if second in self._suffixes:
            return Analysis(first, (), (second,))
        if first in _VOICE:
            return Analysis(second, (first,), (), _VOICE[first])
        left, right = self.analyse(first), self.analyse(second)
        if left.root != right.root:
            return Analysis(word)
        return left if left.prefixes or left.suffixes else right

    def _explain(self, word: str, root: str) -> Analysis:
        """Affixes for a stem fixed by the data, when the rules can reproduce it."""
        readings = [r for r in self._readings(word) if r[0].root == root]
        return max(readings, key=self._score)[0] if readings else Analysis(root)

    def _score(self, reading: tuple[Analysis, bool]) -> tuple[bool, int, int, int]:
        a, fallback = reading
        # Fewest affixes first: a short frequent root reached through an extra
        # prefix is usually wrong (menyediakan is sedia+kan, not se+dia+kan).
        affixes = len(a.prefixes) + len(a.suffixes)
        if "an" in a.suffixes and _CONFIX_PREFIXES.intersection(a.prefixes):
            affixes -= 1  # ke-…-an, peN-…-an, per-…-an are one confix (kekerasan: keras)
        return (not fallback, -affixes, self._freq.get(a.root, 0), len(a.root))

    def _readings(self, word: str) -> Iterator[tuple[Analysis, bool]]:
        """Every dictionary-checked reading, with whether it needs a fallback rule."""
        for stem, suffixes in self._suffix_splits(word):
            for root, prefixes, fallback in self._prefix_splits(stem, 0):
                if root not in self._freq or not (prefixes or suffixes):
                    continue
                derivational = suffixes[0] if suffixes and suffixes[0] in self._slots[2] else ""
                if prefixes and (prefixes[0], derivational) in self._banned:
                    continue
                voice = _VOICE.get(prefixes[0], "") if prefixes else ""
                yield Analysis(root, prefixes, suffixes, voice), fallback

    def _suffix_splits(self, word: str) -> Iterator[tuple[str, tuple[str, ...]]]:
        """Every way of peeling particle, possessive and derivational suffixes."""
        splits: list[tuple[str, tuple[str, ...]]] = [(word, ())]
        for slot in self._slots:
            for stem, outer in list(splits):
                for suffix in slot:
                    if stem.endswith(suffix) and len(stem) - len(suffix) >= _MIN_ROOT + 1:
                        splits.append((stem[: -len(suffix)], (suffix, *outer)))
        yield from splits

    def _prefix_splits(
        self, stem: str, depth: int
    ) -> Iterator[tuple[str, tuple[str, ...], bool]]:
        yield stem, (), False
        if depth >= _MAX_PREFIXES:
            return
        for rule in self._rules:
            if rule.pattern.match(stem) is None:
                continue
            rest = rule.restore + stem[len(rule.prefix) :]
            if len(rest) < _MIN_ROOT:
                continue
            for root, inner, fallback in self._prefix_splits(rest, depth + 1):
                if rule.label not in inner:
                    yield root, (rule.label, *inner), fallback or rule.fallback


@lru_cache(maxsize=4)
def morphology(lang: str = "id") -> Morphology:
    """The shared, lazily loaded stemmer for a pack (read-only after loading)."""
    return Morphology(lang)


def stem(word: str) -> str:
    """Indonesian root of ``word``: ``stem("memerangi") == "perang"``."""
    return morphology().stem(word)


def analyse(word: str) -> Analysis:
    """``analyse("mengunjungi") == Analysis("kunjung", ("meN",), ("i",), "active")``."""
    return morphology().analyse(word)
