"""Countries for country-less agents, as a CAMEO coder assigns them.

The actor stage codes "troops", "officials", "rebels" or "police" by their
type alone (``MIL``, ``GOV``, ``REB``, ``COP``) when no country word is
attached. A CAMEO coder would still give them a country from context, and
event triples are scored on countries, so before coding the event stage
resolves them in this order:

0. an international organisation right before them ("Red Cross officials",
   "UN troops") makes them that organisation's people;
1. a country named right after them: "rebels in the Ivory Coast",
   "security forces in Guinea", "workers of Tehran's bus company";
2. the nearest preceding country actor in the same sentence:
   "Serbia lodged a protest ..., an official said";
3. the article's dominant country (the most frequent actor country); this
   is usually right for domestic news ("polisi", "the court") and wrong when
   the agent faces the only country named ("an archbishop called for
   sanctions against Nigeria"), which was the rarer case on the dev set.

Only agents the actor stage composed from a role (kind ``agent`` or
``person``, no country) and people or pronouns left without any code are
touched; organisations (UN, NGOs, media) and people the dictionaries know
keep their codes. This belongs in the actor
stage; it lives here until that stage resolves agent countries itself.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from ..actors.compose import names_currency
from ..model import Mention

#: codes that stand on their own without a country (international actors)
ORG_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS", "ELI"})
#: "rebels in the Ivory Coast": the words allowed between agent and country
_LINK = re.compile(r"\s*(?:in|of|from|di|dari)\s+(?:(?:the|two|three|several|some)\s+)?",
                   re.IGNORECASE)
METHOD = "event-context-country"
#: a locative preposition between civilians and the place where they were
_LOCATIVE = re.compile(r"\b(?:in|near|at|outside|inside|di|dekat)\b", re.IGNORECASE)
#: the end of a clause or a phrase between them ("…; ", "people, compared to … in X")
_CLAUSE_END = re.compile(r"[;:,]")


def needs_country(m: Mention) -> bool:
    """A role-only agent ("troops", "officials") that a country would complete, or a
    person or pronoun no dictionary or coreference could code (a coder gives a
    private person named in domestic news that country)."""
    if m.country:
        return False
    if not m.code:
        return m.kind in ("person", "pronoun")
    return m.kind in ("agent", "person") and m.code[:3] not in ORG_CODES


def has_country(m: Mention) -> bool:
    """A country actor or one of a country's actors; an IGO keeps its region
    (IGOEUREEC → EUR) but never lends it to others."""
    return len(m.country) == 3 and m.country not in ORG_CODES and m.code[:3] not in ORG_CODES


def dominant_country(mentions: Sequence[Mention], text: str = "") -> str:
    """The most frequent actor country of an article ("" when none); ties go to
    the country named first. With the article ``text``, a country that only names a
    currency ("the U.S. dollar", "against the U.S. Dollar") does not count: in
    wire copy about Taiwan's exchange rate it outnumbered Taiwan."""
    actors = [m for m in mentions if has_country(m) and not names_currency(m, text)]
    counts = Counter(m.country for m in actors)
    if not counts:
        return ""
    best = max(counts.values())
    return next(m.country for m in actors if counts[m.country] == best)


def with_country(m: Mention, country: str) -> Mention:
    """``m`` as an actor of ``country``: "MIL" -> "ISRMIL"."""
    return dataclasses.replace(m, country=country, code=country + m.code, method=METHOD)


def resolve_countries(sentence_mentions: Sequence[Mention], text: str,
                      default: str = "") -> list[Mention]:
    """The mentions of one sentence (sorted by start) with role-only agents given a
    country: the one named right after them, else the nearest before them in the
    sentence, else ``default``. ``text`` is the article text the spans index."""
    out = list(sentence_mentions)
    for k, m in enumerate(out):
        if _civilians(m):
            place = _place_after(out, k, text)
            if place and place != m.country:
                # "killed 22 people in a … Pakistani village": civilians belong to
                # the place where it happened, not to the actor named before them
                code = m.code[len(m.country):] if m.country and m.code.startswith(
                    m.country) else m.code
                out[k] = dataclasses.replace(m, country=place, code=place + code,
                                             method=METHOD)
                continue
        if not needs_country(m):
            continue
        org = _organisation_before(out, k, text)
        if org is not None:
            # "Red Cross officials", "UN troops": the organisation's own people
            out[k] = dataclasses.replace(m, code=org.code, country=org.country, method=METHOD)
            continue
        country = _following(out, k, text) or _preceding(out, k) or default
        if country:
            out[k] = with_country(m, country)
    return out


def _civilians(m: Mention) -> bool:
    """Unnamed civilians ("people", "villagers") whose country is only guessed
    from context (here, or by the actor stage: method "role+context")."""
    guessed = not m.country or m.method in (METHOD, "role+context")
    return guessed and m.kind == "agent" and (
        "CVL" in m.roles or m.code[-3:] == "CVL" and len(m.code) in (3, 6))


def _place_after(mentions: list[Mention], k: int, text: str) -> str:
    """The country of the first place named after mention ``k`` in its sentence
    when a locative preposition comes between ("people in a remote Pakistani
    village", "people … when they blew themselves up in Tel Aviv")."""
    for m in mentions[k + 1:]:
        if not has_country(m):
            continue
        between = text[mentions[k].end:m.start]
        if _CLAUSE_END.search(between) or not _LOCATIVE.search(between):
            return ""
        return m.country if m.kind in ("place", "country", "agent") else ""
    return ""


def _organisation_before(mentions: list[Mention], k: int, text: str) -> Mention | None:
    if k == 0:
        return None
    prev = mentions[k - 1]
    adjacent = not text[prev.end:mentions[k].start].strip()
    return prev if adjacent and prev.code[:3] in ORG_CODES and prev.code[:3] != "ELI" else None


def _following(mentions: list[Mention], k: int, text: str) -> str:
    if k + 1 >= len(mentions):
        return ""
    nxt = mentions[k + 1]
    between = text[mentions[k].end:nxt.start]
    return nxt.country if has_country(nxt) and _LINK.fullmatch(between) else ""


def _preceding(mentions: list[Mention], k: int) -> str:
    for m in reversed(mentions[:k]):
        if has_country(m):
            return m.country
    return ""
