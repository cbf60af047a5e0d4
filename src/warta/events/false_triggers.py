"""Words that match a pattern but are no trigger where they stand: a verb form
in a noun's place, a capitalised name, a noun's modifier, a verb of saying
followed by its clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .closed_words import FINITE_OPENERS, FUTURE_MODALS, MONTH_WORDS, PARTICLES, PARTNER_PREPS
from .pattern_lookup import word_entries
from .patterns import Entry
from .sentence_view import SentenceView, title_case
from .word_readings import cue_at, is_stop, verb_like

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder
    from .triggers import Trigger


#: how far after a warned clause's first word its future modal may stand
CLAUSE_MODAL_REACH = 6


def noun_position(c: SentenceCoder, s: SentenceView, i: int, entry: Entry) -> bool:
    """A verb form in a noun's place (cached per token: every reading of a
    word asks)."""
    if entry.form.pos != "verb" or i == 0:
        return False
    found = s.noun_at.get(i)
    if found is None:
        found = s.noun_at[i] = _noun_place(c, s, i)
    return found


def _noun_place(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    # "a demand", "the strike": after a determiner the word is a noun, not the verb
    prev = s.words[i - 1]
    if c.lex.is_(prev, "det"):
        return True
    # English base forms after a preposition or an -ing modifier are nouns
    # too: "by force", "peacekeeping force", "in dispute" (past tense leads
    # write their verbs inflected)
    if c.lang != "en":
        return False
    if s.mention_at[i - 1] >= 0:
        # "a key U.S. ally": a country word between an article and the noun
        k = s.mention_at[i - 1]
        if s.mentions[k].kind != "country" or s.m_last[k] != i - 1:
            return False
        for j in range(s.m_first[k] - 1, max(-1, s.m_first[k] - 4), -1):
            if s.words[j] in ("a", "an"):
                return True
            if not (s.words[j].isalpha() and s.tokens[j].text.islower()) or \
                    verb_like(c, s, j) or c.lex.is_(s.words[j], "prep"):
                return False
        return False
    if prev == "by" and s.words[i].endswith("ing") and \
            not (i >= 3 and c.lex.is_(s.words[i - 3], "aux")):
        return False  # "responded by accusing X": the subject's own act (not passive)
    if c.lex.is_(prev, "prep") and prev != "to":
        return True  # "charging X with supporting dissidents": a gerund is content
    w = s.words[i]
    if w.endswith("ed") and prev.endswith("ing") and verb_like(c, s, i - 1):
        return True  # "investigating alleged war crimes": a participle adjective
    if _after_past_verb(c, s, i):
        return True  # "shrugged off claims from", "rejected demands": its object
    if _ing_modifier(c, s, i):
        return True  # "other lending agencies", "the negotiating table"
    if w != s.lemmas[i] and not (w.endswith("s") and not w.endswith("ss")):
        return False
    if w == s.lemmas[i] and prev.endswith("ing") and len(prev) > 5 and \
            c.patterns.lookup(prev).plain == []:
        return True
    if _compound_head(c, s, i):
        return True
    # "a border conflict", "the widespread human rights violations": a noun
    # phrase's head after its determiner and lower-case modifiers
    det, prep = c.det, c.prep
    if not any(s.words[j] in det or s.words[j] in prep for j in range(max(0, i - 3), i - 1)):
        return False
    for j in range(i - 1, max(-1, i - 4), -1):
        pw = s.words[j]
        if pw in det or pw in prep and pw != "to" and w.endswith("s"):
            # ("killed in ethnic riots": a plural after a preposition and modifiers)
            return j < i - 1
        if s.mention_at[j] >= 0 or not pw.isalpha() or not s.tokens[j].text.islower() \
                or c.lex.is_(pw, "prep") or is_stop(c, s, j) or \
                c.lex.is_(pw, "aux") or (pw != s.lemmas[j] and verb_like(c, s, j)):
            return False  # ("a close ally": an uninflected modifier may look like a verb)
    return False


#: word classes that cannot stand between an -ing modifier and its noun
_NOT_NOUN = ("det", "prep", "pron", "comp", "coord", "conj", "aux", "vaux", "inf", "time",
             "filler", "number", "rel", "boundary", "attrib", "self", "limiter")


def _ing_modifier(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    """English: an -ing form between an article or adjective and a lower-case noun
    modifies that noun ("other lending agencies", "the negotiating table"); after a
    verb, a plural noun or punctuation it keeps its verb reading ("stopped selling
    arms", "officials selling arms")."""
    w, j = s.words[i], i + 1
    if not w.endswith("ing") or len(w) < 6 or j >= len(s.words) or \
            s.mention_at[j] >= 0 or not s.tokens[j].text.isalpha() or \
            not s.tokens[j].text.islower():
        return False
    nxt, prev = s.words[j], s.words[i - 1]
    if nxt.endswith(("ing", "ly", "ed")) or verb_like(c, s, j) and not nxt.endswith("s") or \
            any(c.lex.is_(nxt, cls) for cls in _NOT_NOUN):
        return False
    if c.lex.is_(prev, "det"):
        return True
    # (an adjective: no inflected form such as "began", "kept")
    return s.mention_at[i - 1] < 0 and prev.isalpha() and s.tokens[i - 1].text.islower() \
        and prev == s.lemmas[i - 1] and not prev.endswith(("s", "ed", "ing", "ly")) and \
        not any(c.lex.is_(prev, cls) for cls in _NOT_NOUN) and not verb_like(c, s, i - 1) \
        and cue_at(c, s, i - 1, "back") is None


def _after_past_verb(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    """English: a lower-case -s form right after a past verb (and its particle)
    is a plural noun, the verb's object or a clause's subject ("dismissed claims
    from", "shrugged off protests"): two finite verbs do not stand side by side."""
    w = s.words[i]
    if not (w.endswith("s") and not w.endswith("ss") and w != s.lemmas[i]) or \
            not s.tokens[i].text.islower():
        return False
    j = i - 1
    if s.words[j] in PARTICLES and j > 0:
        j -= 1
    pw = s.words[j]
    return s.mention_at[j] < 0 and s.tokens[j].text.islower() and pw.isalpha() and \
        len(pw) > 4 and pw.endswith("ed") and verb_like(c, s, j)


def _compound_head(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    """English: a base form right after a lower-case word that cannot be its
    subject or its auxiliary heads a noun phrase: "strong demand", "mobile phone",
    "the judge appeal court". A present-tense verb in that place needs a plural
    subject ("workers strike"), a pronoun, an auxiliary, "to" or an adverb."""
    w, prev = s.words[i], s.words[i - 1]
    if w != s.lemmas[i] or not prev.isalpha() or not s.tokens[i - 1].text.islower() \
            or not s.tokens[i].text.islower():
        return False
    if prev.endswith(("s", "ly")) or prev in FINITE_OPENERS or any(
            c.lex.is_(prev, cls) for cls in (
                "pron", "aux", "vaux", "inf", "comp", "coord", "conj", "prep", "self",
                "det", "filler", "limiter", "rel", "boundary", "attrib", "time")):
        return False
    if i + 1 < len(s.words) and s.words[i + 1] in PARTNER_PREPS:
        return False  # "official contact with X", "rocket fire against X": the
        # noun keeps the verb's reading, its partner after the preposition
    return not verb_like(c, s, i - 1) and cue_at(c, s, i - 1, "back") is None


def proper_name(c: SentenceCoder, s: SentenceView, i: int, entry: Entry) -> bool:
    """A bare Indonesian root written with a capital inside running text is a
    name ("Kabupaten Serang"), unless the whole line is in title case."""
    if c.lang != "id" or i == 0 or s.words[i] != entry.pattern.head[0]:
        return False
    if not s.tokens[i].text[:1].isupper():
        return False
    # "Kabupaten Serang", "Kota Serang" even in a line of capitalised names
    return not s.title_case or c.lex.is_(s.words[i - 1], "placehead")


def reporting(c: SentenceCoder, s: SentenceView, t: Trigger) -> bool:
    """A verb of saying or thinking followed by its clause ("claimed that …",
    "argued it was …", "he thought the EC would …") reports; it is no event."""
    j = t.last + 1
    if t.last != t.first or j >= len(s.words):
        return False
    w = s.words[t.first]
    if c.lex.is_(w, "thatverb"):
        # "warned that oil prices …", "announced they would …" (but "warned Japan")
        if not (c.lex.is_(s.words[j], "comp") or c.lex.is_(s.words[j], "pron")):
            return False
        # a warning of what will be done ("warned that police will no longer
        # tolerate rallies") is the threat CAMEO codes (13x)
        return t.pattern.code[:2] != "13" or not any(
            w2 in FUTURE_MODALS for w2 in s.words[j + 1:j + 1 + CLAUSE_MODAL_REACH])
    if not c.lex.is_(w, "clauseverb"):
        return False
    return c.lex.is_(s.words[j], "comp") or c.lex.is_(s.words[j], "pron") or \
        s.mention_at[j] >= 0


def noun_modifier(c: SentenceCoder, s: SentenceView, t: Trigger) -> bool:
    """English: a bare verb form in a noun phrase before a nominal event is
    that noun's modifier ("top-level trade talks", "the peace talks")."""
    i = t.first
    if c.lang != "en" or t.last != i or t.entry.form.pos != "verb" or \
            s.words[i] != s.lemmas[i] or i + 1 >= len(s.words) or i == 0:
        return False
    nxt = word_entries(c, s, i + 1) if s.mention_at[i + 1] < 0 else None
    if nxt is None or not any(e.form.pos == "noun" for e in nxt.plain):
        return False
    prev = s.words[i - 1]
    if c.lex.is_(prev, "det"):
        return True
    return s.mention_at[i - 1] < 0 and s.tokens[i - 1].text[:1].islower() and \
        prev.replace("-", "").isalpha() and not any(
            c.lex.is_(prev, cls) for cls in ("pron", "aux", "vaux", "inf", "comp",
                                            "coord", "prep", "self")) and \
        not verb_like(c, s, i - 1) and cue_at(c, s, i - 1, "back") is None


def english_name(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    """An English word capitalised inside running text is a name, not a verb:
    the month ("on 7 March", "last March"), "the New Deal", "Justice Minister".
    Not at the start of a sentence or quote, after an abbreviation ("U.S. Is
    pressing", Reuters' style) or in a headline."""
    text = s.tokens[i].text
    if c.lang != "en" or not text[:1].isupper():
        return False
    if c.lex.is_(s.words[i], "time"):
        # a month ("March", "May"): capitalised it is the month, and so in capitals
        # next to a number or a time preposition ("STRIKES IN MARCH", "MARCH 3")
        if not text.isupper():
            return True
        near = [s.words[j] for j in (i - 1, i + 1) if 0 <= j < len(s.words)]
        return any(w[:1].isdigit() or w in MONTH_WORDS for w in near)
    if i == 0 or text.isupper():
        return False
    if s.title_case is None:
        s.title_case = title_case(s.tokens)
    if s.title_case:
        return False
    prev = s.tokens[i - 1]
    return not (prev.is_punct and prev.text not in (",", "'s", "’s") or
                prev.text.endswith(".") or c.lex.is_(s.words[i - 1], "quote"))
