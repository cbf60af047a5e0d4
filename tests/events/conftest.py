"""Hand-built articles for the event tests: a tiny segmenter and a gazetteer of
actor names stand in for the language and actor stages, so these tests run
whatever state those modules are in."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from warta.events.stage import EventStage, simple_tokens
from warta.model import Article, Mention, Sentence

ACTORS = {
    "Rusia": "RUS", "Russia": "RUS", "Moskow": "RUS", "Moscow": "RUS", "Ukraina": "UKR",
    "Ukraine": "UKR", "China": "CHN", "Tiongkok": "CHN", "Beijing": "CHN", "Iran": "IRN",
    "Israel": "ISR", "Taiwan": "TWN", "Barat": "WST", "the EU": "EUR", "Indonesia": "IDN",
    "Jepang": "JPN", "Japan": "JPN", "Lavrov": "RUSGOV", "Sergei Lavrov": "RUSGOV",
    "Wang Yi": "CHNGOV", "Wang": "CHNGOV", "Putin": "RUSGOV", "Prabowo": "IDNGOV",
    "the United States": "USA", "Amerika Serikat": "USA", "polisi": "IDNCOP",
    "mahasiswa": "IDNEDU", "students": "IDNEDU", "troops": "MIL",
}

MakeArticle = Callable[..., Article]


def _sentences(text: str, lang: str, title: bool) -> list[Sentence]:
    out: list[Sentence] = []
    for par, pm in enumerate(re.finditer(r"[^\n]+", text)):
        for sm in re.finditer(r"\S.*?(?:[.!?](?=\s)|[.!?]$|$)", pm.group()):
            start, end = pm.start() + sm.start(), pm.start() + sm.end()
            kind = "title" if title and not out else "body"
            s = Sentence(len(out), start, end, text[start:end], kind, lang, (), par)
            out.append(Sentence(s.index, s.start, s.end, s.text, s.kind, lang,
                                simple_tokens(s), par))
    return out


#: CAMEO type codes: an actor coded by one of these alone is a role-only agent
#: ("troops" -> MIL) with no country, as the actor stage leaves it
AGENT_TYPES = frozenset({"GOV", "MIL", "COP", "REB", "OPP", "CVL", "LAB", "EDU", "MED", "JUD",
                         "REF", "BUS", "UAF", "LEG", "HLH"})


def _mentions(sentences: list[Sentence], actors: dict[str, str]) -> list[Mention]:
    """Gazetteer mentions; a value ``CODE@kind`` sets the mention kind (``agent``
    for role nouns such as "diplomat Rusia")."""
    names = sorted(actors, key=len, reverse=True)
    rx = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)")
    out = []
    for s in sentences:
        for m in rx.finditer(s.text):
            code, _, kind = actors[m.group()].partition("@")
            if code in AGENT_TYPES:
                out.append(Mention(s.start + m.start(), s.start + m.end(), m.group(), s.index,
                                   code, m.group(), "", (code,), "agent", "role+country"))
                continue
            out.append(Mention(s.start + m.start(), s.start + m.end(), m.group(), s.index, code,
                               m.group(), code[:3], (code[3:],) if code[3:] else (),
                               kind or "actor"))
    return out


@pytest.fixture
def make_article() -> MakeArticle:
    def make(text: str, lang: str = "id", actors: dict[str, str] | None = None,
             title: bool = False, **fields: object) -> Article:
        sentences = _sentences(text, lang, title)
        mentions = _mentions(sentences, actors or ACTORS)
        return Article(url="test://" + lang, text=text, language=lang,
                       sentences=tuple(sentences), mentions=tuple(mentions), **fields)
    return make


@pytest.fixture(scope="session")
def stage() -> EventStage:
    return EventStage()


@pytest.fixture(scope="module")
def coding_pipeline():
    """The real stages up to events (language, segment, actors, quotes, events),
    built once per module; a build failure fails the tests that use it."""
    from warta.process import build_pipeline

    return build_pipeline(stages=("language", "segment", "actors", "quotes", "events"))
