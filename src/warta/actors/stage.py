"""The actor stage: every actor mention of an article with its CAMEO code.

Steps per article:
1. match each sentence with its language's automaton (built once, here in
   the constructor);
2. compose role words, countries and names into mentions (compose.py);
3. give roles without a country the article's home country;
4. find the short forms of people named earlier ("Wang", "Prabowo");
5. resolve attributions, pronouns and "kedua negara" (coref.py).

English sentences are first searched for firms (companies.py): a firm's name
hides the dictionary words inside it ("General" in "General Motors Corp") and
the places that only say where it is from ("Zenith Ltd of London").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..cache import compiled
from ..errors import ConfigError
from ..model import Article, Mention, Sentence
from ..settings import Settings
from . import matcher as matcher_module
from .companies import BUSINESS, DEFAULT_COUNTRY, CompanyFinder, Cue
from .companies import CONFIDENCE as COMPANY_CONFIDENCE
from .companies import METHOD as COMPANY_METHOD
from .compose import (
    Composed,
    GroupContext,
    compose_group,
    groups,
    names_currency,
    speaker,
    speaker_before,
    with_code,
)
from .coref import alias_mentions, alias_table, initials, quote_spans, resolve
from .dictionary import STALE_CONFIDENCE, LanguageData, load_language, pack_files, type_led
from .matcher import Hit, PhraseMatcher, compile_matcher, fold
from .names import METHOD as NAME_METHOD
from .names import PRIVATE, NameWords, given_names, merge, unknown_names

# A headline in title case capitalises (nearly) every word, so capitalisation
# says nothing about names there.
TITLECASE_SHARE = 0.8
TITLECASE_MIN_WORDS = 8
UPPER_WORD = re.compile(r"\b[A-Z]")
LOWER_WORD = re.compile(r"\b[a-z]")
# Non-state armed actors are not assumed to belong to the article's home
# country: "teroris" in a story about Russia are not Russian. Suspects and
# convicts (CRM) are: "tersangka" in Indonesian news are Indonesians.
NO_HOME_ROLES = frozenset({"UAF", "REB", "SEP", "INS"})
# Bodies whose people an adjacent role names ("UN peacekeepers", "Red Cross
# officials"); elites (ELI) are people, not bodies.
ORG_TYPES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS"})
ORG_GAP_RE = re.compile(r"\s*(?:['’]s\s*)?")
# A body, its role word and the holder's name: "Arab League Secretary-General X".
HOLDER_GAP_RE = re.compile(r"\s*(?:['’]s\s*)?(?:[A-Z][\w-]*\s+){1,3}")
# Words that link a role to the country right after it: where it is ("rebels in
# Chad"), whose it is ("a spokesman for the Dutch salvage firm"). "for" after a
# role names whom it acts for; in Reuters/BBC text it beat the nearest country
# before the role in every case seen.
LINK_RE = re.compile(r"\s*(?:in|of|from|for|di|dari)\s+(?:(?:the|two|three|several|some)\s+)?",
                     re.IGNORECASE)
CONTEXT_METHOD = "role+context"
# Codes of compass words that, right before a country, name part of it
# ("Western Cambodia").
COMPASS_CODES = frozenset({"WST"})
# Between a role and the rank before its holder's name: a region and a comma
# ("Kapolda Metro Jaya, Irjen …", "Kapolres Tasikmalaya AKBP …").
RANK_GAP_RE = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*){0,3}[ \t]*,?[ \t]+")


class ActorStage:
    """Pipeline stage assigning ``Article.mentions``."""

    name = "actors"
    requires = ("sentences",)
    assigns = ("mentions",)

    def __init__(self, settings: Settings | None = None) -> None:
        settings = settings or Settings()
        self.fallback: str = settings["language"]["fallback"]
        langs = tuple(dict.fromkeys([*settings["language"]["supported"], self.fallback]))
        user = tuple(str(p) for p in settings["actors"]["user_dictionaries"])
        built = {lang: _build(lang, user) for lang in langs}
        self.data: dict[str, LanguageData] = {lang: b[0] for lang, b in built.items()}
        self.matchers = {lang: b[1] for lang, b in built.items()}
        self.not_alias = {lang: _coref_words(d, "not_alias", str.lower)
                          for lang, d in self.data.items()}
        self.not_name = {lang: _coref_words(d, "not_name") for lang, d in self.data.items()}
        self.adjectives = {lang: _coref_words(d, "adjective", str.lower)
                           for lang, d in self.data.items()}
        self.not_noun = {lang: _coref_words(d, "not_noun", str.lower)
                         for lang, d in self.data.items()}
        self.facilities = {lang: _coref_words(d, "facility") for lang, d in self.data.items()}
        self.titles = {lang: frozenset(a.pattern for a in d.agents if a.kind == "title")
                       for lang, d in self.data.items()}
        self.name_words = {lang: self._name_words(lang) for lang in self.data}
        # Languages whose sentences are searched for firms by their legal form.
        self.companies = {"en": CompanyFinder(_company_default(settings))}

    def _name_words(self, lang: str) -> NameWords:
        data = self.data[lang]
        roles = {a.pattern.lower() for a in data.agents}
        given = frozenset()
        if lang == "en":
            given = frozenset(w for w in given_names(self.titles[lang] | self.not_name[lang])
                              if w.lower() not in roles)
        return NameWords(lang, given, self.not_name[lang],
                         frozenset(t.rstrip(".") for t in self.titles[lang]),
                         _coref_words(data, "person_noun"), _coref_words(data, "verb_aux"),
                         _coref_words(data, "thing_head"))

    def __call__(self, article: Article) -> Article:
        return replace(article, mentions=self.mentions(article))

    def mentions(self, article: Article) -> tuple[Mention, ...]:
        text = article.text
        day = article.published.date() if article.published else date.today()
        sentences = article.sentences or (
            Sentence(0, 0, len(text), text, language=article.language),
        )
        lang_of = {s.index: self._lang(s, article) for s in sentences}
        composed, corefs, spans, heads = self._match(text, sentences, lang_of, day)
        composed = namesakes(composed)
        composed = [_private_speaker(c) if lang_of[c.mention.sentence] == "id" else c
                    for c in composed]
        spans += [(c.mention.start, c.mention.end) for c in composed]
        composed = merge(composed, unknown_names(text, sentences, lang_of, self.name_words,
                                                 spans, composed, heads))
        home = home_country(composed, _major(lang_of))
        composed = context_countries(composed, text, home, dominant_country(composed))
        composed, table = self._remember(composed, lang_of)
        for letters, m in initials(composed, text):
            table.setdefault(letters, m)
        taken = [(c.mention.start, c.mention.end) for c in composed]
        taken += [(h.start, h.end) for h, _ in corefs]
        found = list(alias_mentions(text, sentences, table, taken))
        composed += [Composed(m, person_like=True) for m in found]
        composed.sort(key=lambda c: (c.mention.start, c.mention.end))
        starts = [s.start for s in sentences]
        out = [c.mention for c in composed] + self._resolve(text, composed, corefs, starts)
        return tuple(sorted(out, key=lambda m: (m.start, m.end, m.code)))

    def _remember(self, composed: list[Composed], lang_of: dict[int, str]
                  ) -> tuple[list[Composed], dict[str, Mention]]:
        """Names the article will use again. A speaker found only by a speech
        verb ("tegas Wang") who is a person known from elsewhere in the article
        ("Wang Yi") becomes that person; names known from dictionaries or roles
        win over bare speakers."""
        stop = self._stop(lang_of)
        known = [c for c in composed if c.mention.method != "speaker"]
        table = alias_table(known, lang_of, stop)
        out = []
        for c in composed:
            ante = table.get(c.mention.text) if c.mention.method == "speaker" else None
            if ante is not None:
                c = Composed(replace(ante, start=c.mention.start, end=c.mention.end,
                                     text=c.mention.text, sentence=c.mention.sentence,
                                     method="coreference", confidence=min(ante.confidence, 0.8)),
                             person_like=True)
            out.append(c)
        speakers = [c for c in out if c.mention.method == "speaker"]
        for form, m in alias_table(speakers, lang_of, stop).items():
            table.setdefault(form, m)
        return out, table

    def _lang(self, sent: Sentence, article: Article) -> str:
        lang = sent.language or article.language or self.fallback
        return lang if lang in self.matchers else self.fallback

    def _stop(self, lang_of: dict[int, str]) -> frozenset[str]:
        return frozenset().union(*(self.not_alias[lang] for lang in set(lang_of.values())))

    def _match(self, text: str, sentences: tuple[Sentence, ...], lang_of: dict[int, str],
               day: date) -> tuple[list[Composed], list[tuple[Hit, int]],
                                   list[tuple[int, int]], set[int]]:
        """Mentions, coreference hits, the spans of all dictionary hits and the
        sentences that are headlines in title case."""
        folded = fold(text)
        composed: list[Composed] = []
        corefs: list[tuple[Hit, int]] = []
        spans: list[tuple[int, int]] = []
        heads: set[int] = set()
        contexts: dict[tuple[str, bool], GroupContext] = {}  # frozen: shared by sentences
        for sent in sentences:
            lang = lang_of[sent.index]
            titlecase = sent.kind == "title" or _titlecase(sent.text)
            if titlecase:
                heads.add(sent.index)
            ctx = contexts.get((lang, titlecase))
            if ctx is None:
                ctx = contexts[lang, titlecase] = GroupContext(
                    lang, day, titlecase, self.not_name[lang], self.titles[lang],
                    self.adjectives[lang], self.not_noun[lang])
            found = self.matchers[lang].find(text, folded, sent.start, sent.end, not titlecase)
            spans += [(h.start, h.end) for h in found]
            finder = self.companies.get(lang)
            if finder is not None and not titlecase and finder.may_hold(text, sent.start,
                                                                         sent.end):
                firms, found = _companies(finder, text, sent, found)
                composed += firms
                spans += [(c.mention.start, c.mention.end) for c in firms]
            hits = _no_qualifiers(found, text, self.facilities[lang])
            if lang == "id":
                hits = _no_seats(hits, text)
            covered = -1
            runs = list(groups(hits, text))
            for i, run in enumerate(runs):
                if run[0].start < covered:
                    continue  # inside a name captured after a role
                nxt = i + 1
                if nxt < len(runs) and runs[nxt][0].agent is not None and \
                        runs[nxt][0].agent.kind == "title" and _rank_follows(run, runs[nxt], text):
                    run = run + runs[nxt]  # "Kapolda Metro Jaya, Irjen Budi Santoso"
                    nxt += 1
                limit = runs[nxt][0].start if nxt < len(runs) else sent.end
                if len(run) == 1 and run[0].coref is not None and not run[0].actors \
                        and run[0].agent is None:
                    said = self._speaker(run[0], text, sent, ctx, limit, composed)
                    if said is not None:
                        composed.append(said)
                        covered = max(covered, said.mention.end)
                    elif run[0].coref.kind not in {"speech", "speech_after"}:
                        corefs.append((run[0], sent.index))
                    continue
                for c in compose_group(run, text, sent.index, ctx, limit):
                    composed.append(c)
                    covered = max(covered, c.mention.end)
        return composed, corefs, spans, heads

    @staticmethod
    def _speaker(hit: Hit, text: str, sent: Sentence, ctx: GroupContext, limit: int,
                 composed: list[Composed]) -> Composed | None:
        assert hit.coref is not None
        if hit.coref.kind == "speech":
            return speaker(hit, text, sent.index, ctx, limit)
        if hit.coref.kind == "speech_after":
            floor = max(sent.start, composed[-1].mention.end if composed else 0)
            return speaker_before(hit, text, sent.index, ctx, floor)
        return None

    def _resolve(self, text: str, composed: list[Composed],
                 corefs: list[tuple[Hit, int]], starts: list[int]) -> list[Mention]:
        quotes = quote_spans(text)
        people = [c for c in composed if c.person_like]
        out: list[Mention] = []
        # Walk mentions and coreference words together, counting the countries
        # seen so far once (an article may have hundreds of both).
        countries: Counter[str] = Counter()
        first: dict[str, Mention] = {}
        i = 0
        for hit, sent in sorted(corefs, key=lambda hs: hs[0].start):
            while i < len(composed) and composed[i].mention.start < hit.start:
                m = composed[i].mention
                if m.kind in {"country", "place"} and m.country:
                    countries[m.country] += 1
                    first.setdefault(m.country, replace(m, code=m.country, kind="country"))
                elif m.kind == "organisation" and m.country and type_led(m.code):
                    # "the two sides" after "the EC and the United States"
                    countries[m.country] += 1
                    first.setdefault(m.country, m)
                i += 1
            out += resolve(hit, sent, text, people, countries, quotes, first, starts)
        return out


def _company_default(settings: Settings) -> str:
    """The country of an Inc/Corp/Co firm nothing else places:
    ``[actors] company_default_country`` ("" switches it off), else "USA"."""
    value = settings["actors"].get("company_default_country", DEFAULT_COUNTRY)
    if not isinstance(value, str) or (value and not re.fullmatch(r"[A-Z]{3}", value)):
        raise ConfigError("settings", "[actors] company_default_country must be a CAMEO "
                          f"country code or \"\", not {value!r}")
    return value


def _cue(hit: Hit) -> Cue | None:
    if hit.agent is not None or not hit.actors:
        return None
    a = hit.actors[0]
    country = a.country or (a.code[3:6] if a.kind == "organisation" else "")
    if a.kind not in {"country", "place", "organisation"} or len(country) != 3:
        return None
    return Cue(hit.start, hit.end, country, a.kind)


def _companies(finder: CompanyFinder, text: str, sent: Sentence, found: list[Hit]
               ) -> tuple[list[Composed], list[Hit]]:
    """Firms of one sentence as mentions, and the dictionary hits left: none
    inside a firm's name or its ticker tag, none that only placed a firm."""
    cues = [c for h in found if (c := _cue(h)) is not None]
    firms, used = finder.find(text, sent.start, sent.end, cues)
    if not firms:
        return [], found
    out: list[Composed] = []
    hidden = list(used)
    for f in firms:
        if any(h.start == f.start and h.end == f.end and h.actors and
               h.actors[0].kind == "organisation" for h in found):
            continue  # the dictionary knows this firm: its entry wins
        # the mention spans the brackets and the ticker tag: "<Zenith Ltd> <ZEN.L>"
        start, end = f.outer or (f.start, f.end)
        hidden.append((start, end))
        m = Mention(start, end, text[start:end], sent.index, f.code, f.name, f.country,
                    (BUSINESS,), "organisation", COMPANY_METHOD, COMPANY_CONFIDENCE,
                    f"organisation:{f.name}")
        out.append(Composed(m))
    left = [h for h in found if all(h.end <= s or h.start >= e for s, e in hidden)]
    return out, left


