"""Actor dictionaries: dated actor entries, agent (role) words and coreference
words, loaded from the language packs, the shared data folder and the user's
overlay files, validated with file and line named on error.

Three tiers decide which entries of a surface form count: the user's files
beat our hand-written ``*_local.tsv`` files, which beat the generated files
converted from Phoenix/CountryInfo/Wikidata. Only the highest tier that knows
a surface form is used, so a correction never has to fight the old entry.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import overload

from ..cache import compiled
from ..errors import DataFileError
from ..packs import DATA_ROOT, PACKS_ROOT, read_tsv

ACTOR_KINDS = frozenset({"person", "organisation", "country", "place", "ignore"})
# with_country: a role word only next to a country ("orang Palestina", "Iraqi people");
# ethnic: "ethnic Albanians" live in a country the context names, not Albania.
AGENT_KINDS = frozenset({"agent", "modifier", "title", "side", "former", "with_country",
                         "ethnic"})
# adjective: role words that, right before a common noun, only describe it
# ("military aid", "naval blockade"); not_noun: words after which such a role
# word is still the actor ("the military said", "official sources"); facility:
# capitalised nouns after a country or city that name a place ("Europe Bridge").
COREF_KINDS = frozenset(
    {"attribution", "pronoun", "description", "group", "not_alias", "not_name", "speech",
     "speech_after", "adjective", "not_noun", "facility", "person_noun", "verb_aux",
     "thing_head"}
)
CODE_RE = re.compile(r"(?:[A-Z]{3})+|")
ROLE_RE = re.compile(r"[A-Z]{3}")
ACTOR_COLUMNS = ("pattern", "code", "name", "kind")
TIER_GENERATED, TIER_LOCAL, TIER_USER = 1, 2, 3
TYPES_FILE = "actors_types.tsv"
FIXES_FILE = "actors_code_fixes.tsv"
COUNTRIES_FILE = "actors_countries.tsv"
NOT_ACTOR_FILES = frozenset({TYPES_FILE, FIXES_FILE, "actors_guards.tsv"})
FIX_ACTIONS = frozenset({"map", "drop", "keep", "type", "religion"})
#: confidence of an entry without dates (see choose())
UNDATED_CONFIDENCE = 0.9
#: an entry whose last role ended this long before the article may be a namesake
STALE_DAYS = 15 * 365
STALE_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One surface form of an actor with the code it has between two dates."""

    pattern: str
    code: str
    name: str
    kind: str
    start: date | None = None
    end: date | None = None
    tier: int = TIER_GENERATED
    source: str = ""
    country: str = ""  # "" for IGO/NGO/MED… codes that start with a type
    roles: tuple[str, ...] = ()

    def valid_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A role word ("Menteri Luar Negeri", "militer", "official") or a word
    that may sit inside a role phrase (modifier "senior", rank "Jenderal",
    "pihak")."""

    pattern: str
    roles: tuple[str, ...]
    kind: str = "agent"
    takes_name: bool = False  # a following capitalised name is the holder
    country: str = ""  # default country ("Kemlu" is Indonesian)
    regional: bool = False  # a region name comes first: "Bupati Karanganyar Juliyatmono"


@dataclass(frozen=True, slots=True)
class CorefEntry:
    pattern: str
    kind: str  # attribution | pronoun | description | group | not_alias
    roles: tuple[str, ...] = ()


def _date(text: str, path: str, line: int) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise DataFileError(path, f"bad date {text!r} (want YYYY-MM-DD)", line) from exc


def split_code(code: str, types: frozenset[str],
               countries: frozenset[str] = frozenset()) -> tuple[str, tuple[str, ...]]:
    """'RUSGOV' -> ('RUS', ('GOV',)); 'IGOUNO' -> ('', ('IGO', 'UNO')).

    A type-led code whose second block is a country or region ("IGOEUREEC",
    "IGOAFRAU") belongs to that region, as GDELT's Actor1CountryCode says
    ('EUR', ('IGO', 'EEC'))."""
    blocks = tuple(code[i : i + 3] for i in range(0, len(code), 3))
    if blocks and blocks[0] not in types:
        return blocks[0], blocks[1:]
    if len(blocks) > 1 and blocks[1] in countries and blocks[1] not in types:
        return blocks[1], (blocks[0], *blocks[2:])
    return "", blocks


def type_led(code: str) -> bool:
    """Does ``code`` start with a CAMEO type ("IGOUNO", "IGOEUREEC", "NGO")?"""
    return code[:3] in type_codes()


@dataclass(frozen=True, slots=True)
class CodeFixes:
    """Non-CAMEO leading blocks of source codes and what to code instead."""

    mapped: tuple[tuple[str, str], ...] = ()  # (prefix, replacement), longest first
    drop: frozenset[str] = frozenset()
    keep: frozenset[str] = frozenset()  # non-CAMEO states kept on purpose

    def apply(self, code: str) -> str | None:
        """The CAMEO form of ``code``; None when the entry must be dropped."""
        if code[:3] in self.drop:
            return None
        for old, new in self.mapped:
            if code.startswith(old):
                return new + code[len(old):]
        return code


@lru_cache(maxsize=1)
def code_fixes() -> CodeFixes:
    path = DATA_ROOT / FIXES_FILE
    mapped, drop, keep = [], set(), set()
    for n, row in read_tsv(path, ("from", "to", "action")):
        action = row["action"]
        if action not in FIX_ACTIONS:
            raise DataFileError(str(path), f"bad action {action!r}", n)
        if action == "map":
            mapped.append((row["from"], row["to"]))
        elif action == "drop":
            drop.add(row["from"])
        elif action == "keep":
            keep.add(row["from"])
    mapped.sort(key=lambda fr: -len(fr[0]))
    return CodeFixes(tuple(mapped), frozenset(drop), frozenset(keep))


def actor_from_row(row: dict[str, str], path: str, line: int, tier: int,
                   types: frozenset[str]) -> ActorEntry:
    """Validate one actor row; errors name the file and line."""
    code, kind = row["code"].strip().upper(), row["kind"].strip().lower()
    if tier != TIER_USER and kind != "ignore":
        code = code_fixes().apply(code) or "-"
        kind = "ignore" if code == "-" else kind
    if code == "-" and kind == "ignore":
        code = ""  # a blocker: no code, it only stops shorter matches inside it
    elif not code or not CODE_RE.fullmatch(code):
        raise DataFileError(path, f"bad actor code {code!r} (3-letter blocks)", line)
    if kind not in ACTOR_KINDS:
        raise DataFileError(path, f"bad kind {kind!r}, want one of {sorted(ACTOR_KINDS)}", line)
    start = _date(row.get("start", ""), path, line)
    end = _date(row.get("end", ""), path, line)
    if start and end and end < start:
        raise DataFileError(path, f"end {end} before start {start}", line)
    name = row.get("name") or row["pattern"]
    country, roles = split_code(code, types, country_codes())
    return ActorEntry(row["pattern"], code, name, kind, start, end, tier, f"{path}:{line}",
                      country, roles)


def _roles(text: str, path: str, line: int) -> tuple[str, ...]:
    roles = tuple(text.upper().split())
    bad = [r for r in roles if not ROLE_RE.fullmatch(r)]
    if bad:
        raise DataFileError(path, f"bad role code(s) {bad}", line)
    return roles


def _tier(path: Path) -> int:
    return TIER_LOCAL if path.stem.endswith("_local") else TIER_GENERATED


@lru_cache(maxsize=1)
def type_codes() -> frozenset[str]:
    """CAMEO actor type codes (and the religion codes the source data puts
    first); a code starting with one has no country."""
    types = {r["code"] for _, r in read_tsv(DATA_ROOT / TYPES_FILE, ("code",))}
    fixes = read_tsv(DATA_ROOT / FIXES_FILE, ("from", "to", "action"))
    return frozenset(types | {r["from"] for _, r in fixes if r["action"] == "type"})


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """CAMEO country and region codes (the country blocks of the country table)."""
    rows = read_tsv(DATA_ROOT / COUNTRIES_FILE, ACTOR_COLUMNS)
    fixes = code_fixes()
    religions = {r["from"] for _, r in read_tsv(DATA_ROOT / FIXES_FILE, ("from", "to", "action"))
                 if r["action"] == "religion"}
    return frozenset(c for _, r in rows if r["kind"] == "country" and len(r["code"]) == 3
                     and (c := fixes.apply(r["code"])) and c not in religions)


def load_actor_file(path: Path, tier: int | None = None) -> list[ActorEntry]:
    tier = _tier(path) if tier is None else tier
    types = type_codes()
    entries = [actor_from_row(row, str(path), n, tier, types)
               for n, row in read_tsv(path, ACTOR_COLUMNS)]
    if tier != TIER_GENERATED:
        return entries
    return [f for e in entries for f in running_forms(e)]


# "Liberation Tigers Of Tamil Eelam (ltte)": a long name with its short form.
BRACKETED_RE = re.compile(r"(.+?)\s*\(([^()]+)\)")
SHORT_FORM_RE = re.compile(r"[A-Za-z]{3,8}")  # two letters are mostly words ("an")
#: words that running text writes in lower case inside long names
NAME_PARTICLES = frozenset({"of", "for", "the", "and", "in", "on", "to", "at", "de", "del",
                            "la", "du", "des", "against"})
LONG_NAME_WORDS = 4


def _initials_of(short: str, name: str) -> bool:
    """Are the letters of ``short`` the initials of words of ``name``, in order
    ("ltte" of "Liberation Tigers Of Tamil Eelam"; "colombia" of nothing)?"""
    letters = iter(w[0].lower() for w in name.split() if w[:1].isalpha())
    return all(any(c == i for i in letters) for c in short.lower())


def running_forms(entry: ActorEntry) -> Iterator[ActorEntry]:
    """The forms in which running text writes a generated (Phoenix) name: a
    bracketed short form becomes an alias of its own ("(ltte)" -> "LTTE"), and
    long organisation names lower-case their particles ("National Union For The
    Total Independence Of Angola" -> "... for the Total Independence of Angola").
    Short ones keep their capitals: Phoenix lists offices such as "Secretary Of
    State" as people, which running text uses as role words."""
    pattern = entry.pattern
    m = BRACKETED_RE.fullmatch(pattern)
    forms = [pattern]
    if m and SHORT_FORM_RE.fullmatch(m.group(2)) and _initials_of(m.group(2), m.group(1)):
        # Only a true short form is split off: "Samoa (usa)" stays as it is.
        forms = [m.group(1), m.group(2).upper()]
    for form in forms:
        words = form.split()
        if entry.kind == "organisation" and len(words) >= LONG_NAME_WORDS:
            form = " ".join([words[0]] + [w.lower() if w.lower() in NAME_PARTICLES else w
                                          for w in words[1:]])
        yield entry if form == entry.pattern else replace(entry, pattern=form)


@lru_cache(maxsize=32)
def _packaged_actor_file(path: Path) -> list[_ActorRow]:
    """Package files never change while running; both languages share data/.
    Validated rows come from the compiled cache when the files are unchanged."""
    return compiled(f"actors-{path.parent.name}-{path.stem}", _build_inputs(path),
                    lambda: [_entry_row(e) for e in load_actor_file(path)])


def _build_inputs(*paths: Path) -> list[Path]:
    """What a compiled actor table depends on: its files, the code-fix and
    type tables, and this module's code."""
    return [*paths, DATA_ROOT / TYPES_FILE, DATA_ROOT / FIXES_FILE, DATA_ROOT / COUNTRIES_FILE,
            Path(__file__)]


_ActorRow = tuple[str, str, str, str, int, int, int, str, str, tuple[str, ...]]


def _entry_row(e: ActorEntry) -> _ActorRow:
    """An ActorEntry as plain values (dates as ordinals, 0 for none) for the cache."""
    return (e.pattern, e.code, e.name, e.kind, e.start.toordinal() if e.start else 0,
            e.end.toordinal() if e.end else 0, e.tier, e.source, e.country, e.roles)


def _entry_from_row(row: _ActorRow | ActorEntry) -> ActorEntry:
    if isinstance(row, ActorEntry):
        return row
    pattern, code, name, kind, start, end, tier, source, country, roles = row
    return ActorEntry(pattern, code, name, kind, date.fromordinal(start) if start else None,
                      date.fromordinal(end) if end else None, tier, source, country, roles)


class EntryTable(Sequence[ActorEntry]):
    """Actor entries kept as plain rows, each made an ActorEntry on first use:
    a run meets a few thousand of the ~45k entries, and making them all cost
    more than loading the rows."""

    __slots__ = ("_made", "_rows")

    def __init__(self, rows: Sequence[_ActorRow | ActorEntry]) -> None:
        self._rows = rows
        self._made: list[ActorEntry | None] = [None] * len(rows)

    @overload
    def __getitem__(self, i: int) -> ActorEntry: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[ActorEntry, ...]: ...

    def __getitem__(self, i: int | slice) -> ActorEntry | tuple[ActorEntry, ...]:
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(len(self))))
        entry = self._made[i]
        if entry is None:
            entry = self._made[i] = _entry_from_row(self._rows[i])
        return entry

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[ActorEntry]:
        return (self[k] for k in range(len(self._rows)))

    def __add__(self, other: Iterable[ActorEntry]) -> EntryTable:
        return EntryTable([*self._rows, *other])


