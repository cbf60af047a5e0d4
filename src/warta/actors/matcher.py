"""Fast phrase matching: one Aho-Corasick automaton per language over the
lower-cased article text, with word-boundary and letter-case checks.

Lower-casing keeps offsets: a character whose lower-case form is longer
(``İ`` → ``i̇``) is left as it is, so every index in the folded text is the
same index in the original.
"""

from __future__ import annotations

import pickle
import re
from collections import defaultdict
from dataclasses import dataclass, field

import ahocorasick

from .dictionary import SURNAME_KIND, ActorEntry, AgentEntry, CorefEntry, LanguageData


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


#: coreference kinds that are word lists for the composer, not words to find
WORD_LISTS = frozenset({"not_alias", "not_name", "adjective", "not_noun", "facility",
                        "person_noun", "verb_aux", "thing_head"})
SHORT = 3  # patterns this short with a capital must match letter for letter
#: characters that join a word before a surname into one longer name
SURNAME_JOINERS = frozenset("-'’.")
#: after a surname: a capitalised word, "&" or a hyphen make a longer name
LONGER_NAME_RE = re.compile(r"[ \t]+[A-Z&]|-[A-Za-z]|[ \t]*&")
#: (bucket, surface) case checks remembered per matcher before starting afresh
FITS_KEPT = 100_000


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


#: Positions in LanguageData.actors, .agents and .coref of one folded form.
CompiledBucket = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def compile_matcher(data: LanguageData) -> tuple[bytes, list[CompiledBucket]]:
    """The automaton (pickled; values are ``(length, bucket number)``) and the
    buckets as positions into ``data``: plain values, so they can be cached."""
    buckets: dict[str, tuple[list[int], list[int], list[int]]] = defaultdict(
        lambda: ([], [], []))
    for i, a in enumerate(data.actors):
        buckets[fold(a.pattern)][0].append(i)
    for i, g in enumerate(data.agents):
        buckets[fold(g.pattern)][1].append(i)
    for i, c in enumerate(data.coref):
        if c.kind not in WORD_LISTS:  # word lists, not words to find
            buckets[fold(c.pattern)][2].append(i)
    automaton = ahocorasick.Automaton()
    out: list[CompiledBucket] = []
    for key, (actors, agents, corefs) in buckets.items():
        if not key.strip():
            continue
        if actors:
            # Only the highest tier that knows a form counts (user > ours > generated).
            top = max(data.actors[i].tier for i in actors)
            actors = [i for i in actors if data.actors[i].tier == top]
        automaton.add_word(key, (len(key), len(out)))
        out.append((tuple(actors), tuple(agents), tuple(corefs)))
    automaton.make_automaton()
    return pickle.dumps(automaton, protocol=pickle.HIGHEST_PROTOCOL), out


