"""The graph, or a subgraph, as JSON, GraphML or CSV. Used by `kg export` and the API's export endpoints.

JSON shape (both for the whole graph and a Subgraph):
  {"format": "kg-graph", "version", "latest_change",
   "nodes": [{"id", "labels", "name", "aliases", "properties"}],
   "edges": [{"id", "source", "target", "type", "properties", "evidence": [...]}]}
Documents are nodes labelled Document; entity-to-document mentions are edges of type MENTIONED_IN with no
evidence. Edge ids are `source|TYPE|target`, as in every answer of the API. GraphML carries the same data: scalar
keys for labels, name and type, JSON text for the rest. CSV (for spreadsheets) is two files: nodes, one row each
with their properties as columns; edges, one row per piece of evidence (an edge without evidence, reference data
or a mention, has one row with the evidence columns empty). `latest_change` is the change feed's latest entry
when the export began: a mirror follows `/api/v1/changes?since=` from it.
"""

from __future__ import annotations

import asyncio
import csv
import json
import os
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import IO, Any, TypeVar
from xml.etree import ElementTree as ET

import neo4j

from graph import schema
from graph.errors import SnapshotUnavailable
from graph.evidence import evidence_of, plain_properties
from graph.results import EvidenceOut, Subgraph
from graph.store import GraphStore

FORMAT_VERSION = 1
# Derived helpers the loader keeps in step with name and aliases (search) or a document's text (copy detection,
# graph/dedup.py): not data.
_DERIVED_NODE_PROPS = {"id", "name", "aliases", "name_lower", "aliases_lower", "search", "sketch", "text_hash",
                       "degree"}


def _sorted_labels(labels: Any) -> list[str]:
    # The schema label first, then Entity: stable and readable.
    return sorted(labels, key=lambda label: (label == schema.ENTITY, label))


def _node_json(node: neo4j.graph.Node, labels: list[str]) -> dict[str, Any]:
    props = dict(node)
    return {
        "id": str(props.get("id")),
        "labels": _sorted_labels(labels),
        "name": props.get("name") or props.get("title") or props.get("id"),
        "aliases": list(props.get("aliases") or []),
        "properties": {k: v for k, v in props.items() if k not in _DERIVED_NODE_PROPS},
    }


def _edge_json(source: str, rel_type: str, target: str, properties: dict[str, Any],
               evidence: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": f"{source}|{rel_type}|{target}", "source": source, "target": target, "type": rel_type,
            "properties": properties, "evidence": evidence}


# ---------------------------------------------------------------------------------------------- streaming

# The whole-graph export streams: the store is read in pages (keyset paging on the id index, named queries
# export_*), each page turned into text and handed on before the next is read, so memory holds one page, not the
# graph: at most PAGE_NODES nodes, or the facts starting at a group of entities whose degrees add up to at most
# PAGE_FACTS (a single entity with more facts is a page of its own), or the mentions of PAGE_DOCUMENTS documents.
# Mentions come document by document (the former export listed them entity by entity). A filtered export also keeps
# the ids of the documents and entities it keeps (a set of strings, a few MB at 100,000 entities).
PAGE_NODES = 1000
PAGE_FACTS = 5000
PAGE_DOCUMENTS = 100  # documents whose mentions are one page (a document mentions a few dozen entities)

Fetch = Callable[..., Awaitable[list[neo4j.Record]]]  # fetch(name, **params): a named query's records
Passes = Callable[[str | None, float | None], bool]  # passes(date, confidence) of a piece of evidence
Parts = AsyncIterator[tuple[str, dict[str, Any]]]
T = TypeVar("T")


def fetch_of(store: GraphStore) -> Fetch:
    """The store's blocking reads as a Fetch, for the command line (no time limit, as for loads)."""
    async def fetch(name: str, **params: Any) -> list[neo4j.Record]:
        return store.run(name, **params)
    return fetch


async def _keyset(fetch: Fetch, name: str) -> AsyncIterator[neo4j.Record]:
    after, limit = "", PAGE_NODES
    while True:
        rows = await fetch(name, after=after, limit=limit)
        for row in rows:
            yield row
        if len(rows) < limit:
            return
        after = str(rows[-1]["id"])


