"""Companies, banks and other firms no dictionary knows, found by their shape.

Business news is about firms: "Acme Widgets Inc said it agreed to acquire
Zenith Holdings Ltd of London". A CAMEO coder codes a firm as business
(``BUS``) of its country; the dictionaries know a few hundred multinationals.
This module finds the rest in English text:

- names that end in a legal form ("Corp", "Inc", "Co Ltd", "Plc", "SpA",
  "Smith Barrow and Co", "Kumo Denki Co Ltd"; table company_legal_forms.tsv) or
  start with one ("NV Philips"), with capitalised words and a few linking
  words ("Bank of New York Co", "British and Colonial Holdings Plc");
- Reuters' angle-bracketed names (``<Sara Lee Corp of Canada Ltd>``,
  ``<Zorba Industrie>``) and the words right before a ticker tag
  (``Orlane-Dumas <ORDU.PA>``); the tag itself (``<GM>``, ``<TOYO.T>``) is
  no actor.

A firm's country, first found wins:

1. a place attached to it: "X of Milan", "X of Canada Ltd", "Tokyo-based X",
   "Japan's X", "Belgian group X", "X (Italy)", "X Ltd, a Toronto gold
   producer,", a country word inside the name ("Kenyan General Milling Corp",
   "British Columbia Timber Co");
2. a multinational the dictionary knows at the start of the name
   ("Mitsubishi Bank Ltd" is Japanese);
3. the exchange of its ticker tag (company_exchanges.tsv: ``.T`` Tokyo is
   JPN);
4. a legal form only one country uses (KGaA, SpA, K.K., Plc, Bhd, Tbk …);
5. a default country for the US wire-style forms Inc, Corp and Co
   (``CompanyFinder(default_country)``; the actor stage passes
   ``[actors] company_default_country``, "USA" unless set to "").

Otherwise it takes the country of a placed firm that owns it ("Acme Plc's X
unit", "Acme Plc said its subsidiary X"), or has none (code ``BUS``). Matching is a handful of
precompiled regular expressions per sentence; country cues are looked up in
the dictionary hits the actor stage already has (``Cue``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError
from ..packs import DATA_ROOT, read_tsv

#: Legal forms many countries share that ``[actors] company_default_country``
#: (default "USA", "" switches it off) gives a country when nothing else does.
#: Measured on 80 fresh Reuters 1987 leads (docs/actors.md, "Companies"): 29 of 32
#: such firms were American. Ltd, SA, AG … get no default: they are shared by many.
#: Only the abbreviations of US wire style: spelled out ("Oil and Gas Corporation")
#: the form is as often an Asian state firm's in BBC text.
DEFAULT_FORMS = ("Inc", "Corp", "Co")
#: the default of ``[actors] company_default_country``
DEFAULT_COUNTRY = "USA"
#: CAMEO type code of a firm; the mention code is country + BUS
BUSINESS = "BUS"
#: method of a mention found here
METHOD = "company"
CONFIDENCE = 0.6
FORMS_FILE = "company_legal_forms.tsv"
EXCHANGES_FILE = "company_exchanges.tsv"
WORDS_FILE = "company_words.tsv"
WORD_CLASSES = ("of_head", "not_name", "before_noun", "apposition_noun", "clause_word")

# One word of a name: a capitalised word (hyphens and inner apostrophes, not a
# possessive "'s"), an initialism ("A.B.C."), a number or an ampersand.
_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w-]*(?:['’](?!s\b)\w+)*|\d[\w-]*)"
# Words that may join two words of a name.
_LINK = r"(?:of|and|&|de|del|della|di|des|du|la|le|van|von|der|et|y|for|on)"
_GAP = r"[ \t]+"
TICKER_RE = re.compile(r"<([A-Z0-9&]{1,7})(?:\.([A-Z]{1,2}))?>")
ANGLE_RE = re.compile(r"<([^<>\n]{2,90})>")
# Right after a name: "of (the) <place>", "(<place>)".
OF_AFTER_RE = re.compile(r",?[ \t]+of[ \t]+(?:the[ \t]+)?")
PAREN_AFTER_RE = re.compile(r"[ \t]*\(")
# After a name, the start of an apposition: "X Ltd, a Toronto gold producer,",
# "<X>, a Malaysian insurance company" (its firm noun: Tables.apposition_tail).
APPOSITION_RE = re.compile(r">?(?:[ \t]*<[A-Z0-9&.]{1,10}>)?,[ \t]+(?:a|an|the)[ \t]+")
# Between a name and its ticker tag.
TAG_GAP_RE = re.compile(r"\.?(?:['’]s)?[ \t]*(?:\([A-Z]{2,6}\)[ \t]*)?")
# Up to five name words right before a ticker tag ("Orlane-Dumas <ORDU.PA>").
BEFORE_TAG_RE = re.compile(_WORD + r"(?:" + _GAP + r"(?:" + _LINK + _GAP + r")?" + _WORD
                           + r"){0,4}(?:['’]s)?[ \t]*$")


#: CAMEO region codes: "Acme Asia Ltd" or a "European consortium" names no country
REGIONS = frozenset({
    "AFR", "ASA", "BLK", "CRB", "CAU", "CAS", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT",
    "NAF", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A dictionary hit the finder may read a country from."""

    start: int
    end: int
    country: str
    kind: str  # country | place | organisation


