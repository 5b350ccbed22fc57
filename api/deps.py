"""What routes receive as annotated dependencies: the store, the settings, the extractor, the write check."""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from graph.errors import StoreUnavailable
from graph.settings import Settings
from graph.store import GraphStore

if TYPE_CHECKING:
    from graph.extract import Extractor

log = logging.getLogger(__name__)

REOPEN_INTERVAL = 5.0  # seconds between attempts to open a store that failed to open


class StoreHolder:
    """The app's store. Opened by the lifespan unless one was handed in; if opening fails (the server is
    down at start-up), requests answer 503 and retry the open now and then, so the service recovers alone.
    Once open, the driver itself reconnects after an outage: no dead state is cached here."""

    def __init__(self, settings: Settings, store: GraphStore | None = None) -> None:
        self.settings = settings
        self.store = store
        self.owned = store is None
        self._lock = asyncio.Lock()
        self._last_attempt = 0.0
        self._last_error: Exception | None = None
        self._suspect = False

    async def open(self) -> None:
        self._last_attempt = time.monotonic()
        try:
            self.store = await asyncio.to_thread(self._open)
        except StoreUnavailable as e:
            self._last_error = e
            log.warning("graph store not available, will retry: %s", e)

    def _open(self) -> GraphStore:
        return GraphStore(self.settings).open()

    def mark_down(self) -> None:
        """Called when a request met an outage: later requests check connectivity first (a fast probe)
        instead of each waiting out the driver's retries, until the store answers again."""
        self._suspect = True

    @property
    def suspect(self) -> bool:
        """A request met an outage and no request has reached the store since."""
        return self._suspect or self.store is None

    async def get(self) -> GraphStore:
        if self.store is not None:
            if self._suspect:
                await probe(self.store)
                self._suspect = False
            return self.store
        async with self._lock:
            if self.store is None and self.owned and time.monotonic() - self._last_attempt >= REOPEN_INTERVAL:
                await self.open()
        if self.store is None:
            raise StoreUnavailable(f"the graph store is not open: {self._last_error or 'not started'}")
        return self.store

    async def aclose(self) -> None:
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
    """Writes need `Authorization: Bearer <KG_API_TOKEN>`; with no token configured, writes are off."""
    if settings.api_token is None or not settings.api_token.get_secret_value():
        raise HTTPException(status.HTTP_403_FORBIDDEN,
                            "writes are disabled on this server: set KG_API_TOKEN to enable them")
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "this endpoint needs 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    expected = settings.api_token.get_secret_value().encode("utf-8")
    if not secrets.compare_digest(credentials.credentials.encode("utf-8"), expected):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong bearer token",
                            headers={"WWW-Authenticate": "Bearer"})


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ExtractorDep = Annotated[Any, Depends(get_extractor)]
WriteAccess = Depends(require_token)
