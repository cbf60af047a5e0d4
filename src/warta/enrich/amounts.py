"""Amounts: numbers with their currency or what they count, in both languages.

"$240 miliar" → 240e9 USD, "Rp1,5 triliun" → 1.5e12 IDR, "12 orang tewas"
→ 12 killed, "two-day visit" → 2 day. Everything language-specific is pack
data: ``numbers.tsv`` (number words), ``amounts_currency.tsv`` (currency
markers), ``amounts_units.tsv`` (counted nouns and outcomes) and
``amounts_objects.tsv`` (what money is about: trade, aid…).

A bare number with neither currency, scale word nor counted noun is not
kept: in news those are mostly dates, times, story codes and years.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from functools import lru_cache
from itertools import compress
from operator import itemgetter, or_
from types import MappingProxyType

import ahocorasick

from ..errors import DataFileError
from ..model import Amount, Article
from ..packs import languages, pack_file, read_tsv
from ..settings import Settings
from .themes import PhraseIndex, Word, pack_language, text_blocks

#: Digits with separators, words (hyphens split "two-day"), currency signs.
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|[$€£¥]")
#: The word tokens of TOKEN_RE (maximal letter runs), and a digit, for the pre-check.
LETTERS_RE = re.compile(r"[^\W\d_]+")
DIGIT_RE = re.compile(r"\d")
#: Separator conventions: (decimal mark, thousands mark) per language.
DECIMAL_MARKS = MappingProxyType({"id": (",", "."), "en": (".", ",")})
#: How far a person noun may be from its outcome ("12 people were killed").
OUTCOME_WINDOW = 3


def amount_tokens(text: str, offset: int = 0) -> list[Word]:
    return [Word(m.start() + offset, m.end() + offset, m.group().lower())
            for m in TOKEN_RE.finditer(text)]


class _Tokens:
    """:func:`amount_tokens` of a sentence as parallel look-ups: the normal forms
    (made in C) and offsets read from the regex matches only when asked for; the
    scanner reads a few tokens around each number, not all of them."""

    __slots__ = ("_matches", "_offset", "norms")

    def __init__(self, text: str, offset: int) -> None:
        self._matches = list(TOKEN_RE.finditer(text))
        self._offset = offset
        self.norms = list(map(str.lower, map(re.Match.group, self._matches)))

    def __len__(self) -> int:
        return len(self._matches)

    def start(self, k: int) -> int:
        return self._matches[k].start() + self._offset

    def end(self, k: int) -> int:
        return self._matches[k].end() + self._offset


def parse_digits(token: str, lang: str) -> float:
    """Value of a digit token: "1.200" (id) → 1200, "1,5" (id) → 1.5, "3.5" (en) → 3.5.

    The language's decimal mark is always decimal ("1,200" in Indonesian is
    1.2); the other mark groups thousands when every group after it has
    three digits, else it is read as a decimal mark ("2,5" in English).
    """
    decimal, thousands = DECIMAL_MARKS.get(lang, DECIMAL_MARKS["en"])
    if decimal in token:
        whole, _, frac = token.rpartition(decimal)
        whole = whole.replace(thousands, "").replace(decimal, "")
        return float(f"{whole or 0}.{frac.replace(thousands, '')}")
    groups = token.split(thousands)
    if len(groups) == 1 or all(len(g) == 3 for g in groups[1:]):
        return float("".join(groups))
    return float(f"{''.join(groups[:-1])}.{groups[-1]}")


@dataclasses.dataclass(frozen=True, slots=True)
class NumberWord:
    value: float
    kind: str  # number | multiplier | teen | scale | glued_scale


@dataclasses.dataclass(frozen=True, slots=True)
class Unit:
    unit: str
    kind: str  # unit | person | outcome
    count_type: str = ""


@dataclasses.dataclass(frozen=True)
class AmountLexicon:
    numbers: dict[str, NumberWord]
    before: PhraseIndex[str]  # currency markers written before the number
    after: PhraseIndex[str]
    units: PhraseIndex[Unit]
    objects: PhraseIndex[str]

    @functools.cached_property
    def number_kind(self) -> frozenset[str]:
        """Words that open a spelled-out number ("two", "dua")."""
        return frozenset(w for w, n in self.numbers.items() if n.kind == "number")

    @functools.cached_property
    def number_words(self) -> frozenset[str] | None:
        """:attr:`number_kind`, or None when one of them is not a plain word (the
        pre-check looks at plain words only)."""
        found = self.number_kind
        return found if all(LETTERS_RE.fullmatch(w) for w in found) else None

    @functools.cached_property
    def number_automaton(self) -> ahocorasick.Automaton | None:
        """The :attr:`number_words` as substrings, to rule a text out quickly; None
        without words, or with a sigma (whose lower case depends on its neighbours)."""
        found = self.number_words
        if not found or any(c in w for w in found for c in "σς"):
            return None
        automaton = ahocorasick.Automaton()
        for w in found:
            automaton.add_word(w, w)
        automaton.make_automaton()
        return automaton

    def may_hold_amount(self, text: str) -> bool:
        """False when ``text`` has no token an amount can start with (a digit, a
        number word): most sentences, which then need no tokenising at all."""
        if DIGIT_RE.search(text):
            return True
        found = self.number_words
        if found is None:
            return True
        # A word whose lower case is a number word is a substring of the text's
        # lower case: without any such substring ("someone" has "one") no word is.
        automaton = self.number_automaton
        if automaton is not None and next(automaton.iter(text.lower()), None) is None:
            return False
        return not found.isdisjoint(map(str.lower, LETTERS_RE.findall(text)))


def _float(path: str, lineno: int, text: str) -> float:
    try:
        return float(text)
    except ValueError as exc:
        raise DataFileError(path, f"{text!r} is not a number", lineno) from exc


def _numbers(lang: str) -> dict[str, NumberWord]:
    path = pack_file(lang, "numbers.tsv")
    table = {}
    for lineno, row in read_tsv(path, ("word", "value", "kind")):
        if row["kind"] not in ("number", "multiplier", "teen", "scale", "glued_scale"):
            raise DataFileError(str(path), f"unknown kind {row['kind']!r}", lineno)
        table[row["word"].lower()] = NumberWord(_float(str(path), lineno, row["value"]),
                                                row["kind"])
    return table


def _phrases(text: str) -> str:
    return text.lower().replace("-", " ")


@lru_cache(maxsize=8)
def load_amount_lexicon(lang: str) -> AmountLexicon:
    """Amount data of pack ``lang``; DataFileError names a bad file and line."""
    currency = list(read_tsv(pack_file(lang, "amounts_currency.tsv"),
                             ("marker", "code", "position")))
    units = read_tsv(pack_file(lang, "amounts_units.tsv"), ("phrase", "unit", "kind"))
    objects = read_tsv(pack_file(lang, "amounts_objects.tsv"), ("keyword", "object"))
    return AmountLexicon(
        numbers=_numbers(lang),
        before=PhraseIndex(((_phrases(r["marker"]), r["code"]) for _, r in currency
                            if r["position"] == "before"), amount_tokens),
        after=PhraseIndex(((_phrases(r["marker"]), r["code"]) for _, r in currency
                           if r["position"] == "after"), amount_tokens),
        units=PhraseIndex(((_phrases(r["phrase"]),
                            Unit(r["unit"], r["kind"], r.get("count_type", "")))
                           for _, r in units), amount_tokens),
        objects=PhraseIndex(((_phrases(r["keyword"]), r["object"]) for _, r in objects),
                            amount_tokens),
    )


@lru_cache(maxsize=1)
def count_types() -> dict[str, str]:
    """Unit → GKG count type ("killed" → "KILL") over every pack that has units."""
    table: dict[str, str] = {}
    for lang in languages():
        path = pack_file(lang, "amounts_units.tsv")
        if path.is_file():
            for _, row in read_tsv(path, ("phrase", "unit", "kind")):
                if row.get("count_type"):
                    table.setdefault(row["unit"], row["count_type"])
    return table


class _Scanner:
    """Reads amounts from the tokens of one sentence, left to right."""

    def __init__(self, lex: AmountLexicon, lang: str, toks: _Tokens, text: str) -> None:
        self.lex, self.lang, self.toks, self.text = lex, lang, toks, text
        self.norms = toks.norms

    def number(self, i: int) -> tuple[int, float, bool] | None:
        """(end token, value, had a scale word) of the number starting at ``i``."""
        norm = self.norms[i]
        if norm[0].isdecimal():  # a digit token; "²" is a word that float() cannot read
            if self._in_date_or_time(i):
                return None
            return self._scaled(i + 1, parse_digits(norm, self.lang), glued_ok=True)
        word = self.lex.numbers.get(norm)
        if word is None or word.kind not in ("number",):
            return None
        return self._number_words(i)

    def _in_date_or_time(self, i: int) -> bool:
        start, end = self.toks.start(i), self.toks.end(i)
        before = self.text[start - 1] if start > 0 else ""
        after = self.text[end] if end < len(self.text) else ""
        return before in ("/", ":") or after in ("/", ":")

    def _number_words(self, i: int) -> tuple[int, float, bool]:
        total = current = last = 0.0
        scaled = False
        j = i
        while j < len(self.norms) and (w := self.lex.numbers.get(self.norms[j])):
            if w.kind == "number":
                current, last = current + w.value, w.value
            elif w.kind in ("multiplier", "teen") and last:
                new = last * w.value if w.kind == "multiplier" else last + w.value
                current, last = current - last + new, new
            elif w.kind == "scale" and current:
                total, current, last, scaled = total + current * w.value, 0.0, 0.0, True
            else:
                break
            j += 1
        return j, total + current, scaled

    def _scaled(self, j: int, value: float, glued_ok: bool) -> tuple[int, float, bool]:
        scaled = False
        while j < len(self.norms):
            w = self.lex.numbers.get(self.norms[j])
            glued = self.toks.start(j) == self.toks.end(j - 1)
            if w is None or not (w.kind in ("scale", "multiplier")
                                 or (w.kind == "glued_scale" and glued and glued_ok)):
                break
            value, scaled, glued_ok = value * w.value, True, False
            j += 1
        return j, value, scaled

    def currency_before(self, i: int) -> tuple[int, str] | None:
        """(first token, code) of a currency marker ending just before token ``i``."""
        for n in (3, 2, 1):
            start = i - n
            if start >= 0:
                hit = self.lex.before.match_at(self.norms, start)
                if hit and hit[0] == n:
                    return start, hit[1][0]
        return None

    def unit_after(self, j: int) -> tuple[int, Unit] | None:
        """(end token, unit) of the counted noun after the number, one word gap allowed."""
        for gap in (0, 1):
            if j + gap >= len(self.norms) or (gap and not self._plain_word(j)):
                break
            hit = self.lex.units.match_at(self.norms, j + gap)
            if hit and (gap == 0 or hit[1][0].kind != "outcome"):
                end, unit = j + gap + hit[0], hit[1][0]
                return self._outcome(end, unit) if unit.kind == "person" else (end, unit)
        return None

    def _plain_word(self, k: int) -> bool:
        """A lower-case word may sit between number and noun ("20,000 combat soldiers");
        a capitalised one is a name or month ("22 Maret tahun ini")."""
        text = self.text[self.toks.start(k):self.toks.end(k)]
        return text.isalpha() and text.islower()

    def _outcome(self, end: int, unit: Unit) -> tuple[int, Unit]:
        for k in range(end, min(end + OUTCOME_WINDOW, len(self.norms))):
            hit = self.lex.units.match_at(self.norms, k)
            if hit and hit[1][0].kind == "outcome":
                return k + hit[0], hit[1][0]
        return end, unit

    def money_object(self, i: int) -> str:
        """The nearest money keyword before token ``i`` (else after it) in the sentence."""
        found = self.lex.objects.find_norms(self.norms)
        before = [values[0] for s, _, values in found if s < i]
        after = [values[0] for s, _, values in found if s >= i]
        return before[-1] if before else (after[0] if after else "")


def _scan(lex: AmountLexicon, lang: str, toks: _Tokens, article: Article,
          sentence: int) -> list[Amount]:
    sc = _Scanner(lex, lang, toks, article.text)
    found: list[Amount] = []
    norms = sc.norms
    # Only a digit or a number word can open an amount: visit those tokens alone
    # (found with maps, in C).
    starts = compress(range(len(norms)),
                      map(or_, map(str.isdecimal, map(itemgetter(0), norms)),
                          map(lex.number_kind.__contains__, norms)))
    i = 0
    for k in starts:
        if k < i:
            continue
        i = k
        num = sc.number(i)
        if num is None:
            continue
        j, value, scaled = num
        if value == 1 and not norms[i][0].isdecimal() and not scaled:
            # "satu"/"one" alone is mostly "salah satu", "one of": not an amount
            i = j
            continue
        first, code, counts = i, "", ""
        if (cur := sc.currency_before(i)) is not None:
            first, code = cur
        elif (hit := lex.after.match_at(sc.norms, j) if j < len(norms) else None):
            j, code = j + hit[0], hit[1][0]
        if code:
            unit, counts = code, sc.money_object(first)
        elif (u := sc.unit_after(j)) is not None:
            start_unit = j
            j, unit = u[0], u[1].unit
            counts = article.text[toks.start(start_unit):toks.end(j - 1)].lower()
        elif scaled:
            unit = ""
        else:
            i = j
            continue
        s, e = toks.start(first), toks.end(j - 1)
        found.append(Amount(s, e, article.text[s:e], value, unit, counts, sentence))
        i = j
    return found


class AmountStage:
    """Adds every amount with a currency, scale word or counted noun."""

    name = "amounts"
    requires = ("sentences",)
    assigns = ("amounts",)

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._langs = tuple(lang for lang in languages()
                            if pack_file(lang, "numbers.tsv").is_file())
        self._lexicons = {lang: load_amount_lexicon(lang) for lang in self._langs}

    def amounts(self, article: Article) -> tuple[Amount, ...]:
        found: list[Amount] = []
        index = {(s.start, s.end): s.index for s in article.sentences}
        for start, end, lang in text_blocks(article, prefer_article=True):
            pack = pack_language(lang, self._langs)
            lex = self._lexicons.get(pack)
            if lex is None:
                continue
            text = article.text[start:end]
            if not lex.may_hold_amount(text):
                continue
            toks = _Tokens(text, start)
            found.extend(_scan(lex, pack, toks, article, index.get((start, end), -1)))
        return tuple(found)

    def __call__(self, article: Article) -> Article:
        return dataclasses.replace(article, amounts=self.amounts(article))
