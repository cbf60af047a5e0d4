"""Turn the dictionary hits of one sentence into actor mentions.

Adjacent hits form a *group*: modifiers, ranks, role words, at most one
country and at most one named actor ("Menteri Luar Negeri Rusia Sergei
Lavrov", "a senior Iranian official", "Russia's Foreign Minister"). A named
actor in the group wins and keeps its own dated code; otherwise the role
words and the country compose a code (country + head role). A role word that
takes a name ("Presiden Afrika Selatan …") captures an unknown capitalised
name after it, which the article then remembers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from ..language.morph_id import analyse, morphology
from ..model import Mention
from .dictionary import (
    SURNAME_KIND,
    TIER_USER,
    UNDATED_CONFIDENCE,
    ActorEntry,
    AgentEntry,
    choose,
    load_language,
    type_led,
)
from .matcher import Hit

#: a currency right after a country word: "U.S. dollar", "Taiwan dollars", "U.S. dlrs"
_MONEY = re.compile(r"\s*(?:dollars?|dlrs?|francs?|yen|yuan|pesos?|rupees?)\b",
                    re.IGNORECASE)


def names_currency(m: Mention, text: str) -> bool:
    """``m`` is a country word that only names a currency ("the U.S. dollar",
    "Taiwan dollars"): it lends no country to a role and is no actor of an event."""
    return bool(text) and _MONEY.match(text, m.end) is not None

# Between two words of one role phrase only spaces, a possessive or the
# brackets of an abbreviation may stand ("Gubernur Jawa Tengah (Jateng)").
GAP_RE = re.compile(r"\s*(?:['’]s|ke-?\d+)?\s*")  # "Presiden ke-7 RI"
ABBREV_GAP_RE = re.compile(r"\s*[()]\s*|\s*\)\s*\(\s*")
NAME_RE = re.compile(
    r"\)?,?[ \t]+((?:[A-Z][\w'’.-]*)"
    r"(?:[ \t]+(?:[A-Z][\w'’.-]*|(?:bin|binti|van|von|de|al|el|da)\b))*)"
)
# A region name: a capitalised word, maybe with a compass word after it
# ("Luwu Utara", "Jakarta Selatan").
# A bracketed short form of the role may come first: "Wali Kota (Walkot) Pekanbaru".
REGION_RE = re.compile(
    r"\)?(?:[ \t]+\([A-Z][A-Za-z]+\))?"
    r"[ \t]+[A-Z][\w'’-]*(?:[ \t]+(?:Utara|Selatan|Barat|Timur|Tengah|Tenggara|Raya|Jaya))?"
)
# One or two capitalised words between a role and a known name are more name:
# "Menteri Dalam Negeri Muhammad Tito Karnavian".
NAME_GAP_RE = re.compile(r"\)?\s+(?:[A-Z][\w'’.-]*\s+){1,2}")
NAME_STOP = re.compile(r"[.,;:]$")
ACRONYM_RE = re.compile(r"[A-Z]{2,}\d*")
OF_WORDS = frozenset({"of", "of the"})
# A lower-case portfolio between an English role and its holder's name.
PORTFOLIO_RE = re.compile(r"[ \t]+(?:of|for)(?:[ \t]+[a-z]+){1,3}(?=[ \t]+[A-Z])")
LOWER_WORDS_RE = re.compile(r"(?:[ \t]+[a-z]+){1,3}(?=[ \t]+[A-Z])")
MAX_NAME_TOKENS = 5


@dataclass(frozen=True, slots=True)
class GroupContext:
    """What composing a sentence's groups needs besides the hits."""

    lang: str
    day: date
    titlecase: bool = False  # a headline: capitals say nothing about names
    not_name: frozenset[str] = frozenset()  # capitalised words never in a name
    titles: frozenset[str] = frozenset()  # ranks and honorifics ("Mr", "Irjen")
    adjectives: frozenset[str] = frozenset()  # "military", "naval": also adjectives
    not_noun: frozenset[str] = frozenset()  # "said", "and": the role word is the actor


