"""The verb-pattern engine: from one sentence, its coded events.

Per sentence, in order (all linear in the number of tokens):

1. map tokens to actor mentions (``sentence_view``) and, once a trigger is
   found, read the sentence's clauses (``clauses``: condition, trailing
   attribution, quotes) and group coordinated mentions ("Rusia dan China":
   ``coordination``);
2. find triggers (``triggers``, ``pattern_lookup``, ``false_triggers``): a
   token whose text (or clitic-stripped text, or lemma) is a surface form of a
   pattern head, with the pattern's ``after`` words;
3. read modality cues before each trigger (``clause_modality``: negation,
   intent, threat, …);
4. find the source (``source_search``: the nearest subject-like mention to the
   left, the agent of a passive, the possessor of a nominal, or a quote's
   speaker) and the target (``target_search``: object or prepositional mention
   to the right; the subject of a passive), put together in ``event_roles``
   with the construction rules of ``roles``;
5. build events (``event_coding``), one per source/target pair, with code
   shifts for intent, threat and refusal, and drop those that are part of
   another (``event_filters``).

``SentenceCoder`` holds one language's patterns and word classes and runs the
steps; each step's module works on the coder and the sentence view.
"""

from __future__ import annotations

from ..model import Mention, Quote, Sentence, Token
from .clause_modality import cue_kinds
from .clauses import read_clauses
from .event_coding import Coded, readings, state_subject
from .event_filters import dedupe, drop_demanded, drop_object_nouns, drop_purposes, drop_statements
from .modality import ActorShifts, Lexicon, Shifts
from .oblique import oblique
from .passive import passive
from .patterns import PatternSet, WordEntries
from .sentence_view import SentenceView, build_view
from .source_search import verb_object
from .triggers import Trigger, find_triggers
from .word_readings import cue_at, is_stop, modifier, np_word, verb_like

#: (``from .engine import …`` keeps working for the names other modules import)
_Sent = SentenceView
__all__ = ["Coded", "SentenceCoder", "Trigger", "_Sent"]


class SentenceCoder:
    """Codes the events of one sentence with one language's patterns."""

    # the readings the role rules (roles.py) ask of the coder, as methods
    _stop = is_stop
    _verb_like = verb_like
    _modifier = modifier
    _np_word = np_word
    _cue_at = cue_at
    _oblique = oblique
    _passive = passive
    _verb_object = verb_object
    _state_subject = state_subject

    def __init__(self, patterns: PatternSet, lexicon: Lexicon, shifts: Shifts,
                 actor_shifts: ActorShifts | None = None) -> None:
        self.patterns = patterns
        self.lex = lexicon
        self.shifts = shifts
        self.actor_shifts = actor_shifts or ActorShifts({})
        self.lang = patterns.lang
        # clause ends: boundary words and sentence-internal stops, looked up per token
        self.stops = lexicon.classes.get("boundary", frozenset()) | {".", ";", ":", "?", "!"}
        self.notrigger = lexicon.classes.get("notrigger", frozenset())
        #: pattern entries by word (pattern_lookup.word_entries)
        self.memo: dict[str, WordEntries | None] = {}
        self.det = lexicon.classes.get("det", frozenset())
        self.prep = lexicon.classes.get("prep", frozenset())
        self.attrib = lexicon.classes.get("attrib", frozenset())
        self.conj = lexicon.classes.get("conj", frozenset())
        self.sentence_cue_words = frozenset(c.words[-1] for c in lexicon.cues
                                            if c.scope == "sentence")
        # last words of the cues that open a condition clause ("if", "unless")
        self.condition_words = frozenset(c.words[-1] for c in lexicon.cues
                                         if c.scope == "sentence" and c.kind == "hypothetical")

    def code(self, sentence: Sentence, tokens: tuple[Token, ...], mentions: list[Mention],
             quotes: list[Quote], previous: Mention | None = None,
             enforcer: Mention | None = None) -> list[Coded]:
        """The events of one sentence; ``previous`` is the actor the sentence before
        was about (its subject), for a clause whose subject is an uncoded pronoun;
        ``enforcer`` the law-enforcement body the article last named, for an
        agentless passive of investigation or arrest."""
        s = build_view(tokens, mentions, self.lang)
        s.previous, s.enforcer = previous, enforcer
        triggers = find_triggers(self, s)
        if not triggers:
            return []
        read_clauses(self, s, quotes)
        question = sentence.text.rstrip().endswith("?")
        governs: dict[int, tuple[str, list[int]]] = {}  # cue token -> (kind, governed triggers)
        kinds_of: list[list[str]] = []
        for n, t in enumerate(triggers):
            kinds, where = cue_kinds(self, s, t)
            for w, kind in zip(where, kinds, strict=False):
                governs.setdefault(w, (kind, []))[1].append(n)
            kinds_of.append(kinds)
        coded: list[list[Coded]] = []
        condition = s.condition
        for t, kinds in zip(triggers, kinds_of, strict=True):
            # "demanded that X withdraw": the demand is the event, not the withdrawal;
            # "… if Hamas ran in the election": a condition is no event either
            skip = "demand" in kinds or condition[0] < t.first <= condition[1]
            coded.append([] if skip else readings(self, s, t, kinds, question))
        drop_object_nouns(self, s, triggers, coded)
        drop_purposes(self, s, triggers, kinds_of, coded)
        drop_demanded(self, s, triggers, coded)
        out: list[Coded] = []
        for t, events in zip(triggers, coded, strict=True):
            kind, governed = governs.get(t.first, ("", []))
            if kind in ("intent", "threat", "reject", "negation", "control") and \
                    any(not (kind == "negation" and e.negated)
                        for j in governed if triggers[j] is not t for e in coded[j]):
                # a control verb yields to the event it governs ("denied the claims"
                # keeps the denial: the claims it negates are no event)
                continue
            out += events
        return dedupe(drop_statements(out))
