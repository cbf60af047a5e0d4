"""Terminal rendering for the CLI (rich): progress, tables, highlighted evidence.

Only the CLI imports this module; the library never prints.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

console = Console(soft_wrap=False)
if not console.is_terminal:  # piped or captured: don't squeeze tables into 80 columns
    console = Console(soft_wrap=False, width=160)
err_console = Console(stderr=True)


class ProgressBar:
    """Files done of total, with articles and sentences per second and an ETA.

    Redrawn twice a second by rich's refresh thread, and its figures updated
    at most as often: never per article."""

    INTERVAL = 0.5  # seconds between two updates of the figures

    def __init__(self) -> None:
        self._progress = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
            TextColumn("files"), TextColumn("{task.fields[stats]}"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=err_console, transient=False, refresh_per_second=1 / self.INTERVAL,
            disable=not err_console.is_terminal,
        )
        self._task: Any = None
        self._t0: float | None = None  # the first processed article (after the build)
        self._first = (0, 0)  # articles and sentences then
        self._last = 0.0

    def start(self, total_files: int) -> None:
        self._progress.start()
        self._task = self._progress.add_task("ingest", total=total_files, stats="")

    def file_done(self, path: str) -> None:
        self._progress.advance(self._task)

    def counts(self, stored: int, skipped: int, rejected: int, sentences: int) -> None:
        now = time.monotonic()
        if self._t0 is None:
            self._t0, self._first = now, (stored, sentences)
        if now - self._last < self.INTERVAL:
            return
        self._last = now
        seconds = max(now - self._t0, 1e-6)
        arts = (stored - self._first[0]) / seconds
        sents = (sentences - self._first[1]) / seconds
        self._progress.update(
            self._task, stats=f"{stored} new, {skipped} known, {rejected} rejected "
                              f"({sents:,.0f} sentences/s, {arts:,.0f} art/s)")

    def stop(self) -> None:
        self._progress.stop()


def rate_text(summary: Any) -> str:
    """ "in 4.1 s: 1,254 sentences/s, 73.2 articles/s (pipeline built in 4.5 s)":
    rates over the run's time, the pipeline's build apart."""
    text = f"in {summary.seconds:.1f} s"
    if summary.stored:
        sentences, articles = summary.rate()
        text += f": {sentences:,.0f} sentences/s, {articles:,.1f} articles/s"
    if summary.build_seconds:
        text += f" (pipeline built in {summary.build_seconds:.1f} s)"
    return text


def print_summary(summary: Any, store: Any) -> None:
    console.print(
        f"run {summary.run_id}: {summary.files} file(s), {summary.stored} article(s) stored, "
        f"{summary.skipped} already known, {summary.rejected} rejected, "
        f"{summary.sentences} sentence(s), {summary.events} event(s) → {store.path} "
        f"{rate_text(summary)}", soft_wrap=True)  # one line, however wide
    for rej in summary.rejections[:20]:
        err_console.print(f"[yellow]rejected[/] {rej.where()}: {rej.reason}")
    if summary.rejected > 20:
        err_console.print(f"… and {summary.rejected - 20} more: see `warta quarantine`")


def _actor(code: str | None, name: str | None) -> str:
    if not code and not name:
        return "—"
    return f"{code or '?'} ({name})" if name else (code or "?")


def _evidence(ev: dict[str, Any], text: str, width: int = 90) -> Text:
    s, e = ev["evidence_start"], ev["evidence_end"]
    a = max(0, s - 30)
    b = min(len(text), e + 30)
    out = Text("…" if a else "")
    out.append(text[a:s].replace("\n", " "))
    out.append(text[s:e].replace("\n", " "), style="bold yellow underline")
    out.append(text[e:b].replace("\n", " "))
    out.append("…" if b < len(text) else "")
    out.truncate(width * 2)
    return out


def print_events(rows: list[dict[str, Any]], fmt: str) -> None:
    keys = ["event_id", "url", "event_date", "date_precision", "code", "root", "quad_class",
            "goldstein", "plover", "source_code", "source_name", "target_code", "target_name",
            "geo_name", "pattern", "confidence", "negated", "modality", "evidence"]
    for r in rows:
        r["evidence"] = r["article_text"][r["evidence_start"]:r["evidence_end"]]
    if fmt == "json":
        for r in rows:
            click.echo(json.dumps({k: r.get(k) for k in keys}, ensure_ascii=False, default=str))
        return
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(keys)
        for r in rows:
            w.writerow([r.get(k) for k in keys])
        return
    table = Table(title=f"{len(rows)} event(s)", show_lines=False)
    for col in ("date", "code", "source", "target", "where", "evidence"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["event_date"] or (str(r["published"])[:10] if r["published"] else ""),
                      f"{r['code']} {r['plover'] or ''}".strip(),
                      _actor(r["source_code"], r["source_name"]),
                      _actor(r["target_code"], r["target_name"]),
                      r["geo_name"] or "", _evidence(r, r["article_text"], 50))
    console.print(table)


def render_article(art: dict[str, Any]) -> None:
    """Metadata, then the text with mentions and event evidence highlighted."""
    console.rule(f"[bold]{art.get('title') or art['url']}")
    for key in ("url", "published", "section", "source", "story_id", "language", "author"):
        if art.get(key):
            console.print(f"[dim]{key}:[/] {art[key]}")
    if art.get("metadata"):
        console.print(f"[dim]metadata:[/] {json.dumps(art['metadata'], ensure_ascii=False)}")
    text = art["text"]
    styled = Text(text)
    for m in art["mentions"]:
        styled.stylize("cyan", m["start_char"], m["end_char"])
    for ev in art["events"]:
        styled.stylize("bold yellow underline", ev["evidence_start"], ev["evidence_end"])
    console.rule("[dim]text — [cyan]actors[/] and [bold yellow underline]event evidence[/]")
    console.print(styled)
    if art["mentions"]:
        table = Table(title="actors")
        for col in ("text", "code", "name", "how"):
            table.add_column(col)
        for m in art["mentions"]:
            table.add_row(m["text"], m["code"] or "", m["name"] or "",
                          f"{m['method']} {m['confidence']:.2f}")
        console.print(table)
    table = Table(title="events")
    for col in ("code", "source → target", "date", "where", "pattern", "evidence"):
        table.add_column(col)
    for ev in art["events"]:
        flags = " [red]negated[/]" if ev["negated"] else ""
        table.add_row(f"{ev['code']} {ev['plover'] or ''}{flags}",
                      f"{_actor(ev['source_code'], ev['source_name'])} → "
                      f"{_actor(ev['target_code'], ev['target_name'])}",
                      f"{ev['event_date'] or ''} {ev['date_precision'] or ''}",
                      ev["geo_name"] or "", ev["pattern"], _evidence(ev, text, 60))
    console.print(table)
    _knowledge_tables(art)


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    if not rows:
        return
    table = Table(title=title)
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*row)
    console.print(table)


def _knowledge_tables(art: dict[str, Any]) -> None:
    """Quotes, places, amounts, themes and tone: the article knowledge (GKG)."""
    _table("quotes", ("speaker", "kind", "verb", "quote"),
           [(q["speaker_name"] or "?", q["kind"], q["verb"] or "", q["text"][:120])
            for q in art.get("quotes", [])])
    places: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for p in art.get("places", []):
        places.setdefault((p["name"], p["fips"] or ""), []).append(p)
    _table("places", ("place", "country (FIPS)", "lat, lon", "mentions", "as written"),
           [(name, fips, f"{ps[0]['lat']:.3f}, {ps[0]['lon']:.3f}"
             if ps[0]["lat"] is not None else "", str(len(ps)),
             ", ".join(sorted({p["text"] for p in ps})))
            for (name, fips), ps in places.items()])
    _table("amounts", ("text", "value", "unit", "counts"),
           [(a["text"], f"{a['value']:,.0f}" if float(a["value"]).is_integer()
             else f"{a['value']:,}", a["unit"], a["counts"] or "")
            for a in art.get("amounts", [])])
    themes = sorted({t["name"] for t in art.get("themes", [])})
    if themes:
        console.print(f"[dim]themes:[/] {', '.join(themes)}")
    tone = art.get("tone")
    if tone:
        console.print("[dim]tone:[/] " + ", ".join(
            f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in tone.items()))


def print_quarantine(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False, default=str))
        return
    table = Table(title=f"{len(rows)} rejected record(s)")
    for col in ("where", "reason", "excerpt"):
        table.add_column(col)
    for r in rows:
        where = f"{r['source']}:{r['line']}" if r["line"] is not None else r["source"]
        table.add_row(where, r["reason"], (r["excerpt"] or "")[:60].replace("\n", " "))
    console.print(table)


def print_demo(summary: Any, store: Any) -> None:
    from .store.query import events

    print_summary(summary, store)
    counts = store.counts()
    console.print(f"store now holds {counts['articles']} article(s), {counts['mentions']} actor "
                  f"mention(s), {counts['events']} event(s)")
    rows = store.con.execute(
        "SELECT title, language, published FROM articles ORDER BY published").fetchall()
    table = Table(title="articles")
    for col in ("published", "lang", "title"):
        table.add_column(col)
    for title, lang, pub in rows:
        table.add_row(str(pub)[:16] if pub else "", lang or "", title or "")
    console.print(table)
    actors = store.con.execute(
        "SELECT code, name, count(*) n FROM mentions WHERE code <> '' GROUP BY code, name "
        "ORDER BY n DESC, code LIMIT 25").fetchall()
    table = Table(title="actors (top 25)")
    for col in ("code", "name", "mentions"):
        table.add_column(col)
    for code, name, n in actors:
        table.add_row(code, name or "", str(n))
    console.print(table)
    print_events(events(store), "table")
