"""Modality cues of packs/en/modality.tsv added in round 4 (invented sentences):
scheduled meetings and plans under way are intents, not acts."""

from __future__ import annotations

import pytest

EN = {"Japan": "JPN", "Iran": "IRN", "Russia": "RUS"}


def coded(stage, make_article, text: str) -> set[tuple[str, str, str]]:
    return {(e.source.code, e.target.code if e.target else "", e.code)
            for e in stage(make_article(text, "en", EN)).events}


@pytest.mark.parametrize(("text", "code"), [
    ("Japan is scheduled to meet Russia on Monday.", "036"),
    ("Japan is planning to visit Russia.", "036"),
    ("Japan is set to sign a treaty with Russia.", "030"),
    # a conflict act under way is a threat (CAMEO 13x), not the act
    ("Japan is preparing to impose sanctions on Iran.", "1312"),
    ("Japan was poised to impose sanctions on Iran.", "1312"),
    # powers to act are no act: a possibility, coded like an intent (13x here)
    ("Japan has the authority to impose sanctions on Iran.", "1312"),
])
def test_plans_are_intents(stage, make_article, text, code):
    assert {c for s, t, c in coded(stage, make_article, text) if s == "JPN"} == {code}
