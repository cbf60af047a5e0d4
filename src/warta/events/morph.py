"""Surface forms of pattern heads, so patterns can name a root or base verb.

Indonesian: meN-/di-/ter-/ber-/memper- verbs with -kan/-i, and peN-an,
per-an, ke-an, -an nouns. English: -s/-ed/-ing verbs (irregular forms come
from the pattern data) and plural nouns. Each form says whether it is a verb
or a noun and whether it is passive-capable (Indonesian di-/ter-; English
past participles), which the engine uses to swap roles.

Kept independent of the language helper's lemmatiser: patterns then match
on the token text itself, and the lemma only as a fallback.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

_VOWELS = "aeiou"


@dataclass(frozen=True, slots=True)
class Form:
    pos: str  # "verb" | "noun"
    passive: bool = False  # di-/ter- (id) or a past participle (en)


ACTIVE = Form("verb")
PASSIVE = Form("verb", passive=True)
NOUN = Form("noun")


def _syllables(root: str) -> int:
    count, prev = 0, False
    for ch in root:
        vowel = ch in _VOWELS
        if vowel and not prev:
            count += 1
        prev = vowel
    return count


def _nasal(root: str, prefix: str) -> list[str]:
    """meN-/peN- + root with the nasal assimilation rules; ``prefix`` is "me" or "pe"."""
    if _syllables(root) == 1:
        return [prefix + "nge" + root, prefix + "ng" + root]
    first = root[0]
    out: list[str] = []
    if first in _VOWELS or first in "gh":
        out.append(prefix + "ng" + root)
    elif first == "k":
        out += [prefix + "ng" + root[1:], prefix + "ng" + root]  # loans keep k: mengkritik
    elif first in "bfv":
        out.append(prefix + "m" + root)
    elif first == "p":
        out += [prefix + "m" + root[1:], prefix + "m" + root]  # memprotes
    elif first == "t":
        out += [prefix + "n" + root[1:], prefix + "n" + root]
    elif first in "dcjz":
        out.append(prefix + "n" + root)
    elif first == "s":
        out += [prefix + "ny" + root[1:], prefix + "n" + root]
    else:  # l m n r w y
        out.append(prefix + root)
    return out


def _ber(root: str) -> str:
    return ("be" if root.startswith("r") or root[1:3] == "er" else "ber") + root


def id_forms(root: str, pos: str) -> dict[str, Form]:
    """Indonesian surface forms of ``root`` for ``pos`` in verb | noun | any."""
    forms: dict[str, Form] = {}
    if pos in ("verb", "any"):
        for suffix in ("", "kan", "i"):
            for f in _nasal(root, "me") + ["memper" + root]:
                forms.setdefault(f + suffix, ACTIVE)
            for f in ("di" + root, "diper" + root):
                forms.setdefault(f + suffix, PASSIVE)
            forms.setdefault("ter" + root + suffix, PASSIVE)
        forms.setdefault(_ber(root), ACTIVE)
        forms.setdefault(_ber(root) + "kan", ACTIVE)
        forms.setdefault(root, ACTIVE)
    if pos in ("noun", "any"):
        for f in _nasal(root, "pe"):
            forms.setdefault(f + "an", NOUN)
        for f in ("per" + root + "an", "ke" + root + "an", root + "an", "pe" + root + "an"):
            forms.setdefault(f, NOUN)
        forms.setdefault(root, NOUN)
    return forms


_ID_CLITICS = ("nya", "lah", "kah", "pun", "mu", "ku")


@functools.lru_cache(maxsize=65536)
def id_strip(word: str) -> str | None:
    """``kunjungannya`` -> ``kunjungan``; ``perusahaan-perusahaan`` -> ``perusahaan``."""
    if "-" in word:
        left, _, right = word.partition("-")
        if left and right:
            return right if right != left else left
    for clitic in _ID_CLITICS:
        if word.endswith(clitic) and len(word) > len(clitic) + 3:
            return word[: -len(clitic)]
    return None


def _cvc(base: str) -> bool:
    return (len(base) >= 3 and base[-1] not in _VOWELS + "wxy" and base[-2] in _VOWELS
            and base[-3] not in _VOWELS and _syllables(base) == 1)


def en_forms(base: str, pos: str, irregular: tuple[str, ...] = ()) -> dict[str, Form]:
    """English surface forms of ``base`` (verb forms, or singular and plural noun)."""
    forms: dict[str, Form] = {}
    if pos in ("verb", "any"):
        forms[base] = ACTIVE
        if base.endswith("ee"):
            stem_ed, stem_ing = base[:-1], base
        elif base.endswith("e"):
            stem_ed, stem_ing = base[:-1], base[:-1]
        elif base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
            stem_ed, stem_ing = base[:-1] + "i", base
        elif _cvc(base):
            stem_ed = stem_ing = base + base[-1]
        else:
            stem_ed = stem_ing = base
        third = (base[:-1] + "ies" if stem_ed.endswith("i") else
                 base + "es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else base + "s")
        forms[third] = ACTIVE
        forms[stem_ing + "ing"] = ACTIVE
        forms[stem_ed + "ed"] = PASSIVE  # past tense or participle; the engine checks "be"
        for f in irregular:
            forms.setdefault(f, ACTIVE if f.endswith(("s", "ing")) else PASSIVE)
    if pos in ("noun", "any"):
        forms.setdefault(base, NOUN)
        plural = (base[:-1] + "ies" if base.endswith("y") and base[-2:-1] not in _VOWELS
                  else base + "es" if base.endswith(("s", "sh", "ch", "x")) else base + "s")
        forms.setdefault(plural, NOUN)
    return forms


def classify_word(lang: str, word: str) -> Form:
    """Form of a head written out in full (pattern form ``word``)."""
    if lang == "id":
        if word.startswith(("di", "ter")) and len(word) > 5:
            return PASSIVE
        # meN- verbs may end in -an too ("menahan", "melawan"); peN-/per-/-an nouns don't
        if word.startswith(("me", "ber")) and len(word) > 5:
            return ACTIVE
        if word.endswith("an") and not word.endswith("kan"):
            return NOUN
        return ACTIVE
    return PASSIVE if word.endswith("ed") else ACTIVE


@functools.lru_cache(maxsize=65536)
def forms(lang: str, head: str, pos: str, irregular: tuple[str, ...] = ()) -> dict[str, Form]:
    """Surface forms of a pattern head; ``pos == "word"`` means the head as written."""
    if pos == "word":
        return {head: classify_word(lang, head)}
    if pos == "noun-word":
        return {head: NOUN}
    if lang == "id":
        return id_forms(head, pos)
    return en_forms(head, pos, irregular)


def strip(lang: str, word: str) -> str | None:
    return id_strip(word) if lang == "id" else None
