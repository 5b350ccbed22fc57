"""Graph answers (paths, the mineral answer) as one Subgraph to draw, and the view builders the pages and
the CLI share. Only graph/ is used here: the views ask graph.service, never the HTTP API."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

from graph import service
from graph.results import GraphEdge, GraphNode, Hub, MineralAnswer, PathMode, PathResult, PathsAnswer, Subgraph
from graph.service import NO_FILTER, FactFilter
from graph.store import GraphStore

_EDGE_FIELDS = tuple(GraphEdge.model_fields)


def union_of_paths(paths: Iterable[PathResult], *, has_more: bool = False, limit: int = 0) -> Subgraph:
    """Every node and edge on any of the paths, once (a hop is an edge: same id, stored direction)."""
    nodes: dict[str, GraphNode] = {}
    edges: dict[str, GraphEdge] = {}
    for path in paths:
        for node in path.nodes:
            nodes.setdefault(node.id, node)
        for hop in path.hops:
            if hop.id not in edges:
                edges[hop.id] = GraphEdge(**{k: getattr(hop, k) for k in _EDGE_FIELDS})
    return Subgraph(nodes=list(nodes.values()), edges=list(edges.values()), has_more=has_more, limit=limit)


def mineral_subgraph(answer: MineralAnswer) -> Subgraph:
    """The answer to "which firms touch this mineral" drawn as the union of its paths."""
    sub = union_of_paths((p for firm in answer.firms for p in firm.paths), has_more=answer.has_more,
                         limit=answer.limit)
    if not sub.nodes:
        # No firm found: still show the mineral, so the view is not an empty canvas.
        sub.nodes.append(GraphNode(id=answer.mineral.id, type=answer.mineral.type, name=answer.mineral.name))
    return sub


class Built(NamedTuple):
    """A view ready to render: what to draw, its title, the ids to emphasise, and the answer as a list (the ranked
    firms of the mineral question, the paths of a path view; None for a neighbourhood)."""

    sub: Subgraph
    title: str
    focus: list[str]
    answer: dict[str, Any] | None = None


def mineral_rows(answer: MineralAnswer) -> dict[str, Any]:
    """The mineral answer as a ranked table: nearest first, then the firms with more sources, then by name."""
    rows: list[dict[str, Any]] = [
        {"id": f.firm.id, "name": f.firm.name, "type": f.firm.type, "kinds": f.kinds, "hops": f.hops,
            "direct": f.direct, "sources": f.sources, "paths": f.path_count,
            "edges": sorted({h.id for p in f.paths for h in p.hops}),
            "nodes": sorted({n.id for p in f.paths for n in p.nodes})}
        for f in answer.firms]
    rows.sort(key=lambda r: (int(r["hops"]), -int(r["sources"]), str(r["name"]).lower(), str(r["id"])))
    return {"kind": "mineral", "mineral": answer.mineral.model_dump(), "has_more": answer.has_more, "rows": rows}


def path_rows(answer: PathsAnswer) -> dict[str, Any]:
    """The paths as a list, in the answer's order (shortest first), each with its hops and number of sources."""
    rows = [{"nodes": [n.id for n in p.nodes], "names": [n.name for n in p.nodes],
             "hops": [{"id": h.id, "type": h.type, "direction": h.direction} for h in p.hops],
             "length": p.length, "sources": len({ev.doc_id for h in p.hops for ev in h.evidence})}
            for p in answer.paths]
    return {"kind": "path", "mode": answer.mode, "has_more": answer.has_more, "rows": rows}


def _when(facts: FactFilter) -> str:
    bits = []
    if facts.min_confidence > 0:
        bits.append(f"confidence ≥ {facts.min_confidence:g}")
    if facts.as_of is not None:
        bits.append(f"as of {facts.as_of.isoformat()}")
    if facts.since is not None:
        bits.append(f"since {facts.since.isoformat()}")
    if facts.until is not None:
        bits.append(f"until {facts.until.isoformat()}")
    return f" ({', '.join(bits)})" if bits else ""


