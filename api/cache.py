"""A response cache for the read API: the graph changes when documents are loaded, and is read far more often.

Pure ASGI middleware in front of the routes under /api/v1 (not health or readiness, which must reflect the
store now). A GET answered 200 is kept, body and headers, keyed by path and query string, in a bounded LRU; the
same GET is then answered from memory with no routing, validation, query or serialisation. Cached answers carry
an `ETag`, and a request with a matching `If-None-Match` gets 304.

When answers are forgotten:
- after any write through this API (POST, PUT, PATCH, DELETE under /api/v1), whatever its outcome;
- when the graph's stamp (the named query `graph_generation`: document count and latest load time) changes.
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

from graph.errors import GraphError

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, MutableMapping

    from api.deps import StoreHolder

    Scope = MutableMapping[str, Any]
    Message = MutableMapping[str, Any]
    Receive = Callable[[], Awaitable[Message]]
    Send = Callable[[Message], Awaitable[None]]
    ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger(__name__)

MAX_BODY = 2_000_000  # larger answers (whole-graph exports) are not kept
MAX_TOTAL_BYTES = 256_000_000  # and the kept bodies together stay under this, whatever KG_CACHE_ENTRIES says
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass(frozen=True)
class Entry:
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


class ResponseCache:
    def __init__(self, app: ASGIApp, holder: StoreHolder, *, entries: int, check_seconds: float,
                 prefix: str = "/api/v1", uncached: tuple[str, ...] = ("/health", "/ready"),
                 max_bytes: int = MAX_TOTAL_BYTES) -> None:
        self.app = app
        self.holder = holder
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
        if (scope["type"] != "http" or self.max_entries <= 0 or not path.startswith(self.prefix)
                or path in self.uncached):
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method in WRITE_METHODS:
            try:
                await self.app(scope, receive, send)
            finally:
                self.clear()
            return
        if method != "GET":
            await self.app(scope, receive, send)
            return
        if not await self._fresh():
            await self.app(scope, receive, send)
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
        if entry.etag in _if_none_match(scope):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(b"etag", entry.etag), (b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
        await send({"type": "http.response.body", "body": entry.body})

    async def _fill(self, scope: Scope, receive: Receive, send: Send, key: bytes) -> None:
        epoch = self._epoch
        status = 0
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def capture(message: Message) -> None:
            nonlocal status, headers, size, keep
            if message["type"] == "http.response.start":
                status = message["status"]
                keep = status == 200
                headers = list(message.get("headers", []))
                message = {**message, "headers": [*headers, (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body" and keep:
                body = message.get("body", b"")
                size += len(body)
                if size > MAX_BODY:
                    keep = False
                    chunks.clear()
                else:
                    chunks.append(body)
            await send(message)

        await self.app(scope, receive, capture)
        if not keep or status != 200 or epoch != self._epoch:
            return
        body = b"".join(chunks)
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        kept = [(k, v) for k, v in headers if k.lower() not in (b"etag", b"x-cache")]
        if (old := self._entries.pop(key, None)) is not None:
            self.bytes -= len(old.body)
        self._entries[key] = Entry([*kept, (b"etag", etag), (b"x-cache", b"hit")], body, etag)
        self.bytes += len(body)
        while self._entries and (len(self._entries) > self.max_entries or self.bytes > self.max_bytes):
            _, evicted = self._entries.popitem(last=False)  # least recently used first
            self.bytes -= len(evicted.body)


def _if_none_match(scope: Scope) -> set[bytes]:
    for k, v in scope.get("headers", ()):
        if k == b"if-none-match":
            return {t.strip() for t in v.split(b",")}
    return set()
