"""Offline gazetteer: countries, first-level divisions and cities with GDELT codes.

The tables are built by ``scripts/build_gazetteer.py`` from GeoNames,
Wikidata, CountryInfo and GDELT (see docs/geo.md). Language packs add
exonyms and aliases (``places_aliases.tsv``: "Moskow", "Tiongkok", "AS") and
a stoplist of common words that are also place names (``places_stop.tsv``).

Names are keyed by :func:`fold` (lower case, accents stripped, one output
character per input character) so the same function can fold article text
without moving offsets.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import logging
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from ..cache import compiled
from ..errors import DataFileError
from ..packs import data_file, languages, pack_file, read_tsv

log = logging.getLogger(__name__)
V = TypeVar("V")

#: The language module's word list (root words of Indonesian news), used to
#: tell a common word from a foreign town of the same name; optional.
LEXICON_FILE, LEXICON_COLUMN = "roots.tsv", "root"
#: The country whose towns a language's words may name (Batu, Kota in Indonesia).
HOME_COUNTRY = {"id": "ID"}
#: Ranking weights by kind: a country outranks a capital, which outranks a
#: first-level division, which outranks an ordinary city (ranked by population).
KIND_WEIGHT = {"country": 1e9, "capital": 2e8, "state": 1e8, "adm1": 5e7}
#: Factor for a candidate in a country the article already places events in.
CONTEXT_BONUS = 20.0
#: A foreign city whose name is also a common word must be at least this big
#: (or a capital) to be taken for the city.
WORD_CITY_POPULATION = 1_000_000


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One gazetteer place, with the codes GDELT's geo columns need."""

    id: str  # "country:RU", "adm1:USGA", "city:524901"
    kind: str  # country | state | adm1 | city
    name: str
    country: str  # ISO 3166-1 alpha-2
    fips: str  # FIPS 10-4 country code
    adm1: str  # GDELT ADM1 code ("RS48"), or the FIPS code for a country
    lat: float | None
    lon: float | None
    feature_type: int  # 1 country, 2 US state, 3 US city, 4 world city, 5 world state
    feature_id: str
    population: int = 0
    capital: bool = False
    iso3: str = ""
    cameo: str = ""

    @property
    def weight(self) -> float:
        if self.kind == "city":
            return KIND_WEIGHT["capital"] if self.capital else float(self.population)
        return KIND_WEIGHT[self.kind]


