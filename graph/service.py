"""Graph-side answers the API routes and the views share: search, entity detail, neighbourhood, paths, the
mineral question, the named-query catalogue, documents, statistics.

No HTTP here: functions take a GraphStore and plain values, return graph/results.py shapes or the models
below, and raise graph.errors exceptions (NotFound, BadQueryInput, StoreUnavailable).
"""

from __future__ import annotations

import asyncio
import base64
import math
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, Literal

import neo4j
import neo4j.graph
import neo4j.time
from neo4j import exceptions as neo4j_errors
from pydantic import Field

from graph import queries, schema
from graph.errors import BadQueryInput, GraphError, NotFound
from graph.results import (
    EvidenceOut,
    GraphEdge,
    GraphNode,
    Out,
    Subgraph,
    edge_from_driver,
    edge_id,
    node_from_driver,
)
from graph.store import GraphStore, translate_error

if TYPE_CHECKING:
    from graph.extract import Extractor

# Bounds shared with the API's parameter validation.
MAX_DEPTH = 3
MAX_PATH_LEN = 6
MAX_MINERAL_HOPS = 3
MAX_PAGE = 100
MAX_NEIGHBOURHOOD_NODES = 500
MAX_QUERY_ROWS = 1000

SearchMode = Literal["auto", "prefix", "fulltext"]
Direction = Literal["forward", "backward"]


# ---------------------------------------------------------------------------------------------- shapes


class EntityRef(Out):
    id: str
    type: str
    name: str


class SearchPage(Out):
    query: str
    mode: SearchMode
    type: str | None = Field(description="The entity label the results were restricted to, if any")
    offset: int
    limit: int
    has_more: bool = Field(description="True when another page follows")
    items: list[GraphNode]


class DocumentRef(Out):
    id: str
    title: str | None = None
    date: str | None = None
    source: str | None = None


class RelationshipCount(Out):
    type: str
    direction: Literal["out", "in"]
    count: int


class EntityDetail(Out):
    entity: GraphNode
    documents: list[DocumentRef] = Field(description="Documents that mention the entity, newest first")
    relationship_counts: list[RelationshipCount]
    degree: int = Field(description="Number of fact relationships, both directions")


class PathHop(Out):
    from_id: str
    to_id: str
    type: str
    direction: Direction = Field(description="'forward' when the relationship points from from_id to to_id")
    properties: dict[str, Any] = Field(default_factory=dict)
    evidence: list[EvidenceOut] = Field(default_factory=list)


class PathResult(Out):
    length: int
    nodes: list[GraphNode]
    hops: list[PathHop]
    relation_types: list[str] = Field(description="Relationship types along the path, in order")


class MineralPath(PathResult):
    kind: str = Field(description="'direct TYPE' for one hop, else 'via TYPE > TYPE ...' from the firm's side")


class MineralFirm(Out):
    firm: GraphNode
    direct: bool = Field(description="True when some path is a single relationship")
    kinds: list[str] = Field(description="Distinct kinds of touch, shortest first")
    paths: list[MineralPath]


class MineralAnswer(Out):
    mineral: EntityRef
    country: EntityRef | None
    max_hops: int
    firms: list[MineralFirm]
    truncated: bool = Field(description="True when the path limit cut the answer")


class QueryParamInfo(Out):
    name: str
    type: str
    description: str


class QueryInfo(Out):
    name: str
    description: str
    parameters: list[QueryParamInfo]
    template: str | None = Field(default=None, description="Template slot, filled from `slot_values` only")
    slot_values: list[str] = Field(default_factory=list)


class QueryRun(Out):
    name: str
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = Field(description="True when more rows existed than the row limit")


class DocumentSummary(Out):
    id: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    license: str | None = None
    loaded_at: str | None = None


class DocumentPage(Out):
    total: int
    offset: int
    limit: int
    has_more: bool
    items: list[DocumentSummary]


