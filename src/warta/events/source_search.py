"""Step 4a of the coder: the source of a trigger, the nearest subject-like
mention to its left, read through relative clauses, appositions, verbs joined
by "and" and reporting clauses (or the speaker of the enclosing quote)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actor_types import is_weak
from .oblique import oblique
from .roles import clause_subject, fronted_attribution, quote_pronoun_subject
from .sentence_view import SentenceView
from .word_readings import cue_at, is_stop, modifier, np_word, verb_like

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder
    from .triggers import Trigger


#: how far (tokens) left of a verb its subject may stand, and of an event noun its actor
SOURCE_WINDOW = 15
NOUN_SOURCE_WINDOW = 8
#: how long (tokens) an aside between commas after the subject may be
ASIDE_WINDOW = 25
SPEAKER = -2  # marker: the source is the speaker of the enclosing quote
#: Indonesian coordinators that join two verb phrases of one subject
CONJOINED_VERB_ID = frozenset({"dan", "serta"})


def subject(c: SentenceCoder, s: SentenceView, t: Trigger, floor: int, allow_oblique: bool,
            in_quote: bool = False, start: int | None = None) -> int | None:
    """Nearest subject-like mention left of the trigger (or of ``start``), or
    SPEAKER when the trigger opens its quote's main clause ("Saya berterima
    kasih…", “…,” kata X)."""
    # a nominal event ("ancaman", "the attack") takes its actor from close by
    reach = NOUN_SOURCE_WINDOW if t.entry.form.pos == "noun" and \
        not verb_object(c, s, t.first) else SOURCE_WINDOW
    first = t.first if start is None else start
    if start is None and t.entry.form.pos != "noun":
        first = _conjoined_verb(c, s, first, floor)
    # a verb joined by "and" to an earlier one is no verb of a reported clause
    reported_clause = start is None and first == t.first
    lowest = max(floor, first - reach)
    i = first
    while i > lowest:
        i -= 1
        if c.lang == "id" and s.words[i] == "," and (
                t.entry.form.pos == "noun" or fronted_attribution(c, s, i)):
            # "Menurut Polda, aksi unjuk rasa …", "Kata Hendra, risiko … mengancam":
            # the reporter before the comma is not the clause's actor
            return None
        if c.lang == "en" and reported_clause and s.mention_at[i] < 0 and \
                c.lex.is_(s.words[i], "attrib"):
            if _own_subject(c, s, i + 1, first):
                # "an official said the rise of the yen has hit Japan": the reported
                # clause has a subject of its own, and it is no actor
                return None
            j = _aside_open(c, s, i - 1, floor)
            if j is not None:
                # "Acme Inc, a Houston firm with a stake in Zenith Corp, said it has
                # had talks with …": the reporter stands before the aside
                i, lowest = j, max(floor, j - reach)
                continue
        if s.words[i] == "," and c.lang == "en":
            j = _relative_open(c, s, i, floor)
            if j is not None:
                # "the EC, which provides subsidies, offered": the subject is the
                # noun before the relative clause
                lowest = max(floor, j - reach)
                i = j
                continue
        if is_stop(c, s, i):
            if not _reported(c, s, i):
                return None
            lowest = max(floor, i - reach)  # the reporter's clause starts here
        if c.lex.is_(s.words[i], "self") and s.mention_at[i] < 0:
            return SPEAKER
        if c.lex.is_(s.words[i], "rel") and s.mention_at[i] < 0 and first - i <= 2:
            # "insiden tambang yang menewaskan": the subject of a relative clause
            # is the noun before "yang": an actor there, else no actor at all
            # (a capitalised name there may end a longer actor phrase:
            # "Brimob di Kwitang yang diserbu")
            j = i - 1
            while j > 0 and s.mention_at[j] < 0 and (s.tokens[j].is_punct or
                                                     modifier(c, s.words[j])):
                j -= 1
            if j >= 0 and s.mention_at[j] >= 0:
                return s.group[s.mention_at[j]][0]
            if j < 0 or not s.tokens[j].text[:1].isupper():
                return None
        k = s.mention_at[i]
        if k >= 0 and i == s.m_first[k] and c.lang == "en" and reported_clause:
            said = _pronoun_partner(c, s, s.m_first[s.group[k][0]], floor)
            if said is not None:
                # "Acme said it and Zenith Corp have agreed to …": the pronoun, the
                # reporter, leads the reported clause's subject
                i, lowest = said, max(floor, said - reach)
                continue
        if k >= 0 and i == s.m_first[k]:
            lead = s.group[k][0]
            if allow_oblique or not oblique(c, s, lead) or \
                    clause_subject(c, s, lead, k, first):
                # ("predicted Iran will retaliate": a verb's object that is its
                # clause's subject)
                if start is None and reduced_relative(c, s, t, s.m_last[k]):
                    return None
                return _appositive_head(c, s, lead, first, floor)
    if in_quote and lowest == floor and not quote_pronoun_subject(c, s, first):
        return SPEAKER
    return None


