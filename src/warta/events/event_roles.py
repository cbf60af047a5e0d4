"""Step 4 of the coder: who acts on whom for one trigger. Combines the source
and target searches with passives, reported clauses ("X said Y must …"),
nominal doers and authors, quotes' speakers and the role rules of roles.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Mention
from .actor_types import type_codes
from .cameo_roots import VERBAL_ROOTS
from .oblique import oblique
from .passive import passive, passive_agent
from .roles import carried_subject, enforcer_source, prenominal_agent
from .sentence_view import SentenceView
from .source_search import SPEAKER, subject
from .target_search import target
from .word_readings import is_stop, modifier, verb_like

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder
    from .triggers import Trigger


def event_roles(c: SentenceCoder, s: SentenceView, t: Trigger,
                modal: bool = False) -> tuple[list[Mention | None], list[Mention | None], bool]:
    """Sources, targets and whether they were inferred; ``modal``: a cue
    governs the trigger ("refused to respond to a demand from X")."""
    quote = quote_of(c, s, t.first)
    if quote is not None and quote[3]:
        # reported speech ("Russia said Sudan must …", "X said it would …") is
        # the reporter's clause too: roles are read across it
        quote = None
    floor = quote[0] if quote else 0
    inferred = False
    if "clause" in t.pattern.flags:
        return _clause_roles(c, s, t, floor)
    if passive(c, s, t):
        src_k = passive_agent(c, s, t)
        # (English: the subject itself before a mention inside it: "The Israeli
        # attack on Lebanon was condemned" is about the attack's author)
        tgt_k = subject(c, s, t, floor, allow_oblique=False) \
            if c.lang == "en" else None
        if tgt_k is None or tgt_k == SPEAKER:
            tgt_k = subject(c, s, t, floor, allow_oblique=True)
        tgt_k = None if tgt_k == SPEAKER else tgt_k
        inferred = True
    else:
        src_k = subject(c, s, t, floor, allow_oblique=False, in_quote=quote is not None)
        tgt_k, possessor = target(c, s, t)
        if src_k is None and s.words[t.first] == t.pattern.head[0]:
            # a bare head opening its clause reads as a noun: "Sanksi Barat terhadap Rusia"
            tgt_k, possessor = target(c, s, t, noun=True)
        agent = prenominal_agent(c, s, t)
        if agent is not None and agent != tgt_k:
            # "the U.S. attack on Iran", "Israel's raids": the doer of the noun
            src_k, inferred = agent, True
        elif possessor is not None and tgt_k is not None:
            src_k, inferred = possessor, True
        elif possessor is not None and src_k is None and "sym" in t.pattern.flags:
            # "Kolaborasi Kejaksaan, BPN & Kemenag": coordinated possessors of a
            # reciprocal noun act on each other
            src_k, inferred = possessor, True
        doer = _doer(c, s, t)
        if doer is not None:
            # "pelaku pembunuhan Riky": the doer noun right before a nominal event
            # is its source, the noun's genitive its target
            src_k, inferred = doer, True
            if tgt_k is None or tgt_k == doer:
                tgt_k = possessor
        author = None if modal else _noun_author(c, s, t)
        if author is not None:
            # "kritik keras dari Israel", "criticism from Israel": the author acts
            # on the subject (or on the noun's own target)
            if tgt_k is None or tgt_k == author:
                tgt_k = src_k if src_k not in (None, SPEAKER) else None
            src_k, inferred = author, True
    if c.lang == "en" and tgt_k is not None and src_k not in (None, SPEAKER) and \
            _visitor_after(c, s, t, tgt_k):
        # "Deng told visiting U.S. Secretary of State Shultz …": the actor after
        # the attributive "visiting" is the visitor, the clause's subject its host
        src_k, tgt_k, inferred = tgt_k, src_k, True
    speaker = quote[2] if quote else None
    if src_k == SPEAKER:
        verbal = t.pattern.code[:2] in VERBAL_ROOTS or "verbal" in t.pattern.flags
        sources: list[Mention | None] = [speaker] if (speaker and verbal) else []
        inferred = True
    elif src_k is None:
        sources = []
        enforcer = enforcer_source(c, s, t)
        if enforcer is not None:
            # "Lisa ditetapkan sebagai tersangka": by the body investigating her
            sources, inferred = [enforcer], True
        elif s.previous is not None and quote is None and not passive(c, s, t) and \
                carried_subject(c, s, t.first):
            # "An all-party committee said … . It blamed the DCA …": the pronoun
            # no coreference resolved stands for the previous sentence's subject
            sources, inferred = [s.previous], True
    else:
        sources = [s.mentions[m] for m in s.group[src_k] if not excepted(c, s, m)]
    targets: list[Mention | None] = (
        [s.mentions[m] for m in s.group[tgt_k] if not excepted(c, s, m)]
        if tgt_k is not None else [None])
    return sources, targets or [None], inferred


def _visitor_after(c: SentenceCoder, s: SentenceView, t: Trigger, k: int) -> bool:
    """English: the trigger is an attributive "visiting" (after a verb, a
    determiner, a comma or "and") and mention ``k`` is the noun phrase it
    modifies ("told visiting French Foreign Minister X", "the visiting X")."""
    if s.words[t.first] != "visiting" or t.last != t.first or t.first == 0 or \
            t.pattern.code[:2] != "04":
        return False
    prev = s.words[t.first - 1]
    if s.mentions[k].kind in ("country", "place", "pronoun") or not (
            c.lex.is_(prev, "det") or prev in (",", "and") or
            prev.isalpha() and prev.islower() and not prev.endswith("ly") and not any(
                c.lex.is_(prev, cls) for cls in ("aux", "prep", "pron", "comp", "coord"))):
        return False  # ("was visiting France": the verb and its object)
    # only title words between "visiting" and the visitor's name ("U.S. Secretary
    # of State")
    return all(s.tokens[j].text[:1].isupper() or s.words[j] in ("of", "for")
               for j in range(t.last + 1, s.m_first[k])) and s.m_first[k] - t.last <= 8


#: English words that leave the actors after them out ("all members except Britain")
EXCEPT_EN = frozenset({"except", "excluding", "excepting"})


def excepted(c: SentenceCoder, s: SentenceView, k: int) -> bool:
    """English: mention ``k`` (or the list it ends) follows "except", "excluding" or
    "other than": the actor the sentence leaves out acts on nobody and nobody on it."""
    if c.lang != "en":
        return False
    j = s.m_first[s.group[k][0]] - 1
    while j >= 0 and c.lex.is_(s.words[j], "det"):
        j -= 1
    if j >= 0 and s.words[j] == "for":
        j -= 1  # "except for Japan"
    return j >= 0 and (s.words[j] in EXCEPT_EN or
                       s.words[j] == "than" and j > 0 and s.words[j - 1] == "other")


def _clause_roles(c: SentenceCoder, s: SentenceView, t: Trigger,
                  floor: int) -> tuple[list[Mention | None], list[Mention | None], bool]:
    """``X said (that) Y must …``: the trigger's own subject Y is the target,
    the subject of the reporting clause X the source."""
    for i in range(t.first - 1, max(floor - 1, t.first - 6), -1):
        k = s.mention_at[i]
        if k >= 0:
            start = s.m_first[s.group[k][0]]
            for j in range(start - 1, max(-1, start - 4), -1):
                if c.lex.is_(s.words[j], "comp"):
                    start = j  # "declared that (the Sudanese) government must …"
                    break
            targets = s.group[k]
            opener = _clause_opener(c, s, t.first, floor)
            if c.lang == "en" and opener is None:
                # "People in Wales must have registered by Friday": no reporting
                # clause ("said", "that") opens the modal's clause, so nobody
                # demands anything of its subject
                return [], [None], True
            if c.lang == "en" and opener is not None and opener < start:
                # "announced that President Kagame and his Rwandan Patriotic Front
                # must …": the whole subject between "that" and "must" is the target
                start = opener
                targets = [m for m in range(len(s.mentions))
                           if opener < s.m_first[m] < t.first and not oblique(c, s, m)]
            src_k = subject(c, s, t, floor, allow_oblique=False, start=start)
            if src_k is None or src_k == SPEAKER or not targets:
                return [], [None], True
            return ([s.mentions[m] for m in s.group[src_k]],
                    [s.mentions[m] for m in targets], True)
        if is_stop(c, s, i) and not c.lex.is_(s.words[i], "comp"):
            break  # "reminded Iraq that it must …" reads through "that it"
    return [], [None], True


def _clause_opener(c: SentenceCoder, s: SentenceView, i: int, floor: int) -> int | None:
    """English: the complementiser ("that") or reporting verb ("said") that opens
    the clause of the trigger at ``i``, when the words up to it could be that
    clause's subject."""
    for j in range(i - 1, max(floor - 1, i - 12), -1):
        w = s.words[j]
        if s.mention_at[j] >= 0:
            continue
        if c.lex.is_(w, "comp") or c.lex.is_(w, "attrib"):
            return j
        if is_stop(c, s, j) or verb_like(c, s, j):
            return None
    return None