def load_agent_file(path: Path) -> list[AgentEntry]:
    out = []
    for n, row in read_tsv(path, ("pattern", "roles", "kind")):
        kind = row["kind"].lower()
        if kind not in AGENT_KINDS:
            raise DataFileError(str(path), f"bad agent kind {kind!r}", n)
        country = row.get("country", "").upper()
        if country and not re.fullmatch(r"[A-Z]{3}", country):
            raise DataFileError(str(path), f"bad country {country!r}", n)
        if country:
            country = code_fixes().apply(country) or ""
            if not country:
                continue  # a fictional country's people ("Kinakutans")
        roles = () if row["roles"] == "-" else _roles(row["roles"], str(path), n)
        flags = [_flag(row.get(c, ""), c, str(path), n) for c in ("takes_name", "regional")]
        out.append(AgentEntry(row["pattern"], roles, kind, flags[0], country, flags[1]))
    return out


def _flag(text: str, column: str, path: str, line: int) -> bool:
    if text not in {"", "0", "1"}:
        raise DataFileError(path, f"{column} must be 0 or 1, not {text!r}", line)
    return text == "1"


def load_coref_file(path: Path) -> list[CorefEntry]:
    out = []
    for n, row in read_tsv(path, ("pattern", "kind")):
        kind = row["kind"].lower()
        if kind not in COREF_KINDS:
            raise DataFileError(str(path), f"bad coref kind {kind!r}", n)
        out.append(CorefEntry(row["pattern"], kind, _roles(row.get("roles", ""), str(path), n)))
    return out


