"""A response cache for the read API: the graph changes when documents are loaded, and is read far more often.

Pure ASGI middleware in front of the routes under /api/v1 (not health or readiness, which must reflect the
store now). A GET answered 200 is kept, body and headers, keyed by path and query string, in a bounded LRU; the
same GET is then answered from memory with no routing, validation, query or serialisation.

HTTP caching (RFC 9110/9111), also when the in-memory cache is off or bypassed: every 200 of a cacheable GET (miss
or hit) carries a strong `ETag` (a digest of the body) and `Cache-Control: public, max-age=KG_HTTP_MAX_AGE`, so a
proxy or client may reuse it that long and then revalidate; `If-None-Match` is compared weakly, as the standard
says for GET (`W/"x"` matches `"x"`), and `*` matches any answer: either way 304 with the same validators.
Errors, health and readiness say `Cache-Control: no-store`. No answer depends on a request header (only on the
path and query string), so none needs `Vary`. Answers larger than MAX_BODY (whole-graph exports) are streamed
as they come, without an ETag, and not kept.

When answers are forgotten:
- after any write through this API (POST, PUT, PATCH, DELETE under /api/v1), whatever its outcome;
- when the graph's stamp (the named query `graph_generation`: the store's write counter, bumped by every write
  transaction, the change feed's latest entry and the document count; no clock) changes.
  The stamp is read at most once per `KG_CACHE_CHECK_SECONDS`, so a load by another process (`kg load`) is
  seen within that time; 0 reads it before every request;
- when the stamp cannot be read, or a request has just met a store outage: then requests go through and answer
  as the store does (503) until it is back.
`KG_CACHE_ENTRIES=0` turns the cache off.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.errors import GraphError, StoreUnavailable

if TYPE_CHECKING:
    from api.asgi import ASGIApp, Message, Receive, Scope, Send
    from api.deps import StoreHolder

log = logging.getLogger(__name__)

MAX_BODY = 2_000_000  # larger answers (whole-graph exports) are not kept
MAX_TOTAL_BYTES = 256_000_000  # and the kept bodies together stay under this, whatever KG_CACHE_ENTRIES says
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass(frozen=True)
class Entry:
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


NO_STORE = (b"cache-control", b"no-store")


class ResponseCache:
    def __init__(self, app: ASGIApp, holder: StoreHolder, *, entries: int, check_seconds: float,
                 prefix: str = "/api/v1", uncached: tuple[str, ...] = ("/health", "/ready"),
                 max_bytes: int = MAX_TOTAL_BYTES, max_age: int = 60) -> None:
        self.app = app
        self.holder = holder
        self.cache_control = f"public, max-age={max_age}".encode()
        self.max_entries = entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self.check_seconds = check_seconds
        self.prefix = prefix
        self.uncached = {prefix + p for p in uncached}
        self._entries: OrderedDict[bytes, Entry] = OrderedDict()
        self._epoch = 0  # bumped on every clear: an answer computed across a clear is not kept
        self._stamp: tuple[Any, ...] | None = None
        self._checked_at = float("-inf")
        self._lock = asyncio.Lock()

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0
        self._epoch += 1

    def __len__(self) -> int:
        return len(self._entries)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        if path in self.uncached:
            await self.app(scope, receive, _with_headers(send, [NO_STORE]))
            return
        method = scope["method"]
        if method in WRITE_METHODS:
            try:
                await self.app(scope, receive, _with_headers(send, [NO_STORE]))
            finally:
                self.clear()
            return
        if method != "GET":
            await self.app(scope, receive, send)
            return
        if self.max_entries <= 0 or not await self._fresh():
            await self._fill(scope, receive, send, None)
            return
        key = path.encode("utf-8") + b"?" + scope.get("query_string", b"")
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
            await self._answer(scope, send, entry)
            return
        await self._fill(scope, receive, send, key)

    async def _fresh(self) -> bool:
        """Forget everything if the graph changed since the last look; False when the store cannot say."""
        if self.holder.suspect:  # a request just met an outage: answer as the store does until it is back
            self.clear()
            self._checked_at = float("-inf")
            return False
        if time.monotonic() - self._checked_at < self.check_seconds:
            return True
        async with self._lock:  # one stamp query at a time; requests queued behind it reuse its answer
            if time.monotonic() - self._checked_at < self.check_seconds and self.check_seconds > 0:
                return True
            try:
                store = await self.holder.get()
                rows = await store.arun("graph_generation")
            except GraphError as e:
                log.debug("cache bypassed, graph stamp unreadable: %s", e)
                if isinstance(e, StoreUnavailable):
                    self.holder.mark_down()  # requests probe first (fast) and an attached store is looked for
                self.clear()
                self._stamp = None
                self._checked_at = float("-inf")
                return False
            stamp = tuple(rows[0].values()) if rows else ()
            if stamp != self._stamp:
                self.clear()
                self._stamp = stamp
            self._checked_at = time.monotonic()
            return True

    async def _answer(self, scope: Scope, send: Send, entry: Entry) -> None:
        if _matches(scope, entry.etag):
            await self._not_modified(send, entry.etag, b"hit")
            return
        await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
        await send({"type": "http.response.body", "body": entry.body})

    async def _not_modified(self, send: Send, etag: bytes, cache: bytes) -> None:
        await send({"type": "http.response.start", "status": 304,
                    "headers": [(b"etag", etag), (b"cache-control", self.cache_control), (b"x-cache", cache)]})
        await send({"type": "http.response.body", "body": b""})

    async def _fill(self, scope: Scope, receive: Receive, send: Send, key: bytes | None) -> None:
        """Run the route and hold its answer until it is complete, so that a 200 goes out with its ETag (or as 304
        when the client has it already); kept in the cache when `key` is given. An error goes out at once with
        `no-store`; an answer that grows past MAX_BODY is streamed on without an ETag and not kept."""
        epoch = self._epoch
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        streaming = False
        marker = [(b"x-cache", b"miss")] if key is not None else []

        async def capture(message: Message) -> None:
            nonlocal start, size, streaming
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in (b"etag", b"x-cache")]
                if message["status"] != 200:
                    streaming = True
                    await send({**message, "headers": [*headers, NO_STORE, *marker]})
                    return
                start = {**message, "headers": headers}
                return
            if message["type"] != "http.response.body" or streaming:
                await send(message)
                return
            assert start is not None
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > MAX_BODY:  # too large to hold: send what we have, then stream the rest
                streaming = True
                await send({**start, "headers": [*start["headers"], (b"cache-control", self.cache_control),
                                                 *marker]})
                await send({"type": "http.response.body", "body": b"".join(chunks),
                            "more_body": message.get("more_body", False)})
                chunks.clear()
                return
            if not message.get("more_body", False):
                await self._complete(scope, send, start, b"".join(chunks), key, epoch, marker)

        await self.app(scope, receive, capture)

    async def _complete(self, scope: Scope, send: Send, start: Message, body: bytes, key: bytes | None,
                        epoch: int, marker: list[tuple[bytes, bytes]]) -> None:
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        headers = [*start["headers"], (b"etag", etag), (b"cache-control", self.cache_control)]
        if _matches(scope, etag):
            await self._not_modified(send, etag, b"miss" if key is not None else b"")
        else:
            await send({**start, "headers": [*headers, *marker]})
            await send({"type": "http.response.body", "body": body})
        if key is None or epoch != self._epoch:
            return
        if (old := self._entries.pop(key, None)) is not None:
            self.bytes -= len(old.body)
        self._entries[key] = Entry([*headers, (b"x-cache", b"hit")], body, etag)
        self.bytes += len(body)
        while self._entries and (len(self._entries) > self.max_entries or self.bytes > self.max_bytes):
            _, evicted = self._entries.popitem(last=False)  # least recently used first
            self.bytes -= len(evicted.body)


def _with_headers(send: Send, extra: list[tuple[bytes, bytes]]) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            names = {k.lower() for k, _ in extra}
            kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
            message = {**message, "headers": [*kept, *extra]}
        await send(message)

    return wrapped


def _opaque(tag: bytes) -> bytes:
    """An entity tag without its weakness mark: If-None-Match compares weakly (RFC 9110 13.1.2)."""
    tag = tag.strip()
    return tag[2:] if tag[:2] in (b"W/", b"w/") else tag


def _matches(scope: Scope, etag: bytes) -> bool:
    """Does the request's If-None-Match name this answer (weakly), or say `*`?"""
    for k, v in scope.get("headers", ()):
        if k == b"if-none-match":
            tags = {_opaque(t) for t in v.split(b",")}
            return b"*" in tags or _opaque(etag) in tags
    return False
