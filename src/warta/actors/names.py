"""People no dictionary knows, found by the shape of their names.

A CAMEO coder codes a private person named in the news by the country the
story is about (an Indonesian suspect is ``IDN``); the dictionaries only know
public figures, and the composer finds other names only after a role word or
a speech verb. This module finds the rest:

- Indonesian: two to four capitalised words after a noun that names a
  person ("artis …", "pria bernama …"), or before a verb (a meN-/ber-/di-/ter-
  word or an auxiliary such as "telah", "diduga"), at least one of which is no
  Indonesian word ("Rapat Paripurna" is an event), none of which heads the
  name of a thing ("Masjid Agung …", "Mobil Pajero") and the last of which is
  no compass word ("Luwu Utara" is a region).
- English: two to four capitalised words whose first is a given name — a word
  that starts at least two people's names in the Phoenix people dictionary
  (about 30,000 people from every region) — and that no other capitalised
  word continues ("Salomon Brothers" is a firm). Measured on 150 BBC and 100
  Reuters articles, English private people made far more wrong events than
  right ones (arts and business news), so in English only a name in
  apposition to an office is kept.

A role phrase or a country's body just before the name, joined by a comma
("Kasi Intel Kejari Lembata, Mohamad Risal Hidayat, mengatakan"), is the
name's office: the name takes its code. Otherwise the name is a private person
(``CVL``); stage.context_countries gives it the country its sentence names,
else the country the article names most.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..cache import compiled
from ..language.morph_id import analyse, morphology
from ..model import Mention, Sentence
from ..packs import DATA_ROOT, read_tsv
from .compose import SURNAME_METHOD, Composed

#: method of a mention found by its shape alone
METHOD = "name"
#: the code (type) of a private person; the context adds the country
PRIVATE = "CVL"
CONFIDENCE = 0.5
PEOPLE_FILES = ("actors_phoenix.tsv", "actors_people_local.tsv")
#: a given name must start this many listed people's names
MIN_PEOPLE = 2
MIN_GIVEN = 3  # letters: "Al", "Le", "De" are particles, not given names
MIN_TOKENS, MAX_TOKENS = 2, 4
# A run of capitalised words (hyphens and apostrophes inside: "Betts-Green",
# "O'Brien"; name particles between them).
TOKEN_RE = re.compile(r"[A-Z][\w'’-]*")
# Only runs of two words or more are matched (one word is never a name
# here): every character of a word is excluded before a run's start, so no
# match starts inside a one-word run. The capital comes before the look-behind
# (which then spans it) so that the regex engine skips ahead to capitals.
MULTI_RUN_RE = re.compile(r"[A-Z](?<![\w'’.-][A-Z])[\w'’-]*"
                          r"(?:[ \t]+(?:(?:bin|binti|van|von|de|da|del|al)[ \t]+)?"
                          r"[A-Z][\w'’-]*)+")
TITLECASE_RE = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*")
POSSESSIVE_RE = re.compile(r"['’]s?$")
OPENING = " \t\n\"'“‘(-–—"
#: compass words that end a region's name ("Luwu Utara"), not a person's
COMPASS = frozenset({"Utara", "Selatan", "Barat", "Timur", "Tengah", "Tenggara", "Laut", "Daya"})
NEXT_WORD_RE = re.compile(r"[ \t]*(,)?[ \t]*([A-Za-z]+)")
PREV_WORD_RE = re.compile(r"([a-z]+)[ \t]+$")
# Between a role phrase and the name in apposition: a region, then a comma.
APPOSITION_RE = re.compile(
    r"(?:[ \t]*\([A-Za-z]+\))?(?:[ \t]+[A-Z][\w'’-]*){0,3}[ \t]*,[ \t]*")
#: Indonesian prefixes of verbs whose subject may come before them
VERB_PREFIXES = frozenset({"meN", "ber", "di", "ter", "memper"})
#: Indonesian prefixes of transitive verbs whose object may follow them
OBJECT_VERB_PREFIXES = frozenset({"meN", "memper"})


@dataclass(frozen=True, slots=True)
class NameWords:
    """Word lists one language's name finder needs."""

    lang: str
    given: frozenset[str]  # English given names
    not_name: frozenset[str]  # capitalised words never in a name ("The", "Senin")
    titles: frozenset[str]  # "Mr", "Dr"
    person_nouns: frozenset[str]  # Indonesian nouns a person's name follows
    verb_aux: frozenset[str]  # Indonesian words between a subject and its verb
    things: frozenset[str] = frozenset()  # nouns heading names of things ("Masjid")