class PhraseMatcher:
    """Built once per language; ``find`` is called per sentence.

    ``compiled`` is what :func:`compile_matcher` gives for ``data`` (from the
    cache); a bucket's entries are looked up the first time a text hits it.
    """

    def __init__(self, data: LanguageData,
                 compiled: tuple[bytes, list[CompiledBucket]] | None = None) -> None:
        automaton, buckets = compiled or compile_matcher(data)
        self._data = data
        self._compiled = buckets
        self._buckets: list[Bucket | None] = [None] * len(buckets)
        self.guards = data.guards
        self.automaton = pickle.loads(automaton)
        self._fits: dict[tuple[int, str], tuple[tuple[ActorEntry, ...], AgentEntry | None,
                                                CorefEntry | None]] = {}

    def bucket(self, number: int) -> Bucket:
        """The entries of bucket ``number`` (made on first use)."""
        bucket = self._buckets[number]
        if bucket is None:
            actors, agents, corefs = self._compiled[number]
            data = self._data
            bucket = Bucket([data.actors[i] for i in actors], [data.agents[i] for i in agents],
                            [data.coref[i] for i in corefs])
            self._buckets[number] = bucket
        return bucket

    def find(self, text: str, folded: str, start: int, end: int, guard: bool = True) -> list[Hit]:
        """Leftmost-longest, non-overlapping hits inside ``text[start:end]``.
        ``guard=False`` (headlines in title case) skips the after-a-name check."""
        if start >= end:
            return []
        # Lower-cased text (some corpora, chat-style input) carries no case evidence.
        caseless = text[start:end].islower()
        found: list[Hit] = []
        size = len(folded)
        hit_at = self._hit
        # Most keys the automaton reports sit inside a longer word ("us" in
        # "focus"): the boundary test is written out here, not called.
        pos = start
        while pos < end:
            restart = end
            for last, (length, number) in self.automaton.iter_long(folded, pos, end):
                e = last + 1
                s = e - length
                if not ((s > 0 and folded[s - 1].isalnum()) or (e < size and folded[e].isalnum())):
                    hit = hit_at(text, s, e, number, guard, caseless)
                    if hit is not None:
                        found.append(hit)
                        continue
                elif folded[s:e].isalnum():
                    continue  # a piece of a longer word: no key inside it starts and ends a word
                # The longest key failed a check ("Barat Daya" in "Barat Dayak"): a
                # shorter key inside the same span may still hold.
                for last2, (length2, number2) in self.automaton.iter(folded, s, e):
                    e2 = last2 + 1
                    s2 = e2 - length2
                    if (s2 > 0 and folded[s2 - 1].isalnum()) or \
                            (e2 < size and folded[e2].isalnum()):
                        continue
                    hit = hit_at(text, s2, e2, number2, guard, caseless)
                    if hit is not None:
                        found.append(hit)
                # ... or a key from a later word of it running past its end
                # ("Sudanese" after "The Sudan" failed in "The Sudanese").
                space = folded.find(" ", s, e)
                if space >= 0 and e < size and folded[e].isalnum():
                    restart = space + 1
                    break
            pos = restart
        if len(found) > 1:
            found.sort(key=lambda h: (h.start, h.start - h.end))
        chosen: list[Hit] = []
        edge = -1
        for hit in found:
            if hit.start >= edge:
                chosen.append(_reduplicated(hit, folded, end))
                edge = chosen[-1].end
        return chosen

    def _entries(self, number: int, surface: str
                 ) -> tuple[tuple[ActorEntry, ...], AgentEntry | None, CorefEntry | None]:
        """The entries of bucket ``number`` whose letter case ``surface`` fits;
        remembered per (bucket, surface): a text repeats its names."""
        key = (number, surface)
        found = self._fits.get(key)
        if found is None:
            bucket = self.bucket(number)
            actors = tuple(a for a in bucket.actors if case_ok(a.pattern, surface))
            # Later files (hand-written *_local) override earlier, generated ones.
            agent = next((g for g in reversed(bucket.agents) if case_ok(g.pattern, surface)),
                         None)
            coref = next((c for c in reversed(bucket.corefs) if case_ok(c.pattern, surface)),
                         None)
            if len(self._fits) >= FITS_KEPT:
                self._fits.clear()
            found = self._fits[key] = (actors, agent, coref)
        return found

    def _hit(self, text: str, s: int, e: int, number: int, guard: bool,
             caseless: bool) -> Hit | None:
        # Upper-casing caseless text makes every case check pass.
        surface = text[s:e].upper() if caseless else text[s:e]
        actors, agent, coref = self._entries(number, surface)
        if guard and actors and surface.lower() in self.guards and _after_name(text, s):
            return None
        if actors and actors[0].kind == SURNAME_KIND and (
                caseless or not guard or text[s - 1 : s] in SURNAME_JOINERS or
                LONGER_NAME_RE.match(text, e) is not None):
            # A bare surname needs the evidence of letter case: none in lower-cased
            # text, and a title-case headline capitalises every word. Joined to
            # a word before it ("Kilroy-Silk", "O'Neill") or followed by a
            # capitalised word ("Baker Hughes") it is part of a longer name, and
            # must not cut a name captured after a role.
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
