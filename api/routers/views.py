"""The browser views: HTML pages drawing graph answers, and the static files they load.

Pages are built by viz/ from graph.service answers; the browser code then calls the JSON API (search,
neighbourhood, documents) for suggestions, expansion and evidence links. Every page carries a strict
Content-Security-Policy: scripts and styles only from this app, no inline script, no request elsewhere.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import NoMatchFound

from api.deps import StoreDep
from api.params import AsOf, MinConfidence, Since, Until
from graph import schema, service
from graph.errors import GraphError
from graph.results import PathMode
from graph.service import (
    MAX_DEPTH,
    MAX_EDGES_PAGE,
    MAX_FIRMS_PAGE,
    MAX_MINERAL_HOPS,
    MAX_PATH_LEN,
    MAX_PATHS_PAGE,
    FactFilter,
)
from viz.render import (
    STATIC_DIR,
    STATIC_FILES,
    ViewContext,
    ViewKind,
    ViewTooLarge,
    render_document_page,
    render_page,
)
from viz.subgraphs import Built, entity_view, fact_filter, mineral_view, path_view

router = APIRouter(include_in_schema=False)

STATIC_PREFIX = "/static/viz"

# The routes the browser code calls; `{name}` slots are filled (URL-encoded) in the browser. The JSON API
# paths are looked up by route name on the app (so a prefix there is followed), these are the fallbacks.
API_ROUTES = {
    "search": "/entities?q={q}&limit=10",
    "neighbourhood": "/entities/{id}/neighbourhood?depth={depth}&limit=100",
    "entity": "/entities/{id}",
    "document": "/documents/{doc_id}",
    "entity_page": "/view/entity?id={id}",
    "reader": "/view/document?id={doc_id}",
    "pages_explore": "/view",
    "pages_path": "/view/path",
    "pages_mineral": "/view/mineral",
}
_API_ROUTE_NAMES = {
    "search": ("search", {}, "?q={q}&limit=10"),
    "neighbourhood": ("neighbourhood", {"entity_id": "{id}"}, "?depth={depth}&limit=100"),
    "entity": ("entity", {"entity_id": "{id}"}, ""),
    "document": ("document", {"doc_id": "{doc_id}"}, ""),
}


def api_routes(request: Request) -> dict[str, str]:
    routes = dict(API_ROUTES)
    for key, (name, path_params, query) in _API_ROUTE_NAMES.items():
        try:
            path = request.app.url_path_for(name, **path_params)
        except NoMatchFound:
            continue
        # url_path_for percent-encodes the braces of our placeholders; put them back.
        routes[key] = str(path).replace("%7B", "{").replace("%7D", "}") + query
    return routes


CSP = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
_MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def _page(html: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)


async def _view(request: Request, kind: ViewKind, title: str, params: dict[str, Any],
                build: Callable[[FactFilter], Awaitable[Built]] | None) -> HTMLResponse:
    """Render a view; graph errors (a date window the API refuses too), and oversized views, become a page with a
    polite message. A window given as a year or month is shown as the days it stands for (`since=2015`:
    2015-01-01), so the form's date fields hold it and carry it on."""
    api = api_routes(request)
    try:
        facts = fact_filter(params)
        params.update(window(facts))
        if build is None:
            return _page(render_page(None, ViewContext(kind, title, params, api)))
        built = await build(facts)
        ctx = ViewContext(kind, built.title, params, api, answer=built.answer)
        return _page(render_page(built.sub, ctx, focus=built.focus))
    except ViewTooLarge as e:
        return _page(render_page(None, ViewContext(kind, title, params, api, str(e))), 413)
    except GraphError as e:
        return _page(render_page(None, ViewContext(kind, title, params, api, str(e))), e.STATUS)


def window(facts: FactFilter) -> dict[str, str | None]:
    """The date window of an answer filter as the days it stands for, for a page's form and URL state."""
    return {"since": facts.since.isoformat() if facts.since else None,
            "until": facts.until.isoformat() if facts.until else None}


# The answer filters are the API's own parameters (api/params.py): the same checks, the same error messages.
LayoutParam = Annotated[Literal["force", "radial", "hierarchical", "server"] | None, Query(
    description="force-directed, radial around the focus, or hierarchical (levels by distance from it)")]
# The rest of a view's URL state is the browser's own (kg-view.js): `select` (a node or fact id), `open` (expanded
# clusters), `hide` (node and relationship types hidden), `expand` (nodes whose neighbours were added).


def filter_params(min_confidence: float, as_of: date | None, since: str | None, until: str | None) -> dict[str, Any]:
    """The answer filters as URL state and page parameters (viz.subgraphs.fact_filter reads them back)."""
    return {"min_confidence": min_confidence, "as_of": as_of.isoformat() if as_of else None,
            "since": since or None, "until": until or None}


def _facts(min_confidence: float, as_of: date | None, since: str | None, until: str | None,
           layout: str | None = None) -> dict[str, Any]:
    """The answer filters and the layout as URL state and view parameters."""
    return {**filter_params(min_confidence, as_of, since, until), "layout": layout}


def _types(raw: list[str] | None, known: tuple[str, ...]) -> list[str]:
    """Filter values from a query string (repeated or comma-separated), unknown ones dropped."""
    values = [v.strip() for item in raw or [] for v in item.split(",")]
    return [v for v in values if v in known]


# ------------------------------------------------------------------------------------------------ pages


@router.get("/view", response_class=HTMLResponse)
async def explorer(
    request: Request,
    q: Annotated[str | None, Query(max_length=200)] = None,
    id: Annotated[str | None, Query(max_length=500)] = None,
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 1,
    min_confidence: MinConfidence = 0.0,
    as_of: AsOf = None,
    since: Since = None,
    until: Until = None,
    layout: LayoutParam = None,
) -> HTMLResponse:
    """Search box with suggestions; picking an entity draws its neighbourhood in place."""
    return await _view(request, "explore", "Explorer",
                       {"q": q, "id": id, "depth": depth, **_facts(min_confidence, as_of, since, until, layout)}, None)