@dataclass(frozen=True, slots=True)
class Composed:
    """A mention plus what coreference needs to know about it."""

    mention: Mention
    person_like: bool = False  # can be the antecedent of "ia", "ujarnya", "he"
    needs_country: bool = False  # role without a country: the article default applies
    titles: frozenset[str] = frozenset()  # role words before it ("president")


def _core(hit: Hit) -> str:
    """What a hit is inside a group."""
    if hit.agent is not None and hit.agent.kind == "agent" and hit.agent.country and \
            all(a.kind in {"country", "place"} for a in hit.actors):
        return "agent"  # a plural demonym ("Palestinians") is the country's people
    if hit.actors:
        kinds = {a.kind for a in hit.actors}
        if kinds & {"person", "organisation", SURNAME_KIND}:
            return "named"
        if kinds & {"country", "place"}:
            return "country"
        return "ignore"
    if hit.agent is not None:
        kind = hit.agent.kind  # agent | modifier | title | side | former | with_country
        return CORE_OF_AGENT.get(kind, kind)
    return "coref"


#: agent kinds that count as another kind inside a group
CORE_OF_AGENT = {"former": "modifier", "ethnic": "modifier", "with_country": "agent"}


def _is_of(hit: Hit) -> bool:
    return hit.agent is not None and hit.agent.kind == "modifier" and \
        hit.agent.pattern.lower() in OF_WORDS


def _descriptions_as_roles(hits: list[Hit], text: str) -> list[Hit]:
    """"The president of Armenia": a description ("the president") that a
    country completes through "of" is a role of that country, not a pronoun."""
    out = list(hits)
    for i, hit in enumerate(hits):
        c = hit.coref
        if c is None or c.kind != "description" or hit.actors or hit.agent is not None:
            continue
        j = i + 1
        while j < len(hits) and _is_of(hits[j]) and GAP_RE.fullmatch(text, hits[j - 1].end,
                                                                       hits[j].start):
            j += 1
        if j == i + 1 or j >= len(hits) or _core(hits[j]) != "country" or \
                GAP_RE.fullmatch(text, hits[j - 1].end, hits[j].start) is None:
            continue
        out[i] = Hit(hit.start, hit.end, agent=AgentEntry(c.pattern, c.roles))
    return out


def groups(hits: list[Hit], text: str) -> Iterator[list[Hit]]:
    """Split hits into runs joined only by spaces/possessives."""
    hits = _descriptions_as_roles(hits, text)
    run: list[Hit] = []
    seen: set[str] = set()
    for hit in hits:
        core = _core(hit)
        joinable = bool(run) and core not in {"coref", "ignore"} and "named" not in seen
        if joinable:
            plain = GAP_RE.fullmatch(text, run[-1].end, hit.start) is not None
            bracket = ABBREV_GAP_RE.fullmatch(text, run[-1].end, hit.start) is not None
            more_name = core == "named" and "agent" in seen and \
                NAME_GAP_RE.fullmatch(text, run[-1].end, hit.start) is not None
            # A second country only joins as the bracketed short form of the first.
            joinable = (plain and not (core == "country" and "country" in seen)) or bracket \
                or more_name
        if not joinable:
            if run:
                yield run
            run, seen = [], set()
        run.append(hit)
        seen.add(core)
        if core in {"coref", "ignore"}:
            yield run
            run, seen = [], set()
    if run:
        yield run


def _best(entries: tuple[ActorEntry, ...], day: date) -> tuple[ActorEntry, float]:
    if len(entries) == 1 and entries[0].start is None and entries[0].end is None:
        return entries[0], UNDATED_CONFIDENCE  # what choose() gives, without its sorting
    return next(choose(entries, day))


