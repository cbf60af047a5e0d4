"""Word classes and modality cues of a language, and CAMEO's modal code shifts.

``packs/<lang>/patterns_words.tsv`` names the function words the engine needs
(prepositions, the passive agent marker, clause boundaries, coordinators,
first-person pronouns, passive auxiliaries, fillers). ``packs/<lang>/modality.tsv``
lists cues that change an event: negation, intent, threat, rejection,
demand, hypothetical. ``data/cameo_modality.tsv`` says which code an event
takes when it is only intended ("will visit" -> 036), threatened ("threatened
to cut aid" -> 1311) or refused ("refused to meet" -> 125), as CAMEO says.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from ..errors import DataFileError
from ..packs import data_file, pack_file, read_tsv
from .codebook import Codebook

WORD_CLASSES = ("prep", "agent", "boundary", "coord", "self", "aux", "filler", "attrib", "det",
                "quote", "partof", "ditransitive", "partitive", "comp", "pron", "nomagent",
                "notrigger", "inf", "time", "limiter",
                "number", "rel", "fromprep",
                "condition", "placehead", "conj", "demandverb", "doer", "vaux", "clauseverb",
                "thatverb", "enforcer")
#: control: "decided to X", "memutuskan untuk X": X is the event, without a code shift;
#: possible: "may lift", "could impose": stated like an intent (03x / 13x), flagged
#: hypothetical; counterfactual: "would have given", "could have stopped": no event;
#: prediction: "is expected to meet", "likely to attack": a forecast, never a reported
#: act; read like a possibility (a future act: CAMEO's 03x intent, 13x threat for
#: conflict codes), flagged hypothetical
CUE_KINDS = ("negation", "intent", "threat", "reject", "demand", "hypothetical", "control",
             "possible", "counterfactual", "prediction", "content")
#: kinds the engine reads as another kind; content: the infinitive after a noun
#: of purpose, attempt or entitlement ("in a bid to buy", "efforts to end the
#: fighting", "an invitation to attend", "the right to protest") is what the noun is
#: about, no act that happened: no event, like a counterfactual
_KIND_AS = {"prediction": "possible", "content": "counterfactual"}
SCOPES = ("back", "fwd", "sentence")
SHIFTS = ("intent", "threat", "reject")
_EMPTY: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Cue:
    words: tuple[str, ...]
    kind: str
    scope: str


class Lexicon:
    """Function words and modality cues of one language."""

    def __init__(self, lang: str, classes: dict[str, frozenset[str]], cues: tuple[Cue, ...]):
        self.lang = lang
        self.classes = classes
        self.cues = cues
        by_last: dict[str, list[Cue]] = defaultdict(list)
        for cue in cues:
            by_last[cue.words[-1]].append(cue)
        # cues are found by their last word, then checked backwards; the longest
        # first, so that "its plans to" (a noun's content) beats "plans to" (intent)
        self.cues_by_last = {k: tuple(sorted(v, key=lambda c: -len(c.words)))
                             for k, v in by_last.items()}

    @classmethod
    def load(cls, lang: str) -> Lexicon:
        return _load_lexicon(lang)

    def is_(self, word: str, cls_: str) -> bool:
        return word in self.classes.get(cls_, _EMPTY)


@functools.lru_cache(maxsize=8)
def _load_lexicon(lang: str) -> Lexicon:
    path = pack_file(lang, "patterns_words.tsv")
    classes: dict[str, set[str]] = defaultdict(set)
    for lineno, row in read_tsv(path, ("word", "class")):
        if row["class"] not in WORD_CLASSES:
            raise DataFileError(str(path), f"unknown word class {row['class']!r}", lineno)
        classes[row["class"]].add(row["word"].lower())
    cues = []
    mpath = pack_file(lang, "modality.tsv")
    for lineno, row in read_tsv(mpath, ("cue", "kind", "scope")):
        if row["kind"] not in CUE_KINDS or row["scope"] not in SCOPES:
            raise DataFileError(str(mpath), f"bad kind/scope {row['kind']}/{row['scope']}",
                                lineno)
        kind = _KIND_AS.get(row["kind"], row["kind"])
        cues.append(Cue(tuple(row["cue"].lower().split()), kind, row["scope"]))
    return Lexicon(lang, {k: frozenset(v) for k, v in classes.items()}, tuple(cues))


#: CAMEO appeals (02x) whose demand (10x) counterpart does not share the last digits
_APPEAL_TO_DEMAND = {"026": "108", "027": "100", "028": "100"}


class Shifts:
    """CAMEO code shifts for intended, threatened and refused events."""

    def __init__(self, table: dict[str, dict[str, str]],
                 demands: dict[str, str] | None = None) -> None:
        self._table = table
        self._demands = demands or {}

    def demand(self, code: str) -> str:
        """The demand (10x) parallel to an appeal (02x): a verb that demands
        ("demanded support") makes PETRARCH's appeal codes demands."""
        return self._demands.get(code, code)

    @classmethod
    def load(cls, codebook: Codebook | None = None) -> Shifts:
        return _load_shifts(codebook or Codebook.load())

    def shift(self, code: str, kind: str) -> str:
        """The code an event takes under ``kind``; most specific row wins."""
        for key in (code, code[:3], code[:2]):
            new = self._table.get(key, {}).get(kind)
            if new:
                return new
        return code