async def _nodes(fetch: Fetch) -> AsyncIterator[dict[str, Any]]:
    """Entities and documents in id order: two keyset streams merged."""
    streams = [_keyset(fetch, "export_entities_page"), _keyset(fetch, "export_documents_page")]
    heads: list[neo4j.Record | None] = [await anext(s, None) for s in streams]
    while True:
        live = [(str(h["id"]), i) for i, h in enumerate(heads) if h is not None]
        if not live:
            return
        _, i = min(live)
        row = heads[i]
        assert row is not None
        yield _node_json(row["n"], list(row["labels"]))
        heads[i] = await anext(streams[i], None)


async def _entity_groups(fetch: Fetch) -> AsyncIterator[list[str]]:
    """Entity ids in id order, in groups whose degrees add up to at most PAGE_FACTS (and at most PAGE_NODES ids)."""
    group: list[str] = []
    weight = 0
    async for row in _keyset(fetch, "export_entity_ids_page"):
        degree = int(row["degree"] or 0)
        if group and (weight + degree > PAGE_FACTS or len(group) >= PAGE_NODES):
            yield group
            group, weight = [], 0
        group.append(str(row["id"]))
        weight += degree
    if group:
        yield group


async def _facts(fetch: Fetch) -> AsyncIterator[dict[str, Any]]:
    """Fact relationships ordered by source, type, target."""
    async for ids in _entity_groups(fetch):
        for r in await fetch("export_relationships_of", ids=ids):
            props = dict(r["props"])
            yield _edge_json(r["source"], r["type"], r["target"], plain_properties(props), evidence_of(props))


async def _mentions(fetch: Fetch) -> AsyncIterator[dict[str, Any]]:
    """Entity-to-document mentions, document by document (then by entity): read from the documents' side, which
    reads each document's record once (queries.cypher export_mentions), PAGE_DOCUMENTS documents a page."""
    after, limit = "", PAGE_DOCUMENTS
    while True:
        ids = [str(r["id"]) for r in await fetch("export_document_ids_page", after=after, limit=limit)]
        if ids:
            for r in await fetch("export_mentions_to", ids=ids):
                yield _edge_json(r["source"], schema.MENTIONED_IN, r["target"], {}, [])
        if len(ids) < limit:
            return
        after = ids[-1]


def _kept_fact(edge: dict[str, Any], passes: Passes, min_confidence: float) -> dict[str, Any] | None:
    """A fact cut to the evidence that passes, or None when it is left out (reference data is kept when confident
    enough: it is timeless)."""
    evidence = [ev for ev in edge["evidence"] if passes(ev.get("date"), ev.get("confidence"))]
    reference = ("reference" in edge["properties"]
                 and float(edge["properties"].get("confidence") or 0) >= min_confidence)
    return {**edge, "evidence": evidence} if evidence or reference else None


async def graph_parts(fetch: Fetch, passes: Passes | None = None, min_confidence: float = 0.0) -> Parts:
    """The whole graph as a stream: ("head", {format, version, latest_change}), then ("node", ...) in id order,
    then ("edge", ...): facts by source, type, target, then mentions by document, then entity. With `passes`
    (service.FactFilter.passes), the part the answer filters keep: a fact keeps the pieces of evidence that pass,
    and is left out when none does; the documents kept are those that gave evidence kept, the entities those that
    end a fact kept or that a kept document mentions (a first pass over the facts and mentions finds them before
    the nodes are written)."""
    latest = await fetch("changes_latest")
    yield "head", {"format": "kg-graph", "version": FORMAT_VERSION,
                   "latest_change": int(latest[0]["seq"] or 0) if latest else 0}
    keep: set[str] | None = None
    documents: set[str] = set()
    if passes is not None:
        keep = set()
        async for edge in _facts(fetch):
            kept = _kept_fact(edge, passes, min_confidence)
            if kept is not None:
                documents.update(ev["doc_id"] for ev in kept["evidence"])
                keep.update((kept["source"], kept["target"]))
        keep |= documents
        async for mention in _mentions(fetch):
            if mention["target"] in documents:
                keep.add(mention["source"])
    async for node in _nodes(fetch):
        if keep is None or node["id"] in keep:
            yield "node", node
    async for edge in _facts(fetch):
        kept = edge if passes is None else _kept_fact(edge, passes, min_confidence)
        if kept is not None:
            yield "edge", kept
    async for mention in _mentions(fetch):
        if passes is None or mention["target"] in documents:
            yield "edge", mention


