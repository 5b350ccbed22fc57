"""Paths between two entities, and one edge by its id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import StoreDep
from api.models import EDGE_EXAMPLE, PATHS_EXAMPLE, ModelResponse, with_example
from api.params import Cursor, Facts, MaxDegree
from graph import service
from graph.results import GraphEdge, PathMode, PathsAnswer

router = APIRouter(tags=["graph"])


@router.get("/paths", response_model=PathsAnswer, responses=with_example(PATHS_EXAMPLE, 404),
            summary="Paths between two entities (the shortest, or all up to a length), hop by hop with evidence, "
                    "one page")
async def paths(
    store: StoreDep,
    source: Annotated[str, Query(min_length=1, max_length=300, description="Entity id, name or alias",
                                 examples=["firm:doosan-enerbility"])],
    target: Annotated[str, Query(min_length=1, max_length=300, description="Entity id, name or alias",
                                 examples=["country:kazakhstan"])],
    facts: Facts,
    max_len: Annotated[int, Query(ge=1, le=service.MAX_PATH_LEN, description="Longest path accepted")] = 4,
    mode: Annotated[PathMode, Query(description="shortest: the shortest paths only; all: every simple path up to "
                                                f"max_len (at most {service.MAX_ALL_PATHS_LEN}), shortest first")
                    ] = "shortest",
    limit: Annotated[int, Query(ge=1, le=service.MAX_PATHS_PAGE, description="Most paths in one page")] = 10,
    cursor: Cursor = None,
    max_degree: MaxDegree = service.DEFAULT_MAX_DEGREE,
) -> ModelResponse:
    return ModelResponse(await service.shortest_paths(store, source, target, max_len, limit, facts=facts,
                                                      cursor=cursor, mode=mode, max_degree=max_degree))


@router.get("/edges/{edge_id}", response_model=GraphEdge, responses=with_example(EDGE_EXAMPLE, 404),
            summary="One fact relationship by its id, with its evidence (404 once no evidence is left, or none passes "
                    "the filters)")
async def edge(store: StoreDep, edge_id: Annotated[str, Path(
        min_length=5, max_length=700, description="source|TYPE|target",
        examples=["org:kigam|DEVELOPS|mineral:lithium"])], facts: Facts) -> ModelResponse:
    return ModelResponse(await service.get_edge(store, edge_id, facts=facts))