@dataclass(frozen=True, slots=True)
class Company:
    """A firm found in the text, with its country and where that came from."""

    start: int
    end: int
    name: str
    country: str = ""
    source: str = ""  # place | dictionary | exchange | legal form | default | ""
    form: str = ""  # the legal form, "" for a bracketed name without one
    ticker: tuple[int, int] | None = None  # span of its ticker tag, if any
    outer: tuple[int, int] | None = None  # the name with its brackets and ticker tag

    @property
    def code(self) -> str:
        return self.country + BUSINESS


@dataclass(frozen=True, slots=True)
class Tables:
    forms: Mapping[str, str]  # suffix form (no final dot) -> country or ""
    prefixes: Mapping[str, str]
    exchanges: Mapping[str, str]  # RIC suffix -> country
    of_heads: frozenset[str]  # name words "of" may follow inside a name ("Bank of …")
    not_names: frozenset[str]  # capitalised words that open a phrase, not a name
    #: right before a name: "<place>'s (biggest state mining) firm, ", "<place>-based ",
    #: "<demonym> (oil) group " (a description, no clause)
    before: re.Pattern[str]
    #: the rest of an apposition after its place: "… gold producer", "-based maker"
    apposition_tail: re.Pattern[str]
    #: words that show the gap before a name is a clause ("Japan to buy X Corp")
    clause: re.Pattern[str]


def _bare(form: str) -> str:
    return form[:-1] if form.endswith(".") and form.count(".") == 1 else form


@lru_cache(maxsize=4)
def load_tables(root: Path = DATA_ROOT) -> Tables:
    """The legal-form and exchange tables (cached)."""
    forms: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for n, row in read_tsv(root / FORMS_FILE, ("form", "position")):
        if row["position"] not in {"suffix", "prefix"}:
            raise DataFileError(str(root / FORMS_FILE), "position must be suffix or prefix", n)
        table = forms if row["position"] == "suffix" else prefixes
        table[_bare(row["form"]).rstrip(".")] = row.get("country", "")
    exchanges = {row["suffix"]: row["country"]
                 for _, row in read_tsv(root / EXCHANGES_FILE, ("suffix", "country"))}
    words: dict[str, list[str]] = {c: [] for c in WORD_CLASSES}
    for n, row in read_tsv(root / WORDS_FILE, ("word", "class")):
        if row["class"] not in words:
            raise DataFileError(str(root / WORDS_FILE), f"unknown class {row['class']!r}", n)
        words[row["class"]].append(row["word"])
    before = re.compile(
        r"(?P<link>['’]s|-based)?[ \t]+(?:[a-z][\w-]*[ \t]+){0,4}"
        r"(?:(?:" + "|".join(words["before_noun"]) + r")[ \t]*,[ \t]*)?<?")
    apposition_tail = re.compile(
        r"(?:['’]s|-based)?[ \t]+(?:[a-z][\w-]*[ \t]+){0,4}"
        r"(?:" + "|".join(words["apposition_noun"]) + r")(?![\w-])")
    clause = re.compile(r"(?<![\w-])(?:" + "|".join(words["clause_word"]) + r"|[a-z]+ed)\b")
    return Tables(forms, prefixes, exchanges, frozenset(words["of_head"]),
                  frozenset(words["not_name"]), before, apposition_tail, clause)