def compose_group(run: list[Hit], text: str, sentence: int, ctx: GroupContext,
                  limit: int) -> Iterator[Composed]:
    """Mentions for one group; ``limit`` is where the next hit starts (a
    captured name must stop before it)."""
    if any(h.actors and h.actors[0].kind == SURNAME_KIND for h in run):
        run = _surnames(run, text, ctx)
        if not run:
            return
    if len(run) == 1:
        # Most groups are one country or one name: the general path below,
        # without its bookkeeping.
        hit = run[0]
        core1 = _core(hit)
        if core1 in {"coref", "ignore"}:
            return
        if core1 in {"country", "named"} and "(" not in text[hit.start : hit.end]:
            entry, conf = _best(hit.actors, ctx.day)
            m = _mention(text, hit.start, hit.end, sentence, entry, conf)
            yield Composed(m, person_like=core1 == "named" and entry.kind == "person")
            return
    cores = [_core(h) for h in run]
    if cores == ["coref"] or cores == ["ignore"]:
        return
    day = ctx.day
    named = next((h for h, c in zip(run, cores, strict=True) if c == "named"), None)
    if named is not None and _qualifies_role(named, run, day):
        # "Anggota Komisi II DPR Fraksi PDIP": the party only says whose member.
        cores = ["country" if h is named else c for h, c in zip(run, cores, strict=True)]
        named = None
    if named is not None:
        entry, conf = _best(named.actors, day)
        start = named.start
        k = run.index(named)
        gap = text[run[k - 1].end : start] if k else ""
        if entry.kind == "person" and k and NAME_GAP_RE.fullmatch(gap) and \
                not any(w in ctx.not_name or _word_id(w, ctx.lang) for w in gap.split()):
            # "French President Jaques Chirac": first names before a known
            # surname belong to the mention ("Presiden Terpilih X": a word does not)
            start -= len(gap.lstrip(" \t)"))
        m = _mention(text, start, named.end, sentence, entry, conf)
        agents = [h.agent for h, c in zip(run, cores, strict=True) if c == "agent" and h.agent]
        if entry.kind == "person" and agents and not _former(run, text):
            country_hit = next((h for h, c in zip(run, cores, strict=True) if c == "country"),
                               None)
            said = _best(country_hit.actors, day)[0].country if country_hit else ""
            m = _role_in_text(m, agents, ctx.lang, conf, said)
            if entry.source.startswith(SURNAME_SOURCE):
                m = replace(m, method=SURNAME_METHOD)  # still needs its sentence's cue
        yield Composed(m, person_like=entry.kind == "person", titles=_titles(agents))
        return
    country_hit = next((h for h, c in zip(run, cores, strict=True) if c == "country"), None)
    agents = [h.agent for h, c in zip(run, cores, strict=True) if c == "agent" and h.agent]
    sides = [h for h, c in zip(run, cores, strict=True) if c == "side"]
    core = [h for h, c in zip(run, cores, strict=True) if c in {"agent", "country", "side"}]
    if not core:
        return
    start, end = core[0].start, core[-1].end
    if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
        end += 1  # close the bracketed short form: "Gubernur Jawa Tengah (Jateng)"
    if agents and any(h.agent is not None and h.agent.kind == "ethnic" for h in run):
        # "ethnic Albanians", "ethnic Serb fighters": CAMEO codes an ethnic group
        # by the country it lives in, which the context must say.
        country_hit = None
        agents = [replace(a, country="") for a in agents]
    if country_hit is None and all(a.kind == "with_country" and not a.country for a in agents):
        agents = []  # "orang", "people": a role only next to a country ("orang Palestina")
    if not agents:
        if country_hit is None:
            return
        entry, conf = _best(country_hit.actors, day)
        s = sides[0].start if sides and sides[0].start < country_hit.start else country_hit.start
        kind = "country" if sides else entry.kind
        yield Composed(_mention(text, s, max(end, country_hit.end), sentence, entry, conf, kind))
        return
    if country_hit is None and not sides and _describes_noun(agents, text, end, limit, ctx):
        return  # "military aid", "naval blockade", "all official contact": no actor
    yield from _role_mention(run, agents, country_hit, text, sentence, ctx, (start, end, limit))


NEXT_WORD_RE = re.compile(r"[ \t]+([a-z][a-z-]*)\b")


