#!/usr/bin/env python3
"""Convert the MIT/CC0 actor dictionaries in ../shared/dictionaries into warta's
actor TSV files, so anyone can regenerate them.

    python scripts/build_actor_packs.py [--shared ../shared]

Writes (generated files only; the hand-written ``*_local.tsv`` files are ours
and are never touched):

- src/warta/data/actors_countries.tsv   Phoenix country blocks + CountryInfo kinds
                                          + CAMEO region names + Wikidata English aliases
- src/warta/data/actors_phoenix.tsv      Phoenix people/organisations with dated codes,
                                          international organisations, non-state groups
- src/warta/packs/id/actors_countries.tsv Wikidata Indonesian country labels/aliases
- src/warta/packs/en/agents_phoenix.tsv  Phoenix agents (role words)
- src/warta/packs/en/agents_demonyms.tsv plural demonyms ("Iraqis", "Palestinians")
                                          as civilian agents of their country

Actor TSV columns: pattern, code, name, kind, start, end (ISO dates, empty = open).
Phoenix writes names in upper case; we title-case them, and keep short
all-consonant or <= 3-letter single tokens as acronyms (matched case-exactly).
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "warta" / "data"
PACKS = ROOT / "src" / "warta" / "packs"

ACTOR_HEADER = ("pattern", "code", "name", "kind", "start", "end")
# Words that make a Phoenix entry an organisation rather than a person.
ORG_WORDS = frozenset(
    """ministry ministries party council army forces force committee congress
    parliament assembly government court police agency office bureau commission
    department union front movement organization organisation association league
    bank company corporation group brigade brigades battalion regiment navy
    air guard service services authority administration cabinet senate house
    federation alliance institute centre center foundation fund network news
    agency radio television tv press times post daily herald tribune journal
    university college school church mosque council coalition fraction
    brotherhood army's legion militia junta command commandos secretariat
    tribunal chamber board directorate unit units""".split()
)
# Where CAMEO's country code is not the ISO 3166 alpha-3 code Wikidata uses.
ISO_TO_CAMEO = {"ROU": "ROM", "MNE": "MTN", "TLS": "TMP", "IMN": "IMY"}
# Wikidata aliases that are noise for matching (codes, flags, pronoun clashes).
MIN_ALIAS_LEN = 2


@dataclass
class TabariEntry:
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str]] = field(default_factory=list)  # code, start, end


def _date(raw: str) -> str:
    """Phoenix dates are YYMMDD or YYYYMMDD; return ISO or ''."""
    raw = raw.strip()
    if not raw.isdigit():
        return ""
    if len(raw) == 6:
        yy = int(raw[:2])
        # Phoenix two-digit years: the dictionary was written 2012-2014.
        raw = ("19" if yy > 20 else "20") + raw
    if len(raw) != 8:
        return ""
    month = min(max(int(raw[4:6]), 1), 12)
    day = min(max(int(raw[6:8]), 1), 28 if month == 2 else 30)
    return f"{raw[:4]}-{month:02d}-{day:02d}"


def parse_code(text: str) -> tuple[str, str, str] | None:
    """'RUSGOV >20040309' -> ('RUSGOV', '2004-03-09', ''); '---' -> None."""
    parts = text.split()
    if not parts or not re.fullmatch(r"~?(?:[A-Z]{3})+", parts[0]):
        return None  # "---" (discard) and the odd malformed code
    code, start, end = parts[0].lstrip("~"), "", ""
    if len(parts) > 1:
        rng = parts[1]
        if rng.startswith(">"):
            start = _date(rng[1:])
        elif rng.startswith("<"):
            end = _date(rng[1:])
        elif "-" in rng:
            a, b = rng.split("-", 1)
            start, end = _date(a), _date(b)
    if start and end and end < start:
        return None  # a few Phoenix ranges are reversed typos; drop rather than guess
    return code, start, end


def parse_tabari(path: Path) -> Iterator[TabariEntry]:
    """Yield entries of a TABARI .actors file (names with '+' aliases and [codes])."""
    entry: TabariEntry | None = None
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [c for c in (parse_code(m) for m in re.findall(r"\[([^\]]*)\]", line)) if c]
        head = re.sub(r"\[[^\]]*\]", "", line).strip()
        if raw[0] in " \t":
            if entry is not None:
                entry.codes.extend(codes)
            continue
        if head.startswith("+"):
            if entry is not None:
                entry.names.extend([head[1:].strip()] if head[1:].strip() else [])
                entry.codes.extend(codes)
            continue
        if entry is not None and entry.names:
            yield entry
        entry = TabariEntry(names=[head] if head else [], codes=codes)
    if entry is not None and entry.names:
        yield entry


def surface(name: str) -> str:
    """'SERGEY_V._LAVROV_' -> 'Sergey V. Lavrov'; short tokens stay acronyms."""
    words = [w for w in name.strip("_ ").replace("_", " ").split() if w]
    if len(words) == 1 and (len(words[0]) <= 3 or not re.search(r"[AEIOUY]", words[0])):
        return words[0]
    return " ".join(_title(w) for w in words)


def _title(word: str) -> str:
    if re.fullmatch(r"(?:[A-Z]\.)+", word):
        return word
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def kind_of(name: str, code: str, countries: frozenset[str]) -> str:
    if code[:3] not in countries:
        return "organisation"  # IGO..., NGO..., MED...: bodies, not people
    words = name.lower().replace("-", " ").split()
    return "organisation" if len(words) < 2 or set(words) & ORG_WORDS else "person"


def is_country_block(entry: TabariEntry, names: frozenset[str]) -> bool:
    """Phoenix country blocks carry a bare 3-letter code and many aliases."""
    bare = any(len(c[0]) == 3 for c in entry.codes)
    return bare and (entry.names[0].strip("_ ").upper() in names or len(entry.names) >= 3)


def country_kinds(path: Path) -> dict[str, str]:
    """CountryInfo: upper-case name -> 'place' for capitals, cities and regions,
    'country' for country names."""
    kinds: dict[str, str] = {}
    section = ""
    for raw in path.read_text("latin-1").splitlines():
        line = raw.strip()
        name = re.fullmatch(r"<CountryName>(.*)</CountryName>", line)
        if name:
            kinds[name.group(1).strip().strip("_")] = "country"
        m = re.fullmatch(r"<(/?)(\w+)>", line)
        if m:
            section = "" if m.group(1) else m.group(2)
            continue
        if section in {"Capital", "MajorCities", "Regions", "GeogFeatures"} and line:
            kinds[line.split("#")[0].strip().strip("_")] = "place"
    return kinds


def cameo_countries(shared: Path) -> frozenset[str]:
    text = (shared / "reference" / "cameo" / "CAMEO.country.txt").read_text()
    return frozenset(m.group(1) for m in re.finditer(r"^([A-Z]{3})\t", text, re.M))


def build_countries(shared: Path) -> list[tuple[str, ...]]:
    dicts = shared / "dictionaries"
    places = country_kinds(dicts / "countryinfo" / "CountryInfo.140728.txt")
    rows: list[tuple[str, ...]] = []
    cameo: dict[str, str] = {}
    for line in (shared / "reference" / "cameo" / "CAMEO.country.txt").read_text().splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and re.fullmatch(r"[A-Z]{3}", parts[0]):
            cameo[parts[0]] = parts[1].strip()
            rows.append((parts[1].strip(), parts[0], parts[1].strip(), "country", "", ""))
    names = frozenset(k for k, v in places.items() if v == "country")
    for entry in parse_tabari(dicts / "petrarch" / "Phoenix.Countries.actors.txt"):
        bare = [c for c in entry.codes if len(c[0]) == 3]
        if not is_country_block(entry, names):
            continue
        code = bare[0][0]
        canonical = cameo.get(code, surface(entry.names[0]))
        for name in entry.names:
            key = name.strip("_ ").upper()
            kind = "place" if places.get(key) == "place" else "country"
            for c, start, end in bare:
                rows.append((surface(name), c, canonical, kind, start, end))
    for iso3, _lang, label in _wikidata(dicts / "wikidata" / "country_aliases.csv", "en"):
        if iso3 in cameo:
            rows.append((label, iso3, cameo[iso3], "country", "", ""))
    return rows


def _wikidata(path: Path, lang: str) -> Iterator[tuple[str, str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            label = row["label"].strip()
            if row["language"] != lang or len(label) < MIN_ALIAS_LEN:
                continue
            if not re.search(r"[A-Za-z]", label) or label.islower() and len(label) <= 3:
                continue
            if label in {row["iso3c"], row["iso2c"]}:
                continue  # ISO codes ("IDN", "ID") are not how news names countries
            yield ISO_TO_CAMEO.get(row["iso3c"], row["iso3c"]), lang, label


def build_id_countries(shared: Path) -> list[tuple[str, ...]]:
    cameo = {
        line.split("\t")[0]: line.split("\t")[1].strip()
        for line in (shared / "reference" / "cameo" / "CAMEO.country.txt").read_text().splitlines()
        if re.fullmatch(r"[A-Z]{3}\t.+", line)
    }
    path = shared / "dictionaries" / "wikidata" / "country_aliases.csv"
    return [
        (label, iso3, cameo[iso3], "country", "", "")
        for iso3, _lang, label in _wikidata(path, "id")
        if iso3 in cameo and re.fullmatch(r"[\w .'\-()]+", label)
    ]


def build_phoenix(shared: Path) -> list[tuple[str, ...]]:
    pet = shared / "dictionaries" / "petrarch"
    info = country_kinds(shared / "dictionaries" / "countryinfo" / "CountryInfo.140728.txt")
    names = frozenset(k for k, v in info.items() if v == "country")
    countries = cameo_countries(shared)
    rows: list[tuple[str, ...]] = []
    files = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
             "Phoenix.MilNonState.actors.txt")
    for fname in files:
        for entry in parse_tabari(pet / fname):
            if fname == files[0] and is_country_block(entry, names):
                continue
            codes = list(entry.codes)
            # Only recent roles matter for news we read; keep undated ones too.
            codes = [c for c in codes if not c[2] or c[2] >= "1990"]
            if not codes:
                continue
            canonical = surface(entry.names[0])
            for name in dict.fromkeys(entry.names):
                form = surface(name)
                if not _useful_alias(form, canonical):
                    continue
                for code, start, end in codes:
                    kind = kind_of(canonical, code, countries)
                    rows.append((form, code, canonical, kind, start, end))
    return rows


def _useful_alias(form: str, canonical: str) -> bool:
    """Single-word aliases of longer names ("Organization", "Youth", "Abdullah")
    and numbers ("313") match ordinary words and other people far more often
    than the actor; acronyms of three letters or more are kept."""
    if len(form) < 2 or not re.search(r"[A-Za-z]", form):
        return False
    if " " in form or form == canonical:
        return True
    return form.isupper() and len(form) >= 3


def build_agents(shared: Path) -> list[tuple[str, ...]]:
    path = shared / "dictionaries" / "petrarch" / "Phoenix.agents.txt"
    subs: dict[str, list[str]] = {}
    rows: list[tuple[str, ...]] = []
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.fullmatch(r"(!\w+!)\s*=\s*(.+)", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.fullmatch(r"([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[~(\w+)\]", line)
        if not m:
            continue
        base, plural, code = m.group(1).strip(), m.group(2), m.group(3)
        roles = " ".join(code[i : i + 3] for i in range(0, len(code), 3))
        forms = _expand(base, subs)
        plurals = _expand(plural, subs) if plural else [f + "S" for f in forms]
        for form in dict.fromkeys(forms + plurals):
            text = form.replace("_", " ").strip().lower()
            if text:
                rows.append((text, roles, "agent", "", ""))
    return rows


# Adjectival demonyms whose plural names the people ("Iraqi" -> "Iraqis");
# "-ese"/"-ish" forms have no such plural ("the Chinese", "the British").
DEMONYM_RE = re.compile(r"[A-Z][a-z]+(?:an|i)")
# Spelling variants of country names ("Kazakstan") and "-man" nouns are no demonyms.
NOT_DEMONYM_RE = re.compile(r"(?:stan|man)$")


def build_demonyms(country_rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Plural demonyms as agents: pattern, roles CVL, the country as default.
    Country names themselves ("Oman", "Mali") are not demonyms."""
    names = {r[2] for r in country_rows} | {r[0] for r in country_rows if r[0] == r[2]}
    out = []
    for pattern, code, _name, kind, *_ in country_rows:
        if kind == "country" and DEMONYM_RE.fullmatch(pattern) and pattern not in names \
                and not NOT_DEMONYM_RE.search(pattern) \
                and len(code) == 3:
            out.append((pattern + "s", "CVL", "agent", "0", code))
    return sorted(set(out))


