"""EventContextStage: give each event its date and its place (GDELT's ActionGeo).

Date, in order of preference:
1. the date expression in the event's sentence nearest to the evidence span;
2. the date of an earlier sentence of the same paragraph (the story goes on:
   "Lavrov arrived on Monday (8/4). He met Wang …");
3. the publication date, with precision "publication".

Place: the place named in the event's clause (the sentence part between
";", dashes or clause-opening words such as "ketika", "before" — pack file
``places_clause_breaks.tsv`` — that holds the evidence start). Among those,
prefer one that is not the source actor's own mention, then one after a
locative preposition ("di Beijing", "in Geneva": ``places_locatives.tsv``),
then a city or province over a country, then the nearest to the evidence.
Else the dateline place ("JAKARTA, …"); else none.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article, Event, Place, Sentence
from ..packs import languages, pack_file, read_tsv
from ..settings import Settings
from .dates import DateMention, DateResolver

#: How many earlier sentences of the paragraph may lend an event their date.
INHERIT_SENTENCES = 2
#: Clause separators inside a sentence (commas are too common to split on);
#: the packs add clause-opening words.
CLAUSE_PUNCT = r";|\s[—–-]\s"
#: What follows a dateline place: "JAKARTA, KOMPAS.com -", "WASHINGTON (Reuters) -".
DATELINE_TAIL = re.compile(r"\s*[,(–—-]")


class EventContextStage:
    """Pipeline stage: fills ``Event.date``, ``date_precision`` and ``place``."""

    name = "event_context"
    requires = ("events", "sentences", "places")
    assigns = ("events",)

    def __init__(self, settings: Settings | None = None,
                 resolver: DateResolver | None = None) -> None:
        self.settings = settings or Settings()
        self.resolver = resolver or DateResolver(self.settings)
        self._fallback = str(self.settings["language"]["fallback"])
        self.places = PlaceRules.load(languages())

    def __call__(self, article: Article) -> Article:
        if not article.events:
            return article
        dates = self.sentence_dates(article)
        dateline = dateline_place(article)
        events = tuple(self.enrich(e, article, dates, dateline) for e in article.events)
        return dataclasses.replace(article, events=events)

    def sentence_dates(self, article: Article) -> dict[int, list[DateMention]]:
        """Date mentions per sentence index, with offsets into ``article.text``."""
        out: dict[int, list[DateMention]] = {}
        for s in article.sentences:
            lang = self._language(s.language or article.language)
            found = self.resolver.find(s.text, lang, article.published)
            out[s.index] = [dataclasses.replace(d, start=d.start + s.start, end=d.end + s.start)
                            for d in found]
        return out

    def enrich(self, event: Event, article: Article, dates: dict[int, list[DateMention]],
               dateline: Place | None) -> Event:
        value, precision = event_date(event, article, dates)
        place = self.places.clause_place(event, article) or dateline
        return dataclasses.replace(event, date=value, date_precision=precision, place=place)

    def _language(self, lang: str | None) -> str:
        if lang and pack_file(lang, "dates_months.tsv").exists():
            return lang
        return self._fallback


def event_date(event: Event, article: Article,
               dates: dict[int, list[DateMention]]) -> tuple[str | None, str]:
    """(ISO value, precision) for ``event`` — see the module docstring."""
    own = dates.get(event.sentence, [])
    if own:
        # A date in the evidence's comma-delimited part beats a nearer one beyond
        # a comma ("Setelah serangan 22 Maret, Lavrov tiba Senin (8/4)").
        best = min(own, key=lambda d: (_comma_between(article.text, d, event),
                                       _distance(d.start, d.end, event)))
        return best.value, best.precision
    sentence = _sentence(article.sentences, event.sentence)
    if sentence is not None:
        earlier = [s for s in article.sentences
                   if s.paragraph == sentence.paragraph and s.kind == sentence.kind
                   and sentence.index - INHERIT_SENTENCES <= s.index < sentence.index]
        for s in sorted(earlier, key=lambda s: -s.index):
            if dates.get(s.index):
                last = dates[s.index][-1]  # the date nearest to where the story continues
                return last.value, last.precision
    if article.published is not None:
        return article.published.date().isoformat(), "publication"
    return None, "publication"


@dataclass(frozen=True)
class PlaceRules:
    """Pack words that scope and rank an event's place."""

    clause_break: re.Pattern[str]
    locatives: frozenset[str]

    @staticmethod
    def load(langs: Sequence[str]) -> PlaceRules:
        breaks = _pack_words(langs, "places_clause_breaks.tsv")
        words = "|".join(re.escape(w) for w in sorted(breaks, key=len, reverse=True))
        pattern = CLAUSE_PUNCT + (rf"|\b(?:{words})\b" if words else "")
        return PlaceRules(re.compile(pattern, re.IGNORECASE),
                          frozenset(w.lower() for w in _pack_words(langs, "places_locatives.tsv")))

    def clause(self, sentence: Sentence, anchor: int) -> tuple[int, int]:
        """Article offsets of the clause of ``sentence`` that holds ``anchor``."""
        lo, hi = sentence.start, sentence.end
        for m in self.clause_break.finditer(sentence.text):
            at = sentence.start + m.start()
            if at <= anchor:
                lo = at if m.group().strip(";—–-") else sentence.start + m.end()
            else:
                hi = at
                break
        return lo, hi

    def clause_place(self, event: Event, article: Article) -> Place | None:
        """The place named in the clause holding the event's evidence."""
        sentence = _sentence(article.sentences, event.sentence)
        if sentence is None:
            return None
        lo, hi = self.clause(sentence, event.evidence_start)
        inside = [p for p in article.places if lo <= p.start and p.end <= hi]
        if not inside:
            return None
        source = event.source
        return min(inside, key=lambda p: (
            source is not None and source.start <= p.start < source.end,
            not self._after_locative(article.text, p.start),
            p.feature_type == 1,  # GDELT geocodes to the most precise place
            _distance(p.start, p.end, event),
        ))

    def _after_locative(self, text: str, start: int) -> bool:
        m = re.search(r"(\w+)\s+$", text[max(0, start - 20):start])
        return bool(m) and m.group(1).lower() in self.locatives


def _pack_words(langs: Sequence[str], name: str) -> list[str]:
    words: list[str] = []
    for lang in langs:
        path = pack_file(lang, name)
        if path.exists():
            words.extend(row["name"] for _, row in read_tsv(path, ("name",)))
    return words


def dateline_place(article: Article) -> Place | None:
    """The place of a dateline zone, or one opening the first lead/body sentence."""
    for s in article.sentences:
        if s.kind == "dateline":
            found = [p for p in article.places if s.start <= p.start < s.end]
            if found:
                return found[0]
    first = next((s for s in article.sentences if s.kind in ("lead", "body")), None)
    if first is None:
        return None
    opening = first.start + (len(first.text) - len(first.text.lstrip()))
    for p in article.places:
        if p.start == opening and DATELINE_TAIL.match(article.text, p.end):
            return p
    return None


def _comma_between(text: str, date: DateMention, event: Event) -> bool:
    lo, hi = sorted((date.end, event.evidence_start)) if date.end <= event.evidence_start \
        else sorted((event.evidence_end, date.start))
    return "," in text[lo:hi]


def _distance(start: int, end: int, event: Event) -> int:
    if end <= event.evidence_start:
        return event.evidence_start - end
    if start >= event.evidence_end:
        return start - event.evidence_end
    return 0


def _sentence(sentences: Sequence[Sentence], index: int) -> Sentence | None:
    return next((s for s in sentences if s.index == index), None)
