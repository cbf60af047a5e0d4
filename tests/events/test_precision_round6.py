"""One event per clause (round 6, invented sentences): right after a verb or
noun that takes an event as its content (an objection, sanctions "imposed"), the
content's own root for the same source and target is not coded a second time."""

from __future__ import annotations

from warta.events.stage import EventStage

EN = {"Freedonia": "FRE", "Sylvania": "SYL"}


def coded(stage: EventStage, make_article, text: str) -> set[tuple[str, str, str]]:
    article = make_article(text, lang="en", actors=EN)
    return {(e.source.code[:3], e.target.code[:3] if e.target else "", e.code[:2])
            for e in stage(article).events}


def test_opposing_a_merger_is_not_also_the_merger(stage, make_article):
    out = coded(stage, make_article, "Freedonia has opposed plans to merge with Sylvania.")
    assert {r for s, t, r in out if (s, t) == ("FRE", "SYL")} == {"12"}


def test_sanctions_imposed_are_one_event(stage, make_article):
    out = coded(stage, make_article, "Freedonia said trade sanctions imposed on "
                "Sylvania were unlikely to work.")
    assert {r for s, t, r in out if (s, t) == ("FRE", "SYL")} == {"16"}
