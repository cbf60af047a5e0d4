"""The clause facts of a sentence the role rules read, worked out once it has a
trigger: its condition clause ("if …"), its trailing attribution (", an official
said"), its coordinated actor groups and its quotes with their speakers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Mention, Quote
from .coordination import groups
from .roles import trailing_attribution
from .sentence_view import SentenceView
from .word_readings import cue_at, is_stop, np_word, verb_like

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder


def read_clauses(c: SentenceCoder, view: SentenceView, quotes: list[Quote]) -> None:
    """The view's condition clause, attribution tail, actor groups and quotes:
    what roles and modality read, worked out only once a trigger is found."""
    view.condition = _condition_clause(c, view)
    view.tail = _attribution_tail(c, view)
    view.group = groups(c, view)
    view.quote_spans = _quotes(c, view, quotes)


def _condition_clause(c: SentenceCoder, s: SentenceView) -> tuple[int, int]:
    """Token range of an English condition clause ("if"/"unless"/"whether" …):
    to the first comma when it opens the sentence ("If X attacks, Y will …"),
    else to the end of the sentence. (-1, -1) when there is none."""
    if c.lang != "en" or not c.condition_words.intersection(s.words):
        return -1, -1
    for i, w in enumerate(s.words):
        if w not in c.condition_words:
            continue
        cue = cue_at(c, s, i, "sentence")
        if cue is None or cue.kind != "hypothetical":
            continue
        if any(s.mention_at[j] >= 0 or verb_like(c, s, j) for j in range(i)):
            return i, len(s.words)
        end = next((j for j in range(i + 1, len(s.words)) if s.words[j] == ","),
                   len(s.words))
        return i, end
    return -1, -1


def _attribution_tail(c: SentenceCoder, s: SentenceView) -> int:
    """First token of a trailing attribution: ", X (Y) said …" (a comma, a few
    words ending in an actor, an attribution verb) or "according to …"."""
    words = s.words
    for k in range(len(s.mentions) if not c.attrib.isdisjoint(words) else 0):
        j = s.m_last[k] + 1
        if j < len(words) and words[j] == "(":  # "the World Food Program (WFP) said"
            j = next((n + 1 for n in range(j, min(len(words), j + 6)) if words[n] == ")"),
                     j)
        # "Thai military sources said", "the Saudi Press Agency SPA said": a noun or
        # two, or the actor's acronym, may follow the actor
        while j < len(words) and j <= s.m_last[k] + 2 and s.mention_at[j] < 0 and \
                words[j].isalpha() and not c.lex.is_(words[j], "attrib") and (
                    s.tokens[j].text.islower() and np_word(c, s, j) or
                    j == s.m_last[k] + 1 and s.tokens[j].text.isupper() and
                    len(words[j]) > 1):
            j += 1
        if j >= len(words) or not c.lex.is_(words[j], "attrib"):
            continue
        for i in range(s.m_first[k] - 1, max(-1, s.m_first[k] - 6), -1):
            if words[i] == ",":
                return i
            if c.lex.is_(words[i], "prep") or is_stop(c, s, i) or \
                    verb_like(c, s, i):
                break
    if "according" in words:
        i = words.index("according")
        if i + 1 < len(words) and words[i + 1] == "to":
            return i
    # ", a spokesman for Keidanren said.", ", relief officials in Nairobi said."
    comma = trailing_attribution(c, s) if not c.attrib.isdisjoint(words) else None
    return 1 << 30 if comma is None else comma


def _quotes(c: SentenceCoder, s: SentenceView,
            quotes: list[Quote]) -> list[tuple[int, int, Mention | None, bool]]:
    """Token ranges inside quotes, with their speaker where known."""
    spans = []
    for q in quotes:
        idx = [i for i, t in enumerate(s.tokens) if q.start <= t.start < q.end]
        if idx:
            spans.append((idx[0], idx[-1], q.speaker, q.kind == "indirect"))
    if spans:
        return spans
    # no quote stage output: pair the quote marks of the sentence ourselves
    marks = [i for i, w in enumerate(s.words) if c.lex.is_(w, "quote")]
    for a, b in zip(marks[::2], marks[1::2], strict=False):
        spans.append((a + 1, b - 1, _speaker_after(c, s, b) or _speaker_before(c, s, a),
                      False))
    return spans


def _speaker_after(c: SentenceCoder, s: SentenceView, close: int) -> Mention | None:
    """``“…,” kata Lavrov`` / ``“…,” ujarnya`` / ``“…,” Lavrov said``."""
    for i in range(close + 1, min(len(s.tokens), close + 5)):
        if s.mention_at[i] >= 0:
            return s.mentions[s.mention_at[i]]
        if c.lex.is_(s.words[i], "boundary") or c.lex.is_(s.words[i], "quote"):
            return None
    return None


def _speaker_before(c: SentenceCoder, s: SentenceView, open_: int) -> Mention | None:
    """``Lavrov said: “…”`` — a mention followed by an attribution verb."""
    for i in range(open_ - 1, max(-1, open_ - 5), -1):
        if c.lex.is_(s.words[i], "attrib"):
            for j in range(i - 1, max(-1, i - 3), -1):
                if s.mention_at[j] >= 0:
                    return s.mentions[s.mention_at[j]]
    return None
