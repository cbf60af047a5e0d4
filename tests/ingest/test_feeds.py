"""warta.ingest.feeds / http: a local HTTP server plays a news site with a feed.

Everything runs on 127.0.0.1 (hence allow_private=True), with bounded cycles
and a no-op sleep; nothing reaches the outside network.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from warta.ingest import http as whttp
from warta.ingest.feeds import FeedState, StoreSink, Watcher, WatchOptions, parse_feed
from warta.ingest.http import Fetcher, FetchFailed, FetchOptions, Refused, is_public_address
from warta.model import Article, Rejection
from warta.pipeline import Pipeline

PARA = "The foreign minister met his counterpart in the capital to discuss trade. " * 4


def _page(title: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{PARA}</p><p>{PARA}</p></article></body></html>").encode()


def _rss(links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Item {i}</title><link>{link}</link>"
        f"<pubDate>Tue, 09 Apr 2024 0{i}:00:00 GMT</pubDate></item>"
        for i, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}'
            "</channel></rss>").encode()


@dataclass
class Site:
    """What the fake site serves, and a log of what was asked of it."""

    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    fail_first: Counter[str] = field(default_factory=Counter)  # path -> 503s to send first
    conditional: list[str] = field(default_factory=list)
    base: str = ""


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            state.hits[self.path] += 1
            if state.fail_first[self.path] > 0:
                state.fail_first[self.path] -= 1
                self.send_response(503)
                self.end_headers()
                return
            status, headers, body = state.routes.get(self.path, (404, {}, b"not here"))
            etag = headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                state.conditional.append(self.path)
                status, body = 304, b""
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    b = state.base
    state.routes.update({
        "/robots.txt": (200, {}, b"User-agent: *\nDisallow: /private/\n"),
        "/feed.xml": (200, {"ETag": '"v1"', "Content-Type": "application/rss+xml"},
                      _rss([f"{b}/a1.html", f"{b}/a2.html", f"{b}/private/p.html"])),
        "/a1.html": (200, {"Content-Type": "text/html"}, _page("First story")),
        "/a2.html": (200, {"Content-Type": "text/html"}, _page("Second story")),
        "/private/p.html": (200, {"Content-Type": "text/html"}, _page("Hidden")),
        "/empty.html": (200, {"Content-Type": "text/html"}, b"<html><body></body></html>"),
    })
    yield state
    server.shutdown()
    server.server_close()


LOCAL = FetchOptions(allow_private=True, host_delay=0.0, backoff=0.01)


def _watcher(site: Site, state: FeedState, out: list, feeds: list[str] | None = None,
             sleeps: list[float] | None = None) -> Watcher:
    sleeps = sleeps if sleeps is not None else []
    fetcher = Fetcher(LOCAL, sleep=sleeps.append)
    return Watcher(feeds or [f"{site.base}/feed.xml"], out.append, state=state,
                   options=WatchOptions(interval=0, fetch=LOCAL), fetcher=fetcher)


def test_new_items_are_fetched_once_and_robots_disallow_is_honoured(site: Site,
                                                                     tmp_path: Path) -> None:
    out: list[Article | Rejection] = []
    state = FeedState(tmp_path / "feeds.sqlite")
    summary = _watcher(site, state, out).run(max_cycles=3)
    titles = sorted(a.title for a in out if isinstance(a, Article))
    assert titles == ["First story", "Second story"]
    assert site.hits["/a1.html"] == 1 and site.hits["/a2.html"] == 1
    assert site.hits["/private/p.html"] == 0
    assert summary.fetched == 2 and summary.refused == 1
    # the second and third polls were conditional GETs answered 304
    assert summary.not_modified == 2 and site.conditional == ["/feed.xml", "/feed.xml"]


def test_articles_carry_feed_provenance(site: Site, tmp_path: Path) -> None:
    out: list[Article | Rejection] = []
    _watcher(site, FeedState(tmp_path / "s"), out).run(max_cycles=1)
    art = next(a for a in out if isinstance(a, Article) and a.title == "First story")
    assert art.url == f"{site.base}/a1.html"
    assert art.metadata["feed"] == f"{site.base}/feed.xml"
    assert art.origin.startswith("feed:")
    assert art.raw_hash


def test_nothing_is_fetched_again_after_a_restart(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "feeds.sqlite"
    first: list[Article | Rejection] = []
    s1 = FeedState(path)
    _watcher(site, s1, first).run(max_cycles=1)
    s1.close()
    # the feed changes its ETag (so it is parsed again) and adds one new item
    b = site.base
    site.routes["/feed.xml"] = (200, {"ETag": '"v2"'},
                                _rss([f"{b}/a1.html", f"{b}/a2.html", f"{b}/a3.html"]))
    site.routes["/a3.html"] = (200, {}, _page("Third story"))
    again: list[Article | Rejection] = []
    _watcher(site, FeedState(path), again).run(max_cycles=1)
    assert [a.title for a in again] == ["Third story"]
    assert site.hits["/a1.html"] == 1


def test_the_feed_validators_survive_a_restart(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "feeds.sqlite"
    s1 = FeedState(path)
    _watcher(site, s1, []).run(max_cycles=1)
    s1.close()
    _watcher(site, FeedState(path), []).run(max_cycles=1)
    assert site.conditional == ["/feed.xml"]


def test_an_unreadable_page_becomes_a_rejection_once(site: Site, tmp_path: Path) -> None:
    site.routes["/feed.xml"] = (200, {}, _rss([f"{site.base}/empty.html",
                                              f"{site.base}/missing.html"]))
    out: list[Article | Rejection] = []
    _watcher(site, FeedState(tmp_path / "s"), out).run(max_cycles=2)
    assert sorted(r.source.rsplit("/", 1)[1] for r in out) == ["empty.html", "missing.html"]
    assert all(isinstance(r, Rejection) for r in out)
    assert site.hits["/missing.html"] == 1


def test_server_errors_are_retried_with_exponential_backoff(site: Site, tmp_path: Path) -> None:
    site.fail_first["/a1.html"] = 2
    out: list[Article | Rejection] = []
    sleeps: list[float] = []
    _watcher(site, FeedState(tmp_path / "s"), out, sleeps=sleeps).run(max_cycles=1)
    assert site.hits["/a1.html"] == 3
    assert "First story" in [a.title for a in out]
    assert sleeps[:2] == [pytest.approx(0.01), pytest.approx(0.02)]


def test_a_page_that_keeps_failing_is_retried_next_cycle(site: Site, tmp_path: Path) -> None:
    site.fail_first["/a1.html"] = 4  # 1 try + 3 retries all fail in the first cycle
    out: list[Article | Rejection] = []
    summary = _watcher(site, FeedState(tmp_path / "s"), out).run(max_cycles=2)
    assert summary.failed == 1
    assert [a.title for a in out].count("First story") == 1
    # the feed's validators were not saved after the failure: the retry saw the full feed
    assert site.conditional == []


def test_private_addresses_are_refused_by_default(site: Site, tmp_path: Path) -> None:
    out: list[Article | Rejection] = []
    watcher = Watcher([f"{site.base}/feed.xml"], out.append, state=FeedState(":memory:"),
                      options=WatchOptions(interval=0))
    summary = watcher.run(max_cycles=1)
    assert out == [] and sum(site.hits.values()) == 0
    assert "non-public address 127.0.0.1" in summary.feed_errors[0]


def test_a_redirect_to_a_private_address_is_refused(site: Site,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # pretend 127.0.0.1 is a public host; its redirect to 127.0.0.2 must still be refused
    monkeypatch.setattr(whttp, "is_public_address", lambda addr: addr == "127.0.0.1")
    port = site.base.rsplit(":", 1)[1]
    site.routes["/go"] = (302, {"Location": f"http://127.0.0.2:{port}/a1.html"}, b"")
    fetcher = Fetcher(FetchOptions(host_delay=0.0, obey_robots=False))
    with pytest.raises(Refused, match="127.0.0.2"):
        fetcher.fetch(f"{site.base}/go")
    assert site.hits["/a1.html"] == 0


def test_a_page_larger_than_the_limit_is_refused(site: Site) -> None:
    fetcher = Fetcher(FetchOptions(allow_private=True, host_delay=0, max_bytes=100))
    with pytest.raises(Refused, match="larger than"):
        fetcher.fetch(f"{site.base}/a1.html")


def test_client_errors_are_not_retried(site: Site) -> None:
    sleeps: list[float] = []
    with pytest.raises(FetchFailed) as err:
        Fetcher(LOCAL, sleep=sleeps.append).fetch(f"{site.base}/nothing")
    assert err.value.status == 404 and site.hits["/nothing"] == 1


def test_requests_to_one_host_are_spaced(site: Site) -> None:
    sleeps: list[float] = []
    now = [100.0]
    fetcher = Fetcher(FetchOptions(allow_private=True, host_delay=2.0),
                      sleep=sleeps.append, clock=lambda: now[0])
    fetcher.fetch(f"{site.base}/a1.html")  # robots.txt, then the page
    fetcher.fetch(f"{site.base}/a2.html")
    # the clock stands still, so every request after the first waits the full delay
    assert sleeps == [2.0, 2.0]


@pytest.mark.parametrize("addr,public", [
    ("8.8.8.8", True), ("2606:4700::1111", True), ("127.0.0.1", False), ("10.1.2.3", False),
    ("192.168.0.7", False), ("172.16.5.4", False), ("169.254.169.254", False), ("::1", False),
    ("fe80::1%eth0", False), ("0.0.0.0", False), ("::ffff:127.0.0.1", False), ("224.0.0.1", False),
])
def test_which_addresses_count_as_public(addr: str, public: bool) -> None:
    assert is_public_address(addr) is public


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "http:///nohost"])
def test_only_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(Refused):
        Fetcher(LOCAL).fetch(url)


def test_parse_feed_reads_atom_and_makes_links_absolute() -> None:
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            b'<entry><title>A</title><link href="/news/1"/><updated>2024-04-09T02:00:00Z'
            b"</updated><id>x</id></entry></feed>")
    [entry] = parse_feed(atom, "https://example.org/atom.xml")
    assert entry.link == "https://example.org/news/1"
    assert entry.title == "A" and entry.published is not None and entry.published.hour == 2


class _Tag:
    """A stage that marks the article and fails on 'Second story'."""

    name = "tag"
    requires = ("text",)
    assigns = ("section",)

    def __call__(self, article: Article) -> Article:
        if article.title == "Second story":
            raise ValueError("cannot tag")
        return dataclasses.replace(article, section="tagged")


def test_store_sink_writes_each_article_processed_and_quarantines_failures(
        site: Site, tmp_path: Path) -> None:
    from warta.store.duck import Store

    with Store(tmp_path / "w.duckdb") as store:
        run = store.start_run(["feeds"])
        sink = StoreSink(store, Pipeline([_Tag()]), run)
        watcher = Watcher([f"{site.base}/feed.xml"], sink, state=FeedState(tmp_path / "s"),
                          options=WatchOptions(interval=0, fetch=LOCAL),
                          fetcher=Fetcher(LOCAL, sleep=lambda s: None))
        watcher.run(max_cycles=2)
        assert (sink.stored, sink.rejected) == (1, 1)
        rows = store.con.execute("SELECT title, section FROM articles").fetchall()
        assert rows == [("First story", "tagged")]
        assert store.count("quarantine") == 1


def test_the_connected_address_is_checked_too_against_dns_rebinding(
        site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    # the name check passes (as if DNS first answered a public address) ...
    monkeypatch.setattr(whttp, "check_url", lambda url, allow_private: None)
    fetcher = Fetcher(FetchOptions(host_delay=0.0, obey_robots=False, retries=0))
    # ... but the connection lands on 127.0.0.1: refused before the request is sent
    with pytest.raises(Refused, match="connected to non-public address 127.0.0.1"):
        fetcher.fetch(f"{site.base}/a1.html")
    assert site.hits["/a1.html"] == 0


def test_setting_stop_ends_the_watch_between_cycles(site: Site, tmp_path: Path) -> None:
    stop = threading.Event()
    out: list[Article | Rejection] = []
    fetcher = Fetcher(LOCAL, sleep=lambda s: None)

    def sink(item: Article | Rejection) -> None:
        out.append(item)
        stop.set()  # e.g. Ctrl-C handled by the CLI

    state = FeedState(tmp_path / "s")
    watcher = Watcher([f"{site.base}/feed.xml"], sink, state=state,
                      options=WatchOptions(interval=3600, fetch=LOCAL), fetcher=fetcher)
    thread = threading.Thread(target=watcher.run, kwargs={"stop": stop}, daemon=True)
    thread.start()
    thread.join(timeout=30)
    # without the stop it would sleep an hour before the second poll
    assert not thread.is_alive()
    # stopped right after the first page: the rest is left for the next start
    assert len(out) == 1 and state.seen_count() == 1
    rest: list[Article | Rejection] = []
    _watcher(site, state, rest).run(max_cycles=1)
    assert len(rest) == 1 and site.hits["/a1.html"] == 1 and site.hits["/a2.html"] == 1
