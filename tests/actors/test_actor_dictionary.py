"""Dictionary files: validation with file and line, tiers, dated choice,
and the user's overlay (TSV or TOML)."""

from __future__ import annotations

from datetime import date

import pytest
from actor_helpers import article, find

from warta.actors.dictionary import (
    TIER_GENERATED,
    TIER_LOCAL,
    ActorEntry,
    choose,
    load_actor_file,
    load_agent_file,
    load_user_file,
    split_code,
    type_codes,
)
from warta.actors.stage import ActorStage
from warta.errors import DataFileError
from warta.settings import Settings

HEADER = "pattern\tcode\tname\tkind\tstart\tend\n"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("Foo\tRUSGO\tFoo\tperson\t\t\n", "bad actor code"),
        ("Foo\tRUSGOV\tFoo\tmonster\t\t\n", "bad kind"),
        ("Foo\tRUSGOV\tFoo\tperson\t2024-13-01\t\n", "bad date"),
        ("Foo\tRUSGOV\tFoo\tperson\t2024-02-01\t2023-01-01\n", "before start"),
        ("Foo\t\tFoo\tperson\t\t\n", "empty required column"),
        ("Foo\tRUSGOV\tFoo\tperson\t\t\textra\n", "fields"),
    ],
)
def test_bad_actor_row_names_file_and_line(tmp_path, row, reason):
    path = tmp_path / "actors_x.tsv"
    path.write_text("# comment\n" + HEADER + "Ok\tRUS\tRussia\tcountry\t\t\n" + row)
    with pytest.raises(DataFileError) as err:
        load_actor_file(path)
    assert (err.value.path, err.value.line) == (str(path), 4)
    assert reason in err.value.reason


def test_bad_agent_kind_names_line(tmp_path):
    path = tmp_path / "agents_x.tsv"
    path.write_text("pattern\troles\tkind\ntentara\tMIL\tagent\npolisi\tCOP\tcop\n")
    with pytest.raises(DataFileError) as err:
        load_agent_file(path)
    assert err.value.line == 3


@pytest.mark.parametrize(
    ("code", "country", "roles"),
    [("RUSGOV", "RUS", ("GOV",)), ("IGOUNO", "", ("IGO", "UNO")), ("CHN", "CHN", ()),
     ("NGOHLHIRC", "", ("NGO", "HLH", "IRC")), ("IDNGOVLEG", "IDN", ("GOV", "LEG"))],
)
def test_split_code(code, country, roles):
    assert split_code(code, type_codes()) == (country, roles)


def _entry(code: str, start: str = "", end: str = "", tier: int = TIER_GENERATED) -> ActorEntry:
    return ActorEntry("X", code, "X", "person",
                      date.fromisoformat(start) if start else None,
                      date.fromisoformat(end) if end else None, tier,
                      country=code[:3], roles=(code[3:],) if code[3:] else ())


@pytest.mark.parametrize(
    ("day", "code", "confidence"),
    [
        ("2010-01-01", "AAAOPP", 1.0),
        ("2020-06-01", "AAAGOV", 1.0),
        ("2030-01-01", "AAAELI", 0.9),  # no dated role holds: the undated default
    ],
)
def test_choose_follows_the_date(day, code, confidence):
    entries = [_entry("AAAOPP", "2000-01-01", "2019-12-31"), _entry("AAAGOV", "2020-01-01",
               "2024-12-31"), _entry("AAAELI")]
    best, conf = next(choose(entries, date.fromisoformat(day)))
    assert (best.code, conf) == (code, confidence)


def test_choose_out_of_office_drops_the_role():
    best, conf = next(choose([_entry("AAAGOV", "2000-01-01", "2010-01-01")], date(2020, 1, 1)))
    assert (best.code, best.roles, conf) == ("AAA", (), 0.6)


def test_higher_tier_wins():
    entries = [_entry("AAAGOV"), _entry("BBBMIL", tier=TIER_LOCAL)]
    assert next(choose(entries, date(2020, 1, 1)))[0].code == "BBBMIL"


def test_user_tsv_overlay_adds_and_overrides(tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text(HEADER + "Budi Santosa Wirya\tIDNGOV\tBudi Santosa Wirya\tperson\t\t\n"
                    "Tiongkok\tTWN\tTaiwan\tcountry\t\t\n")
    stage = ActorStage(Settings({"actors": {"user_dictionaries": [str(user)]}}))
    ms = stage(article("Budi Santosa Wirya mengunjungi Tiongkok.")).mentions
    assert find(ms, "Budi Santosa Wirya").method == "user"
    assert find(ms, "Tiongkok").code == "TWN"


def test_user_toml_overlay(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text('[[actor]]\npattern = "Dewan Kota Fiktif"\ncode = "IDNLEG"\n'
                    'kind = "organisation"\nstart = "2020-01-01"\n')
    stage = ActorStage(Settings({"actors": {"user_dictionaries": [str(user)]}}))
    m = find(stage(article("Dewan Kota Fiktif bersidang.")).mentions, "Dewan Kota Fiktif")
    assert (m.code, m.roles, m.method) == ("IDNLEG", ("LEG",), "user")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[[actor]]\npattern = "A"\ncode = "IDNGOV"\nkind = "person"\n\n'
         '[[actor]]\npattern = "B"\ncode = "IDN_GOV"\nkind = "person"\n', 6),
        ('[[actor]]\npattern = "A"\nkind = "person"\n', 1),
    ],
)
def test_bad_user_toml_names_file_and_line(tmp_path, text, line):
    user = tmp_path / "mine.toml"
    user.write_text(text)
    with pytest.raises(DataFileError) as err:
        load_user_file(user)
    assert (err.value.path, err.value.line) == (str(user), line)


def test_invalid_toml_is_a_data_file_error(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text("[[actor]\n")
    with pytest.raises(DataFileError, match="invalid TOML"):
        load_user_file(user)


def test_missing_user_file(tmp_path):
    with pytest.raises(DataFileError, match="cannot open"):
        ActorStage(Settings({"actors": {"user_dictionaries": [str(tmp_path / "nope.tsv")]}}))
