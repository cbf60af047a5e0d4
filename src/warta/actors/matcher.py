"""Fast phrase matching: one Aho-Corasick automaton per language over the
lower-cased article text, with word-boundary and letter-case checks.

Lower-casing keeps offsets: a character whose lower-case form is longer
(``İ`` → ``i̇``) is left as it is, so every index in the folded text is the
same index in the original.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import ahocorasick

from .dictionary import ActorEntry, AgentEntry, CorefEntry, LanguageData


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


SHORT = 3  # patterns this short with a capital must match letter for letter


def case_ok(pattern: str, text: str) -> bool:
    """Every upper-case letter of the pattern must be upper case in the text:
    "AS" does not match "as", "the US" not "the us", "Nato" matches "NATO".
    Short names with capitals match exactly: "Xi" is not the numeral "XI"."""
    if len(pattern) <= SHORT and not pattern.islower():
        return pattern == text
    return all(not p.isupper() or t.isupper() for p, t in zip(pattern, text, strict=False))


@dataclass(slots=True)
class Bucket:
    actors: list[ActorEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    corefs: list[CorefEntry] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Hit:
    """A dictionary match that passed the boundary and case checks."""

    start: int
    end: int
    actors: tuple[ActorEntry, ...] = ()
    agent: AgentEntry | None = None
    coref: CorefEntry | None = None


class PhraseMatcher:
    """Built once per language; ``find`` is called per sentence."""

    def __init__(self, data: LanguageData) -> None:
        buckets: dict[str, Bucket] = defaultdict(Bucket)
        for a in data.actors:
            buckets[fold(a.pattern)].actors.append(a)
        for g in data.agents:
            buckets[fold(g.pattern)].agents.append(g)
        for c in data.coref:
            if c.kind not in {"not_alias", "not_name"}:  # word lists, not words to find
                buckets[fold(c.pattern)].corefs.append(c)
        for bucket in buckets.values():
            if bucket.actors:
                # Only the highest tier that knows a form counts (user > ours > generated).
                top = max(a.tier for a in bucket.actors)
                bucket.actors = [a for a in bucket.actors if a.tier == top]
        self.guards = data.guards
        self.automaton = ahocorasick.Automaton()
        for key, bucket in buckets.items():
            if key.strip():
                self.automaton.add_word(key, (len(key), bucket))
        self.automaton.make_automaton()

    def find(self, text: str, folded: str, start: int, end: int, guard: bool = True) -> list[Hit]:
        """Leftmost-longest, non-overlapping hits inside ``text[start:end]``.
        ``guard=False`` (headlines in title case) skips the after-a-name check."""
        if start >= end:
            return []
        # Lower-cased text (some corpora, chat-style input) carries no case evidence.
        caseless = text[start:end].islower()
        found: list[Hit] = []
        for last, (length, bucket) in self.automaton.iter_long(folded, start, end):
            s, e = last + 1 - length, last + 1
            hit = self._checked(text, folded, s, e, bucket, guard, caseless)
            if hit is not None:
                found.append(hit)
                continue
            # The longest key failed a check ("Barat Daya" in "Barat Dayak"): a
            # shorter key inside the same span may still hold.
            for last2, (length2, bucket2) in self.automaton.iter(folded, s, e):
                hit = self._checked(text, folded, last2 + 1 - length2, last2 + 1, bucket2,
                                    guard, caseless)
                if hit is not None:
                    found.append(hit)
        if len(found) > 1:
            found.sort(key=lambda h: (h.start, h.start - h.end))
        chosen: list[Hit] = []
        edge = -1
        for hit in found:
            if hit.start >= edge:
                chosen.append(_reduplicated(hit, folded, end))
                edge = chosen[-1].end
        return chosen

    def _checked(self, text: str, folded: str, s: int, e: int, bucket: Bucket, guard: bool,
                 caseless: bool) -> Hit | None:
        if (s > 0 and folded[s - 1].isalnum()) or (e < len(folded) and folded[e].isalnum()):
            return None
        return self._hit(text, s, e, bucket, guard, caseless)

    def _hit(self, text: str, s: int, e: int, bucket: Bucket, guard: bool,
             caseless: bool) -> Hit | None:
        # Upper-casing caseless text makes every case check pass.
        surface = text[s:e].upper() if caseless else text[s:e]
        actors = tuple(a for a in bucket.actors if case_ok(a.pattern, surface))
        # Later files (hand-written *_local) override earlier, generated ones.
        agent = next((g for g in reversed(bucket.agents) if case_ok(g.pattern, surface)), None)
        coref = next((c for c in reversed(bucket.corefs) if case_ok(c.pattern, surface)), None)
        if guard and actors and surface.lower() in self.guards and _after_name(text, s):
            return None
        if actors and all(a.kind == "ignore" for a in actors):
            # An "ignore" entry only exists to block shorter matches inside it.
            return Hit(s, e, actors)
        if not (actors or agent or coref):
            return None
        return Hit(s, e, actors, agent, coref)


def _after_name(text: str, s: int) -> bool:
    """Is the word before ``s`` a capitalised word on the same line
    ("Jawa Barat", "Kalimantan Barat") rather than a common word?"""
    i = s - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    j = i
    while j >= 0 and (text[j].isalpha() or text[j] in "-'"):
        j -= 1
    word = text[j + 1 : i + 1]
    if not word or not word[0].isupper():
        return False
    # A capitalised word that starts a sentence or line is just a sentence start.
    k = j
    while k >= 0 and text[k] == " ":
        k -= 1
    return k >= 0 and text[k] not in ".!?\n\"“"


def _reduplicated(hit: Hit, folded: str, limit: int) -> Hit:
    """Indonesian plurals repeat the word: "perusahaan-perusahaan" is one hit."""
    word = folded[hit.start : hit.end]
    e = hit.end
    if e < limit and folded[e] == "-" and folded[e + 1 : e + 1 + len(word)] == word:
        after = e + 1 + len(word)
        if after >= len(folded) or not folded[after].isalnum():
            return Hit(hit.start, after, hit.actors, hit.agent, hit.coref)
    return hit