class DocumentDetail(DocumentSummary):
    date_text: str | None = None
    content_hash: str | None = None
    text: str | None = None
    facts: list[GraphEdge] = Field(description="Relationships this document gave evidence for, with that evidence")
    facts_truncated: bool = False


class IngestResult(Out):
    doc_id: str
    status: Literal["loaded", "replaced", "unchanged", "skipped"]
    reason: str | None = None
    entities: int
    facts_by_type: dict[str, int]
    facts: list[GraphEdge]


class GraphStats(Out):
    nodes_by_label: dict[str, int]
    relationships_by_type: dict[str, int]
    entities: int
    documents: int
    facts: int = Field(description="Fact relationships (MENTIONED_IN excluded)")


# ---------------------------------------------------------------------------------------------- helpers


def _node_ref(node: GraphNode) -> EntityRef:
    return EntityRef(id=node.id, type=node.type, name=node.name)


def check_labels(labels: Sequence[str]) -> list[str]:
    """Labels checked against the schema's closed list; BadQueryInput names the first unknown one."""
    try:
        return [schema.check_label(label) for label in labels]
    except ValueError as e:
        raise BadQueryInput(str(e)) from None


def check_relations(rel_types: Sequence[str]) -> list[str]:
    try:
        return [schema.check_relation(t) for t in rel_types]
    except ValueError as e:
        raise BadQueryInput(str(e)) from None


def path_from_driver(path: neo4j.graph.Path) -> PathResult:
    """A driver Path as hops in walking order, each with its direction and evidence."""
    nodes = list(path.nodes)
    hops: list[PathHop] = []
    for i, rel in enumerate(path.relationships):
        edge = edge_from_driver(rel)
        here, there = nodes[i], nodes[i + 1]
        forward = rel.start_node is not None and rel.start_node.element_id == here.element_id
        hops.append(PathHop(from_id=str(here["id"]), to_id=str(there["id"]), type=edge.type,
                            direction="forward" if forward else "backward", properties=edge.properties,
                            evidence=edge.evidence))
    return PathResult(length=len(hops), nodes=[node_from_driver(n) for n in nodes], hops=hops,
                      relation_types=[h.type for h in hops])


async def ping(store: GraphStore) -> None:
    await store.arun("ping")


async def get_entity(store: GraphStore, entity_id: str) -> GraphNode:
    records = await store.arun("entity_by_id", id=entity_id)
    if not records:
        raise NotFound(f"no entity with id {entity_id!r}")
    return node_from_driver(records[0]["n"])


async def resolve_entity(store: GraphStore, ref: str, label: str | None = None) -> EntityRef:
    """An entity named by id, name or alias (case-insensitive), optionally of one label."""
    if label is not None:
        check_labels([label])
    if ":" in ref:  # looks like an id: the indexed lookup first
        by_id = await store.arun("entity_by_id", id=ref)
        if by_id:
            node = node_from_driver(by_id[0]["n"])
            if label is None or node.type == label:
                return _node_ref(node)
    records = await store.arun("api_resolve_entity", ref=ref, label=label)
    if not records:
        kind = f"{label.lower()} " if label else "entity "
        raise NotFound(f"no {kind}with id, name or alias {ref!r}")
    node = await get_entity(store, records[0]["id"])
    return _node_ref(node)


# ---------------------------------------------------------------------------------------------- search


_WORD = re.compile(r"\w+", re.UNICODE)


def fulltext_query(text: str) -> str | None:
    """User text as a safe full-text query: words only (no Lucene syntax passes), each as a prefix."""
    words = [w.lower() for w in _WORD.findall(text)][:16]
    return " ".join(f"{w}*" for w in words) if words else None


