"""English possessive after an abbreviation's dot (the cases are written for these tests)."""

from __future__ import annotations

import pytest

from warta.language.segment import tokenize


@pytest.mark.parametrize(("text", "expected"), [
    ("Acme Corp.'s chairman resigned.", ["Acme", "Corp", ".", "'s", "chairman", "resigned", "."]),
    ("the U.S.'s allies", ["the", "U.S.", "'s", "allies"]),
    # a plain possessive is split as before
    ("Japan's minister", ["Japan", "'s", "minister"]),
])
def test_possessive_after_abbreviation_dot(text, expected):
    assert [t.text for t in tokenize(text, "en")] == expected


@pytest.mark.parametrize("text", ["U.S.’s’s", "U.S.'s-based", "Dr.'s'"])
def test_possessive_after_a_dot_loses_no_character(text):
    assert "".join(t.text for t in tokenize(text, "en")) == text
