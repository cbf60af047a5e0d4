"""The pattern entries a word of the sentence may head: by its form, its
clitic-stripped form or lemma, memoised per coder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import morph
from .patterns import Entry, WordEntries
from .sentence_view import SentenceView

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder


#: words whose pattern entries a coder remembers (cleared when full)
MEMO_SIZE = 200_000
_MISSING = object()


def word_entries(c: SentenceCoder, s: SentenceView, i: int) -> WordEntries | None:
    """The pattern entries the word at ``i`` may head (memoised by word and lemma)."""
    # memoised by word (and lemma): the index is built lazily and its look-ups
    # go through Python; a coder sees the same words again and again
    w, lemma = s.words[i], s.lemmas[i]
    key = w if lemma == w else w + "\0" + lemma
    found = c.memo.get(key, _MISSING)
    if found is _MISSING:
        if len(c.memo) > MEMO_SIZE:
            c.memo.clear()
        found = c.memo[key] = _lookup(c, s, i)
    return found


def _lookup(c: SentenceCoder, s: SentenceView, i: int) -> WordEntries | None:
    index = c.patterns.index  # entries in the index are never empty
    w = s.words[i]
    found = index.get(w)
    if found is None:
        if c.lang == "id":  # (morph.strip strips Indonesian clitics only)
            stripped = morph.strip(c.lang, w)
            if stripped:
                found = index.get(stripped)
            if found is None:
                found = _bare_suffixed(c, w)
        elif s.lemmas[i] != w:
            # English lemmas catch irregular forms; Indonesian roots would let
            # derived nouns ("seruan") pass as verbs, and the forms cover the verbs
            found = index.get(s.lemmas[i])
    return found


def _bare_suffixed(c: SentenceCoder, w: str) -> WordEntries | None:
    """Indonesian headline verbs keep -kan/-i but drop the prefix ("Polri
    Tetapkan 2 Tersangka", "Menlu Kunjungi Tokyo"): such a word stands for
    the verb of a root pattern (form verb/any), never for a noun."""
    if w[-1:] != "i" and w[-3:] != "kan":
        return None
    for suffix in ("kan", "i"):
        root = w[:-len(suffix)]
        if not w.endswith(suffix) or len(root) < 4:
            continue
        found = c.patterns.index.get(root)
        if found is not None and any(
                e.pattern.form in ("verb", "any") and e.pattern.head[0] == root
                for e in all_entries(found)):
            return found
    return None


def all_entries(found: WordEntries) -> list[Entry]:
    """Every entry of ``found``: plain ones and those waiting for ``after`` words."""
    return found.plain + [e for group in (found.after, found.prefixes)
                          for pairs in group.values() for e, _ in pairs]