def _describes_noun(agents: list[AgentEntry], text: str, end: int, limit: int,
                    ctx: GroupContext) -> bool:
    """A bare role word that is also an adjective ("military", "naval",
    "official") right before a common noun describes that noun: "military aid
    program" names no actor. A verb-like word after it ("said", "has",
    "denies", "attacked") or a function word keeps it an actor."""
    if not ctx.adjectives or not all(a.pattern.lower() in ctx.adjectives for a in agents):
        return False
    m = NEXT_WORD_RE.match(text, end)
    if m is None or m.end() > limit:
        return False  # end of sentence, punctuation, a name, or the next actor
    word = m.group(1)
    return word not in ctx.not_noun and not word.endswith(("ed", "s"))


def _titles(agents: list[AgentEntry]) -> frozenset[str]:
    """Last words of the role words ("foreign minister" -> "minister")."""
    return frozenset(a.pattern.lower().split()[-1] for a in agents)


def _qualifies_role(named: Hit, run: list[Hit], day: date) -> bool:
    """A named body with a bare country code (a party) after role words with
    roles is a qualifier of that role, not the actor."""
    entry = _best(named.actors, day)[0]
    if entry.kind != "organisation" or entry.roles or not entry.country:
        return False
    before = run[: run.index(named)]
    # "orang PKB" is a party member, not a role the party qualifies.
    return any(h.agent is not None and h.agent.roles and h.agent.kind != "with_country"
               for h in before)


def _head_roles(agents: list[AgentEntry], lang: str) -> tuple[str, ...]:
    # Indonesian phrases put the head first ("media pemerintah"), English last.
    ordered = agents if lang == "id" else list(reversed(agents))
    return tuple(dict.fromkeys(r for a in ordered for r in a.roles))


def _former(run: list[Hit], text: str) -> bool:
    """"mantan Menteri …", "former minister …", "Presiden ke-7 RI …"."""
    if any(h.agent is not None and h.agent.kind == "former" for h in run):
        return True
    return re.search(r"\bke-?\d+\b", text[run[0].start : run[-1].end]) is not None


def _role_in_text(m: Mention, agents: list[AgentEntry], lang: str, conf: float,
                  country: str = "") -> Mention:
    """The role the article gives a known person beats a dictionary entry that
    is out of date or names no office ("Menteri Keuangan X" when X's listed
    term has ended, or X is listed only as elite); so does the country the
    text names with it ("Soviet Foreign Minister X", X listed as Georgian)."""
    roles = _head_roles(agents, lang)
    if not roles or not m.country:
        return m
    if lang == "en" and country and country != m.country and "IGO" not in roles:
        # "West German Finance Minister Gerhard Stoltenberg", the dictionary's
        # Stoltenberg a Norwegian (or NATO's): a namesake; the title's country is
        # the text's own word
        return replace(m, code=country + roles[0], country=country, roles=roles,
                       method="role+country", confidence=0.8)
    if type_led(m.code):
        return m
    if conf == 1.0 and set(roles) & set(m.roles):
        return m
    if conf == 1.0 and set(m.roles) - {"ELI"}:
        return m  # a current, dated office is trusted over a loose title; "elite" is none
    country = country or m.country
    return replace(m, code=country + roles[0], country=country, roles=roles,
                   method="role+country", confidence=0.8)


