"""Graph answers (paths, the mineral answer) as one Subgraph to draw, and the view builders the pages and
the CLI share. Only graph/ is used here: the views ask graph.service, never the HTTP API."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from graph import service
from graph.results import GraphEdge, GraphNode, Subgraph
from graph.service import MineralAnswer, PathResult
from graph.store import GraphStore


def union_of_paths(paths: Iterable[PathResult], *, truncated: bool = False, cap: int | None = None
                   ) -> Subgraph:
    """Every node and relationship on any of the paths, once; edges keep their stored direction."""
    nodes: dict[str, GraphNode] = {}
    edges: dict[str, GraphEdge] = {}
    for path in paths:
        for node in path.nodes:
            nodes.setdefault(node.id, node)
        for hop in path.hops:
            forward = hop.direction == "forward"
            source, target = (hop.from_id, hop.to_id) if forward else (hop.to_id, hop.from_id)
            edge_id = f"{source}|{hop.type}|{target}"
            edges.setdefault(edge_id, GraphEdge(id=edge_id, source=source, target=target, type=hop.type,
                                                properties=hop.properties, evidence=hop.evidence))
    return Subgraph(nodes=list(nodes.values()), edges=list(edges.values()), truncated=truncated, cap=cap)


def mineral_subgraph(answer: MineralAnswer) -> Subgraph:
    """The answer to "which firms touch this mineral" drawn as the union of its paths."""
    sub = union_of_paths((p for firm in answer.firms for p in firm.paths), truncated=answer.truncated)
    if not sub.nodes:
        # No firm found: still show the mineral, so the view is not an empty canvas.
        sub.nodes.append(GraphNode(id=answer.mineral.id, type=answer.mineral.type, name=answer.mineral.name))
    return sub


async def entity_view(store: GraphStore, entity: str, depth: int = 1, rel_types: Sequence[str] = (),
                      node_types: Sequence[str] = (), limit: int = 200) -> tuple[Subgraph, str, list[str]]:
    """The neighbourhood of an entity (id, name or alias), its title, and the id to emphasise."""
    ref = await service.resolve_entity(store, entity)
    sub = await service.neighbourhood(store, ref.id, depth, rel_types, node_types, limit)
    return sub, f"{ref.name} — neighbourhood, depth {depth}", [ref.id]


async def path_view(store: GraphStore, a: str, b: str, max_len: int = 4, limit: int = 10
                    ) -> tuple[Subgraph, str, list[str]]:
    """The shortest paths between two entities (ids, names or aliases), drawn as their union."""
    ref_a, ref_b = await service.resolve_entity(store, a), await service.resolve_entity(store, b)
    found = await service.paths(store, ref_a.id, ref_b.id, max_len, limit)
    sub = union_of_paths(found, truncated=len(found) >= limit)
    title = f"Paths from {ref_a.name} to {ref_b.name}"
    if not found:
        ends = [await service.get_entity(store, ref.id) for ref in (ref_a, ref_b)]
        sub = Subgraph(nodes=ends, edges=[])
        title += f": none of length ≤ {max_len}"
    return sub, title, [ref_a.id, ref_b.id]


async def mineral_view(store: GraphStore, mineral: str, country: str | None = None, max_hops: int = 2,
                       limit: int = 200) -> tuple[Subgraph, str, list[str]]:
    """The mineral answer as a subgraph, its title, and the ids to emphasise (the mineral)."""
    answer = await service.firms_touching_mineral(store, mineral, country, max_hops, limit)
    who = f"Firms of {answer.country.name}" if answer.country else "Firms"
    title = f"{who} touching {answer.mineral.name} ({len(answer.firms)} found, ≤ {max_hops} hops)"
    return mineral_subgraph(answer), title, [answer.mineral.id]


VIEW_KINDS = ("entity", "path", "mineral")


async def build_view(store: GraphStore, kind: str, params: dict[str, Any]) -> tuple[Subgraph, str, list[str]]:
    """(subgraph, title, focus ids) for a view kind and its parameters."""
    if kind == "entity":
        return await entity_view(store, params["id"], int(params.get("depth", 1)),
                                 params.get("rel_types") or (), params.get("node_types") or (),
                                 int(params.get("limit", 200)))
    if kind == "path":
        return await path_view(store, params["a"], params["b"], int(params.get("max_len", 4)),
                               int(params.get("limit", 10)))
    if kind == "mineral":
        return await mineral_view(store, params["mineral"], params.get("country") or None,
                                  int(params.get("max_hops", 2)), int(params.get("limit", 200)))
    raise ValueError(f"unknown view kind {kind!r}; known: {', '.join(VIEW_KINDS)}")