def load_user_file(path: str | Path) -> list[ActorEntry]:
    """A user overlay: TSV with the actor columns, or TOML with [[actor]] tables."""
    p = Path(path)
    if p.suffix.lower() != ".toml":
        return load_actor_file(p, TIER_USER)
    try:
        text = p.read_text("utf-8")
    except OSError as exc:
        raise DataFileError(str(p), f"cannot open: {exc.strerror}") from exc
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(str(p), f"invalid TOML: {exc}") from exc
    heads = [n for n, ln in enumerate(text.splitlines(), 1) if ln.strip() == "[[actor]]"]
    out = []
    for i, table in enumerate(doc.get("actor", [])):
        line = heads[i] if i < len(heads) else None
        missing = [c for c in ("pattern", "code", "kind") if not str(table.get(c, "")).strip()]
        if missing:
            raise DataFileError(str(p), f"actor table lacks {missing}", line)
        row = {k: str(v).strip() for k, v in table.items()}
        out.append(actor_from_row(row, str(p), line or 0, TIER_USER, type_codes()))
    return out


def _files(folder: Path, prefix: str) -> list[Path]:
    if not folder.is_dir():
        return []
    # Generated files first so that later, hand-written files read as overrides.
    return sorted(folder.glob(f"{prefix}*.tsv"), key=lambda p: (_tier(p), p.name))