def _capped(hubs: Sequence[Hub]) -> str:
    """A title's note of the hubs an answer did not walk through (graph/traversal.py)."""
    if not hubs:
        return ""
    named = ", ".join(f"{h.name} ({h.degree:,} facts)" for h in hubs[:3])
    return f"; not expanded: {named}{f' and {len(hubs) - 3} more' if len(hubs) > 3 else ''}"


async def entity_view(store: GraphStore, entity: str, depth: int = 1, rel_types: Sequence[str] = (),
                      node_types: Sequence[str] = (), limit: int = 300, facts: FactFilter = NO_FILTER) -> Built:
    """The neighbourhood of an entity (id, name or alias), its title, and the id to emphasise."""
    ref = await service.resolve_entity(store, entity)
    sub = await service.neighbourhood(store, ref.id, depth, rel_types, node_types, limit, facts=facts)
    return Built(sub, f"{ref.name} — neighbourhood, depth {depth}{_when(facts)}{_capped(sub.capped)}", [ref.id])


async def path_view(store: GraphStore, source: str, target: str, max_len: int = 4, limit: int = 10,
                    facts: FactFilter = NO_FILTER, mode: PathMode = "shortest") -> Built:
    """The paths between two entities (ids, names or aliases), drawn as their union and listed."""
    answer = await service.shortest_paths(store, source, target, max_len, limit, facts=facts, mode=mode)
    sub = union_of_paths(answer.paths, has_more=answer.has_more, limit=limit)
    which = "Paths" if mode == "all" else "Shortest paths"
    title = f"{which} from {answer.source.name} to {answer.target.name}{_when(facts)}"
    if not answer.paths:
        ends = [await service.get_entity(store, ref.id) for ref in (answer.source, answer.target)]
        sub = Subgraph(nodes=ends, edges=[])
        title += f": none of length ≤ {max_len}"
    return Built(sub, title, [answer.source.id, answer.target.id], path_rows(answer))


async def mineral_view(store: GraphStore, mineral: str, country: str | None = None, max_hops: int = 2,
                       limit: int = 50, facts: FactFilter = NO_FILTER) -> Built:
    """The mineral answer as a subgraph and a ranked table, its title, and the ids to emphasise (the mineral)."""
    answer = await service.firms_touching_mineral(store, mineral, country, max_hops, limit, facts=facts)
    who = f"Firms of {answer.country.name}" if answer.country else "Firms"
    title = (f"{who} touching {answer.mineral.name} ({len(answer.firms)} found, ≤ {max_hops} hops)"
             f"{_when(facts)}{_capped(answer.capped)}")
    return Built(mineral_subgraph(answer), title, [answer.mineral.id], mineral_rows(answer))


VIEW_KINDS = ("entity", "path", "mineral")


def fact_filter(params: dict[str, Any]) -> FactFilter:
    """The answer filter of a view's parameters: min_confidence, as_of (an ISO date or a date), since and until
    (a year, a month or a day, read as the API reads them: graph.service.period_start and period_end); raises
    BadQueryInput with the API's message for a window it refuses."""
    as_of = params.get("as_of")
    if isinstance(as_of, str):
        as_of = date.fromisoformat(as_of)
    since, until = (params.get(k) for k in ("since", "until"))
    return FactFilter(min_confidence=float(params.get("min_confidence") or 0.0), as_of=as_of,
                      since=service.period_start(str(since)) if since else None,
                      until=service.period_end(str(until)) if until else None)


async def build_view(store: GraphStore, kind: str, params: dict[str, Any]) -> Built:
    """(subgraph, title, focus ids, answer list) for a view kind and its parameters."""
    facts = fact_filter(params)
    if kind == "entity":
        return await entity_view(store, params["id"], int(params.get("depth", 1)),
                                 params.get("rel_types") or (), params.get("node_types") or (),
                                 int(params.get("limit", 300)), facts)
    if kind == "path":
        return await path_view(store, params["source"], params["target"], int(params.get("max_len", 4)),
                               int(params.get("limit", 10)), facts, params.get("mode") or "shortest")
    if kind == "mineral":
        return await mineral_view(store, params["mineral"], params.get("country") or None,
                                  int(params.get("max_hops", 2)), int(params.get("limit", 50)), facts)
    raise ValueError(f"unknown view kind {kind!r}; known: {', '.join(VIEW_KINDS)}")
