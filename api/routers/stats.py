"""Graph statistics and export (whole graph or a neighbourhood) as JSON or GraphML."""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from functools import partial
from typing import IO, Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response, StreamingResponse

from api.deps import StoreDep
from api.models import STATS_EXAMPLE, ExportOut, errors, with_example
from api.params import Cursor, Depth, EdgeLimit, EntityId, Facts, MaxDegree, NodeTypes, RelTypes, values
from graph import export, service
from graph.results import GraphStats

router = APIRouter(tags=["stats"])

Format = Annotated[Literal["json", "graphml"], Query(description="json, or graphml (application/graphml+xml)")]
GRAPHML = "application/graphml+xml"
EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    **errors(), 200: {"content": {GRAPHML: {"schema": {"type": "string"}}}}}


@router.get("/stats", response_model=GraphStats, responses=with_example(STATS_EXAMPLE),
            summary="Counts of nodes by label and relationships by type; with filters, of what they keep")
async def stats(store: StoreDep, facts: Facts) -> GraphStats:
    return await service.graph_stats(store, facts=facts)


def _respond(data: dict[str, Any], fmt: str, name: str) -> Any:
    if fmt == "graphml":
        return Response(export.graphml_from_json(data), media_type=GRAPHML,
                        headers={"Content-Disposition": f'attachment; filename="{name}.graphml"'})
    return data


@router.get("/export", response_model=ExportOut, responses=EXPORT_RESPONSES,
            summary="The whole graph, or the part of it the filters keep (the graph as known on a day, or a window)")
async def export_graph(store: StoreDep, facts: Facts, format: Format = "json") -> Any:  # noqa: A002
    # Read page by page (graph/export.py), each page a read of its own under the time limit, into a spool that
    # moves to disk past SPOOL_BYTES: memory stays bounded whatever the size of the graph, and the answer goes out
    # only once one state of the graph was read whole (or 503 graph_changing, before any byte is sent).
    chunks_of = export.graphml_chunks if format == "graphml" else partial(export.json_chunks, indent=False)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8")  # noqa: SIM115
    try:
        await export.snapshot(store.arun, lambda: export.write_text(spool, chunks_of(export.graph_parts(
            store.arun, facts.passes if facts.active else None, facts.min_confidence))))
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    if format == "graphml":
        return StreamingResponse(_sent(spool), media_type=GRAPHML,
                                 headers={"Content-Disposition": 'attachment; filename="graph.graphml"'})
    return StreamingResponse(_sent(spool), media_type="application/json")


SPOOL_BYTES = 8_000_000


async def _sent(spool: IO[str]) -> AsyncIterator[bytes]:
    """The spooled export, 64 k characters at a time; the spool goes when it is sent (or the client left)."""
    try:
        while chunk := spool.read(65536):
            yield chunk.encode("utf-8")
    finally:
        spool.close()


@router.get("/export/neighbourhood/{entity_id}", response_model=ExportOut, responses={**EXPORT_RESPONSES,
            **errors(404)}, summary="A neighbourhood, one page of edges, in the export shape")
async def export_neighbourhood(store: StoreDep, entity_id: EntityId, facts: Facts, depth: Depth = 1,
                               rel_types: RelTypes = None, node_types: NodeTypes = None, limit: EdgeLimit = 100,
                               cursor: Cursor = None, format: Format = "json",  # noqa: A002
                               max_degree: MaxDegree = service.DEFAULT_MAX_DEGREE) -> Any:
    sub = await service.neighbourhood(store, entity_id, depth, values(rel_types), values(node_types), limit,
                                      facts=facts, cursor=cursor, max_degree=max_degree)
    return _respond(export.subgraph_to_json(sub), format, "neighbourhood")
