"""Score coded events against gold: ``warta eval events GOLD``.

Two gold formats are read:

(a) PLOVER gold standard records (a JSON list, e.g. PLOVER_GSR_dev.json): one
    record per event with ``text``, ``event`` (PLOVER v0.5 category) and
    ``source``/``target`` lists of ``{actorText, code}``. Records with the same
    text are one sentence. Gold triples are (source code, target code,
    category) for every source × target; an empty gold target matches any
    predicted target (the gold coder recorded none).
(b) Article JSONL with ``gold_triples`` and ``optional_triples`` (the seed
    format): unique (source country, target country, CAMEO root) per article;
    precision counts predictions found in required ∪ optional, recall counts
    required triples found. A record may leave out ``text`` and name instead a
    ``corpus`` file (relative to ``shared``, e.g. ``corpora/detik_id_702.jsonl``)
    whose line with the same ``url`` holds it: gold for publishers' articles is
    kept without their text. ``split`` selects records by their ``split`` field
    (a held-out ``test`` split stays unseen while developing on ``dev``).

Predicted events are reduced the same way: the actor's country (or the
first three letters of its code), and the PLOVER v0.5 category (a) or the
CAMEO root (b). Scores are micro-averaged over sentences/articles, at
category+source+target and at category only.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..actors.dictionary import type_codes, type_led
from ..errors import InputError
from ..ingest.compose import hard_wrapped
from ..model import Article, Event, Mention
from ..pipeline import Pipeline
from .codebook import Codebook

Triple = tuple[str, str, str]


@dataclass
class Score:
    tp_pred: int = 0  # predictions that matched
    n_pred: int = 0
    tp_gold: int = 0  # gold items that were found
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> None:
        self.tp_pred += tp_pred
        self.n_pred += n_pred
        self.tp_gold += tp_gold
        self.n_gold += n_gold


@dataclass
class EventReport:
    gold: str
    kind: str  # "plover" | "triples" | "examples"
    units: int = 0
    triple: Score = field(default_factory=Score)
    category: Score = field(default_factory=Score)
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) pairs
    uncoded: int = 0  # gold units with no predicted event at all

    def as_dict(self) -> dict[str, float | int | str]:
        return {
            "gold": self.gold, "kind": self.kind, "units": self.units,
            "triple_precision": round(self.triple.precision, 4),
            "triple_recall": round(self.triple.recall, 4),
            "triple_f1": round(self.triple.f1, 4),
            "category_precision": round(self.category.precision, 4),
            "category_recall": round(self.category.recall, 4),
            "category_f1": round(self.category.f1, 4),
            "uncoded": self.uncoded,
        }

    def format(self, top: int = 12) -> str:
        unit = {"plover": "sentences", "examples": "examples"}.get(self.kind, "articles")
        lines = [
            f"{self.gold}: {self.units} {unit}, {self.uncoded} with no event coded",
            f"{'':26}{'precision':>10}{'recall':>10}{'F1':>8}",
        ]
        for name, s in (("category+source+target", self.triple), ("category", self.category)):
            lines.append(f"{name:26}{s.precision:10.3f}{s.recall:10.3f}{s.f1:8.3f}"
                         f"   ({s.tp_pred}/{s.n_pred} predicted, {s.tp_gold}/{s.n_gold} gold)")
        wrong = [(k, n) for k, n in self.confusion.most_common() if k[0] != k[1]]
        if wrong:
            lines.append("confusions (gold -> predicted, count):")
            lines += [f"  {g or '-':12} -> {p or '-':12} {n}" for (g, p), n in wrong[:top]]
        return "\n".join(lines)


#: type codes that gold triples use in a country's place
_BODY_TYPES = frozenset({"IGO", "NGO", "MNC", "IMG", "UIS"})


def actor_key(m: Mention | None) -> str:
    """The country part of an actor, as GDELT's Actor1CountryCode / gold triples."""
    if m is None:
        return ""
    if m.country:
        return m.country
    code = m.code[:3]
    # a bare role type ("BUS": a firm no cue places) has no country; the
    # international and non-state bodies keep their type as gold triples do
    return "" if code in type_codes() and code not in _BODY_TYPES else code


def plover_actor_key(m: Mention | None) -> str:
    """The actor as the PLOVER gold codes it: an international or non-state body
    by its type ("IGO" for the EU, although GDELT gives it the country "EUR")."""
    if m is None:
        return ""
    return m.code[:3] if type_led(m.code) else actor_key(m)


def _load_json(path: Path) -> object:
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read gold file: {exc.strerror}") from exc
    try:
        return json.loads(text)
    except ValueError:
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as exc:
                    raise InputError(str(path), f"invalid JSON: {exc}", n) from exc
        return rows