@router.get("/view/entity", response_class=HTMLResponse)
async def entity_page(
    request: Request,
    store: StoreDep,
    id: Annotated[str | None, Query(max_length=500, description="entity id, name or alias")] = None,
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 1,
    rel_types: Annotated[list[str] | None, Query()] = None,
    node_types: Annotated[list[str] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_EDGES_PAGE, description="most edges drawn")] = 300,
    min_confidence: MinConfidence = 0.0,
    as_of: AsOf = None,
    since: Since = None,
    until: Until = None,
    layout: LayoutParam = None,
) -> HTMLResponse:
    """An entity's neighbourhood to a chosen depth."""
    rels, labels = _types(rel_types, schema.RELATION_NAMES), _types(node_types, schema.ENTITY_LABELS)
    params = {"id": id, "depth": depth, "rel_types": rels, "node_types": labels, "limit": limit,
              **_facts(min_confidence, as_of, since, until, layout)}
    if not id:
        return await _view(request, "entity", "Entity view", params, None)
    return await _view(request, "entity", "Entity view", params,
                       lambda facts: entity_view(store, id, depth, rels, labels, limit, facts))


@router.get("/view/path", response_class=HTMLResponse)
async def path_page(
    request: Request,
    store: StoreDep,
    source: Annotated[str | None, Query(max_length=500, description="entity id, name or alias")] = None,
    target: Annotated[str | None, Query(max_length=500, description="entity id, name or alias")] = None,
    max_len: Annotated[int, Query(ge=1, le=MAX_PATH_LEN)] = 4,
    limit: Annotated[int, Query(ge=1, le=MAX_PATHS_PAGE)] = 10,
    mode: Annotated[PathMode, Query(description="shortest paths only, or all up to max_len")] = "shortest",
    min_confidence: MinConfidence = 0.0,
    as_of: AsOf = None,
    since: Since = None,
    until: Until = None,
    layout: LayoutParam = None,
) -> HTMLResponse:
    """The paths between two entities: the shortest, or all up to a length; drawn and listed."""
    params = {"source": source, "target": target, "max_len": max_len, "limit": limit, "mode": mode,
              **_facts(min_confidence, as_of, since, until, layout)}
    if not source or not target:
        return await _view(request, "path", "Path view", params, None)
    return await _view(request, "path", "Path view", params,
                       lambda facts: path_view(store, source, target, max_len, limit, facts, mode))


@router.get("/view/mineral", response_class=HTMLResponse)
async def mineral_page(
    request: Request,
    store: StoreDep,
    mineral: Annotated[str | None, Query(max_length=200, description="mineral id or name")] = None,
    country: Annotated[str | None, Query(max_length=200, description="country id or name; empty: any")
                       ] = None,
    max_hops: Annotated[int, Query(ge=1, le=MAX_MINERAL_HOPS)] = 2,
    limit: Annotated[int, Query(ge=1, le=MAX_FIRMS_PAGE, description="most firms drawn")] = 50,
    min_confidence: MinConfidence = 0.0,
    as_of: AsOf = None,
    since: Since = None,
    until: Until = None,
    layout: LayoutParam = None,
) -> HTMLResponse:
    """Which firms (of a country) touch a mineral: a ranked table, and the union of their paths drawn."""
    params = {"mineral": mineral, "country": country, "max_hops": max_hops, "limit": limit,
              **_facts(min_confidence, as_of, since, until, layout)}
    if not mineral:
        return await _view(request, "mineral", "Firms touching a mineral", params, None)
    return await _view(request, "mineral", "Firms touching a mineral", params,
                       lambda facts: mineral_view(store, mineral, country or None, max_hops, limit, facts))


@router.get("/view/document", response_class=HTMLResponse)
async def document_page(
    request: Request,
    store: StoreDep,
    id: Annotated[str | None, Query(max_length=300, description="document id")] = None,
    fact: Annotated[str | None, Query(max_length=700, description="an edge id whose sentences to mark")] = None,
) -> HTMLResponse:
    """The document reader: header fields, source URL and licence, the text with every extracted fact's sentence
    highlighted (the `fact` asked for marked and scrolled to), and the facts beside it."""
    api = api_routes(request)
    params = {"id": id, "fact": fact}
    if not id:
        return _page(render_document_page(None, ViewContext("document", "Document", params, api,
                                                            "Name a document: /view/document?id=doc:...")), 422)
    try:
        doc = await service.document_detail(store, id)
    except GraphError as e:
        return _page(render_document_page(None, ViewContext("document", "Document", params, api, str(e))),
                     e.STATUS)
    return _page(render_document_page(doc, ViewContext("document", doc.title or doc.id, params, api)))


@router.get("/", include_in_schema=False)
async def root() -> RedirectResponse:
    """The app's front door is the explorer."""
    return RedirectResponse("/view", status_code=307)


@router.get("/view/", include_in_schema=False)
async def explorer_slash() -> RedirectResponse:
    return RedirectResponse("/view", status_code=308)


# ------------------------------------------------------------------------------------------------ static


@router.get(STATIC_PREFIX + "/{name}")
async def static_file(name: str) -> Response:
    """The views' scripts and styles (vis-network included): a fixed list, nothing else is served."""
    if name not in STATIC_FILES:
        return Response("not found", status_code=404, media_type="text/plain")
    path = STATIC_DIR / name
    headers = {"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"}
    return FileResponse(path, media_type=_MEDIA_TYPES[path.suffix], headers=headers)
