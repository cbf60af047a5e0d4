"""Clauses of a sentence: where a date or a place belongs.

A sentence is cut into clauses at ";", dashes and clause-opening words
(``dates_clauses.tsv``: ketika, sebelum, when, after …). A subordinate clause
hangs on the clause before it; one that opens the sentence ("Setelah banjir …,
menteri tiba …") ends at its first comma and hangs on the clause after it; a
coordinator opening the sentence ("Namun, …") opens nothing. Quoted speech
hangs on the words that introduce it ("Wang berjanji “…”"), else on its
attribution ("“…,” kata Lavrov, Senin (8/4)."). Relative clauses
(``dates_relativisers.tsv``: yang, which, who …, up to the next comma) and
parentheses are clauses of their own. ``enrich/event_context.py`` uses them to
give each event the date and place of its own clause.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import DataFileError
from ..model import Sentence
from ..packs import pack_file, read_tsv

#: Clause separators inside a sentence (commas are too common to split on);
#: the packs add clause-opening words.
CLAUSE_PUNCT = r";|\s[—–-]\s"
#: Words (with inner hyphens/apostrophes), commas and brackets.
WORD = re.compile(r"\w+(?:['’-]\w+)*|[,()]")
#: Fewer quoted words than this are a quoted phrase, not quoted speech.
QUOTE_WORDS = 4


@dataclass(frozen=True)
class ClauseRules:
    """One language's words that cut sentences into clauses and attach dates."""

    breaks: re.Pattern[str]  # ";", dashes and clause-opening words
    coordinators: frozenset[str]  # clause-opening words that govern nothing
    relativisers: re.Pattern[str] | None
    heads: dict[str, str]  # event noun → "after" | "around"
    frames: frozenset[str]
    locatives: frozenset[str]

    @staticmethod
    def load(lang: str) -> ClauseRules:
        return _load_rules(lang)


@lru_cache(maxsize=8)
def _load_rules(lang: str) -> ClauseRules:
    openers: dict[str, str] = {}
    path = pack_file(lang, "dates_clauses.tsv")
    if path.exists():
        for lineno, row in read_tsv(path, ("name", "kind")):
            if row["kind"] not in ("subordinate", "coordinate"):
                raise DataFileError(str(path), "kind must be subordinate or coordinate", lineno)
            openers[" ".join(row["name"].lower().split())] = row["kind"]
    heads: dict[str, str] = {}
    path = pack_file(lang, "dates_heads.tsv")
    if path.exists():
        for lineno, row in read_tsv(path, ("name", "position")):
            if row["position"] not in ("after", "around"):
                raise DataFileError(str(path), "position must be after or around", lineno)
            heads[row["name"].lower()] = row["position"]
    words = _words_pattern(list(openers))
    rel = _words_pattern(_pack_words(lang, "dates_relativisers.tsv"))
    return ClauseRules(
        breaks=re.compile(CLAUSE_PUNCT + (rf"|\b(?:{words})\b" if words else ""), re.IGNORECASE),
        coordinators=frozenset(w for w, k in openers.items() if k == "coordinate"),
        relativisers=re.compile(rf"\b(?:{rel})\b", re.IGNORECASE) if rel else None,
        heads=heads,
        frames=frozenset(w.lower() for w in _pack_words(lang, "dates_frames.tsv")),
        locatives=frozenset(w.lower() for w in _pack_words(lang, "places_locatives.tsv")),
    )


@dataclass(slots=True)
class Segment:
    """A clause of a sentence (article offsets); ``parent`` governs it (-1: none)."""

    start: int
    end: int
    parent: int
    kind: str  # clause | quote (a clause of quoted speech) | relative | paren


