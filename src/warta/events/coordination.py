"""Coordinated actors: which mentions of a sentence form one list ("Rusia dan
China", "the US, Britain and France"), and how such a list pairs up as the
sources and targets of a reciprocal event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Mention
from .actor_types import is_weak
from .cameo_roots import RECIPROCAL_ROOTS
from .roles import fronted_attribution, new_clause_subject
from .sentence_view import SentenceView
from .word_readings import is_stop, np_word, verb_like

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder
    from .triggers import Trigger


def groups(c: SentenceCoder, s: SentenceView) -> list[list[int]]:
    """Coordinated mentions ("Rusia dan China", "the US, Britain and France")."""
    groups: list[list[int]] = [[k] for k in range(len(s.mentions))]
    alias: set[int] = set()  # "the European Community (EC)": the EC stands aside
    for k in range(1, len(s.mentions)):
        same, m = s.mentions[k - 1], s.mentions[k]
        if (same.start, same.end) == (m.start, m.end) and same.country != m.country and \
                same.method == m.method == "coreference":
            # "the two countries", "both sides": one phrase the resolver reads as
            # several actors is a list of them
            merged = groups[k - 1] + [k]
            for member in merged:
                groups[member] = merged
            continue
        between = range(s.m_last[k - 1] + 1, s.m_first[k])
        if [s.words[i] for i in between] == ["("] and s.m_last[k] + 1 < len(s.words) \
                and s.words[s.m_last[k] + 1] == ")":
            alias.add(k)
            continue
        prev = k - 1
        if prev in alias and prev > 0:
            # "the European Community (EC) and the United States"
            prev = k - 2
            between = range(s.m_last[k - 1] + 2, s.m_first[k])
        if s.mentions[k].kind == "pronoun" and [s.words[i] for i in between] == [","]:
            continue  # "Dalam sidang kabinet, ia …": a pronoun after a comma is a subject
        if s.condition[1] in between or s.tail in between or \
                s.m_first[k - 1] == s.tail + 2 or \
                (len(between) == 1 and fronted_attribution(c, s, between[0])):
            # "If Russia attacks Ukraine, the United States will …", "…, police
            # said", "According to Russia, Iraq …", "Kata Prabowo, Rusia …": clause
            # edges, not lists
            continue
        if c.lang == "en" and s.mentions[prev].kind == "agent":
            # "Industry Minister Alain Madelin and …": a name no dictionary knows
            # continues the title before it
            between = _past_name(c, s, between)
        if _coordinated(c, s, between) and not new_clause_subject(c, s, prev, k):
            # ("Israel attacked Lebanon and Syria condemned …": a new clause)
            merged = groups[prev] + [k]
            for member in merged:
                groups[member] = merged
    return groups


def _past_name(c: SentenceCoder, s: SentenceView, between: range) -> range:
    """``between`` without up to three capitalised words at its start that a
    coordinator follows (the name after a title: "Minister Alain Madelin and")."""
    n = 0
    while n < min(3, len(between) - 1) and s.tokens[between[n]].text[:1].isupper() \
            and s.tokens[between[n]].text.isalpha():
        n += 1
    if n and c.lex.is_(s.words[between[n]], "coord"):
        return range(between[n], between[-1] + 1)
    return between


def _coordinated(c: SentenceCoder, s: SentenceView, between: range) -> bool:
    """Only coordinators between two mentions, or a coordinator and a short
    title ("Gaddafi and Bulgarian President Zhivkov")."""
    if not len(between) or not c.lex.is_(s.words[between[0]], "coord"):
        return False
    # "the EC and the United States" (a determiner after "and", not after a comma:
    # "Israel, a Saudi-owned weekly reports")
    word = s.words[between[0]] not in (",", ";")
    rest = [i for i in between[1:] if not c.lex.is_(s.words[i], "coord") and
            not (word and c.lex.is_(s.words[i], "det"))]
    if not rest:
        return True
    # a title only after a real coordinator: "Eddy, Waketum Partai Demokrat" is
    # an apposition, not a list
    return s.words[between[0]] not in (",", ";") and len(rest) <= 3 and \
        all(s.tokens[i].text[:1].isupper() for i in rest)


def event_pairs(c: SentenceCoder, s: SentenceView, t: Trigger, sources: list[Mention],
                targets: list[Mention | None],
                kinds: list[str]) -> list[tuple[Mention, Mention | None]]:
    """The (source, target) pairs of a trigger's events: every source with every
    target, except that coordinated actors of a meeting ("Pakistan and India
    resumed talks", "talks between the EC and the United States") act on each
    other, and an English meeting is mutual ("X met Y" is also Y meeting X)."""
    p = t.pattern
    pairs: list[tuple[Mention, Mention | None]] = []
    symmetric = "sym" in p.flags or c.lang == "en" and p.code[:2] in RECIPROCAL_ROOTS
    if c.lang == "en" and targets == [None] and symmetric and len(sources) == 1:
        # "Toshiba said it and General Electric have agreed to …": the pronoun is
        # the speaker (the source found); the actor coordinated with it is the partner
        partner = _pronoun_partner(c, s, t)
        if partner is not None and sources[0] is not None and partner is not sources[0]:
            sources = sources + [partner]
    if targets == [None] and symmetric and len(sources) > 1 and \
            _near(c, s, sources[-1], t):
        # ("Pakistan and India resumed talks": a meeting of coordinated subjects is
        # mutual, whichever dictionary row coded it)
        pairs = [(a, b) for a in sources for b in sources if a is not b and a and b]
    elif c.lang == "en" and not sources and len(targets) > 1 and \
            ("sym" in p.flags or p.code[:2] in RECIPROCAL_ROOTS) and \
            None not in targets and _between(c, s, targets[0]) and \
            not _background_noun(c, s, t):
        # "talks between the EC and the United States": the coordinated
        # actors of a reciprocal noun act on each other
        pairs = [(a, b) for a in targets for b in targets if a is not b]
    else:
        pairs = [(a, b) for a in sources for b in targets
                 if a is not None and (b is not None or "notarget" in p.flags
                                       or not p.target)]
        if c.lang == "en" and "sym" in p.flags and p.code[:2] in RECIPROCAL_ROOTS \
                and not kinds:
            # "X met Y", "talks with Y": a meeting is mutual; Y meets X too
            pairs += [(b, a) for a, b in pairs if b is not None and not is_weak(b)]
    return pairs


#: pronouns that a partner can be coordinated with ("it and X", "they and X")
_PARTNER_PRONOUNS = frozenset({"it", "they", "we"})


def _pronoun_partner(c: SentenceCoder, s: SentenceView, t: Trigger) -> Mention | None:
    """English: the actor in "it and <actor> have signed …" right before the trigger."""
    k = next((k for k in range(len(s.mentions) - 1, -1, -1)
              if s.m_last[k] < t.first), None)
    if k is None or not _near(c, s, s.mentions[k], t):
        return None
    j = s.m_first[k] - 1
    n = 0  # "it and joint venture partner X", "it and its subsidiary, X"
    while j > 1 and n < 4 and s.words[j] != "and" and s.mention_at[j] < 0 and \
            (s.words[j] == "," or np_word(c, s, j) or c.lex.is_(s.words[j], "det")):
        j, n = j - 1, n + 1
    if j < 1 or s.words[j] != "and" or s.words[j - 1] not in _PARTNER_PRONOUNS:
        return None
    return s.mentions[k]


#: how long (tokens) an apposition between a coordinated subject and its verb may be
APPOSITION_REACH = 12


def _near(c: SentenceCoder, s: SentenceView, m: Mention | None, t: Trigger) -> bool:
    """Coordinated subjects act on each other only as the verb's own subject."""
    if m is None or c.lang == "en" and m.end > s.tokens[t.first].start:
        return False  # ("attended by France, Germany and Italy": a passive's agents)
    gap = [i for i in range(t.first) if s.tokens[i].start >= m.end]
    if c.lang == "en" and gap and s.words[gap[0]] == ",":
        # "A and B, a unit of C, have agreed to …": an apposition closed by a
        # comma stands between the last subject and its verb
        close = next((n for n in range(1, len(gap)) if s.words[gap[n]] == ","), None)
        if close is not None and close <= APPOSITION_REACH:
            gap = gap[close + 1:]
    return len(gap) <= 4


def _between(c: SentenceCoder, s: SentenceView, m: Mention) -> bool:
    """The mention follows "between" (and determiners): "talks between the EC and …"."""
    k = next((k for k, x in enumerate(s.mentions) if x is m), -1)
    j = s.m_first[k] - 1 if k >= 0 else -1
    while j >= 0 and c.lex.is_(s.words[j], "det"):
        j -= 1
    return j >= 0 and s.words[j] == "between"


def _background_noun(c: SentenceCoder, s: SentenceView, t: Trigger) -> bool:
    """A nominal event inside a prepositional phrase or a subordinate clause
    ("because of fighting between …", "as street battles raged between …") is
    background to the sentence's event, not an event of its own."""
    for j in range(t.first - 1, max(-1, t.first - 4), -1):
        w = s.words[j]
        if c.lex.is_(w, "prep") or c.lex.is_(w, "conj") or is_stop(c, s, j):
            return True
        if s.mention_at[j] >= 0 or verb_like(c, s, j) or w in (",", ":"):
            return False
    return False