def evaluate_events(gold_path: str | Path, pipeline: Pipeline,
                    codebook: Codebook | None = None, *, shared: str | Path | None = None,
                    split: str | None = None) -> EventReport:
    """Run ``pipeline`` over the gold texts and score its events.

    ``shared`` is the folder that ``corpus`` paths of text-less article records
    are relative to; ``split`` keeps only records whose ``split`` field equals it.
    """
    path = Path(gold_path)
    data = _load_json(path)
    records = data if isinstance(data, list) else [data]
    if split is not None:
        records = [r for r in records if isinstance(r, dict) and r.get("split") == split]
        if not records:
            raise InputError(str(path), f"no record has split {split!r}")
    codebook = codebook or Codebook.load()
    if records and all(isinstance(r, dict) and "gold_triples" in r for r in records):
        name = str(path) if split is None else f"{path} (split {split})"
        return _eval_triples(name, _with_texts(path, records, shared), pipeline)
    if records and all(isinstance(r, dict) and "event" in r and "text" in r for r in records):
        return _eval_plover(str(path), records, pipeline, codebook)
    raise InputError(str(path), "neither PLOVER gold records nor article JSONL with gold_triples")


# -- (a) PLOVER gold records --------------------------------------------------------
def _codes(actors: object) -> list[str]:
    if not isinstance(actors, list) or not actors:
        return [""]
    return [str(a.get("code", ""))[:3] for a in actors if isinstance(a, dict)] or [""]


def _plover_gold(records: list[dict]) -> dict[str, tuple[dict, set[Triple]]]:
    by_text: dict[str, tuple[dict, set[Triple]]] = {}
    for rec in records:
        text = rec["text"].strip().strip("{}").strip()
        first, triples = by_text.setdefault(text, (rec, set()))
        for s in _codes(rec.get("source")):
            for t in _codes(rec.get("target")):
                triples.add((s, t, rec["event"]))
    return by_text


def _match(pred: Triple, gold: Iterable[Triple]) -> bool:
    """Same category and source; targets equal, or the gold has none, or the
    prediction has none where the gold coder wrote the source's own country
    (domestic protests, curfews: GDELT leaves Actor2 empty there)."""
    return any(pred[2] == g[2] and pred[0] == g[0] and
               (g[1] == "" or pred[1] == g[1] or (pred[1] == "" and g[1] == pred[0]))
               for g in gold)


def _eval_plover(name: str, records: list[dict], pipeline: Pipeline,
                 codebook: Codebook) -> EventReport:
    report = EventReport(name, "plover")
    for text, (rec, gold) in _plover_gold(records).items():
        article = Article(url=f"plover://{rec.get('id', report.units)}", text=text,
                          language=rec.get("language") or None,
                          published=_date(rec.get("date")), source="gold")
        events = pipeline(article).events
        pred = {(plover_actor_key(e.source), plover_actor_key(e.target),
                 codebook.plover_v05(e.code))
                for e in events}
        pred = {p for p in pred if p[2]}
        report.units += 1
        report.uncoded += not pred
        report.triple.add(sum(_match(p, gold) for p in pred), len(pred),
                          sum(any(_match(p, [g]) for p in pred) for g in gold), len(gold))
        _score_categories(report, {g[2] for g in gold}, {p[2] for p in pred})
    return report


def _score_categories(report: EventReport, gold: set[str], pred: set[str]) -> None:
    report.category.add(len(pred & gold), len(pred), len(gold & pred), len(gold))
    for g in sorted(gold):
        if g in pred:
            report.confusion[(g, g)] += 1
        else:
            for p in sorted(pred - gold) or [""]:
                report.confusion[(g, p)] += 1


