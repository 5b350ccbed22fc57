"""Paths between two entities."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.models import PATHS_EXAMPLE, ModelResponse, PathsOut, with_example
from graph import service

router = APIRouter(tags=["graph"])

@router.get("/paths", response_model=PathsOut, responses=with_example(PATHS_EXAMPLE, 404),
            summary="Shortest paths between two entities, hop by hop with evidence")
async def paths(
    store: StoreDep,
    source: Annotated[str, Query(min_length=1, max_length=300, description="Entity id, name or alias",
                                 examples=["firm:doosan-enerbility"])],
    target: Annotated[str, Query(min_length=1, max_length=300, description="Entity id, name or alias",
                                 examples=["country:kazakhstan"])],
    max_len: Annotated[int, Query(ge=1, le=service.MAX_PATH_LEN, description="Longest path accepted")] = 4,
    limit: Annotated[int, Query(ge=1, le=50, description="Most paths returned")] = 10,
) -> ModelResponse:
    answer = await service.shortest_paths(store, source, target, max_len, limit)
    return ModelResponse(PathsOut(source=answer.source.id, target=answer.target.id, max_len=max_len,
                                  paths=answer.paths))
