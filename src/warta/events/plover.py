"""PLOVER-style JSON records for coded events (``warta export events --format plover``).

The keys follow the PLOVER gold standard records (``id``, ``date``, ``event``,
``mode``, ``context``, ``source``/``target`` as lists of ``{actorText, code}``,
``eventText``, ``text``, ``language``) plus warta's own evidence fields.
"""

from __future__ import annotations

from typing import Any

from ..model import Article, Event, Mention
from .codebook import Codebook

PLOVER_VERSION = "0.8"


def _actor(m: Mention | None) -> list[dict[str, str]]:
    if m is None:
        return []
    return [{"actorText": m.text, "code": m.code, "name": m.name, "country": m.country}]


def event_id(article: Article, event: Event) -> str:
    """Stable id: the same article always gives its events the same ids."""
    return f"{article.id}-{event.sentence}-{event.evidence_start}-{event.code}-" \
           f"{event.source.start if event.source else ''}-" \
           f"{event.target.start if event.target else ''}"


def plover_record(article: Article, event: Event, codebook: Codebook | None = None
                  ) -> dict[str, Any]:
    """One event as a PLOVER-style JSON object."""
    codebook = codebook or Codebook.load()
    info = codebook[event.code]
    sentence = next((s for s in article.sentences if s.index == event.sentence), None)
    date = event.date or (article.published.date().isoformat() if article.published else None)
    record: dict[str, Any] = {
        "id": event_id(article, event),
        "date": date,
        "datePrecision": event.date_precision,
        "event": event.plover or info.plover,
        "mode": info.plover_mode,
        "context": "",
        "source": _actor(event.source),
        "target": _actor(event.target),
        "eventText": article.text[event.evidence_start:event.evidence_end],
        "text": sentence.text if sentence else "",
        "language": (sentence.language if sentence else None) or article.language,
        "publication": article.source or "",
        "url": article.url,
        "version": PLOVER_VERSION,
        "cameo": {"code": event.code, "base": event.base, "root": event.root,
                  "name": info.name, "goldstein": event.goldstein,
                  "quadClass": event.quad_class},
        "evidence": {"start": event.evidence_start, "end": event.evidence_end,
                     "sentence": event.sentence, "pattern": event.pattern},
        "confidence": event.confidence,
        "negated": event.negated,
        "modality": list(event.modality),
        "isRootEvent": event.is_root_event,
    }
    if event.place is not None:
        p = event.place
        record["geo"] = {"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
                         "featureType": p.feature_type, "featureId": p.feature_id}
    return record
