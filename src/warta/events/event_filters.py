"""The events of a sentence that are part of another: a noun that is an
evaluating verb's object, an infinitive of purpose, what an appeal asks its
target to do, a statement that implies more; and duplicates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cameo_roots import CONTENT_ROOTS, EVALUATING_ROOTS, VIOLENT_ROOTS, family
from .roles import prenominal_mention
from .sentence_view import SentenceView
from .word_readings import is_stop, modifier, np_word

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder
    from .event_coding import Coded
    from .triggers import Trigger


def drop_demanded(c: SentenceCoder, s: SentenceView, triggers: list[Trigger],
                  coded: list[list[Coded]]) -> None:
    """``demanded that the US cancel plans to sell weapons``, ``pushing hard for
    the US (to) support its plan``: what the target of an appeal or demand is
    asked to do is its content, not an event of its own."""
    asked: set[str] = set()
    after: set[int] = set()  # token right after a demand's target
    for t, events in zip(triggers, coded, strict=True):
        if asked and (t.first in after or any(
                (e.source.entity or str(id(e.source))) in asked for e in events)):
            events.clear()
            continue
        for e in events:
            if e.code[:2] in CONTENT_ROOTS and e.target is not None:
                asked.add(e.target.entity or str(id(e.target)))
                end = next((i for i, tok in enumerate(s.tokens) if tok.start >= e.target.end),
                           len(s.tokens))
                after.add(end)


def drop_object_nouns(c: SentenceCoder, s: SentenceView, triggers: list[Trigger],
                      coded: list[list[Coded]]) -> None:
    """``accepted the demands``, ``rejected an invitation``, ``conceded to
    demands``: a nominal event that is the object of an evaluating verb
    (agree, yield, disapprove, reject) is that verb's content, not an event."""
    for n in range(1, len(triggers)):
        verb, noun = triggers[n - 1], triggers[n]
        evaluating = verb.pattern.code[:2] in EVALUATING_ROOTS
        # (an evaluating verb that found no target still owns its object: "conceded
        # at last to demands from …" is no demand by the one who conceded)
        if not ((coded[n - 1] or evaluating and c.lang == "en" and
                 not any(e.modality for e in coded[n])) and coded[n]) or \
                verb.entry.form.pos != "verb":
            continue  # ("agreed to a ceasefire": the cue made the noun the event)
        gap = range(verb.last + 1, noun.first)
        if not evaluating:
            # English: a verb's nominal object of the same root, by the same actor,
            # repeats it ("will provide 25,000 tons of emergency food aid"); a
            # different one is the event itself ("organized a general strike")
            readings = [noun, *noun.alternatives]
            if c.lang != "en" or len(gap) > 6 or \
                    family(verb.pattern.code) not in {family(r.pattern.code)
                                                       for r in readings} or \
                    not any(r.entry.form.pos == "noun" for r in readings) or \
                    not {id(e.source) for e in coded[n]} <= \
                    {id(e.source) for e in coded[n - 1]} or \
                    not all(np_word(c, s, i) or modifier(c, s.words[i]) or
                            c.lex.is_(s.words[i], "partof") or
                            s.words[i][:1].isdigit() for i in gap):
                continue
            coded[n] = []
            continue
        # ("agreed to US mediation": the noun's own doer may stand in the gap)
        agent = prenominal_mention(c, s, noun)
        if agent is not None and c.lang == "en" and \
                all(e.code[:2] in VIOLENT_ROOTS for e in coded[n]):
            # "Tass denounced the U.S. attack on Iran": violence with its own doer
            # is an act of its own (a CAMEO coder records it), not only the content
            continue
        if agent is not None:
            gap = range(verb.last + 1, min(noun.first, s.m_first[agent]))
        if len(gap) <= 2 and all(s.mention_at[i] < 0 and not is_stop(c, s, i)
                                 for i in gap) and (_nominal(c, s, noun) or (
                c.lang == "en" and any(r.entry.form.pos == "noun"
                                          for r in noun.alternatives))):
            coded[n] = []


def drop_purposes(c: SentenceCoder, s: SentenceView, triggers: list[Trigger],
                  kinds_of: list[list[str]], coded: list[list[Coded]]) -> None:
    """``staged demonstrations to demand reforms``, ``offered troops to help
    him``: an infinitive of purpose after an event of the same source is part
    of that event (one event per clause, as CAMEO coders record it). Verbs
    governed by a modal cue ("agreed to", "threatened to") are kept."""
    for n in range(1, len(triggers)):
        t = triggers[n]
        if not coded[n] or t.first == 0 or not c.lex.is_(s.words[t.first - 1], "inf"):
            continue
        if any(k in kinds_of[n] for k in ("intent", "threat", "reject", "demand", "control")):
            continue
        sources = {id(e.source) for e in coded[n]}
        if any(id(e.source) in sources for j in range(n) for e in coded[j]):
            coded[n] = []


def _nominal(c: SentenceCoder, s: SentenceView, t: Trigger) -> bool:
    return t.entry.form.pos == "noun" or (t.first > 0 and
                                          c.lex.is_(s.words[t.first - 1], "det"))


def drop_statements(events: list[Coded]) -> list[Coded]:
    """CAMEO codes a statement (01x) only when it implies nothing more: a source's
    "declared that China must …" is its demand, not also a statement."""
    acting = {id(e.source) for e in events if not e.code.startswith("01")}
    return [e for e in events if not (e.code.startswith("01") and id(e.source) in acting)]


#: roots whose verb takes an event as its content ("called for sanctions against
#: Japan", "opposed plans to merge with X", "claim ambition is obstructing Y")
_CONTENT_TAKING = frozenset({"02", "03", "10", "11", "12", "16"})
#: at most this many tokens from such a verb to the event it takes as content
_CONTENT_GAP = 8
#: speech acts of their own, never such content ("deplored X and urged Y to …")
_OWN_CLAUSE = frozenset({"02", "10", "11"})


def _pair(e: Coded) -> tuple:
    return (e.source.start, e.source.country,
            e.target.start if e.target else -1, e.target.country if e.target else "")


def dedupe(events: list[Coded]) -> list[Coded]:
    """The events without repeats of one code, source and target; and without a
    second root for the same source and target right after a verb that takes an
    event as its content (one event per clause, as CAMEO coders record it)."""
    seen: set[tuple] = set()
    heads: dict[tuple, int] = {}  # pair -> last token of its content-taking trigger
    out = []
    for e in events:
        pair = _pair(e)
        head = heads.get(pair)
        if e.target is not None and head is not None and e.code[:2] not in _OWN_CLAUSE and \
                0 < e.trigger.first - head <= _CONTENT_GAP and \
                all(o.code[:2] != e.code[:2] for o in out if _pair(o) == pair):
            continue
        if e.target is not None and e.code[:2] in _CONTENT_TAKING and pair not in heads:
            heads[pair] = e.trigger.last
        # (by country as well as place: "the two countries" is two actors at one place)
        key = (e.code, *pair)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
