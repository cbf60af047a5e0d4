"""EventStage: codes every sentence of an article into CAMEO/PLOVER events.

Patterns, word lists and the codebook are compiled once, in the constructor;
per sentence the work is linear in its tokens. Dates and places are left to
the enrich stage (``date=None``, ``date_precision="publication"``).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import defaultdict

from ..model import Article, Event, Mention, Quote, Sentence, Token
from ..packs import pack_file
from ..settings import Settings
from .codebook import Codebook
from .countries import dominant_country, names_currency, resolve_countries
from .engine import Coded, SentenceCoder
from .modality import ActorShifts, Lexicon, Shifts
from .patterns import PatternSet
from .roles import UNKNOWN_METHOD as UNKNOWN
from .roles import is_enforcer, opening_actor

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def simple_tokens(sentence: Sentence) -> tuple[Token, ...]:
    """Tokens for a sentence that came without any (no language stage ran)."""
    out = []
    for m in _TOKEN.finditer(sentence.text):
        text = m.group()
        out.append(Token(sentence.start + m.start(), sentence.start + m.end(), text,
                         text.lower(), text.lower(), not text[0].isalnum()))
    return tuple(out)


class EventStage:
    """Pipeline stage: ``sentences`` + ``mentions`` -> ``events``."""

    name = "events"
    requires = ("sentences", "mentions")
    assigns = ("events",)

    def __init__(self, settings: Settings | None = None, *,
                 agent_countries: bool | None = None) -> None:
        settings = settings or Settings()
        cfg = settings["events"]
        self.keep_negated = bool(cfg.get("keep_negated", False))
        self.min_confidence = float(cfg.get("min_confidence", 0.0))
        # role-only agents ("troops") take a country from context (events/countries.py);
        # the setting is read when defaults.toml declares it, the argument wins
        self.agent_countries = bool(cfg.get("agent_countries", True)) \
            if agent_countries is None else agent_countries
        self.fallback = settings["language"].get("fallback", "en")
        self.codebook = Codebook.load()
        shifts = Shifts.load(self.codebook)
        actor_shifts = ActorShifts.load(self.codebook)
        self.coders: dict[str, SentenceCoder] = {}
        for lang in settings["language"].get("supported", ["id", "en"]):
            if pack_file(lang, "patterns.tsv").is_file():
                self.coders[lang] = SentenceCoder(PatternSet.load(lang, self.codebook),
                                                  Lexicon.load(lang), shifts, actor_shifts)

    def __call__(self, article: Article) -> Article:
        by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in article.mentions:
            by_sentence[m.sentence].append(m)
        first_par = min((s.paragraph for s in article.sentences if s.kind in ("body", "lead")),
                        default=-1)
        events: list[Event] = []
        default_country = dominant_country(article.mentions, article.text) \
            if self.agent_countries else ""
        previous: Mention | None = None  # the actor the sentence before was about
        enforcer: Mention | None = None  # the law-enforcement body named last
        for sentence in article.sentences:
            mentions = sorted((m for m in by_sentence.get(sentence.index, ())
                               if m.kind != "country" or not names_currency(m, article.text)),
                              key=lambda m: m.start)
            if not mentions:
                previous = None
                continue
            if self.agent_countries:
                mentions = resolve_countries(mentions, article.text, default_country)
            coder = self.coders.get(sentence.language or article.language or self.fallback)
            if coder is None:
                continue
            quotes = quotes_in(article, sentence)
            tokens = sentence.tokens or simple_tokens(sentence)
            root = sentence.kind in ("title", "lead") or (
                sentence.kind == "body" and sentence.paragraph == first_par)
            enforcer = next((m for m in mentions if is_enforcer(coder.lex.is_, m)), enforcer)
            coded_events = coder.code(sentence, tokens, mentions, quotes, previous, enforcer)
            for coded in coded_events:
                event = self._event(sentence, coded, root)
                if event is not None:
                    events.append(event)
            previous = next((c.source for c in coded_events if c.source.method != UNKNOWN
                             and sentence.start <= c.source.start < sentence.end),
                            None) or opening_actor(mentions, tokens, coder.lang)
        return dataclasses.replace(article, events=tuple(events))

    def _event(self, sentence: Sentence, c: Coded, root: bool) -> Event | None:
        if c.negated and not self.keep_negated:
            return None
        if c.confidence < self.min_confidence:
            return None
        info = self.codebook[c.code]
        return Event(
            sentence=sentence.index, code=c.code, source=c.source, target=c.target,
            evidence_start=c.evidence[0], evidence_end=c.evidence[1],
            pattern=c.trigger.pattern.id, confidence=c.confidence, base=info.base,
            root=info.root, quad_class=info.quad_class, goldstein=info.goldstein,
            plover=info.plover, negated=c.negated,
            modality=c.modality + (("negated",) if c.negated else ()), is_root_event=root,
        )


def quotes_in(article: Article, sentence: Sentence) -> list[Quote]:
    """Quotes overlapping ``sentence`` (helper for callers that code one sentence)."""
    return [q for q in article.quotes if q.start < sentence.end and q.end > sentence.start]