async def search_entities(store: GraphStore, q: str, *, entity_type: str | None = None,
                          mode: SearchMode = "auto", offset: int = 0, limit: int = 20) -> SearchPage:
    """Entities by name or alias. 'prefix': names/aliases starting with q; 'fulltext': words of q as
    prefixes in the full-text index; 'auto': prefix matches first, then full-text ones."""
    if entity_type is not None:
        check_labels([entity_type])
    want = offset + limit + 1  # one more than the page, to know whether another follows
    found: list[GraphNode] = []
    seen: set[str] = set()

    def take(records: list[neo4j.Record]) -> None:
        for r in records:
            node = node_from_driver(r["n"])
            if node.id not in seen:
                seen.add(node.id)
                found.append(node)

    prefix = q.strip().lower()
    if mode in ("auto", "prefix") and prefix:
        take(await store.arun("api_entity_search_prefix", prefix=prefix, label=entity_type, offset=0, limit=want))
    ft = fulltext_query(q)
    if mode in ("auto", "fulltext") and ft and len(found) < want:
        take(await store.arun("api_entity_search_fulltext", index=store.dialect.fulltext_index, query=ft,
                              label=entity_type, offset=0, limit=want))
    page = found[offset:offset + limit]
    return SearchPage(query=q, mode=mode, type=entity_type, offset=offset, limit=limit,
                      has_more=len(found) > offset + limit, items=page)


# ---------------------------------------------------------------------------------------------- entity


async def entity_detail(store: GraphStore, entity_id: str, *, document_limit: int = 50) -> EntityDetail:
    rows = await store.arun("api_entity_detail", id=entity_id, limit=document_limit)
    if not rows:
        raise NotFound(f"no entity with id {entity_id!r}")
    row = rows[0]
    counts = sorted(row["counts"], key=lambda c: (c["type"], c["direction"]))
    rel_counts = [RelationshipCount(type=c["type"], direction=c["direction"], count=c["count"]) for c in counts]
    return EntityDetail(
        entity=node_from_driver(row["n"]),
        documents=[DocumentRef(id=d["id"], title=d["title"], date=d["date"], source=d["source"])
                   for d in row["documents"]],
        relationship_counts=rel_counts,
        degree=sum(c.count for c in rel_counts),
    )


async def neighbourhood(store: GraphStore, entity_id: str, depth: int = 1, rel_types: Sequence[str] = (),
                        node_types: Sequence[str] = (), limit: int = 100) -> Subgraph:
    """The entity and what lies within `depth` fact relationships of it, at most `limit` nodes.

    rel_types restricts every hop; node_types restricts every node reached (the centre is always kept).
    `truncated` says the cap (or the path budget behind it) cut the result."""
    if not 1 <= depth <= MAX_DEPTH:
        raise BadQueryInput(f"depth must be between 1 and {MAX_DEPTH}")
    if not 1 <= limit <= MAX_NEIGHBOURHOOD_NODES:
        raise BadQueryInput(f"limit must be between 1 and {MAX_NEIGHBOURHOOD_NODES}")
    rels, labels = check_relations(rel_types), check_labels(node_types)
    path_budget = min(limit * 10, 5000)
    centre, records = await asyncio.gather(
        get_entity(store, entity_id),
        store.arun(f"api_neighbourhood_{depth}", id=entity_id, rel_types=rels, node_types=labels,
                   limit=path_budget),
    )
    nodes: dict[str, GraphNode] = {centre.id: centre}
    edges: dict[str, GraphEdge] = {}
    truncated = len(records) >= path_budget
    for record in records:
        path: neo4j.graph.Path = record["p"]
        for node in path.nodes:
            nid = str(node["id"])
            if nid not in nodes:
                if len(nodes) >= limit:
                    truncated = True
                    continue
                nodes[nid] = node_from_driver(node)
        for rel in path.relationships:  # paths share edges: convert each edge once
            assert rel.start_node is not None and rel.end_node is not None
            eid = edge_id(rel)
            if eid not in edges and str(rel.start_node["id"]) in nodes and str(rel.end_node["id"]) in nodes:
                edges[eid] = edge_from_driver(rel)
    return Subgraph(nodes=list(nodes.values()), edges=list(edges.values()), truncated=truncated, cap=limit)


class PathsAnswer(Out):
    source: EntityRef
    target: EntityRef
    max_len: int
    paths: list[PathResult]


