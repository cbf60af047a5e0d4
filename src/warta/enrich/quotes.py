"""Direct and reported quotations with their speakers.

1. Find quoted stretches paragraph by paragraph: curly, low-9 and
   guillemet marks nest; straight double quotes toggle. A quote left open at
   the end of a paragraph continues only when the next paragraph opens with
   a quote mark (the newspaper convention); otherwise it stops at the
   paragraph end, so an unclosed mark never swallows the article.
2. Attribute each quote, strongest cue first: an attribution right after
   the closing mark (",” kata Lavrov", ",” ujarnya", '," said Lavrov'), a
   speech verb right before the opening mark ('Wang berjanji “…', 'Lavrov
   said: "…'), a subject + verb after it ('," he said'), and as a fallback
   a recent quote's speaker or the subject of a recent sentence.
3. Reported speech: a speech verb followed by a complementizer
   ("mengatakan bahwa …", "said that …") gives an indirect quote whose span
   is the reported clause.

Speakers are actor mentions (a pronoun mention the actors stage resolved
counts as named). Without any mention, a capitalised name after the verb
becomes an uncoded Mention so the speaker's name is still kept. Speakers
from the fallback get a lower confidence.

Attribution words are pack data: ``packs/<lang>/quotes.tsv`` (word, form).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, islice
from types import MappingProxyType

from ..errors import DataFileError
from ..model import Article, Mention, Quote
from ..packs import languages, pack_file, read_tsv
from ..settings import Settings
from .themes import WORD_RE, PhraseIndex, Word, words

#: Opening mark → closing marks it accepts ("„…“" and "„…”" both occur).
CLOSERS = MappingProxyType({"“": "”", "„": "”“", "«": "»", '"': '"'})
#: The characters _close looks at after each opener: its closers, and itself
#: where quotes of that kind nest (every other character is skipped in C).
_MARKS = MappingProxyType({
    op: re.compile("[" + re.escape(closers + ("" if op == '"' else op)) + "]")
    for op, closers in CLOSERS.items()})
#: Any character that may open a quote (checked further by _opens).
OPENING_MARK = re.compile(r'[“„«"”]')
#: Marks between a closing quote and its attribution (',” kata', '.” Lavrov said').
ATTRIBUTION_GAP = re.compile(r"^[\s,.;:!?—–-]*$")
#: Marks between a speech verb and the opening quote ('said: “', 'mengatakan, “').
INTRO_GAP = re.compile(r"^[\s,:—–-]*$")
#: Where an attribution clause ends (',” kata Lavrov seperti dikutip …, ').
CLAUSE_END = re.compile(r"[,;:!?]|\.(?:\s|$)")
#: A sentence boundary between a closing quote and a later verb.
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
#: A capitalised name of one to six words ("Sergei Lavrov", "Bank of Japan").
NAME_RE = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|de|da|di|van|von|bin|binti|al|el)\s+)?[A-Z][\w'’.-]*){0,5}")
FORMS = ("inverted", "clitic", "plain", "complementizer", "pronoun")
#: How many words after a closing mark (and before an opening one) may hold the cue.
AFTER_WORDS = 10
AFTER_CHARS = 160
BEFORE_WORDS = 3
COLON_WORDS = 10
#: How far back (in sentences) the fallback looks for a speaker.
FALLBACK_SENTENCES = 3
#: ... and how far back a previous quote's speaker carries over.
FALLBACK_QUOTE_SENTENCES = 4
FALLBACK_CONFIDENCE = 0.6
#: A quote this short with no attribution is a scare quote ('kemitraan “tanpa batas”').
MIN_UNATTRIBUTED_WORDS = 4
SPEAKER_KINDS = ("person", "pronoun", "agent", "actor")
#: ASCII letters that a case-blind regex matches to their two ASCII cases only
#: ("k" also matches the Kelvin sign, "s" the long s, "i" the dotless i and İ).
CASE_PLAIN = frozenset("abcdefghjlmnopqrtuvwxyz")
NOT_SPEAKER_KINDS = ("place",)


@lru_cache(maxsize=8)
def load_quote_rows(lang: str) -> tuple[tuple[str, str], ...]:
    """(word, form) rows of pack ``lang``; DataFileError names a bad line."""
    path = pack_file(lang, "quotes.tsv")
    rows = []
    for lineno, row in read_tsv(path, ("word", "form")):
        if row["form"] not in FORMS:
            raise DataFileError(str(path), f"unknown form {row['form']!r}", lineno)
        rows.append((row["word"].lower(), row["form"]))
    return tuple(rows)


@dataclasses.dataclass(frozen=True)
class QuoteLexicon:
    """Attribution words of every pack together: short quote sentences are the
    ones language identification gets wrong ('"Belum diperiksa," kata Faruk.'
    tagged English), and the two languages' words barely collide."""

    words: PhraseIndex[str]
    complementizer: re.Pattern[str]  # quick test before tokenising a sentence
    #: The complementizers when all are spelled with CASE_PLAIN letters, else None.
    plain: tuple[str, ...] | None = None

    @classmethod
    def from_packs(cls, langs: Sequence[str]) -> QuoteLexicon:
        rows = list(dict.fromkeys(r for lang in langs for r in load_quote_rows(lang)))
        found = [w for w, form in rows if form == "complementizer"]
        comp = "|".join(re.escape(w) for w in found)
        plain = tuple(found) if all(CASE_PLAIN.issuperset(w) for w in found) else None
        return cls(PhraseIndex(rows), re.compile(rf"\b(?:{comp or '(?!)'})\b", re.IGNORECASE),
                   plain)

    def may_report(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a complementizer ("that", "bahwa").

        The case-blind regex tries every position; a lower-cased copy searched
        for the plain words first (in C) rules out most sentences. It cannot miss
        one: a CASE_PLAIN letter matches, case-blind, only its two ASCII cases.
        """
        if self.plain is not None:
            low = text[start:end].lower()
            if not any(w in low for w in self.plain):
                return False
        return self.complementizer.search(text, start, end) is not None


@dataclasses.dataclass(frozen=True, slots=True)
class Segment:
    """One quoted stretch inside a paragraph."""

    mark: int  # offset of the opening mark
    start: int  # quoted words
    end: int
    after: int  # offset just past the closing mark (= end when unclosed)
    closed: bool
    paragraph: tuple[int, int]


@dataclasses.dataclass(frozen=True, slots=True)
class Cue:
    verb: str
    speaker: Mention | None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: scraped paragraphs are lines."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _opens(text: str, i: int, end: int) -> bool:
    ch = text[i]
    nxt = text[i + 1] if i + 1 < end else ""
    if ch in "“„«":
        return True
    # A straight quote (or a ” typed as an opener) opens only before a word.
    prev = text[i - 1] if i > 0 else " "
    return ch in '"”' and nxt != "" and not nxt.isspace() and (prev.isspace() or prev in "([:")


def _close(text: str, i: int, end: int) -> int | None:
    opener = "“" if text[i] == "”" else text[i]
    closers, depth = CLOSERS[opener], 0
    marks = _MARKS[opener]
    pos = i + 1
    while (found := marks.search(text, pos, end)) is not None:
        j = found.start()
        pos = j + 1
        ch = text[j]
        if ch in closers and depth == 0:
            return j
        if opener != '"' and ch == opener:
            depth += 1
        elif opener != '"' and ch in closers:
            depth -= 1
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def find_segments(text: str, para: tuple[int, int]) -> list[Segment]:
    """Quoted stretches of one paragraph, left to right."""
    segs, i, end = [], para[0], para[1]
    while i < end:
        mark = OPENING_MARK.search(text, i, end)
        if mark is None:
            break
        i = mark.start()
        if not _opens(text, i, end):
            i += 1
            continue
        j = _close(text, i, end)
        closed = j is not None
        stop = j if j is not None else end
        s, e = _trimmed(text, i + 1, stop)
        if e > s:
            segs.append(Segment(i, s, e, stop + 1 if closed else stop, closed, para))
        i = stop + 1
    return segs


def quote_groups(text: str) -> list[list[Segment]]:
    """Segments grouped into quotations: a quote left open at a paragraph end
    continues into the next paragraph when that one opens with a quote mark."""
    groups: list[list[Segment]] = []
    carry = False
    for para in paragraphs(text):
        segs = find_segments(text, para)
        if not segs:
            carry = False
            continue
        continues = carry and segs[0].mark == para[0] + _indent(text, para)
        if continues:
            groups[-1].append(segs[0])
            segs = segs[1:]
        groups.extend([s] for s in segs)
        carry = not groups[-1][-1].closed
    return groups


def _indent(text: str, para: tuple[int, int]) -> int:
    line = text[para[0] : para[1]]
    return len(line) - len(line.lstrip())


class _Speakers:
    """Mention look-ups for one article, quoted stretches excluded."""

    def __init__(self, article: Article, quoted: Sequence[tuple[int, int]]) -> None:
        self.text = article.text
        self.mentions = sorted(
            (m for m in article.mentions if m.kind not in NOT_SPEAKER_KINDS),
            key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.quoted = sorted(quoted)
        self._reach = list(accumulate((e for _, e in self.quoted), max))  # furthest end so far

    def touches_quote(self, lo: int, hi: int) -> bool:
        """Whether a quoted stretch overlaps [lo, hi); when none does, no position
        in it is :meth:`inside_quote`."""
        k = bisect.bisect_left(self.quoted, (hi,))
        return k > 0 and self._reach[k - 1] > lo

    def inside_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quoted, (pos, len(self.text))) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def between(self, lo: int, hi: int, unquoted: bool = True) -> list[Mention]:
        a, b = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [m for m in self.mentions[a:b]
                if m.end <= hi and not (unquoted and self.inside_quote(m.start))]

    def at(self, start: int, end: int) -> Mention | None:
        """A mention overlapping [start, end): the resolved pronoun of "ujarnya"."""
        k = bisect.bisect_right(self.starts, end)
        for m in reversed(self.mentions[max(0, k - 4) : k]):
            if m.start < end and m.end > start:
                return m
        return None

    def name_after(self, pos: int, limit: int) -> Mention | None:
        """An uncoded Mention for a capitalised name right after ``pos``."""
        m = NAME_RE.match(self.text, pos + _spaces(self.text, pos, limit), limit)
        if m is None:
            return None
        name = m.group().rstrip(".")
        return Mention(m.start(), m.start() + len(name), name, -1, "", name, kind="person",
                       method="quote-attribution", confidence=0.5)

    def name_before(self, floor: int, pos: int) -> Mention | None:
        """An uncoded Mention for a capitalised name ending right before ``pos``
        ("the LSE said"): a name anywhere else in the clause is not the subject."""
        window = self.text[floor:pos].rstrip()
        found = [m for m in NAME_RE.finditer(window) if m.end() == len(window)]
        if not found:
            return None
        s, e = floor + found[0].start(), floor + found[0].end()
        return Mention(s, e, self.text[s:e], -1, "", self.text[s:e], kind="person",
                       method="quote-attribution", confidence=0.5)


def _spaces(text: str, pos: int, limit: int) -> int:
    n = 0
    while pos + n < limit and text[pos + n].isspace():
        n += 1
    return n


def _first_speaker(cands: Sequence[Mention]) -> Mention | None:
    people = [m for m in cands if m.kind in SPEAKER_KINDS]
    return (people or list(cands) or [None])[0]


class _Attributor:
    """Attribution cues around the quotes of one article."""

    def __init__(self, lex: PhraseIndex[str], speakers: _Speakers) -> None:
        self.lex, self.sp = lex, speakers
        self._after: dict[tuple[int, int], list[Word]] = {}  # the words after a quote

    def forms(self, toks: Sequence[Word], k: int) -> tuple[int, list[str]]:
        # match_at reads no further than the longest phrase
        hit = self.lex.match_at([t.norm for t in toks[k : k + self.lex.longest]], 0)
        return hit if hit else (0, [])

    def after(self, seg: Segment, limit: int, strong: bool) -> Cue | None:
        """',” kata Lavrov' / ',” ujarnya' (strong) or ',” Lavrov said' (weak)."""
        window = min(limit, seg.after + AFTER_CHARS)
        toks = self._after.get((seg.after, window))
        if toks is None:
            toks = self._after[seg.after, window] = _first_words(
                self.sp.text[seg.after : window], seg.after, AFTER_WORDS)
        if not toks or not ATTRIBUTION_GAP.match(self.sp.text[seg.after : toks[0].start]):
            return None
        if strong:
            return self._inverted(toks, 0, limit)
        if "." in self.sp.text[seg.end - 1 : toks[0].start]:
            return None  # '…." The company said' — the quote closed its sentence
        for k in range(1, len(toks)):
            if SENTENCE_END.search(self.sp.text, toks[k - 1].end, toks[k].start):
                return None
            n, forms = self.forms(toks, k)
            if "plain" in forms:
                return self._subject(toks, k, seg.after, n, after=True)
        return None

    def _inverted(self, toks: Sequence[Word], k: int, limit: int) -> Cue | None:
        n, forms = self.forms(toks, k)
        verb_end = toks[k + n - 1].end if n else 0
        verb = self.sp.text[toks[k].start : verb_end]
        if "clitic" in forms:
            return Cue(verb, self.sp.at(toks[k].start, verb_end))
        if "inverted" not in forms:
            return None
        if k + n < len(toks) and "pronoun" in self.forms(toks, k + n)[1]:
            return Cue(verb, self.sp.at(toks[k + n].start, toks[k + n].end))
        clause = CLAUSE_END.search(self.sp.text, verb_end, limit)
        clause_end = clause.start() if clause else limit
        named = self.sp.between(verb_end, clause_end, unquoted=False)
        name = self.sp.name_after(verb_end, clause_end)
        if name is not None and not (named and named[0].start < name.end):
            # ',” kata Dede Indra kepada wartawan': the name right after the verb
            # speaks, not a later mention ("wartawan") the actors stage did find
            return Cue(verb, name)
        return Cue(verb, _first_speaker(named))

    def _subject(self, toks: Sequence[Word], k: int, lo: int, n: int, after: bool) -> Cue:
        """The subject of a plain verb: a pronoun right before it, else the first
        name after a closing quote ('," Ivo Geijsen, an analyst, said') or the
        name nearest before the verb ('Lavrov said: "…').
        """
        verb = self.sp.text[toks[k].start : toks[k + n - 1].end]
        if k > 0 and "pronoun" in self.forms(toks, k - 1)[1]:
            return Cue(verb, self.sp.at(toks[k - 1].start, toks[k - 1].end))
        named = self.sp.between(lo, toks[k].start, unquoted=False)
        if named:
            return Cue(verb, named[0] if after else named[-1])
        if after:
            return Cue(verb, self.sp.name_after(lo, toks[k].start))
        return Cue(verb, self.sp.name_before(lo, toks[k].start))

    def before(self, seg: Segment, floor: int) -> Cue | None:
        """'Wang berjanji “…' / 'Lavrov said: "…' / 'kata Lavrov: “…'."""
        toks = words(self.sp.text[floor : seg.mark], floor)
        if not toks or not INTRO_GAP.match(self.sp.text[toks[-1].end : seg.mark]):
            return None
        # 'He told Sky News' Sunday programme: "…' — a colon announces the quote,
        # so the verb may sit further back in the clause.
        reach = COLON_WORDS if ":" in self.sp.text[toks[-1].end : seg.mark] else BEFORE_WORDS
        for k in range(len(toks) - 1, max(-1, len(toks) - 1 - reach), -1):
            n, forms = self.forms(toks, k)
            if "plain" in forms:
                return self._subject(toks, k, floor, n, after=False)
            if "inverted" in forms and k + n < len(toks):
                return self._inverted(toks, k, seg.mark)
        return None


def _first_words(text: str, offset: int, limit: int) -> list[Word]:
    """``words(text, offset)[:limit]``, without tokenising the rest."""
    return [Word(m.start() + offset, m.end() + offset, m.group().lower())
            for m in islice(WORD_RE.finditer(text), limit)]


def _count_words(text: str, group: Sequence[Segment]) -> int:
    """How many words the quoted stretches of ``group`` hold."""
    return sum(len(WORD_RE.findall(text, s.start, s.end)) for s in group)


def _gap_limit(text: str, groups: list[list[Segment]], g: int, seg: Segment) -> int:
    """Where the after-quote window of ``seg`` ends: the next quote or paragraph end."""
    nxt = groups[g + 1][0].mark if g + 1 < len(groups) else len(text)
    return min(nxt, seg.paragraph[1])


class QuoteStage:
    """Adds direct and indirect quotes with their speaker mention."""

    name = "quotes"
    requires = ("sentences", "mentions")
    assigns = ("quotes",)

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        langs = [lang for lang in languages() if pack_file(lang, "quotes.tsv").is_file()]
        self._lex = QuoteLexicon.from_packs(langs)

    def __call__(self, article: Article) -> Article:
        return dataclasses.replace(article, quotes=self.quotes(article))

    def quotes(self, article: Article) -> tuple[Quote, ...]:
        sents = _sentence_spans(article)
        groups = quote_groups(article.text)
        speakers = _Speakers(article, [(s.mark, s.after) for g in groups for s in g])
        direct = self._direct(article, groups, sents, speakers)
        indirect = self._indirect(article, sents, speakers, direct)
        return tuple(sorted(direct + indirect, key=lambda q: q.start))

    def _direct(self, article: Article, groups: list[list[Segment]], sents: _Sentences,
                speakers: _Speakers) -> list[Quote]:
        out: list[Quote] = []
        for g, group in enumerate(groups):
            att = _Attributor(self._lex.words, speakers)
            first, last = group[0], group[-1]
            limit = _gap_limit(article.text, groups, g, last)
            floor = max(first.paragraph[0], sents.start_of(first.mark),
                        out[-1].end if out else 0)
            cue = (att.after(last, limit, strong=True) or att.before(first, floor)
                   or att.after(last, limit, strong=False))
            if cue is None and _count_words(article.text, group) < MIN_UNATTRIBUTED_WORDS:
                continue
            speaker = cue.speaker if cue else None
            if speaker is None:
                speaker = _fallback(first.mark, out, sents, speakers)
            verb = cue.verb if cue else ""
            out.extend(Quote(s.start, s.end, article.text[s.start : s.end], speaker, "direct",
                             verb, sents.index_of(s.start)) for s in group)
        return out

    def _indirect(self, article: Article, sents: _Sentences, speakers: _Speakers,
                  direct: Sequence[Quote]) -> list[Quote]:
        out = []
        lex = self._lex.words
        for start, end, index in sents.spans:
            if not self._lex.may_report(article.text, start, end):
                continue  # most sentences: no tokenising needed
            sentence = article.text[start:end]
            toks: list[Word] | None = None
            if speakers.touches_quote(start, end):
                toks = [t for t in words(sentence, start) if not speakers.inside_quote(t.start)]
                norms = [t.norm for t in toks]
            else:  # the words' offsets are needed only for a hit
                norms = list(map(str.lower, WORD_RE.findall(sentence)))
            hit = _reported(norms, lex)
            if hit is None:
                continue
            if toks is None:
                toks = words(sentence, start)
            span = _clause(article.text, toks, hit[2], speakers)
            if span is None:
                continue
            k, n, _ = hit
            speaker = self._reported_speaker(toks, k, start, speakers, sents, direct)
            verb = article.text[toks[k].start : toks[k + n - 1].end]
            out.append(Quote(span[0], span[1], article.text[span[0] : span[1]], speaker,
                             "indirect", verb, index))
        return out

    def _reported_speaker(self, toks: Sequence[Word], k: int, start: int,
                          speakers: _Speakers, sents: _Sentences,
                          direct: Sequence[Quote]) -> Mention | None:
        """The subject of "X said that": a mention, a pronoun's resolution (else
        the fallback), or a capitalised name right before the verb."""
        found = _first_speaker(speakers.between(start, toks[k].start))
        if found is not None:
            return found
        before = toks[k - 1] if k > 0 else None
        if before and "pronoun" in (self._lex.words.match_at([before.norm], 0) or (0, []))[1]:
            return (speakers.at(before.start, before.end)
                    or _fallback(toks[k].start, direct, sents, speakers))
        return speakers.name_before(start, toks[k].start)


def _reported(norms: Sequence[str], lex: PhraseIndex[str]) -> tuple[int, int, int] | None:
    """(verb, verb length, complementizer) of the first "said (…) that" in a sentence."""
    for k in lex.may_start(norms):
        n, forms = (lex.match_at(norms, k) or (0, []))
        if "plain" not in forms:
            continue
        for c in range(k + n, min(k + n + 4, len(norms))):
            if "complementizer" in (lex.match_at(norms, c) or (0, []))[1]:
                return k, n, c
    return None


def _clause(text: str, toks: Sequence[Word], c: int,
            speakers: _Speakers) -> tuple[int, int] | None:
    """The reported clause after the complementizer, up to a direct quote."""
    if c + 1 >= len(toks):
        return None
    start, end = toks[c + 1].start, toks[-1].end
    quoted = [q for q in speakers.quoted if start <= q[0] < end]
    if quoted:
        end = max(start, quoted[0][0] - 1)
    start, end = _trimmed(text, start, end)
    return (start, end) if end > start else None


def _fallback(pos: int, done: Sequence[Quote], sents: _Sentences,
              speakers: _Speakers) -> Mention | None:
    """Nearest evidence first: a quote's speaker in this or the previous
    sentence, the subject of this or the previous sentence, then the same two
    cues further back (quote paragraphs in a row usually share a speaker)."""
    here = sents.position(pos)
    return (_recent_speaker(here, done, sents, 1) or _subject_of(here, pos, sents, speakers, 1)
            or _recent_speaker(here, done, sents, FALLBACK_QUOTE_SENTENCES)
            or _subject_of(here, pos, sents, speakers, FALLBACK_SENTENCES))


def _recent_speaker(here: int, done: Sequence[Quote], sents: _Sentences,
                    back: int) -> Mention | None:
    for q in reversed(done):
        if q.speaker is not None and here - sents.position(q.start) <= back:
            return _weaker(q.speaker)
    return None


def _subject_of(here: int, pos: int, sents: _Sentences, speakers: _Speakers,
                back: int) -> Mention | None:
    for k in range(here, max(-1, here - 1 - back), -1):
        start, end, _ = sents.spans[k]
        cands = [m for m in speakers.between(start, min(end, pos)) if m.kind in SPEAKER_KINDS]
        if cands:
            return _weaker(cands[0])
    return None


def _weaker(m: Mention) -> Mention:
    """A speaker found by the fallback: the same mention with lower confidence."""
    if m.confidence <= FALLBACK_CONFIDENCE:
        return m
    return dataclasses.replace(m, confidence=FALLBACK_CONFIDENCE)


@dataclasses.dataclass(frozen=True)
class _Sentences:
    """Sentence spans with bisect look-ups (paragraph lines when unsegmented)."""

    spans: tuple[tuple[int, int, int], ...]  # start, end, sentence index

    @functools.cached_property
    def starts(self) -> list[int]:
        return [s[0] for s in self.spans]

    def position(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def index_of(self, pos: int) -> int:
        if not self.spans:
            return -1
        start, end, index = self.spans[self.position(pos)]
        return index if start <= pos < end else -1

    def start_of(self, pos: int) -> int:
        return self.spans[self.position(pos)][0] if self.spans else 0


def _sentence_spans(article: Article) -> _Sentences:
    if article.sentences:
        ss = sorted(article.sentences, key=lambda s: s.start)
        return _Sentences(tuple((s.start, s.end, s.index) for s in ss))
    paras = paragraphs(article.text)
    return _Sentences(tuple((s, e, -1) for s, e in paras))
