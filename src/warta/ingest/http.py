"""A careful HTTP client for live feeds: public hosts only, polite, retrying.

* Refuses private, loopback, link-local, multicast and reserved addresses
  unless ``allow_private`` — a feed must not make warta probe the intranet.
  The host is resolved and every address checked before each request and
  redirect, and the address actually connected to is checked again before
  the request is sent (DNS may answer differently the second time).
* Obeys robots.txt (``urllib.robotparser``), fetched once per host.
* Waits ``host_delay`` seconds (or the robots Crawl-delay, if longer) between
  two requests to the same host.
* Retries connection errors, 429 and 5xx with exponential backoff, honouring
  a numeric Retry-After.
* Sends conditional GETs (If-None-Match / If-Modified-Since) when asked.

Standard library only (urllib): nothing more to install, and every request
goes through the one opener whose redirect hook re-checks the target.
"""

from __future__ import annotations

import http.client
import ipaddress
import logging
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..errors import InputError

log = logging.getLogger(__name__)

USER_AGENT = "warta/0.1 (offline political event coder; feed reader)"

#: Statuses worth another try: the server is busy or briefly broken.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class FetchOptions:
    allow_private: bool = False
    host_delay: float = 1.0  # seconds between requests to one host
    retries: int = 3  # extra attempts after the first
    backoff: float = 1.0  # first retry waits this long, then doubles
    max_backoff: float = 60.0
    timeout: float = 20.0
    max_bytes: int = 20_000_000
    user_agent: str = USER_AGENT
    obey_robots: bool = True


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 for a conditional GET that found nothing new
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


class Refused(InputError):
    """A URL warta will not fetch (private address, robots.txt, bad scheme)."""


class FetchFailed(InputError):
    """The server kept failing (or answered 4xx); ``status`` is the last one seen."""

    def __init__(self, source: str, reason: str, status: int | None = None) -> None:
        super().__init__(source, reason)
        self.status = status


def is_public_address(addr: str) -> bool:
    ip = ipaddress.ip_address(addr.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified)