def _own_subject(c: SentenceCoder, s: SentenceView, lo: int, hi: int) -> bool:
    """Words ``lo..hi-1`` (between a reporting verb and a verb) hold a noun: the
    reported clause's own subject ("said the rise … has hit"), not only time
    words, pronouns, auxiliaries or a complementiser ("said on Monday it would")."""
    if _pronoun_partner(c, s, lo + 2, lo - 1) == lo - 1:
        return False  # "said it and the management of Y have agreed": it leads
    for j in range(lo, hi):
        w = s.words[j]
        if c.lex.is_(w, "aux") or c.lex.is_(w, "vaux") or (
                s.mention_at[j] < 0 and verb_like(c, s, j)):
            return False  # the reported clause's verb: its subject came before
        if s.mention_at[j] >= 0 or not w.isalpha() or w.endswith("ly") or any(
                c.lex.is_(w, cls) for cls in ("comp", "pron", "time", "filler", "prep",
                                             "det")):
            continue
        return True
    return False


def _aside_open(c: SentenceCoder, s: SentenceView, close: int, floor: int) -> int | None:
    """English: the comma that opens an aside closed by the comma at ``close``
    right before a reporting verb ("X Corp, a unit of Y Inc, said"), when an actor
    other than a person ends right before it; None otherwise."""
    if close <= floor or s.words[close] != "," or s.mention_at[close] >= 0:
        return None
    for j in range(close - 1, max(floor, close - ASIDE_WINDOW), -1):
        if s.words[j] == ",":
            head = s.mention_at[j - 1] if j > floor else -1
            # (a person's aside keeps its role: "Kenzo Oshima, the UN relief
            # coordinator, said" is coded by the role, see _appositive_head)
            return j if head >= 0 and s.mentions[head].kind != "person" else None
        if is_stop(c, s, j) or s.words[j] in (";", ":", "."):
            return None
    return None


def _pronoun_partner(c: SentenceCoder, s: SentenceView, start: int, floor: int) -> int | None:
    """English: the reporting verb of "said it and (the management of) Y": the
    words right before ``start`` are an attribution verb, a pronoun and "and"
    (determiners after it), so the pronoun (the reporter) is the first of the
    reported clause's coordinated subjects; None otherwise."""
    j = start - 1
    while j > floor and s.mention_at[j] < 0 and c.lex.is_(s.words[j], "det"):
        j -= 1
    if j - 2 < floor or s.words[j] != "and" or s.mention_at[j - 1] >= 0 or \
            s.words[j - 1] not in PARTNER_PRONOUNS or s.mention_at[j - 2] >= 0 or \
            not c.lex.is_(s.words[j - 2], "attrib"):
        return None
    return j - 2


#: pronouns that stand for a reporter coordinated with another subject ("said it and Y")
PARTNER_PRONOUNS = frozenset({"it", "they", "he", "she"})


def _relative_open(c: SentenceCoder, s: SentenceView, close: int, lowest: int) -> int | None:
    """English: the comma that opens ", which/who … ," or a prepositional aside
    (", on the third leg of a trip to …,") closed at ``close``, when an actor
    stands right before it."""
    for j in range(close - 1, max(lowest, close - ASIDE_WINDOW), -1):
        w = s.words[j]
        if w == "," and j >= 1 and s.mention_at[j - 1] >= 0 and s.mention_at[j + 1] < 0 \
                and c.lex.is_(s.words[j + 1], "prep") and j + 2 < close:
            return j
        if w == "," or is_stop(c, s, j) and w not in ("which", "who"):
            return None
        if w in ("which", "who") and s.mention_at[j] < 0:
            if j >= 2 and s.words[j - 1] == "," and s.mention_at[j - 2] >= 0:
                return j - 1
            return None
    return None


def reduced_relative(c: SentenceCoder, s: SentenceView, t: Trigger, subject_end: int) -> bool:
    """English: "Benin opened its borders to West Africans ordered out of
    Nigeria", "a program for Bosnia aimed at": a participle after a noun, with
    the subject's own finite verb between them, modifies that noun."""
    if c.lang != "en" or not s.words[t.first].endswith("ed") or t.first == 0:
        return False
    prev = s.words[t.first - 1]
    if not prev.isalpha() or c.lex.is_(prev, "aux") or c.lex.is_(prev, "vaux") or \
            c.lex.is_(prev, "coord") or c.lex.is_(prev, "pron") or \
            cue_at(c, s, t.first - 1, "back") is not None:
        return False
    for j in range(t.first - 2, subject_end, -1):
        w = s.words[j]
        if is_stop(c, s, j) or w == "," or c.lex.is_(w, "conj"):
            return False  # "…, as authorities in Croatia cracked down": a new clause
        if s.mention_at[j] < 0 and (w.endswith("ed") or w != s.lemmas[j] and
                                    not w.endswith(("ing", "s"))) and \
                verb_like(c, s, j) and (
                    s.mention_at[j - 1] >= 0 or c.lex.is_(s.words[j - 1], "time") or
                    c.lex.is_(s.words[j - 1], "aux") or
                    c.lex.is_(s.words[j - 1], "vaux")):
            return True  # (the subject's verb: "Benin opened", "has suspended")
    return False