def given_names(exclude: Iterable[str] = ()) -> frozenset[str]:
    """First words of the listed people's names (cached with the files)."""
    paths = [DATA_ROOT / f for f in PEOPLE_FILES if (DATA_ROOT / f).is_file()]
    names = compiled("given-names", [*paths, Path(__file__)], lambda: _given(paths))
    return frozenset(names) - {w for w in exclude}


def _given(paths: list[Path]) -> list[str]:
    counts: Counter[str] = Counter()
    firsts: set[str] = set()
    for path in paths:
        for _, row in read_tsv(path, ("pattern", "kind")):
            words = row["pattern"].split()
            if not words:
                continue
            if row["kind"] != "person":
                firsts.add(words[0])  # "New York", "San Marino": no given name
            elif len(words) > 1 and len(words[0]) >= MIN_GIVEN and \
                    TITLECASE_RE.fullmatch(words[0]):
                counts[words[0]] += 1
    return sorted(w for w, n in counts.items() if n >= MIN_PEOPLE and w not in firsts)


def unknown_names(text: str, sentences: Iterable[Sentence], lang_of: dict[int, str],
                  words: dict[str, NameWords], taken: list[tuple[int, int]],
                  composed: list[Composed], titlecase: set[int]) -> list[Composed]:
    """Names of people no dictionary knows, in text order. ``taken`` are the
    spans of every dictionary hit and mention; ``composed`` the mentions so far
    (for appositions); sentences in ``titlecase`` (headlines) are skipped."""
    covered = bytearray(len(text) + 1)
    for s, e in taken:
        if e > s:
            covered[s:e] = b"\x01" * (e - s)
    roles = sorted((c.mention for c in composed if _office(c.mention)), key=lambda m: m.end)
    out: list[Composed] = []
    for sent in sentences:
        if sent.index in titlecase:
            continue
        w = words[lang_of[sent.index]]
        for run in MULTI_RUN_RE.finditer(text, sent.start, sent.end):
            if covered[_last_start(run)]:
                continue  # a known actor ends the run: _candidate rejects it
            span = _candidate(text, run, covered, w, sent)
            if span is None:
                continue
            person = _person(text, span, sent.index, roles)
            if w.lang == "en" and person.mention.method == METHOD:
                # English private people made more wrong events than right
                # ones (business and arts news); only a name in apposition
                # to an office counts there.
                continue
            out.append(person)
    return out


def _last_start(run: re.Match[str]) -> int:
    """Offset of the last word of a run (words are separated by blanks)."""
    g = run.group()
    return run.start() + max(g.rfind(" "), g.rfind("\t")) + 1


def _candidate(text: str, run: re.Match[str], covered: bytearray, w: NameWords,
               sent: Sentence) -> tuple[int, int] | None:
    """The name inside a run of capitalised words, if it is one."""
    tokens = [(t.start(), t.end()) for t in TOKEN_RE.finditer(text, run.start(), run.end())]
    titled = False
    # Leading words that are no part of a name: a dictionary hit ("Liberal
    # Democrat Mark Oaten"), a title ("Mr"), a sentence opener ("But", "Namun",
    # "Director Oliver Stone said"). A word never in names elsewhere in the
    # run ("PT Total Cetra Alam", "Masjid Agung X") makes it no person.
    opener = True
    dropped: list[tuple[int, int]] = []
    while tokens:
        s, e = tokens[0]
        word = text[s:e]
        first = opener and not text[sent.start:s].strip(OPENING)
        opener = False
        if covered.find(1, s, e) >= 0:
            titled = False
        elif word in w.titles or word.rstrip(".") in w.titles:
            titled = True
        elif first and (word in w.not_name or word.lower() in w.person_nouns or
                        (w.lang == "en" and word not in w.given and len(tokens) > 2)):
            titled = False
        elif word.lower() in w.person_nouns:
            titled = False
        else:
            break
        dropped.append(tokens.pop(0))
    if tokens:
        s, e = tokens[-1]
        possessive = POSSESSIVE_RE.search(text, s, e)
        if possessive is not None:
            tokens[-1] = (s, possessive.start())  # "Oliver Stone's film"
    if any(covered.find(1, s, e) >= 0 for s, e in tokens):
        return None  # a known actor inside or after: not an unknown name
    if not MIN_TOKENS <= len(tokens) <= MAX_TOKENS:
        return None
    names = [text[s:e] for s, e in tokens]
    if any(text[s:e] in w.things for s, e in (*dropped, *tokens)):
        return None  # "Masjid Agung Sukamaju", "Mobil Pajero": a thing
    if any(n in w.not_name or not TITLECASE_RE.fullmatch(n) for n in names):
        return None
    start, end = tokens[0][0], tokens[-1][1]
    if w.lang == "en":
        return (start, end) if titled or names[0] in w.given else None
    if w.lang != "id" or names[-1] in COMPASS or all(_is_word(n) for n in names):
        return None
    before = PREV_WORD_RE.search(text, sent.start, start)
    if before is not None and (before.group(1) in w.person_nouns or
                               _transitive_id(before.group(1))):
        return start, end
    after = NEXT_WORD_RE.match(text, end, sent.end)
    if after is not None and _verb_id(after.group(2), w):
        return start, end
    return None


