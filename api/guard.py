"""Bounded input before work: the outermost layer of the app, in front of routing, validation and the cache.

For every request that may carry a body (POST, PUT, PATCH, DELETE):
1. A route that needs the bearer token (the routes with the `WriteAccess` dependency) is refused (401, or 403 when
   writes are off) before a byte of the body is read: no stranger makes the server read, hold or parse anything.
2. A declared `Content-Length` over the limit (KG_MAX_BODY_BYTES) is refused (413) at once, unread.
3. The body is read here, counted as it arrives, and refused (413) as soon as it passes the limit (a chunked body
   declares no length); only then does anything parse it. The route gets the bytes read, as if from the client.

So memory per request is bounded by the limit, and the server's work on a refused request is a header lookup.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from graph.settings import Settings

if TYPE_CHECKING:
    from api.asgi import ASGIApp, Message, Receive, Scope, Send

BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class Refusal(Exception):  # noqa: N818 - an answer, not a failure
    """A request refused before its body is read: status, code, message, extra headers."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


def token_refusal(settings: Settings, authorization: str | None) -> Refusal | None:
    """Why a write is refused, or None when `authorization` carries KG_API_TOKEN (compared in constant time)."""
    if settings.api_token is None or not settings.api_token.get_secret_value():
        return Refusal(403, "forbidden", "writes are disabled on this server: set KG_API_TOKEN to enable them")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return Refusal(401, "unauthorized", "this endpoint needs 'Authorization: Bearer <token>'",
                       {"WWW-Authenticate": "Bearer"})
    expected = settings.api_token.get_secret_value().encode("utf-8")
    if not secrets.compare_digest(token.strip().encode("utf-8"), expected):
        return Refusal(401, "unauthorized", "wrong bearer token", {"WWW-Authenticate": "Bearer"})
    return None


class RequestGuard:
    def __init__(self, app: ASGIApp, *, settings: Settings, protected: Callable[[Scope], bool]) -> None:
        self.app = app
        self.settings = settings
        self.limit = settings.body_limit
        self.protected = protected

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        try:
            if self.protected(scope) and (refused := token_refusal(self.settings, headers.get("authorization"))):
                raise refused
            declared = headers.get("content-length")
            if declared is not None and (not declared.strip().isdigit() or int(declared) > self.limit):
                raise self._too_large()
            body = await self._read(receive)
        except Refusal as r:
            await _refuse(send, r)
            return
        if body is None:  # the client went away while sending
            return
        await self.app(scope, _replay(body, receive), send)

    def _too_large(self) -> Refusal:
        return Refusal(413, "too_large", f"the request body is larger than the limit of {self.limit} bytes "
                                         "(KG_MAX_BODY_BYTES)")

    async def _read(self, receive: Receive) -> bytes | None:
        """The whole body, counted while it arrives; Refusal(413) once it passes the limit."""
        parts: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                raise self._too_large()
            parts.append(chunk)
            if not message.get("more_body", False):
                return b"".join(parts)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # after the body: the disconnect, when it comes

    return replay


async def _refuse(send: Send, r: Refusal) -> None:
    body = json.dumps({"error": {"code": r.code, "message": r.message, "detail": None}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"cache-control", b"no-store"), *((k.lower().encode(), v.encode()) for k, v in r.headers.items())]
    # The unread body is left to the server, which closes the connection after this answer.
    await send({"type": "http.response.start", "status": r.status, "headers": [*headers, (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def protected_routes(app: Any) -> Callable[[Scope], bool]:
    """Does a request go to a route that needs the bearer token? The routes whose OpenAPI operation declares a
    security requirement (the `WriteAccess` dependency does), read from the app's schema when first asked, so
    every write route is covered, including ones added later."""
    patterns: list[tuple[str, re.Pattern[str]]] | None = None

    def check(scope: Scope) -> bool:
        nonlocal patterns
        if patterns is None:
            patterns = [(method.upper(), re.compile(re.sub(r"\\\{[^}]+\\\}", ".+", re.escape(path))))
                        for path, operations in app.openapi().get("paths", {}).items()
                        for method, operation in operations.items()
                        if isinstance(operation, dict) and operation.get("security")]
        return any(method == scope["method"] and pattern.fullmatch(scope["path"]) for method, pattern in patterns)

    return check
