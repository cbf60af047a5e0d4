"""Step 2 of the coder: the triggers of a sentence, one per verb or event noun,
with the most specific pattern whose head (and ``after`` words) match there."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import morph
from .actor_types import is_weak
from .false_triggers import english_name, noun_modifier, noun_position, proper_name, reporting
from .pattern_lookup import word_entries
from .patterns import Entry, Pattern, WordEntries
from .sentence_view import SentenceView
from .word_readings import modifier, np_word, verb_like

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder


#: how far (tokens) after the head its ``after`` words may stand
AFTER_GAP = 4
#: further tokens allowed when they are all words of one noun phrase ("signed a
#: 30 mln dlr bullet loan agreement", "a five-year defence and economic agreement")
NP_GAP_EXTRA = 4


@dataclass(slots=True)
class Trigger:
    """A pattern entry matched at a token: the head's words and its ``after`` phrase."""

    entry: Entry
    first: int  # token index of the head's first word
    last: int  # token index of the last word of head or ``after`` phrase
    specificity: int
    #: other readings of the same words (noun/verb), tried when this one codes nothing
    alternatives: list[Trigger] = field(default_factory=list)

    @property
    def pattern(self) -> Pattern:
        return self.entry.pattern


def find_triggers(c: SentenceCoder, s: SentenceView) -> list[Trigger]:
    """The sentence's triggers, left to right, none inside another's phrase
    or inside an actor mention."""
    out: list[Trigger] = []
    covered = -1
    for i in range(len(s.tokens)):
        if i <= covered or s.mention_at[i] >= 0 or s.tokens[i].is_punct or \
                s.words[i] in c.notrigger:
            continue
        entries = word_entries(c, s, i)
        if entries is None or english_name(c, s, i):
            continue
        if out and covered == i - 1 and c.lang == "en" and \
                out[-1].last > out[-1].first + len(out[-1].pattern.head) - 1 and \
                not c.lex.is_(s.words[i - 1], "prep"):
            # "reduced food supplies": a word right after a phrase's noun
            # continues that noun, it is no verb
            s.noun_at[i] = True
        found = _after_matches(c, s, i, entries)
        if not found and c.lang == "en":
            found = _fronted_object(c, s, i, entries)
        found += [t for e in entries.plain if (t := _plain(c, s, i, e))]
        if found:
            # most specific first; stable, so file order breaks ties
            found.sort(key=lambda t: -t.specificity)
            best = found[0]
            if noun_modifier(c, s, best) or reporting(c, s, best):
                continue
            best.alternatives = [t for t in found[1:] if t.last == best.last][:4]
            out.append(best)
            covered = best.last
    return out