@dataclass(frozen=True, slots=True)
class NameRef:
    """A name pointing at a place; ``exact`` names must match case ("AS", "RI")."""

    place: str
    lang: str = ""  # "" = any language
    exact: str = ""  # the surface form required, when case matters
    curated: bool = False  # from a language pack: outranks the generic tables
    alternate: bool = False  # a GeoNames alternate spelling: ranks below own names


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping exactly one character per character."""
    if text.isascii():  # the common case, and str.lower keeps ASCII lengths
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:  # "İ".lower() is two characters: keep offsets stable
        low = ch
    if low.isascii():
        return low
    base = unicodedata.normalize("NFKD", low)[0]
    return base.lower() if base.isascii() and base.isalpha() else low


class Gazetteer:
    """Name → place lookup with context-aware disambiguation."""

    def __init__(
        self,
        entries: Mapping[str, GeoEntry],
        names: Mapping[str, Sequence[NameRef]],
        stopwords: Mapping[str, Iterable[str]] | None = None,
        capitals: Mapping[str, str] | None = None,
        lexicons: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self._entries = dict(entries)
        self._capitals = dict(capitals or {})  # ISO2 → place id of the capital city
        self._names = {k: tuple(v) for k, v in names.items()}
        # Per language: stoplists, and the language's ordinary words (a foreign
        # town called "Tanda" or "Natal" is a word in Indonesian text).
        self._stop = {lang: frozenset(fold(w) for w in ws)
                      for lang, ws in (stopwords or {}).items()}
        self._lexicon = {lang: frozenset(fold(w) for w in ws)
                         for lang, ws in (lexicons or {}).items()}
        self._by_code: dict[str, GeoEntry] = {}
        for e in self._entries.values():
            if e.kind == "country":
                for code in (e.cameo, e.iso3, e.country):  # ISO2 wins over CAMEO
                    if code:
                        self._by_code[code] = e

    @staticmethod
    def load() -> Gazetteer:
        """The shipped gazetteer plus every language pack's aliases (cached)."""
        return _load_default()

    # -- queries -------------------------------------------------------------

    def country(self, code: str) -> GeoEntry:
        """Country by ISO2, ISO3 or CAMEO code. Raises KeyError if unknown."""
        entry = self._by_code.get(code.upper())
        if entry is None:
            raise KeyError(f"unknown country code {code!r}")
        return entry

    def capital(self, code: str) -> GeoEntry | None:
        """The capital city of a country (any code :meth:`country` accepts)."""
        try:
            iso2 = self.country(code).country
        except KeyError:
            return None
        return self._entries.get(self._capitals.get(iso2, ""))

    def entry(self, place_id: str) -> GeoEntry:
        return self._entries[place_id]

    def is_stopword(self, name: str, lang: str | None = None) -> bool:
        """In ``lang``'s stoplist (any language's when ``lang`` is None or has none)."""
        key = fold(name.strip())
        if lang and lang in self._stop:
            return key in self._stop[lang]
        return any(key in words for words in self._stop.values())

    def candidates(self, name: str, lang: str | None = None) -> tuple[GeoEntry, ...]:
        """Every place ``name`` may denote (case rules and stoplist applied).

        When a language pack lists the name, only the pack's places are
        candidates: "New York" is the city, not the state.
        """
        name = name.strip()
        key = fold(name)
        if self.is_stopword(name, lang):
            return ()
        # A short all-capital form ("SE", "KAI") is an acronym unless a pack says otherwise.
        acronym = name.isupper() and len(name) <= 4
        refs = [
            r for r in self._names.get(key, ())
            if (not r.exact or r.exact == name) and (not lang or not r.lang or r.lang == lang)
            and (r.curated or not acronym)
        ]
        for better in (lambda r: r.curated, lambda r: not r.alternate):
            if any(better(r) for r in refs):
                refs = [r for r in refs if better(r)]
        is_word = bool(lang) and key in self._lexicon.get(lang or "", ())
        out: list[GeoEntry] = []
        for ref in refs:
            entry = self._entries.get(ref.place)
            if entry is None or entry in out:
                continue
            if is_word and not ref.curated and not self._survives_as_word(entry, ref, lang):
                continue
            out.append(entry)
        return tuple(out)

    def _survives_as_word(self, entry: GeoEntry, ref: NameRef, lang: str | None) -> bool:
        """A name that is also a word of ``lang`` stays a place only when the
        place is big news: in the language's own country, a country, or a
        capital or million-city under its own name (Paris, Dakar, Baku)."""
        if entry.kind != "city":
            return True
        if entry.country == HOME_COUNTRY.get(lang or "", ""):
            return True
        return not ref.alternate and (entry.capital or entry.population >= WORD_CITY_POPULATION)

    def lookup(
        self, name: str, context_countries: Sequence[str] = (), lang: str | None = None
    ) -> GeoEntry | None:
        """The most likely place for ``name``.

        ``context_countries`` (ISO2, ISO3 or CAMEO codes) are countries the
        article is about; a candidate inside one of them is preferred, so
        "Georgia" is the US state in an article that names Atlanta.
        """
        return self.best(self.candidates(name, lang), context_countries)

    def best(
        self, candidates: Sequence[GeoEntry], context_countries: Sequence[str] = ()
    ) -> GeoEntry | None:
        """The highest-ranked candidate, favouring the context countries."""
        if not candidates:
            return None
        context = self._iso2_set(context_countries)
        return max(candidates,
                   key=lambda e: e.weight * (CONTEXT_BONUS if e.country in context else 1))

    def names(self) -> Iterator[tuple[str, tuple[NameRef, ...]]]:
        """Folded names with their references (to build a matcher)."""
        for key in self.name_keys():
            yield key, self._names[key]

    def name_keys(self) -> Iterable[str]:
        """The folded names alone (builds no reference)."""
        return self._names.keys() if not isinstance(self._names, _Lazy) else self._names.all

    def _iso2_set(self, codes: Sequence[str]) -> frozenset[str]:
        out = set()
        for code in codes:
            try:
                out.add(self.country(code).country)
            except KeyError:
                continue
        return frozenset(out)


