"""GDELT GKG 2.1 rows (27 columns) and GDELT 2.0 Mentions rows (16 columns).

Pure functions over a processed Article: the exporter decides record ids,
event ids and the "date added" batch time. Offsets are character offsets
into ``Article.text``, as GDELT's "approximate character offset". Delimiters
follow the GKG 2.1 codebook: entries are separated by ``;`` (``#`` between
quotations), fields inside an entry by ``#``, ``,`` or ``|``; any of those
characters inside free text is replaced so a row always splits back into
its fields, and tabs/newlines never reach the TSV.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from types import MappingProxyType
from urllib.parse import urlsplit

from ..model import Amount, Article, Event, Mention, Place, Quote, Theme, Tone
from .amounts import count_types

GKG_COLUMNS = (
    "GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName",
    "DocumentIdentifier", "Counts", "V2Counts", "Themes", "V2Themes", "Locations",
    "V2Locations", "Persons", "V2Persons", "Organizations", "V2Organizations", "V2Tone",
    "Dates", "GCAM", "SharingImage", "RelatedImages", "SocialImageEmbeds",
    "SocialVideoEmbeds", "Quotations", "AllNames", "Amounts", "TranslationInfo", "Extras",
)
MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)
#: GKG Dates resolution by warta's date precision.
DATE_RESOLUTION = MappingProxyType({"day": 3, "month": 2, "year": 1})
#: Mention kinds that are proper names for AllNames (pronouns, roles and places are not).
NAME_KINDS = ("person", "organisation", "actor")
#: Tabs and newlines would break the TSV; runs of spaces left by removed delimiters go too.
_WS = re.compile(r"\s{2,}|[\t\r\n]")


def clean(value: object, forbidden: str = "") -> str:
    """A field value with tabs/newlines (and ``forbidden`` delimiters) made single spaces."""
    text = str(value)
    for ch in forbidden:
        text = text.replace(ch, " ")
    return _WS.sub(" ", text).strip()


def _num(x: float | None, digits: int = 4) -> str:
    if x is None:
        return ""
    text = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _amount_value(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _timestamp(dt: datetime | None) -> str:
    return dt.strftime("%Y%m%d%H%M%S") if dt else "0"


def collection(article: Article) -> str:
    """1 = WEB when the identifier is a URL, else 2 = CITATIONONLY."""
    return "1" if article.url.startswith(("http://", "https://")) else "2"


def source_name(article: Article) -> str:
    """The site's domain ("www." dropped), else the reader's source name."""
    host = urlsplit(article.url).hostname if collection(article) == "1" else None
    if host:
        return host.removeprefix("www.")
    return clean(article.source or "")


# --- GKG fields -----------------------------------------------------------

def _place_fields(p: Place | None, adm2: bool) -> list[str]:
    if p is None:
        return ["0", "", "", "", *([""] if adm2 else []), "", "", ""]
    head = [str(p.feature_type), clean(p.name, "#;"), p.fips, p.adm1]
    return head + ([""] if adm2 else []) + [_num(p.lat), _num(p.lon), clean(p.feature_id, "#;")]


def _nearest_place(article: Article, a: Amount) -> Place | None:
    same = [p for p in article.places if a.sentence >= 0 and p.sentence == a.sentence]
    return min(same, key=lambda p: abs(p.start - a.start)) if same else None


def counts_fields(article: Article) -> tuple[str, str]:
    """(Counts, V2Counts): killed/wounded/arrested… amounts, with a location if near."""
    types = count_types()
    v1, v2 = [], []
    for a in article.amounts:
        kind = types.get(a.unit)
        if not kind:
            continue
        obj = clean(a.counts or a.unit, "#;")
        entry = [kind, _amount_value(a.value), obj, *_place_fields(_nearest_place(article, a),
                                                                   adm2=False)]
        v1.append("#".join(entry))
        v2.append("#".join([*entry, str(a.start)]))
    return _join(v1), _join(v2)


def _join(entries: Iterable[str]) -> str:
    text = ";".join(entries)
    return text + ";" if text else ""


def themes_fields(themes: Sequence[Theme]) -> tuple[str, str]:
    """(Themes, V2Themes): unique names; every occurrence with its offset."""
    return (_join(dict.fromkeys(t.name for t in themes)),
            _join(f"{t.name},{t.start}" for t in themes))


def locations_fields(places: Sequence[Place]) -> tuple[str, str]:
    """(Locations, V2Locations): unique by name; every occurrence with its offset."""
    unique = {p.name: p for p in places}
    return (_join("#".join(_place_fields(p, adm2=False)) for p in unique.values()),
            _join("#".join([*_place_fields(p, adm2=True), str(p.start)]) for p in places))


def _named(mentions: Sequence[Mention], kinds: Sequence[str]) -> list[Mention]:
    return [m for m in mentions if m.kind in kinds and (m.name or m.text)]


def names_fields(mentions: Sequence[Mention], kinds: Sequence[str]) -> tuple[str, str]:
    """(V1 names, V2 "name,offset" list) for mentions of the given kinds."""
    named = _named(mentions, kinds)
    v1 = dict.fromkeys(clean(m.name or m.text, ";,") for m in named)
    return _join(v1), _join(f"{clean(m.name or m.text, ';,')},{m.start}" for m in named)


def all_names(mentions: Sequence[Mention]) -> str:
    """AllNames: proper names as written ("Lavrov", "RIA Novosti") with offsets."""
    named = [m for m in _named(mentions, NAME_KINDS) if m.text[:1].isupper()]
    return _join(f"{clean(m.text, ';,')},{m.start}" for m in named)


def tone_field(tone: Tone | None) -> str:
    if tone is None:
        return ""
    values = (tone.tone, tone.positive, tone.negative, tone.polarity, tone.activity_density,
              tone.self_group_density)
    return ",".join([*(_num(v, 6) for v in values), str(tone.word_count)])


def dates_field(events: Sequence[Event]) -> str:
    """Dates: the resolved dates of the events, resolution#month#day#year#offset."""
    out = []
    for ev in events:
        res = DATE_RESOLUTION.get(ev.date_precision)
        parts = (ev.date or "").split("-")
        if res is None or not parts[0].isdigit():
            continue
        month = parts[1] if len(parts) > 1 else "0"
        day = parts[2] if len(parts) > 2 else "0"
        out.append(f"{res}#{int(month)}#{int(day)}#{int(parts[0])}#{ev.evidence_start}")
    return _join(dict.fromkeys(out))


