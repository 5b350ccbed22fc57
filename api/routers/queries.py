"""The catalogue of named read queries, and running one by name with typed parameters, read-only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import StoreDep
from api.models import QueryRunIn, errors
from graph import service
from graph.results import QueryInfo, QueryRun

router = APIRouter(prefix="/queries", tags=["queries"])

QueryName = Annotated[str, Path(min_length=1, max_length=100, pattern=r"^[a-z][a-z0-9_]*$",
                                examples=["entity_by_id"])]


@router.get("", response_model=list[QueryInfo], responses=errors(),
            summary="The public named read queries, with their parameters and types")
async def catalogue() -> list[QueryInfo]:
    return service.query_catalogue()


@router.get("/{name}", response_model=QueryInfo, responses=errors(404), summary="One public named read query")
async def describe(name: QueryName) -> QueryInfo:
    return service.query_info(service.get_read_query(name))


@router.post("/{name}/run", response_model=QueryRun, responses=errors(400, 404),
             summary="Run a public named read query (in a read transaction) with typed parameters, one page")
async def run(store: StoreDep, name: QueryName, body: QueryRunIn) -> QueryRun:
    return await service.run_read_query(store, name, body.params, slot=body.slot, limit=body.limit,
                                        cursor=body.cursor)
