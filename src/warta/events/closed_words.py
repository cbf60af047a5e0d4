"""The closed-class words the coder's rules name in code.

English grammar words, not vocabulary (the vocabulary and the word classes of
each language are pack data: ``packs/<lang>/patterns_words.tsv``, read by
``modality.Lexicon``). They are checked against every sentence whatever its
language; they would move to lexicon classes once the lexicon declares them.
"""

from __future__ import annotations

#: words next to a month name in capitals that make it the month ("IN MARCH")
MONTH_WORDS = frozenset({"in", "on", "of", "by", "since", "until", "till", "last", "next",
                         "early", "late", "mid", "from", "/"})
#: words that end a target's search even right after the verb (a sentence stop, or
#: the relative clause of an object: "planting bombs which killed …")
CLOSED = frozenset({".", ";", ":", "?", "!", "which", "who", "whom", "whose"})
#: words without -ly that stand between a subject and its present-tense verb
#: ("leaders still demand", "they now press", "he did stress"): no noun modifier
FINITE_OPENERS = frozenset({"still", "now", "often", "never", "always", "together",
                            "jointly", "even", "all", "both", "each", "too", "not",
                            "n't", "usually", "generally", "therefore", "thus",
                            "do", "does", "did"})
#: modals that make a warned clause a future act (a threat)
FUTURE_MODALS = frozenset({"will", "would", "may", "might", "could", "shall", "'ll"})
#: prepositions after which a noun-placed verb form still names an act on a partner
PARTNER_PREPS = frozenset({"with", "against", "between"})
#: verb particles between a verb and its object ("shrugged off claims")
PARTICLES = frozenset({"off", "up", "down", "out", "back"})