def quotations_field(quotes: Sequence[Quote]) -> str:
    """Quotations: offset|length|verb|quote, joined by '#' (direct quotes only)."""
    return "#".join(f"{q.start}|{q.end - q.start}|{clean(q.verb, '|#')}|{clean(q.text, '|#')}"
                    for q in quotes if q.kind == "direct")


def amounts_field(amounts: Sequence[Amount]) -> str:
    """Amounts: amount,object,offset; the object is what is counted or the currency."""
    return _join(f"{_amount_value(a.value)},{clean(_amount_object(a), ',;')},{a.start}"
                 for a in amounts)


def _amount_object(a: Amount) -> str:
    """"USD trade" for money (ISO code + what it is about), else the counted noun."""
    if len(a.unit) == 3 and a.unit.isupper():
        return f"{a.unit} {a.counts}".strip()
    return a.counts or a.unit


def extras_field(article: Article) -> str:
    """Extras: GDELT's XML-ish blocks for the title and authors, when known."""
    parts = []
    if article.title:
        parts.append(f"<PAGE_TITLE>{clean(article.title, '<>')}</PAGE_TITLE>")
    if article.author:
        parts.append(f"<PAGE_AUTHORS>{clean(article.author, '<>')}</PAGE_AUTHORS>")
    return "".join(parts)


def gkg_row(article: Article, record_id: str) -> list[str]:
    """The 27 GKG 2.1 columns for one article."""
    counts, v2counts = counts_fields(article)
    themes, v2themes = themes_fields(article.themes)
    locations, v2locations = locations_fields(article.places)
    persons, v2persons = names_fields(article.mentions, ("person",))
    orgs, v2orgs = names_fields(article.mentions, ("organisation",))
    gcam = f"wc:{article.tone.word_count}" if article.tone else ""
    row = [
        record_id, _timestamp(article.published), collection(article), source_name(article),
        article.url, counts, v2counts, themes, v2themes, locations, v2locations, persons,
        v2persons, orgs, v2orgs, tone_field(article.tone), dates_field(article.events), gcam,
        "", "", "", "", quotations_field(article.quotes), all_names(article.mentions),
        amounts_field(article.amounts), "", extras_field(article),
    ]
    return [clean(v) for v in row]


# --- Mentions ---------------------------------------------------------------

def _offset(m: Mention | None) -> str:
    return str(m.start) if m is not None else "-1"


def _in_raw_text(ev: Event) -> str:
    """0 when an actor was only found through coreference (GDELT's "rewritten" text)."""
    resolved = [m for m in (ev.source, ev.target) if m is not None
                and (m.kind == "pronoun" or m.method == "coreference")]
    return "0" if resolved else "1"


def _sentence_number(article: Article, ev: Event) -> str:
    """GDELT's 1-based SentenceID, counted over the article's sentences in order."""
    order = sorted(s.index for s in article.sentences)
    if ev.sentence in order:
        return str(order.index(ev.sentence) + 1)
    return str(ev.sentence + 1) if ev.sentence >= 0 else "0"


def mention_rows(article: Article, events: Sequence[tuple[int, Event]],
                 date_added: datetime) -> list[list[str]]:
    """The 16 GDELT 2.0 Mentions columns for each (GlobalEventID, Event) of one article."""
    stamp = _timestamp(date_added)
    tone = _num(article.tone.tone, 6) if article.tone else "0"
    rows = []
    for event_id, ev in events:
        confidence = max(0, min(100, round(ev.confidence * 100)))
        row = [
            str(event_id), stamp, stamp, collection(article), source_name(article), article.url,
            _sentence_number(article, ev), _offset(ev.source), _offset(ev.target),
            str(ev.evidence_start), _in_raw_text(ev), str(confidence), str(len(article.text)),
            tone, "", "",
        ]
        rows.append([clean(v) for v in row])
    return rows
