"""The catalogue of named read queries, and running one by name with typed parameters, read-only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import StoreDep
from api.models import QueryRunIn, errors
from graph import service

router = APIRouter(prefix="/queries", tags=["queries"])

QueryName = Annotated[str, Path(min_length=1, max_length=100, pattern=r"^[a-z][a-z0-9_]*$",
                                examples=["firms_touching_mineral"])]


@router.get("", response_model=list[service.QueryInfo], responses=errors(),
            summary="Named read queries with their parameters and types")
async def catalogue() -> list[service.QueryInfo]:
    return service.query_catalogue()


@router.get("/{name}", response_model=service.QueryInfo, responses=errors(404), summary="One named read query")
async def describe(name: QueryName) -> service.QueryInfo:
    return service.query_info(service.get_read_query(name))


@router.post("/{name}/run", response_model=service.QueryRun, responses=errors(400, 404),
             summary="Run a named read query (in a read transaction) with typed parameters")
async def run(store: StoreDep, name: QueryName, body: QueryRunIn) -> service.QueryRun:
    return await service.run_read_query(store, name, body.params, slot=body.slot, row_limit=body.limit)