def quote_of(c: SentenceCoder, s: SentenceView,
             i: int) -> tuple[int, int, Mention | None, bool] | None:
    """The quote span (first, last, speaker, indirect) the token ``i`` stands in."""
    for span in s.quote_spans:
        if span[0] <= i <= span[1]:
            return span
    return None


def _doer(c: SentenceCoder, s: SentenceView, t: Trigger) -> int | None:
    """A criminal role noun ("pelaku", "tersangka": type CRM) right before a
    nominal event is its doer ("pelaku pembunuhan X")."""
    if c.lang != "id" or t.entry.form.pos != "noun" or t.first == 0:
        return None
    k = s.mention_at[t.first - 1]
    if k < 0 or s.mentions[k].kind != "agent" or "CRM" not in type_codes(s.mentions[k]):
        return None
    return k


def _noun_author(c: SentenceCoder, s: SentenceView, t: Trigger) -> int | None:
    """The mention after ``dari/from/oleh/by`` right after a nominal event."""
    bare = c.lang == "id" and s.words[t.first] == t.pattern.head[0]  # "kritik"
    if t.entry.form.pos != "noun" and not bare:
        return None
    for j in range(t.last + 1, min(len(s.words) - 1, t.last + 3)):
        if s.mention_at[j] >= 0 or is_stop(c, s, j):
            return None
        if c.lex.is_(s.words[j], "fromprep") or c.lex.is_(s.words[j], "agent"):
            j += 1
            while c.lang == "en" and j < len(s.words) - 1 and s.mention_at[j] < 0 \
                    and modifier(c, s.words[j]):
                j += 1  # "a strike by 40,000 Brazilian workers": a number or article
            k = s.mention_at[j]
            return k if k >= 0 and s.m_first[k] == j else None
    return None