def _expand(text: str, subs: dict[str, list[str]]) -> list[str]:
    for key, values in subs.items():
        if key in text:
            return [f for v in values for f in _expand(text.replace(key, v, 1), subs)]
    return [text]


def known_groups(shared: Path) -> list[tuple[str, ...]]:
    """Codes of CAMEO.knowngroup.txt (EEC, UNO, AMN, TAL …), first label kept."""
    return [tuple(line.split("\t")[:2]) for line in
            (shared / "reference/cameo/CAMEO.knowngroup.txt").read_text().splitlines()
            if re.fullmatch(r"[A-Z]{3}\t.+", line)]


def write_tsv(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]], note: str) -> None:
    seen: set[tuple[str, ...]] = set()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"# GENERATED by scripts/build_actor_packs.py — do not edit by hand.\n# {note}\n")
        fh.write("\t".join(header) + "\n")
        for row in rows:
            clean = tuple(c.replace("\t", " ").strip() for c in row)
            if clean in seen or not clean[0]:
                continue
            seen.add(clean)
            fh.write("\t".join(clean) + "\n")
    print(f"{path.relative_to(ROOT)}: {len(seen)} rows")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    src = "Phoenix (MIT, Open Event Data Alliance); CountryInfo (MIT, Schrodt); Wikidata (CC0)"
    countries = build_countries(args.shared)
    write_tsv(DATA / "actors_countries.tsv", ACTOR_HEADER, countries, src)
    write_tsv(PACKS / "en" / "agents_demonyms.tsv",
              ("pattern", "roles", "kind", "takes_name", "country"), build_demonyms(countries),
              "Plural demonyms of the country table above (Phoenix, CountryInfo: MIT)")
    types = [tuple(line.split("\t")[:2]) for line in
             (args.shared / "reference/cameo/CAMEO.type.txt").read_text().splitlines()
             if re.fullmatch(r"[A-Z]{3}\t.+", line)]
    write_tsv(DATA / "actors_types.tsv", ("code", "label"), types,
              "CAMEO actor type codes (GDELT lookup table): never a country prefix")
    write_tsv(DATA / "cameo_known_groups.tsv", ("code", "label"), known_groups(args.shared),
              "CAMEO known-group codes (GDELT lookup table): GDELT's KnownGroupCode column")
    write_tsv(DATA / "actors_phoenix.tsv", ACTOR_HEADER, build_phoenix(args.shared),
              "Phoenix actor dictionaries (MIT, Open Event Data Alliance)")
    write_tsv(PACKS / "id" / "actors_countries.tsv", ACTOR_HEADER,
              build_id_countries(args.shared), "Wikidata country labels, Indonesian (CC0)")
    write_tsv(PACKS / "en" / "agents_phoenix.tsv",
              ("pattern", "roles", "kind", "takes_name", "country"),
              build_agents(args.shared), "Phoenix agents (MIT, Open Event Data Alliance)")


if __name__ == "__main__":
    main()
