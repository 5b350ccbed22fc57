"""A request whose client goes away stops.

Pure ASGI middleware, outermost: it runs the rest of the app for a GET or HEAD in a task of its own and watches the
connection meanwhile; when the client disconnects before the answer is complete, the task is cancelled. The store
query the request was waiting for is then terminated in the store (graph/store.py `_timed`), instead of computing
an answer nobody will read. The same for the named-query runner (a POST, read-only by construction). Writes run to
their end: a write half done is not cancelled.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from api.asgi import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)


def _reads_only(scope: Scope) -> bool:
    method = scope.get("method")
    return method in ("GET", "HEAD") or (method == "POST" and str(scope.get("path", "")).endswith("/run")
                                          and "/queries/" in str(scope.get("path", "")))


class CancelOnDisconnect:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _reads_only(scope):
            await self.app(scope, receive, send)
            return
        inbox: asyncio.Queue[Message] = asyncio.Queue()
        done = False

        async def app_receive() -> Message:
            return await inbox.get()

        async def app_send(message: Message) -> None:
            nonlocal done
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                done = True
            await send(message)

        async def watch() -> None:
            while True:
                message = await receive()
                await inbox.put(message)  # the app sees what the client sent, the disconnect included
                if message["type"] == "http.disconnect":
                    return

        handler = asyncio.ensure_future(self.app(scope, app_receive, app_send))
        watcher = asyncio.ensure_future(watch())
        try:
            await asyncio.wait({handler, watcher}, return_when=asyncio.FIRST_COMPLETED)
            if not handler.done() and not done:
                log.info("client went away: %s %s cancelled", scope.get("method"), scope.get("path"))
                handler.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await handler
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
            if not handler.done():
                handler.cancel()