async def json_chunks(parts: Parts, *, indent: bool = True) -> AsyncIterator[str]:
    """The export's JSON text, piece by piece: with `indent`, exactly what json.dumps(indent=1) gives for the whole
    graph; otherwise compact."""
    def dump(value: Any) -> str:
        if indent:
            return json.dumps(value, ensure_ascii=False, indent=1, default=str)
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)

    nl, pad, colon = ("\n", " ", ": ") if indent else ("", "", ":")
    lists = iter(("nodes", "edges"))
    section: str | None = None
    first = True

    def close() -> str:
        return "]" if first else f"{nl}{pad}]"

    async for kind, value in parts:
        if kind == "head":
            yield "{" + nl + ("," + nl).join(f"{pad}{dump(k)}{colon}{dump(v)}" for k, v in value.items())
            continue
        wanted = "nodes" if kind == "node" else "edges"
        while section != wanted:  # open the next list, closing the one before (an empty one as [])
            text = close() if section is not None else ""
            section = next(lists)
            yield f"{text},{nl}{pad}{dump(section)}{colon}["
            first = True
        text = dump(value)
        if indent:
            text = "\n".join("  " + line for line in text.split("\n"))
        yield ("" if first else ",") + nl + text
        first = False
    while section != "edges":
        text = close() if section is not None else ""
        section = next(lists)
        yield f"{text},{nl}{pad}{dump(section)}{colon}["
        first = True
    yield close() + nl + "}" + ("\n" if indent else "")


async def collect(parts: Parts) -> dict[str, Any]:
    """A stream of graph parts as one JSON-ready dict (tests, the bench's shape check: small graphs)."""
    head: dict[str, Any] = {}
    lists: dict[str, list[dict[str, Any]]] = {"nodes": [], "edges": []}
    async for kind, value in parts:
        if kind == "head":
            head = value
        else:
            lists["nodes" if kind == "node" else "edges"].append(value)
    return {**head, **lists}


# How long an export keeps trying to read the graph between two writes before it says it cannot.
SNAPSHOT_SECONDS = 30.0


def _changing(started: float, attempts: int) -> SnapshotUnavailable:
    return SnapshotUnavailable(
        f"the graph kept changing while it was read ({attempts} attempts in {time.monotonic() - started:.0f} s): "
        "documents are being loaded; export again when the load is done")


def _stamp(records: list[neo4j.Record]) -> tuple[Any, ...]:
    return tuple(records[0].values()) if records else ()


async def snapshot(fetch: Fetch, attempt: Callable[[], Awaitable[T]], patience: float = SNAPSHOT_SECONDS) -> T:
    """Run `attempt` (one whole read of the graph, in pages) as one state of the graph: the store's write counter
    (graph_generation) is read before and after, and the attempt is repeated until no write committed in between,
    for at most `patience` seconds; then SnapshotUnavailable. So no edge names a node the export lacks, and
    `latest_change` is the change feed's position of exactly what was read. An attempt writes to its own output
    (a dict, a temporary file), which is used only when the attempt held."""
    started, attempts = time.monotonic(), 0
    while True:
        attempts += 1
        before = _stamp(await fetch("graph_generation"))
        result = await attempt()
        if _stamp(await fetch("graph_generation")) == before:
            return result
        if time.monotonic() - started > patience:
            raise _changing(started, attempts)
        await asyncio.sleep(min(0.05 * attempts, 0.5))


def to_json(store: GraphStore, *, patience: float = SNAPSHOT_SECONDS) -> dict[str, Any]:
    """The whole graph as a JSON-ready dict, one state of it (snapshot). In memory: for small graphs and tests;
    `kg export` and the API stream."""
    fetch = fetch_of(store)
    return asyncio.run(snapshot(fetch, lambda: collect(graph_parts(fetch)), patience))


async def write_text(out: IO[str], chunks: AsyncIterator[str]) -> None:
    """Write the pieces of an export to `out`, from its start (a repeated attempt overwrites the one before)."""
    out.seek(0)
    out.truncate()
    async for chunk in chunks:
        out.write(chunk)


def _write_file(store: GraphStore, path: Path, chunks_of: Callable[[Parts], AsyncIterator[str]],
                patience: float) -> None:
    """An export streamed to `path`, one state of the graph: written to a file beside it, moved into place when the
    attempt held."""
    fetch = fetch_of(store)
    partial = Path(path).with_name(Path(path).name + ".partial")
    try:
        with partial.open("w", encoding="utf-8") as out:
            asyncio.run(snapshot(fetch, lambda: write_text(out, chunks_of(graph_parts(fetch))), patience))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def write_json(store: GraphStore, path: Path, *, patience: float = SNAPSHOT_SECONDS) -> None:
    """The whole graph as JSON (indented), streamed to a file page by page."""
    _write_file(store, path, json_chunks, patience)


