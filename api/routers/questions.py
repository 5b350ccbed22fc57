"""Answers to the product's standing questions (stalled pledges are with the projects, api/routers/projects.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.models import MINERAL_EXAMPLE, ModelResponse, with_example
from api.params import Cursor, Facts, MaxDegree
from graph import service
from graph.results import MineralAnswer

router = APIRouter(tags=["questions"])

Country = Annotated[str | None, Query(min_length=1, max_length=200, description="Country id, name or alias",
                                      examples=["Korea"])]


@router.get("/questions/firms-touching-mineral", response_model=MineralAnswer,
            responses=with_example(MINERAL_EXAMPLE, 404),
            summary="Which firms and organizations (of a country) touch a mineral, and how; one page of firms")
async def firms_touching_mineral(
    store: StoreDep,
    mineral: Annotated[str, Query(min_length=1, max_length=200, description="Mineral id, name or alias",
                                  examples=["lithium"])],
    facts: Facts,
    country: Country = None,
    max_hops: Annotated[int, Query(ge=1, le=service.MAX_MINERAL_HOPS, description="Longest chain")] = 2,
    paths_per_firm: Annotated[int, Query(ge=1, le=service.MAX_PATHS_PER_FIRM,
                                         description="Most paths listed for one firm, shortest first")] = 20,
    limit: Annotated[int, Query(ge=1, le=service.MAX_FIRMS_PAGE, description="Most firms in one page")] = 50,
    cursor: Cursor = None,
    max_degree: MaxDegree = service.DEFAULT_MAX_DEGREE,
) -> ModelResponse:
    return ModelResponse(await service.firms_touching_mineral(
        store, mineral, country, max_hops, limit, paths_per_firm=paths_per_firm, facts=facts, cursor=cursor,
        max_degree=max_degree))