def _form_alternation(forms: Sequence[str]) -> str:
    """Forms as one regex alternative, dots optional at the end ("Corp." "S.A")."""
    alts = []
    for f in sorted(forms, key=len, reverse=True):
        alts.append(re.escape(f) + r"\.?" if "." in f else re.escape(f))
    return "(?:" + "|".join(alts) + ")"


@dataclass(frozen=True, slots=True)
class _Regexes:
    any_form: re.Pattern[str]  # a cheap test: does the sentence hold a legal form at all?
    suffix: re.Pattern[str]
    prefix: re.Pattern[str]
    form: re.Pattern[str]


@lru_cache(maxsize=4)
def _regexes(suffixes: tuple[str, ...], prefixes: tuple[str, ...]) -> _Regexes:
    forms = _form_alternation(suffixes)
    # A name: words joined by spaces or linking words, then one or more legal
    # forms ("Co Ltd", "Pty Ltd", "and Co"). Lazy, so the first form ends it
    # ("Acme Corp and Kumo Co Ltd" is two names).
    suffix = re.compile(
        r"(?<![\w.&’'-])" + _WORD + r"(?:" + _GAP + r"(?:" + _LINK + _GAP + r")?" + _WORD
        + r")*?" + _GAP + r"(?:(?:and|&)" + _GAP + r")?" + forms
        + r"(?:" + _GAP + forms + r")*(?![\w&/-])")
    prefix = re.compile(r"(?<![\w.-])" + _form_alternation(prefixes) + _GAP
                        + _WORD + r"(?:" + _GAP + _WORD + r"){0,3}(?![\w-])")
    form = re.compile(r"(?:^|[ \t])(?:(?:and|&)[ \t]+)?(" + forms + r")$")
    any_form = re.compile(r"[ \t](?:" + forms + "|" + _form_alternation(prefixes) + r")(?![\w&/-])")
    return _Regexes(any_form, suffix, prefix, form)