def check_url(url: str, allow_private: bool) -> None:
    """Raise Refused unless ``url`` is http(s) on a host that resolves to public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(url, "only http and https URLs are fetched")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchFailed(url, f"cannot resolve {parts.hostname}: {exc}") from exc
    for info in infos:
        addr = str(info[4][0])
        if not is_public_address(addr):
            raise Refused(url, f"{parts.hostname} resolves to non-public address {addr} "
                               "(use allow_private / --allow-private to fetch it)")


class _GuardedRedirects(urllib.request.HTTPRedirectHandler):
    """Re-check every redirect target: a public page may redirect to 127.0.0.1."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Message, newurl: str) -> urllib.request.Request | None:
        check_url(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _check_peer(conn: http.client.HTTPConnection) -> None:
    # The name was checked before the request, but DNS may answer differently now
    # (rebinding): check the address actually connected to, before any byte is sent.
    peer = str(conn.sock.getpeername()[0]) if conn.sock else ""
    if peer and not is_public_address(peer):
        conn.close()
        raise Refused(f"{conn.host}:{conn.port}", f"{conn.host} connected to non-public "
                      f"address {peer} (use allow_private / --allow-private to fetch it)")


class _PublicHTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _check_peer(self)


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _check_peer(self)


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_PublicHTTPConnection, req)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_PublicHTTPSConnection, req, context=self._context)


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class Fetcher:
    """Fetch URLs politely; one instance per watcher (it keeps per-host state)."""

    def __init__(self, options: FetchOptions | None = None, *,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.options = options or FetchOptions()
        self.sleep, self.clock = sleep, clock
        self._last: dict[str, float] = {}  # host -> time of its last request
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        handlers: list[urllib.request.BaseHandler] = [
            _GuardedRedirects(self.options.allow_private)]
        if not self.options.allow_private:
            handlers += [_PublicHTTPHandler(), _PublicHTTPSHandler()]
        self._opener = urllib.request.build_opener(*handlers)

    # -- politeness -----------------------------------------------------------
    def _wait_turn(self, url: str) -> None:
        host = _host(url)
        delay = self.options.host_delay
        robots = self._robots.get(host)
        if robots is not None:
            crawl_delay = robots.crawl_delay(self.options.user_agent)
            if crawl_delay:
                delay = max(delay, float(crawl_delay))
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def allowed(self, url: str) -> bool:
        """What the host's robots.txt says about ``url`` (allowed if it has none)."""
        if not self.options.obey_robots:
            return True
        host = _host(url)
        if host not in self._robots:
            self._robots[host] = self._load_robots(host)
        robots = self._robots[host]
        return robots is None or robots.can_fetch(self.options.user_agent, url)

    def _load_robots(self, host: str) -> urllib.robotparser.RobotFileParser | None:
        robots_url = urljoin(host + "/", "/robots.txt")
        try:
            resp = self._get(robots_url, {})
        except FetchFailed as exc:
            # 4xx: no robots.txt, everything allowed (RFC 9309); 5xx/unreachable: disallow
            if exc.status is not None and 400 <= exc.status < 500:
                return None
            log.warning("robots.txt of %s unavailable (%s); not fetching from it", host, exc)
            parser = urllib.robotparser.RobotFileParser()
            parser.disallow_all = True
            return parser
        parser = urllib.robotparser.RobotFileParser(robots_url)
        parser.parse(resp.body.decode("utf-8", "replace").splitlines())
        return parser

    # -- requests -------------------------------------------------------------
    def fetch(self, url: str, *, etag: str | None = None,
              last_modified: str | None = None) -> Response:
        """GET ``url`` (conditionally if etag/last_modified given); status 200 or 304.

        Raises Refused (not allowed to fetch) or FetchFailed (server errors).
        """
        check_url(url, self.options.allow_private)
        if not self.allowed(url):
            raise Refused(url, "disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers)

    def _get(self, url: str, headers: dict[str, str]) -> Response:
        opts = self.options
        attempt = 0
        while True:
            check_url(url, opts.allow_private)
            self._wait_turn(url)
            try:
                return self._once(url, headers)
            except FetchFailed as exc:
                retry_after = getattr(exc, "retry_after", None)
                if exc.status is not None and exc.status not in RETRY_STATUSES:
                    raise
                if attempt >= opts.retries:
                    raise
                wait = min(opts.max_backoff, opts.backoff * 2 ** attempt)
                if retry_after is not None:
                    wait = min(opts.max_backoff, max(wait, retry_after))
                log.info("retrying %s in %.1fs (%s)", url, wait, exc.reason)
                self.sleep(wait)
                attempt += 1

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        opts = self.options
        req = urllib.request.Request(url, headers={"User-Agent": opts.user_agent, **headers})
        try:
            with self._opener.open(req, timeout=opts.timeout) as resp:
                body = resp.read(opts.max_bytes + 1)
                if len(body) > opts.max_bytes:
                    raise Refused(url, f"response larger than {opts.max_bytes} bytes")
                return Response(resp.geturl(), resp.status, body, _lower(resp.headers))
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Response(url, 304, b"", _lower(exc.headers))
            failed = FetchFailed(url, f"HTTP {exc.code} {exc.reason}", exc.code)
            failed.retry_after = _retry_after(exc.headers)  # type: ignore[attr-defined]
            raise failed from None
        except InputError:
            raise
        except (urllib.error.URLError, OSError) as exc:  # refused, reset, timed out
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, InputError):  # raised inside the redirect hook
                raise reason from None
            raise FetchFailed(url, f"connection failed: {reason}") from None


def _lower(headers: Message | None) -> dict[str, str]:
    return {k.lower(): v for k, v in (headers or {}).items()}


def _retry_after(headers: Message | None) -> float | None:
    value = (headers or {}).get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:  # an HTTP date: fall back to our own backoff
        return None
