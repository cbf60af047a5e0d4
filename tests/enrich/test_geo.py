"""The offline gazetteer: GDELT codes, exonyms, stoplist, context disambiguation."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warta.enrich.geo import Gazetteer, fold, load_gazetteer
from warta.errors import DataFileError


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_loader_is_cached():
    assert Gazetteer.load() is Gazetteer.load()


@pytest.mark.parametrize(
    ("code", "iso2", "iso3", "fips", "cameo"),
    [
        ("RU", "RU", "RUS", "RS", "RUS"),
        ("RUS", "RU", "RUS", "RS", "RUS"),
        ("CHN", "CN", "CHN", "CH", "CHN"),
        ("UA", "UA", "UKR", "UP", "UKR"),
        ("ID", "ID", "IDN", "ID", "IDN"),
        ("GB", "GB", "GBR", "UK", "GBR"),
        ("ROM", "RO", "ROU", "RO", "ROM"),  # CAMEO's own code for Romania
        ("de", "DE", "DEU", "GM", "DEU"),
    ],
)
def test_country_codes(gaz, code, iso2, iso3, fips, cameo):
    c = gaz.country(code)
    assert (c.country, c.iso3, c.fips, c.cameo, c.feature_type) == (iso2, iso3, fips, cameo, 1)


def test_country_centroids_are_gdelts(gaz):
    china, russia = gaz.country("CN"), gaz.country("RU")
    assert (china.lat, china.lon, china.adm1, china.feature_id) == (35.0, 105.0, "CH", "CH")
    assert (russia.lat, russia.lon) == (60.0, 100.0)


def test_unknown_country_code(gaz):
    with pytest.raises(KeyError):
        gaz.country("XXX")


@pytest.mark.parametrize(
    ("name", "lang", "place", "country", "feature_type"),
    [
        ("Moskow", "id", "Moscow", "RU", 4),
        ("Moscow", "en", "Moscow", "RU", 4),
        ("Tiongkok", "id", "China", "CN", 1),
        ("Rusia", "id", "Russia", "RU", 1),
        ("Ukraina", "id", "Ukraine", "UA", 1),
        ("Amerika Serikat", "id", "United States", "US", 1),
        ("AS", "id", "United States", "US", 1),
        ("Yerusalem", "id", "Jerusalem", "IL", 4),
        ("Surabaya", "id", "Surabaya", "ID", 4),
        ("Jakarta Selatan", "id", "Jakarta", "ID", 4),
        ("Washington", "en", "Washington", "US", 3),  # the capital, not the state
        ("New York", "en", "New York City", "US", 3),
        ("Texas", "en", "Texas", "US", 2),
        ("São Paulo", "en", "São Paulo", "BR", 4),
        ("Sao Paulo", "en", "São Paulo", "BR", 4),
    ],
)
def test_lookup(gaz, name, lang, place, country, feature_type):
    entry = gaz.lookup(name, lang=lang)
    assert entry is not None
    assert (entry.name, entry.country, entry.feature_type) == (place, country, feature_type)


def test_beijing_coordinates_and_adm1(gaz):
    beijing = gaz.lookup("Beijing")
    assert beijing.fips == "CH" and beijing.adm1 == "CH22"
    assert round(beijing.lat, 1) == 39.9 and round(beijing.lon, 1) == 116.4


def test_indonesian_province_has_gdelt_adm1(gaz):
    jabar = gaz.lookup("Jawa Barat", lang="id")
    assert (jabar.name, jabar.adm1, jabar.feature_type) == ("West Java", "ID30", 5)
    assert -8 < jabar.lat < -6


@pytest.mark.parametrize(
    ("context", "country", "feature_type"),
    [((), "GE", 1), (("US",), "US", 2), (("USA",), "US", 2), (("RU",), "GE", 1)],
)
def test_georgia_depends_on_context(gaz, context, country, feature_type):
    entry = gaz.lookup("Georgia", context)
    assert (entry.country, entry.feature_type) == (country, feature_type)


def test_context_does_not_move_a_capital_to_a_small_town(gaz):
    assert gaz.lookup("Moscow", ("US",)).country == "RU"


@pytest.mark.parametrize(
    ("name", "lang"),
    [("yang", "id"), ("Kota", "id"), ("orang", "id"), ("negara", "id"), ("Mobile", "en"),
     ("Nice", "en"), ("as", "id"), ("As", "en"), ("Kita", "id"), ("Vladimir", "en"),
     ("SE", "en"), ("Narnia", "en")],
)
def test_common_words_are_not_places(gaz, name, lang):
    assert gaz.lookup(name, lang=lang) is None


def test_language_of_an_alias_is_respected(gaz):
    assert gaz.lookup("AS", lang="id").country == "US"
    assert gaz.lookup("AS", lang="en") is None


@given(st.text(max_size=40))
def test_fold_keeps_one_character_per_character(text):
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(("raw", "folded"), [("Moskow", "moskow"), ("São Paulo", "sao paulo"),
                                              ("Zürich", "zurich"), ("İstanbul", "istanbul")])
def test_fold(raw, folded):
    assert fold(raw) == folded


def _write_gz(path, text):
    path.write_bytes(gzip.compress(text.encode("utf-8")))


@pytest.fixture
def tiny_tables(tmp_path):
    countries = tmp_path / "countries.tsv"
    countries.write_text("iso2\tiso3\tfips\tcameo\tname\nRU\tRUS\tRS\tRUS\tRussia\n", "utf-8")
    places = tmp_path / "places.tsv.gz"
    _write_gz(places, "id\tkind\tfeature_type\tname\tiso2\tfips\tadm1\tlat\tlon\tpopulation"
              "\tcapital\tfeature_id\n"
              "country:RU\tcountry\t1\tRussia\tRU\tRS\tRS\t60\t100\t0\t0\tRS\n")
    names = tmp_path / "names.tsv.gz"
    _write_gz(names, "# comment\nname\tplace\tlang\nRussia\tcountry:RU\t\n")
    return countries, places, names


def test_tables_load_without_packs(tiny_tables):
    gaz = load_gazetteer(*tiny_tables)
    assert gaz.lookup("russia").fips == "RS"
    assert gaz.lookup("Rusia") is None


def test_bad_place_row_names_file_and_line(tiny_tables, tmp_path):
    countries, places, names = tiny_tables
    _write_gz(names, "name\tplace\nRussia\n")
    with pytest.raises(DataFileError) as err:
        load_gazetteer(countries, places, names)
    assert err.value.line == 2 and str(names) in str(err.value)


def test_bad_coordinate_is_a_data_file_error(tiny_tables):
    countries, places, names = tiny_tables
    _write_gz(places, "id\tkind\tfeature_type\tname\tiso2\tfips\tadm1\tlat\tlon\tpopulation"
              "\tcapital\tfeature_id\ncountry:RU\tcountry\t1\tRussia\tRU\tRS\tRS\tnorth\t100\t0"
              "\t0\tRS\n")
    with pytest.raises(DataFileError):
        load_gazetteer(countries, places, names)


@pytest.mark.parametrize(
    ("name", "lang", "country"),
    [
        ("Natal", "id", None),  # "Christmas" in Indonesian
        ("Natal", "en", "BR"),
        ("Tanda", "id", None),  # a word ("sign"), and a town in India
        ("Paris", "id", "FR"),  # a capital survives being a word
        ("Batu", "id", None),  # Indonesian stoplist
        ("Praya", "id", "ID"),  # a town's own name beats another's alternate spelling
        ("Kennedy", "id", None),  # person names, in every language
        ("Kennedy", "en", None),
        ("Kita", "en", "JP"),  # Indonesian "we" is only stopped in Indonesian
    ],
)
def test_words_of_the_text_language(gaz, name, lang, country):
    entry = gaz.lookup(name, lang=lang)
    assert (entry.country if entry else None) == country


def test_common_stoplist_applies_to_every_language(tiny_tables, tmp_path):
    stop = tmp_path / "stop.tsv"
    stop.write_text("name\nRussia\n", "utf-8")
    gaz = load_gazetteer(*tiny_tables, stop=stop)
    assert gaz.lookup("Russia") is None and gaz.is_stopword("russia", "id")
