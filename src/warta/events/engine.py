"""The verb-pattern engine: from one sentence, its coded events.

Per sentence, in order (all linear in the number of tokens):

1. map tokens to actor mentions and group coordinated mentions
   ("Rusia dan China");
2. find triggers: a token whose text (or clitic-stripped text, or lemma) is
   a surface form of a pattern head, with the pattern's ``after`` words;
3. read modality cues before each trigger (negation, intent, threat, …);
4. find the source (the nearest subject-like mention to the left, the agent
   of a passive, the possessor of a nominal, or a quote's speaker) and the
   target (object or prepositional mention to the right; the subject of a
   passive);
5. build events, one per source/target pair, with code shifts for intent,
   threat and refusal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Mention, Quote, Sentence, Token
from . import morph
from .countries import METHOD as COUNTRY_FROM_CONTEXT
from .modality import ActorShifts, Cue, Lexicon, Shifts
from .patterns import NO_EVENT, Entry, Pattern, PatternSet, WordEntries
from .roles import (
    carried_subject,
    clause_opener,
    clause_subject,
    enforcer_source,
    fronted_attribution,
    implied_target,
    infinitive_at,
    is_state,
    located,
    new_clause_subject,
    object_infinitive,
    possessive_target,
    prenominal_agent,
    prenominal_mention,
    quote_pronoun_subject,
    topic,
    trailing_attribution,
    unknown_actor,
)

#: how far (tokens) the engine looks for each piece; short windows keep it linear
AFTER_GAP = 4
TARGET_WINDOW = 10
SOURCE_WINDOW = 15
NOUN_SOURCE_WINDOW = 8
PREP_REACH = 4
#: targets of ``near`` patterns ("menahan dua tersangka") follow right after
NEAR_WINDOW = 3
#: demands, accusations, rejections and threats often name their target late
#: in the clause ("threatened to stop negotiations … if the United States …")
VERBAL_EXTRA = 6
CONFLICT_VERBAL_ROOTS = frozenset({"10", "11", "12", "13"})
BACK_CUE_WINDOW = 5
FWD_CUE_WINDOW = 8
#: CAMEO roots whose events are speech acts: a quote's speaker can be their source
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
#: cooperative roots whose negation is a refusal (12x) rather than no event
REFUSABLE_ROOTS = frozenset({"03", "05", "06", "07", "08"})
#: roots of verbs that evaluate their object ("rejected calls", "accepted demands")
#: or stop it ("reduced food supplies", "suspended aid deliveries")
EVALUATING_ROOTS = frozenset({"03", "08", "11", "12", "16"})
#: violent roots: a nominal act of violence with its own doer ("the U.S. attack on Iran")
#: stays an event when an evaluating verb takes it as object
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
#: appeals and demands: what their target is asked to do later in the sentence is
#: their content ("demanded that the US cancel …")
CONTENT_ROOTS = frozenset({"02", "10"})
#: words next to a month name in capitals that make it the month ("IN MARCH")
MONTH_WORDS = frozenset({"in", "on", "of", "by", "since", "until", "till", "last", "next",
                         "early", "late", "mid", "from", "/"})
#: meetings and negotiations (sym patterns): both sides take part, as coders record
#: ("X met Y" is also Y meeting X)
RECIPROCAL_ROOTS = frozenset({"04"})
#: international actor codes that stand on their own without a country
_ORG_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS"})
#: words that end a target's search even right after the verb (a sentence stop, or
#: the relative clause of an object: "planting bombs which killed …")
_CLOSED = frozenset({".", ";", ":", "?", "!", "which", "who", "whom", "whose"})
#: words without -ly that stand between a subject and its present-tense verb
#: ("leaders still demand", "they now press", "he did stress"): no noun modifier
_FINITE_OPENERS = frozenset({"still", "now", "often", "never", "always", "together",
                             "jointly", "even", "all", "both", "each", "too", "not",
                             "n't", "usually", "generally", "therefore", "thus",
                             "do", "does", "did"})
#: modals that make a warned clause a future act (a threat), and how far after the
#: clause's first word they may stand
_FUTURE_MODALS = frozenset({"will", "would", "may", "might", "could", "shall", "'ll"})
CLAUSE_MODAL_REACH = 6
#: roots one act's verb and its nominal object share: "provide food aid" (a
#: giving verb of material cooperation, 06, with an aid noun, 07) is one act
_ROOT_FAMILY = {"07": "06"}
#: prepositions after which a noun-placed verb form still names an act on a partner
_PARTNER_PREPS = frozenset({"with", "against", "between"})
SPEAKER = -2  # marker: the source is the speaker of the enclosing quote
#: words whose pattern entries a coder remembers (cleared when full)
MEMO_SIZE = 200_000
_MISSING = object()


@dataclass(slots=True)
class Trigger:
    entry: Entry
    first: int  # token index of the head's first word
    last: int  # token index of the last word of head or ``after`` phrase
    specificity: int
    #: other readings of the same words (noun/verb), tried when this one codes nothing
    alternatives: list[Trigger] = field(default_factory=list)

    @property
    def pattern(self) -> Pattern:
        return self.entry.pattern


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


@dataclass(slots=True)
class _Sent:
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
    #: token -> whether a verb form there stands in a noun's place (see _noun_position)
    noun_at: dict[int, bool] = field(default_factory=dict)
    #: the subject of the sentence before (for an uncoded pronoun subject: roles.py)
    previous: Mention | None = None
    #: the article's last-named law-enforcement body (agentless passives: roles.py)
    enforcer: Mention | None = None


class SentenceCoder:
    """Codes the events of one sentence with one language's patterns."""

    def __init__(self, patterns: PatternSet, lexicon: Lexicon, shifts: Shifts,
                 actor_shifts: ActorShifts | None = None) -> None:
        self.patterns = patterns
        self.lex = lexicon
        self.shifts = shifts
        self.actor_shifts = actor_shifts or ActorShifts({})
        self.lang = patterns.lang
        # clause ends: boundary words and sentence-internal stops, looked up per token
        self._stops = lexicon.classes.get("boundary", frozenset()) | {".", ";", ":", "?", "!"}
        self._notrigger = lexicon.classes.get("notrigger", frozenset())
        self._memo: dict[str, WordEntries | None] = {}
        self._det = lexicon.classes.get("det", frozenset())
        self._prep = lexicon.classes.get("prep", frozenset())
        self._attrib = lexicon.classes.get("attrib", frozenset())
        self._conj = lexicon.classes.get("conj", frozenset())
        self._sentence_cue_words = frozenset(c.words[-1] for c in lexicon.cues
                                             if c.scope == "sentence")
        # last words of the cues that open a condition clause ("if", "unless")
        self._condition_words = frozenset(c.words[-1] for c in lexicon.cues
                                          if c.scope == "sentence" and c.kind == "hypothetical")

    # -- 1. the token view -------------------------------------------------
    def _view(self, sentence: Sentence, tokens: tuple[Token, ...],
              mentions: list[Mention], quotes: list[Quote]) -> _Sent:
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
        view = _Sent(tokens, words, lemmas, mentions, mention_at, m_first, m_last)
        if self.lang == "id":  # (English asks lazily: _headline)
            view.title_case = _title_case(tokens)
        return view

    def _clauses(self, view: _Sent, quotes: list[Quote]) -> None:
        """The view's condition clause, attribution tail, actor groups and quotes:
        what roles and modality read, worked out only once a trigger is found."""
        view.condition = self._condition_clause(view)
        view.tail = self._attribution_tail(view)
        view.group = self._groups(view)
        view.quote_spans = self._quotes(view, quotes)

    def _attribution_tail(self, s: _Sent) -> int:
        """First token of a trailing attribution: ", X (Y) said …" (a comma, a few
        words ending in an actor, an attribution verb) or "according to …"."""
        words = s.words
        for k in range(len(s.mentions) if not self._attrib.isdisjoint(words) else 0):
            j = s.m_last[k] + 1
            if j < len(words) and words[j] == "(":  # "the World Food Program (WFP) said"
                j = next((n + 1 for n in range(j, min(len(words), j + 6)) if words[n] == ")"),
                         j)
            # "Thai military sources said", "the Saudi Press Agency SPA said": a noun or
            # two, or the actor's acronym, may follow the actor
            while j < len(words) and j <= s.m_last[k] + 2 and s.mention_at[j] < 0 and \
                    words[j].isalpha() and not self.lex.is_(words[j], "attrib") and (
                        s.tokens[j].text.islower() and self._np_word(s, j) or
                        j == s.m_last[k] + 1 and s.tokens[j].text.isupper() and
                        len(words[j]) > 1):
                j += 1
            if j >= len(words) or not self.lex.is_(words[j], "attrib"):
                continue
            for i in range(s.m_first[k] - 1, max(-1, s.m_first[k] - 6), -1):
                if words[i] == ",":
                    return i
                if self.lex.is_(words[i], "prep") or self._stop(s, i) or \
                        self._verb_like(s, i):
                    break
        if "according" in words:
            i = words.index("according")
            if i + 1 < len(words) and words[i + 1] == "to":
                return i
        # ", a spokesman for Keidanren said.", ", relief officials in Nairobi said."
        comma = trailing_attribution(self, s) if not self._attrib.isdisjoint(words) else None
        return 1 << 30 if comma is None else comma

    def _groups(self, s: _Sent) -> list[list[int]]:
        """Coordinated mentions ("Rusia dan China", "the US, Britain and France")."""
        groups: list[list[int]] = [[k] for k in range(len(s.mentions))]
        alias: set[int] = set()  # "the European Community (EC)": the EC stands aside
        for k in range(1, len(s.mentions)):
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
                    (len(between) == 1 and fronted_attribution(self, s, between[0])):
                # "If Russia attacks Ukraine, the United States will …", "…, police
                # said", "According to Russia, Iraq …", "Kata Prabowo, Rusia …": clause
                # edges, not lists
                continue
            if self.lang == "en" and s.mentions[prev].kind == "agent":
                # "Industry Minister Alain Madelin and …": a name no dictionary knows
                # continues the title before it
                between = self._past_name(s, between)
            if self._coordinated(s, between) and not new_clause_subject(self, s, prev, k):
                # ("Israel attacked Lebanon and Syria condemned …": a new clause)
                merged = groups[prev] + [k]
                for member in merged:
                    groups[member] = merged
        return groups

    def _past_name(self, s: _Sent, between: range) -> range:
        """``between`` without up to three capitalised words at its start that a
        coordinator follows (the name after a title: "Minister Alain Madelin and")."""
        n = 0
        while n < min(3, len(between) - 1) and s.tokens[between[n]].text[:1].isupper() \
                and s.tokens[between[n]].text.isalpha():
            n += 1
        if n and self.lex.is_(s.words[between[n]], "coord"):
            return range(between[n], between[-1] + 1)
        return between

    def _coordinated(self, s: _Sent, between: range) -> bool:
        """Only coordinators between two mentions, or a coordinator and a short
        title ("Gaddafi and Bulgarian President Zhivkov")."""
        if not len(between) or not self.lex.is_(s.words[between[0]], "coord"):
            return False
        # "the EC and the United States" (a determiner after "and", not after a comma:
        # "Israel, a Saudi-owned weekly reports")
        word = s.words[between[0]] not in (",", ";")
        rest = [i for i in between[1:] if not self.lex.is_(s.words[i], "coord") and
                not (word and self.lex.is_(s.words[i], "det"))]
        if not rest:
            return True
        # a title only after a real coordinator: "Eddy, Waketum Partai Demokrat" is
        # an apposition, not a list
        return s.words[between[0]] not in (",", ";") and len(rest) <= 3 and \
            all(s.tokens[i].text[:1].isupper() for i in rest)

    def _quotes(self, s: _Sent,
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
        marks = [i for i, w in enumerate(s.words) if self.lex.is_(w, "quote")]
        for a, b in zip(marks[::2], marks[1::2], strict=False):
            spans.append((a + 1, b - 1, self._speaker_after(s, b) or self._speaker_before(s, a),
                          False))
        return spans

    def _speaker_after(self, s: _Sent, close: int) -> Mention | None:
        """``“…,” kata Lavrov`` / ``“…,” ujarnya`` / ``“…,” Lavrov said``."""
        for i in range(close + 1, min(len(s.tokens), close + 5)):
            if s.mention_at[i] >= 0:
                return s.mentions[s.mention_at[i]]
            if self.lex.is_(s.words[i], "boundary") or self.lex.is_(s.words[i], "quote"):
                return None
        return None

    def _speaker_before(self, s: _Sent, open_: int) -> Mention | None:
        """``Lavrov said: “…”`` — a mention followed by an attribution verb."""
        for i in range(open_ - 1, max(-1, open_ - 5), -1):
            if self.lex.is_(s.words[i], "attrib"):
                for j in range(i - 1, max(-1, i - 3), -1):
                    if s.mention_at[j] >= 0:
                        return s.mentions[s.mention_at[j]]
        return None

    # -- 2. triggers ---------------------------------------------------------
    def _entries(self, s: _Sent, i: int) -> WordEntries | None:
        # memoised by word (and lemma): the index is built lazily and its look-ups
        # go through Python; a coder sees the same words again and again
        w, lemma = s.words[i], s.lemmas[i]
        key = w if lemma == w else w + "\0" + lemma
        found = self._memo.get(key, _MISSING)
        if found is _MISSING:
            if len(self._memo) > MEMO_SIZE:
                self._memo.clear()
            found = self._memo[key] = self._lookup(s, i)
        return found

    def _lookup(self, s: _Sent, i: int) -> WordEntries | None:
        index = self.patterns.index  # entries in the index are never empty
        w = s.words[i]
        found = index.get(w)
        if found is None:
            if self.lang == "id":  # (morph.strip strips Indonesian clitics only)
                stripped = morph.strip(self.lang, w)
                if stripped:
                    found = index.get(stripped)
                if found is None:
                    found = self._bare_suffixed(w)
            elif s.lemmas[i] != w:
                # English lemmas catch irregular forms; Indonesian roots would let
                # derived nouns ("seruan") pass as verbs, and the forms cover the verbs
                found = index.get(s.lemmas[i])
        return found

    def _bare_suffixed(self, w: str) -> WordEntries | None:
        """Indonesian headline verbs keep -kan/-i but drop the prefix ("Polri
        Tetapkan 2 Tersangka", "Menlu Kunjungi Tokyo"): such a word stands for
        the verb of a root pattern (form verb/any), never for a noun."""
        if w[-1:] != "i" and w[-3:] != "kan":
            return None
        for suffix in ("kan", "i"):
            root = w[:-len(suffix)]
            if not w.endswith(suffix) or len(root) < 4:
                continue
            found = self.patterns.index.get(root)
            if found is not None and any(
                    e.pattern.form in ("verb", "any") and e.pattern.head[0] == root
                    for e in _all_entries(found)):
                return found
        return None

    def _role_word(self, s: _Sent, i: int) -> bool:
        """Free text, or a word of a role-noun actor ("expelled *diplomats*",
        "withdraw its *troops*"): such words may complete a trigger's phrase."""
        k = s.mention_at[i]
        return k < 0 or s.mentions[k].kind == "agent"

    def _word_is(self, s: _Sent, i: int, want: str) -> bool:
        if i >= len(s.words) or not self._role_word(s, i):
            return False
        w = s.words[i]
        if want.endswith("*"):
            return w.startswith(want[:-1])
        return w == want or morph.strip(self.lang, w) == want

    def _phrase_at(self, s: _Sent, i: int, phrase: tuple[str, ...]) -> bool:
        return all(self._word_is(s, i + k, p) for k, p in enumerate(phrase))

    def _triggers(self, s: _Sent) -> list[Trigger]:
        out: list[Trigger] = []
        covered = -1
        for i in range(len(s.tokens)):
            if i <= covered or s.mention_at[i] >= 0 or s.tokens[i].is_punct or \
                    s.words[i] in self._notrigger:
                continue
            entries = self._entries(s, i)
            if entries is None or self._english_name(s, i):
                continue
            if out and covered == i - 1 and self.lang == "en" and \
                    out[-1].last > out[-1].first + len(out[-1].pattern.head) - 1 and \
                    not self.lex.is_(s.words[i - 1], "prep"):
                # "reduced food supplies": a word right after a phrase's noun
                # continues that noun, it is no verb
                s.noun_at[i] = True
            found = self._after_matches(s, i, entries)
            found += [t for e in entries.plain if (t := self._plain(s, i, e))]
            if found:
                # most specific first; stable, so file order breaks ties
                found.sort(key=lambda t: -t.specificity)
                best = found[0]
                if self._noun_modifier(s, best) or self._reporting(s, best):
                    continue
                best.alternatives = [t for t in found[1:] if t.last == best.last][:4]
                out.append(best)
                covered = best.last
        return out

    def _noun_position(self, s: _Sent, i: int, entry: Entry) -> bool:
        """A verb form in a noun's place (cached per token: every reading of a
        word asks)."""
        if entry.form.pos != "verb" or i == 0:
            return False
        found = s.noun_at.get(i)
        if found is None:
            found = s.noun_at[i] = self._noun_place(s, i)
        return found

    def _noun_place(self, s: _Sent, i: int) -> bool:
        # "a demand", "the strike": after a determiner the word is a noun, not the verb
        prev = s.words[i - 1]
        if self.lex.is_(prev, "det"):
            return True
        # English base forms after a preposition or an -ing modifier are nouns
        # too: "by force", "peacekeeping force", "in dispute" (past tense leads
        # write their verbs inflected)
        if self.lang != "en":
            return False
        if s.mention_at[i - 1] >= 0:
            # "a key U.S. ally": a country word between an article and the noun
            k = s.mention_at[i - 1]
            if s.mentions[k].kind != "country" or s.m_last[k] != i - 1:
                return False
            for j in range(s.m_first[k] - 1, max(-1, s.m_first[k] - 4), -1):
                if s.words[j] in ("a", "an"):
                    return True
                if not (s.words[j].isalpha() and s.tokens[j].text.islower()) or \
                        self._verb_like(s, j) or self.lex.is_(s.words[j], "prep"):
                    return False
            return False
        if prev == "by" and s.words[i].endswith("ing") and \
                not (i >= 3 and self.lex.is_(s.words[i - 3], "aux")):
            return False  # "responded by accusing X": the subject's own act (not passive)
        if self.lex.is_(prev, "prep") and prev != "to":
            return True  # "charging X with supporting dissidents": a gerund is content
        w = s.words[i]
        if w.endswith("ed") and prev.endswith("ing") and self._verb_like(s, i - 1):
            return True  # "investigating alleged war crimes": a participle adjective
        if self._after_past_verb(s, i):
            return True  # "shrugged off claims from", "rejected demands": its object
        if w != s.lemmas[i] and not (w.endswith("s") and not w.endswith("ss")):
            return False
        if w == s.lemmas[i] and prev.endswith("ing") and len(prev) > 5 and \
                self.patterns.lookup(prev).plain == []:
            return True
        if self._compound_head(s, i):
            return True
        # "a border conflict", "the widespread human rights violations": a noun
        # phrase's head after its determiner and lower-case modifiers
        det, prep = self._det, self._prep
        if not any(s.words[j] in det or s.words[j] in prep for j in range(max(0, i - 3), i - 1)):
            return False
        for j in range(i - 1, max(-1, i - 4), -1):
            pw = s.words[j]
            if pw in det or pw in prep and pw != "to" and w.endswith("s"):
                # ("killed in ethnic riots": a plural after a preposition and modifiers)
                return j < i - 1
            if s.mention_at[j] >= 0 or not pw.isalpha() or not s.tokens[j].text.islower() \
                    or self.lex.is_(pw, "prep") or self._stop(s, j) or \
                    self.lex.is_(pw, "aux") or (pw != s.lemmas[j] and self._verb_like(s, j)):
                return False  # ("a close ally": an uninflected modifier may look like a verb)
        return False

    def _after_past_verb(self, s: _Sent, i: int) -> bool:
        """English: a lower-case -s form right after a past verb (and its particle)
        is a plural noun, the verb's object or a clause's subject ("dismissed claims
        from", "shrugged off protests"): two finite verbs do not stand side by side."""
        w = s.words[i]
        if not (w.endswith("s") and not w.endswith("ss") and w != s.lemmas[i]) or \
                not s.tokens[i].text.islower():
            return False
        j = i - 1
        if s.words[j] in _PARTICLES and j > 0:
            j -= 1
        pw = s.words[j]
        return s.mention_at[j] < 0 and s.tokens[j].text.islower() and pw.isalpha() and \
            len(pw) > 4 and pw.endswith("ed") and self._verb_like(s, j)

    def _compound_head(self, s: _Sent, i: int) -> bool:
        """English: a base form right after a lower-case word that cannot be its
        subject or its auxiliary heads a noun phrase: "strong demand", "mobile phone",
        "the judge appeal court". A present-tense verb in that place needs a plural
        subject ("workers strike"), a pronoun, an auxiliary, "to" or an adverb."""
        w, prev = s.words[i], s.words[i - 1]
        if w != s.lemmas[i] or not prev.isalpha() or not s.tokens[i - 1].text.islower() \
                or not s.tokens[i].text.islower():
            return False
        if prev.endswith(("s", "ly")) or prev in _FINITE_OPENERS or any(
                self.lex.is_(prev, c) for c in (
                    "pron", "aux", "vaux", "inf", "comp", "coord", "conj", "prep", "self",
                    "det", "filler", "limiter", "rel", "boundary", "attrib", "time")):
            return False
        if i + 1 < len(s.words) and s.words[i + 1] in _PARTNER_PREPS:
            return False  # "official contact with X", "rocket fire against X": the
            # noun keeps the verb's reading, its partner after the preposition
        return not self._verb_like(s, i - 1) and self._cue_at(s, i - 1, "back") is None

    def _proper_name(self, s: _Sent, i: int, entry: Entry) -> bool:
        """A bare Indonesian root written with a capital inside running text is a
        name ("Kabupaten Serang"), unless the whole line is in title case."""
        if self.lang != "id" or i == 0 or s.words[i] != entry.pattern.head[0]:
            return False
        if not s.tokens[i].text[:1].isupper():
            return False
        # "Kabupaten Serang", "Kota Serang" even in a line of capitalised names
        return not s.title_case or self.lex.is_(s.words[i - 1], "placehead")

    def _reporting(self, s: _Sent, t: Trigger) -> bool:
        """A verb of saying or thinking followed by its clause ("claimed that …",
        "argued it was …", "he thought the EC would …") reports; it is no event."""
        j = t.last + 1
        if t.last != t.first or j >= len(s.words):
            return False
        w = s.words[t.first]
        if self.lex.is_(w, "thatverb"):
            # "warned that oil prices …", "announced they would …" (but "warned Japan")
            if not (self.lex.is_(s.words[j], "comp") or self.lex.is_(s.words[j], "pron")):
                return False
            # a warning of what will be done ("warned that police will no longer
            # tolerate rallies") is the threat CAMEO codes (13x)
            return t.pattern.code[:2] != "13" or not any(
                w2 in _FUTURE_MODALS for w2 in s.words[j + 1:j + 1 + CLAUSE_MODAL_REACH])
        if not self.lex.is_(w, "clauseverb"):
            return False
        return self.lex.is_(s.words[j], "comp") or self.lex.is_(s.words[j], "pron") or \
            s.mention_at[j] >= 0

    def _noun_modifier(self, s: _Sent, t: Trigger) -> bool:
        """English: a bare verb form in a noun phrase before a nominal event is
        that noun's modifier ("top-level trade talks", "the peace talks")."""
        i = t.first
        if self.lang != "en" or t.last != i or t.entry.form.pos != "verb" or \
                s.words[i] != s.lemmas[i] or i + 1 >= len(s.words) or i == 0:
            return False
        nxt = self._entries(s, i + 1) if s.mention_at[i + 1] < 0 else None
        if nxt is None or not any(e.form.pos == "noun" for e in nxt.plain):
            return False
        prev = s.words[i - 1]
        if self.lex.is_(prev, "det"):
            return True
        return s.mention_at[i - 1] < 0 and s.tokens[i - 1].text[:1].islower() and \
            prev.replace("-", "").isalpha() and not any(
                self.lex.is_(prev, c) for c in ("pron", "aux", "vaux", "inf", "comp",
                                                "coord", "prep", "self")) and \
            not self._verb_like(s, i - 1) and self._cue_at(s, i - 1, "back") is None

    def _english_name(self, s: _Sent, i: int) -> bool:
        """An English word capitalised inside running text is a name, not a verb:
        the month ("on 7 March", "last March"), "the New Deal", "Justice Minister".
        Not at the start of a sentence or quote, after an abbreviation ("U.S. Is
        pressing", Reuters' style) or in a headline."""
        text = s.tokens[i].text
        if self.lang != "en" or not text[:1].isupper():
            return False
        if self.lex.is_(s.words[i], "time"):
            # a month ("March", "May"): capitalised it is the month, and so in capitals
            # next to a number or a time preposition ("STRIKES IN MARCH", "MARCH 3")
            if not text.isupper():
                return True
            near = [s.words[j] for j in (i - 1, i + 1) if 0 <= j < len(s.words)]
            return any(w[:1].isdigit() or w in MONTH_WORDS for w in near)
        if i == 0 or text.isupper():
            return False
        if s.title_case is None:
            s.title_case = _title_case(s.tokens)
        if s.title_case:
            return False
        prev = s.tokens[i - 1]
        return not (prev.is_punct and prev.text not in (",", "'s", "’s") or
                    prev.text.endswith(".") or self.lex.is_(s.words[i - 1], "quote"))

    def _plain(self, s: _Sent, i: int, entry: Entry) -> Trigger | None:
        p = entry.pattern
        if self._noun_position(s, i, entry) or self._proper_name(s, i, entry) or \
                not self._phrase_at(s, i + 1, p.head[1:]):
            return None
        return Trigger(entry, i, i + len(p.head) - 1, len(p.head))

    def _after_candidates(self, s: _Sent, j: int, entries: WordEntries
                          ) -> list[tuple[Entry, tuple[str, ...]]]:
        w = s.words[j]
        found = entries.after.get(w)
        out = list(found) if found else []
        if self.lang == "id":  # English words are not stripped (morph.strip)
            stripped = morph.strip(self.lang, w)
            if stripped:
                out += entries.after.get(stripped, ())
        for n in entries.prefix_lens:
            if n > len(w):
                break  # sorted
            more = entries.prefixes.get(w[:n])
            if more:
                out += more
        return out

    def _after_matches(self, s: _Sent, i: int, entries: WordEntries) -> list[Trigger]:
        """Patterns whose ``after`` words follow the head within AFTER_GAP tokens."""
        if not (entries.after or entries.prefixes):
            return []
        out: list[Trigger] = []
        seen: set[int] = set()
        passed_actor = -1  # where an actor with a country of its own ended
        stops, words, after = self._stops, s.words, entries.after
        simple = not entries.prefix_lens and self.lang != "id"  # one dict look-up a word
        for j in range(i + 1, min(len(words), i + 3 + AFTER_GAP)):
            k = s.mention_at[j]
            if self.lang == "id" and k >= 0 and s.m_first[k] == i + 1 and \
                    s.mentions[k].kind != "agent" and j <= s.m_last[k]:
                continue  # (id) the verb's own object: "menetapkan Lisa sebagai tersangka"
            if self.lang == "en" and k >= 0 and s.mentions[k].kind != "agent" and \
                    j <= s.m_last[k] and self.lex.is_(words[i], "ditransitive") and \
                    self._first_object(s, i, k):
                continue  # (en) an indirect object: "give Tanzania a grant"
            if words[j] in stops or (k >= 0 and s.mentions[k].kind != "agent"):
                break  # (a mention that is no role word ends the phrase: _role_word)
            if 0 <= passed_actor < j - 1:
                # "attacked by Burundian militiamen armed with": not one phrase (but
                # "ban Ugandan opposition candidates": the actor's noun is)
                break
            if k >= 0 and s.m_last[k] == j and not _weak(s.mentions[k]):
                passed_actor = j
            candidates = (after.get(words[j]) or ()) if simple else \
                self._after_candidates(s, j, entries)
            for entry, phrase in candidates:
                p = entry.pattern
                head_last = i + len(p.head) - 1
                if id(entry) in seen or not head_last < j <= head_last + 1 + AFTER_GAP:
                    continue
                if self._noun_position(s, i, entry) or \
                        not self._phrase_at(s, i + 1, p.head[1:]) or \
                        not self._phrase_at(s, j + 1, phrase[1:]):
                    continue
                seen.add(id(entry))
                # a bare preposition ("meet at") is weak evidence for a special code
                weight = 1 if all(self.lex.is_(w, "prep") for w in phrase) else 10
                out.append(Trigger(entry, i, j + len(phrase) - 1,
                                   len(p.head) + weight * len(phrase)))
        return out

    def _state_subject(self, s: _Sent, t: Trigger, a: Mention) -> bool:
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
            self.lex.is_(w, c) for c in ("aux", "vaux", "time", "prep", "rel"))

    def _first_object(self, s: _Sent, i: int, k: int) -> bool:
        """Mention ``k`` is the first thing after the verb at ``i`` (after
        determiners): the indirect object of a two-object verb ("gave the Ivory
        Coast 5 million dollars"), which the ``after`` words may pass."""
        j = i + 1
        while j < s.m_first[k] and self.lex.is_(s.words[j], "det"):
            j += 1
        return j == s.m_first[k]

    def _stop(self, s: _Sent, i: int) -> bool:
        return s.words[i] in self._stops

    # -- 3. modality ------------------------------------------------------------
    def _cue_at(self, s: _Sent, end: int, scope: str) -> Cue | None:
        for cue in self.lex.cues_by_last.get(s.words[end], ()):
            n = len(cue.words)
            if cue.scope == scope and end - n + 1 >= 0 and \
                    tuple(s.words[end - n + 1:end + 1]) == cue.words:
                return cue
        return None

    def _modality(self, s: _Sent, t: Trigger) -> tuple[list[str], list[int]]:
        """Cue kinds that apply to ``t`` and the token positions of the cues."""
        kinds: list[str] = []
        where: list[int] = []
        skip = len(s.words)  # words of a longer cue already read ("would have")
        for i in range(t.first - 1, max(-1, t.first - 1 - BACK_CUE_WINDOW), -1):
            if i >= skip:
                continue
            k = s.mention_at[i]
            if self._stop(s, i) or k >= 0 and not (
                    self.lang == "en" and s.m_last[k] == t.first - 1 and _weak(s.mentions[k])):
                # (a bare role word right before the trigger is its modifier:
                # "would tighten the naval blockade")
                break
            if k >= 0:
                continue
            cue = self._cue_at(s, i, "back")
            if cue and cue.kind == "negation" and i + 1 < len(s.words) and \
                    self.lex.is_(s.words[i + 1], "limiter"):
                continue  # "tidak hanya", "not only": not a negation
            if cue and cue.kind == "counterfactual" and i + 1 < len(s.words) and \
                    s.words[i + 1] == "to":
                continue  # "would have to discuss": an obligation, read from "would"
            if cue:
                kinds.append(cue.kind)
                where.append(i - len(cue.words) + 1)  # "menolak untuk": the verb governs
                skip = i - len(cue.words) + 1
        for i in range(t.first - 1, max(-1, t.first - 1 - FWD_CUE_WINDOW), -1):
            if self._stop(s, i):
                break
            cue = self._cue_at(s, i, "fwd")
            if cue:
                kinds.append(cue.kind)
                where.append(i)
                break  # the nearest governing verb decides
        for i in range(t.first):
            if s.words[i] in self._sentence_cue_words:
                cue = self._cue_at(s, i, "sentence")
                if cue:
                    kinds.append(cue.kind)
        return kinds, where

    # -- 4. roles ---------------------------------------------------------------
    def _oblique(self, s: _Sent, k: int, depth: int = 0) -> bool:
        """A mention inside a prepositional phrase or right after a verb."""
        first = s.m_first[k]
        en = self.lang == "en"
        after_det = False
        for i in range(first - 1, max(-1, first - 1 - PREP_REACH), -1):
            w = s.words[i]
            if s.mention_at[i] >= 0:
                # "based in Christian east Beirut": a mention in the same noun phrase
                # as an oblique one is oblique too
                # (not a title right before a name: "Minister for Interior Aftab …")
                return en and depth < 2 and i < first - 1 and \
                    s.mentions[k].kind != "pronoun" and \
                    all(self._np_word(s, j) for j in range(i + 1, first)) and \
                    self._oblique(s, s.mention_at[i], depth + 1)
            if self._stop(s, i) or w == ",":
                break
            if self.lex.is_(w, "time"):
                break  # "On Tuesday the United States …": the phrase was temporal
            if en and after_det and w.isalpha() and not (
                    self.lex.is_(w, "prep") or self.lex.is_(w, "det") or
                    self.lex.is_(w, "agent") or self._verb_like(s, i)):
                break  # "According to reports the UK …": a new noun phrase began
            after_det = self.lex.is_(w, "det")
            if self.lex.is_(w, "prep") or self.lex.is_(w, "agent"):
                if s.words[i + 1][:1].isdigit() and i > 0 and not self.lex.is_(
                        s.words[i - 1], "prep") and (w == "to" or s.words[i - 1][:1].isdigit()):
                    continue  # "up to 1,000 ethnic Turks", "1,800 of 2,200 teachers"
                if en and i == s.tail + 1 and i + 1 < first:
                    break  # "According to reports Russia …": the source phrase ended
                # "thousands of Iraqi Kurds", "leaders of the coalition": the head
                # noun is a quantity or a group, so the mention is the real subject
                return not (self.lex.is_(w, "partof") and i > 0 and
                            (self.lex.is_(s.words[i - 1], "partitive") or
                             s.words[i - 1][:1].isdigit()))
            if self._verb_like(s, i) and not (en and self._attributive(s, i)):
                # "berjanji China akan …": a governing verb opens a clause, not an object;
                # "killed one U.S. soldier", "attacked the embassy": objects
                between = s.words[i + 1:first]
                return all(self._modifier(w) for w in between) and \
                    self._cue_at(s, i, "fwd") is None
        return False

    def _attributive(self, s: _Sent, i: int) -> bool:
        """English: the participle at ``i`` modifies the noun after it ("the visiting
        Soviet foreign minister", "Visiting Chinese Premier Li Peng", "the ousted
        president"): it opens the sentence or follows a determiner, so the actor
        after it is no object."""
        w = s.words[i]
        if not w.endswith(("ing", "ed")) or i + 1 >= len(s.words):
            return False
        return i == 0 or self.lex.is_(s.words[i - 1], "det") or \
            self.lex.is_(s.words[i - 1], "quote")

    def _np_word(self, s: _Sent, i: int) -> bool:
        """A word that continues a noun phrase ("Lebanon's new President", "the U.N.
        war crimes court"), not one that starts a clause ("… airliner as he")."""
        w = s.words[i]
        if w in ("'s", "’s"):
            return True
        return w.isalpha() and not any(self.lex.is_(w, c) for c in (
            "prep", "coord", "conj", "aux", "comp", "pron", "boundary", "attrib")) and \
            not self._verb_like(s, i)

    def _modifier(self, w: str) -> bool:
        """A determiner or number between a verb and its object."""
        return self.lex.is_(w, "det") or self.lex.is_(w, "filler") or w[:1].isdigit() or \
            self.lex.is_(w, "number")

    def _verb_like(self, s: _Sent, i: int) -> bool:
        w = s.words[i]
        entries = self.patterns.lookup(w)
        if entries:
            # "Serangan Israel menewaskan …": a nominal head does not make its
            # possessor an object
            return any(e.form.pos == "verb" for e in entries.plain) or any(
                e.form.pos == "verb" for group in (entries.after, entries.prefixes)
                for found in group.values() for e, _ in found)
        if self.lang == "id":
            return len(w) >= 7 and w.startswith(("me", "di")) and w.endswith(("kan", "i"))
        return len(w) > 4 and w.endswith("ed") and not self.lex.is_(w, "number")  # "hundred"

    def _quote_of(self, s: _Sent, i: int) -> tuple[int, int, Mention | None, bool] | None:
        for span in s.quote_spans:
            if span[0] <= i <= span[1]:
                return span
        return None

    def _subject(self, s: _Sent, t: Trigger, floor: int, allow_oblique: bool,
                 in_quote: bool = False, start: int | None = None) -> int | None:
        """Nearest subject-like mention left of the trigger (or of ``start``), or
        SPEAKER when the trigger opens its quote's main clause ("Saya berterima
        kasih…", “…,” kata X)."""
        # a nominal event ("ancaman", "the attack") takes its actor from close by
        reach = NOUN_SOURCE_WINDOW if t.entry.form.pos == "noun" and \
            not self._verb_object(s, t.first) else SOURCE_WINDOW
        first = t.first if start is None else start
        if start is None and t.entry.form.pos != "noun":
            first = self._conjoined_verb(s, first, floor)
        # a verb joined by "and" to an earlier one is no verb of a reported clause
        reported_clause = start is None and first == t.first
        lowest = max(floor, first - reach)
        i = first
        while i > lowest:
            i -= 1
            if self.lang == "id" and s.words[i] == "," and (
                    t.entry.form.pos == "noun" or fronted_attribution(self, s, i)):
                # "Menurut Polda, aksi unjuk rasa …", "Kata Hendra, risiko … mengancam":
                # the reporter before the comma is not the clause's actor
                return None
            if self.lang == "en" and reported_clause and s.mention_at[i] < 0 and \
                    self.lex.is_(s.words[i], "attrib") and self._own_subject(s, i + 1, first):
                # "an official said the rise of the yen has hit Japan": the reported
                # clause has a subject of its own, and it is no actor
                return None
            if s.words[i] == "," and self.lang == "en":
                j = self._relative_open(s, i, lowest)
                if j is not None:
                    # "the EC, which provides subsidies, offered": the subject is the
                    # noun before the relative clause
                    lowest = max(floor, j - reach)
                    i = j
                    continue
            if self._stop(s, i):
                if not self._reported(s, i):
                    return None
                lowest = max(floor, i - reach)  # the reporter's clause starts here
            if self.lex.is_(s.words[i], "self") and s.mention_at[i] < 0:
                return SPEAKER
            if self.lex.is_(s.words[i], "rel") and s.mention_at[i] < 0 and first - i <= 2:
                # "insiden tambang yang menewaskan": the subject of a relative clause
                # is the noun before "yang": an actor there, else no actor at all
                # (a capitalised name there may end a longer actor phrase:
                # "Brimob di Kwitang yang diserbu")
                j = i - 1
                while j > 0 and s.mention_at[j] < 0 and (s.tokens[j].is_punct or
                                                         self._modifier(s.words[j])):
                    j -= 1
                if j >= 0 and s.mention_at[j] >= 0:
                    return s.group[s.mention_at[j]][0]
                if j < 0 or not s.tokens[j].text[:1].isupper():
                    return None
            k = s.mention_at[i]
            if k >= 0 and i == s.m_first[k]:
                lead = s.group[k][0]
                if allow_oblique or not self._oblique(s, lead) or \
                        clause_subject(self, s, lead, k, first):
                    # ("predicted Iran will retaliate": a verb's object that is its
                    # clause's subject)
                    if start is None and self._reduced_relative(s, t, s.m_last[k]):
                        return None
                    return self._appositive_head(s, lead, first, floor)
        if in_quote and lowest == floor and not quote_pronoun_subject(self, s, first):
            return SPEAKER
        return None

    def _own_subject(self, s: _Sent, lo: int, hi: int) -> bool:
        """Words ``lo..hi-1`` (between a reporting verb and a verb) hold a noun: the
        reported clause's own subject ("said the rise … has hit"), not only time
        words, pronouns, auxiliaries or a complementiser ("said on Monday it would")."""
        for j in range(lo, hi):
            w = s.words[j]
            if self.lex.is_(w, "aux") or self.lex.is_(w, "vaux") or (
                    s.mention_at[j] < 0 and self._verb_like(s, j)):
                return False  # the reported clause's verb: its subject came before
            if s.mention_at[j] >= 0 or not w.isalpha() or w.endswith("ly") or any(
                    self.lex.is_(w, c) for c in ("comp", "pron", "time", "filler", "prep",
                                                 "det")):
                continue
            return True
        return False

    def _relative_open(self, s: _Sent, close: int, lowest: int) -> int | None:
        """English: the comma that opens ", which/who … ," closed at ``close``,
        when an actor stands right before it."""
        for j in range(close - 1, max(lowest, close - 20), -1):
            w = s.words[j]
            if w == "," or self._stop(s, j) and w not in ("which", "who"):
                return None
            if w in ("which", "who") and s.mention_at[j] < 0:
                if j >= 2 and s.words[j - 1] == "," and s.mention_at[j - 2] >= 0:
                    return j - 1
                return None
        return None

    def _reduced_relative(self, s: _Sent, t: Trigger, subject_end: int) -> bool:
        """English: "Benin opened its borders to West Africans ordered out of
        Nigeria", "a program for Bosnia aimed at": a participle after a noun, with
        the subject's own finite verb between them, modifies that noun."""
        if self.lang != "en" or not s.words[t.first].endswith("ed") or t.first == 0:
            return False
        prev = s.words[t.first - 1]
        if not prev.isalpha() or self.lex.is_(prev, "aux") or self.lex.is_(prev, "vaux") or \
                self.lex.is_(prev, "coord") or self.lex.is_(prev, "pron") or \
                self._cue_at(s, t.first - 1, "back") is not None:
            return False
        for j in range(t.first - 2, subject_end, -1):
            w = s.words[j]
            if self._stop(s, j) or w == "," or self.lex.is_(w, "conj"):
                return False  # "…, as authorities in Croatia cracked down": a new clause
            if s.mention_at[j] < 0 and (w.endswith("ed") or w != s.lemmas[j] and
                                        not w.endswith(("ing", "s"))) and \
                    self._verb_like(s, j) and (
                        s.mention_at[j - 1] >= 0 or self.lex.is_(s.words[j - 1], "time") or
                        self.lex.is_(s.words[j - 1], "aux") or
                        self.lex.is_(s.words[j - 1], "vaux")):
                return True  # (the subject's verb: "Benin opened", "has suspended")
        return False

    def _verb_object(self, s: _Sent, i: int) -> bool:
        """English: the noun at ``i`` is a verb's object ("would tighten the naval
        blockade", "staged a 24-hour hunger strike"): its actor is the verb's subject,
        however far."""
        if self.lang != "en":
            return False
        for j in range(i - 1, max(-1, i - 7), -1):
            k = s.mention_at[j]
            if k >= 0 and not _weak(s.mentions[k]):
                return False
            if k < 0 and self.lex.is_(s.words[j], "prep"):
                return False
            if k < 0 and self._verb_like(s, j):
                return True
            if k < 0 and not (self._modifier(s.words[j]) or s.words[j] == "-" or
                              s.tokens[j].text.islower() and self._np_word(s, j)):
                return False  # ("as street battles raged": a clause, not an object)
        return False

    def _conjoined_verb(self, s: _Sent, first: int, floor: int) -> int:
        """``X has been indicted by the court … and will resign``: a verb phrase
        joined by "and" shares the subject of the verb before it; the position of
        that verb (or ``first`` when the trigger does not open such a phrase)."""
        if self.lang != "en":
            return first
        j = first - 1
        while j > floor and s.mention_at[j] < 0 and (
                self.lex.is_(s.words[j], "vaux") or self.lex.is_(s.words[j], "aux")):
            j -= 1
        if j <= floor or s.words[j] != "and" or s.mention_at[j] >= 0:
            return first
        for v in range(j - 1, max(floor - 1, j - 2 * SOURCE_WINDOW), -1):
            if self._stop(s, v):
                break
            w = s.words[v]
            # a finite verb: "-ed" or an irregular past ("met"), not "meeting", "talks"
            finite = w.endswith("ed") or (w != s.lemmas[v] and not w.endswith(("ing", "s")))
            if s.mention_at[v] < 0 and finite and self._verb_like(s, v) \
                    and not self.lex.is_(s.words[v - 1], "det") and \
                    not self.lex.is_(s.words[v - 1], "prep"):
                return v
        return first

    def _appositive_head(self, s: _Sent, k: int, first: int, floor: int) -> int:
        """``Pakistan, a key U.S. ally in the war, has refused``: a mention inside an
        apposition (between commas, right after another mention) stands for that
        mention, the subject."""
        if self.lang != "en":
            return k
        close = next((j for j in range(s.m_last[k] + 1, first) if s.words[j] == ","), -1)
        if close < 0 or any(s.mention_at[j] >= 0 or self._stop(s, j) or s.words[j] == ","
                            for j in range(close + 1, first)):
            return k
        for j in range(s.m_first[k] - 1, max(floor - 1, s.m_first[k] - 5), -1):
            if s.words[j] == ",":
                head = s.mention_at[j - 1] if j > 0 else -1
                if head < 0 or s.mentions[head].kind == "person" and s.mentions[k].kind != \
                        "person":
                    return k  # "Kenzo Oshima, the UN relief coordinator": the role codes him
                return s.group[head][0]
            if self._stop(s, j) or self._verb_like(s, j):
                return k
        return k

    def _reported(self, s: _Sent, i: int) -> bool:
        """``X announced that it will …``: a complementiser between an attribution
        verb and a pronoun subject does not end the reporter's clause."""
        if not (self.lex.is_(s.words[i], "comp") and 0 < i < len(s.words) - 1
                and self.lex.is_(s.words[i + 1], "pron") and s.mention_at[i + 1] < 0):
            return False
        # "announced (on Monday) that he will …"
        return any(self.lex.is_(s.words[j], "attrib") for j in range(max(0, i - 4), i))

    def _target(self, s: _Sent, t: Trigger, noun: bool = False) -> tuple[int | None, int | None]:
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
        inside = self._inside_object(s, t)
        if inside is not None and not _weak(s.mentions[inside]):
            return inside, None
        weak = inside
        bare = t.last == t.first + len(p.head) - 1  # no ``after`` phrase
        # "demanded the withdrawal of Serbian forces", "tighten the blockade of Serbia":
        # the object of the phrase's noun is the target
        of_object = not bare and t.last + 1 < len(s.words) and \
            self.lex.is_(s.words[t.last + 1], "partof")
        i = t.last + 1
        origin = 0  # end of an origin phrase ("from Helsinki") already passed
        topic_object = False  # the direct object was a topic ("discussed X's economy")
        while i < stop:
            # "demanded (Friday) that X …": a complementiser right after the verb (and
            # a time phrase) opens the target; after a phrase ("a plan that") it does not
            # (a noun is followed by its relative clause: "the bombs which killed …";
            # "reiterated its demand (today) that Israel …" opens a demand's target too)
            opens = bare and s.words[i] not in _CLOSED or \
                p.code[:2] in CONTENT_ROOTS and self.lex.is_(s.words[i], "comp")
            if self._stop(s, i) and not (opens and not noun and all(
                    self.lex.is_(s.words[j], "time") or s.words[j] == "on"
                    for j in range(t.last + 1, i))):
                break
            k = s.mention_at[i]
            if k < 0:
                if weak is not None and infinitive_at(self, s, i):
                    break  # "called on the government to seek help from the IMF"
                if s.words[i] in self._conj and clause_opener(self, s, i):
                    break  # "… boosting imports, as Washington wants": another clause
                i += 1
                continue
            if i >= 2 and s.words[i - 1] == "(" and s.mention_at[i - 2] >= 0:
                # "the International Monetary Fund (IMF)": an alias stands where its
                # name stands; it was read with the name
                i = s.m_last[k] + 1
                continue
            lo = max(t.last + 1, i - PREP_REACH - 1, origin)
            before = {s.words[j] for j in range(lo, i)}
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
                    if s.mention_at[j] >= 0 or self._stop(s, j) or not (
                            w == "of" or self._modifier(w) or self._np_word(s, j)):
                        break
            has_prep = any(self.lex.is_(w, "prep") or self.lex.is_(w, "agent") for w in before)
            as_object = not has_prep and "obj" in p.target and not noun
            accept = bool(preps & before) or (as_object and not topic_object)
            if accept and self.lang == "en" and located(self, s, k, preps):
                accept = False  # "the accord reached over the weekend in Geneva": a place
            if accept and topic(self, s, t, k):
                # "talks on Ukraine", "discussed Argentina's economy": what it is about
                # (and once the object is a topic, no later actor is the object)
                accept = False
                topic_object = topic_object or as_object
            if of_object and i - t.last <= 3 and all(
                    self._modifier(s.words[j]) for j in range(t.last + 2, i)):
                accept = True
            if accept and p.code[:2] == "11" and "to" in before and \
                    not (preps - {"to"}) & before:
                # "complained to the UN over Israeli raids": "to" names the addressee;
                # what is complained about is the target when it is named
                addressee = k if addressee is None else addressee
                accept = False
            if accept and not _weak(s.mentions[k]):
                return k, possessor
            if accept and weak is None:
                weak = k  # "its troops to Lebanon": keep looking for an actor with a country
            if nominal is None and not accept and "obj" in p.target and not noun and \
                    self._nominal_object(s, t.first + 1, i):
                nominal = k  # "rejected calls by X", "accepted demands from X"
            if not has_prep:
                if noun and possessor is None and i - t.last <= 2:
                    possessor = k
            i = s.m_last[k] + 1
        if weak is None and nominal is None:
            return addressee, possessor
        return (weak if weak is not None else nominal), possessor

    def _inside_object(self, s: _Sent, t: Trigger) -> int | None:
        """A role-noun actor the trigger's own phrase ran through ("expelled
        Russian diplomats", "banned opposition candidates") is its direct object."""
        if "obj" not in t.pattern.target or t.entry.form.pos == "noun":
            return None
        for j in range(t.first + len(t.pattern.head), t.last + 1):
            k = s.mention_at[j]
            if k >= 0:
                return k
        return None

    def _doer(self, s: _Sent, t: Trigger) -> int | None:
        """A criminal role noun ("pelaku", "tersangka": type CRM) right before a
        nominal event is its doer ("pelaku pembunuhan X")."""
        if self.lang != "id" or t.entry.form.pos != "noun" or t.first == 0:
            return None
        k = s.mention_at[t.first - 1]
        if k < 0 or s.mentions[k].kind != "agent" or "CRM" not in _types(s.mentions[k]):
            return None
        return k

    def _noun_author(self, s: _Sent, t: Trigger) -> int | None:
        """The mention after ``dari/from/oleh/by`` right after a nominal event."""
        bare = self.lang == "id" and s.words[t.first] == t.pattern.head[0]  # "kritik"
        if t.entry.form.pos != "noun" and not bare:
            return None
        for j in range(t.last + 1, min(len(s.words) - 1, t.last + 3)):
            if s.mention_at[j] >= 0 or self._stop(s, j):
                return None
            if self.lex.is_(s.words[j], "fromprep") or self.lex.is_(s.words[j], "agent"):
                j += 1
                while self.lang == "en" and j < len(s.words) - 1 and s.mention_at[j] < 0 \
                        and self._modifier(s.words[j]):
                    j += 1  # "a strike by 40,000 Brazilian workers": a number or article
                k = s.mention_at[j]
                return k if k >= 0 and s.m_first[k] == j else None
        return None

    def _nominal_object(self, s: _Sent, lo: int, i: int) -> bool:
        """Words ``lo..i-1`` (after the verb) are a noun object closed by its own
        agent: "calls by", "an appeal from" (the object's author is the target)."""
        span = s.words[lo:i]
        while span and (self.lex.is_(span[-1], "det") or self.lex.is_(span[-1], "filler")):
            span.pop()
        return 2 <= len(span) <= 5 and self.lex.is_(span[-1], "nomagent") and not any(
            self.lex.is_(w, "prep") or self.lex.is_(w, "agent") for w in span[:-1])

    def _agent(self, s: _Sent, t: Trigger) -> int | None:
        """Agent of a passive: ``oleh X`` / ``by X``, or (id) ``diserang Rusia``."""
        nxt = t.last + 1
        if self.lang == "id" and nxt < len(s.tokens) and s.mention_at[nxt] >= 0:
            # not the rest of a role noun the trigger phrase ran into ("tersangka korporasi")
            k = s.mention_at[nxt]
            return k if s.m_first[k] == nxt else None
        stop = min(len(s.tokens), t.last + 1 + TARGET_WINDOW)
        for i in range(t.last + 1, stop):
            if self._stop(s, i):
                return None
            if self.lex.is_(s.words[i], "agent"):
                for j in range(i + 1, min(stop, i + 4)):
                    if s.mention_at[j] >= 0:
                        return s.mention_at[j]
                return None
        return None

    def _passive(self, s: _Sent, t: Trigger) -> bool:
        if not t.entry.form.passive:
            return False
        if self.lang == "id":
            return True
        # English past participle: passive only after a form of "be", or right after
        # the noun it modifies once the clause has its verb ("students expelled by X")
        for i in range(t.first - 1, max(-1, t.first - 4), -1):
            if s.mention_at[i] >= 0:
                break
            if self.lex.is_(s.words[i], "aux"):
                return True
        return s.mention_at[t.first - 1] >= 0 and self._reduced_relative(s, t, -1)

    # -- 5. events --------------------------------------------------------------
    def code(self, sentence: Sentence, tokens: tuple[Token, ...], mentions: list[Mention],
             quotes: list[Quote], previous: Mention | None = None,
             enforcer: Mention | None = None) -> list[Coded]:
        """The events of one sentence; ``previous`` is the actor the sentence before
        was about (its subject), for a clause whose subject is an uncoded pronoun;
        ``enforcer`` the law-enforcement body the article last named, for an
        agentless passive of investigation or arrest."""
        s = self._view(sentence, tokens, mentions, quotes)
        s.previous, s.enforcer = previous, enforcer
        triggers = self._triggers(s)
        if not triggers:
            return []
        self._clauses(s, quotes)
        question = sentence.text.rstrip().endswith("?")
        governs: dict[int, tuple[str, list[int]]] = {}  # cue token -> (kind, governed triggers)
        kinds_of: list[list[str]] = []
        for n, t in enumerate(triggers):
            kinds, where = self._modality(s, t)
            for w, kind in zip(where, kinds, strict=False):
                governs.setdefault(w, (kind, []))[1].append(n)
            kinds_of.append(kinds)
        coded: list[list[Coded]] = []
        condition = s.condition
        for t, kinds in zip(triggers, kinds_of, strict=True):
            # "demanded that X withdraw": the demand is the event, not the withdrawal;
            # "… if Hamas ran in the election": a condition is no event either
            skip = "demand" in kinds or condition[0] < t.first <= condition[1]
            coded.append([] if skip else self._readings(s, t, kinds, question))
        self._drop_object_nouns(s, triggers, coded)
        self._drop_purposes(s, triggers, kinds_of, coded)
        self._drop_demanded(s, triggers, coded)
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
        return _dedupe(_drop_statements(out))

    def _drop_demanded(self, s: _Sent, triggers: list[Trigger],
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

    def _condition_clause(self, s: _Sent) -> tuple[int, int]:
        """Token range of an English condition clause ("if"/"unless"/"whether" …):
        to the first comma when it opens the sentence ("If X attacks, Y will …"),
        else to the end of the sentence. (-1, -1) when there is none."""
        if self.lang != "en" or not self._condition_words.intersection(s.words):
            return -1, -1
        for i, w in enumerate(s.words):
            if w not in self._condition_words:
                continue
            cue = self._cue_at(s, i, "sentence")
            if cue is None or cue.kind != "hypothetical":
                continue
            if any(s.mention_at[j] >= 0 or self._verb_like(s, j) for j in range(i)):
                return i, len(s.words)
            end = next((j for j in range(i + 1, len(s.words)) if s.words[j] == ","),
                       len(s.words))
            return i, end
        return -1, -1

    def _drop_object_nouns(self, s: _Sent, triggers: list[Trigger],
                           coded: list[list[Coded]]) -> None:
        """``accepted the demands``, ``rejected an invitation``, ``conceded to
        demands``: a nominal event that is the object of an evaluating verb
        (agree, yield, disapprove, reject) is that verb's content, not an event."""
        for n in range(1, len(triggers)):
            verb, noun = triggers[n - 1], triggers[n]
            evaluating = verb.pattern.code[:2] in EVALUATING_ROOTS
            # (an evaluating verb that found no target still owns its object: "conceded
            # at last to demands from …" is no demand by the one who conceded)
            if not ((coded[n - 1] or evaluating and self.lang == "en" and
                     not any(e.modality for e in coded[n])) and coded[n]) or \
                    verb.entry.form.pos != "verb":
                continue  # ("agreed to a ceasefire": the cue made the noun the event)
            gap = range(verb.last + 1, noun.first)
            if not evaluating:
                # English: a verb's nominal object of the same root, by the same actor,
                # repeats it ("will provide 25,000 tons of emergency food aid"); a
                # different one is the event itself ("organized a general strike")
                readings = [noun, *noun.alternatives]
                if self.lang != "en" or len(gap) > 6 or \
                        _family(verb.pattern.code) not in {_family(r.pattern.code)
                                                           for r in readings} or \
                        not any(r.entry.form.pos == "noun" for r in readings) or \
                        not {id(e.source) for e in coded[n]} <= \
                        {id(e.source) for e in coded[n - 1]} or \
                        not all(self._np_word(s, i) or self._modifier(s.words[i]) or
                                self.lex.is_(s.words[i], "partof") or
                                s.words[i][:1].isdigit() for i in gap):
                    continue
                coded[n] = []
                continue
            # ("agreed to US mediation": the noun's own doer may stand in the gap)
            agent = prenominal_mention(self, s, noun)
            if agent is not None and self.lang == "en" and \
                    all(e.code[:2] in VIOLENT_ROOTS for e in coded[n]):
                # "Tass denounced the U.S. attack on Iran": violence with its own doer
                # is an act of its own (a CAMEO coder records it), not only the content
                continue
            if agent is not None:
                gap = range(verb.last + 1, min(noun.first, s.m_first[agent]))
            if len(gap) <= 2 and all(s.mention_at[i] < 0 and not self._stop(s, i)
                                     for i in gap) and (self._nominal(s, noun) or (
                    self.lang == "en" and any(r.entry.form.pos == "noun"
                                              for r in noun.alternatives))):
                coded[n] = []

    def _drop_purposes(self, s: _Sent, triggers: list[Trigger], kinds_of: list[list[str]],
                       coded: list[list[Coded]]) -> None:
        """``staged demonstrations to demand reforms``, ``offered troops to help
        him``: an infinitive of purpose after an event of the same source is part
        of that event (one event per clause, as CAMEO coders record it). Verbs
        governed by a modal cue ("agreed to", "threatened to") are kept."""
        for n in range(1, len(triggers)):
            t = triggers[n]
            if not coded[n] or t.first == 0 or not self.lex.is_(s.words[t.first - 1], "inf"):
                continue
            if any(k in kinds_of[n] for k in ("intent", "threat", "reject", "demand", "control")):
                continue
            sources = {id(e.source) for e in coded[n]}
            if any(id(e.source) in sources for j in range(n) for e in coded[j]):
                coded[n] = []

    def _nominal(self, s: _Sent, t: Trigger) -> bool:
        return t.entry.form.pos == "noun" or (t.first > 0 and
                                              self.lex.is_(s.words[t.first - 1], "det"))

    def _readings(self, s: _Sent, t: Trigger, kinds: list[str], question: bool) -> list[Coded]:
        """Events of the first reading of the trigger (verb, noun…) that codes any."""
        for reading in [t, *t.alternatives]:
            if reading.pattern.code == NO_EVENT:
                return []  # "accepted his resignation": the phrase is no event
            coded = self._events(s, reading, kinds, question)
            if coded or "objto" in reading.pattern.flags:
                return coded  # ("wants American wheat": no other reading of "want")
        return []

    def _roles(self, s: _Sent, t: Trigger, modal: bool = False
               ) -> tuple[list[Mention | None], list[Mention | None], bool]:
        """Sources, targets and whether they were inferred; ``modal``: a cue
        governs the trigger ("refused to respond to a demand from X")."""
        quote = self._quote_of(s, t.first)
        if quote is not None and quote[3]:
            # reported speech ("Russia said Sudan must …", "X said it would …") is
            # the reporter's clause too: roles are read across it
            quote = None
        floor = quote[0] if quote else 0
        inferred = False
        if "clause" in t.pattern.flags:
            return self._clause_roles(s, t, floor)
        if self._passive(s, t):
            src_k = self._agent(s, t)
            # (English: the subject itself before a mention inside it: "The Israeli
            # attack on Lebanon was condemned" is about the attack's author)
            tgt_k = self._subject(s, t, floor, allow_oblique=False) \
                if self.lang == "en" else None
            if tgt_k is None or tgt_k == SPEAKER:
                tgt_k = self._subject(s, t, floor, allow_oblique=True)
            tgt_k = None if tgt_k == SPEAKER else tgt_k
            inferred = True
        else:
            src_k = self._subject(s, t, floor, allow_oblique=False, in_quote=quote is not None)
            tgt_k, possessor = self._target(s, t)
            if src_k is None and s.words[t.first] == t.pattern.head[0]:
                # a bare head opening its clause reads as a noun: "Sanksi Barat terhadap Rusia"
                tgt_k, possessor = self._target(s, t, noun=True)
            agent = prenominal_agent(self, s, t)
            if agent is not None and agent != tgt_k:
                # "the U.S. attack on Iran", "Israel's raids": the doer of the noun
                src_k, inferred = agent, True
            elif possessor is not None and tgt_k is not None:
                src_k, inferred = possessor, True
            elif possessor is not None and src_k is None and "sym" in t.pattern.flags:
                # "Kolaborasi Kejaksaan, BPN & Kemenag": coordinated possessors of a
                # reciprocal noun act on each other
                src_k, inferred = possessor, True
            doer = self._doer(s, t)
            if doer is not None:
                # "pelaku pembunuhan Riky": the doer noun right before a nominal event
                # is its source, the noun's genitive its target
                src_k, inferred = doer, True
                if tgt_k is None or tgt_k == doer:
                    tgt_k = possessor
            author = None if modal else self._noun_author(s, t)
            if author is not None:
                # "kritik keras dari Israel", "criticism from Israel": the author acts
                # on the subject (or on the noun's own target)
                if tgt_k is None or tgt_k == author:
                    tgt_k = src_k if src_k not in (None, SPEAKER) else None
                src_k, inferred = author, True
        speaker = quote[2] if quote else None
        if src_k == SPEAKER:
            verbal = t.pattern.code[:2] in VERBAL_ROOTS or "verbal" in t.pattern.flags
            sources: list[Mention | None] = [speaker] if (speaker and verbal) else []
            inferred = True
        elif src_k is None:
            sources = []
            enforcer = enforcer_source(self, s, t)
            if enforcer is not None:
                # "Lisa ditetapkan sebagai tersangka": by the body investigating her
                sources, inferred = [enforcer], True
            elif s.previous is not None and quote is None and not self._passive(s, t) and \
                    carried_subject(self, s, t.first):
                # "An all-party committee said … . It blamed the DCA …": the pronoun
                # no coreference resolved stands for the previous sentence's subject
                sources, inferred = [s.previous], True
        else:
            sources = [s.mentions[m] for m in s.group[src_k]]
        targets: list[Mention | None] = (
            [s.mentions[m] for m in s.group[tgt_k]] if tgt_k is not None else [None])
        return sources, targets, inferred

    def _clause_roles(self, s: _Sent, t: Trigger, floor: int
                      ) -> tuple[list[Mention | None], list[Mention | None], bool]:
        """``X said (that) Y must …``: the trigger's own subject Y is the target,
        the subject of the reporting clause X the source."""
        for i in range(t.first - 1, max(floor - 1, t.first - 6), -1):
            k = s.mention_at[i]
            if k >= 0:
                start = s.m_first[s.group[k][0]]
                for j in range(start - 1, max(-1, start - 4), -1):
                    if self.lex.is_(s.words[j], "comp"):
                        start = j  # "declared that (the Sudanese) government must …"
                        break
                targets = s.group[k]
                opener = self._clause_opener(s, t.first, floor)
                if self.lang == "en" and opener is None:
                    # "People in Wales must have registered by Friday": no reporting
                    # clause ("said", "that") opens the modal's clause, so nobody
                    # demands anything of its subject
                    return [], [None], True
                if self.lang == "en" and opener is not None and opener < start:
                    # "announced that President Kagame and his Rwandan Patriotic Front
                    # must …": the whole subject between "that" and "must" is the target
                    start = opener
                    targets = [m for m in range(len(s.mentions))
                               if opener < s.m_first[m] < t.first and not self._oblique(s, m)]
                src_k = self._subject(s, t, floor, allow_oblique=False, start=start)
                if src_k is None or src_k == SPEAKER or not targets:
                    return [], [None], True
                return ([s.mentions[m] for m in s.group[src_k]],
                        [s.mentions[m] for m in targets], True)
            if self._stop(s, i) and not self.lex.is_(s.words[i], "comp"):
                break  # "reminded Iraq that it must …" reads through "that it"
        return [], [None], True

    def _clause_opener(self, s: _Sent, i: int, floor: int) -> int | None:
        """English: the complementiser ("that") or reporting verb ("said") that opens
        the clause of the trigger at ``i``, when the words up to it could be that
        clause's subject."""
        for j in range(i - 1, max(floor - 1, i - 12), -1):
            w = s.words[j]
            if s.mention_at[j] >= 0:
                continue
            if self.lex.is_(w, "comp") or self.lex.is_(w, "attrib"):
                return j
            if self._stop(s, j) or self._verb_like(s, j):
                return None
        return None

    def _events(self, s: _Sent, t: Trigger, kinds: list[str], question: bool) -> list[Coded]:
        p = t.pattern
        if "counterfactual" in kinds:
            return []  # "a win by Kerry would have given Blair …": it did not happen
        possible = "possible" in kinds and not any(
            k in kinds for k in ("negation", "reject", "intent", "threat"))
        if possible:
            # "may be able to lift sanctions", "could impose tariffs": a possibility its
            # actor states is coded like an intent (03x; 13x for conflict codes)
            kinds = [*kinds, "intent", "hypothetical"]
        if "intent" in kinds and self._conditioned(s, t):
            # "will withdraw its force unless …": a conditional intent is a threat
            kinds = [k for k in kinds if k != "intent"] + ["threat"]
        if "negation" in kinds and p.code[:2] in REFUSABLE_ROOTS and "reject" not in kinds:
            # "will not accept refugees", "did not allow": CAMEO codes the refusal (12x)
            kinds = [k for k in kinds if k not in ("negation", "intent")] + ["reject"]
        sources, targets, inferred = self._roles(s, t, modal=any(
            k in kinds for k in ("intent", "threat", "reject", "demand", "negation")))
        # an actor nobody could code ("Andi") makes no event ("" triples are noise)
        sources = [m for m in sources if m is not None and m.code]
        targets = [m for m in targets if m is None or m.code] or [None]
        if "objto" in p.flags and not object_infinitive(self, s, targets[0]):
            return []  # "wants Japanese goods": no appeal without "Y to do"
        if targets == [None] and sources:
            implied = implied_target(self, s, t, sources[0])
            if implied is not None:  # "KPK menyita uang": someone of its own country
                targets = [implied]
            else:  # "Iran said U.S. forces attacked two of its oil platforms"
                owner = possessive_target(self, s, t, sources[0])
                targets = [owner] if owner is not None else targets
        if not sources and self.lang == "en":
            # "a roadside bomb near Samarra killed two U.S. soldiers": PLOVER's
            # unidentified actor (UNK) of the country where it happened
            unknown = unknown_actor(self, s, t, targets[0], self._passive(s, t))
            if unknown is not None:
                sources, inferred = [unknown], True
                if targets == [None]:  # a crowd's strike with no target: dissent at home
                    implied = implied_target(self, s, t, unknown)
                    targets = [implied] if implied is not None else targets
        pairs: list[tuple[Mention, Mention | None]] = []
        symmetric = "sym" in p.flags or self.lang == "en" and p.code[:2] in RECIPROCAL_ROOTS
        if targets == [None] and symmetric and len(sources) > 1 and \
                self._near(s, sources[-1], t):
            # ("Pakistan and India resumed talks": a meeting of coordinated subjects is
            # mutual, whichever dictionary row coded it)
            pairs = [(a, b) for a in sources for b in sources if a is not b and a and b]
        elif self.lang == "en" and not sources and len(targets) > 1 and \
                ("sym" in p.flags or p.code[:2] in RECIPROCAL_ROOTS) and \
                None not in targets and self._between(s, targets[0]) and \
                not self._background_noun(s, t):
            # "talks between the EC and the United States": the coordinated
            # actors of a reciprocal noun act on each other
            pairs = [(a, b) for a in targets for b in targets if a is not b]
        else:
            pairs = [(a, b) for a in sources for b in targets
                     if a is not None and (b is not None or "notarget" in p.flags
                                           or not p.target)]
            if self.lang == "en" and "sym" in p.flags and p.code[:2] in RECIPROCAL_ROOTS \
                    and not kinds:
                # "X met Y", "talks with Y": a meeting is mutual; Y meets X too
                pairs += [(b, a) for a, b in pairs if b is not None and not _weak(b)]
        code = p.code
        if code[:2] == "02" and self.lex.is_(s.words[t.first], "demandverb"):
            code = self.shifts.demand(code)  # "demanded support": a demand, not an appeal
        modality = [k for k in ("intent", "threat", "reject") if k in kinds]
        for k in modality:
            if k == "intent" and "done" in p.flags and "hypothetical" not in kinds:
                continue  # "will stand down": announcing it is the resignation
            code = self.shifts.shift(code, k)
        flags = list(dict.fromkeys(modality))
        if "hypothetical" in kinds:
            flags.append("hypothetical")
        if question:
            flags.append("question")
        if self._quote_of(s, t.first):
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
            actor_code = self.actor_shifts.shift(code, _types(a))
            if self.lang == "en" and actor_code[:2] == "14" and self._state_subject(s, t, a):
                # "France protested to Canada": a state's protest is an official
                # complaint (CAMEO 114), not a demonstration of its people
                actor_code = "114"
            if actor_code[:2] in ("18", "19") and b is not None and _verbal_fight(a, b):
                actor_code = "111"  # "the Tories attacked Labour's plans": criticism
            elif actor_code[:2] in ("18", "19") and _unarmed(a):
                continue  # "Lib Dems target the student vote": parties have no weapons
            out.append(Coded(t, actor_code, a, b, self._evidence(s, t, a, b), tuple(flags),
                             "negation" in kinds, round(max(conf, 0.05), 2)))
        return out

    def _between(self, s: _Sent, m: Mention) -> bool:
        """The mention follows "between" (and determiners): "talks between the EC and …"."""
        k = next((k for k, x in enumerate(s.mentions) if x is m), -1)
        j = s.m_first[k] - 1 if k >= 0 else -1
        while j >= 0 and self.lex.is_(s.words[j], "det"):
            j -= 1
        return j >= 0 and s.words[j] == "between"

    def _background_noun(self, s: _Sent, t: Trigger) -> bool:
        """A nominal event inside a prepositional phrase or a subordinate clause
        ("because of fighting between …", "as street battles raged between …") is
        background to the sentence's event, not an event of its own."""
        for j in range(t.first - 1, max(-1, t.first - 4), -1):
            w = s.words[j]
            if self.lex.is_(w, "prep") or self.lex.is_(w, "conj") or self._stop(s, j):
                return True
            if s.mention_at[j] >= 0 or self._verb_like(s, j) or w in (",", ":"):
                return False
        return False

    def _conditioned(self, s: _Sent, t: Trigger) -> bool:
        """An ultimatum condition ("unless", "kecuali") follows in the sentence; a
        plain "if" stays an offer ("would meet him if he gave them a veto")."""
        return any(self.lex.is_(w, "condition") for w in s.words[t.last + 1:])

    def _near(self, s: _Sent, m: Mention | None, t: Trigger) -> bool:
        """Coordinated subjects act on each other only as the verb's own subject."""
        if m is None:
            return False
        gap = [i for i in range(t.first) if s.tokens[i].start >= m.end]
        return len(gap) <= 4

    def _evidence(self, s: _Sent, t: Trigger, a: Mention, b: Mention | None) -> tuple[int, int]:
        lo, hi = s.tokens[t.first].start, s.tokens[t.last].end
        sent_lo, sent_hi = s.tokens[0].start, s.tokens[-1].end
        for m in (a, b):
            if m is not None and sent_lo <= m.start and m.end <= sent_hi:
                lo, hi = min(lo, m.start), max(hi, m.end)
        return lo, hi


def _family(code: str) -> str:
    """The root of ``code``, with roots that one act's verb and noun share merged."""
    return _ROOT_FAMILY.get(code[:2], code[:2])


def _title_case(tokens: tuple[Token, ...]) -> bool:
    """A headline: most words capitalised (Indonesian bare roots and English
    capitalised words read as verbs there)."""
    alpha = [t.text for t in tokens if t.text[:1].isalpha()]
    return sum(w[0].isupper() for w in alpha) > 0.6 * len(alpha)


def _all_entries(found: WordEntries) -> list[Entry]:
    return found.plain + [e for group in (found.after, found.prefixes)
                          for pairs in group.values() for e, _ in pairs]


def _types(m: Mention) -> frozenset[str]:
    """CAMEO type codes of an actor: its roles, else the 3-letter groups of its code."""
    if m.roles:
        return frozenset(m.roles)
    code = m.code[3:] if m.country and m.code.startswith(m.country) else m.code
    return frozenset(code[i:i + 3] for i in range(0, len(code), 3))


#: verb particles between a verb and its object ("shrugged off claims")
_PARTICLES = frozenset({"off", "up", "down", "out", "back"})


#: civilian political actors: violence between two of them in one country is
#: a figure of speech ("the Tories attacked Labour", "the minister hit back")
_POLITICAL = frozenset({"PTY", "LEG", "OPP", "GOV", "ELI"})


#: actors that can use force: an attack by or on one of them stays violent
_ARMED = frozenset({"MIL", "COP", "SPY", "REB", "INS", "UAF", "RAD", "CRM", "SEP", "TER"})
#: parties and legislatures have no weapons of their own
_UNARMED = frozenset({"PTY", "LEG"})


def _verbal_fight(a: Mention, b: Mention) -> bool:
    """An "attack" inside one country where neither side can use force and
    both are politicians, governments, parties or legislators, or the target
    is a party or legislature ("refugee agencies attacked the Tories"): verbal (11x)."""
    if not a.country or a.country != b.country:
        return False
    ta, tb = _types(a), _types(b)
    if (ta | tb) & _ARMED:
        return False
    return bool(ta and tb and ta <= _POLITICAL and tb <= _POLITICAL) or \
        bool(tb & _UNARMED)


def _unarmed(m: Mention) -> bool:
    """A party or a legislature: its "attacks" and "targets" are figures of speech."""
    t = _types(m)
    return bool(t) and t <= _UNARMED


def _weak(m: Mention) -> bool:
    """A bare agent ("troops", "officials") with no country of its own, or with
    one only guessed from context (here in events/countries.py, or by the actor
    stage, whose guesses carry the method "role+context")."""
    if m.method in (COUNTRY_FROM_CONTEXT, "role+context"):
        return True
    return not m.country and len(m.code) <= 3 and m.code not in _ORG_CODES


def _drop_statements(events: list[Coded]) -> list[Coded]:
    """CAMEO codes a statement (01x) only when it implies nothing more: a source's
    "declared that China must …" is its demand, not also a statement."""
    acting = {id(e.source) for e in events if not e.code.startswith("01")}
    return [e for e in events if not (e.code.startswith("01") and id(e.source) in acting)]


def _dedupe(events: list[Coded]) -> list[Coded]:
    seen: set[tuple] = set()
    out = []
    for e in events:
        key = (e.code, e.source.start, e.target.start if e.target else -1)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out

