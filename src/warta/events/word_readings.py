"""Word-level readings every rule of the coder asks: does a clause stop here,
does the word look like a verb, a modifier, a noun-phrase word, which modal cue
ends here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .modality import Cue
from .sentence_view import SentenceView

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder


def is_stop(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    """A clause ends at token ``i``: a boundary word or a sentence-internal stop."""
    return s.words[i] in c.stops


def verb_like(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    """The word at ``i`` may be a verb: it heads a verb pattern, or has a verb's
    shape (Indonesian me-/di-…-kan/-i, English -ed)."""
    w = s.words[i]
    entries = c.patterns.lookup(w)
    if entries:
        # "Serangan Israel menewaskan …": a nominal head does not make its
        # possessor an object
        return any(e.form.pos == "verb" for e in entries.plain) or any(
            e.form.pos == "verb" for group in (entries.after, entries.prefixes)
            for found in group.values() for e, _ in found)
    if c.lang == "id":
        return len(w) >= 7 and w.startswith(("me", "di")) and w.endswith(("kan", "i"))
    return len(w) > 4 and w.endswith("ed") and not c.lex.is_(w, "number")  # "hundred"


def modifier(c: SentenceCoder, w: str) -> bool:
    """A determiner or number between a verb and its object."""
    return c.lex.is_(w, "det") or c.lex.is_(w, "filler") or w[:1].isdigit() or \
        c.lex.is_(w, "number")


def np_word(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    """A word that continues a noun phrase ("Lebanon's new President", "the U.N.
    war crimes court"), not one that starts a clause ("… airliner as he")."""
    w = s.words[i]
    if w in ("'s", "’s"):
        return True
    return w.isalpha() and not any(c.lex.is_(w, cls) for cls in (
        "prep", "coord", "conj", "aux", "comp", "pron", "boundary", "attrib")) and \
        not verb_like(c, s, i)


def cue_at(c: SentenceCoder, s: SentenceView, end: int, scope: str) -> Cue | None:
    """The modal cue of ``scope`` whose last word is at ``end``, if any."""
    for cue in c.lex.cues_by_last.get(s.words[end], ()):
        n = len(cue.words)
        if cue.scope == scope and end - n + 1 >= 0 and \
                tuple(s.words[end - n + 1:end + 1]) == cue.words:
            return cue
    return None