class CompanyFinder:
    """Finds firms in English sentences. ``default_country`` is the country of
    a firm whose legal form is one of DEFAULT_FORMS when nothing else names
    one; "" (the default here) assumes none (see docs/actors.md, "Companies")."""

    def __init__(self, default_country: str = "", tables: Tables | None = None) -> None:
        self.tables = tables or load_tables()
        self.re = _regexes(tuple(sorted(self.tables.forms)), tuple(sorted(self.tables.prefixes)))
        self.defaults = dict.fromkeys(DEFAULT_FORMS, default_country) if default_country else {}

    def may_hold(self, text: str, start: int, end: int) -> bool:
        """A cheap test: can ``text[start:end]`` name a firm at all (a legal form
        or an angle bracket)? Most sentences cannot."""
        return text.find("<", start, end) >= 0 or \
            self.re.any_form.search(text, start, end) is not None

    def find(self, text: str, start: int, end: int, cues: Sequence[Cue] = ()
             ) -> tuple[list[Company], list[tuple[int, int]]]:
        """Firms in ``text[start:end]`` and the spans of the cues they used
        (places and countries that only qualify a firm: not actors of their own)."""
        if not self.may_hold(text, start, end):
            return [], []
        angles = text.find("<", start, end) >= 0
        tags = [(m.start(), m.end(), m.group(2) or "")
                for m in TICKER_RE.finditer(text, start, end)] if angles else []
        tag_spans = [(s, e) for s, e, _ in tags]
        found: list[tuple[int, int, bool]] = []  # (start, end, bracketed)
        for m in ANGLE_RE.finditer(text, start, end) if angles else ():
            if (m.start(), m.end()) in tag_spans:
                continue
            s, e = m.start(1), m.end(1)
            while e > s and text[e - 1] in "'’s" and text[e - 2 : e] in {"'s", "’s"}:
                e -= 2
            e = _strip_end(text, s, e)
            if text[e - 1 : e] == "." and "." not in text[s : e - 1].rsplit(" ", 1)[-1]:
                e -= 1  # "<McDonnell Douglas Corp.>"
            if e > s and text[s].isupper():
                found.append((s, e, True))
        for m in self.re.suffix.finditer(text, start, end):
            found.append((*self._trim(text, m.start(), m.end()), False))
        for m in self.re.prefix.finditer(text, start, end):
            found.append((m.start(), m.end(), False))
        for ts, _, _ in tags:  # "Orlane-Dumas <ORDU.PA>": the words before a tag
            if any(s <= ts <= e + 3 for s, e, _ in found):
                continue
            m = BEFORE_TAG_RE.search(text, max(start, ts - 80), ts)
            if m is not None:
                s, e = self._trim(text, m.start(), m.end())
                e = _strip_end(text, s, e)
                if e > s:
                    found.append((s, e, False))
        spans = _merge_of(text, _no_overlaps(found))
        companies: list[Company] = []
        used: list[tuple[int, int]] = []
        for s, e, bracketed in spans:
            if e - s < 3:
                continue
            company, cue = self._company(text, s, e, end, bracketed, cues, tags)
            if not company.country and companies:
                company = _owned(text, company, companies)
            companies.append(company)
            if cue is not None:
                used.append(cue)
        return companies, used

    def _trim(self, text: str, s: int, e: int) -> tuple[int, int]:
        """Drop opening words that are no part of a name ("The", "Chairman of")."""
        words = list(re.finditer(r"\S+", text[s:e]))
        k = 0
        while k < len(words) - 1:
            w = words[k].group()
            if w in self.tables.not_names or w.lower() in {"of", "and", "&"} or \
                    w.endswith("-based"):
                k += 1
                continue
            nxt = words[k + 1].group() if k + 1 < len(words) else ""
            if nxt == "of" and w not in self.tables.of_heads and k + 2 < len(words) - 1:
                k += 2  # "Chairman of X Inc", "Unit of X Corp"
                continue
            break
        for j in range(len(words) - 2, k, -1):  # "Tom Reed of X Inc": the name is X Inc
            if words[j].group() == "of" and words[j - 1].group() not in self.tables.of_heads:
                k = j + 1
                break
        return s + words[k].start(), e

    def _company(self, text: str, s: int, e: int, end: int, bracketed: bool,
                 cues: Sequence[Cue],
                 tags: list[tuple[int, int, str]]) -> tuple[Company, tuple[int, int] | None]:
        name = text[s:e]
        m = self.re.form.search(name)
        form = _bare(m.group(1)).rstrip(".") if m else ""
        form_start = s + m.start(1) if m else e
        if not form:
            first = name.split(" ", 1)[0].rstrip(".")
            form = first if first in self.tables.prefixes else ""
        ticker = next(((ts, te, x) for ts, te, x in tags
                       if ts >= e and TAG_GAP_RE.fullmatch(text, e + bracketed, ts)), None)
        country, source, cue = self._place(text, s, e, form_start, cues)
        if not country:
            org = next((c for c in cues if c.kind == "organisation" and c.start == s
                        and c.end <= e and c.country), None)
            if org is not None:
                country, source = org.country, "dictionary"
        if not country and ticker is not None and ticker[2]:
            country = self.tables.exchanges.get(ticker[2], "")
            source = "exchange" if country else ""
        if not country and form:
            country = self.tables.forms.get(form, "") or self.tables.prefixes.get(form, "")
            source = "legal form" if country else ""
        if not country and form in self.defaults:
            country, source = self.defaults[form], "default"
        close = text.find(">", e) + 1 if bracketed else e
        if not bracketed and text[e : e + 1] == "." and text[e + 1 : end].strip(" \t\"'”’)"):
            close += 1  # "Acme Corp. said": the abbreviation's dot, not the sentence's
        outer = (s - 1 if bracketed else s, ticker[1] if ticker else close)
        return Company(s, e, name, country, source, form,
                       (ticker[0], ticker[1]) if ticker else None, outer), cue

    def _place(self, text: str, s: int, e: int, form_start: int, cues: Sequence[Cue]
               ) -> tuple[str, str, tuple[int, int] | None]:
        """A country or place written inside the name, right after it ("of
        London", "(Italy)") or right before it ("Japan's", "Tokyo-based",
        "Belgian group")."""
        places = [c for c in cues if c.kind in {"country", "place"} and c.country
                  and c.country not in REGIONS]
        # Inside the name, before its legal form ("SA" is no South Africa): a
        # country or demonym ("Kenyan General Milling Corp"), or a place that
        # opens the name or follows "of" or a comma ("British Columbia Timber Co",
        # "Bank of New York Co", "<Acme Tulsa, Oklahoma>"); a town inside a name
        # says little ("Northern Piedmont Textiles Inc").
        inside = [c for c in places if s <= c.start and c.end <= form_start and
                  (c.kind == "country" or c.start == s or
                   text[c.start - 4 : c.start] == " of " or text[c.start - 2 : c.start] == ", ")]
        if inside:
            return inside[-1].country, "place", None
        after = OF_AFTER_RE.match(text, e) or PAREN_AFTER_RE.match(text, e + (text[e:e + 1] == ">"))
        if after is None and text[e : e + 1] == ">":
            after = OF_AFTER_RE.match(text, e + 1)
        if after is not None:
            c = next((c for c in places if c.start == after.end()), None)
            if c is not None:
                return c.country, "place", (c.start, c.end)
        appos = APPOSITION_RE.match(text, e)
        if appos is not None:
            # "X Ltd, a Toronto gold producer, said": the description places it
            c = next((c for c in places if c.start == appos.end()), None)
            if c is not None and self.tables.apposition_tail.match(text, c.end) is not None:
                return c.country, "place", (c.start, c.end)
        for c in reversed(places):
            if c.end > s:
                continue
            gap = text[c.end : s]
            if len(gap) > 40:
                break
            m = self.tables.before.fullmatch(gap)
            if m is not None and not self.tables.clause.search(gap) and \
                    (m.group("link") or c.kind == "country"):
                return c.country, "place", (c.start, c.end)
            break
        return "", "", None


