"""Role rules that read one construction each (most of them English).

The engine (``events/engine.py``) finds a trigger's source and target by word
order; the functions here refine that for constructions whose roles word order
alone gets wrong. Each takes the coder (for its word classes and pattern
index) and the sentence view. The few closed-class words they name (topic
prepositions, locative prepositions, pronouns) are grammar, not vocabulary;
they would move to ``patterns_words.tsv`` classes once the lexicon declares
them.

* closing attributions: ", a spokesman for Keidanren said today.": the
  reporter phrase (no verb of its own) is never a target;
* new clauses: "Israel attacked Lebanon and Syria condemned …": a mention
  after "and" with its own finite verb is no second object; "called on the
  government to seek help from the IMF": an infinitive ends the search for a
  better target; "… as Washington wants": nor does it cross a conjunction
  opening a clause;

* prenominal agents: "the U.S. attack on Iran", "Israel's air raids on
  Lebanon": the actor written right before an event noun is its doer, even
  inside a prepositional phrase ("a statement on the U.S. attack");
* fronted attributions: "Kata Hendra, risiko … mengancam": the reporter before
  the comma is not the clause's subject;
* complement clauses: "predicted Iran will retaliate", "mengatakan Rusia akan
  membantu": a mention followed by its verb's auxiliaries (modal cues) is that
  verb's subject, not the object of the verb before it;
* carried subjects: "An all-party committee said … . It blamed the DCA": a
  pronoun subject no coreference resolved stands for the actor the sentence
  before opened with (or the source of its events);
* subjects inside quotes: "“It condemns Japan,” an official said": a
  pronoun subject other than *I/we* is not the speaker;
* topics: "talks on Ukraine", "discussed Argentina's economy": what a
  statement, agreement or meeting is about is not its target;
* unattributed violence: "a roadside bomb near Samarra killed two U.S.
  soldiers": PLOVER codes an unidentified actor (sector ``UNK``, "two
  civilians were killed by a bomb") of the country where it happened;
* agentless law enforcement (Indonesian): "Lisa ditetapkan sebagai tersangka",
  "saksi diperiksa": the investigating body is the one the article last named
  (a COP/JUD actor, or a word of the ``enforcer`` class: KPK);
* possessive targets (English): "Iran said U.S. forces attacked two of its oil
  platforms": an object owned by "its"/"their" with no actor named belongs to
  the reporter of the clause (an actor of another country than the doer), who
  is then the target;
* implied domestic targets (Indonesian): "KPK menyita uang", "Pemkot
  menyalurkan bantuan", "meminta jajarannya …", "mengecam keputusan itu":
  appeals, criticism, protest, aid, investigation and coercion whose object is
  a thing or an unnamed group act on someone of the source's own country (in
  English only protests and strikes: "10,000 marched against price rises"), as the
  annotation rules of benchmarks/gold code them (IDN→IDN). The target is then
  the country alone (method ``implied-domestic``, confidence 0.5);
* self-meetings (English): "EC foreign ministers met in Brussels", "OPEC is
  scheduled to meet": a plural group of one side or an international body
  meeting with no partner named meets within its own side (EUR→EUR, IGO→IGO).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..model import Mention

if TYPE_CHECKING:  # (the engine imports this module)
    from .engine import SentenceCoder, Trigger, _Sent
    from .modality import Lexicon

#: adverbs that may stand between a subject and its verb ("which later killed")
_ADVERB_END = "ly"
#: CAMEO roots of violence whose doer PLOVER records as unidentified (UNK) when
#: the text names none
UNATTRIBUTED_ROOTS = frozenset({"18", "19", "20"})
#: prepositions that place an event ("near Samarra", "outside Basra", "in Kabul")
LOCATIVE = frozenset({"in", "near", "outside", "at", "inside", "around", "of", "di"})
#: per language: the codes whose agentless passive takes the article's last
#: law-enforcement body as source (investigations, arrests, seizures)
ENFORCER_CODES = {"id": (frozenset({"09"}), frozenset({"173", "1711"}))}
#: per language: roots whose untargeted verb event acts on the source's own country
IMPLIED_TARGET_ROOTS = {"id": frozenset({"02", "07", "09", "11", "14", "17"}),
                        "en": frozenset({"14"})}
#: roots whose target-less patterns (nouns too) take the implied target: a
#: protest or strike with no named target ("10,000 marched in protest against
#: price rises", "a seamen's strike") is dissent at home, which the English gold
#: sets (benchmarks/gold/README.md) code as the source's own country both sides
IMPLIED_ANY_FORM = {"en": frozenset({"14"})}
#: per language: single codes that take the implied target like those roots: a
#: resignation with no one named who demanded it ("the minister resigned") yields
#: to pressure at home (CAMEO 0831; the English gold sets code it X→X)
IMPLIED_CODES = {"en": frozenset({"0831"})}
#: per language: meeting and negotiation codes whose lone plural or collective
#: subject, with no partner named, meets within its own body: "EC finance ministers
#: met in Brussels", "OPEC will meet in Vienna next month", "Soviet officials held
#: talks on Tuesday" (the English gold sets code EUR→EUR, IGO→IGO); never a visit
#: (042/043), which has a host
SELF_MEETING_CODES = {"en": frozenset({"040", "046"})}
#: words that may follow a self-meeting's verb: a place, a time or a purpose, not an
#: object ("will meet major donors": a partner no dictionary codes); with the
#: prepositions, the ``time`` class and adverbs in -ly
_SELF_MEETING_NEXT = frozenset({"again", "here", "there", "tomorrow", "next", "this", "later",
                                "behind", "to", ".", ",", ";", "today", "tonight"})
#: the method of a role-only agent's country taken from the event's place
#: (``events/countries.py``), which a self-meeting does not trust
GUESSED_COUNTRY = "event-context-country"
#: the method of such an implied target
IMPLIED_METHOD = "implied-domestic"
#: its name (GDELT Actor2Name): no text names it
IMPLIED_NAME = "unnamed domestic party"
#: roots whose unnamed doers are civilians of the place (protests, strikes)
CROWD_ROOTS = frozenset({"14"})
#: the method of such a crowd actor, and how far into the sentence its verb may be
CROWD_METHOD = "event-place-civilians"
CROWD_REACH = 10
#: how far after a passive verb its "by" phrase may start
AGENT_REACH = 4
#: the unidentified actor's method (its country comes from the event's place)
UNKNOWN_METHOD = "event-place-unknown-actor"
#: statements, agreements and meetings: what follows *on/about/over* is their
#: topic ("talks on Ukraine"), never their partner
TOPIC_ROOTS = frozenset({"01", "03", "04"})
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
#: consultations and negotiations, whose object can be a topic ("discussed X's economy");
#: not visits and hosting (042, 043: "will host Mr Brown's speech")
DISCUSSION_CODES = frozenset({"040", "041", "046"})
#: words that open a time phrase after an object ("visit China next week")
_TIME_MODIFIERS = frozenset({"next", "last", "this", "later", "earlier", "early", "late"})
#: pronouns that, uncoded, stand for the previous sentence's subject
CARRIED_PRONOUNS = frozenset({"it", "they", "he", "she"})
#: the first mention of a sentence is its subject when it starts this early
OPENING_REACH = 4
#: the longest reporter phrase of a closing attribution (", a spokesman … said")
ATTRIBUTION_SPAN = 16
#: at most this many lower-case modifiers between a prenominal actor and its
#: event noun ("Israeli air raids", "U.S. military strikes")
PRENOMINAL_GAP = 2
#: possessive pronouns that may name the owner of an event's object ("its oil
#: platforms") and how far after the trigger they may stand ("two of its …")
POSSESSIVES = frozenset({"its", "their"})
POSSESSIVE_REACH = 4


def _verb_chain_start(c: SentenceCoder, s: _Sent, first: int) -> int:
    """The first token of the auxiliaries and adverbs right before ``first``
    ("which had later killed": the position of "had")."""
    j = first
    while j > 0 and s.mention_at[j - 1] < 0:
        w = s.words[j - 1]
        if c.lex.is_(w, "aux") or c.lex.is_(w, "vaux") or c.lex.is_(w, "filler") and \
                not c.lex.is_(w, "det") or w.endswith(_ADVERB_END) and w.isalpha() or \
                w in ("not", "n't"):
            j -= 1
            continue
        break
    return j


def prenominal_agent(c: SentenceCoder, s: _Sent, t: Trigger) -> int | None:
    """English: the actor written right before an event noun ("the U.S. attack",
    "Israel's raids", "Palestinian suicide bombings") as its source, or None: not
    when the noun is a verb's object ("backed the U.S. attack", "before allowing
    U.N. aid convoys"), where the verb is the event and the noun its content;
    violence keeps its doer there too ("denounced the U.S. attack on Iran": the
    attack is the United States' act, which a coder records besides the denial)."""
    k = prenominal_mention(c, s, t)
    if k is None or c._verb_object(s, s.m_first[k]) and \
            t.pattern.code[:2] not in UNATTRIBUTED_ROOTS:
        return None
    return k


def prenominal_mention(c: SentenceCoder, s: _Sent, t: Trigger) -> int | None:
    """English: the actor mention written right before an event noun (see
    prenominal_agent), wherever the noun stands."""
    if c.lang != "en" or t.entry.form.pos != "noun":
        return None
    j = t.first - 1
    gap = 0
    while j >= 0 and s.mention_at[j] < 0 and gap < PRENOMINAL_GAP and \
            s.tokens[j].text.isalpha() and s.tokens[j].text.islower() and \
            c._np_word(s, j) and not c._modifier(s.words[j]) and \
            not c.lex.is_(s.words[j], "time"):
        j -= 1
        gap += 1
    if j >= 0 and s.words[j] in ("'s", "’s"):
        j -= 1
    if j < 0 or s.mention_at[j] < 0:
        return None
    k = s.mention_at[j]
    m = s.mentions[k]
    if s.m_last[k] != j or m.kind in ("place", "pronoun") or not m.code:
        return None
    return s.group[k][0]


def clause_subject(c: SentenceCoder, s: _Sent, lead: int, k: int, first: int) -> bool:
    """English: mention ``k`` (of the coordination led by ``lead``), right after a
    verb and right before the auxiliaries of the verb at ``first`` ("predicted Iran
    will retaliate", "said Iraq and Syria had attacked"), is that verb's subject,
    not the object of the verb before it."""
    last = s.m_last[k]
    if c.lang == "id":
        # "Prabowo mengatakan Rusia akan membantu Indonesia": after a verb of saying,
        # a mention followed by its verb (and modal cues: "akan", "tidak") is its subject
        j = s.m_first[lead] - 1
        return j >= 0 and s.mention_at[j] < 0 and c.lex.is_(s.words[j], "attrib") and \
            all(c._cue_at(s, i, "back") is not None for i in range(last + 1, first))
    if c.lang != "en" or last >= first - 1:
        return False
    j = s.m_first[lead] - 1
    while j >= 0 and c._modifier(s.words[j]):
        j -= 1
    if j < 0 or s.mention_at[j] >= 0 or c.lex.is_(s.words[j], "prep") or \
            not c._verb_like(s, j):
        return False  # ("missions in the United States are …": a prepositional phrase)
    start = _verb_chain_start(c, s, first)
    return start == last + 1 and any(
        c.lex.is_(s.words[j], "vaux") or c.lex.is_(s.words[j], "aux")
        for j in range(start, first))


def carried_subject(c: SentenceCoder, s: _Sent, first: int) -> bool:
    """English: the verb at ``first`` opens its sentence with a pronoun subject that
    no coreference resolved ("It blamed …", "They also accused …"), so it stands
    for the subject of the sentence before."""
    if c.lang != "en":
        return False
    j = _verb_chain_start(c, s, first) - 1
    if j < 0 or s.mention_at[j] >= 0 or s.words[j] not in CARRIED_PRONOUNS:
        return False
    return all(s.tokens[i].is_punct or c.lex.is_(s.words[i], "coord") or
               c.lex.is_(s.words[i], "conj") or s.words[i] == "but" for i in range(j))


def opening_actor(mentions: list[Mention], tokens: tuple, lang: str) -> Mention | None:
    """The actor a sentence opens with (its subject, by position: the first
    mention, starting within its first OPENING_REACH tokens), for the next
    sentence's uncoded pronoun."""
    if lang != "en" or not mentions:
        return None
    m = mentions[0]
    if not m.code or m.kind in ("place", "pronoun") or (
            len(tokens) > OPENING_REACH and tokens[OPENING_REACH].start < m.end):
        return None  # (it starts, or runs, past the first OPENING_REACH tokens)
    return m


def fronted_attribution(c: SentenceCoder, s: _Sent, comma: int) -> bool:
    """The words before ``comma`` are a fronted attribution: an attribution word
    and the reporter ("Kata Hendra,", "Menurut Polda,", "According to Iraq,")."""
    j = comma - 1
    if j < 0 or s.mention_at[j] < 0:
        return False
    j = s.m_first[s.mention_at[j]] - 1
    while j >= 0 and (c.lex.is_(s.words[j], "prep") and s.words[j] == "to" or
                      c._modifier(s.words[j])):
        j -= 1
    return j >= 0 and c.lex.is_(s.words[j], "attrib") and \
        all(s.tokens[i].is_punct or c.lex.is_(s.words[i], "coord") for i in range(j))


def quote_pronoun_subject(c: SentenceCoder, s: _Sent, first: int) -> bool:
    """Inside a quote: a pronoun other than I/we right before the verb ("It
    condemns Japan") is its subject, so the speaker is not."""
    j = _verb_chain_start(c, s, first) - 1
    return j >= 0 and s.mention_at[j] < 0 and c.lex.is_(s.words[j], "pron")


def unknown_actor(c: SentenceCoder, s: _Sent, t: Trigger, target: Mention | None,
                  passive: bool) -> Mention | None:
    """An unidentified actor for violence that names no doer: of the country of
    the place the sentence sets it in ("near Samarra", "in Tel Aviv"), coded
    with PLOVER's sector UNK. Only for a passive without agent ("were killed by
    a bomb") or a subject that is a thing opening the sentence ("A roadside
    bomb … killed"); None when no place with a country is named."""
    crowd = crowd_protest(c, s, t, target, passive)
    if crowd:
        pass  # "7,000 miners went on strike at South African mines": its people
    elif target is None or t.pattern.code[:2] not in UNATTRIBUTED_ROOTS:
        return None
    elif not (_thing_agent(c, s, t.last) if passive else _thing_subject(c, s, t)):
        return None
    if any(c._stop(s, i) and s.words[i] != "that" for i in range(t.first)):
        # "… in Montenegro where 28 people have been killed": background, and its
        # place may not be where the main clause's actors are
        return None
    for k, m in enumerate(s.mentions):
        first = s.m_first[k]
        if m is target and not crowd or not m.country or len(m.country) != 3 or \
                m.kind not in ("place", "country") or first == 0:
            continue
        j = first - 1
        while j > 0 and c._modifier(s.words[j]):
            j -= 1
        if s.words[j] in LOCATIVE and s.mention_at[j] < 0 and j < s.tail:
            if crowd:
                return dataclasses.replace(
                    m, code=m.country + "CVL", name="unnamed protesters", roles=("CVL",),
                    kind="agent", method=CROWD_METHOD, confidence=0.5, entity="")
            return dataclasses.replace(
                m, code=m.country + "UNK", name="unidentified actor", roles=("UNK",),
                kind="agent", method=UNKNOWN_METHOD, confidence=0.5, entity="")
    return None


def crowd_protest(c: SentenceCoder, s: _Sent, t: Trigger, target: Mention | None,
                  passive: bool) -> bool:
    """English: a protest or strike (root 14) whose doers are people no dictionary
    codes ("7,000 black miners went on strike at South African mines", "thousands
    marched in Seoul"): the subject words before the trigger are lower-case plain
    words (no actor, no verb of another clause), so the doers are civilians of the
    country where it happened."""
    if c.lang != "en" or passive or t.pattern.code[:2] not in CROWD_ROOTS:
        return False
    if target is not None and target.method != IMPLIED_METHOD and \
            target.kind not in ("place", "country"):
        return False  # (a place the strike is "at" or "in" is where it happened)
    if t.first == 0 or t.first > CROWD_REACH:
        return False
    people = False
    for j in range(t.first):
        w = s.words[j]
        if s.mention_at[j] >= 0 or c._stop(s, j) or c.lex.is_(w, "comp") or \
                c.lex.is_(w, "attrib"):
            return False
        if s.tokens[j].text.isalpha() and s.tokens[j].text.islower() and w.endswith("s"):
            people = True  # a plural noun ("miners", "thousands", "students")
    return people


def topic(c: SentenceCoder, s: _Sent, t: Trigger, k: int) -> bool:
    """English: mention ``k`` right of a statement, agreement or meeting is what it
    is about, not its partner: "talks on Ukraine", "a report about Iran", "agreed
    on Japan's quota" (after *on/about/over*), "discussed Argentina's economy",
    "the Chad political situation" (a meeting's object that only modifies a
    thing)."""
    root = t.pattern.code[:2]
    if c.lang != "en" or root not in TOPIC_ROOTS:
        return False
    first = s.m_first[k]
    j = first - 1
    while j > t.last and (c._modifier(s.words[j]) or s.tokens[j].text.islower() and
                          c._np_word(s, j) and s.mention_at[j] < 0):
        j -= 1  # ("on the Iranian", "about Japanese")
    if j > t.last and s.words[j] in TOPIC_PREPS:
        return True
    if t.pattern.code[:3] not in DISCUSSION_CODES:
        return False  # ("will host Mr Brown's speech": a visit's object is its host)
    # the object of a meeting verb that modifies a following thing ("discussed
    # Argentina's economy", "to discuss the Chad political situation")
    end = s.m_last[k] + 1
    possessive = s.words[end - 1].endswith(("'s", "’s"))  # (one token: "Ukraine's")
    if end < len(s.words) and s.words[end] in ("'s", "’s"):
        end, possessive = end + 1, True
    n = end
    while n < len(s.words) and s.mention_at[n] < 0 and s.tokens[n].text.isalpha() and \
            s.tokens[n].text.islower() and c._np_word(s, n):
        if c.lex.is_(s.words[n], "time") or s.words[n] in _TIME_MODIFIERS:
            return False  # "will visit China next week": a time phrase, no thing
        n += 1
    # a possessive before a thing, or an adjective before two words ("the Chad political
    # situation"; one word could be a person: "his Swiss counterpart")
    return n > end and (possessive or n - end >= 2) and \
        (n >= len(s.words) or s.mention_at[n] < 0)


def new_clause_subject(c: SentenceCoder, s: _Sent, prev: int, k: int) -> bool:
    """English: mention ``k`` after "and" is the subject of a clause of its own, not
    a second object of the verb before ``prev``: "Israel attacked Lebanon and Syria
    condemned the raid" (a verb's object, then a mention with its own finite verb).
    Indonesian: a mention after a bare comma that follows an oblique one and
    stands right before a verb opens a clause: "Mahasiswa Berunjuk Rasa di
    Depan Gedung DPR, Polisi Tangkap 20 Orang" (the police arrest, not the
    students)."""
    n = s.m_last[k] + 1
    if c.lang == "id" and \
            [s.words[i] for i in range(s.m_last[prev] + 1, s.m_first[k])] == [","] and \
            n < len(s.words) and s.mention_at[n] < 0 and \
            not c.lex.is_(s.words[n], "prep") and c._verb_like(s, n) and c._oblique(s, prev):
        return True
    if c.lang != "en":
        return False
    j = s.m_first[prev] - 1
    while j >= 0 and s.mention_at[j] < 0 and c._modifier(s.words[j]):
        j -= 1
    if j < 0 or s.mention_at[j] >= 0 or c.lex.is_(s.words[j], "prep") or \
            not c._verb_like(s, j):
        return False  # ("talks between Iraq and Jordan ended": no verb's object)
    n = s.m_last[k] + 1
    auxiliary = False
    while n < len(s.words) and s.mention_at[n] < 0 and (
            c.lex.is_(s.words[n], "vaux") or c.lex.is_(s.words[n], "aux")):
        n, auxiliary = n + 1, True
    if n >= len(s.words) or s.mention_at[n] >= 0 or not s.tokens[n].text.islower() or \
            c.lex.is_(s.words[n], "prep") or not c._verb_like(s, n):
        return False
    w = s.words[n]
    return auxiliary or w.endswith("ed") or w != s.lemmas[n] and not w.endswith(("s", "ing"))


def clause_opener(c: SentenceCoder, s: _Sent, i: int) -> bool:
    """English: a conjunction at ``i`` that opens a clause with its own subject and
    verb ("as Washington wants", "while Iran said"): what follows is not the
    object of the verb before it."""
    if c.lang != "en" or not c.lex.is_(s.words[i], "conj"):
        return False
    j = i + 1
    while j < len(s.words) and s.mention_at[j] < 0 and c._modifier(s.words[j]):
        j += 1
    if j >= len(s.words) or s.mention_at[j] < 0:
        return False
    j = s.m_last[s.mention_at[j]] + 1
    while j < len(s.words) and s.mention_at[j] < 0 and (
            c.lex.is_(s.words[j], "vaux") or c.lex.is_(s.words[j], "aux")):
        j += 1
    return j < len(s.words) and s.mention_at[j] < 0 and s.tokens[j].text.islower() and \
        c._verb_like(s, j) and not c.lex.is_(s.words[j], "prep")


def infinitive_at(c: SentenceCoder, s: _Sent, i: int) -> bool:
    """English "to" + a verb at ``i``: the clause of what someone is asked or set to
    do ("called on the government to seek help from the IMF")."""
    return c.lang == "en" and s.words[i] == "to" and i + 1 < len(s.words) and \
        s.mention_at[i + 1] < 0 and s.words[i + 1] == s.lemmas[i + 1] and \
        c._verb_like(s, i + 1) and not c.lex.is_(s.words[i + 1], "det")


def trailing_attribution(c: SentenceCoder, s: _Sent) -> int | None:
    """English: the comma that opens a closing attribution, ", a spokesman for
    Keidanren said today.", ", relief officials in Nairobi said." (a noun phrase
    of up to ATTRIBUTION_SPAN tokens with no verb, an attribution verb, and only a
    short close after it); None when the sentence does not end so."""
    if c.lang != "en":
        return None
    words, n = s.words, len(s.words)
    a = next((i for i in range(n - 1, max(-1, n - 10), -1)
              if c.lex.is_(words[i], "attrib") and s.mention_at[i] < 0), None)
    if a is None:
        return None
    for j in range(a + 1, n):  # "said on Monday in a statement.", not "said it would …"
        if s.mention_at[j] < 0 and s.tokens[j].text[:1].islower() and (
                c.lex.is_(words[j], "pron") or c.lex.is_(words[j], "comp") or
                c._verb_like(s, j) and not c.lex.is_(words[j], "prep")):
            return None
    comma = None
    b = a  # ("…, a Labour backbencher has said.")
    while b > 0 and (c.lex.is_(s.words[b - 1], "vaux") or c.lex.is_(s.words[b - 1], "aux")):
        b -= 1
    for i in range(b - 1, max(-1, b - ATTRIBUTION_SPAN), -1):
        w = words[i]
        if w == ",":
            comma = i
            continue
        if s.mention_at[i] >= 0 or not s.tokens[i].text[:1].islower():
            continue
        if c._stop(s, i) or c.lex.is_(w, "comp") or c.lex.is_(w, "aux") or \
                c.lex.is_(w, "vaux") or w.endswith(("ed", "ing")) or \
                c._verb_like(s, i) and w != s.lemmas[i] and not w.endswith("s"):
            break  # "…, killing 20 people, officials said": a clause of its own
    return comma


def _thing_subject(c: SentenceCoder, s: _Sent, t: Trigger) -> bool:
    """The words before the verb ``t`` (up to and with ``t`` when it is a noun) are
    a noun phrase opening the sentence with an article or a number and naming
    violence ("A roadside bombing near X on Sunday killed", not "An earthquake
    killed"), with no verb of its own."""
    first = t.first
    if first == 0 or not (c._modifier(s.words[0]) or s.words[0][:1].isdigit()):
        return False
    for j in range(1, first):
        w = s.words[j]
        if s.mention_at[j] >= 0 or not w.isalpha():
            continue
        if c.lex.is_(w, "aux") or c.lex.is_(w, "vaux") or c._stop(s, j) or \
                s.tokens[j].text.islower() and w.endswith("ed") and c._verb_like(s, j):
            return False
    end = first + 1 if t.entry.form.pos == "noun" else first
    return any(_violent_word(c, s, j) for j in range(end))


def _thing_agent(c: SentenceCoder, s: _Sent, last: int) -> bool:
    """A passive's agent phrase that names no actor follows ``last`` in its clause
    ("were killed by an improvised explosive device"; not "were killed in Aceh",
    where nothing says anyone did it)."""
    for j in range(last + 1, min(len(s.words), last + 1 + AGENT_REACH)):
        if c._stop(s, j):
            return False
        if c.lex.is_(s.words[j], "agent") and s.mention_at[j] < 0:
            return True
    return False


def _violent_word(c: SentenceCoder, s: _Sent, j: int) -> bool:
    """A word that is itself a pattern head of violence ("bombing", "attack")."""
    found = c.patterns.lookup(s.words[j])
    return bool(found) and any(e.pattern.code[:2] in UNATTRIBUTED_ROOTS for e in found.plain)


def is_enforcer(lex_is: Callable[[str, str], bool], m: Mention) -> bool:
    """A law-enforcement body: police, prosecutors, courts (COP/JUD), or a name
    of the pack's ``enforcer`` word class (KPK)."""
    if not m.code:
        return False
    if "COP" in m.roles or "JUD" in m.roles:
        return True
    words = m.text.split()
    return bool(words) and lex_is(words[0].lower(), "enforcer")


def enforcer_source(c: SentenceCoder, s: _Sent, t: Trigger) -> Mention | None:
    """The article's last-named law-enforcement body, for an agentless passive
    of investigation, arrest or seizure ("diperiksa", "ditahan", "disita")."""
    codes = ENFORCER_CODES.get(c.lang)
    if codes is None or s.enforcer is None or not c._passive(s, t):
        return None
    code = t.pattern.code
    return s.enforcer if code[:2] in codes[0] or code in codes[1] else None


#: CAMEO types of a state acting as such (a country alone, its government or
#: diplomats): its "protest" is an official complaint (114), not a demonstration
STATE_TYPES = frozenset({"GOV"})


def is_state(m: Mention) -> bool:
    """A country named alone ("France protested") or its government ("the
    French government"), not a group of its people ("Spanish farmers")."""
    if m.kind == "country" and not m.roles:
        return True
    return bool(m.roles) and set(m.roles) <= STATE_TYPES


def implied_target(c: SentenceCoder, s: _Sent, t: Trigger, source: Mention
                   ) -> Mention | None:
    """The source's own country as the target of an untargeted verb event of
    aid, investigation or coercion (not for nouns, nor for patterns that take no
    target or need an actor right after the verb)."""
    p = t.pattern
    if p.code in SELF_MEETING_CODES.get(c.lang, ()):
        return self_meeting(c, s, t, source)
    roots = IMPLIED_TARGET_ROOTS.get(c.lang)
    coded = p.code in IMPLIED_CODES.get(c.lang, ())
    if roots is None or p.code[:2] not in roots and not coded:
        return None
    if c.lang == "en" and p.code[:2] == "14" and c._state_subject(s, t, source):
        return None  # a government's protest is addressed abroad, not dissent at home
    if p.code[:2] in IMPLIED_ANY_FORM.get(c.lang, ()) or coded:
        if p.target and "notarget" not in p.flags:
            return None  # only fills the target of an event coded without one anyway
    elif t.entry.form.pos == "noun" or {"notarget", "near"} & p.flags:
        return None
    country = source.country or source.code[:3]
    if len(country) != 3:
        return None
    return dataclasses.replace(source, code=country, name=IMPLIED_NAME, roles=(), kind="country",
                               method=IMPLIED_METHOD, confidence=0.5, entity="")


def _plural(m: Mention) -> bool:
    """The mention names several people of one side ("foreign ministers",
    "Soviet officials")."""
    last = m.text.split()[-1] if m.text.split() else ""
    return m.kind == "agent" and last.islower() and last.endswith("s") and \
        not last.endswith("ss")


def _plural_or_body(m: Mention) -> bool:
    """Several people of one side, or an international body as a whole ("OPEC")."""
    return m.code.startswith("IGO") or _plural(m)


#: the most words between a self-meeting's subject and its verb ("OPEC is
#: scheduled to meet", "EC ministers will again meet")
SUBJECT_GAP = 4


def _subject_before(c: SentenceCoder, s: _Sent, k: int, first: int) -> bool:
    """Mention ``k`` is the subject right before the verb at ``first``: only
    lower-case words (auxiliaries, adverbs, "scheduled to") and no mention between,
    and a verb in *-ing* only after an auxiliary ("are meeting", not "the IMF
    meeting", a noun)."""
    gap = range(s.m_last[k] + 1, first)
    if s.m_last[k] >= first or len(gap) > SUBJECT_GAP or any(
            s.mention_at[i] >= 0 or not _modal_word(c, s.words[i]) for i in gap):
        return False  # ("U.S. officials say its rules now meet standards")
    if len(gap) == 1 and s.words[gap[0]] == "to":
        return False  # "met … officials to discuss": the purpose of another clause's verb
    if s.words[first].endswith("ing"):
        return bool(len(gap)) and c.lex.is_(s.words[first - 1], "aux")
    return True


@functools.lru_cache(maxsize=8)
def _cue_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(w for cue in lex.cues for w in cue.words)


def _modal_word(c: SentenceCoder, w: str) -> bool:
    """An auxiliary, an adverb in -ly or a word of a modality cue ("is scheduled to",
    "are due to"): what may stand between a subject and its verb."""
    return c.lex.is_(w, "aux") or c.lex.is_(w, "vaux") or w.endswith("ly") or \
        w in _cue_words(c.lex)


def self_meeting(c: SentenceCoder, s: _Sent, t: Trigger, source: Mention) -> Mention | None:
    """The source's own country or body as the partner of a meeting verb no partner
    follows, when the source is one uncoordinated plural group or an international
    body (see ``SELF_MEETING_CODES``); None for one person ("the minister met in
    Paris"), coordinated subjects ("Iran and Iraq met": they meet each other) and
    nouns."""
    p = t.pattern
    if t.entry.form.pos == "noun" or "sym" not in p.flags or not _plural_or_body(source) \
            or source.method == GUESSED_COUNTRY:
        return None  # ("ministers met in Vienna": the place is not their country)
    if p.code != "040" and not _plural(source):
        return None  # "the EC is willing to negotiate", "an IMF team held talks here": with others
    nxt = t.last + 1
    if nxt < len(s.words) and not (
            s.words[nxt] in _SELF_MEETING_NEXT or s.words[nxt].endswith("ly")
            or c.lex.is_(s.words[nxt], "prep") or c.lex.is_(s.words[nxt], "time")):
        return None  # "will meet major aid donors": an object, if uncoded
    k = next((k for k, m in enumerate(s.mentions) if m is source), -1)
    if k < 0 or len(s.group[k]) > 1 or not _subject_before(c, s, k, t.first):
        return None
    country = source.country or (source.code[:3] if source.code.startswith("IGO") else "")
    if len(country) != 3:
        return None
    return dataclasses.replace(source, code=country if country != "IGO" else source.code,
                               name=IMPLIED_NAME, roles=(), kind="country",
                               method=IMPLIED_METHOD, confidence=0.5, entity="")


def possessive_target(c: SentenceCoder, s: _Sent, t: Trigger, source: Mention
                      ) -> Mention | None:
    """English: the reporter of the clause when the trigger's object is a thing
    owned by "its"/"their" and the reporter ("Iran said …", "Chile accused …") is
    an actor of another country than the doer: "Iran said U.S. forces attacked
    two of its oil platforms" → USA→IRN. None otherwise (the doer's own "its":
    "Japan will open its rice market")."""
    if c.lang != "en":
        return None
    for j in range(t.last + 1, min(len(s.words), t.last + 1 + POSSESSIVE_REACH)):
        if c._stop(s, j) or s.mention_at[j] >= 0:
            return None
        if s.words[j] in POSSESSIVES:
            break
    else:
        return None
    k = next((k for k, m in enumerate(s.mentions) if m is source), -1)
    if k < 0:
        return None
    start = s.m_first[s.group[k][0]]
    for r in range(k - 1, -1, -1):
        m = s.mentions[r]
        end = s.m_last[r]
        if r in s.group[k] or end >= start or m.kind in ("place", "pronoun") or not m.code:
            continue
        country = m.country or m.code[:3]
        if len(country) != 3 or country == (source.country or source.code[:3]):
            return None
        # the reporting verb follows the reporter (after auxiliaries: "has said")
        j = end + 1
        while j < start and c.lex.is_(s.words[j], "aux"):
            j += 1
        if j < start and (c.lex.is_(s.words[j], "attrib") or _disapproving(c, s.words[j])):
            return m
        return None
    return None


def _disapproving(c: SentenceCoder, word: str) -> bool:
    """A verb form of a disapproval pattern (root 11: "accused", "complained")."""
    entries = c.patterns.lookup(word)
    return bool(entries) and any(e.form.pos == "verb" and e.pattern.code[:2] == "11"
                                 for e in entries.plain)


def located(c: SentenceCoder, s: _Sent, k: int, preps: set[str]) -> bool:
    """English: mention ``k`` is a place (a city, not a country) written right after
    a locative preposition the pattern does not take ("reached over the weekend in
    Geneva", "welcomed the accord signed in Paris"): where the event happened,
    not whom it was aimed at, even when an earlier target preposition is near."""
    if s.mentions[k].kind != "place":
        return False
    j = s.m_first[k] - 1
    while j > 0 and c._modifier(s.words[j]):
        j -= 1
    return j >= 0 and s.words[j] in LOCATIVE and s.words[j] not in preps and \
        s.mention_at[j] < 0


def object_infinitive(c: SentenceCoder, s: _Sent, target: Mention | None) -> bool:
    """English: the target mention is followed by an infinitive ("wants Japan to
    cut tariffs", "wanted OPEC to raise output"): the object is asked to act."""
    k = next((k for k, m in enumerate(s.mentions) if m is target), -1)
    if target is None or k < 0 or target.kind == "agent" and set(target.roles) <= {"CVL"}:
        return False  # ("wants young people to carry cards": a policy, no addressee)
    j = s.m_last[k] + 1
    return j + 1 < len(s.words) and c.lex.is_(s.words[j], "inf") and \
        s.tokens[j + 1].text.isalpha() and s.tokens[j + 1].text.islower()
