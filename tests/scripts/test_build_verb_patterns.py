"""scripts/build_verb_patterns.py: what the PETRARCH conversion keeps and drops,
on a small invented dictionary in PETRARCH's format (no ../shared needed)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_verb_patterns.py"
DICTIONARY = """\
# invented test dictionary
####### VERB PATTERNS #######
--- PAY [061] ---
PAY {PAYING PAYS PAID}
SPONSOR
- * DIVIDENDS [---] # PAID
- * TRIBUTE [017] # PAY
- * DOLLARS [061] # PAY
--- EXPORT [061] ---
EXPORT
- * (TO) [061] # EXPORT
- * MISSILES [072] # EXPORT
######## TRANSFORMATIONS
"""


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_verb_patterns", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def rows(build: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> set[tuple]:
    path = tmp_path_factory.mktemp("petrarch") / "verbs.txt"
    path.write_text(DICTIONARY, "utf-8")
    return set(build.convert(path)[0])


def test_weak_default_is_dropped_but_specific_patterns_stay(rows: set[tuple]) -> None:
    """"pay" codes no bare 061 ("paid 44 billion", "pay attention"); "pay tribute"
    stays, and so does the default of a verb of the same block ("sponsor")."""
    assert ("pay", "verb", "", "061") not in rows
    assert ("pay", "verb", "tribute*", "017") in rows
    assert ("sponsor", "verb", "", "061") in rows


def test_payments_are_no_cooperation(rows: set[tuple]) -> None:
    """"paid 44 billion dollars to the World Bank" is debt service, not 061."""
    assert not any(r[0] == "pay" and r[3] == "061" for r in rows)


def test_petrarch_no_event_patterns_become_no_event_rows(rows: set[tuple]) -> None:
    """``- * DIVIDENDS [---] # PAID`` is a phrase that is no event: row code ``-``."""
    assert ("pay", "verb", "dividends*", "-") in rows


def test_trade_flow_pattern_is_dropped(rows: set[tuple]) -> None:
    """"exports to the EC totalled …" are figures, no deal; arms exports stay."""
    assert ("export", "verb", "to", "061") not in rows
    assert ("export", "verb", "missiles*", "072") in rows


def test_place_and_origin_prepositions_by_root(build: ModuleType) -> None:
    """A meeting "at Geneva" or a statement "from Bonn" has no target there; an
    attack "at" and a withdrawal "from" do; a row's own preposition always counts."""
    meet = build._target("", "040").split("|")
    assert "at" not in meet and "from" not in meet and "obj" in meet
    assert {"at", "into"} <= set(build._target("", "190").split("|"))
    assert "from" in build._target("", "087").split("|")
    assert "at" in build._target("at", "040").split("|")


# -- the shipped file (src/warta/packs/en/patterns_petrarch.tsv), through the coder --
@pytest.fixture(scope="module")
def code():
    from warta.events.evaluate import actor_key
    from warta.model import Article
    from warta.process import build_pipeline

    pipeline = build_pipeline(stages=("language", "segment", "actors", "quotes", "events"))

    def run(text: str) -> set[tuple[str, str, str]]:
        article = pipeline(Article(url="test://petrarch", text=text, language="en"))
        return {(actor_key(e.source), actor_key(e.target), e.code) for e in article.events}
    return run


def test_trade_figures_are_no_deal(code) -> None:
    assert not code("Japanese exports to the EC totalled 30 billion dollars in 2003.")


def test_place_of_a_statement_is_no_target(code) -> None:
    assert not code("The Italian envoy, speaking from Geneva, said the talks would go on.")


def test_no_event_phrase_beats_the_default(code) -> None:
    """"seized the opportunity" is no seizure (PETRARCH's own ``[---]`` pattern)."""
    assert ("PER", "CHL", "171") not in code("Peru seized the opportunity to praise Chile.")


def test_weak_default_codes_nothing(code) -> None:
    """"outlined his vision" is no statement to Norway (bare 010 of "outline")."""
    assert not code("The Swedish minister outlined his vision for Norway.")