@dataclass(frozen=True)
class LanguageData:
    """Everything the matcher needs for one language."""

    lang: str
    actors: Sequence[ActorEntry]  # an EntryTable for the packaged data
    agents: tuple[AgentEntry, ...]
    coref: tuple[CorefEntry, ...]
    guards: frozenset[str]  # lower-cased forms that must not follow a capitalised word


def actor_files(lang: str) -> list[Path]:
    """The packaged actor files of ``lang``, in the order their entries are read."""
    return [p for p in _files(DATA_ROOT, "actors") + _files(PACKS_ROOT / lang, "actors")
            if p.name not in NOT_ACTOR_FILES]


def pack_files(lang: str) -> list[Path]:
    """Every packaged file ``load_language(lang)`` reads (for cache keys)."""
    folder = PACKS_ROOT / lang
    return _build_inputs(*actor_files(lang), *_files(folder, "agents"),
                         *_files(folder, "coref"), folder / "actors_guards.tsv")


@lru_cache(maxsize=8)
def _pack_data(lang: str) -> tuple[EntryTable, tuple[AgentEntry, ...],
                                   tuple[CorefEntry, ...], frozenset[str]]:
    rows = [row for p in actor_files(lang) for row in _packaged_actor_file(p)]
    agents, coref, guards = compiled(f"words-{lang}", pack_files(lang),
                                     lambda: _word_rows(lang))
    if lang in SURNAME_LANGS:
        rows += compiled(f"surnames-{lang}", pack_files(lang),
                         lambda: surname_rows(rows, agents, coref))
    return (EntryTable(rows), tuple(AgentEntry(*row) for row in agents),
            tuple(CorefEntry(*row) for row in coref), frozenset(guards))


