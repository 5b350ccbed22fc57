"""Liveness (the process answers) and readiness (the store answers)."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep, probe
from api.models import HealthOut, ReadyOut, errors
from graph import service

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthOut, summary="Liveness: the process is up")
async def health() -> HealthOut:
    return HealthOut()


@router.get("/ready", response_model=ReadyOut, responses=errors(), summary="Readiness: the store answers")
async def ready(store: StoreDep) -> ReadyOut:
    await probe(store)  # fast when the server is down; the ping below checks the database answers
    await service.ping(store)
    return ReadyOut(engine=store.dialect.engine, database=store.database)