@dataclass(slots=True)
class Clauses:
    """The clauses and words of one sentence."""

    segments: list[Segment]
    words: list[tuple[int, int, str]]  # article offsets, lower-case text
    starts: list[int] = field(default_factory=list)

    def at(self, pos: int) -> int:
        """The innermost segment holding ``pos``."""
        best = 0
        for i, seg in enumerate(self.segments):
            if seg.start <= pos < seg.end and seg.start >= self.segments[best].start:
                best = i
        return best

    def chain(self, index: int) -> list[int]:
        """``index`` and the segments governing it, innermost first."""
        out = [index]
        while self.segments[out[-1]].parent >= 0 and len(out) <= len(self.segments):
            out.append(self.segments[out[-1]].parent)
        return out

    def word_index(self, pos: int) -> int:
        """Index of the first word starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)


def clauses(sentence: Sentence, rules: ClauseRules,
            quotes: Sequence[tuple[int, int]] = ()) -> Clauses:
    """Cut ``sentence`` into clauses, relative clauses and parentheses.

    ``quotes`` (article offsets) are quoted speech: its clauses hang on the
    words that introduce it ("Wang berjanji “…”"), else on the attribution
    after it ("“…,” kata Lavrov, Senin (8/4).").
    """
    text, base = sentence.text, sentence.start
    words = [(base + m.start(), base + m.end(), m.group().lower()) for m in WORD.finditer(text)]
    regions: list[tuple[int, int, bool]] = []  # sentence offsets, quoted?
    at = 0
    for q0, q1 in sorted(quotes):
        lo, hi = max(q0 - base, at), min(q1 - base, len(text))
        if lo >= hi or len(WORD.findall(text, lo, hi)) < QUOTE_WORDS:
            continue  # a quoted word or phrase ("respond “vigorously”") is no clause
        if lo > at:
            regions.append((at, lo, False))
        regions.append((lo, hi, True))
        at = hi
    if at < len(text) or not regions:
        regions.append((at, len(text), False))
    segments: list[Segment] = []
    spans: list[tuple[int, int, bool]] = []  # first/last segment of each region, quoted?
    for lo, hi, quoted in regions:
        first = len(segments)
        for start, end, parent in _split(text, lo, hi, rules):
            segments.append(Segment(base + start, base + end,
                                    first + parent if parent >= 0 else -1,
                                    "quote" if quoted else "clause"))
        spans.append((first, len(segments), quoted))
    outside = [sp for sp in spans if not sp[2] and _has_words(text, segments, sp, base)]
    for first, last, quoted in spans:
        if not quoted:
            # the sentence goes on after a quote: "… said “…” to protect …"
            earlier = [sp for sp in outside if sp[1] <= first]
            for seg in segments[first:last]:
                if seg.parent < 0 and earlier:
                    seg.parent = earlier[-1][1] - 1
            continue
        after = [sp for sp in outside if sp[0] >= last]
        before = [sp for sp in outside if sp[1] <= first]
        # the words that introduce the quote ("Wang berjanji “…”"), else those after it
        attribution = before[-1][1] - 1 if before else after[0][0] if after else -1
        for seg in segments[first:last]:
            if seg.parent < 0:
                seg.parent = attribution
    out = Clauses(segments, words, [w[0] for w in words])
    if rules.relativisers is not None:
        for m in rules.relativisers.finditer(text):
            start = base + m.start()
            holder = out.at(start)
            comma = text.find(",", m.end())
            end = min(segments[holder].end, base + comma if comma >= 0 else base + len(text))
            segments.append(Segment(start, end, holder, "relative"))
    for m in re.finditer(r"\([^()]*\)", text):
        start = base + m.start()
        segments.append(Segment(start, base + m.end(), out.at(start), "paren"))
    return out


def _split(text: str, lo: int, hi: int, rules: ClauseRules) -> list[tuple[int, int, int]]:
    """Clauses of ``text[lo:hi]`` as (start, end, parent index in this list or -1)."""
    pieces: list[tuple[int, int, int]] = []  # kind: 0 main, 1 subordinate, 2 fronted
    start, kind = lo, 0
    for m in rules.breaks.finditer(text, lo, hi):
        if m.start() < start:
            continue
        word = " ".join(m.group().lower().split())
        opener = bool(word.strip(";—–-"))
        opening = not text[start:m.start()].strip(" \t\n\"“”'‘’([,")
        if opener and opening and word in rules.coordinators:
            continue  # "Namun, …", "But …": the clause goes on
        if opener and opening:
            comma = text.find(",", m.end(), hi)
            nxt = rules.breaks.search(text, m.end(), hi)
            if comma >= 0 and (nxt is None or comma < nxt.start()):
                if m.start() > start:
                    pieces.append((start, m.start(), kind))
                pieces.append((m.start(), comma + 1, 2))
                start, kind = comma + 1, 0
                continue
        if m.start() > start:
            pieces.append((start, m.start(), kind))
        start, kind = (m.start(), 1) if opener else (m.end(), 0)
    if hi > start or not pieces:
        pieces.append((start, hi, kind))
    out: list[tuple[int, int, int]] = []
    for i, (a, b, k) in enumerate(pieces):
        parent = i - 1 if k == 1 and i > 0 else i + 1 if k == 2 and i + 1 < len(pieces) else -1
        out.append((a, b, parent))
    return out


def _has_words(text: str, segments: list[Segment], span: tuple[int, int, bool],
               base: int) -> bool:
    return any(WORD.search(text, segments[k].start - base, segments[k].end - base)
               for k in range(span[0], span[1]))


def _words_pattern(words: Sequence[str]) -> str:
    """Regex alternation, longest first, spaces matching any whitespace."""
    parts = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)


def _pack_words(lang: str, name: str) -> list[str]:
    path = pack_file(lang, name)
    if not path.exists():
        return []
    return [row["name"] for _, row in read_tsv(path, ("name",))]