def _country_only(hit: Hit) -> bool:
    return bool(hit.actors) and hit.agent is None and \
        all(a.kind in {"country", "place"} for a in hit.actors)


FACILITY_RE = re.compile(r" ([A-Z][a-z]+)\b")


def _no_qualifiers(hits: list[Hit], text: str, facilities: frozenset[str]) -> list[Hit]:
    """Drop country words that only qualify: "anti-Syria journalist" is no
    Syrian actor; "Western Cambodia" is part of Cambodia, not the West; the
    "Europe Bridge" and "Beijing Airport" are places named after them."""
    drop = []
    for k, hit in enumerate(hits):
        if not hit.actors or hit.agent is not None:
            continue
        s, e = hit.start, hit.end
        if text[s - 1 : s] == "-" and text[max(0, s - 5) : s].lower() == "anti-":
            pass
        elif text[e : e + 1] != " ":
            continue
        elif (name := FACILITY_RE.match(text, e)) is not None and name.group(1) in facilities:
            pass
        elif not (k + 1 < len(hits) and hits[k + 1].start == e + 1 and " " not in text[s:e]
                  and all(a.code in COMPASS_CODES for a in hit.actors)
                  and _country_only(hits[k + 1])):
            continue
        if _country_only(hit):
            drop.append(k)
    return [h for k, h in enumerate(hits) if k not in drop] if drop else hits