def write_graphml(store: GraphStore, path: Path, *, patience: float = SNAPSHOT_SECONDS) -> None:
    """The whole graph as GraphML, streamed to a file page by page."""
    _write_file(store, path, graphml_chunks, patience)


def subgraph_to_json(sub: Subgraph) -> dict[str, Any]:
    """A Subgraph (e.g. a neighbourhood page) in the export's JSON shape."""
    nodes = [{"id": n.id,
              "labels": [n.type] if n.type in (schema.DOCUMENT, schema.ENTITY) else [n.type, schema.ENTITY],
              "name": n.name, "aliases": n.aliases, "properties": n.properties} for n in sub.nodes]
    edges = [_edge_json(e.source, e.type, e.target, e.properties, [ev.model_dump() for ev in e.evidence])
             for e in sub.edges]
    return {"format": "kg-graph", "version": FORMAT_VERSION, "nodes": nodes, "edges": edges,
            "limit": sub.limit, "has_more": sub.has_more, "next_cursor": sub.next_cursor}


# ---------------------------------------------------------------------------------------------- CSV

EVIDENCE_COLUMNS = tuple(f"evidence_{name}" for name in EvidenceOut.model_fields)
_EDGE_COLUMNS = ("id", "source", "target", "type")
_NODE_COLUMNS = ("id", "type", "labels", "name", "aliases")


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def csv_tables(data: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A graph in the export's JSON shape as two tables (lists of rows): nodes, and edges one row per piece of
    evidence. Property columns are the union over all rows; a list or map value is JSON text."""
    nodes = []
    for n in data["nodes"]:
        entity_type = next((label for label in n["labels"] if label != schema.ENTITY), schema.ENTITY)
        nodes.append({"id": n["id"], "type": entity_type, "labels": ":".join(n["labels"]), "name": n["name"],
                      "aliases": "; ".join(n["aliases"]),
                      **{k: _cell(v) for k, v in n["properties"].items() if k not in _NODE_COLUMNS}})
    edges = []
    for e in data["edges"]:
        base = {"id": e["id"], "source": e["source"], "target": e["target"], "type": e["type"],
                **{k: _cell(v) for k, v in e["properties"].items() if k not in _EDGE_COLUMNS}}
        for ev in e["evidence"] or [None]:
            row = dict(base)
            for name, column in zip(EvidenceOut.model_fields, EVIDENCE_COLUMNS, strict=True):
                value = ev.get(name) if ev else None
                row[column] = "" if value is None or value == [] else _cell(value)
            edges.append(row)
    return nodes, edges


def write_csv(store: GraphStore, nodes_path: Path, edges_path: Path) -> tuple[int, int]:
    """The whole graph as two CSV files (UTF-8, header row, RFC 4180 quoting); returns their row counts. Streamed
    twice: once for the columns (the union over all rows), once for the rows."""
    fetch = fetch_of(store)
    return asyncio.run(snapshot(fetch, lambda: _write_csv(fetch, nodes_path, edges_path)))


def _csv_rows(kind: str, value: dict[str, Any]) -> list[dict[str, Any]]:
    nodes, edges = csv_tables({"nodes": [value] if kind == "node" else [], "edges": [value] if kind == "edge" else []})
    return nodes or edges


async def _write_csv(fetch: Fetch, nodes_path: Path, edges_path: Path) -> tuple[int, int]:
    keys: dict[str, set[str]] = {"node": set(), "edge": set()}
    async for kind, value in graph_parts(fetch):
        if kind != "head":
            for row in _csv_rows(kind, value):
                keys[kind].update(row)
    columns = {"node": [*_NODE_COLUMNS, *sorted(keys["node"] - set(_NODE_COLUMNS))],
               "edge": [*_EDGE_COLUMNS, *sorted(keys["edge"] - set(_EDGE_COLUMNS) - set(EVIDENCE_COLUMNS)),
                        *EVIDENCE_COLUMNS]}
    counts = {"node": 0, "edge": 0}
    with Path(nodes_path).open("w", encoding="utf-8", newline="") as nodes_file, \
            Path(edges_path).open("w", encoding="utf-8", newline="") as edges_file:
        writers = {"node": csv.DictWriter(nodes_file, fieldnames=columns["node"], restval=""),
                   "edge": csv.DictWriter(edges_file, fieldnames=columns["edge"], restval="")}
        for writer in writers.values():
            writer.writeheader()
        async for kind, value in graph_parts(fetch):
            if kind != "head":
                rows = _csv_rows(kind, value)
                writers[kind].writerows(rows)
                counts[kind] += len(rows)
    return counts["node"], counts["edge"]


# ---------------------------------------------------------------------------------------------- GraphML

_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
# Characters XML 1.0 cannot carry at all.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NODE_KEYS = (("labels", "string"), ("name", "string"), ("aliases", "string"), ("properties", "string"))
_EDGE_KEYS = (("type", "string"), ("properties", "string"), ("evidence", "string"))


def _text(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True,
                                                           default=str)
    return _XML_INVALID.sub("\ufffd", text)


def graphml_from_json(data: dict[str, Any]) -> str:
    """GraphML text for a graph in the export's JSON shape."""
    ET.register_namespace("", _GRAPHML_NS)
    root = ET.Element(f"{{{_GRAPHML_NS}}}graphml")
    for prefix, target, keys in (("n", "node", _NODE_KEYS), ("e", "edge", _EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, f"{{{_GRAPHML_NS}}}key", id=f"{prefix}_{name}", attrib={
                "for": target, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{_GRAPHML_NS}}}graph", id="kg", edgedefault="directed")
    for node in data["nodes"]:
        el = ET.SubElement(graph, f"{{{_GRAPHML_NS}}}node", id=_text(node["id"]))
        values = {"labels": ":".join(node["labels"]), "name": node["name"] or "", "aliases": node["aliases"],
                  "properties": node["properties"]}
        for name, _ in _NODE_KEYS:
            ET.SubElement(el, f"{{{_GRAPHML_NS}}}data", key=f"n_{name}").text = _text(values[name])
    for i, edge in enumerate(data["edges"]):
        el = ET.SubElement(graph, f"{{{_GRAPHML_NS}}}edge", id=f"e{i}", source=_text(edge["source"]),
                           target=_text(edge["target"]))
        for name, _ in _EDGE_KEYS:
            ET.SubElement(el, f"{{{_GRAPHML_NS}}}data", key=f"e_{name}").text = _text(edge[name])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _graphml_frame() -> tuple[str, str]:
    """The text before the first node and after the last edge, as graphml_from_json writes them."""
    marker = "frame-marker"
    text = graphml_from_json({"nodes": [{"id": marker, "labels": [], "name": "", "aliases": [], "properties": {}}],
                              "edges": []})
    start = text.rindex("<node", 0, text.index(marker))
    line = text.rindex("\n", 0, start) + 1
    end = text.index("</node>", start) + len("</node>\n")
    return text[:line], text[end:]


def _graphml_element(tag: str, attrib: dict[str, str], data: list[tuple[str, Any]]) -> str:
    el = ET.Element(tag, attrib)
    for key, value in data:
        ET.SubElement(el, "data", key=key).text = _text(value)
    ET.indent(el, level=2)
    return "    " + ET.tostring(el, encoding="unicode") + "\n"


async def graphml_chunks(parts: Parts) -> AsyncIterator[str]:
    """The export's GraphML text, piece by piece: exactly what graphml_from_json gives for the whole graph."""
    head, tail = _graphml_frame()
    started = False
    edges = 0
    async for kind, value in parts:
        if kind == "head":
            continue
        if not started:
            yield head
            started = True
        if kind == "node":
            yield _graphml_element("node", {"id": _text(value["id"])}, [
                ("n_labels", ":".join(value["labels"])), ("n_name", value["name"] or ""),
                ("n_aliases", value["aliases"]), ("n_properties", value["properties"])])
        else:
            yield _graphml_element("edge", {"id": f"e{edges}", "source": _text(value["source"]),
                                            "target": _text(value["target"])},
                                   [(f"e_{name}", value[name]) for name, _ in _EDGE_KEYS])
            edges += 1
    yield tail if started else graphml_from_json({"nodes": [], "edges": []})


def subgraph_to_graphml(sub: Subgraph) -> str:
    return graphml_from_json(subgraph_to_json(sub))


def write_subgraph_json(sub: Subgraph, path: Path) -> None:
    Path(path).write_text(json.dumps(subgraph_to_json(sub), ensure_ascii=False, indent=1, default=str) + "\n",
                          encoding="utf-8")


def write_subgraph_graphml(sub: Subgraph, path: Path) -> None:
    Path(path).write_text(subgraph_to_graphml(sub), encoding="utf-8")
