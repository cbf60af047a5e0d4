"""Sentence and token segmentation.

Units never cross a zone boundary or a blank line. Inside a zone:

1. split into paragraphs on blank lines (headline, caption and dateline
   zones also on single line breaks: they carry no final punctuation);
2. drop a trailing agency tag (``[IT/r]``, ``(ant/ega)``) or a sign-off line
   (``Reuter``): they are not sentences;
3. at the start of the story's first body paragraph, cut off a wire dateline
   (``BEIJING (Reuters) -``) as a unit of its own, kind "dateline";
4. split the rest at ``.``, ``!``, ``?`` or an ellipsis followed by space
   and a capital, a digit or an opening quote, unless the stop belongs to an
   abbreviation (pack file ``abbreviations.txt``), an initial, an
   initialism (U.S., A.S.) or a list number; and at line breaks before a
   list item or an indented line. Closing quotes and brackets after the
   stop stay with the sentence.

``Sentence.paragraph`` numbers paragraphs across the whole article (headline
0, then captions, then body paragraphs). Tokens carry a lower-cased ``norm``
of the same length as the text and a ``lemma`` from the language's
morphology; capitalised words inside a sentence are taken for names and
keep their form. Everything is precompiled regular expressions.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache

from ..model import Article, Sentence, Token, Zone
from ..packs import pack_file
from ..settings import Settings

#: Zone kinds whose line breaks end a unit (they have no final punctuation).
LINE_ZONES = frozenset({"title", "caption", "dateline"})
#: Zone kinds whose first paragraph may open with a wire dateline.
DATELINE_ZONES = frozenset({"body", "lead"})

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"[^\n]+")
# Hard-wrapped copy (wire stories, e-mail) keeps lines under ~80 characters;
# a longer line means each line is a paragraph of its own.
_WRAP_WIDTH = 100
_AGENCY_TAG = re.compile(r"\s*[\[(][A-Za-z]{1,10}(?:/[A-Za-z]{1,10})+[\])]\s*$")
_DATELINE = re.compile(
    r"""
    (?P<place>[A-Z][A-Za-z'’.]*(?:\ [A-Z][A-Za-z'’.]*){0,3})    # JAKARTA, New York
    (?P<source>[ \t]*,[ \t]*[A-Z][\w.]*(?:\ [\w.]+){0,3})?     # , KOMPAS.com | , April 9
    (?P<agency>[ \t]*\([^()\n]{1,30}\))?                       # (Reuters) | (AP)
    [ \t]*(?:--?|–|—)(?=[ \t])
    """,
    re.VERBOSE,
)
_MAX_DATELINE = 60
_TERMINAL = re.compile(r"(?:[.!?]|…)+[\"'”’»)\]]*")
# A line break inside a paragraph ends a unit before a list item ("- ", "3. ")
# or an indented line (wire copy indents its paragraphs and tables).
_LINE_BREAK = re.compile(r"\n(?=[ \t]{2,}\S|[ \t]*(?:[-•*▪]|\d{1,2}[.)])[ \t])")
_BREAK = re.compile(f"{_TERMINAL.pattern}|{_LINE_BREAK.pattern}")
_LIST_NUMBER = re.compile(r"\d{1,2}|[a-z]")
# A stop glued to the next sentence by a bad scrape: "(21/10).Sementara itu"
_GLUED = re.compile(r"[A-Z][a-z]{2,}")
# A wire's sign-off on a line of its own ends the story, it is not a sentence.
_SIGN_OFF = re.compile(r"[ \t]*(?:[Rr]euters?|REUTERS?|AFP|ANTARA)[ \t]*$")
_WORD_BEFORE = re.compile(r"[\w.'’-]+$")
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_POSSESSIVES = frozenset({"'s", "’s", "'S", "’S"})
_OPENERS = frozenset("\"'“‘«([")
_WORD, _PUNCT, _OTHER = "word", "punct", "other"  # token kinds
_TOKEN = re.compile(
    r"""
      (?P<cur>(?:Rp|US\$|S\$|A\$|RM|\$|€|£|¥)(?=\d))    # currency glued to a number
    | (?P<num>\d+(?:[.,/:]\d+)*(?:[^\W\d_]+)?)          # 1,5 | 8/4 | 3.5 | 10km
    | (?P<init>(?:[^\W\d_]\.){2,})                      # U.S. | A.S. | e.g.
    | (?P<word>\w+(?:[-'’]\w+)*)                        # perusahaan-perusahaan | Asia-Pasifik
    | (?P<dots>\.{2,}|[-–—]{2,})
    | (?P<other>\S)
    """,
    re.VERBOSE,
)


def read_abbreviations(lang: str) -> frozenset[str]:
    """Abbreviations of a pack (without their final stop); empty if it has none."""
    path = pack_file(lang, "abbreviations.txt")
    if not path.is_file():
        return frozenset()
    with open(path, encoding="utf-8") as fh:
        lines = (line.strip() for line in fh)
        return frozenset(line for line in lines if line and not line.startswith("#"))


def _lemmatizer(lang: str) -> Callable[[str], str]:
    if lang == "id":
        from .morph_id import morphology

        return morphology("id").stem
    if lang == "en":
        from .morph_en import lemmatizer

        return lemmatizer("en").lemma
    return str.lower


@lru_cache(maxsize=1024)
def _is_punct(char: str) -> bool:
    return unicodedata.category(char)[0] == "P"


def _norm(text: str) -> str:
    """Lower case with exactly one character per character (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _token_maker() -> Callable[[int, int, str, str, str, bool], Token]:
    """A constructor of Tokens equal to ``Token(...)``, two to three times faster.

    A frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__``; the segmenter makes one Token per word (some
    350,000 for 900 articles), so it sets the slots directly. Falls back to
    the class itself if Token changes shape (other fields, no slots, a
    ``__post_init__``); tests check both give equal tokens.
    """
    names = ("start", "end", "text", "norm", "lemma", "is_punct")
    slots = getattr(Token, "__slots__", ())
    if (tuple(f.name for f in dataclasses.fields(Token)) != names or tuple(slots) != names
            or hasattr(Token, "__post_init__")):
        return Token
    s_start, s_end, s_text, s_norm, s_lemma, s_punct = (
        Token.__dict__[name].__set__ for name in names)
    new = object.__new__

    def make(start: int, end: int, text: str, norm: str, lemma: str, is_punct: bool) -> Token:
        token = new(Token)
        s_start(token, start)
        s_end(token, end)
        s_text(token, text)
        s_norm(token, norm)
        s_lemma(token, lemma)
        s_punct(token, is_punct)
        return token

    return make


_make_token = _token_maker()


class Segmenter:
    """Sentence splitter and tokenizer for one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._abbreviations = read_abbreviations(lang)
        self._lemma = _lemmatizer(lang)
        self._lemmas: dict[str, str] = {}
        self._spans: dict[str, tuple[tuple[int, int, str], ...]] = {}
        self._split_possessive = lang == "en"

    # -- sentences ------------------------------------------------------

    def units(
        self, text: str, start: int, end: int, dateline: bool = False
    ) -> Iterator[tuple[int, int, str]]:
        """``(start, end, kind)`` of each unit in the paragraph ``text[start:end]``;
        kind is "dateline" for a wire dateline, else ""."""
        end = _story_end(text, start, end)
        if dateline:
            match = _DATELINE.match(text, start, end)
            if match is not None and _is_dateline(match) and match.end() < end:
                yield start, match.end(), "dateline"
                start = match.end()
        yield from ((s, e, "") for s, e in self._sentences(text, start, end))

    def _sentences(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        begin = start
        for match in _BREAK.finditer(text, start, end):
            if match.group()[0] == "\n":
                yield from _trimmed(text, begin, match.start())
                begin = match.end()
            elif self._is_boundary(text, match, begin, end):
                yield from _trimmed(text, begin, match.end())
                begin = match.end()
        yield from _trimmed(text, begin, end)

    def _is_boundary(self, text: str, match: re.Match[str], begin: int, end: int) -> bool:
        """Whether the stop ``match`` ends the sentence that starts at ``begin``."""
        stop = match.end()
        if stop < end and not text[stop].isspace():
            # 3.5, kompas.com, U.S.A — unless a scrape lost the space: "(8/4).Ia"
            glued = _GLUED.match(text, stop, end) is not None and len(match.group()) == 1
            return glued and (text[match.start() - 1].islower() or text[match.start() - 1] == ")")
        if match.start() - begin <= 2 and _LIST_NUMBER.fullmatch(text, begin, match.start()):
            return False  # a list item's number: "3. Menyatakan …"
        after = _NEXT_CHAR.match(text, stop, end)
        if after is None:
            return True
        nxt = after.group(1)
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            return False  # "regional... termasuk", '…cerah," ujarnya'
        if match.group()[0] != "." or match.group().startswith(".."):
            return True
        word = _WORD_BEFORE.search(text, max(begin, match.start() - 40), match.start())
        if word is None:
            return True
        before = word.group()
        if before in self._abbreviations or _INITIALISM.fullmatch(before):
            return False
        return not (len(before) == 1 and before.isupper())  # an initial: "Vladimir V. Putin"

    # -- tokens ---------------------------------------------------------

    def tokens(
        self, text: str, start: int, end: int, keep_names: bool = False
    ) -> tuple[Token, ...]:
        """Tokens of ``text[start:end]``. With ``keep_names``, a capitalised word
        that does not open the sentence is taken for a name and keeps its
        form as lemma (Berlin is not ber+lin); headlines are capitalised
        throughout, so their words are always lemmatised."""
        chunk = text[start:end]
        low = chunk.lower()
        if len(low) != len(chunk):  # a character whose lower case is longer ("İ")
            low = _norm(chunk)
        out: list[Token] = []
        append = out.append
        make = _make_token
        cached = self._lemmas.get
        lemma_of = self.lemma
        spans_of = self._piece_spans
        find = chunk.find
        opening = True  # no word seen yet
        pos = 0
        # str.split() and \S+ agree on what whitespace is (both Py_UNICODE_ISSPACE);
        # a piece's first occurrence from the end of the last one is the piece itself
        for piece in chunk.split():
            s = find(piece, pos)
            pos = e = s + len(piece)
            if piece.isalpha():  # most pieces are plain words: no regex, no special case
                norm = low[s:e]
                if keep_names and not opening and piece[0].isupper():
                    lemma = norm
                else:
                    lemma = cached(norm) or lemma_of(norm)
                append(make(start + s, start + e, piece, norm, lemma, False))
                opening = False
                continue
            for ps, pe, kind in spans_of(piece):
                ts, te = s + ps, s + pe
                norm = low[ts:te]
                if kind != _WORD:
                    append(make(start + ts, start + te, piece[ps:pe], norm, norm, kind == _PUNCT))
                    continue
                if keep_names and not opening and piece[ps].isupper():
                    lemma = norm
                else:
                    lemma = cached(norm) or lemma_of(norm)
                append(make(start + ts, start + te, piece[ps:pe], norm, lemma, False))
                opening = False
        return tuple(out)

    def _piece_spans(self, piece: str) -> tuple[tuple[int, int, str], ...]:
        """``_split`` of a whole piece, memoised: it depends on the piece alone
        (a stop after the piece is never a ".", whitespace follows it), and
        pieces with punctuation repeat ("said.", "year,", "(Reuters)")."""
        found = self._spans.get(piece)
        if found is None:
            found = tuple(self._split(piece, 0, len(piece)))
            if len(self._spans) < 100_000:
                self._spans[piece] = found
        return found

    def _split(self, chunk: str, begin: int, end: int) -> list[tuple[int, int, str]]:
        """Spans and kinds of the tokens of ``chunk[begin:end]``, a piece without
        spaces that holds punctuation or digits."""
        spans: list[tuple[int, int, str]] = []
        taken = begin  # end of the last token: an abbreviation takes the next match's stop
        for match in _TOKEN.finditer(chunk, begin, end):
            kind = match.lastgroup
            s, e = match.span()
            if s < taken:
                if e <= taken:
                    continue
                s = taken  # the rest of a match a possessive took the start of
            if kind == "word":
                if chunk[e : e + 1] == "." and e < end and chunk[s:e] in self._abbreviations:
                    if chunk[e + 1 : e + 2] != ".":  # "Mr.." is not "Mr." + "."
                        e = taken = e + 1  # Mr. | No. | Jl.
                elif self._split_possessive and chunk[e - 2 : e] in _POSSESSIVES and e - s > 2:
                    spans.append((s, e - 2, _WORD))
                    s = e - 2
                spans.append((s, e, _WORD))
            elif kind == "dots" or (kind == "other" and _is_punct(chunk[s:e])):
                spans.append((s, e, _PUNCT))
            else:
                spans.append((s, e, _OTHER))
            last = spans[-1][1]
            if self._split_possessive and chunk[last - 1 : last] == "." and \
                    chunk[last : last + 2] in _POSSESSIVES and last + 2 <= end and \
                    not chunk[last + 2 : last + 3].isalnum():
                # "Acme Corp.'s", "the U.S.'s": the possessive after an abbreviation
                spans.append((last, last + 2, _WORD))
                taken = last + 2
        return spans

    def lemma(self, norm: str) -> str:
        found = self._lemmas.get(norm)
        if found is None:
            found = self._lemma(norm)
            if len(self._lemmas) < 200_000:
                self._lemmas[norm] = found
        return found


def _is_dateline(match: re.Match[str]) -> bool:
    """A place alone before the dash must look like one: upper case ("JAKARTA -")
    or at most two words ("Kuala Lumpur -"), not "Presiden Prabowo Subianto -"."""
    if match.end() - match.start() > _MAX_DATELINE:
        return False
    if match.group("source") or match.group("agency"):
        return True
    place = match.group("place")
    return place.isupper() or place.count(" ") <= 1


def _story_end(text: str, start: int, end: int) -> int:
    """End of the paragraph ``text[start:end]`` without an agency tag ("[IT/r]")
    or a sign-off line ("Reuter")."""
    if text[end - 1] in ")]":
        tag = _AGENCY_TAG.search(text, start, end)
        end = tag.start() if tag is not None else end
    sign_off = _SIGN_OFF.search(text, max(start, end - 12), end)
    if sign_off is not None and (sign_off.start() == start or text[sign_off.start() - 1] == "\n"):
        end = sign_off.start()
    return end


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def paragraphs(text: str, start: int, end: int, by_line: bool = False) -> Iterator[tuple[int, int]]:
    """Spans of the paragraphs of ``text[start:end]``: blocks between blank lines,
    or lines with ``by_line``. A block with a line longer than any hard-wrapped
    text has (scrapes that put one paragraph on each line) is split into lines."""
    if by_line:
        for match in _LINE.finditer(text, start, end):
            yield from _trimmed(text, *match.span())
        return
    begin = start
    for match in _BLANK_LINE.finditer(text, start, end):
        yield from _block(text, begin, match.start())
        begin = match.end()
    yield from _block(text, begin, end)


def _block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    if end - start > _WRAP_WIDTH and "\n" in (block := text[start:end]) and max(
        map(len, block.split("\n"))
    ) > _WRAP_WIDTH:
        for match in _LINE.finditer(text, start, end):
            yield from _trimmed(text, *match.span())
    else:
        yield from _trimmed(text, start, end)


@lru_cache(maxsize=8)
def segmenter(lang: str) -> Segmenter:
    """The shared segmenter of a language (its caches only memoise pure functions)."""
    return Segmenter(lang)


def whole_text_zone(text: str) -> tuple[Zone, ...]:
    """One body zone over the text, for articles a reader gave no zones."""
    return (Zone("body", 0, len(text)),) if text.strip() else ()


class SegmentStage:
    """Pipeline stage: fills ``Article.sentences`` (with tokens and lemmas)."""

    name = "segment"
    requires = ("text", "zones", "language")
    assigns = ("sentences",)

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.fallback: str = self.settings["language"]["fallback"]
        self._segmenters: dict[str, Segmenter] = {}

    def segmenter(self, lang: str) -> Segmenter:
        """This stage's segmenter for ``lang``, built on first use."""
        seg = self._segmenters.get(lang)
        if seg is None:
            seg = self._segmenters[lang] = Segmenter(lang)
        return seg

    def __call__(self, article: Article) -> Article:
        text = article.text
        zones = sorted(article.zones or whole_text_zone(text), key=lambda z: (z.start, z.end))
        sentences: list[Sentence] = []
        paragraph = 0
        lead_seen = False  # only the story's first body paragraph may open with a dateline
        for zone in zones:
            lang = zone.language or article.language or self.fallback
            seg = self.segmenter(lang)
            spans = paragraphs(text, zone.start, zone.end, by_line=zone.kind in LINE_ZONES)
            keep_names = zone.kind != "title"
            for p_start, p_end in spans:
                dateline = not lead_seen and zone.kind in DATELINE_ZONES
                lead_seen = lead_seen or zone.kind in DATELINE_ZONES
                for s, e, kind in seg.units(text, p_start, p_end, dateline):
                    sentences.append(
                        Sentence(len(sentences), s, e, text[s:e], kind or zone.kind, lang,
                                 seg.tokens(text, s, e, keep_names), paragraph)
                    )
                paragraph += 1
        return replace(article, sentences=tuple(sentences))


def split_sentences(text: str, lang: str = "id", dateline: bool = False) -> list[tuple[int, int]]:
    """Sentence spans of a plain text (blank lines are hard boundaries); with
    ``dateline``, a wire dateline opening a paragraph is a span of its own."""
    seg = segmenter(lang)
    spans = paragraphs(text, 0, len(text))
    return [(s, e) for ps, pe in spans for s, e, _ in seg.units(text, ps, pe, dateline)]


def tokenize(text: str, lang: str = "id") -> tuple[Token, ...]:
    """Tokens of ``text`` with offsets into it."""
    return segmenter(lang).tokens(text, 0, len(text))
