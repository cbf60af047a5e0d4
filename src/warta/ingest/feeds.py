"""Live feeds: poll RSS/Atom feeds, fetch each new article page once.

``Watcher`` polls its feeds every ``interval`` seconds (feedparser parses the
feed; ``http.Fetcher`` does the polite, guarded HTTP), hands each new page to
``article_from_html`` and passes the resulting Article — or a Rejection for a
page that could not be read — to a callback (the store writer).

What it has seen lives in a small SQLite state file beside the store (stdlib,
crash-safe, and independent of the DuckDB store's single-writer lock), with
each feed's ETag / Last-Modified for conditional GETs. An entry is marked seen
only once its page was handed on (or failed for good: 4xx, unreadable,
robots.txt), so a crash or a flaky server never loses an article, and a
restart never fetches one twice.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import feedparser

from ..errors import InputError
from ..model import Article, Rejection
from .http import Fetcher, FetchFailed, FetchOptions, Refused

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..store.duck import Store

log = logging.getLogger(__name__)

Sink = Callable[[Article | Rejection], None]

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, modified TEXT,"
    " checked TEXT)",
    "CREATE TABLE IF NOT EXISTS seen (link TEXT PRIMARY KEY, feed TEXT, outcome TEXT,"
    " at TEXT)",
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FeedState:
    """Seen links and per-feed validators, in a SQLite file (``:memory:`` for tests)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        # one watcher uses it at a time, but maybe from a thread other than its creator's
        self.con = sqlite3.connect(self.path, check_same_thread=False)
        with self.con:
            for sql in _SCHEMA:
                self.con.execute(sql)

    def close(self) -> None:
        self.con.close()

    def validators(self, feed: str) -> tuple[str | None, str | None]:
        row = self.con.execute("SELECT etag, modified FROM feeds WHERE url = ?",
                               (feed,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def set_validators(self, feed: str, etag: str | None, modified: str | None) -> None:
        with self.con:
            self.con.execute(
                "INSERT INTO feeds VALUES (?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                "etag = excluded.etag, modified = excluded.modified, checked = excluded.checked",
                (feed, etag, modified, _now()))

    def is_seen(self, link: str) -> bool:
        return self.con.execute("SELECT 1 FROM seen WHERE link = ?", (link,)).fetchone() is not None

    def mark_seen(self, link: str, feed: str, outcome: str) -> None:
        with self.con:
            self.con.execute("INSERT OR REPLACE INTO seen VALUES (?, ?, ?, ?)",
                             (link, feed, outcome, _now()))

    def seen_count(self) -> int:
        return int(self.con.execute("SELECT count(*) FROM seen").fetchone()[0])


@dataclass(frozen=True)
class WatchOptions:
    interval: float = 300.0  # seconds between two polls of the feeds
    fetch: FetchOptions = dataclasses.field(default_factory=FetchOptions)


@dataclass
class CycleSummary:
    """What one poll of every feed did."""

    feeds: int = 0
    not_modified: int = 0  # feeds answering 304
    entries: int = 0  # entries in the feeds
    fetched: int = 0  # pages turned into articles
    rejected: int = 0  # pages that could not be read (handed on as Rejections)
    refused: int = 0  # pages not fetched: robots.txt or a non-public address
    failed: int = 0  # transient failures, retried next cycle
    feed_errors: list[str] = dataclasses.field(default_factory=list)

    def add(self, other: CycleSummary) -> None:
        for f in dataclasses.fields(self):
            value = getattr(other, f.name)
            if isinstance(value, list):
                getattr(self, f.name).extend(value)
            else:
                setattr(self, f.name, getattr(self, f.name) + value)


@dataclass(frozen=True)
class Entry:
    feed: str
    link: str
    title: str | None
    published: datetime | None


def _entry_time(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime(*parsed[:6])  # feedparser normalises to UTC; naive like the readers


def parse_feed(body: bytes, feed_url: str, content_type: str | None = None) -> list[Entry]:
    """Entries of an RSS/Atom document, links made absolute against ``feed_url``."""
    headers = {"content-location": feed_url}
    if content_type:
        headers["content-type"] = content_type
    # a stream, never a string: feedparser would treat a string as a URL or path to open
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    if parsed.get("bozo") and not parsed.entries:
        raise InputError(feed_url, f"not a feed: {parsed.get('bozo_exception')}")
    out = []
    for e in parsed.entries:
        link = e.get("link")
        if link:
            out.append(Entry(feed_url, link, e.get("title"), _entry_time(e)))
    return out


class Watcher:
    """Polls ``feeds`` and hands every new article page to ``sink`` exactly once."""

    def __init__(self, feeds: Sequence[str], sink: Sink, *, state: FeedState,
                 options: WatchOptions | None = None, fetcher: Fetcher | None = None,
                 reader: Callable[..., Article] | None = None) -> None:
        self.feeds = list(feeds)
        self.sink = sink
        self.state = state
        self.options = options or WatchOptions()
        self.fetcher = fetcher or Fetcher(self.options.fetch)
        if reader is None:
            from .html import article_from_html  # trafilatura loads only when watching

            reader = article_from_html
        self.read_page = reader
        self.stop = threading.Event()  # set it to end the watch, even mid-cycle

    def run(self, *, max_cycles: int | None = None,
            stop: threading.Event | None = None) -> CycleSummary:
        """Poll until ``max_cycles`` polls are done or ``stop`` is set (Ctrl-C also ends it)."""
        stop = self.stop = stop or self.stop
        total = CycleSummary()
        cycle = 0
        while not stop.is_set() and (max_cycles is None or cycle < max_cycles):
            total.add(self.poll_once())
            cycle += 1
            if max_cycles is not None and cycle >= max_cycles:
                break
            stop.wait(self.options.interval)  # wakes at once when stop is set
        return total

    def poll_once(self) -> CycleSummary:
        summary = CycleSummary()
        for feed in self.feeds:
            if self.stop.is_set():
                break
            summary.feeds += 1
            try:
                self._poll_feed(feed, summary)
            except (InputError, OSError) as exc:
                log.warning("feed %s: %s", feed, exc)
                summary.feed_errors.append(f"{feed}: {exc}")
        return summary

    def _poll_feed(self, feed: str, summary: CycleSummary) -> None:
        etag, modified = self.state.validators(feed)
        resp = self.fetcher.fetch(feed, etag=etag, last_modified=modified)
        if resp.status == 304:
            summary.not_modified += 1
            return
        entries = parse_feed(resp.body, resp.url, resp.headers.get("content-type"))
        summary.entries += len(entries)
        failed_before = summary.failed
        for entry in entries:
            if self.stop.is_set():
                return  # the rest waits for the next start (validators not saved)
            if not self.state.is_seen(entry.link):
                self._take(entry, summary)
        # Validators are saved only when every entry was dealt with: otherwise the
        # next poll would get a 304 and never retry the entries that failed.
        if summary.failed == failed_before:
            self.state.set_validators(feed, resp.etag, resp.last_modified)

    def _take(self, entry: Entry, summary: CycleSummary) -> None:
        try:
            resp = self.fetcher.fetch(entry.link)
        except Refused as exc:
            log.info("not fetching %s: %s", entry.link, exc.reason)
            summary.refused += 1
            self.state.mark_seen(entry.link, entry.feed, f"refused: {exc.reason}")
            return
        except FetchFailed as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                summary.rejected += 1
                self.sink(Rejection(source=entry.link, reason=exc.reason))
                self.state.mark_seen(entry.link, entry.feed, f"rejected: {exc.reason}")
            else:  # the server may recover: try again next cycle
                log.warning("fetch of %s failed, will retry: %s", entry.link, exc.reason)
                summary.failed += 1
            return
        item = self._to_article(entry, resp.body, resp.url)
        self.sink(item)  # if the sink raises, the entry stays unseen and is retried
        if isinstance(item, Rejection):
            summary.rejected += 1
            self.state.mark_seen(entry.link, entry.feed, f"rejected: {item.reason}")
        else:
            summary.fetched += 1
            self.state.mark_seen(entry.link, entry.feed, f"article {item.id}")

    def _to_article(self, entry: Entry, body: bytes, url: str) -> Article | Rejection:
        origin = f"feed:{entry.feed}#{entry.link}"
        try:
            art = self.read_page(body, url=url, origin=origin)
        except InputError as exc:
            return Rejection(source=entry.link, reason=exc.reason,
                             excerpt=body[:200].decode("utf-8", "replace"))
        # the feed often knows the title and date better than the page's markup
        return dataclasses.replace(
            art,
            title=art.title or entry.title,
            published=art.published or entry.published,
            metadata=MappingProxyType({**art.metadata, "feed": entry.feed,
                                       "feed_link": entry.link}),
        )


class StoreSink:
    """Runs the pipeline on each fetched article and writes it at once, one transaction each.

    Writing immediately (not in batches) is what makes "seen" safe: the watcher
    marks a link seen only after the sink returned, so the article is stored by
    then. Feeds bring tens of articles a minute, so per-article transactions
    cost nothing that matters.
    """

    def __init__(self, store: Store, pipeline: Pipeline, run_id: str) -> None:
        self.store, self.pipeline, self.run_id = store, pipeline, run_id
        self.stored = self.rejected = 0

    def __call__(self, item: Article | Rejection) -> None:
        if isinstance(item, Article):
            item = self.pipeline.run_or_reject(item)
        if isinstance(item, Rejection):
            self.store.write_batch([], [item], self.run_id)
            self.rejected += 1
        else:
            self.store.write_batch([item], [], self.run_id)
            self.stored += 1


def watch(feeds: Sequence[str], sink: Sink, *, state_path: str | Path,
          options: WatchOptions | None = None, max_cycles: int | None = None,
          stop: threading.Event | None = None) -> CycleSummary:
    """Watch ``feeds`` with state kept in ``state_path``; see ``Watcher``."""
    with closing(FeedState(state_path)) as state:
        return Watcher(feeds, sink, state=state, options=options).run(
            max_cycles=max_cycles, stop=stop)