# -- loading -----------------------------------------------------------------


def default_sources() -> tuple[list[Path], str]:
    """The files the shipped gazetteer is built from (with this module) and the
    languages as a string: a compiled-cache key for anything derived from it."""
    langs = languages()
    files = [data_file("geo_countries.tsv"), data_file("geo_places.tsv.gz"),
             data_file("geo_names.tsv.gz"), data_file("geo_stop.tsv"), Path(__file__)]
    files += [pack_file(lang, name) for lang in langs
              for name in ("places_aliases.tsv", "places_stop.tsv", LEXICON_FILE)]
    return files, ",".join(langs)


@lru_cache(maxsize=1)
def _load_default() -> Gazetteer:
    """The shipped gazetteer, from the compiled cache when its files are unchanged."""
    langs = languages()
    files = (data_file("geo_countries.tsv"), data_file("geo_places.tsv.gz"),
             data_file("geo_names.tsv.gz"), langs, data_file("geo_stop.tsv"))
    inputs, extra = default_sources()
    parts = compiled("gazetteer", inputs, lambda: _gazetteer_parts(*files), extra=extra)
    return _gazetteer(parts)


#: What a Gazetteer is made of, as plain values: GeoEntry rows (field order),
#: name -> NameRef rows, stopwords and capitals and lexicons by language.
_Parts = tuple[list[tuple], dict[str, list[tuple]], dict[str, list[str]], dict[str, str],
               dict[str, list[str]]]
_ENTRY_FIELDS = tuple(f.name for f in dataclasses.fields(GeoEntry))
_REF_FIELDS = tuple(f.name for f in dataclasses.fields(NameRef))


def load_gazetteer(
    countries: Path, places: Path, names: Path, langs: Sequence[str] = (),
    stop: Path | None = None,
) -> Gazetteer:
    """Build a Gazetteer from the data files and the packs of ``langs``.

    ``stop`` lists names that are never places in any language (person names,
    brands); each pack's ``places_stop.tsv`` holds that language's words.
    """
    return _gazetteer(_gazetteer_parts(countries, places, names, langs, stop))


class _Lazy(dict[str, V]):
    """key → value built from its row on the first look-up: of the ~16,000 places
    and ~22,000 names most are never looked up, and building them all was half
    the gazetteer's start-up. ``all`` holds the rows of every key."""

    def __init__(self, rows: Mapping[str, Any], make: Callable[[Any], V]) -> None:
        super().__init__()
        self.all, self._make = rows, make

    def __missing__(self, key: str) -> V:
        value = self[key] = self._make(self.all[key])  # KeyError when there is no row
        return value

    def get(self, key: str, default: Any = None) -> Any:  # dict.get skips __missing__
        try:
            return self[key]
        except KeyError:
            return default


def _refs(rows: Sequence[tuple]) -> tuple[NameRef, ...]:
    return tuple(NameRef(*row) for row in rows)


def _gazetteer(parts: _Parts) -> Gazetteer:
    entry_rows, ref_rows, stops, capitals, lexicons = parts
    countries = {row[0]: GeoEntry(*row) for row in entry_rows if row[1] == "country"}
    gaz = Gazetteer(countries, {}, stops, capitals, lexicons)
    entries: _Lazy[GeoEntry] = _Lazy({row[0]: row for row in entry_rows},
                                     lambda row: GeoEntry(*row))
    entries.update(countries)
    gaz._entries = entries
    gaz._names = _Lazy(ref_rows, _refs)
    return gaz