async def shortest_paths(store: GraphStore, a: str, b: str, max_len: int = 4, limit: int = 10) -> PathsAnswer:
    """The shortest paths (all of the shortest length, up to `limit`) between two entities given by id or
    name, either direction on each hop, no longer than max_len; none when no path is that short."""
    if not 1 <= max_len <= MAX_PATH_LEN:
        raise BadQueryInput(f"max_len must be between 1 and {MAX_PATH_LEN}")
    source, target = await asyncio.gather(resolve_entity(store, a), resolve_entity(store, b))
    if source.id == target.id:
        raise BadQueryInput(f"source and target are the same entity ({source.id!r})")
    records = await store.arun("api_shortest_paths", source=source.id, target=target.id, max_len=max_len,
                               limit=limit)
    return PathsAnswer(source=source, target=target, max_len=max_len,
                       paths=[path_from_driver(r["p"]) for r in records])


async def paths(store: GraphStore, a: str, b: str, max_len: int = 4, limit: int = 10) -> list[PathResult]:
    """shortest_paths(), the paths only."""
    return (await shortest_paths(store, a, b, max_len, limit)).paths


# ---------------------------------------------------------------------------------------------- mineral


def touch_kind(path: PathResult) -> str:
    """How the firm touches the mineral, read from the firm's side: 'direct DEVELOPS' or
    'via PARTNERS_WITH > DEVELOPS'."""
    types = list(reversed(path.relation_types))
    return f"direct {types[0]}" if len(types) == 1 else "via " + " > ".join(types)


async def firms_touching_mineral(store: GraphStore, mineral: str, country: str | None = None,
                                 max_hops: int = 2, limit: int = 200) -> MineralAnswer:
    """Which firms and organizations (of `country`, when given) touch `mineral`, by which paths.

    mineral and country are ids or names/aliases ('lithium', 'Korea'). Every hop carries its evidence."""
    if not 1 <= max_hops <= MAX_MINERAL_HOPS:
        raise BadQueryInput(f"max_hops must be between 1 and {MAX_MINERAL_HOPS}")
    mineral_ref = await resolve_entity(store, mineral, "Mineral")
    country_ref = await resolve_entity(store, country, "Country") if country else None
    records = await store.arun("firms_touching_mineral", mineral_id=mineral_ref.id,
                               country_id=country_ref.id if country_ref else None, max_hops=max_hops,
                               limit=limit)
    firms: dict[str, MineralFirm] = {}
    for r in records:
        p = path_from_driver(r["p"])
        mp = MineralPath(**p.model_dump(), kind=touch_kind(p))
        firm_node = p.nodes[-1]
        entry = firms.setdefault(firm_node.id, MineralFirm(firm=firm_node, direct=False, kinds=[], paths=[]))
        entry.paths.append(mp)
        entry.direct = entry.direct or mp.length == 1
        if mp.kind not in entry.kinds:
            entry.kinds.append(mp.kind)
    ordered = sorted(firms.values(), key=lambda f: (min(p.length for p in f.paths), f.firm.id))
    return MineralAnswer(mineral=mineral_ref, country=country_ref, max_hops=max_hops, firms=ordered,
                         truncated=len(records) >= limit)


# ---------------------------------------------------------------------------------------------- named queries


def read_queries() -> dict[str, queries.Query]:
    return {name: q for name, q in queries.QUERIES.items() if q.mode == "read"}


def query_catalogue() -> list[QueryInfo]:
    return [query_info(q) for q in read_queries().values()]


def query_info(q: queries.Query) -> QueryInfo:
    return QueryInfo(
        name=q.name, description=q.description,
        parameters=[QueryParamInfo(name=p.name, type=p.type, description=p.description) for p in q.params.values()],
        template=q.template,
        slot_values=list(queries.TEMPLATE_SLOTS[q.template]) if q.template else [],
    )


def get_read_query(name: str) -> queries.Query:
    q = read_queries().get(name)
    if q is None:
        raise NotFound(f"no read query named {name!r}")
    return q


