"""Timeline and country pages: a project's life or the events between two entities on a vis-timeline, and a
country's money by year (pledged, contracted, completed) as a vis-graph2d bar chart with its projects.

The same safety as the graph views (viz/render.py): the templates are autoescaped, graph data reaches the page only
as JSON in a `<script type="application/json">` element (`safe_json`), and the browser code (kg-timeline.js) builds
every label, panel and table with textContent; timeline items get DOM elements as content, never HTML strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from graph.results import PairTimeline, ProjectPage, ProjectTimeline, TotalsAnswer
from viz.render import _env, safe_json

PageKind = Literal["project", "pair", "country"]
STAGE_COLOURS = {  # Okabe-Ito, as the graph views
    "announced": "#56B4E9", "agreed": "#0072B2", "contracted": "#009E73", "financed": "#F0E442",
    "under_construction": "#E69F00", "completed": "#117733", "suspended": "#D55E00", "cancelled": "#999999",
}
BUCKET_COLOURS = {"pledged": "#56B4E9", "contracted": "#E69F00", "completed": "#009E73", "other": "#BBBBBB"}


@dataclass(frozen=True)
class PageContext:
    kind: PageKind
    title: str
    params: dict[str, Any]
    api: dict[str, str] | None = None
    message: str | None = None


def timeline_payload(ctx: PageContext, answer: ProjectTimeline | PairTimeline | None) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": ctx.kind, "title": ctx.title, "params": ctx.params, "api": ctx.api,
                            "message": ctx.message, "stageColours": STAGE_COLOURS, "events": []}
    if answer is not None:
        data.update(answer.model_dump(mode="json"))
    return data


def country_payload(ctx: PageContext, totals: TotalsAnswer | None, projects: ProjectPage | None) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": ctx.kind, "title": ctx.title, "params": ctx.params, "api": ctx.api,
                            "message": ctx.message, "bucketColours": BUCKET_COLOURS, "stageColours": STAGE_COLOURS}
    if totals is not None:
        data["totals"] = totals.model_dump(mode="json")
    if projects is not None:
        data["projects"] = [{"id": p.project.id, "name": p.project.name, "current_stage": p.current_stage,
                             "stage_date": p.stage_date,
                             "value": p.value.money.model_dump(mode="json") if p.value else None,
                             "participants": [{"name": x.entity.name, "roles": x.roles} for x in p.participants
                                              if x.entity.type != "Location"]}
                            for p in projects.items]
        data["projectsHasMore"] = projects.has_more
    return data


def render_timeline(ctx: PageContext, payload: dict[str, Any], *, static_base: str = "/static/viz") -> str:
    """The HTML page of a timeline or country view (served assets, under the views' CSP)."""
    template = "country.html" if ctx.kind == "country" else "timeline.html"
    return _env.get_template(template).render(ctx=ctx, data_json=safe_json(payload), static_base=static_base)
