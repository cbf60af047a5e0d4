"""Within-article coreference: short names, pronouns and attributions.

1. Every person named in full lends its short forms (surname; first name in
   Indonesian, where "Prabowo" stands for "Prabowo Subianto"; the family name
   of a Chinese two-syllable name, "Wang" for "Wang Yi") to later mentions.
2. Attributions ("ujarnya", "katanya"), pronouns ("ia", "beliau", "he") and
   descriptions ("the minister") take the nearest person-like mention before
   them that is not inside a quotation: the speaker, not a person quoted.
3. "kedua negara" / "both countries" take the two most-mentioned countries.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..model import Mention, Sentence
from .compose import Composed
from .matcher import Hit

QUOTE_RE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»")
MIN_ALIAS = 3
# How far back (in sentences) a pronoun may look for its antecedent.
LOOKBACK = 4


def quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def short_forms(name: str, lang: str, stop: frozenset[str]) -> Iterator[str]:
    tokens = [t for t in re.split(r"\s+", name) if t]
    if len(tokens) < 2:
        return
    last, first = tokens[-1].strip(".,"), tokens[0].strip(".,")
    if len(last) >= MIN_ALIAS and last.lower() not in stop:
        yield last
    if (len(last) <= 2 or lang == "id") and len(first) >= 2 and first.lower() not in stop:
        yield first
    if lang == "id":
        # Indonesian news also calls people by a middle name: "Tito" for
        # "Muhammad Tito Karnavian", "Hugo" for "Andreas Hugo Pareira".
        for middle in tokens[1:-1]:
            middle = middle.strip(".,")
            if len(middle) >= MIN_ALIAS and middle[:1].isupper() and middle.lower() not in stop:
                yield middle


def alias_table(items: Iterable[Composed], lang_of: dict[int, str],
                stop: frozenset[str]) -> dict[str, Mention]:
    """Short form -> the person mention it stands for (first full mention wins)."""
    table: dict[str, Mention] = {}
    for c in items:
        m = c.mention
        if m.kind != "person":
            continue
        for form in (m.name, m.text, *short_forms(m.name, lang_of.get(m.sentence, "en"), stop),
                     *short_forms(m.text, lang_of.get(m.sentence, "en"), stop)):
            if form[:1].isupper():
                table.setdefault(form, m)
    return table


INITIALS_RE = re.compile(r"[ \t]*\(([A-Z]{2,5})\)")
CAPITALISED_RUN_RE = re.compile(r"(?:[A-Z][\w'’.-]*[ \t]+){0,6}$")


def initials(items: Iterable[Composed], text: str) -> Iterator[tuple[str, Mention]]:
    """Initials an article defines for a person: "Ridwan Kamil (RK)", "Kang
    Dedi Mulyadi (KDM)" — the letters in brackets right after the name are
    the first letters of its words (an honorific before it may add one), and
    the article then writes "RK" alone."""
    for c in items:
        m = c.mention
        if m.kind != "person":
            continue
        found = INITIALS_RE.match(text, m.end)
        if found is None:
            continue
        letters = found.group(1)
        words = m.text.split()
        run = CAPITALISED_RUN_RE.search(text, 0, m.start)
        before = run.group().split() if run is not None else []
        heads = "".join(w[0] for w in (*before, *words) if w[:1].isupper())
        if len(letters) >= len(words) >= 2 and heads.endswith(letters):
            yield letters, m


def alias_mentions(text: str, sentences: Iterable[Sentence], table: dict[str, Mention],
                   taken: list[tuple[int, int]]) -> Iterator[Mention]:
    """Mentions of remembered names that the dictionaries did not find."""
    if not table:
        return
    forms = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w-])")
    covered = bytearray(len(text) + 1)
    for s, e in taken:
        covered[s:e] = b"\x01" * (e - s)
    for sent in sentences:
        for m in pattern.finditer(text, sent.start, sent.end):
            if any(covered[m.start() : m.end()]):
                continue
            ante = table[m.group()]
            yield replace(ante, start=m.start(), end=m.end(), text=m.group(), sentence=sent.index,
                          method="coreference", confidence=min(ante.confidence, 0.8))


def resolve(hit: Hit, sentence: int, text: str, people: list[Composed],
            countries: Counter[str], quotes: list[tuple[int, int]],
            country_mentions: dict[str, Mention],
            starts: list[int] | None = None) -> Iterator[Mention]:
    """Mentions for one pronoun/attribution/description/group hit."""
    assert hit.coref is not None
    kind = hit.coref.kind
    surface = text[hit.start : hit.end]
    if kind == "group":
        for code, _n in countries.most_common(2):
            ante = country_mentions[code]
            yield replace(ante, start=hit.start, end=hit.end, text=surface, sentence=sentence,
                          kind="pronoun", method="coreference", confidence=0.6)
        return
    ante = _antecedent(hit, _opening(hit, sentence, text, quotes, starts), people, quotes)
    if ante is not None:
        yield replace(ante, start=hit.start, end=hit.end, text=surface, sentence=sentence,
                      kind="pronoun", method="coreference", confidence=0.7)


def _opening(hit: Hit, sentence: int, text: str, quotes: list[tuple[int, int]],
             starts: list[int] | None) -> int:
    """The sentence an attribution's quotation opens in: '"… . … . …," ujarnya'
    closes a quote of several sentences, and its speaker is named before the
    quote opens, so the look-back counts from there."""
    if starts is None or hit.coref is None or hit.coref.kind != "attribution":
        return sentence
    i = bisect.bisect_right(quotes, (hit.start, 1 << 62)) - 1
    if i < 0 or text[quotes[i][1] : hit.start].strip(" \t,.") != "":
        return sentence
    return min(sentence, max(0, bisect.bisect_right(starts, quotes[i][0]) - 1))


def _antecedent(hit: Hit, sentence: int, people: list[Composed],
                quotes: list[tuple[int, int]]) -> Mention | None:
    """The subject-like antecedent: in the nearest sentence (this one first)
    that has candidates, its first named person, else its first role phrase."""
    assert hit.coref is not None
    want = set(hit.coref.roles)
    by_sentence: dict[int, list[Mention]] = {}
    for c in people:
        m = c.mention
        if m.start >= hit.start or m.sentence < sentence - LOOKBACK:
            continue
        if inside(quotes, m.start) and not inside(quotes, hit.start):
            continue  # a person quoted is not the speaker
        if want and not want & set(m.roles):
            continue
        by_sentence.setdefault(m.sentence, []).append(m)
    if hit.coref.kind == "description":
        # "the president" prefers the person introduced as president.
        head = hit.coref.pattern.lower().split()[-1]
        titled = [c.mention for c in people if head in c.titles]
        for index in sorted(by_sentence, reverse=True):
            match = [m for m in by_sentence[index] if m in titled]
            if match:
                return match[0]
    for index in sorted(by_sentence, reverse=True):
        cands = by_sentence[index]
        named = [m for m in cands if m.kind == "person"]
        return (named or cands)[0]
    return None