def _no_seats(hits: list[Hit], text: str) -> list[Hit]:
    """Drop a city written right after a national organisation: it names the
    office's seat, not a second actor ("KBRI Phnom Penh" is Indonesia's
    embassy, "KJRI Jeddah" its consulate)."""
    drop = [k + 1 for k, hit in enumerate(hits[:-1])
            if hit.agent is None and hit.actors and
            all(a.kind == "organisation" and a.country for a in hit.actors) and
            hits[k + 1].agent is None and hits[k + 1].actors and
            all(a.kind == "place" for a in hits[k + 1].actors) and
            text[hit.end : hits[k + 1].start] == " "]
    return [h for k, h in enumerate(hits) if k not in drop] if drop else hits


def _rank_follows(run: list[Hit], following: list[Hit], text: str) -> bool:
    """Is ``following`` only ranks ("Irjen", "AKBP") after a role that takes a
    name, with at most a region and a comma between them?"""
    if not all(h.agent is not None and h.agent.kind == "title" and not h.actors
               for h in following):
        return False
    if not any(h.agent is not None and h.agent.takes_name for h in run):
        return False
    return RANK_GAP_RE.fullmatch(text, run[-1].end, following[0].start) is not None


def _coref_words(data: LanguageData, kind: str,
                 norm: Callable[[str], str] = str) -> frozenset[str]:
    return frozenset(norm(c.pattern) for c in data.coref if c.kind == kind)