MAX_INT_PARAM = 1_000_000
MAX_STRING_PARAM = 10_000
MAX_LIST_PARAM = 1_000


def _coerce(pname: str, ptype: str, value: Any) -> Any:
    def bad(why: str) -> BadQueryInput:
        return BadQueryInput(f"parameter ${pname} ({ptype}): {why}")

    if value is None:
        return None  # the queries use null for "any" (e.g. $country_id, $label)
    if ptype == "string":
        if not isinstance(value, str):
            raise bad("expected a string")
        if len(value) > MAX_STRING_PARAM:
            raise bad(f"longer than {MAX_STRING_PARAM} characters")
        return value
    if ptype == "int":
        if isinstance(value, bool):
            raise bad("expected an integer")
        if isinstance(value, str) and re.fullmatch(r"-?\d{1,9}", value.strip()):
            value = int(value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int):
            raise bad("expected an integer")
        if abs(value) > MAX_INT_PARAM:
            raise bad(f"outside ±{MAX_INT_PARAM}")
        return value
    if ptype == "float":
        if isinstance(value, bool):
            raise bad("expected a number")
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                raise bad("expected a number") from None
        if not isinstance(value, int | float) or not math.isfinite(value):
            raise bad("expected a finite number")
        return float(value)
    if ptype == "bool":
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if not isinstance(value, bool):
            raise bad("expected true or false")
        return value
    if ptype in ("list[string]", "list[map]"):
        if not isinstance(value, list):
            raise bad("expected a list")
        if len(value) > MAX_LIST_PARAM:
            raise bad(f"more than {MAX_LIST_PARAM} items")
        item_type = "string" if ptype == "list[string]" else "map"
        if any(v is None for v in value):
            raise bad("null items are not allowed")
        return [_coerce(f"{pname}[{i}]", item_type, v) for i, v in enumerate(value)]
    if ptype == "map":
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise bad("expected an object")
        return value
    raise bad("unsupported parameter type")


def coerce_params(query: queries.Query, raw: dict[str, Any]) -> dict[str, Any]:
    """Parameters checked against the query's declared types; unknown or missing ones refused."""
    if extra := sorted(set(raw) - set(query.params)):
        raise BadQueryInput(f"query {query.name!r} does not take parameters {extra}")
    if missing := sorted(set(query.params) - set(raw)):
        raise BadQueryInput(f"query {query.name!r} needs parameters {missing}")
    return {name: _coerce(name, p.type, raw[name]) for name, p in query.params.items()}


def to_jsonable(value: Any) -> Any:
    """A driver value as plain JSON: nodes and relationships in the shared shapes, paths as both."""
    if isinstance(value, neo4j.graph.Node):
        return node_from_driver(value).model_dump()
    if isinstance(value, neo4j.graph.Relationship):
        if value.start_node is not None and value.end_node is not None and "id" in value.start_node \
                and "id" in value.end_node:
            return edge_from_driver(value).model_dump()
        return {"type": value.type, "properties": {k: to_jsonable(v) for k, v in dict(value).items()}}
    if isinstance(value, neo4j.graph.Path):
        return path_from_driver(value).model_dump()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, neo4j.time.Date | neo4j.time.DateTime | neo4j.time.Time | date | datetime | time):
        return value.isoformat()
    if isinstance(value, neo4j.time.Duration):
        return str(value)
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


async def run_read_query(store: GraphStore, name: str, params: dict[str, Any], *, slot: str | None = None,
                         row_limit: int = 100) -> QueryRun:
    """Run a catalogue query by name in a READ transaction, so the store itself refuses any write."""
    query = get_read_query(name)
    text = query.render(slot)
    values = coerce_params(query, params)

    async def work(tx: neo4j.AsyncManagedTransaction) -> tuple[list[str], list[neo4j.Record], bool]:
        result = await tx.run(text, values)
        keys = list(result.keys())
        rows: list[neo4j.Record] = []
        async for record in result:
            if len(rows) >= row_limit:
                await result.consume()
                return keys, rows, True
            rows.append(record)
        return keys, rows, False

    try:
        async with store.async_driver.session(database=store.database,
                                              default_access_mode=neo4j.READ_ACCESS) as session:
            keys, rows, truncated = await session.execute_read(work)
    except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
        raise translate_error(e) from e
    return QueryRun(name=name, columns=keys, rows=[{k: to_jsonable(r[k]) for k in keys} for r in rows],
                    truncated=truncated)


