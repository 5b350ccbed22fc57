"""The change feed: what a service needs to mirror the graph incrementally."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.models import CHANGES_EXAMPLE, ModelResponse, with_example
from graph import service
from graph.results import ChangeFeed

router = APIRouter(tags=["changes"])


@router.get("/changes", response_model=ChangeFeed, responses=with_example(CHANGES_EXAMPLE),
            summary="Documents loaded, replaced or deleted after a change number, with the facts each added or "
                    "removed, oldest first")
async def changes(
    store: StoreDep,
    since: Annotated[int, Query(ge=0, le=2**53, description="The last change already seen (`next_since` of the "
                                                            "previous answer); 0 for the start")] = 0,
    limit: Annotated[int, Query(ge=1, le=service.MAX_CHANGES_PAGE, description="Most changes listed")] = 100,
) -> ModelResponse:
    return ModelResponse(await service.changes(store, since, limit))
