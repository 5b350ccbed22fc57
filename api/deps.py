"""What routes receive as annotated dependencies: the store, the settings, the extractor, the write check."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.guard import token_refusal
from graph.errors import GraphError, StoreUnavailable
from graph.settings import Settings
from graph.store import GraphStore

if TYPE_CHECKING:
    from graph.extract import Extractor

log = logging.getLogger(__name__)

REOPEN_INTERVAL = 5.0  # seconds between attempts to open a store that failed to open


class StoreHolder:
    """The app's store. Opened by the lifespan unless one was handed in; if opening fails (the server is
    down at start-up, the data directory is read-only or full), requests answer 503 and retry the open now and
    then, so the service recovers alone. Once open, the driver itself reconnects after an outage; attached to
    another process's embedded store, a failed probe also starts, in the background, a look for where the store is
    now (GraphStore.follow_owner: the owner's new port, or taking over as owner), while requests answer 503."""

    def __init__(self, settings: Settings, store: GraphStore | None = None) -> None:
        self.settings = settings
        self.store = store
        self.owned = store is None
        self._lock = asyncio.Lock()
        self._last_attempt = 0.0
        self._last_error: Exception | None = None
        self._suspect = False
        self._follow: asyncio.Task[None] | None = None

    async def open(self) -> None:
        self._last_attempt = time.monotonic()
        try:
            self.store = await asyncio.to_thread(self._open)
        except StoreUnavailable as e:
            self._last_error = e
            log.warning("graph store not available, will retry: %s", e)

    def _open(self) -> GraphStore:
        return GraphStore(self.settings, follow_inline=False).open()

    def mark_down(self) -> None:
        """Called when a request met an outage: later requests check connectivity first (a fast probe)
        instead of each waiting out the driver's retries, until the store answers again; attached to another
        process's store, look for where it is now at once."""
        self._suspect = True
        if self.store is not None:
            self._follow_owner(self.store)

    @property
    def suspect(self) -> bool:
        """A request met an outage and no request has reached the store since."""
        return self._suspect or self.store is None

    async def get(self) -> GraphStore:
        if self.store is not None:
            if self._suspect:
                try:
                    await probe(self.store)
                except StoreUnavailable:
                    self._follow_owner(self.store)
                    raise
                self._suspect = False
            return self.store
        async with self._lock:
            if self.store is None and self.owned and time.monotonic() - self._last_attempt >= REOPEN_INTERVAL:
                await self.open()
        if self.store is None:
            raise StoreUnavailable(f"the graph store is not open: {self._last_error or 'not started'}")
        return self.store

    def _follow_owner(self, store: GraphStore) -> None:
        """Look for the store's owner in the background (one look at a time), when attached to one."""
        if not store.attached or (self._follow is not None and not self._follow.done()):
            return

        async def follow() -> None:
            try:
                await asyncio.to_thread(store.follow_owner)
                await store.aclose_stale()
            except GraphError as e:
                log.warning("graph store still unavailable: %s", e)

        self._follow = asyncio.create_task(follow())

    async def aclose(self) -> None:
        if self._follow is not None and not self._follow.done():
            self._follow.cancel()  # the thread finishes its look on its own
        if self.owned and self.store is not None:
            await self.store.aclose()
            self.store = None


async def probe(store: GraphStore) -> None:
    """Connectivity only, no retries: raises StoreUnavailable at once when the server is down."""
    await store.averify()


async def get_store(request: Request) -> GraphStore:
    holder: StoreHolder = request.app.state.store_holder
    return await holder.get()


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


_extractor_lock = asyncio.Lock()


async def get_extractor(request: Request) -> Extractor:
    """The extraction pipeline, loaded once per app on first use (loading spaCy takes seconds)."""
    state: Any = request.app.state
    if state.extractor is None:
        async with _extractor_lock:
            if state.extractor is None:
                from graph.extract import Extractor

                state.extractor = await asyncio.to_thread(Extractor)
    extractor: Extractor = state.extractor
    return extractor


_bearer = HTTPBearer(auto_error=False, description="KG_API_TOKEN, for write endpoints")


def require_token(
    settings: Annotated[Settings, Depends(get_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Writes need `Authorization: Bearer <KG_API_TOKEN>`; with no token configured, writes are off. The app's
    RequestGuard (api/guard.py) applies the same check to these routes before their body is read; this one keeps
    the routes safe on their own and declares the scheme in the OpenAPI schema."""
    header = f"{credentials.scheme} {credentials.credentials}" if credentials is not None else None
    refused = token_refusal(settings, header)
    if refused is not None:
        raise HTTPException(refused.status, refused.message, headers=refused.headers or None)


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ExtractorDep = Annotated[Any, Depends(get_extractor)]
WriteAccess = Depends(require_token)
