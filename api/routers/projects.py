"""Projects from pledge to delivery: the list with stages, values and roles; a project's timeline; the timeline of
two entities; stalled pledges; sums of money by country and year."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import StoreDep
from api.models import ModelResponse, errors
from api.params import Cursor, Facts
from graph import projects, schema, service
from graph.results import PairTimeline, ProjectPage, ProjectTimeline, StalledAnswer, TotalsAnswer

router = APIRouter(tags=["projects"])

Country = Annotated[str | None, Query(min_length=1, max_length=200, description="Country id, name or alias",
                                      examples=["Kazakhstan"])]
Stage = Annotated[str | None, Query(pattern="^(" + "|".join(schema.PROJECT_STAGES) + ")$",
                                    description="Only projects whose current stage is this: "
                                                + ", ".join(schema.PROJECT_STAGES))]
Offset = Annotated[int, Query(ge=0, le=100_000, description="Items skipped")]


@router.get("/projects", response_model=ProjectPage, responses=errors(404),
            summary="Projects, by name, each with its current stage, value, participants and roles, stages and facts")
async def list_projects(
    store: StoreDep,
    facts: Facts,
    country: Country = None,
    firm: Annotated[str | None, Query(min_length=1, max_length=300, description="Only projects this firm or "
                                      "organization takes part in (id, name or alias)", examples=["KEPCO"])] = None,
    sector: Annotated[str | None, Query(min_length=1, max_length=200, description="Only projects in this sector (id, "
                                        "name or alias)", examples=["tobacco"])] = None,
    stage: Stage = None,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=service.MAX_PAGE, description="Most projects in one page")] = 20,
    cursor: Cursor = None,
) -> ModelResponse:
    return ModelResponse(await projects.list_projects(store, country, firm=firm, sector=sector, stage=stage,
                                                      offset=offset, limit=limit, facts=facts, cursor=cursor))


@router.get("/projects/{project_id}/timeline", response_model=ProjectTimeline, responses=errors(404),
            summary="A project's life: its stages as dated events with amounts and sentences, current stage, value")
async def project_timeline(
    store: StoreDep,
    project_id: Annotated[str, Path(min_length=1, max_length=300, description="Project id, name or alias",
                                    examples=["project:balkhash-power-plant"])],
    facts: Facts,
) -> ModelResponse:
    return ModelResponse(await projects.project_timeline(store, project_id, facts=facts))


@router.get("/timeline", response_model=PairTimeline, responses=errors(404),
            summary="The dated events between two entities (e.g. Korea and Uzbekistan), oldest first, one page")
async def pair_timeline(
    store: StoreDep,
    source: Annotated[str, Query(min_length=1, max_length=300, description="Entity id, name or alias (one of the "
                                 "two; the order does not matter)", examples=["Korea"])],
    target: Annotated[str, Query(min_length=1, max_length=300, description="Entity id, name or alias (the other)",
                                 examples=["Uzbekistan"])],
    facts: Facts,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=projects.MAX_TIMELINE_PAGE, description="Most events in one page")] = 200,
    cursor: Cursor = None,
) -> ModelResponse:
    return ModelResponse(await projects.pair_timeline(store, source, target, facts=facts, offset=offset, limit=limit,
                                                      cursor=cursor))


@router.get("/questions/stalled-projects", response_model=StalledAnswer, responses=errors(404),
            summary="Stalled pledges: projects still announced or agreed after `years` years, or suspended")
async def stalled_projects(
    store: StoreDep,
    facts: Facts,
    years: Annotated[int, Query(ge=1, le=projects.MAX_STALLED_YEARS, description="How old a pledge must be")] = 3,
    country: Country = None,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=service.MAX_PAGE, description="Most projects in one page")] = 50,
    cursor: Cursor = None,
) -> ModelResponse:
    return ModelResponse(await projects.stalled_projects(store, years=years, country=country, facts=facts,
                                                         offset=offset, limit=limit, cursor=cursor))


@router.get("/totals", response_model=TotalsAnswer, responses=errors(404),
            summary="Sums of money by year: pledged, contracted, completed, other; each amount once, with its sources")
async def totals(store: StoreDep, facts: Facts, country: Country = None) -> ModelResponse:
    return ModelResponse(await projects.totals(store, country=country, facts=facts))