def verb_object(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    """English: the noun at ``i`` is a verb's object ("would tighten the naval
    blockade", "staged a 24-hour hunger strike"): its actor is the verb's subject,
    however far."""
    if c.lang != "en":
        return False
    for j in range(i - 1, max(-1, i - 7), -1):
        k = s.mention_at[j]
        if k >= 0 and not is_weak(s.mentions[k]):
            return False
        if k < 0 and c.lex.is_(s.words[j], "prep"):
            return False
        if k < 0 and verb_like(c, s, j):
            return True
        if k < 0 and not (modifier(c, s.words[j]) or s.words[j] == "-" or
                          s.tokens[j].text.islower() and np_word(c, s, j)):
            return False  # ("as street battles raged": a clause, not an object)
    return False


def _conjoined_verb(c: SentenceCoder, s: SentenceView, first: int, floor: int) -> int:
    """``X has been indicted by the court … and will resign``: a verb phrase
    joined by "and" shares the subject of the verb before it; the position of
    that verb (or ``first`` when the trigger does not open such a phrase)."""
    if c.lang == "id":
        return _conjoined_verb_id(c, s, first, floor)
    if c.lang != "en":
        return first
    j = first - 1
    while j > floor and s.mention_at[j] < 0 and (
            c.lex.is_(s.words[j], "vaux") or c.lex.is_(s.words[j], "aux")):
        j -= 1
    if j <= floor or s.words[j] != "and" or s.mention_at[j] >= 0:
        return first
    for v in range(j - 1, max(floor - 1, j - 2 * SOURCE_WINDOW), -1):
        if is_stop(c, s, v):
            break
        w = s.words[v]
        # a finite verb: "-ed" or an irregular past ("met"), not "meeting", "talks"
        finite = w.endswith("ed") or (w != s.lemmas[v] and not w.endswith(("ing", "s")))
        if s.mention_at[v] < 0 and finite and verb_like(c, s, v) \
                and not c.lex.is_(s.words[v - 1], "det") and \
                not c.lex.is_(s.words[v - 1], "prep"):
            return v
    return first


def _conjoined_verb_id(c: SentenceCoder, s: SentenceView, first: int, floor: int) -> int:
    """Indonesian: "Komnas HAM mengecam tindakan aparat dan menuntut polisi …": a
    verb right after "dan"/"serta" (fillers and modal cues such as "juga", "akan"
    between) shares the subject of the nearest verb before the coordinator, so the
    actor inside that verb's object ("tindakan aparat") is not its subject; the
    position of that verb, or ``first``."""
    j = first - 1
    while j > floor and s.mention_at[j] < 0 and (
            c.lex.is_(s.words[j], "filler") or cue_at(c, s, j, "back") is not None):
        j -= 1
    if j <= floor or s.mention_at[j] >= 0 or s.words[j] not in CONJOINED_VERB_ID:
        return first
    for v in range(j - 1, max(floor - 1, j - 2 * SOURCE_WINDOW), -1):
        if is_stop(c, s, v):
            break
        w = s.words[v]
        if s.mention_at[v] < 0 and w.startswith(("me", "di", "ber")) and \
                not c.lex.is_(w, "pron") and verb_like(c, s, v):
            return v
    return first


def _appositive_head(c: SentenceCoder, s: SentenceView, k: int, first: int, floor: int) -> int:
    """``Pakistan, a key U.S. ally in the war, has refused``: a mention inside an
    apposition (between commas, right after another mention) stands for that
    mention, the subject."""
    if c.lang != "en":
        return k
    close = next((j for j in range(s.m_last[k] + 1, first) if s.words[j] == ","), -1)
    if close < 0 or any(s.mention_at[j] >= 0 or is_stop(c, s, j) or s.words[j] == ","
                        for j in range(close + 1, first)):
        return k
    for j in range(s.m_first[k] - 1, max(floor - 1, s.m_first[k] - 5), -1):
        if s.words[j] == ",":
            head = s.mention_at[j - 1] if j > 0 else -1
            if head < 0 or s.mentions[head].kind == "person" and s.mentions[k].kind != \
                    "person":
                return k  # "Kenzo Oshima, the UN relief coordinator": the role codes him
            return s.group[head][0]
        if is_stop(c, s, j) or verb_like(c, s, j):
            return k
    return k


def _reported(c: SentenceCoder, s: SentenceView, i: int) -> bool:
    """``X announced that it will …``: a complementiser between an attribution
    verb and a pronoun subject does not end the reporter's clause."""
    if not (c.lex.is_(s.words[i], "comp") and 0 < i < len(s.words) - 1
            and c.lex.is_(s.words[i + 1], "pron") and s.mention_at[i + 1] < 0):
        return False
    # "announced (on Monday) that he will …"
    return any(c.lex.is_(s.words[j], "attrib") for j in range(max(0, i - 4), i))