def _gazetteer_parts(
    countries: Path, places: Path, names: Path, langs: Sequence[str] = (),
    stop: Path | None = None,
) -> _Parts:
    codes = {row["iso2"]: row for _, row in read_tsv(countries, ("iso2", "iso3"))}
    entries = {e.id: e for e in _read_places(places, codes)}
    refs: dict[str, list[NameRef]] = defaultdict(list)
    for _, row in _read_gz_tsv(names, ("name", "place")):
        refs[fold(row["name"])].append(
            NameRef(row["place"], row.get("lang", ""), alternate=row.get("kind") == "alt"))
    common = _read_words(stop) if stop is not None else []
    stops: dict[str, list[str]] = {"": common}
    lexicons: dict[str, list[str]] = {}
    for lang in langs:
        _add_aliases(pack_file(lang, "places_aliases.tsv"), lang, entries, refs)
        stops[lang] = common + _read_words(pack_file(lang, "places_stop.tsv"))
        lexicons[lang] = _read_words(pack_file(lang, LEXICON_FILE), LEXICON_COLUMN)
    capitals = {iso2: f"city:{row['capital_id']}" for iso2, row in codes.items()
                if row.get("capital_id")}
    return ([tuple(getattr(e, f) for f in _ENTRY_FIELDS) for e in entries.values()],
            {name: [tuple(getattr(r, f) for f in _REF_FIELDS) for r in rs]
             for name, rs in refs.items()},
            stops, capitals, lexicons)


def _read_places(path: Path, codes: Mapping[str, Mapping[str, str]]) -> Iterator[GeoEntry]:
    for lineno, row in _read_gz_tsv(path, ("id", "kind", "feature_type", "iso2")):
        try:
            extra = codes.get(row["iso2"], {}) if row["kind"] == "country" else {}
            yield GeoEntry(
                id=row["id"], kind=row["kind"], name=row["name"], country=row["iso2"],
                fips=row["fips"], adm1=row["adm1"], lat=_float(row["lat"]),
                lon=_float(row["lon"]), feature_type=int(row["feature_type"]),
                feature_id=row["feature_id"], population=int(row["population"] or 0),
                capital=row["capital"] == "1", iso3=extra.get("iso3", ""),
                cameo=extra.get("cameo", ""),
            )
        except (ValueError, KeyError) as exc:
            raise DataFileError(str(path), f"bad place row: {exc}", lineno) from exc


def _add_aliases(
    path: Path, lang: str, entries: dict[str, GeoEntry], refs: dict[str, list[NameRef]]
) -> None:
    if not path.exists():
        return
    for lineno, row in read_tsv(path, ("name", "place")):
        entry = entries.get(row["place"])
        if entry is None:
            raise DataFileError(str(path), f"unknown place id {row['place']!r}", lineno)
        name = row["name"]
        if not entry.name:  # divisions are named only by the packs: first alias wins
            entries[entry.id] = dataclasses.replace(entry, name=name)
        # All-capital short forms (AS, RI, UK) are words in lower case.
        exact = name if name.isupper() and len(name) <= 4 else ""
        refs[fold(name)].insert(0, NameRef(row["place"], lang, exact, curated=True))


def _read_words(path: Path, column: str = "name") -> list[str]:
    if not path.exists():
        return []
    return [row[column] for _, row in read_tsv(path, (column,))]


def _read_gz_tsv(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """read_tsv for a gzip file (decompressed into memory: a few MB at most)."""
    try:
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
    except OSError as exc:
        raise DataFileError(str(path), f"cannot read gzip data: {exc}") from exc
    header: list[str] | None = None
    for lineno, line in enumerate(io.StringIO(raw), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            missing = [c for c in required if c not in header]
            if missing:
                raise DataFileError(str(path), f"missing column(s) {missing}", lineno)
            continue
        if len(fields) != len(header):
            reason = f"{len(fields)} fields, header has {len(header)}"
            raise DataFileError(str(path), reason, lineno)
        yield lineno, dict(zip(header, fields, strict=True))


def _float(text: str) -> float | None:
    return float(text) if text else None
