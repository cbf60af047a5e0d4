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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError
from ..packs import DATA_ROOT, PACKS_ROOT, read_tsv

ACTOR_KINDS = frozenset({"person", "organisation", "country", "place", "ignore"})
# with_country: a role word only next to a country ("orang Palestina", "Iraqi people");
# ethnic: "ethnic Albanians" live in a country the context names, not Albania.
AGENT_KINDS = frozenset({"agent", "modifier", "title", "side", "former", "with_country",
                         "ethnic"})
COREF_KINDS = frozenset(
    {"attribution", "pronoun", "description", "group", "not_alias", "not_name", "speech",
     "speech_after"}
)
CODE_RE = re.compile(r"(?:[A-Z]{3})+|")
ROLE_RE = re.compile(r"[A-Z]{3}")
ACTOR_COLUMNS = ("pattern", "code", "name", "kind")
TIER_GENERATED, TIER_LOCAL, TIER_USER = 1, 2, 3
TYPES_FILE = "actors_types.tsv"
FIXES_FILE = "actors_code_fixes.tsv"
NOT_ACTOR_FILES = frozenset({TYPES_FILE, FIXES_FILE, "actors_guards.tsv"})
FIX_ACTIONS = frozenset({"map", "drop", "keep", "type"})


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


def split_code(code: str, types: frozenset[str]) -> tuple[str, tuple[str, ...]]:
    """'RUSGOV' -> ('RUS', ('GOV',)); 'IGOUNO' -> ('', ('IGO', 'UNO'))."""
    blocks = tuple(code[i : i + 3] for i in range(0, len(code), 3))
    if blocks and blocks[0] not in types:
        return blocks[0], blocks[1:]
    return "", blocks


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
    country, roles = split_code(code, types)
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


def load_actor_file(path: Path, tier: int | None = None) -> list[ActorEntry]:
    tier = _tier(path) if tier is None else tier
    types = type_codes()
    return [actor_from_row(row, str(path), n, tier, types)
            for n, row in read_tsv(path, ACTOR_COLUMNS)]


@lru_cache(maxsize=32)
def _packaged_actor_file(path: Path) -> tuple[ActorEntry, ...]:
    """Package files never change while running; both languages share data/."""
    return tuple(load_actor_file(path))


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
    actors: tuple[ActorEntry, ...]
    agents: tuple[AgentEntry, ...]
    coref: tuple[CorefEntry, ...]
    guards: frozenset[str]  # lower-cased forms that must not follow a capitalised word


@lru_cache(maxsize=8)
def _pack_data(lang: str) -> tuple[tuple[ActorEntry, ...], tuple[AgentEntry, ...],
                                   tuple[CorefEntry, ...], frozenset[str]]:
    folder = PACKS_ROOT / lang
    actors = [e for p in _files(DATA_ROOT, "actors") + _files(folder, "actors")
              if p.name not in NOT_ACTOR_FILES for e in _packaged_actor_file(p)]
    agents = [e for p in _files(folder, "agents") for e in load_agent_file(p)]
    coref = [e for p in _files(folder, "coref") for e in load_coref_file(p)]
    guards: frozenset[str] = frozenset()
    guard_file = folder / "actors_guards.tsv"
    if guard_file.is_file():
        guards = frozenset(r["pattern"].lower() for _, r in read_tsv(guard_file, ("pattern",)))
    return tuple(actors), tuple(agents), tuple(coref), guards


def load_language(lang: str, user_files: Iterable[str | Path] = ()) -> LanguageData:
    """Pack + shared data for ``lang``, overlaid by the user's files."""
    actors, agents, coref, guards = _pack_data(lang)
    user = [e for f in user_files for e in load_user_file(f)]
    return LanguageData(lang, actors + tuple(user), agents, coref, guards)


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
        yield from ((e, 0.9) for e in undated)
        return
    past = sorted((e for e in pool if e.end and e.end < day), key=lambda e: e.end, reverse=True)
    future = sorted((e for e in pool if e.start and e.start > day), key=lambda e: e.start)
    for e in past[:1] or future[:1]:
        # Out of office: keep the country, drop the role that no longer holds.
        code = e.country or e.code
        yield ActorEntry(e.pattern, code, e.name, e.kind, tier=e.tier, source=e.source,
                         country=e.country, roles=() if e.country else e.roles), 0.6