#: languages whose news names known people by surname alone ("Mulroney said")
SURNAME_LANGS = frozenset({"en"})
#: kind of a generated entry that stands for a listed person by surname alone
SURNAME_KIND = "surname"
MIN_SURNAME = 4  # letters: "Hu", "Kim", "Lee" are too ambiguous alone
SURNAME_RE = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*")
NAME_TOKEN_RE = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*|[A-Z]\.")
NAME_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
#: lower-case particles inside personal names ("Miguel de la Madrid")
PERSON_PARTICLES = frozenset({"de", "da", "del", "la", "le", "van", "von", "al", "bin", "dos",
                              "du", "der", "den"})
#: words that make a listed "person" a group or an office ("Sons Of The South")
NOT_PERSON_WORDS = frozenset({"Of", "The", "And", "For", "Us", "Un", "Administration",
                              "Government", "Cabinet", "Regime", "Family", "Brothers", "Group",
                              "Party", "Council", "Committee", "Forces", "Army"})
MAX_NAME_WORDS = 4


def surname_rows(rows: Sequence[_ActorRow], agents: Sequence[tuple],
                 coref: Sequence[tuple]) -> list[_ActorRow]:
    """Entries of kind ``surname``: every listed person's last name, keyed by
    that name alone, carrying the person's own codes and dates (the composer
    decides per article date whether one person is meant). A surname is left
    out when it is any other dictionary word (a country, a role, an
    organisation, a name that is never a person's), a listed person's first
    name ("James", "Howard"), shorter than four letters, or when the listed
    "person" is a group or an office ("Black September", "Secretary Of State").
    All surname rows share one tier so that people from every table compete."""
    keys = {fold_key(r[0]) for r in rows}
    keys |= {fold_key(a[0]) for a in agents} | {fold_key(c[0]) for c in coref}
    people = [(words, row) for row in rows if (words := _person_words(row))]
    firsts = {words[0] for words, _ in people}
    out: dict[tuple, _ActorRow] = {}
    for words, row in people:
        last = words[-1]
        if len(last) < MIN_SURNAME or not SURNAME_RE.fullmatch(last) or \
                fold_key(last) in keys or last in firsts:
            continue
        # one row per person and role: Phoenix repeats a person under several keys
        out.setdefault((last, row[1], row[2], row[4], row[5]),
                       (last, row[1], row[2], SURNAME_KIND, row[4], row[5], TIER_GENERATED,
                        row[7], row[8], row[9]))
    return list(out.values())


