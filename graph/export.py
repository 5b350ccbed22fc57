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
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
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


def _graph_json(latest: list[neo4j.Record], node_records: list[neo4j.Record], rel_records: list[neo4j.Record],
                mention_records: list[neo4j.Record]) -> dict[str, Any]:
    nodes = [_node_json(r["n"], list(r["labels"])) for r in node_records]
    edges = [_edge_json(r["source"], r["type"], r["target"], plain_properties(dict(r["props"])),
                        evidence_of(dict(r["props"]))) for r in rel_records]
    edges += [_edge_json(r["source"], schema.MENTIONED_IN, r["target"], {}, []) for r in mention_records]
    return {"format": "kg-graph", "version": FORMAT_VERSION,
            "latest_change": int(latest[0]["seq"] or 0) if latest else 0, "nodes": nodes, "edges": edges}


# How long an export keeps trying to read the graph between two writes before it says it cannot.
SNAPSHOT_SECONDS = 30.0
_SNAPSHOT_QUERIES = ("changes_latest", "export_nodes", "export_relationships", "export_mentions")


def _changing(started: float, attempts: int) -> SnapshotUnavailable:
    return SnapshotUnavailable(
        f"the graph kept changing while it was read ({attempts} attempts in {time.monotonic() - started:.0f} s): "
        "documents are being loaded; export again when the load is done")


def to_json(store: GraphStore, *, patience: float = SNAPSHOT_SECONDS) -> dict[str, Any]:
    """The whole graph as a JSON-ready dict, read as one state of the graph: the store's write counter
    (graph_generation) is read before and after the reads, and the reads are repeated until no write committed in
    between, for at most `patience` seconds; then SnapshotUnavailable. So no edge names a node the export lacks, and
    `latest_change` is the change feed's position of exactly what was read."""
    started, attempts = time.monotonic(), 0
    while True:
        attempts += 1
        before = _stamp(store.run("graph_generation"))
        parts = [store.run(name) for name in _SNAPSHOT_QUERIES]
        if _stamp(store.run("graph_generation")) == before:
            return _graph_json(*parts)
        if time.monotonic() - started > patience:
            raise _changing(started, attempts)
        time.sleep(min(0.05 * attempts, 0.5))


async def ato_json(store: GraphStore, *, patience: float = SNAPSHOT_SECONDS) -> dict[str, Any]:
    """Async twin of to_json(), for the API."""
    started, attempts = time.monotonic(), 0
    while True:
        attempts += 1
        before = _stamp(await store.arun("graph_generation"))
        parts = [await store.arun(name) for name in _SNAPSHOT_QUERIES]
        if _stamp(await store.arun("graph_generation")) == before:
            return _graph_json(*parts)
        if time.monotonic() - started > patience:
            raise _changing(started, attempts)
        await asyncio.sleep(min(0.05 * attempts, 0.5))


def _stamp(records: list[neo4j.Record]) -> tuple[Any, ...]:
    return tuple(records[0].values()) if records else ()


def filtered(data: dict[str, Any], passes: Callable[[str | None, float | None], bool], min_confidence: float
             ) -> dict[str, Any]:
    """A whole-graph export cut to the facts that pass the answer filters (`passes(date, confidence)` on each piece
    of evidence, service.FactFilter.passes): a fact keeps the pieces that pass, and is left out when none does
    (reference data is kept when it is confident enough: it is timeless); the documents kept are those that gave
    evidence kept, the entities those that end a fact kept or that a kept document mentions."""
    edges: list[dict[str, Any]] = []
    for e in data["edges"]:
        if e["type"] == schema.MENTIONED_IN:
            continue
        evidence = [ev for ev in e["evidence"] if passes(ev.get("date"), ev.get("confidence"))]
        reference = "reference" in e["properties"] and float(e["properties"].get("confidence") or 0) >= min_confidence
        if evidence or reference:
            edges.append({**e, "evidence": evidence})
    documents = {ev["doc_id"] for e in edges for ev in e["evidence"]}
    mentions = [e for e in data["edges"] if e["type"] == schema.MENTIONED_IN and e["target"] in documents]
    keep = documents | {x for e in edges + mentions for x in (e["source"], e["target"])}
    return {**data, "nodes": [n for n in data["nodes"] if n["id"] in keep], "edges": edges + mentions}


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


def _columns(rows: list[dict[str, Any]], first: tuple[str, ...], last: tuple[str, ...] = ()) -> list[str]:
    middle = sorted({k for row in rows for k in row} - set(first) - set(last))
    return [*first, *middle, *last]


def write_csv(store: GraphStore, nodes_path: Path, edges_path: Path) -> tuple[int, int]:
    """The whole graph as two CSV files (UTF-8, header row, RFC 4180 quoting); returns their row counts."""
    nodes, edges = csv_tables(to_json(store))
    for path, rows, columns in ((nodes_path, nodes, _columns(nodes, _NODE_COLUMNS)),
                                (edges_path, edges, _columns(edges, _EDGE_COLUMNS, EVIDENCE_COLUMNS))):
        with Path(path).open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns, restval="")
            writer.writeheader()
            writer.writerows(rows)
    return len(nodes), len(edges)


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


def to_graphml(store: GraphStore) -> str:
    return graphml_from_json(to_json(store))


def subgraph_to_graphml(sub: Subgraph) -> str:
    return graphml_from_json(subgraph_to_json(sub))


def write_json(store: GraphStore, path: Path) -> None:
    Path(path).write_text(json.dumps(to_json(store), ensure_ascii=False, indent=1, default=str) + "\n",
                          encoding="utf-8")


def write_graphml(store: GraphStore, path: Path) -> None:
    Path(path).write_text(to_graphml(store), encoding="utf-8")


def write_subgraph_json(sub: Subgraph, path: Path) -> None:
    Path(path).write_text(json.dumps(subgraph_to_json(sub), ensure_ascii=False, indent=1, default=str) + "\n",
                          encoding="utf-8")


def write_subgraph_graphml(sub: Subgraph, path: Path) -> None:
    Path(path).write_text(subgraph_to_graphml(sub), encoding="utf-8")
