"""Role rules of events/roles.py added in round 4 (invented sentences): a body's
members meeting among themselves."""

from __future__ import annotations

import pytest

EN = {
    "Soviet officials": "RUSGOV@agent", "Soviet minister": "RUSGOV@agent",
    "OPEC": "IGOBUSOPC", "Japan": "JPN", "Iran": "IRN", "Moscow": "RUS@place",
    "Vienna": "AUT@place",
}


def coded(stage, make_article, text: str) -> set[tuple[str, str, str]]:
    return {(e.source.code, e.target.code if e.target else "", e.root)
            for e in stage(make_article(text, "en", EN)).events}


@pytest.mark.parametrize(("text", "expected"), [
    # a plural group of one side meeting with no partner named meets within its own
    # country (the English gold sets: EC ministers meeting → EUR→EUR)
    ("Soviet officials met in Moscow on Tuesday to review the grain harvest.",
     {("RUSGOV", "RUS", "04")}),
    # … an announced meeting is an intent (036)
    ("Soviet officials will meet next week to review the grain harvest.",
     {("RUSGOV", "RUS", "03")}),
    # an international body meeting as a whole meets its own members
    ("OPEC met in Vienna on Tuesday.", {("IGOBUSOPC", "IGOBUSOPC", "04")}),
])
def test_self_meeting(stage, make_article, text, expected):
    assert coded(stage, make_article, text) == expected


@pytest.mark.parametrize("text", [
    # one person meeting someone the text does not name: no partner to code
    "The Soviet minister met in Moscow on Tuesday.",
    # an object follows that no dictionary codes: a partner, not a self-meeting
    "Soviet officials met aid donors in Moscow on Tuesday.",
    # the group is the object of a clause whose subject is no actor
    "An envoy will meet Soviet officials on Tuesday.",
])
def test_no_self_meeting(stage, make_article, text):
    assert coded(stage, make_article, text) == set()


def test_coordinated_subjects_still_meet_each_other(stage, make_article):
    assert coded(stage, make_article, "Japan and Iran met in Vienna on Tuesday.") == {
        ("JPN", "IRN", "04"), ("IRN", "JPN", "04")}


@pytest.mark.parametrize(("text", "expected"), [
    # the author of an aid noun after "from" gives it, the subject receives it
    ("Iran received grants from Japan.", {("JPN", "IRN", "07")}),
    # reciprocal acts of joint subjects: each acts on the other
    ("Japan and Iran established diplomatic relations.",
     {("JPN", "IRN", "05"), ("IRN", "JPN", "05")}),
    ("Japan and Iran exchanged prisoners on Monday.",
     {("JPN", "IRN", "08"), ("IRN", "JPN", "08")}),
])
def test_codebook_rows_read_their_roles(stage, make_article, text, expected):
    assert coded(stage, make_article, text) == expected


def test_attending_a_meeting_is_no_visit(stage, make_article):
    article = make_article("Japan attended a meeting of OPEC on Monday.", "en", EN)
    assert {(e.source.code, e.target.code, e.code) for e in stage(article).events} == {
        ("JPN", "IGOBUSOPC", "040")}