def _role_mention(run: list[Hit], agents: list[AgentEntry], country_hit: Hit | None, text: str,
                  sentence: int, ctx: GroupContext,
                  bounds: tuple[int, int, int]) -> Iterator[Composed]:
    start, end, limit = bounds
    lang, day, titlecase = ctx.lang, ctx.day, ctx.titlecase
    roles = _head_roles(agents, lang)
    ordered = agents if lang == "id" else list(reversed(agents))
    country = ""
    if country_hit is not None:
        country = _best(country_hit.actors, day)[0].country
    country = country or next((a.country for a in ordered if a.country), "")
    code = country + (roles[0] if roles else "")
    takes_name = any(a.takes_name for a in agents)
    pos = run[-1].end
    if any(a.regional for a in agents) and country_hit is None and _core(run[-1]) != "title":
        pos = _skip_region(text, pos, limit)  # "Bupati Karanganyar Juliyatmono"
    name_span = None if titlecase or not takes_name else \
        _capture_name(text, pos, limit, ctx.not_name)
    if name_span is None and takes_name and not titlecase and lang == "en" and \
            (portfolio := (LOWER_WORDS_RE if _is_of(run[-1]) else PORTFOLIO_RE).match(
                text, pos, limit)) is not None:
        # "director-general of finance Chris Stals", "minister of financial
        # institutions Monte Kwinter": a lower-case portfolio, then the holder
        name_span = _capture_name(text, portfolio.end(), limit, ctx.not_name)
    if name_span is not None and lang == "id" and _verb_id(text[name_span[0]:name_span[1]]):
        name_span = None  # a headline: "Menlu Kunjungi Jepang"
    if name_span is not None:
        ns, ne = name_span
        if _former(run, text):
            code, roles = country, ()  # "mantan Gubernur …": no longer holds the office
        m = Mention(ns, ne, text[ns:ne], sentence, code, text[ns:ne], country, roles, "person",
                    "role+country", 0.8, f"person:{text[ns:ne]}")
        yield Composed(m, person_like=True, needs_country=not country, titles=_titles(agents))
        return
    label = " ".join(text[start:end].split())
    head = next((a for a in ordered if a.roles), ordered[0]).pattern.lower()
    m = Mention(start, end, text[start:end], sentence, code, label, country, roles, "agent",
                "role+country", 0.8 if country else 0.6, agent_key(code, head))
    yield Composed(m, person_like=takes_name, needs_country=not country, titles=_titles(agents))


def agent_key(code: str, head: str) -> str:
    """Coreference key of a role phrase: its code *and* its head word, so that
    "KPK" and "Bupati" (both IDNGOV) are different actors of one event, while
    "polisi" twice is one."""
    return f"agent:{code}:{head}"


def with_code(key: str, code: str) -> str:
    """``key`` of an agent whose code became ``code`` (a country was added)."""
    prefix, _, rest = key.partition(":")
    if prefix != "agent":
        return key
    return f"agent:{code}:{rest.partition(':')[2]}"


def speaker(hit: Hit, text: str, sentence: int, ctx: GroupContext, limit: int) -> Composed | None:
    """An unknown name after a speech verb ("kata Budi Santoso") is a person
    whose code the article may reveal later (coreference) or never."""
    span = None if ctx.titlecase else _capture_name(text, hit.end, limit, ctx.not_name)
    if span is None:
        return None
    s, e = span
    m = Mention(s, e, text[s:e], sentence, "", text[s:e], "", (), "person", "speaker", 0.5,
                f"person:{text[s:e]}")
    return Composed(m, person_like=True)


SPEAKER_BEFORE_RE = re.compile(r"((?:[A-Z][\w'’.-]*[ \t]+){1,3}[A-Z][\w'’-]*)[ \t]+$")


def speaker_before(hit: Hit, text: str, sentence: int, ctx: GroupContext,
                   floor: int) -> Composed | None:
    """A full name right before "said" ("Maria Lopez said") is a person; the
    name must start after ``floor`` (the end of the previous mention)."""
    m = None if ctx.titlecase else SPEAKER_BEFORE_RE.search(text, floor, hit.start)
    if m is None or any(t in ctx.not_name for t in m.group(1).split()):
        return None
    s, e = m.start(1), m.end(1)
    first = m.group(1).split()[0]
    if first in ctx.titles:
        # "Mr Brown said": the surname alone is left to coreference.
        s = text.index(" ", s) + 1
        if " " not in text[s:e].strip():
            return None
    mention = Mention(s, e, text[s:e], sentence, "", text[s:e], "", (), "person", "speaker",
                      0.5, f"person:{text[s:e]}")
    return Composed(mention, person_like=True)


#: a verb's root has at least this many letters ("Dimas" is no di- verb of "mas")
MIN_VERB_ROOT = 4


