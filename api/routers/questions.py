"""Answers to the product's standing questions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.models import MINERAL_EXAMPLE, ModelResponse, with_example
from graph import service

router = APIRouter(prefix="/questions", tags=["questions"])


@router.get("/firms-touching-mineral", response_model=service.MineralAnswer,
            responses=with_example(MINERAL_EXAMPLE, 404),
            summary="Which firms and organizations (of a country) touch a mineral, and how")
async def firms_touching_mineral(
    store: StoreDep,
    mineral: Annotated[str, Query(min_length=1, max_length=200, description="Mineral id or name",
                                  examples=["lithium"])],
    country: Annotated[str | None, Query(min_length=1, max_length=200,
                                         description="Country id or name of the firms", examples=["Korea"])] = None,
    max_hops: Annotated[int, Query(ge=1, le=service.MAX_MINERAL_HOPS, description="Longest chain")] = 2,
    limit: Annotated[int, Query(ge=1, le=1000, description="Most paths considered")] = 200,
) -> ModelResponse:
    return ModelResponse(await service.firms_touching_mineral(store, mineral, country, max_hops, limit))
