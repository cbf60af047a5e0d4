"""Score actor mention detection on CoNLL-style NER files.

Reads files with one token per line (token, optional middle columns, IOB tag
last; blank line between sentences), such as idner-news-2k (PER/ORG/LOC) and
IndoNLU NERP (PPL/PLC/IND/EVT/FNB). Gold tags and our mention kinds are both
mapped to three scored kinds: PER, ORG, LOC. Tags with no actor meaning
(EVT events, FNB food and drink) are not scored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError
from ..model import Article, Mention, Sentence
from .stage import ActorStage

SCORED = ("PER", "ORG", "LOC")
# Gold tag -> scored kind (idner-news-2k and NERP tag sets).
GOLD_KINDS = {"PER": "PER", "PPL": "PER", "ORG": "ORG", "IND": "ORG", "LOC": "LOC", "PLC": "LOC"}
# Our mention kind -> scored kind; agents count as ORG only when written as a
# name ("DPR", "Kemlu"), not as a common noun ("polisi").
MENTION_KINDS = {"person": "PER", "organisation": "ORG", "country": "LOC", "place": "LOC"}

Span = tuple[str, int, int]  # kind, start, end (character offsets)


@dataclass(frozen=True)
class KindScore:
    kind: str
    gold: int
    predicted: int
    exact: int  # same start and end
    overlap: int  # gold spans overlapped by a prediction of the same kind

    @property
    def precision(self) -> float:
        return self.exact / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.exact / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def overlap_recall(self) -> float:
        return self.overlap / self.gold if self.gold else 0.0


@dataclass(frozen=True)
class NerReport:
    path: str
    sentences: int
    scores: tuple[KindScore, ...]
    unscored_tags: dict[str, int] = field(default_factory=dict)

    def score(self, kind: str) -> KindScore:
        return next(s for s in self.scores if s.kind == kind)

    def format(self) -> str:
        lines = [f"{self.path}: {self.sentences} sentences (exact-span match)",
                 f"{'kind':<6}{'gold':>7}{'pred':>7}{'P':>8}{'R':>8}{'F1':>8}{'R~':>8}"]
        for s in self.scores:
            lines.append(f"{s.kind:<6}{s.gold:>7}{s.predicted:>7}{s.precision:>8.3f}"
                         f"{s.recall:>8.3f}{s.f1:>8.3f}{s.overlap_recall:>8.3f}")
        lines.append("R~ = recall when any overlapping prediction of the same kind counts")
        if self.unscored_tags:
            tags = ", ".join(f"{k} {v}" for k, v in sorted(self.unscored_tags.items()))
            lines.append(f"not scored: {tags}")
        return "\n".join(lines)


def read_conll(path: str | Path) -> Iterator[tuple[list[str], list[str]]]:
    """Yield (tokens, tags) per sentence."""
    p = Path(path)
    try:
        fh = open(p, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise DataFileError(str(p), f"cannot open: {exc.strerror}") from exc
    tokens: list[str] = []
    tags: list[str] = []
    with fh:
        for lineno, raw in enumerate(fh, 1):
            parts = raw.rstrip("\n").split("\t") if "\t" in raw else raw.split()
            if not raw.strip():
                if tokens:
                    yield tokens, tags
                tokens, tags = [], []
                continue
            if len(parts) < 2:
                raise DataFileError(str(p), "want a token and a tag", lineno)
            tokens.append(parts[0].strip())
            tags.append(parts[-1].strip())
    if tokens:
        yield tokens, tags


def gold_spans(tokens: list[str], tags: list[str]) -> tuple[str, list[Span], Counter[str]]:
    """Text with tokens joined by spaces, gold spans on it, unscored tag counts."""
    offsets, pos = [], 0
    for tok in tokens:
        offsets.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    text = " ".join(tokens)
    spans: list[Span] = []
    unscored: Counter[str] = Counter()
    current: list = []
    for (s, e), tag in zip(offsets, tags, strict=True):
        prefix, _, label = tag.partition("-")
        if prefix == "I" and current and current[0] == label:
            current[2] = e
            continue
        if current:
            _close(current, spans, unscored)
        current = [label, s, e] if prefix in {"B", "I"} else []
    if current:
        _close(current, spans, unscored)
    return text, spans, unscored


def _close(current: list, spans: list[Span], unscored: Counter[str]) -> None:
    kind = GOLD_KINDS.get(current[0])
    if kind is None:
        unscored[current[0]] += 1
    else:
        spans.append((kind, current[1], current[2]))


def person_roles(stage: ActorStage, language: str) -> frozenset[str]:
    """Role words that name a person's office ("menteri"), not a body."""
    return frozenset(a.pattern.lower() for a in stage.data[language].agents if a.takes_name)


def predicted_spans(mentions: tuple[Mention, ...], offices: frozenset[str]) -> list[Span]:
    out: list[Span] = []
    for m in mentions:
        kind = MENTION_KINDS.get(m.kind)
        if kind is None and m.kind == "agent" and m.text[:1].isupper() \
                and m.text.split()[0].lower() not in offices:
            kind = "ORG"  # a named body: "DPR", "Kejaksaan Agung"
        if kind is not None:
            out.append((kind, m.start, m.end))
    return out


def evaluate_ner(path: str | Path, stage: ActorStage | None = None, *,
                 language: str = "id") -> NerReport:
    """Per-kind precision/recall/F1 of the actor stage on a CoNLL file."""
    stage = stage or ActorStage()
    offices = person_roles(stage, language)
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    exact: Counter[str] = Counter()
    overlap: Counter[str] = Counter()
    unscored: Counter[str] = Counter()
    n = 0
    for tokens, tags in read_conll(path):
        n += 1
        text, gold, skipped = gold_spans(tokens, tags)
        unscored.update(skipped)
        sent = Sentence(0, 0, len(text), text, language=language)
        article = Article(url=f"conll:{n}", text=text, sentences=(sent,))
        pred = predicted_spans(stage.mentions(article), offices)
        gold_n.update(k for k, _, _ in gold)
        pred_n.update(k for k, _, _ in pred)
        exact.update(k for k, *_ in set(gold) & set(pred))
        overlap.update(k for k, s, e in gold
                       if any(pk == k and ps < e and s < pe for pk, ps, pe in pred))
    scores = tuple(KindScore(k, gold_n[k], pred_n[k], exact[k], overlap[k]) for k in SCORED)
    return NerReport(str(path), n, scores, dict(unscored))