def _is_word(token: str) -> bool:
    """Is ``token`` an Indonesian word (a root or a root with affixes)?"""
    low = token.lower()
    if morphology().is_root(low):
        return True
    a = analyse(low)
    return a.root != low and morphology().is_root(a.root)


def _verb_id(word: str, w: NameWords) -> bool:
    """A lower-case Indonesian verb or auxiliary that a subject precedes."""
    if not word.islower():
        return False
    if word in w.verb_aux:
        return True
    a = analyse(word)
    return bool(a.prefixes) and a.prefixes[0] in VERB_PREFIXES and a.root != word


def _transitive_id(word: str) -> bool:
    """A lower-case Indonesian meN- verb, whose object a name may be
    ("melaporkan Lisa Mariana", "menangkap Budi Santoso")."""
    a = analyse(word)
    return bool(a.prefixes) and a.prefixes[0] in OBJECT_VERB_PREFIXES and a.root != word


def _office(m: Mention) -> bool:
    """A role phrase or a country's body whose holder or spokesperson an
    apposition may name ("Kepala BPS Jawa Tengah, Endang …")."""
    if m.kind == "agent":
        return bool(m.code) and bool(m.roles)
    return m.kind == "organisation" and bool(m.country) and bool(m.roles) and \
        m.code.startswith(m.country)


def _person(text: str, span: tuple[int, int], sentence: int,
            roles: list[Mention]) -> Composed:
    s, e = span
    name = text[s:e]
    office = _apposition(text, s, roles)
    if office is not None:
        m = Mention(s, e, name, sentence, office.code, name, office.country, office.roles,
                    "person", office.method, min(office.confidence, 0.7), f"person:{name}")
        return Composed(m, person_like=True, needs_country=not office.country)
    m = Mention(s, e, name, sentence, PRIVATE, name, "", (PRIVATE,), "person", METHOD,
                CONFIDENCE, f"person:{name}")
    return Composed(m, person_like=True, needs_country=True)


def _apposition(text: str, start: int, roles: list[Mention]) -> Mention | None:
    """The role phrase that ``, Name`` at ``start`` stands in apposition to."""
    for m in reversed(roles):
        if m.end > start:
            continue
        if start - m.end > 60:
            return None
        return m if APPOSITION_RE.fullmatch(text, m.end, start) else None
    return None


def merge(composed: list[Composed], found: Iterator[Composed] | list[Composed]
          ) -> list[Composed]:
    """``composed`` with ``found`` added, in text order; people named by a bare
    surname without a cue left out (see cued_surnames)."""
    out = [*composed, *found]
    out.sort(key=lambda c: (c.mention.start, c.mention.end))
    if any(c.mention.method == SURNAME_METHOD for c in out):
        out = cued_surnames(out)
    return out


#: confidence of a person known by surname alone
SURNAME_CONFIDENCE = 0.8


def cued_surnames(composed: list[Composed]) -> list[Composed]:
    """A person named by a bare surname without a cue in its own group
    ("Mulroney said …") stays only when its sentence names the person's
    country otherwise ("… said Canada would …")."""
    countries: defaultdict[int, set[str]] = defaultdict(set)
    for c in composed:
        m = c.mention
        if m.method != SURNAME_METHOD and m.country:
            countries[m.sentence].add(m.country)
    out = []
    for c in composed:
        m = c.mention
        if m.method == SURNAME_METHOD:
            if m.country not in countries[m.sentence]:
                continue
            c = replace(c, mention=replace(m, confidence=min(m.confidence, SURNAME_CONFIDENCE)))
        out.append(c)
    return out