def _date(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


# -- (b) article JSONL with gold_triples --------------------------------------------
def _with_texts(gold: Path, records: list[dict], shared: str | Path | None) -> list[dict]:
    """Records whose text lives in a corpus file get it from there, by url."""
    wanted: dict[str, set[str]] = {}
    for n, rec in enumerate(records, 1):
        if "text" in rec:
            continue
        if not rec.get("corpus") or not rec.get("url"):
            raise InputError(str(gold), "a gold record needs text, or corpus and url", n)
        if shared is None:
            raise InputError(str(gold), f"record {rec['url']} reads its text from "
                             f"{rec['corpus']}: give the folder it is in (--shared)", n)
        wanted.setdefault(rec["corpus"], set()).add(rec["url"])
    found: dict[tuple[str, str], dict] = {}
    for corpus, urls in wanted.items():
        found.update({(corpus, url): line for url, line in _corpus_lines(Path(shared) / corpus,
                                                                          urls).items()})
    out = []
    for n, rec in enumerate(records, 1):
        if "text" not in rec:
            line = found.get((rec["corpus"], rec["url"]))
            if line is None:
                raise InputError(str(gold), f"{rec['url']} is not in {rec['corpus']}", n)
            rec = {**line, **{k: v for k, v in rec.items() if k != "corpus"}}
            if "span" in rec:
                rec = _span_only(gold, n, rec)
        out.append(rec)
    return out


def _span_only(gold: Path, n: int, rec: dict) -> dict:
    """A sentence-level record: keep only ``text[start:end]`` of the corpus line
    (no title), checked against the record's ``span_sha1`` so that a changed
    corpus is an error instead of a silently different sentence. The span of a
    hard-wrapped text is unwrapped, as reading the whole text would."""
    span = rec.get("span")
    text = rec.get("text") or ""
    if (not isinstance(span, list) or len(span) != 2 or not all(isinstance(x, int) for x in span)
            or not 0 <= span[0] < span[1] <= len(text)):
        raise InputError(str(gold), f"{rec.get('url')}: span must be [start, end] inside "
                         f"the corpus text ({len(text)} characters), not {span!r}", n)
    piece = text[span[0]:span[1]]
    want = rec.get("span_sha1")
    if want and hashlib.sha1(piece.encode("utf-8")).hexdigest() != want:
        raise InputError(str(gold), f"{rec.get('url')}: the text at span {span} no longer "
                         "matches span_sha1 (corpus changed?)", n)
    if hard_wrapped(text.splitlines()):
        # wire copy wrapped at a fixed width: the reader would join the lines of
        # the whole article into paragraphs; a span inside one paragraph is one line
        piece = " ".join(piece.split())
    keep = {k: v for k, v in rec.items() if k not in ("title", "text", "description")}
    return {**keep, "text": piece}


def _corpus_lines(path: Path, urls: set[str]) -> dict[str, dict]:
    lines: dict[str, dict] = {}
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if '"url"' not in line:
                    continue
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                if isinstance(rec, dict) and rec.get("url") in urls:
                    lines[rec["url"]] = rec
    except OSError as exc:
        raise InputError(str(path), f"cannot read corpus: {exc.strerror}") from exc
    return lines


def _triples(rows: object) -> set[Triple]:
    out = set()
    for t in rows if isinstance(rows, list) else []:
        out.add((str(t.get("source", "")), str(t.get("target", "")), str(t.get("root", ""))))
    return out


def _article(record: dict, n: int, source: str) -> Article:
    """The article of a gold record, read like any JSONL input (zones, furniture)."""
    basic = Article(url=record.get("url", f"gold://{n}"), text=record["text"],
                    language=record.get("language"), published=_date(record.get("published")))
    try:
        from ..ingest.jsonl import iter_jsonl
    except ImportError:  # the reader is another module's; fall back to the basics
        return basic
    for item in iter_jsonl(json.dumps(record, ensure_ascii=False), source):
        return item if isinstance(item, Article) else basic
    return basic


def predicted_triples(events: Iterable[Event]) -> set[Triple]:
    return {(actor_key(e.source), actor_key(e.target), e.root) for e in events}


def _eval_triples(name: str, records: list[dict], pipeline: Pipeline) -> EventReport:
    report = EventReport(name, "triples")
    for n, rec in enumerate(records, 1):
        required = _triples(rec.get("gold_triples"))
        allowed = required | _triples(rec.get("optional_triples"))
        pred = predicted_triples(pipeline(_article(rec, n, name)).events)
        report.units += 1
        report.uncoded += not pred
        report.triple.add(len(pred & allowed), len(pred), len(required & pred), len(required))
        gold_roots = {t[2] for t in required}
        ok_roots = {t[2] for t in allowed}
        pred_roots = {t[2] for t in pred}
        report.category.add(len(pred_roots & ok_roots), len(pred_roots),
                            len(gold_roots & pred_roots), len(gold_roots))
        for g in sorted(gold_roots):
            report.confusion[(g, g if g in pred_roots else "")] += 1
    return report


# -- (c) CAMEO codebook examples ------------------------------------------------------
def evaluate_codebook_examples(csv_path: str | Path, pipeline: Pipeline,
                               language: str = "en") -> EventReport:
    """Root recall on the example sentences of the ICEWS CAMEO codebook CSV
    (columns ``code`` and ``example``): for each example of a code (3+ digits,
    roots 03-20: statements and appeals have no PLOVER category), is an event
    of its root coded? Only category scores are filled; the examples name no
    actor codes."""
    import csv

    path = Path(csv_path)
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise InputError(str(path), f"cannot read codebook: {exc.strerror}") from exc
    report = EventReport(str(path), "examples")
    for n, row in enumerate(rows, 2):
        code, text = (row.get("code") or "").strip(), (row.get("example") or "").strip()
        if len(code) < 3 or code[:2] in ("01", "02") or not text or text == "NA":
            continue
        article = Article(url=f"cameo://{code}/{n}", text=text, language=language)
        roots = {e.root for e in pipeline(article).events}
        report.units += 1
        report.uncoded += not roots
        report.category.add(int(code[:2] in roots), len(roots), int(code[:2] in roots), 1)
        report.confusion[(code[:2], code[:2] if code[:2] in roots else "")] += 1
    return report
