"""EventContextStage: give each event its date and its place (GDELT's ActionGeo).

Both come from the event's own clause (``enrich/clauses.py`` cuts sentences into
clauses, quoted speech, relative clauses and parentheses). A date or place does
not belong to its clause when it modifies an event noun (``dates_heads.tsv``:
"serangan teroris di wilayah Moskow pada 22 Maret", "the 2019 election"), unless
that noun is the event's own trigger, the object right after the trigger of a
material event ("melancarkan serangan pada Senin"), or a frame preposition
(``dates_frames.tsv``: "Dalam serangan pada …, …") makes the phrase an
adverbial of the clause.

The trigger is the evidence word that holds the head of the pattern that fired
(the ``pattern`` id names it: ``id:kunjung:042:1``), else the first evidence
word outside the actors.

Date, in order of preference:
1. a date of the clause holding the trigger; when several events share the
   clause, each date goes to the nearest trigger and an event takes the nearest
   of its own, a date beyond a comma only when none is on its side;
2. a date of a governing clause, nearest first; then a date set off by a comma
   at the end of the sentence (", Senin (20/10/2025)." dates the sentence);
3. the last clause-level date of one of the two previous sentences of the
   paragraph (the story goes on: "Lavrov arrived on Monday (8/4). He met Wang …");
4. the article's reporting date, with precision "publication": a day date set
   off at the end of the first lead/body sentence (", Selasa (21/10/2025).") at
   most a week before publication, else the publication date.
A date after the publication date is a plan, not what happened, and is never
an event's date (GDELT's SQLDATE is when the event took place).

Place: a place of the trigger's clause or of a relative clause hanging on it,
not modifying another event noun. Prefer one that is not the source actor's own
mention, then one after a locative preposition ("di Beijing", "in Geneva":
``places_locatives.tsv``), then the clause's own over a relative clause's, then
a city or province over a country, then the nearest to the trigger. Quoted
speech and relative clauses without a place take the place of the clause they
hang on. Else the dateline place ("JAKARTA, …"); else none.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import timedelta

from ..model import Article, Event, Place, Sentence
from ..packs import pack_file
from ..settings import Settings
from .clauses import WORD, ClauseRules, Clauses, clauses
from .dates import DateMention, DateResolver

#: How many earlier sentences of the paragraph may lend an event their date.
INHERIT_SENTENCES = 2
#: A lead date at most this many days before publication is the reporting date.
REPORT_DAYS = 7
#: Words that may stand between an event noun and the date or place it governs.
HEAD_GAP = 6
#: Words that may stand between a frame preposition and its event noun.
FRAME_GAP = 2
#: Words between a material trigger and its object noun ("launched a new attack").
OBJECT_GAP = 2
#: Words a sentence-final date may be followed by (", Senin (20/10) malam.").
ADJUNCT_TAIL = 5
#: What follows a dateline place: "JAKARTA, KOMPAS.com -", "WASHINGTON (Reuters) -".
DATELINE_TAIL = re.compile(r"\s*[,(–—-]")
#: Quad classes of material events, whose object noun is part of the event.
MATERIAL_QUADS = (2, 4)


@dataclass(frozen=True, slots=True)
class Attached:
    """A date mention and where it sits in its sentence."""

    date: DateMention  # article offsets
    segment: int
    head: int  # start of the event noun it modifies, -1 when none
    adjunct: bool  # sentence-final, set off by a comma: dates the whole sentence


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
        self._languages: dict[str | None, str] = {}

    def __call__(self, article: Article) -> Article:
        if not article.events:
            return article
        ctx = _ArticleContext(self, article)
        events = tuple(ctx.enrich(e, t)
                       for e, t in zip(article.events, ctx.event_triggers, strict=True))
        return dataclasses.replace(article, events=events)

    def language(self, lang: str | None) -> str:
        """``lang`` if it has a date pack, else the fallback language."""
        if lang not in self._languages:
            has = bool(lang) and pack_file(str(lang), "dates_months.tsv").exists()
            self._languages[lang] = str(lang) if has else self._fallback
        return self._languages[lang]


class _ArticleContext:
    """Per-article caches: clauses and attached dates of the sentences asked for."""

    def __init__(self, stage: EventContextStage, article: Article) -> None:
        self.stage = stage
        self.article = article
        self.text = article.text
        self._clauses: dict[int, tuple[ClauseRules, Clauses]] = {}
        self._dates: dict[int, list[Attached]] = {}
        self._earlier: dict[int, DateMention | None] = {}
        self._lemmas: dict[int, dict[int, str]] = {}
        self._report: tuple[str | None, str] | None = None
        self._dateline: tuple[Place | None] | None = None
        self.by_index = {s.index: s for s in article.sentences}
        #: no event date lies after the publication date (GDELT dates what happened)
        self.latest = article.published.date().isoformat() if article.published else None
        #: each event's trigger, and the triggers of each sentence
        self.event_triggers = [self.trigger(e) for e in article.events]
        self.triggers: dict[int, list[tuple[int, int]]] = {}
        for e, t in zip(article.events, self.event_triggers, strict=True):
            self.triggers.setdefault(e.sentence, []).append(t)

    # -- sentences -----------------------------------------------------------

    def rules_clauses(self, index: int) -> tuple[ClauseRules, Clauses]:
        if index not in self._clauses:
            s = self.by_index[index]
            rules = ClauseRules.load(self.stage.language(s.language or self.article.language))
            quotes = [(q.start, q.end) for q in self.article.quotes
                      if q.start < s.end and q.end > s.start]
            self._clauses[index] = (rules, clauses(s, rules, quotes))
        return self._clauses[index]

    def dates(self, index: int) -> list[Attached]:
        """Date mentions of sentence ``index`` with their attachment."""
        if index in self._dates:
            return self._dates[index]
        s = self.by_index[index]
        lang = self.stage.language(s.language or self.article.language)
        found = self.stage.resolver.find(s.text, lang, self.article.published)
        out: list[Attached] = []
        if found:
            rules, cl = self.rules_clauses(index)
            for d in found:
                if self.latest is not None and d.value > self.latest[:len(d.value)]:
                    continue  # not yet happened: the report, not the plan, is the event
                d = dataclasses.replace(d, start=d.start + s.start, end=d.end + s.start)
                seg = cl.at(d.start)
                paren = cl.segments[seg]
                if paren.kind == "paren" and \
                        self.text[paren.start + 1:paren.end - 1].strip() == d.text:
                    seg = paren.parent  # "(20/10/2025)" is the date, not an aside
                head = _head(d.start, d.end, cl, seg, rules)
                out.append(Attached(d, seg, head, _adjunct(self.text, d, s)))
        self._dates[index] = out
        return out

    # -- events --------------------------------------------------------------

    def trigger(self, event: Event) -> tuple[int, int]:
        """Offsets of the event's trigger word inside its evidence.

        The pattern id names the head (``id:kunjung:042:1``); the trigger is the
        first word of the evidence outside the actors that contains the head
        (or has it as lemma), else the first word outside the actors.
        """
        parts = event.pattern.split(":")
        heads = [h.split()[0].lower() for h in parts[1].split("|") if h.strip()] \
            if len(parts) > 2 else []
        skip = [(m.start, m.end) for m in (event.source, event.target) if m is not None]
        # Every word looked up below starts inside the evidence, so the
        # sentence's lemmas (built once per sentence) serve every event.
        lemmas = self._sentence_lemmas(event.sentence)
        first: tuple[int, int] | None = None
        for m in WORD.finditer(self.text, event.evidence_start, event.evidence_end):
            lo, hi = m.span()
            if not m.group()[0].isalnum() or any(a <= lo < b for a, b in skip):
                continue
            word = m.group().lower()
            if any(h and (h in word or lemmas.get(lo) == h) for h in heads):
                return lo, hi
            if first is None:
                first = (lo, hi)
        return first or (event.evidence_start, event.evidence_end)

    def _sentence_lemmas(self, index: int) -> dict[int, str]:
        """Lemma of each token of sentence ``index`` by start offset."""
        if index not in self._lemmas:
            s = self.by_index.get(index)
            self._lemmas[index] = {t.start: t.lemma for t in s.tokens} if s is not None else {}
        return self._lemmas[index]

    def enrich(self, event: Event, trigger: tuple[int, int]) -> Event:
        value, precision = self.event_date(event, trigger)
        place = self.clause_place(event, trigger) or self.dateline()
        return dataclasses.replace(event, date=value, date_precision=precision, place=place)

    def event_date(self, event: Event, trigger: tuple[int, int]) -> tuple[str | None, str]:
        """(ISO value, precision) for ``event`` — see the module docstring."""
        if event.sentence in self.by_index:
            own = self.dates(event.sentence)
            if own:
                best = self._own_date(event, trigger, own)
                if best is not None:
                    return best.value, best.precision
            inherited = self._earlier_date(self.by_index[event.sentence])
            if inherited is not None:
                return inherited.value, inherited.precision
        return self.reporting_date()

    def _own_date(self, event: Event, trigger: tuple[int, int],
                  dates: list[Attached]) -> DateMention | None:
        _, cl = self.rules_clauses(event.sentence)
        chain = cl.chain(cl.at(trigger[0]))
        usable = [a for a in dates if a.head < 0 or self._own_noun(event, trigger, a.head, cl)]
        others = [t for t in self.triggers.get(event.sentence, ()) if t != trigger]
        for depth, seg in enumerate(chain):
            here = [a for a in usable if a.segment == seg]
            if depth == 0:
                # a date goes to the nearest trigger of its clause
                mine = [a for a in here if all(
                    _gap(a.date.start, a.date.end, trigger) <= _gap(a.date.start, a.date.end, t)
                    for t in others if cl.at(t[0]) == seg)]
                here = mine or here
            if here:
                return min(here, key=lambda a: (
                    _comma_between(self.text, a.date.start, a.date.end, trigger),
                    _gap(a.date.start, a.date.end, trigger))).date
        adjunct = [a for a in usable if a.adjunct]
        return adjunct[-1].date if adjunct else None

    def _own_noun(self, event: Event, trigger: tuple[int, int], head: int,
                  cl: Clauses) -> bool:
        """Whether the event noun at ``head`` (which a date or place modifies) is the event."""
        if trigger[0] <= head < trigger[1]:
            return True
        if event.quad_class not in MATERIAL_QUADS or head < trigger[1]:
            return False
        return cl.word_index(head) - cl.word_index(trigger[1]) <= OBJECT_GAP

    def _earlier_date(self, sentence: Sentence) -> DateMention | None:
        """The date an event of ``sentence`` inherits from the sentences just
        before it in its paragraph (cached: several events share a sentence)."""
        if sentence.index not in self._earlier:
            self._earlier[sentence.index] = self._find_earlier_date(sentence)
        return self._earlier[sentence.index]

    def _find_earlier_date(self, sentence: Sentence) -> DateMention | None:
        earlier = [s for s in self.article.sentences
                   if s.paragraph == sentence.paragraph and s.kind == sentence.kind
                   and sentence.index - INHERIT_SENTENCES <= s.index < sentence.index]
        for s in sorted(earlier, key=lambda s: -s.index):
            # the clause-level date nearest to where the story continues
            dates = self.dates(s.index)
            if not dates:
                continue
            segments = self.rules_clauses(s.index)[1].segments
            level = [a for a in dates
                     if a.head < 0 and segments[a.segment].kind in ("clause", "quote")]
            if level:
                return level[-1].date
        return None

    def reporting_date(self) -> tuple[str | None, str]:
        """The date the article reports on: a recent date of its lead, else publication."""
        if self._report is None:
            self._report = self._find_reporting_date()
        return self._report

    def _find_reporting_date(self) -> tuple[str | None, str]:
        # Only a date set off at the end of the first sentence counts (", Selasa
        # (21/10/2025)."): a date inside a lead ("talks last week", "a news
        # conference Thursday") is as often another event's.
        published = self.article.published
        first = next((s for s in self.article.sentences if s.kind in ("dateline", "lead", "body")
                      and s.text.strip()), None)
        if first is not None:
            for a in self.dates(first.index):
                if not a.adjunct or a.head >= 0 or a.date.precision != "day":
                    continue
                if published is None:
                    return a.date.value, "publication"
                if str(published.date() - timedelta(days=REPORT_DAYS)) <= a.date.value:
                    return a.date.value, "publication"
        if published is not None:
            return published.date().isoformat(), "publication"
        return None, "publication"

    # -- places --------------------------------------------------------------

    def clause_place(self, event: Event, trigger: tuple[int, int]) -> Place | None:
        """The place named in the clause holding the event's trigger.

        Places of relative clauses hanging on that clause count too ("mahasiswa
        yang berada di Islamabad"). Quoted speech without a place takes the
        place of its attribution ("“…,” kata X di Jakarta"), a relative clause
        the place of the clause its noun stands in ("insiden di Magetan yang
        menewaskan …").
        """
        if event.sentence not in self.by_index:
            return None
        s = self.by_index[event.sentence]
        inside = [p for p in self.article.places if s.start <= p.start and p.end <= s.end]
        if not inside:
            return None
        rules, cl = self.rules_clauses(event.sentence)
        where: list[tuple[Place, int]] = []
        for p in inside:
            at = cl.at(p.start)
            head = _head(p.start, p.end, cl, at, rules)
            if head < 0 or self._own_noun(event, trigger, head, cl):
                where.append((p, at))
        for seg in cl.chain(cl.at(trigger[0])):
            candidates = [(p, at != seg) for p, at in where if at == seg or (
                cl.segments[at].kind == "relative" and cl.segments[at].parent == seg)]
            if candidates:
                return self._best_place(event, trigger, rules, candidates)
            if cl.segments[seg].kind not in ("quote", "relative"):
                break
        return None

    def _best_place(self, event: Event, trigger: tuple[int, int], rules: ClauseRules,
                    candidates: list[tuple[Place, bool]]) -> Place:
        source = event.source
        return min(candidates, key=lambda c: (
            source is not None and source.start <= c[0].start < source.end,
            not self._after_locative(rules, c[0].start),
            c[1],  # a relative clause's place after the clause's own
            c[0].feature_type == 1,  # GDELT geocodes to the most precise place
            _gap(c[0].start, c[0].end, trigger),
        ))[0]

    def _after_locative(self, rules: ClauseRules, start: int) -> bool:
        m = re.search(r"(\w+)\s+$", self.text[max(0, start - 20):start])
        return bool(m) and m.group(1).lower() in rules.locatives

    def dateline(self) -> Place | None:
        if self._dateline is None:
            self._dateline = (dateline_place(self.article),)
        return self._dateline[0]


# -- attachment helpers ---------------------------------------------------------


def _head(start: int, end: int, cl: Clauses, seg: int, rules: ClauseRules) -> int:
    """Start of the event noun a date or place at ``start:end`` modifies, else -1.

    The noun stands at most HEAD_GAP words before it in the same clause, with no
    comma or bracket between ("serangan teroris di wilayah Moskow pada 22 Maret"),
    or, for nouns marked "around", right after it ("the 2019 election",
    "Monday's attack"). A frame preposition before the noun ("dalam serangan",
    "during the attack") makes the phrase the clause's own: no head.
    """
    if not rules.heads:
        return -1
    words, lo = cl.words, cl.segments[seg].start
    i = cl.word_index(start)
    for j in range(i - 1, max(-1, i - 1 - HEAD_GAP), -1):
        w0, _, word = words[j]
        if w0 < lo or word in (",", "(", ")"):
            break
        if word in rules.heads:
            framed = any(words[k][2] in rules.frames and words[k][0] >= lo
                         for k in range(max(0, j - 1 - FRAME_GAP), j))
            return -1 if framed else w0
    k = cl.word_index(end)  # "Monday's attack": the "'s" belongs to the date's word
    if k < len(words) and rules.heads.get(words[k][2]) == "around" \
            and words[k][0] - end <= 3 and words[k][0] < cl.segments[seg].end:
        return words[k][0]
    return -1


def _adjunct(text: str, date: DateMention, sentence: Sentence) -> bool:
    """A date set off by a comma at the end of its sentence (", Senin (20/10) malam.")."""
    before = text[sentence.start:date.start].rstrip()
    if not before.endswith(","):
        return False
    tail = text[date.end:sentence.end]
    return "," not in tail and len(WORD.findall(tail)) <= ADJUNCT_TAIL


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


def _comma_between(text: str, start: int, end: int, span: tuple[int, int]) -> bool:
    lo, hi = (end, span[0]) if end <= span[0] else (span[1], start)
    return "," in text[lo:hi]


def _gap(start: int, end: int, span: tuple[int, int]) -> int:
    if end <= span[0]:
        return span[0] - end
    if start >= span[1]:
        return start - span[1]
    return 0
