"""What an actor mention's CAMEO types say to the rules: a weak (country-less)
agent, an unarmed party, a verbal rather than violent "attack"."""

from __future__ import annotations

from ..model import Mention
from .countries import METHOD as COUNTRY_FROM_CONTEXT

#: international actor codes that stand on their own without a country
_ORG_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS"})
#: civilian political actors: violence between two of them in one country is
#: a figure of speech ("the Tories attacked Labour", "the minister hit back")
_POLITICAL = frozenset({"PTY", "LEG", "OPP", "GOV", "ELI"})
#: actors that can use force: an attack by or on one of them stays violent
_ARMED = frozenset({"MIL", "COP", "SPY", "REB", "INS", "UAF", "RAD", "CRM", "SEP", "TER"})
#: parties and legislatures have no weapons of their own
_UNARMED = frozenset({"PTY", "LEG"})


def type_codes(m: Mention) -> frozenset[str]:
    """CAMEO type codes of an actor: its roles, else the 3-letter groups of its code."""
    if m.roles:
        return frozenset(m.roles)
    code = m.code[3:] if m.country and m.code.startswith(m.country) else m.code
    return frozenset(code[i:i + 3] for i in range(0, len(code), 3))


def is_weak(m: Mention) -> bool:
    """A bare agent ("troops", "officials") with no country of its own, or with
    one only guessed from context (here in events/countries.py, or by the actor
    stage, whose guesses carry the method "role+context")."""
    if m.method in (COUNTRY_FROM_CONTEXT, "role+context"):
        return True
    return not m.country and len(m.code) <= 3 and m.code not in _ORG_CODES


def verbal_fight(a: Mention, b: Mention) -> bool:
    """An "attack" inside one country where neither side can use force and
    both are politicians, governments, parties or legislators, or the target
    is a party or legislature ("refugee agencies attacked the Tories"): verbal (11x)."""
    if not a.country or a.country != b.country:
        return False
    ta, tb = type_codes(a), type_codes(b)
    if (ta | tb) & _ARMED:
        return False
    return bool(ta and tb and ta <= _POLITICAL and tb <= _POLITICAL) or \
        bool(tb & _UNARMED)


def unarmed(m: Mention) -> bool:
    """A party or a legislature: its "attacks" and "targets" are figures of speech."""
    t = type_codes(m)
    return bool(t) and t <= _UNARMED