def _word_id(word: str, lang: str) -> bool:
    """Is ``word`` an Indonesian word (a root, or a root with affixes)?"""
    if lang != "id":
        return False
    low = word.lower()
    if morphology().is_root(low):
        return True
    a = analyse(low)
    return a.root != low and morphology().is_root(a.root)


def _verb_id(name: str) -> bool:
    """Is the first word of a captured Indonesian "name" a verb: meN-/di-/ber-
    ("Mengunjungi", "Diperiksa") or a bare root with -kan/-i ("Kunjungi",
    "Tegaskan"), as capitalised in headlines?"""
    word = name.split()[0]
    a = analyse(word)
    if len(a.root) < MIN_VERB_ROOT or a.root == word.lower():
        return False
    if a.prefixes:
        return a.prefixes[0] in {"meN", "di", "ber"}
    return a.suffixes in {("kan",), ("i",)}


def _skip_region(text: str, pos: int, limit: int) -> int:
    """After a regional role, the first capitalised word names the region."""
    m = REGION_RE.match(text, pos, limit)
    return m.end() if m else limit


def _capture_name(text: str, pos: int, limit: int,
                  not_name: frozenset[str]) -> tuple[int, int] | None:
    """The capitalised name right after a role word, if any, ending before
    ``limit`` (where the next dictionary hit starts) or a word never in names."""
    m = NAME_RE.match(text, pos, limit)
    if not m:
        return None
    tokens = m.group(1).split()[:MAX_NAME_TOKENS]
    if ACRONYM_RE.fullmatch(tokens[0].rstrip(".,;:")):
        return None  # "Ketua MKD", "Kepala BPM": an unknown body, not a person
    out: list[str] = []
    for tok in tokens:
        if tok.rstrip(".,;:") in not_name or any(ch.isdigit() for ch in tok):
            break
        out.append(tok)
        if NAME_STOP.search(tok):
            break
    name = " ".join(out).rstrip(".,;:")
    # After a comma only a full name is taken: ", Budi Prasetyo," is an
    # apposition, ", Kemarin" or ", Erwin mengatakan" often is not.
    if len(name) < 3 or ("," in text[pos : m.start(1)] and len(out) < 2):
        return None
    start = m.start(1)
    # Keep the exact original spacing: find the end by walking the tokens.
    end = start
    for tok in name.split():
        end = text.index(tok, end) + len(tok)
    return start, end


def _mention(text: str, s: int, e: int, sentence: int, entry: ActorEntry, conf: float,
             kind: str = "") -> Mention:
    key = entry.code[:3] if entry.kind in {"country", "place"} else entry.name
    prefix = "country" if entry.kind in {"country", "place"} else entry.kind
    method = "user" if entry.tier == TIER_USER else \
        SURNAME_METHOD if entry.source.startswith(SURNAME_SOURCE) else "dictionary"
    return Mention(s, e, text[s:e], sentence, entry.code, entry.name, entry.country,
                   entry.roles, kind or entry.kind, method, conf, f"{prefix}:{key}")


# -- people named by surname alone ------------------------------------------------------
#: method of a person found by a bare surname with no role word beside it; it
#: stays only with a cue from its sentence (names.merge)
SURNAME_METHOD = "surname"
SURNAME_SOURCE = "surname:"
# The capitalised word before a name, and what may stand before that word at
# a sentence start.
PREV_CAPITAL_RE = re.compile(r"([A-Z][\w'’.-]*)[ \t]+$")
SENTENCE_OPEN = frozenset(".!?\n\"“‘'(:;")
LOOKBACK_CHARS = 40
CAPITAL_RE = re.compile(r"\b[A-Z]")


