"""English lemmas for verbs and nouns: a table of irregular forms, then suffix rules.

Event patterns are written on lemmas (attack, meet, say, sanction), so this
only has to undo inflection: -s/-es/-ies, -ed/-ied and -ing, with the
spelling changes English makes (stopped→stop, hoped→hope, agreed→agree).
Irregular verbs and nouns are data in ``packs/en/``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..packs import pack_file, read_tsv

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Stems that lost a silent -e to -ed/-ing, whatever their length:
# caus-ed, forc-ed, arriv-ed, organiz-ed, charg-ed, chang-ed, requir-ed, negotiat-ed.
_ALWAYS_E = re.compile(
    r"(?:[aeiou]s|uir|u|c|v|[iy]z|[rd]g|[ae]ng|[^eo]at"
    r"|com|eg|ag|[bcdfgkptz]l|[^aeiou](?:ut|id|ib|ud|od|ok|in|ir|ar|ur|ot|um))$"
)
# A vowel pair before the last consonant keeps no -e (claim-ed, avoid-ed, join-ed).
_NO_E = re.compile(r"[aeiou]{2}[^aeiou]$")
# One-syllable consonant-vowel-consonant stems: hop-ed, vot-ed, rul-ed, trad-ed.
_SHORT_CVC = re.compile(r"^[^aeiouy]*[aeiou][^aeiouwxy]$")
_DOUBLE = re.compile(r"([bdgklmnprtvz])\1$")


class EnglishLemmatizer:
    """Lemmas from the data files of the ``en`` pack."""

    def __init__(self, lang: str = "en") -> None:
        self._table: dict[str, str] = {}
        for _, row in read_tsv(pack_file(lang, "irregular_verbs.tsv"), ("lemma", "past")):
            base = row["lemma"].lower()
            for form in (*row["past"].split(","), *row.get("participle", "").split(",")):
                if form.strip():
                    self._table.setdefault(form.strip().lower(), base)
            self._table.setdefault(base + "s", base)
        for _, row in read_tsv(pack_file(lang, "lemma_exceptions.tsv"), ("word", "lemma")):
            self._table[row["word"].lower()] = row["lemma"].lower()

    def lemma(self, word: str) -> str:
        """Lower-cased lemma: ``attacked``→``attack``, ``met``→``meet``."""
        w = word.lower()
        fixed = self._table.get(w)
        if fixed is not None:
            return fixed
        if len(w) <= 3 or not w.isalpha():
            return w
        return _inflection(w) or w


def _inflection(w: str) -> str | None:
    """The rule-based lemma, or None when ``w`` does not look inflected."""
    if w.endswith(("ies", "ied")) and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        return w[:-1]
    if w.endswith("eed"):
        return w[:-1]  # agreed, freed (need, speed are listed as exceptions)
    for ending in ("ed", "ing"):
        stem = w[: -len(ending)]
        if w.endswith(ending) and len(stem) >= 2 and _VOWEL_GROUPS.search(stem):
            return _restore(stem)
    return None


def _restore(stem: str) -> str:
    """Undo the spelling change before -ed/-ing: a doubled consonant or a dropped -e."""
    if stem.endswith("e"):
        return stem
    if _DOUBLE.search(stem):
        if stem[-1] != "l":
            return stem[:-1]  # stopped, planned, occurred
        syllables = len(_VOWEL_GROUPS.findall(stem))
        return stem[:-1] if syllables > 1 and stem[-3] in "eo" else stem  # controlled; killed
    if _ALWAYS_E.search(stem) or (_SHORT_CVC.search(stem) and not _NO_E.search(stem)):
        return stem + "e"
    return stem


@lru_cache(maxsize=2)
def lemmatizer(lang: str = "en") -> EnglishLemmatizer:
    """The shared, lazily loaded lemmatizer (read-only after loading)."""
    return EnglishLemmatizer(lang)


def lemma(word: str) -> str:
    """English lemma of ``word``: ``lemma("said") == "say"``."""
    return lemmatizer().lemma(word)