@functools.lru_cache(maxsize=4)
def _load_shifts(codebook: Codebook) -> Shifts:
    path = data_file("cameo_modality.tsv")
    table: dict[str, dict[str, str]] = {}
    for lineno, row in read_tsv(path, ("code",)):
        for kind in SHIFTS:
            new = row.get(kind, "")
            if new and new not in codebook:
                raise DataFileError(str(path), f"unknown CAMEO code {new!r}", lineno)
        table[row["code"]] = {k: row.get(k, "") for k in SHIFTS}
    demands = {}
    for code in codebook.codes():
        if code.startswith("02") and len(code) >= 3:
            new = _APPEAL_TO_DEMAND.get(code[:3], "10" + code[2:])
            while new not in codebook:
                new = new[:-1]
            demands[code] = new if len(new) >= 3 else "100"
    return Shifts(table, demands)


class ActorShifts:
    """Code changes by the source actor's type (18x non-state vs 19x armed forces;
    a firm's agreement is a business deal, 061). A row whose roles are ``*``
    applies to every actor: a pattern may give a code that only marks its phrase
    (``06``: "agreed to cooperate with", a firm's deal or anyone else's 030),
    which the table then resolves."""

    def __init__(self, rows: dict[str, list[tuple[frozenset[str], str]]]) -> None:
        self._rows = rows

    @classmethod
    def load(cls, codebook: Codebook | None = None) -> ActorShifts:
        return _load_actor_shifts(codebook or Codebook.load())

    def shift(self, code: str, types: frozenset[str]) -> str:
        for roles, new in self._rows.get(code, ()):
            # "!GOV": the row does not apply to such an actor (a central bank is a
            # state body and a bank, GOVBUS: its agreements are not business deals)
            # "*": every actor (the code a row gives when no typed row applies)
            if ("*" in roles or roles & types) and \
                    not any(r[1:] in types for r in roles if r[0] == "!"):
                return new
        return code


@functools.lru_cache(maxsize=4)
def _load_actor_shifts(codebook: Codebook) -> ActorShifts:
    path = data_file("cameo_actor_shifts.tsv")
    rows: dict[str, list[tuple[frozenset[str], str]]] = defaultdict(list)
    for lineno, row in read_tsv(path, ("code", "roles", "new_code")):
        if row["code"] not in codebook or row["new_code"] not in codebook:
            raise DataFileError(str(path), "unknown CAMEO code", lineno)
        rows[row["code"]].append((frozenset(row["roles"].split("|")), row["new_code"]))
    return ActorShifts(dict(rows))