def _surnames(run: list[Hit], text: str, ctx: GroupContext) -> list[Hit]:
    """The run with each bare-surname hit made the person it names, or left
    out when the surname is no known person here (see _surname_entries). The
    person stays only if the text names their country: in the group
    ("Canada's Mulroney"), or else in the sentence, which names.merge checks
    (the mention is marked for it). A role word alone is no cue: the listed
    bearer of a surname is often a namesake of the office holder the text
    means (Phoenix knows a Togolese Lawson, not Britain's 1987 Chancellor)."""
    said = {_best(h.actors, ctx.day)[0].country for h in run if _core(h) == "country"}
    out = []
    for k, hit in enumerate(run):
        if not (hit.actors and hit.actors[0].kind == SURNAME_KIND):
            out.append(hit)
            continue
        gap = text[run[k - 1].end : hit.start] if k else ""
        if CAPITAL_RE.search(gap):
            continue  # "US magazine Rolling Stone": a longer name between
        entries = _surname_entries(hit, text, ctx, first=k == 0)
        if not entries:
            continue
        source = "" if entries[0].country in said else SURNAME_SOURCE
        out.append(Hit(hit.start, hit.end, tuple(
            replace(e, kind="person", source=source + e.source) for e in entries)))
    return out


def _surname_entries(hit: Hit, text: str, ctx: GroupContext,
                     first: bool) -> tuple[ActorEntry, ...]:
    """The entries of the one listed person (or the one country) a bare
    surname stands for on the article's day: the one bearer holding a dated
    office then, else every bearer's country if they share one. No person when the surname
    is part of a longer name here ("Kilroy-Silk", "Baker Hughes", "E.F.
    Hutton") or when the article writes it after a first name anywhere
    ("Lleyton Hewitt", "Tony Blair"): the full name (or nobody) is meant, and
    coreference finds it."""
    s = hit.start
    surname = text[s : hit.end]
    # (matcher.PhraseMatcher already left out "Kilroy-Silk" and "Baker Hughes")
    if (first and _name_before(text, s, ctx)) or _full_name_in(text, surname, ctx):
        return ()
    by_name: dict[str, list[ActorEntry]] = {}
    for entry in hit.actors:
        by_name.setdefault(entry.name, []).append(entry)
    countries = {x.country for x in hit.actors}
    if "" in countries:
        return ()
    day = ctx.day
    current = [n for n, es in by_name.items()
               if any(x.valid_on(day) and (x.start or x.end) and set(x.roles) - {"ELI"}
                      for x in es)]
    if len(current) == 1:
        return tuple(by_name[current[0]])
    if len(countries) != 1:
        return ()
    if len(by_name) == 1:
        return hit.actors
    country = countries.pop()  # several people of one country: the country alone
    return (ActorEntry(surname, country, surname, "person", tier=hit.actors[0].tier,
                       source=hit.actors[0].source, country=country),)


def _name_before(text: str, s: int, ctx: GroupContext) -> bool:
    """Is a capitalised word that is no title or sentence opener right before ``s``?"""
    m = PREV_CAPITAL_RE.search(text, max(0, s - LOOKBACK_CHARS), s)
    if m is None:
        return False
    word = m.group(1)
    if word in ctx.not_name or word.rstrip(".") in ctx.titles or word in ctx.titles:
        return False
    k = m.start(1) - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return not (k < 0 or text[k] in SENTENCE_OPEN) or word.endswith(".")


def _full_name_in(text: str, surname: str, ctx: GroupContext) -> bool:
    """Does the article write ``surname`` after a first name or an initial
    ("Selma Blair", "J. Baker") rather than after a title or role word?"""
    roles = _role_words(ctx.lang)
    pattern = re.compile(r"(?<![\w'’.-])([A-Z][\w'’.-]*)[ \t]+" + re.escape(surname) +
                         r"(?![\w'’-])")
    for m in pattern.finditer(text):
        word = m.group(1)
        if word in ctx.not_name or word.rstrip(".") in ctx.titles or word in ctx.titles or \
                word.lower().rstrip(".") in roles or word.endswith(("'s", "’s")):
            continue
        return True
    return False


@lru_cache(maxsize=4)
def _role_words(lang: str) -> frozenset[str]:
    """Last words of the language's role words that take a name, and of its
    titles ("minister", "mr")."""
    return frozenset(a.pattern.lower().split()[-1].rstrip(".")
                     for a in load_language(lang).agents
                     if a.pattern.strip() and (a.takes_name or a.kind == "title"))

