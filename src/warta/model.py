"""The data model: frozen dataclasses that travel through the pipeline.

Every annotation is a span: ``start``/``end`` are character offsets into
``Article.text`` so that ``article.text[x.start:x.end] == x.text`` holds for
every sentence, token, mention, quote, place and amount. Stages never mutate
an article; they return ``dataclasses.replace(article, field=...)``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

#: Kinds of text zone an article is made of. The reader decides them; the
#: segmenter never lets a sentence cross a zone boundary.
ZONE_KINDS = ("title", "dateline", "caption", "lead", "body")


def content_hash(*parts: str) -> str:
    """Stable id for a piece of content (hex sha256, 32 chars)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Zone:
    """A region of ``Article.text``: the headline, a photo caption, the body…"""

    kind: str
    start: int
    end: int
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str  # lower-cased, same length as text
    lemma: str = ""  # stem/lemma where the language module knows one, else norm
    is_punct: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    kind: str = "body"  # zone kind it belongs to
    language: str | None = None
    tokens: tuple[Token, ...] = ()
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention with its CAMEO actor code, right for the article date."""

    start: int
    end: int
    text: str
    sentence: int
    code: str  # full CAMEO actor code, e.g. "RUSGOV"; "" when unknown
    name: str  # canonical name, e.g. "Sergei Lavrov" or "Russia"
    country: str = ""  # 3-letter CAMEO country/region code ("RUS", "WST"), "" if none
    roles: tuple[str, ...] = ()  # CAMEO type codes, e.g. ("GOV",) or ("GOV", "MIL")
    kind: str = "actor"  # person | organisation | country | place | agent | pronoun
    method: str = "dictionary"  # dictionary | role+country | coreference | …
    confidence: float = 1.0
    entity: str = ""  # within-article coreference cluster key


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place (GDELT geo fields use FIPS country codes)."""

    start: int
    end: int
    text: str
    name: str
    country: str = ""  # ISO 3166-1 alpha-2
    fips: str = ""  # FIPS 10-4 country code, as GDELT's *_CountryCode
    adm1: str = ""  # GDELT ADM1 code (FIPS country + division), "" if unknown
    lat: float | None = None
    lon: float | None = None
    # GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state
    feature_type: int = 0
    feature_id: str = ""  # GeoNames id or country code
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # span of the quoted words (without the quote marks)
    end: int
    text: str
    speaker: Mention | None = None
    kind: str = "direct"  # direct | indirect
    verb: str = ""  # attribution verb ("kata", "said", "ujarnya")
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class Amount:
    start: int
    end: int
    text: str
    value: float
    unit: str  # ISO currency ("USD", "IDR") or a counted noun ("killed", "day")
    counts: str = ""  # what is counted, e.g. "trade", "orang tewas"
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class Theme:
    name: str  # GKG-style theme, e.g. "SANCTIONS"
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Tone:
    """GDELT's seven tone values for an article."""

    tone: float
    positive: float
    negative: float
    polarity: float
    activity_density: float
    self_group_density: float
    word_count: int


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when and where, with evidence."""

    sentence: int
    code: str  # CAMEO event code, e.g. "042"
    source: Mention | None
    target: Mention | None
    evidence_start: int
    evidence_end: int
    pattern: str  # id of the pattern that fired, e.g. "id:verb:kunjung:042#3"
    confidence: float = 1.0
    base: str = ""  # 3-digit base code
    root: str = ""  # 2-digit root code
    quad_class: int = 0
    goldstein: float = 0.0
    plover: str = ""
    date: str | None = None  # ISO "2024-04-08", "2022-02" or "2023"
    date_precision: str = "publication"  # day | month | year | publication
    place: Place | None = None
    negated: bool = False
    modality: tuple[str, ...] = ()  # intent | question | hypothetical | reported | …
    is_root_event: bool = False  # first paragraph / headline, as GDELT's IsRootEvent


@dataclass(frozen=True)
class Article:
    """A news article and every layer the pipeline adds to it."""

    url: str
    text: str
    title: str | None = None
    published: datetime | None = None
    language: str | None = None
    section: str | None = None
    source: str | None = None
    story_id: str | None = None
    author: str | None = None
    origin: str = ""  # where it was read: "path", "path:line", "warc:path#offset"
    raw_hash: str = ""  # hash of the raw input record, for provenance
    zones: tuple[Zone, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    amounts: tuple[Amount, ...] = ()
    themes: tuple[Theme, ...] = ()
    tone: Tone | None = None

    @property
    def id(self) -> str:
        """Content hash of url and text: the same input always gets the same id."""
        return content_hash(self.url, self.text)

    def zone_text(self, kind: str) -> str:
        return "\n".join(self.text[z.start : z.end] for z in self.zones if z.kind == kind)

    @property
    def captions(self) -> tuple[str, ...]:
        return tuple(self.text[z.start : z.end] for z in self.zones if z.kind == "caption")

    @property
    def body(self) -> str:
        return self.zone_text("body")


@dataclass(frozen=True, slots=True)
class Rejection:
    """A record that could not be read; it goes to the quarantine table."""

    source: str  # file path, URL or "-"
    reason: str
    line: int | None = None  # 1-based line / record number where known
    excerpt: str = ""  # first bytes of the bad record, for the analyst

    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source
