"""Step 4b of the coder: the target of a trigger, the object or prepositional
mention to its right (or the possessor of an event noun), within a window that
ends at the clause and at a trailing attribution."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actor_types import is_weak
from .cameo_roots import CONFLICT_VERBAL_ROOTS, CONTENT_ROOTS
from .closed_words import CLOSED
from .oblique import PREP_REACH
from .roles import clause_opener, infinitive_at, located, topic
from .sentence_view import SentenceView
from .word_readings import is_stop, modifier, np_word, verb_like

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder
    from .triggers import Trigger


#: how far (tokens) right of a trigger its target may stand
TARGET_WINDOW = 10
#: targets of ``near`` patterns ("menahan dua tersangka") follow right after
NEAR_WINDOW = 3
#: demands, accusations, rejections and threats often name their target late
#: in the clause ("threatened to stop negotiations … if the United States …")
VERBAL_EXTRA = 6


def target(c: SentenceCoder, s: SentenceView, t: Trigger,
           noun: bool = False) -> tuple[int | None, int | None]:
    """(target mention, possessor mention) right of the trigger."""
    p = t.pattern
    noun = noun or t.entry.form.pos == "noun"
    preps = set(p.target) - {"obj"}
    possessor = weak = nominal = addressee = None
    window = TARGET_WINDOW + (VERBAL_EXTRA if p.code[:2] in CONFLICT_VERBAL_ROOTS else 0)
    if "near" in p.flags:
        window = NEAR_WINDOW
    stop = min(len(s.tokens), t.last + 1 + window)
    if t.last < s.tail:
        stop = min(stop, s.tail)
    inside = _inside_object(c, s, t)
    if inside is not None and not is_weak(s.mentions[inside]):
        return inside, None
    weak = inside
    bare = t.last == t.first + len(p.head) - 1  # no ``after`` phrase
    # "demanded the withdrawal of Serbian forces", "tighten the blockade of Serbia":
    # the object of the phrase's noun is the target
    of_object = not bare and t.last + 1 < len(s.words) and \
        c.lex.is_(s.words[t.last + 1], "partof")
    aside = c.lang == "en" and _in_aside(c, s, t.first)
    i = t.last + 1
    origin = 0  # end of an origin phrase ("from Helsinki") already passed
    topic_object = False  # the direct object was a topic ("discussed X's economy")
    while i < stop:
        # "demanded (Friday) that X …": a complementiser right after the verb (and
        # a time phrase) opens the target; after a phrase ("a plan that") it does not
        # (a noun is followed by its relative clause: "the bombs which killed …";
        # "reiterated its demand (today) that Israel …" opens a demand's target too)
        opens = bare and s.words[i] not in CLOSED or \
            p.code[:2] in CONTENT_ROOTS and c.lex.is_(s.words[i], "comp")
        if is_stop(c, s, i) and not (opens and not noun and all(
                c.lex.is_(s.words[j], "time") or s.words[j] == "on"
                for j in range(t.last + 1, i))):
            break
        k = s.mention_at[i]
        if aside and s.words[i] == "," and _verb_after_aside(c, s, i):
            break  # "X, on a trip to seek support, met Y": the aside ends here
        if k < 0:
            if weak is not None and infinitive_at(c, s, i):
                break  # "called on the government to seek help from the IMF"
            if s.words[i] in c.conj and clause_opener(c, s, i):
                break  # "… boosting imports, as Washington wants": another clause
            i += 1
            continue
        if i >= 2 and s.words[i - 1] == "(" and s.mention_at[i - 2] >= 0:
            # "the International Monetary Fund (IMF)": an alias stands where its
            # name stands; it was read with the name
            i = s.m_last[k] + 1
            continue
        lo = max(t.last + 1, i - PREP_REACH - 1, origin)
        before = {s.words[j] for j in range(lo, i) if not _in_title(c, s, j, i)}
        if p.code[:2] == "04" and s.words[i - 1] == "from":
            # "arrived from Helsinki aboard a …": the origin, not the host
            i = origin = s.m_last[k] + 1
            continue
        if not preps & before and before & {"of"} and i - t.last <= window:
            # "tariffs on 300 mln dlrs worth of Japanese goods": the phrase of a
            # target preposition runs on through "of"
            for j in range(i - 1, t.last, -1):
                w = s.words[j]
                if w in preps:
                    before.add(w)
                    break
                if s.mention_at[j] >= 0 or is_stop(c, s, j) or not (
                        w == "of" or modifier(c, w) or np_word(c, s, j)):
                    break
        has_prep = any(c.lex.is_(w, "prep") or c.lex.is_(w, "agent") for w in before)
        as_object = not has_prep and "obj" in p.target and not noun
        accept = bool(preps & before) or (as_object and not topic_object)
        if accept and c.lang == "en" and located(c, s, k, preps):
            accept = False  # "the accord reached over the weekend in Geneva": a place
        if accept and topic(c, s, t, k):
            # "talks on Ukraine", "discussed Argentina's economy": what it is about
            # (and once the object is a topic, no later actor is the object)
            accept = False
            topic_object = topic_object or as_object
        if of_object and i - t.last <= 3 and all(
                modifier(c, s.words[j]) for j in range(t.last + 2, i)):
            accept = True
        if accept and p.code[:2] == "11" and "to" in before and \
                not (preps - {"to"}) & before:
            # "complained to the UN over Israeli raids": "to" names the addressee;
            # what is complained about is the target when it is named
            addressee = k if addressee is None else addressee
            accept = False
        if accept and not is_weak(s.mentions[k]):
            return k, possessor
        if accept and weak is None:
            weak = k  # "its troops to Lebanon": keep looking for an actor with a country
        if nominal is None and not accept and "obj" in p.target and not noun and \
                _nominal_object(c, s, t.first + 1, i):
            nominal = k  # "rejected calls by X", "accepted demands from X"
        if not has_prep:
            if noun and possessor is None and i - t.last <= 2:
                possessor = k
        i = s.m_last[k] + 1
    if weak is None and nominal is None:
        return addressee, possessor
    return (weak if weak is not None else nominal), possessor


def _in_title(c: SentenceCoder, s: SentenceView, j: int, i: int) -> bool:
    """English: the preposition at ``j`` is inside a capitalised title that runs on
    to the name at ``i`` ("Secretary of State George Shultz", "Minister for
    Economic Affairs X"), not a phrase that governs the name."""
    return c.lang == "en" and 0 < j and s.words[j] in ("of", "for") and \
        s.tokens[j - 1].text[:1].isupper() and all(
            s.tokens[n].text[:1].isupper() for n in range(j + 1, i)) and j + 1 < i


#: how far (tokens) after the comma that opens an aside a trigger in it may stand
ASIDE_REACH = 20


def _in_aside(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    """English: the token ``i`` stands in an aside opened by a comma right after an
    actor and a preposition ("Funaro, on the third leg of a trip to …")."""
    for j in range(i - 1, max(0, i - ASIDE_REACH), -1):
        if s.words[j] == ",":
            return s.mention_at[j - 1] >= 0 and s.mention_at[j + 1] < 0 and \
                c.lex.is_(s.words[j + 1], "prep")
        if is_stop(c, s, j):
            return False
    return False


def _verb_after_aside(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    """English: the comma at ``i`` is followed by a finite verb (an -ed form or an
    irregular past such as "met"): the main clause's verb after an aside."""
    j = i + 1
    if j >= len(s.words) or s.mention_at[j] >= 0:
        return False
    w = s.words[j]
    entries = c.patterns.lookup(w)
    # (a past form: "-ed", an irregular past such as "met" read as a participle)
    finite = w.endswith("ed") or (w != s.lemmas[j] and not w.endswith(("ing", "s"))) or \
        bool(entries) and any(e.form.passive for e in entries.plain)
    return finite and verb_like(c, s, j)


def _inside_object(c: SentenceCoder, s: SentenceView, t: Trigger) -> int | None:
    """A role-noun actor the trigger's own phrase ran through ("expelled
    Russian diplomats", "banned opposition candidates") is its direct object."""
    if "obj" not in t.pattern.target or t.entry.form.pos == "noun":
        return None
    for j in range(t.first + len(t.pattern.head), t.last + 1):
        k = s.mention_at[j]
        if k >= 0:
            return k
    return None


def _nominal_object(c: SentenceCoder, s: SentenceView, lo: int, i: int) -> bool:
    """Words ``lo..i-1`` (after the verb) are a noun object closed by its own
    agent: "calls by", "an appeal from" (the object's author is the target)."""
    span = s.words[lo:i]
    while span and (c.lex.is_(span[-1], "det") or c.lex.is_(span[-1], "filler")):
        span.pop()
    return 2 <= len(span) <= 5 and c.lex.is_(span[-1], "nomagent") and not any(
        c.lex.is_(w, "prep") or c.lex.is_(w, "agent") for w in span[:-1])
