"""Event-date expressions: found with pack word lists, resolved against publication."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.enrich.dates import DateMention, DateResolver, DateWords
from warta.errors import DataFileError

PUBLISHED = datetime(2024, 4, 9, 23, 30)  # a Tuesday


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return DateResolver()


def only(resolver: DateResolver, text: str, lang: str,
         published: datetime | None = PUBLISHED) -> DateMention:
    found = resolver.find(text, lang, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expression", "value", "precision"),
    [
        ("Menteri itu tiba pada hari Senin (8/4) di Beijing.", "hari Senin (8/4)", "2024-04-08",
         "day"),
        ("Rapat kabinet digelar pada hari Selasa (9/4), kata juru bicara.", "hari Selasa (9/4)",
         "2024-04-09", "day"),
        ("Rapat digelar Rabu (10/4) mendatang.", "Rabu (10/4)", "2024-04-10", "day"),
        ("Mereka bertemu pada Februari 2022 di Beijing.", "Februari 2022", "2022-02", "month"),
        ("Perdagangan mencapai rekor tahun lalu.", "tahun lalu", "2023", "year"),
        ("Banjir pada 22 Maret tahun ini merusak jembatan.", "22 Maret tahun ini",
         "2024-03-22", "day"),
        ("Serangan pada 17 Agustus 1945 itu.", "17 Agustus 1945", "1945-08-17", "day"),
        ("Presiden terpilih kembali baru-baru ini.", "baru-baru ini", "2024-03", "month"),
        ("Kebakaran terjadi pekan lalu.", "pekan lalu", "2024-04-02", "day"),
        ("Kebakaran terjadi minggu lalu.", "minggu lalu", "2024-04-02", "day"),
        ("Ia ditangkap dua hari lalu.", "dua hari lalu", "2024-04-07", "day"),
        ("Ia ditangkap 3 hari yang lalu.", "3 hari yang lalu", "2024-04-06", "day"),
        ("Polisi menangkapnya kemarin.", "kemarin", "2024-04-08", "day"),
        ("Harga naik sebulan lalu.", "sebulan lalu", "2024-03", "month"),
        ("Banjir melanda pada Desember.", "Desember", "2023-12", "month"),
        ("Undang-undang itu disahkan tahun 2019.", "2019", "2019", "year"),
        ("Ia datang hari Jumat lalu.", "hari Jumat lalu", "2024-04-05", "day"),
    ],
)
def test_indonesian_expressions(resolver, text, expression, value, precision):
    found = only(resolver, text, "id")
    assert (found.text, found.value, found.precision) == (expression, value, precision)
    assert text[found.start:found.end] == found.text


@pytest.mark.parametrize(
    ("text", "expression", "value", "precision"),
    [
        ("Officials met on Tuesday in Geneva.", "Tuesday", "2024-04-09", "day"),
        ("Officials met on Monday in Geneva.", "Monday", "2024-04-08", "day"),
        ("They met last Tuesday.", "last Tuesday", "2024-04-02", "day"),
        ("The ministry said yesterday that talks failed.", "yesterday", "2024-04-08", "day"),
        ("Talks collapsed last week.", "last week", "2024-04-02", "day"),
        ("Troops withdrew in March.", "March", "2024-03", "month"),
        ("Troops withdrew in May.", "May", "2023-05", "month"),
        ("The accord was signed in 2019.", "2019", "2019", "year"),
        ("The accord was signed on March 22, 2021.", "March 22, 2021", "2021-03-22", "day"),
        ("Rebels attacked on 22 March.", "22 March", "2024-03-22", "day"),
        ("Rebels attacked two days ago.", "two days ago", "2024-04-07", "day"),
        ("Rebels attacked a year ago.", "a year ago", "2023", "year"),
        ("Exports fell last year.", "last year", "2023", "year"),
        ("Exports fell earlier this month.", "earlier this month", "2024-04", "month"),
        ("Talks resumed in May 2021 after a pause.", "May 2021", "2021-05", "month"),
        ("The deal, dated 2024-03-01, expired.", "2024-03-01", "2024-03-01", "day"),
    ],
)
def test_english_expressions(resolver, text, expression, value, precision):
    found = only(resolver, text, "en")
    assert (found.text, found.value, found.precision) == (expression, value, precision)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("You may go now.", "en"),  # "May" the verb
        ("Lawatan dua hari itu berakhir.", "id"),  # a duration, not a date
        ("Harga naik menjadi Rp 2019 per liter.", "id"),  # money, not a year
        ("It cost $2019 in total.", "en"),
        ("Dalam satu minggu terakhir ia bekerja.", "id"),  # "minggu" = week, not Sunday
    ],
)
def test_non_dates_are_ignored(resolver, text, lang):
    assert resolver.find(text, lang, PUBLISHED) == []


def test_relative_forms_need_a_publication_date(resolver):
    found = resolver.find("Ia datang kemarin, pada 17 Agustus 1945.", "id", None)
    assert [(d.text, d.value) for d in found] == [("17 Agustus 1945", "1945-08-17")]


def test_timezone_aware_publication_date(resolver):
    published = datetime(2024, 4, 9, 23, 30, tzinfo=UTC)
    assert only(resolver, "Ia tiba kemarin.", "id", published).value == "2024-04-08"


def test_longest_expression_wins(resolver):
    found = resolver.find("Pada 22 Maret tahun ini dan kemarin lusa.", "id", PUBLISHED)
    assert [d.text for d in found] == ["22 Maret tahun ini", "kemarin lusa"]
    assert found[1].value == "2024-04-07"


def test_word_lists_come_from_the_packs():
    words = DateWords.load("id")
    assert words.months["maret"] == 3
    assert words.weekdays["senin"] == 0
    assert words.relative["pekan lalu"] == ("week", -1)
    assert DateWords.load("en").numbers["two"] == 2


def test_sample_page_dates(resolver, sample_path):
    text = sample_path.read_text(encoding="utf-8")
    found = {(d.text, d.value, d.precision) for d in resolver.find(text, "id", PUBLISHED)}
    assert {
        ("hari Senin (8/4)", "2024-04-08", "day"),
        ("hari Selasa (9/4)", "2024-04-09", "day"),
        ("Februari 2022", "2022-02", "month"),
        ("tahun lalu", "2023", "year"),
        ("22 Maret tahun ini", "2024-03-22", "day"),
    } <= found


PIECES = st.sampled_from([
    "kemarin", "Senin (8/4)", "pada Februari 2022", "tahun lalu", "22 Maret tahun ini",
    "dua hari lalu", "last week", "on Tuesday", "in March", "2019", " ", ", ", "hari ", "Rp",
    "orang", "(", ")", "/", "9", "Mei", "May", "baru-baru ini", "İstanbul", "\n",
    "Selasa depan", "next Tuesday", "Nomor 5 Tahun ", "No. 5 of ", "besok",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=12), st.sampled_from(["id", "en"]))
def test_every_span_slices_back_to_its_text(pieces, lang):
    text = "".join(pieces)
    found = DateResolver().find(text, lang, PUBLISHED)
    for d in found:
        assert text[d.start:d.end] == d.text
        assert d.precision in ("day", "month", "year")
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize(
    ("text", "lang", "expression", "value"),
    [
        ("Peristiwa terjadi pada Sabtu malam, 4 Oktober 2025.", "id", "Sabtu malam, 4 Oktober 2025",
         "2025-10-04"),
        ("It happened on Saturday night, 6 April.", "en", "Saturday night, 6 April", "2024-04-06"),
    ],
)
def test_weekday_with_part_of_day_and_date(resolver, text, lang, expression, value):
    found = only(resolver, text, lang)
    assert (found.text, found.value) == (expression, value)


def test_language_without_date_words_is_a_data_file_error(resolver):
    with pytest.raises(DataFileError) as err:
        resolver.find("kemarin", "xx", PUBLISHED)
    assert "dates_months.tsv" in str(err.value)


@pytest.mark.parametrize(
    ("text", "lang", "expression", "value", "precision"),
    [
        # published Tuesday 2024-04-09
        ("Polisi menangkapnya kemarin.", "id", "kemarin", "2024-04-08", "day"),
        ("Kebakaran terjadi pekan lalu.", "id", "pekan lalu", "2024-04-02", "day"),
        ("Ia datang Senin lalu.", "id", "Senin lalu", "2024-04-08", "day"),
        ("Ia datang Selasa lalu.", "id", "Selasa lalu", "2024-04-02", "day"),  # strictly before
        ("Ia datang hari Selasa.", "id", "hari Selasa", "2024-04-09", "day"),  # on or before
        ("Ia datang Senin kemarin.", "id", "Senin kemarin", "2024-04-08", "day"),
        ("Sidang digelar Selasa depan.", "id", "Selasa depan", "2024-04-16", "day"),
        ("Sidang digelar Kamis mendatang.", "id", "Kamis mendatang", "2024-04-11", "day"),
        ("Harga naik bulan depan.", "id", "bulan depan", "2024-05", "month"),
        ("Pemilu digelar tahun depan.", "id", "tahun depan", "2025", "year"),
        ("Rapat digelar besok.", "id", "besok", "2024-04-10", "day"),
        ("Rapat digelar lusa.", "id", "lusa", "2024-04-11", "day"),
        ("Talks collapsed yesterday.", "en", "yesterday", "2024-04-08", "day"),
        ("Talks collapsed last week.", "en", "last week", "2024-04-02", "day"),
        ("Talks collapsed on Tuesday.", "en", "Tuesday", "2024-04-09", "day"),
        ("Talks collapsed on Wednesday.", "en", "Wednesday", "2024-04-03", "day"),
        ("Talks resume next Tuesday.", "en", "next Tuesday", "2024-04-16", "day"),
        ("Talks resume next Wednesday.", "en", "next Wednesday", "2024-04-10", "day"),
        ("Talks resume tomorrow.", "en", "tomorrow", "2024-04-10", "day"),
        ("Talks resume next month.", "en", "next month", "2024-05", "month"),
        ("Elections are due next year.", "en", "next year", "2025", "year"),
    ],
)
def test_relative_expressions_against_publication(resolver, text, lang, expression, value,
                                                   precision):
    found = only(resolver, text, lang)
    assert (found.text, found.value, found.precision) == (expression, value, precision)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Perbuatan itu melanggar UU Nomor 16 Tahun 2018 tentang pengadaan.", "id"),
        ("Aturan itu tertuang dalam Kepmenhub Nomor KM 50 Tahun 2025.", "id"),
        ("The ruling cited Law No. 5 of 2019.", "en"),
    ],
)
def test_document_numbers_are_not_dates(resolver, text, lang):
    assert resolver.find(text, lang, PUBLISHED) == []


def test_weekday_modifiers_come_from_the_pack():
    words = DateWords.load("id")
    assert words.weekday_modifiers["depan"] == ("after", "future")
    assert words.weekday_modifiers["hari"] == ("before", "none")
    assert DateWords.load("en").weekday_modifiers["next"] == ("before", "future")


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=12), st.sampled_from(["id", "en"]))
def test_skipping_patterns_without_anchors_loses_nothing(pieces, lang):
    """``find`` skips a pattern when its anchor (digit, month, weekday…) is absent:
    the result must equal a scan with every pattern."""
    import warta.enrich.dates as dates

    text = "".join(pieces)
    resolver = DateResolver()
    fast = resolver.find(text, lang, PUBLISHED)
    original = dates._has
    try:
        dates._has = lambda *args: True  # type: ignore[assignment]
        full = resolver.find(text, lang, PUBLISHED)
    finally:
        dates._has = original
    assert fast == full
