"""Passive triggers: whether a trigger is passive where it stands, and its
agent (``oleh X``, ``by X``, Indonesian ``diserang Rusia``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .sentence_view import SentenceView
from .source_search import reduced_relative
from .target_search import TARGET_WINDOW
from .word_readings import is_stop

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder
    from .triggers import Trigger


def passive(c: SentenceCoder, s: SentenceView, t: Trigger) -> bool:
    """The trigger is a passive verb here (its source is its agent, its
    subject the target)."""
    if not t.entry.form.passive:
        return False
    if c.lang == "id":
        return True
    # English past participle: passive only after a form of "be", or right after
    # the noun it modifies once the clause has its verb ("students expelled by X")
    for i in range(t.first - 1, max(-1, t.first - 4), -1):
        if s.mention_at[i] >= 0:
            break
        if c.lex.is_(s.words[i], "aux"):
            return True
    return t.first > 0 and s.mention_at[t.first - 1] >= 0 and reduced_relative(c, s, t, -1)


def _gives(c: SentenceCoder, s: SentenceView, t: Trigger) -> bool:
    """The trigger gives something to its object ("award a contract to",
    "grant a licence to", "give aid to"): in the passive its giver may follow
    ``from`` as well as ``by`` ("was awarded a contract from the U.S. Navy")."""
    p = t.pattern
    return c.lex.is_(s.words[t.first], "ditransitive") or \
        p.code[:2] in ("06", "07") and "to" in p.target


def passive_agent(c: SentenceCoder, s: SentenceView, t: Trigger) -> int | None:
    """Agent of a passive: ``oleh X`` / ``by X``, or (id) ``diserang Rusia``."""
    nxt = t.last + 1
    if c.lang == "id" and nxt < len(s.tokens) and s.mention_at[nxt] >= 0:
        # not the rest of a role noun the trigger phrase ran into ("tersangka korporasi")
        k = s.mention_at[nxt]
        return k if s.m_first[k] == nxt else None
    stop = min(len(s.tokens), t.last + 1 + TARGET_WINDOW)
    giving = c.lang == "en" and _gives(c, s, t)
    for i in range(t.last + 1, stop):
        if is_stop(c, s, i):
            return None
        if c.lex.is_(s.words[i], "agent") or giving and c.lex.is_(s.words[i], "fromprep"):
            for j in range(i + 1, min(stop, i + 4)):
                if s.mention_at[j] >= 0:
                    return s.mention_at[j]
            return None
    return None