def _person_words(row: _ActorRow) -> list[str]:
    """The words of a listed person's name without suffixes ("Jr."); none when
    the row is no person or its "name" is a group or an office."""
    if row[3] != "person" or row[6] == TIER_USER:
        return []
    words = row[0].split()
    while words and words[-1] in NAME_SUFFIXES:
        words.pop()
    if not 2 <= len(words) <= MAX_NAME_WORDS or any(
            w in NOT_PERSON_WORDS or
            not (NAME_TOKEN_RE.fullmatch(w) or w in PERSON_PARTICLES) for w in words):
        return []
    return words


def fold_key(pattern: str) -> str:
    """The automaton key of a pattern (lower case, as matcher.fold makes it)."""
    return pattern.lower()


def _word_rows(lang: str) -> tuple[list[tuple], list[tuple], list[str]]:
    """Agent, coreference and guard rows of ``lang`` as plain values."""
    folder = PACKS_ROOT / lang
    agents = [(e.pattern, e.roles, e.kind, e.takes_name, e.country, e.regional)
              for p in _files(folder, "agents") for e in load_agent_file(p)]
    if lang in HEAD_LAST_LANGS:
        agents = _heads_take_names(agents)
    coref = [(e.pattern, e.kind, e.roles) for p in _files(folder, "coref")
             for e in load_coref_file(p)]
    guards: list[str] = []
    guard_file = folder / "actors_guards.tsv"
    if guard_file.is_file():
        guards = sorted({r["pattern"].lower() for _, r in read_tsv(guard_file, ("pattern",))})
    return agents, coref, guards


#: languages whose role phrases end with their head word ("agriculture secretary");
#: Indonesian starts with it ("Menteri Pertanian")
HEAD_LAST_LANGS = frozenset({"en"})


def _heads_take_names(agents: list[tuple]) -> list[tuple]:
    """A role phrase takes its holder's name when its head word does: the
    generated "agriculture secretary" or "central bank governor" (Phoenix
    has no such column) like the hand-written "secretary" and "governor", so
    "Agriculture Secretary Richard Lyng" is that person, not a role and a
    stray speaker."""
    heads = {a[0].lower() for a in agents if a[2] == "agent" and a[3] and " " not in a[0]}
    return [(*a[:3], True, *a[4:]) if a[2] == "agent" and not a[3] and " " in a[0].strip()
            and a[0].lower().split()[-1] in heads else a for a in agents]


def load_language(lang: str, user_files: Iterable[str | Path] = ()) -> LanguageData:
    """Pack + shared data for ``lang``, overlaid by the user's files."""
    actors, agents, coref, guards = _pack_data(lang)
    user = [e for f in user_files for e in load_user_file(f)]
    return LanguageData(lang, actors + user, agents, coref, guards)


def choose(entries: Iterable[ActorEntry], day: date) -> Iterator[tuple[ActorEntry, float]]:
    """The entries of one surface form that apply on ``day``, best first, with a
    confidence: valid on the day 1.0, undated 0.9, nearest past role 0.6."""
    pool = list(entries)
    top = max(e.tier for e in pool)
    pool = [e for e in pool if e.tier == top]
    dated = [e for e in pool if e.valid_on(day) and (e.start or e.end)]
    if dated:
        # The most recently started role is the current one (e.g. president over minister).
        dated.sort(key=lambda e: e.start or date.min, reverse=True)
        yield from ((e, 1.0) for e in dated)
        return
    undated = [e for e in pool if not e.start and not e.end]
    if undated:
        yield from ((e, UNDATED_CONFIDENCE) for e in undated)
        return
    past = sorted((e for e in pool if e.end and e.end < day), key=lambda e: e.end, reverse=True)
    future = sorted((e for e in pool if e.start and e.start > day), key=lambda e: e.start)
    for e in past[:1] or future[:1]:
        # Out of office: keep the country, drop the role that no longer holds
        # (an international body's people keep its code). Long gone: maybe a
        # namesake, which the stage checks against the article's countries.
        stale = e.end is not None and (day - e.end).days > STALE_DAYS
        conf = STALE_CONFIDENCE if stale else 0.6
        if not e.country or type_led(e.code):
            yield replace(e, start=None, end=None), conf
            continue
        yield ActorEntry(e.pattern, e.country, e.name, e.kind, tier=e.tier, source=e.source,
                         country=e.country), conf