@lru_cache(maxsize=16)
def _build(lang: str, user: tuple[str, ...]) -> tuple[LanguageData, PhraseMatcher]:
    """Dictionaries and automaton for one language. Cached: building takes a
    second or two, and the result is read-only, so stages may share it."""
    data = load_language(lang, user)
    # The automaton is cached with the files it comes from (user files included).
    inputs = [*pack_files(lang), *user, Path(matcher_module.__file__)]
    return data, PhraseMatcher(data, compiled(f"matcher-{lang}", inputs,
                                              lambda: compile_matcher(data)))


def namesakes(composed: list[Composed]) -> list[Composed]:
    """A person whose last listed role ended long before the article ("Yasir
    Arafat" in 2025 news) keeps that country only if the article names the
    country otherwise; else it is a namesake, left for the context country."""
    seen = {c.mention.country for c in composed
            if c.mention.country and c.mention.confidence != STALE_CONFIDENCE}
    out = []
    for c in composed:
        m = c.mention
        if m.confidence == STALE_CONFIDENCE and m.method == "dictionary" and \
                m.kind == "person" and m.country and m.country not in seen:
            c = replace(c, mention=replace(m, code="", country="", roles=()),
                        needs_country=True)
        out.append(c)
    return out


#: an Indonesian article is about a foreign country when it names it this many
#: times as often as Indonesia
FOREIGN_STORY_RATIO = 3