# ---------------------------------------------------------------------------------------------- documents


async def list_documents(store: GraphStore, offset: int = 0, limit: int = 20) -> DocumentPage:
    total_records, records = await asyncio.gather(
        store.arun("api_documents_count"), store.arun("api_documents_page", offset=offset, limit=limit))
    total = int(total_records[0]["count"]) if total_records else 0
    return DocumentPage(total=total, offset=offset, limit=limit, has_more=offset + len(records) < total,
                        items=[DocumentSummary(**dict(r)) for r in records])


def _facts_of(records: list[neo4j.Record], doc_id: str) -> list[GraphEdge]:
    facts = []
    for r in records:
        edge = edge_from_driver(r["r"])
        edge.evidence = [e for e in edge.evidence if e.doc_id == doc_id]
        facts.append(edge)
    return facts


async def document_detail(store: GraphStore, doc_id: str, *, fact_limit: int = 500,
                          include_text: bool = True) -> DocumentDetail:
    doc_records, fact_records = await asyncio.gather(
        store.arun("api_document_by_id", doc_id=doc_id),
        store.arun("api_document_facts", doc_id=doc_id, limit=fact_limit + 1))
    if not doc_records:
        raise NotFound(f"no document with id {doc_id!r}")
    fields = dict(doc_records[0])
    if not include_text:
        fields["text"] = None
    return DocumentDetail(**fields, facts=_facts_of(fact_records[:fact_limit], doc_id),
                          facts_truncated=len(fact_records) > fact_limit)


def ingest_document(store: GraphStore, extractor: Extractor | None, *, text: str, doc_id: str | None = None,
                    title: str | None = None, source: str | None = None, date: str | None = None,
                    license: str | None = None) -> IngestResult:  # noqa: A002 - the document field's name
    """Read, extract and write one document given as text (synchronous: extraction is CPU work).

    Raises graph.documents.DocumentError for unusable text, StoreUnavailable when the store is down."""
    import hashlib

    from graph.documents import parse_document
    from graph.loader import Loader

    if doc_id is None:
        doc_id = "doc:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    elif not doc_id.startswith("doc:"):
        doc_id = "doc:" + doc_id
    doc = parse_document(text, doc_id=doc_id, title=title, source=source, date=date, license=license,
                         max_bytes=store.settings.max_document_bytes)
    store.run("ping")  # an outage is reported as such, not as a skipped document
    result = Loader(store, extractor).load_document(doc)
    if result.status == "skipped":
        raise GraphError(f"document {doc_id!r} could not be written: {result.reason}")
    records = store.run("api_document_facts", doc_id=doc_id, limit=MAX_QUERY_ROWS)
    return IngestResult(doc_id=doc_id, status=result.status, reason=result.reason, entities=result.entities,
                        facts_by_type=dict(Counter(result.facts_by_type)), facts=_facts_of(records, doc_id))


# ---------------------------------------------------------------------------------------------- statistics


async def graph_stats(store: GraphStore) -> GraphStats:
    by_label, by_type = await asyncio.gather(store.arun("graph_counts_by_label"),
                                             store.arun("graph_counts_by_type"))
    labels = {r["label"]: int(r["count"]) for r in by_label}
    types = {r["type"]: int(r["count"]) for r in by_type}
    return GraphStats(nodes_by_label=labels, relationships_by_type=types, entities=labels.get(schema.ENTITY, 0),
                      documents=labels.get(schema.DOCUMENT, 0),
                      facts=sum(n for t, n in types.items() if t != schema.MENTIONED_IN))