def _owned(text: str, firm: Company, before: Sequence[Company]) -> Company:
    """A firm nothing else places takes the country of the firm that owns it:
    "Acme Plc's Zenith SA unit", "Acme Plc said its subsidiary Zenith SA …" (the
    nearest firm before "its"). A default country is no evidence to pass on."""
    owner = before[-1]
    lead = firm.start - (text[firm.start - 1 : firm.start] == "<")
    gap = text[owner.outer[1] if owner.outer else owner.end : lead]
    if not owner.country or owner.source == "default" or not (OWNER_POSSESSIVE_RE.fullmatch(gap) or
                                 OWNER_ITS_RE.search(gap)):
        return firm
    return Company(firm.start, firm.end, firm.name, owner.country, "owner", firm.form,
                   firm.ticker, firm.outer)


#: right between an owner and its firm: "Acme Plc's Zenith …", "Acme Plc's wholly owned Zenith"
OWNER_POSSESSIVE_RE = re.compile(r">?['’]s[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}")
#: right before a firm: "… its (wholly owned) subsidiary Zenith …", "its unit, Zenith",
#: "its 97.7-pct owned subsidiary <Zenith>"
OWNER_ITS_RE = re.compile(
    r"(?<![\w-])its[ \t]+(?:[a-z0-9][\w.-]*[ \t]+){0,3}(?:subsidiary|unit|affiliate|arm|"
    r"division)[ \t]*,?[ \t]*$")


def _strip_end(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in " \t,;:":
        e -= 1
    return e


def _no_overlaps(found: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Longest first; bracketed names win over what overlaps them."""
    out: list[tuple[int, int, bool]] = []
    for s, e, b in sorted(found, key=lambda x: (not x[2], -(x[1] - x[0]), x[0])):
        if all(e <= os or s >= oe for os, oe, _ in out):
            out.append((s, e, b))
    return sorted(out)


def _merge_of(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """"Sara Lee Corp" + " of " + "Canada Ltd" is one name."""
    out: list[tuple[int, int, bool]] = []
    for s, e, b in spans:
        if out and not b and not out[-1][2] and text[out[-1][1] : s] == " of ":
            out[-1] = (out[-1][0], e, False)
        else:
            out.append((s, e, b))
    return out
