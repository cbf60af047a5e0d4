"""Step 5 of the coder: a trigger's events. For the first reading of the
trigger that codes any: its roles, the code shifted for intent, threat,
refusal and the actors' types, its flags, confidence and evidence span."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Mention
from .actor_types import type_codes, unarmed, verbal_fight
from .cameo_roots import REFUSABLE_ROOTS
from .clause_modality import conditioned
from .coordination import event_pairs
from .event_roles import event_roles, quote_of
from .passive import passive
from .patterns import NO_EVENT
from .roles import implied_target, is_state, object_infinitive, possessive_target, unknown_actor
from .sentence_view import SentenceView

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder
    from .triggers import Trigger


@dataclass(slots=True)
class Coded:
    """An event before it becomes a model.Event (the stage fills codebook fields)."""

    trigger: Trigger
    code: str
    source: Mention
    target: Mention | None
    evidence: tuple[int, int]
    modality: tuple[str, ...]
    negated: bool
    confidence: float


def readings(c: SentenceCoder, s: SentenceView, t: Trigger, kinds: list[str],
             question: bool) -> list[Coded]:
    """Events of the first reading of the trigger (verb, noun…) that codes any."""
    for reading in [t, *t.alternatives]:
        if reading.pattern.code == NO_EVENT:
            return []  # "accepted his resignation": the phrase is no event
        coded = _events(c, s, reading, kinds, question)
        if coded or "objto" in reading.pattern.flags:
            return coded  # ("wants American wheat": no other reading of "want")
    return []


def _events(c: SentenceCoder, s: SentenceView, t: Trigger, kinds: list[str],
            question: bool) -> list[Coded]:
    """The events of one reading of a trigger, under the modality ``kinds``."""
    p = t.pattern
    if "counterfactual" in kinds:
        return []  # "a win by Kerry would have given Blair …": it did not happen
    possible = "possible" in kinds and not any(
        k in kinds for k in ("negation", "reject", "intent", "threat"))
    if possible:
        # "may be able to lift sanctions", "could impose tariffs": a possibility its
        # actor states is coded like an intent (03x; 13x for conflict codes)
        kinds = [*kinds, "intent", "hypothetical"]
    if "intent" in kinds and conditioned(c, s, t):
        # "will withdraw its force unless …": a conditional intent is a threat
        kinds = [k for k in kinds if k != "intent"] + ["threat"]
    if "negation" in kinds and p.code[:2] in REFUSABLE_ROOTS and "reject" not in kinds:
        # "will not accept refugees", "did not allow": CAMEO codes the refusal (12x)
        kinds = [k for k in kinds if k not in ("negation", "intent")] + ["reject"]
    sources, targets, inferred = event_roles(c, s, t, modal=any(
        k in kinds for k in ("intent", "threat", "reject", "demand", "negation")))
    # an actor nobody could code ("Andi") makes no event ("" triples are noise)
    sources = [m for m in sources if m is not None and m.code]
    targets = [m for m in targets if m is None or m.code] or [None]
    if "objto" in p.flags and not object_infinitive(c, s, targets[0]):
        return []  # "wants Japanese goods": no appeal without "Y to do"
    if targets == [None] and sources:
        implied = implied_target(c, s, t, sources[0])
        if implied is not None:  # "KPK menyita uang": someone of its own country
            targets = [implied]
        else:  # "Iran said U.S. forces attacked two of its oil platforms"
            owner = possessive_target(c, s, t, sources[0])
            targets = [owner] if owner is not None else targets
    if not sources and c.lang == "en":
        # "a roadside bomb near Samarra killed two U.S. soldiers": PLOVER's
        # unidentified actor (UNK) of the country where it happened
        unknown = unknown_actor(c, s, t, targets[0], passive(c, s, t))
        if unknown is not None:
            sources, inferred = [unknown], True
            if targets == [None]:  # a crowd's strike with no target: dissent at home
                implied = implied_target(c, s, t, unknown)
                targets = [implied] if implied is not None else targets
    pairs = event_pairs(c, s, t, sources, targets, kinds)
    code = p.code
    if code[:2] == "02" and c.lex.is_(s.words[t.first], "demandverb"):
        code = c.shifts.demand(code)  # "demanded support": a demand, not an appeal
    modality = [k for k in ("intent", "threat", "reject") if k in kinds]
    for k in modality:
        if k == "intent" and "done" in p.flags and "hypothetical" not in kinds:
            continue  # "will stand down": announcing it is the resignation
        code = c.shifts.shift(code, k)
    flags = list(dict.fromkeys(modality))
    if "hypothetical" in kinds:
        flags.append("hypothetical")
    if question:
        flags.append("question")
    if quote_of(c, s, t.first):
        flags.append("quoted")
    conf = (0.9 if t.specificity >= 10 else 0.8) - (0.15 if inferred else 0.0)
    conf -= 0.3 if ("hypothetical" in flags or question) else 0.0
    out = []
    untargeted = "notarget" in p.flags or not p.target
    for a, b in pairs:
        if b is not None and (a is b or (a.entity and a.entity == b.entity)):
            if not untargeted:
                continue
            b = None  # "Iraqi Kurds demonstrated in Kirkuk": a domestic event
        # applied before the modal shift would be cleaner, but the table keys on
        # the violent codes, which intent/threat shifts move away from anyway
        actor_code = c.actor_shifts.shift(code, type_codes(a))
        if c.lang == "en" and actor_code[:2] == "14" and state_subject(c, s, t, a):
            # "France protested to Canada": a state's protest is an official
            # complaint (CAMEO 114), not a demonstration of its people
            actor_code = "114"
        if actor_code[:2] in ("18", "19") and b is not None and verbal_fight(a, b):
            actor_code = "111"  # "the Tories attacked Labour's plans": criticism
        elif actor_code[:2] in ("18", "19") and unarmed(a):
            continue  # "Lib Dems target the student vote": parties have no weapons
        out.append(Coded(t, actor_code, a, b, _evidence(c, s, t, a, b), tuple(flags),
                         "negation" in kinds, round(max(conf, 0.05), 2)))
    return out


def state_subject(c: SentenceCoder, s: SentenceView, t: Trigger, a: Mention) -> bool:
    """The source of a protest verb is a state acting as such ("France
    protested", "Cyprus has protested to the U.N."), not a demonym before
    the people who protest ("Palestinian prisoners rioted", "Iraqi Kurds")."""
    if t.entry.form.pos != "verb" or not is_state(a):
        return False
    k = next((k for k, m in enumerate(s.mentions) if m is a), -1)
    if k < 0:
        return True  # a subject carried from an earlier clause or sentence
    j = s.m_last[k] + 1
    if j >= len(s.words):
        return True
    w = s.words[j]
    if j == t.first:  # "France protested"; "Palestinian riots against" is a noun
        return w.endswith("ed")
    return not w.isalpha() or w.endswith("ly") or any(
        c.lex.is_(w, cls) for cls in ("aux", "vaux", "time", "prep", "rel"))


def _evidence(c: SentenceCoder, s: SentenceView, t: Trigger, a: Mention,
              b: Mention | None) -> tuple[int, int]:
    """The character span of the trigger and the actors of one event."""
    lo, hi = s.tokens[t.first].start, s.tokens[t.last].end
    sent_lo, sent_hi = s.tokens[0].start, s.tokens[-1].end
    for m in (a, b):
        if m is not None and sent_lo <= m.start and m.end <= sent_hi:
            lo, hi = min(lo, m.start), max(hi, m.end)
    return lo, hi
