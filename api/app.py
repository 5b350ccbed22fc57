"""The API application: one factory, one lifespan, one error shape.

`kg serve` runs `uvicorn.run(create_app(settings), ...)`; tests pass a store they own:
`create_app(store=seeded_store)` neither opens nor closes it.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.cache import ResponseCache
from api.deps import StoreHolder
from api.disconnect import CancelOnDisconnect
from api.guard import RequestGuard, protected_routes
from api.routers import (
    changes,
    docs,
    documents,
    entities,
    graph,
    health,
    project_views,
    projects,
    queries,
    questions,
    stats,
    views,
)
from graph.documents import DocumentError
from graph.errors import GraphError, StoreUnavailable
from graph.fetch import FetchError
from graph.memory import freeze_long_lived_objects, tune_collector_for_answers
from graph.settings import Settings, get_settings
from graph.store import GraphStore

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
# The version of the HTTP contract (semantic versioning), in the OpenAPI schema's info.version: a new major version
# comes with a new path prefix (/api/v2); a minor version only adds (routes, optional parameters, fields).
API_VERSION = "1.2.0"


def error_response(status: int, code: str, message: str, detail: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "detail": jsonable_encoder(detail)}}
    return JSONResponse(body, status_code=status, headers=headers)


async def graph_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, GraphError)
    if exc.STATUS >= 500:
        log.warning("%s %s: %s", request.method, request.url.path, exc)
    if isinstance(exc, StoreUnavailable):
        request.app.state.store_holder.mark_down()
    return error_response(exc.STATUS, exc.CODE, str(exc), exc.detail)


async def document_error(request: Request, exc: Exception) -> JSONResponse:
    return error_response(422, "bad_document", str(exc))


async def fetch_error(request: Request, exc: Exception) -> JSONResponse:
    return error_response(422, "fetch_failed", str(exc))


_HTTP_CODES = {401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
               406: "not_acceptable", 413: "too_large", 415: "unsupported_media_type"}


async def http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code) or HTTPStatus(exc.status_code).phrase.lower().replace(" ", "_")
    message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    if exc.status_code == 404 and exc.detail == "Not Found":
        message = f"no such endpoint: {request.method} {request.url.path}"
    return error_response(exc.status_code, code, message, None if isinstance(exc.detail, str) else exc.detail,
                          headers=getattr(exc, "headers", None))


async def validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    detail = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
              for e in exc.errors()]
    first = detail[0] if detail else {"loc": [], "msg": "invalid request"}
    where = ".".join(str(p) for p in first["loc"])
    return error_response(422, "invalid_request", f"{where}: {first['msg']}" if where else str(first["msg"]),
                          detail)


async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal_error", "internal error; the server log has the details")


Handler = Callable[[Request, Exception], Coroutine[Any, Any, JSONResponse]]
EXCEPTION_HANDLERS: dict[int | type[Exception], Handler] = {
    GraphError: graph_error,
    FetchError: fetch_error,
    DocumentError: document_error,
    StarletteHTTPException: http_error,
    RequestValidationError: validation_error,
    Exception: unexpected_error,
}


def create_app(settings: Settings | None = None, store: GraphStore | None = None, *,
               extractor: Any = None) -> FastAPI:
    """The API over `store` (tests) or over a store this app opens and closes itself (settings).

    `extractor`: an already-loaded graph.extract.Extractor to share (tests); else loaded on first ingest."""
    settings = settings or (store.settings if store is not None else get_settings())
    holder = StoreHolder(settings, store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if holder.owned:
            await holder.open()  # in a thread: it may start the embedded JVM
            freeze_long_lived_objects()  # the app and the driver live as long as the process (see there)
            tune_collector_for_answers()  # answers build many short-lived objects (see there)
        try:
            yield
        finally:
            await holder.aclose()

    app = FastAPI(
        title="Korea–Central Asia knowledge graph",
        version=API_VERSION,
        description="Relations between Korea and the Central Asian states, extracted from documents; every "
                    "fact carries the sentences that state it. Errors always have the shape "
                    "`{\"error\": {\"code\", \"message\", \"detail\"}}`.",
        lifespan=lifespan,
        docs_url=None,  # /docs and /redoc are served by api/routers/docs.py, with no CDN
        redoc_url=None,
        exception_handlers=EXCEPTION_HANDLERS,  # type: ignore[arg-type]
    )
    app.state.settings = settings
    app.state.store_holder = holder
    app.state.extractor = extractor
    for module in (health, entities, graph, questions, projects, queries, documents, changes, stats):
        app.include_router(module.router, prefix=API_PREFIX)
    app.include_router(views.router)
    app.include_router(docs.router)
    app.include_router(project_views.router)
    app.add_middleware(ResponseCache, holder=holder, entries=settings.cache_entries,  # type: ignore[arg-type]
                       check_seconds=settings.cache_check_seconds, prefix=API_PREFIX,
                       max_age=settings.http_max_age)
    app.add_middleware(CancelOnDisconnect)  # a client that goes away cancels its request's queries
    # Outermost: writes are authenticated and bodies bounded before anything reads or parses them (api/guard.py).
    app.add_middleware(RequestGuard, settings=settings,  # type: ignore[arg-type]
                       protected=protected_routes(app))
    return app