def home_country(composed: list[Composed], lang: str) -> str:
    """The country a role without one belongs to: Indonesian news speaks of
    its own officials unmarked; otherwise the article's dominant country.
    Evidence is every mention whose country the text or dictionary gave."""
    counts = Counter(c.mention.country for c in composed
                     if c.mention.country and not c.needs_country and not type_led(c.mention.code))
    top = counts.most_common(1)
    if lang == "id":
        # A foreign story ("Kongres", "Imigrasi" in a story about the United
        # States) is about the country it names far more often than Indonesia.
        if not top or top[0][1] < 3 or top[0][0] == "IDN" or \
                counts["IDN"] * FOREIGN_STORY_RATIO > top[0][1]:
            return "IDN"
        return top[0][0]
    total = sum(counts.values())
    if top and top[0][1] >= 2 and top[0][1] * 2 >= total:
        return top[0][0]
    return ""


def dominant_country(composed: list[Composed]) -> str:
    """The country the article names most (its own actors included), "" if none."""
    counts = Counter(c.mention.country for c in composed
                     if c.mention.country and not c.needs_country and not type_led(c.mention.code))
    top = counts.most_common(1)
    return top[0][0] if top else ""


#: methods of people found by shape or speech verb alone: of the country the story is about
SPEAKER_METHOD = "speaker"
PRIVATE_METHODS = frozenset({NAME_METHOD, SPEAKER_METHOD})


