"""English lemmas for event verbs and nouns."""

from __future__ import annotations

import pytest

from warta.language.morph_en import lemma


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # regular verbs and their spelling changes
        ("attacked", "attack"),
        ("attacking", "attack"),
        ("attacks", "attack"),
        ("visited", "visit"),
        ("stopped", "stop"),
        ("planned", "plan"),
        ("occurred", "occur"),
        ("controlled", "control"),
        ("killed", "kill"),
        ("agreed", "agree"),
        ("agreeing", "agree"),
        ("hoped", "hope"),
        ("voted", "vote"),
        ("negotiated", "negotiate"),
        ("decided", "decide"),
        ("forced", "force"),
        ("arrived", "arrive"),
        ("criticized", "criticize"),
        ("urged", "urge"),
        ("changed", "change"),
        ("raised", "raise"),
        ("used", "use"),
        ("continued", "continue"),
        ("secured", "secure"),
        ("claimed", "claim"),
        ("avoided", "avoid"),
        ("developed", "develop"),
        ("opened", "open"),
        ("denied", "deny"),
        ("threatened", "threaten"),
        # irregular verbs (data file)
        ("met", "meet"),
        ("said", "say"),
        ("says", "say"),
        ("held", "hold"),
        ("fought", "fight"),
        ("sought", "seek"),
        ("struck", "strike"),
        ("led", "lead"),
        ("withdrew", "withdraw"),
        ("was", "be"),
        ("has", "have"),
        # nouns
        ("sanctions", "sanction"),
        ("forces", "force"),
        ("countries", "country"),
        ("crises", "crisis"),
        ("men", "man"),
        ("talks", "talk"),
        ("churches", "church"),
        # words that only look inflected
        ("news", "news"),
        ("during", "during"),
        ("thing", "thing"),
        ("bus", "bus"),
        ("status", "status"),
        ("process", "process"),
        ("famous", "famous"),
        ("Attacked", "attack"),
    ],
)
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected
