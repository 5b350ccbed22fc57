"""Documents from the web: fetch a page or a feed politely and safely, or say clearly why not.

Polite: a User-Agent that names the product (`KG_USER_AGENT`), robots.txt read once per site and obeyed (RFC 9309:
a missing robots.txt allows everything, an unreachable one forbids everything), every redirect hop checked too.
Safe: http and https only, a deadline for the whole fetch (`KG_FETCH_TIMEOUT_SECONDS`), a size limit checked on the
declared length and again while reading (`KG_MAX_DOCUMENT_BYTES`), and only the media types the loader reads.
Every failure is a `FetchError` whose message names the URL and the reason, for the loader's closing table.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import httpx

from graph.documents import MEDIA_TYPES, DocumentError

if TYPE_CHECKING:
    from protego import Protego

    from graph.settings import Settings

log = logging.getLogger(__name__)

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
                        "application/rdf+xml"})
MAX_REDIRECTS = 5
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: crawlers must read at least 500 KiB of a robots.txt


class FetchError(DocumentError):
    """A URL could not be fetched as a document: not allowed, unreachable, too slow, too large, wrong type."""


@dataclass
class Fetched:
    url: str  # where the content came from, after redirects
    content: bytes
    media_type: str  # without parameters, lower case; "" when the server gave none


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def doc_id_for_url(url: str) -> str:
    """A readable, stable document id for a URL: host and path as one slug ('doc:example.org-news-story'), with a
    short hash of the query when there is one, and of the whole URL when the slug would be too long."""
    parts = urlsplit(url)
    path = re.sub(r"\.(?:html?|php|aspx?)$", "", parts.path.rstrip("/"))
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{parts.netloc}{path}").strip("-.")
    slug = re.sub(r"-{2,}", "-", slug)
    if parts.query:
        slug += "-" + hashlib.sha256(parts.query.encode("utf-8")).hexdigest()[:8]
    if len(slug) > 150:
        slug = slug[:140].rstrip("-.") + "-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:9]
    return "doc:" + slug


class Fetcher:
    """One HTTP client for a batch (connections and robots.txt answers are reused). Use as a context manager."""

    def __init__(self, settings: Settings, *, transport: httpx.BaseTransport | None = None) -> None:
        self.timeout = settings.fetch_timeout_seconds
        self.max_bytes = settings.max_document_bytes
        self.user_agent = settings.user_agent
        self._client = httpx.Client(
            headers={"User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,application/pdf,"
                                                              "text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1"},
            timeout=httpx.Timeout(self.timeout), follow_redirects=False, transport=transport)
        self._robots: dict[str, Protego | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------------------------------------ robots.txt

    def allowed(self, url: str) -> bool:
        """May this product fetch the URL, by the site's robots.txt?"""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        robots = self._robots[origin]
        if robots is None:
            return False
        return bool(robots.can_fetch(url, self.user_agent))

    def _read_robots(self, origin: str) -> Protego | None:
        """The site's rules; an allow-all set when it has none (4xx); None (fetch nothing) when it cannot be read
        (5xx, network failure), as RFC 9309 asks."""
        from protego import Protego

        try:
            with self._client.stream("GET", origin + "/robots.txt", follow_redirects=True) as r:
                if 400 <= r.status_code < 500:
                    return Protego.parse("")
                if r.status_code >= 500:
                    log.info("%s/robots.txt answered %d: not fetching from this site", origin, r.status_code)
                    return None
                body = b""
                for chunk in r.iter_bytes():
                    body += chunk
                    if len(body) >= ROBOTS_MAX_BYTES:
                        break
        except httpx.HTTPError as e:
            log.info("%s/robots.txt unreachable (%s): not fetching from this site", origin, e)
            return None
        return Protego.parse(body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace"))

    # ------------------------------------------------------------------------------------------ fetching

    def fetch_document(self, url: str) -> Fetched:
        """A page, a PDF, a plain-text or Markdown file."""
        return self._fetch(url, frozenset(MEDIA_TYPES), "a document (HTML, PDF, plain text or Markdown)")

    def fetch_feed(self, url: str) -> Fetched:
        """An RSS or Atom feed."""
        return self._fetch(url, FEED_TYPES, "an RSS or Atom feed")

    def _fetch(self, url: str, accepted: frozenset[str], what: str) -> Fetched:
        deadline = time.monotonic() + self.timeout
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            if not is_url(current):
                raise FetchError(f"{url}: only http and https URLs can be loaded")
            if not self.allowed(current):
                raise FetchError(f"{current}: disallowed by the site's robots.txt for {self.user_agent!r}")
            try:
                with self._client.stream("GET", current) as r:
                    if r.is_redirect and "location" in r.headers:
                        current = urljoin(current, r.headers["location"])
                        continue
                    if r.status_code >= 400:
                        raise FetchError(f"{current}: the server answered {r.status_code} {r.reason_phrase}")
                    media_type = r.headers.get("content-type", "").split(";")[0].strip().lower()
                    if media_type and media_type not in accepted:
                        raise FetchError(f"{current}: content type {media_type!r} is not {what}")
                    declared = r.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > self.max_bytes:
                        raise FetchError(f"{current}: {int(declared)} bytes is larger than the limit of "
                                         f"{self.max_bytes} bytes (KG_MAX_DOCUMENT_BYTES)")
                    content = self._read(r, current, deadline)
                    return Fetched(url=str(r.url), content=content, media_type=media_type)
            except httpx.TimeoutException as e:
                raise FetchError(f"{current}: no answer within {self.timeout:g} s "
                                 f"(KG_FETCH_TIMEOUT_SECONDS; {type(e).__name__})") from e
            except httpx.HTTPError as e:
                raise FetchError(f"{current}: cannot fetch ({type(e).__name__}: {e})") from e
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _read(self, r: httpx.Response, url: str, deadline: float) -> bytes:
        """The body, stopped as soon as it passes the size limit or the deadline: a huge or trickling page costs
        at most the limit in memory and the timeout in time."""
        body = bytearray()
        for chunk in r.iter_bytes():
            body += chunk
            if len(body) > self.max_bytes:
                raise FetchError(f"{url}: larger than the limit of {self.max_bytes} bytes (KG_MAX_DOCUMENT_BYTES); "
                                 "stopped reading")
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: not complete within {self.timeout:g} s (KG_FETCH_TIMEOUT_SECONDS)")
        return bytes(body)


@dataclass
class FeedEntry:
    url: str
    title: str | None
    date: str | None


def feed_entries(fetched: Fetched) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed that link to a page, in feed order, each link once."""
    import feedparser

    parsed = feedparser.parse(fetched.content, response_headers={"content-location": fetched.url})
    if parsed.bozo and not parsed.entries:
        raise FetchError(f"{fetched.url}: not a readable RSS or Atom feed ({parsed.get('bozo_exception')})")
    out: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        link = urljoin(fetched.url, link)
        if link in seen:
            continue
        seen.add(link)
        out.append(FeedEntry(url=link, title=entry.get("title"),
                             date=entry.get("published") or entry.get("updated")))
    return out