def context_countries(composed: list[Composed], text: str, home: str,
                      dominant: str = "") -> list[Composed]:
    """Roles without a country ("troops", "officials", "polisi") take one from
    their sentence, as a CAMEO coder would: an organisation right before them
    ("Red Cross officials" are the Red Cross's), a country linked right after
    them ("rebels in Chad"), the nearest country before them in the sentence,
    else the article's home country. ``composed`` is in text order."""
    out = list(composed)
    by_sentence: dict[int, list[int]] = {}
    for k, c in enumerate(out):
        by_sentence.setdefault(c.mention.sentence, []).append(k)
    for k, c in enumerate(out):
        if not c.needs_country:
            continue
        same = by_sentence[c.mention.sentence]
        pos = bisect_left(same, k)  # ``same`` is ascending and holds k
        prior = same[:pos]
        after = [out[same[pos + 1]].mention] if pos + 1 < len(same) else []
        org = out[prior[-1]].mention if prior else None
        if org is not None and _is_org(org) and (
                _adjacent(text, org.end, c.mention.start) or
                (c.mention.kind == "person" and
                 HOLDER_GAP_RE.fullmatch(text, org.end, c.mention.start) is not None)):
            out[k] = _organisation_role(c, org)
            continue
        country = _linked_after(after, c.mention.end, text) or \
            next((out[i].mention.country for i in reversed(prior)
                  if _has_country(out[i].mention)
                  and not names_currency(out[i].mention, text)), "")
        if not country and c.mention.method in PRIVATE_METHODS:
            # a private person: of the country the article is about, not the
            # home country of unmarked officials ("Musk" in Indonesian news)
            country = dominant or home
        if not country and not NO_HOME_ROLES & set(c.mention.roles):
            country = home
        if country:
            out[k] = _with_country(c, country)
    return out


def _private_speaker(c: Composed) -> Composed:
    """An Indonesian speaker named by one word that no dictionary or other
    mention codes ("kata Sahara", "ujar Agus") is a person of the story, coded
    like the private people of names.py (CVL of the story's country); the name
    elsewhere in the article still wins (_remember). A speaker's full name
    ("kata Rudi Hartono") stays uncoded, as the actor tests pin it."""
    m = c.mention
    if m.method != SPEAKER_METHOD or m.code or " " in m.text.strip():
        return c
    return Composed(replace(m, code=PRIVATE, roles=(PRIVATE,)), person_like=True,
                    needs_country=True, titles=c.titles)


def _has_country(m: Mention) -> bool:
    return len(m.country) == 3 and m.method != "speaker" and not type_led(m.code)


def _is_org(m: Mention) -> bool:
    """An international or non-state body whose code starts with a type
    ("IGOUNO", "NGOHLHIRC"), not a person of one."""
    return m.kind == "organisation" and m.code[:3] in ORG_TYPES


def _adjacent(text: str, end: int, start: int) -> bool:
    return ORG_GAP_RE.fullmatch(text, end, start) is not None


def _linked_after(after: list[Mention], end: int, text: str) -> str:
    """"rebels in Chad", "pasukan dari Rusia", "a spokesman for Dutch firm X":
    the country named right after."""
    if not after or not _has_country(after[0]):
        return ""
    return after[0].country if LINK_RE.fullmatch(text, end, after[0].start) else ""


def _organisation_role(c: Composed, org: Mention) -> Composed:
    m = c.mention
    roles = tuple(dict.fromkeys(org.roles + m.roles))
    m = replace(m, code=org.code, country=org.country, roles=roles, method=CONTEXT_METHOD,
                confidence=min(m.confidence, 0.6),
                entity=m.entity if m.kind == "person" else with_code(m.entity, org.code))
    return Composed(m, c.person_like, False, c.titles)


def _with_country(c: Composed, country: str) -> Composed:
    m = c.mention
    role = m.roles[0] if m.roles else ""
    code = country + role
    entity = m.entity if m.kind == "person" else with_code(m.entity, code)
    # a speaker stays one: _remember still makes it the person named elsewhere
    method = m.method if m.method == SPEAKER_METHOD else CONTEXT_METHOD
    m = replace(m, country=country, code=code, entity=entity, method=method,
                confidence=min(m.confidence, 0.6))
    return Composed(m, c.person_like, False, c.titles)


def _major(lang_of: dict[int, str]) -> str:
    counts = Counter(lang_of.values())
    return counts.most_common(1)[0][0] if counts else "en"


def _titlecase(text: str) -> bool:
    if text.rstrip("”\"' ")[-1:] in {".", "!", "?"}:
        return False  # a headline has no full stop; a sentence full of names does
    upper = len(UPPER_WORD.findall(text))
    lower = len(LOWER_WORD.findall(text))
    return upper + lower >= TITLECASE_MIN_WORDS and upper >= TITLECASE_SHARE * (upper + lower)
