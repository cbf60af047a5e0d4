"""Whether a mention stands in a prepositional phrase or right after a verb
(an oblique or an object), so that it is not the subject of what follows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .sentence_view import SentenceView
from .word_readings import cue_at, is_stop, modifier, np_word, verb_like

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder


#: how far (tokens) before a mention its preposition may stand
PREP_REACH = 4


def oblique(c: SentenceCoder, s: SentenceView, k: int, depth: int = 0) -> bool:
    """A mention inside a prepositional phrase or right after a verb."""
    first = s.m_first[k]
    en = c.lang == "en"
    after_det = False
    for i in range(first - 1, max(-1, first - 1 - PREP_REACH), -1):
        w = s.words[i]
        if s.mention_at[i] >= 0:
            # "based in Christian east Beirut": a mention in the same noun phrase
            # as an oblique one is oblique too
            # (not a title right before a name: "Minister for Interior Aftab …")
            return en and depth < 2 and i < first - 1 and \
                s.mentions[k].kind != "pronoun" and \
                all(np_word(c, s, j) for j in range(i + 1, first)) and \
                oblique(c, s, s.mention_at[i], depth + 1)
        if is_stop(c, s, i) or w == ",":
            break
        if c.lex.is_(w, "time"):
            break  # "On Tuesday the United States …": the phrase was temporal
        if en and after_det and w.isalpha() and not (
                c.lex.is_(w, "prep") or c.lex.is_(w, "det") or
                c.lex.is_(w, "agent") or verb_like(c, s, i)):
            break  # "According to reports the UK …": a new noun phrase began
        after_det = c.lex.is_(w, "det")
        if c.lex.is_(w, "prep") or c.lex.is_(w, "agent"):
            if s.words[i + 1][:1].isdigit() and i > 0 and not c.lex.is_(
                    s.words[i - 1], "prep") and (w == "to" or s.words[i - 1][:1].isdigit()):
                continue  # "up to 1,000 ethnic Turks", "1,800 of 2,200 teachers"
            if en and i == s.tail + 1 and i + 1 < first:
                break  # "According to reports Russia …": the source phrase ended
            # "thousands of Iraqi Kurds", "leaders of the coalition": the head
            # noun is a quantity or a group, so the mention is the real subject
            return not (c.lex.is_(w, "partof") and i > 0 and
                        (c.lex.is_(s.words[i - 1], "partitive") or
                         s.words[i - 1][:1].isdigit()))
        if verb_like(c, s, i) and not (en and _attributive(c, s, i)):
            # "berjanji China akan …": a governing verb opens a clause, not an object;
            # "killed one U.S. soldier", "attacked the embassy": objects
            between = s.words[i + 1:first]
            return all(modifier(c, w) for w in between) and \
                cue_at(c, s, i, "fwd") is None
    return False


def _attributive(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    """English: the participle at ``i`` modifies the noun after it ("the visiting
    Soviet foreign minister", "Visiting Chinese Premier Li Peng", "the ousted
    president"): it opens the sentence or follows a determiner, so the actor
    after it is no object."""
    w = s.words[i]
    if not w.endswith(("ing", "ed")) or i + 1 >= len(s.words):
        return False
    return i == 0 or c.lex.is_(s.words[i - 1], "det") or \
        c.lex.is_(s.words[i - 1], "quote")
