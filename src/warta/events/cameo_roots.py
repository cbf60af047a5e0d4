"""CAMEO root sets the coder's rules key on (speech acts, refusals, violence, …)."""

from __future__ import annotations

#: demands, accusations, rejections and threats: their target may stand late in
#: the clause (target_search.VERBAL_EXTRA)
CONFLICT_VERBAL_ROOTS = frozenset({"10", "11", "12", "13"})
#: CAMEO roots whose events are speech acts: a quote's speaker can be their source
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
#: cooperative roots whose negation is a refusal (12x) rather than no event
REFUSABLE_ROOTS = frozenset({"03", "05", "06", "07", "08"})
#: roots of verbs that evaluate their object ("rejected calls", "accepted demands")
#: or stop it ("reduced food supplies", "suspended aid deliveries")
EVALUATING_ROOTS = frozenset({"03", "08", "11", "12", "16"})
#: violent roots: a nominal act of violence with its own doer ("the U.S. attack on Iran")
#: stays an event when an evaluating verb takes it as object
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
#: appeals and demands: what their target is asked to do later in the sentence is
#: their content ("demanded that the US cancel …")
CONTENT_ROOTS = frozenset({"02", "10"})
#: meetings and negotiations (sym patterns): both sides take part, as coders record
#: ("X met Y" is also Y meeting X)
RECIPROCAL_ROOTS = frozenset({"04"})
#: roots one act's verb and its nominal object share: "provide food aid" (a
#: giving verb of material cooperation, 06, with an aid noun, 07) is one act
_ROOT_FAMILY = {"07": "06"}


def family(code: str) -> str:
    """The root of ``code``, with roots that one act's verb and noun share merged."""
    return _ROOT_FAMILY.get(code[:2], code[:2])
