"""The token-level view of one sentence the coder reads: words, lemmas, which
mention covers each token, and the clause facts worked out for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Mention, Token

#: the word the coder reads for punctuation inside an actor's name
NAME_MARK = "\u00b7"
_INNER_MARKS = frozenset({".", ";", ":", "?", "!", "<", ">"})


@dataclass(slots=True)
class SentenceView:
    """Token-level view of one sentence."""

    tokens: tuple[Token, ...]
    words: list[str]
    lemmas: list[str]
    mentions: list[Mention]
    mention_at: list[int]
    m_first: list[int]
    m_last: list[int]
    group: list[list[int]] = field(default_factory=list)
    title_case: bool | None = None  # a headline: most words capitalised (None: not yet read)
    #: (first token, last token, speaker, indirect) of each quote in the sentence
    quote_spans: list[tuple[int, int, Mention | None, bool]] = field(default_factory=list)
    #: where a trailing attribution starts (", an official said", "according to"):
    #: its actors are the reporters, never an event's target
    tail: int = 1 << 30
    #: token range of an English condition clause ("if …", "unless …"), or (-1, -1)
    condition: tuple[int, int] = (-1, -1)
    #: token -> whether a verb form there stands in a noun's place (false_triggers.py)
    noun_at: dict[int, bool] = field(default_factory=dict)
    #: the subject of the sentence before (for an uncoded pronoun subject: roles.py)
    previous: Mention | None = None
    #: the article's last-named law-enforcement body (agentless passives: roles.py)
    enforcer: Mention | None = None


def build_view(tokens: tuple[Token, ...], mentions: list[Mention], lang: str) -> SentenceView:
    """The view of a sentence's tokens and the actor mentions found in it."""
    words = [t.norm or t.text.lower() for t in tokens]
    lemmas = [t.lemma or w for t, w in zip(tokens, words, strict=True)]
    mention_at = [-1] * len(tokens)
    m_first, m_last = [], []
    ti = 0
    for k, m in enumerate(mentions):
        while ti < len(tokens) and tokens[ti].end <= m.start:
            ti += 1
        first = ti
        j = ti
        while j < len(tokens) and tokens[j].start < m.end:
            mention_at[j] = k
            j += 1
        m_first.append(first)
        m_last.append(max(first, j - 1))
        for i in range(first, min(j, len(tokens) - 1)):
            if words[i] in _INNER_MARKS:
                # "Acme Corp. agreed", "Kumo Ltd <KUMO.T> said": punctuation inside a
                # name is part of the name, not a clause or sentence stop
                words[i] = lemmas[i] = NAME_MARK
    view = SentenceView(tokens, words, lemmas, mentions, mention_at, m_first, m_last)
    if lang == "id":  # (English asks lazily: english_name)
        view.title_case = title_case(tokens)
    return view


def title_case(tokens: tuple[Token, ...]) -> bool:
    """A headline: most words capitalised (Indonesian bare roots and English
    capitalised words read as verbs there)."""
    alpha = [t.text for t in tokens if t.text[:1].isalpha()]
    return sum(w[0].isupper() for w in alpha) > 0.6 * len(alpha)
