"""Step 3 of the coder: the modal cues that govern a trigger (negation, intent,
threat, refusal, …) read from the words before it in its clause, and the
ultimatum condition after it. The cues themselves are pack data (modality.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actor_types import is_weak
from .sentence_view import SentenceView
from .word_readings import cue_at, is_stop

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder
    from .triggers import Trigger


#: how far (tokens) before a trigger its cues may stand: cues right before the verb
#: ("tidak", "will not") and governing verbs further back ("refused to")
BACK_CUE_WINDOW = 5
FWD_CUE_WINDOW = 8


def cue_kinds(c: SentenceCoder, s: SentenceView, t: Trigger) -> tuple[list[str], list[int]]:
    """Cue kinds that apply to ``t`` and the token positions of the cues."""
    kinds: list[str] = []
    where: list[int] = []
    skip = len(s.words)  # words of a longer cue already read ("would have")
    for i in range(t.first - 1, max(-1, t.first - 1 - BACK_CUE_WINDOW), -1):
        if i >= skip:
            continue
        k = s.mention_at[i]
        if is_stop(c, s, i) or k >= 0 and not (
                c.lang == "en" and s.m_last[k] == t.first - 1 and is_weak(s.mentions[k])):
            # (a bare role word right before the trigger is its modifier:
            # "would tighten the naval blockade")
            break
        if k >= 0:
            continue
        cue = cue_at(c, s, i, "back")
        if cue and cue.kind == "negation" and i + 1 < len(s.words) and \
                c.lex.is_(s.words[i + 1], "limiter"):
            continue  # "tidak hanya", "not only": not a negation
        if cue and cue.kind == "counterfactual" and i + 1 < len(s.words) and \
                s.words[i + 1] == "to":
            continue  # "would have to discuss": an obligation, read from "would"
        if cue:
            kinds.append(cue.kind)
            where.append(i - len(cue.words) + 1)  # "menolak untuk": the verb governs
            skip = i - len(cue.words) + 1
    for i in range(t.first - 1, max(-1, t.first - 1 - FWD_CUE_WINDOW), -1):
        if is_stop(c, s, i):
            break
        cue = cue_at(c, s, i, "fwd")
        if cue:
            kinds.append(cue.kind)
            where.append(i)
            break  # the nearest governing verb decides
    for i in range(t.first):
        if s.words[i] in c.sentence_cue_words:
            cue = cue_at(c, s, i, "sentence")
            if cue:
                kinds.append(cue.kind)
    return kinds, where


def conditioned(c: SentenceCoder, s: SentenceView, t: Trigger) -> bool:
    """An ultimatum condition ("unless", "kecuali") follows in the sentence; a
    plain "if" stays an offer ("would meet him if he gave them a veto")."""
    return any(c.lex.is_(w, "condition") for w in s.words[t.last + 1:])
