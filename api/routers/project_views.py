"""The timeline and country pages: a project's life or the events between two entities on a timeline, and a
country's money by year beside its projects. Same Content-Security-Policy and escaping as the graph views
(api/routers/views.py, viz/render.py); the page code calls no API, it only links to documents and other pages."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from api.deps import StoreDep
from api.params import AsOf, MinConfidence, Since, Until
from api.routers.views import SECURITY_HEADERS, api_routes, filter_params, window
from graph import projects, service
from graph.errors import GraphError
from graph.store import GraphStore
from viz.subgraphs import fact_filter
from viz.timeline import PageContext, PageKind, country_payload, render_timeline, timeline_payload

router = APIRouter(include_in_schema=False)

Text = Annotated[str | None, Query(max_length=300)]
PAGE_ROUTES = {"pages_timeline": "/view/timeline", "pages_country": "/view/country",
               "project_timeline": "/view/timeline?project={id}",
               "pair_timeline": "/view/timeline?source={source}&target={target}"}


def _html(text: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status_code, headers=SECURITY_HEADERS)


@router.get("/view/timeline", response_class=HTMLResponse)
async def timeline_page(request: Request, store: StoreDep, project: Text = None, source: Text = None,
                        target: Text = None,
                        min_confidence: MinConfidence = 0.0, as_of: AsOf = None, since: Since = None,
                        until: Until = None) -> HTMLResponse:
    """A project's timeline (`project`), or the timeline of two entities (`source`, `target`)."""
    params = {"project": project, "source": source, "target": target,
              **filter_params(min_confidence, as_of, since, until)}
    kind: PageKind = "project" if project else "pair"
    title = "Project timeline" if project else "Timeline of two entities"
    api = {**api_routes(request), **PAGE_ROUTES}
    ctx = PageContext(kind, title, params, api)
    try:
        facts = fact_filter(params)
        params.update(window(facts))
        answer: Any = None
        if project:
            answer = await projects.project_timeline(store, project, facts=facts)
        elif source and target:
            answer = await projects.pair_timeline(store, source, target, facts=facts,
                                                  limit=projects.MAX_TIMELINE_PAGE)
        return _html(render_timeline(ctx, timeline_payload(ctx, answer)))
    except GraphError as e:
        ctx = PageContext(kind, title, params, api, str(e))
        return _html(render_timeline(ctx, timeline_payload(ctx, None)), e.STATUS)


async def _country(store: GraphStore, country: str, facts: service.FactFilter) -> tuple[Any, Any]:
    totals = await projects.totals(store, country=country, facts=facts)
    listed = await projects.list_projects(store, country, limit=service.MAX_PAGE, facts=facts)
    return totals, listed


@router.get("/view/country", response_class=HTMLResponse)
async def country_page(request: Request, store: StoreDep, id: Text = None,  # noqa: A002 - the views' name for it
                       min_confidence: MinConfidence = 0.0, as_of: AsOf = None, since: Since = None,
                       until: Until = None) -> HTMLResponse:
    """A country's money by year (pledged, contracted, completed, each amount once) and its projects."""
    params = {"id": id, **filter_params(min_confidence, as_of, since, until)}
    api = {**api_routes(request), **PAGE_ROUTES}
    ctx = PageContext("country", "Country", params, api)
    try:
        facts = fact_filter(params)
        params.update(window(facts))
        if not id:
            return _html(render_timeline(ctx, country_payload(ctx, None, None)))
        totals, listed = await _country(store, id, facts)
        return _html(render_timeline(ctx, country_payload(ctx, totals, listed)))
    except GraphError as e:
        ctx = PageContext("country", "Country", params, api, str(e))
        return _html(render_timeline(ctx, country_payload(ctx, None, None)), e.STATUS)
