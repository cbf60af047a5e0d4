"""Actor columns of the GDELT export, checked against real GDELT 2016 rows."""

from __future__ import annotations

import pytest

from warta.store.gdelt import _actor


@pytest.mark.parametrize(("code", "country", "roles", "expected"), [
    # real rows (reference/gdelt sample): Code, Country, KnownGroup, Type1, Type2
    ("IGOEUREEC", "EUR", "IGO,EEC", ("EUR", "EEC", "IGO", "")),
    ("IGOUNOGOV", "", "IGO,UNO,GOV", ("", "UNO", "IGO", "GOV")),
    ("NGOHRIAMN", "", "NGO,HRI,AMN", ("", "AMN", "NGO", "HRI")),
    ("AFGINSTAL", "AFG", "INS,TAL", ("AFG", "TAL", "INS", "")),
    ("RUSGOV", "RUS", "GOV", ("RUS", "", "GOV", "")),
])
def test_known_groups_and_types_go_where_gdelt_puts_them(code, country, roles, expected):
    row = _actor({"a_code": code, "a_country": country, "a_roles": roles, "a_name": "x"}, "a")
    assert row[0] == code and row[1] == "X"
    assert (row[2], row[3], row[7], row[8]) == expected
