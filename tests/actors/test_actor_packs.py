"""The shipped dictionaries load, and cover what the issue asks for."""

from __future__ import annotations

import re

import pytest

from warta.actors.dictionary import load_language
from warta.packs import DATA_ROOT


@pytest.fixture(scope="module", params=["id", "en"])
def data(request):
    return load_language(request.param)


def test_packs_load(data):
    assert len(data.actors) > 10_000 and data.agents and data.coref


def _codes(data, pattern_filter=None):
    return {a.code[:3] for a in data.actors if a.kind in {"country", "place"}
            and (pattern_filter is None or pattern_filter(a))}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_cameo_country_and_region_has_a_name(shared, lang):
    listed = re.findall(r"^([A-Z]{3})\t", (shared / "reference/cameo/CAMEO.country.txt")
                        .read_text(), re.M)
    assert set(listed) - _codes(load_language(lang)) == set()


@pytest.mark.parametrize(
    ("form", "code"),
    [("Tiongkok", "CHN"), ("RRT", "CHN"), ("Negeri Tirai Bambu", "CHN"), ("Rusia", "RUS"),
     ("Moskow", "RUS"), ("Kremlin", "RUSGOV"), ("AS", "USA"), ("Amerika Serikat", "USA"),
     ("Gedung Putih", "USAGOV"), ("Inggris", "GBR"), ("Palestina", "PSE"),
     ("Korea Utara", "PRK"), ("Ukraina", "UKR"), ("Barat", "WST"), ("PBB", "IGOUNO"),
     ("ASEAN", "IGOSEAASN")],
)
def test_indonesian_forms(form, code):
    data = load_language("id")
    assert code in {a.code for a in data.actors if a.pattern == form}


def test_indonesian_names_cover_most_cameo_countries(shared):
    listed = set(re.findall(r"^([A-Z]{3})\t", (shared / "reference/cameo/CAMEO.country.txt")
                            .read_text(), re.M))
    id_only = _codes(load_language("id"), lambda a: "packs/id/" in a.source)
    assert len(listed & id_only) / len(listed) > 0.85


def test_generated_files_say_so():
    for name in ("actors_countries.tsv", "actors_phoenix.tsv", "actors_types.tsv"):
        assert (DATA_ROOT / name).read_text().startswith("# GENERATED")