def _role_word(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    """Free text, or a word of a role-noun actor ("expelled *diplomats*",
    "withdraw its *troops*"): such words may complete a trigger's phrase."""
    k = s.mention_at[i]
    return k < 0 or s.mentions[k].kind == "agent"


def _word_is(c: SentenceCoder, s: SentenceView, i: int, want: str) -> bool:
    if i >= len(s.words) or not _role_word(c, s, i):
        return False
    w = s.words[i]
    if want.endswith("*"):
        return w.startswith(want[:-1])
    return w == want or morph.strip(c.lang, w) == want


def _phrase_at(c: SentenceCoder, s: SentenceView, i: int, phrase: tuple[str, ...]) -> bool:
    return all(_word_is(c, s, i + k, p) for k, p in enumerate(phrase))


def _plain(c: SentenceCoder, s: SentenceView, i: int, entry: Entry) -> Trigger | None:
    p = entry.pattern
    if noun_position(c, s, i, entry) or proper_name(c, s, i, entry) or \
            not _phrase_at(c, s, i + 1, p.head[1:]):
        return None
    return Trigger(entry, i, i + len(p.head) - 1, len(p.head))


def _after_candidates(c: SentenceCoder, s: SentenceView, j: int,
                      entries: WordEntries) -> list[tuple[Entry, tuple[str, ...]]]:
    w = s.words[j]
    found = entries.after.get(w)
    out = list(found) if found else []
    if c.lang == "id":  # English words are not stripped (morph.strip)
        stripped = morph.strip(c.lang, w)
        if stripped:
            out += entries.after.get(stripped, ())
    for n in entries.prefix_lens:
        if n > len(w):
            break  # sorted
        more = entries.prefixes.get(w[:n])
        if more:
            out += more
    return out


def _after_matches(c: SentenceCoder, s: SentenceView, i: int,
                   entries: WordEntries) -> list[Trigger]:
    """Patterns whose ``after`` words follow the head within AFTER_GAP tokens."""
    if not (entries.after or entries.prefixes):
        return []
    out: list[Trigger] = []
    seen: set[int] = set()
    passed_actor = -1  # where an actor with a country of its own ended
    owner = -1  # where an actor that opens the object ended ("a U.S. proposal")
    stops, words, after = c.stops, s.words, entries.after
    simple = not entries.prefix_lens and c.lang != "id"  # one dict look-up a word
    for j in range(i + 1, min(len(words), i + 3 + AFTER_GAP + NP_GAP_EXTRA)):
        k = s.mention_at[j]
        if c.lang == "id" and k >= 0 and s.m_first[k] == i + 1 and \
                s.mentions[k].kind != "agent" and j <= s.m_last[k]:
            continue  # (id) the verb's own object: "menetapkan Lisa sebagai tersangka"
        if c.lang == "en" and k >= 0 and s.mentions[k].kind != "agent" and \
                j <= s.m_last[k] and c.lex.is_(words[i], "ditransitive") and \
                _first_object(c, s, i, k):
            continue  # (en) an indirect object: "give Tanzania a grant"
        if c.lang == "en" and k >= 0 and s.mentions[k].kind != "agent" and \
                j <= s.m_last[k] and _prenominal_object_actor(c, s, i, k):
            # "rejected a U.S. proposal", "dismissed an Iraqi call for", "received a
            # U.S. Army contract": the actor that modifies the object noun (its
            # author) does not end the phrase
            if j == s.m_last[k]:
                passed_actor = j + (1 if j + 1 < len(words) and words[j + 1] in ("'s", "'") else 0)
            owner = j
            continue
        if words[j] in stops or (k >= 0 and s.mentions[k].kind != "agent"):
            break  # (a mention that is no role word ends the phrase: _role_word)
        if 0 <= passed_actor < j - 1:
            # "attacked by Burundian militiamen armed with": not one phrase (but
            # "ban Ugandan opposition candidates": the actor's noun is)
            break
        if k >= 0 and s.m_last[k] == j and not is_weak(s.mentions[k]):
            passed_actor = j
        candidates = (after.get(words[j]) or ()) if simple else \
            _after_candidates(c, s, j, entries)
        for entry, phrase in candidates:
            p = entry.pattern
            head_last = i + len(p.head) - 1
            if id(entry) in seen or not head_last < j <= head_last + 1 + AFTER_GAP and not (
                    head_last + 1 + AFTER_GAP < j <= head_last + 1 + AFTER_GAP + NP_GAP_EXTRA
                    and _noun_phrase_run(c, s, head_last + 1, j)):
                continue
            if 0 <= owner < j and p.code[:2] in OWNED_ROOTS:
                continue  # "planted the Iraqi bombs": the bombs' owner is no target
            if noun_position(c, s, i, entry) or \
                    not _phrase_at(c, s, i + 1, p.head[1:]) or \
                    not _phrase_at(c, s, j + 1, phrase[1:]):
                continue
            seen.add(id(entry))
            # a bare preposition ("meet at") is weak evidence for a special code
            weight = 1 if all(c.lex.is_(w, "prep") for w in phrase) else 10
            out.append(Trigger(entry, i, j + len(phrase) - 1,
                               len(p.head) + weight * len(phrase)))
    return out


def _noun_phrase_run(c: SentenceCoder, s: SentenceView, lo: int, hi: int) -> bool:
    """Words ``lo..hi-1`` are the premodifiers of one noun: determiners, numbers,
    hyphenated or plain nouns and adjectives, and "and" between two of them."""
    for j in range(lo, hi):
        w = s.words[j]
        if s.mention_at[j] >= 0:
            return False
        if w == "and" and lo < j < hi - 1:
            continue
        if modifier(c, w) or np_word(c, s, j) or w == "-" or \
                "-" in w and w.replace("-", "").isalnum() or \
                w.replace(".", "").replace(",", "").isdigit():
            continue
        return False
    return True


def _first_object(c: SentenceCoder, s: SentenceView, i: int, k: int) -> bool:
    """Mention ``k`` is the first thing after the verb at ``i`` (after
    determiners): the indirect object of a two-object verb ("gave the Ivory
    Coast 5 million dollars"), which the ``after`` words may pass."""
    j = i + 1
    while j < s.m_first[k] and c.lex.is_(s.words[j], "det"):
        j += 1
    return j == s.m_first[k]


#: roots whose ``after`` noun is an instrument ("plant bombs", "fire rockets"): an
#: actor before it owns it and is not the target
OWNED_ROOTS = frozenset({"18", "19", "20"})


def _prenominal_object_actor(c: SentenceCoder, s: SentenceView, i: int, k: int) -> bool:
    """Mention ``k`` opens the verb's object (after determiners only) and a
    lower-case noun (or "'s") follows it: "a U.S. proposal", "Washington's demand"."""
    if not _first_object(c, s, i, k):
        return False
    j = s.m_last[k] + 1
    if j < len(s.words) and s.words[j] in ("'s", "'"):
        j += 1
    if j >= len(s.words) or s.mention_at[j] >= 0:
        return False
    w = s.words[j]
    return s.tokens[j].text.isalpha() and s.tokens[j].text.islower() and not any(
        c.lex.is_(w, cl) for cl in ("prep", "comp", "coord", "det", "time", "inf", "aux", "vaux"))


def _fronted_object(c: SentenceCoder, s: SentenceView, i: int,
                    entries: WordEntries) -> list[Trigger]:
    """English: the object of a verb in a relative clause without "that" stands
    before its subject ("the tariffs he imposed on", "sanctions the United States
    imposed"): a one-word ``after`` phrase may match that noun."""
    if not (entries.after or entries.prefixes) or i < 2:
        return []
    j = i - 1
    if s.mention_at[j] >= 0:
        j = s.m_first[s.mention_at[j]] - 1
        while j >= 0 and c.lex.is_(s.words[j], "det") and s.mention_at[j] < 0:
            j -= 1
    elif c.lex.is_(s.words[j], "pron") and s.tokens[j].text.islower():
        j -= 1
    else:
        return []
    if j < 0 or s.mention_at[j] >= 0 or not s.tokens[j].text.isalpha() or \
            not s.tokens[j].text.islower() or c.lex.is_(s.words[j], "det") or \
            c.lex.is_(s.words[j], "prep") or verb_like(c, s, j):
        return []
    out = []
    for entry, phrase in _after_candidates(c, s, j, entries):
        p = entry.pattern
        if len(phrase) != 1 or len(p.head) != 1 or noun_position(c, s, i, entry):
            continue
        out.append(Trigger(entry, i, i, 1 + 10))
    return out
