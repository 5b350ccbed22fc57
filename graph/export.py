"""The graph, or a subgraph, as JSON or GraphML. Used by `kg export` and the API's export endpoints.

JSON shape (both for the whole graph and a Subgraph):
  {"nodes": [{"id", "labels", "name", "aliases", "properties"}],
   "edges": [{"source", "target", "type", "properties", "evidence": [...]}]}
Documents are nodes labelled Document; entity-to-document mentions are edges of type MENTIONED_IN with no
evidence. GraphML carries the same data: scalar keys for labels, name and type, JSON text for the rest.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import neo4j

from graph import schema
from graph.evidence import evidence_of, plain_properties
from graph.results import Subgraph
from graph.store import GraphStore

FORMAT_VERSION = 1
# Derived search helpers the loader keeps in step with name and aliases: not data.
_DERIVED_NODE_PROPS = {"id", "name", "aliases", "name_lower", "aliases_lower", "search"}


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


def _graph_json(node_records: list[neo4j.Record], rel_records: list[neo4j.Record],
                mention_records: list[neo4j.Record]) -> dict[str, Any]:
    nodes = [_node_json(r["n"], list(r["labels"])) for r in node_records]
    edges = [{"source": r["source"], "target": r["target"], "type": r["type"],
              "properties": plain_properties(dict(r["props"])), "evidence": evidence_of(dict(r["props"]))}
             for r in rel_records]
    edges += [{"source": r["source"], "target": r["target"], "type": schema.MENTIONED_IN, "properties": {},
               "evidence": []} for r in mention_records]
    return {"format": "kg-graph", "version": FORMAT_VERSION, "nodes": nodes, "edges": edges}


def to_json(store: GraphStore) -> dict[str, Any]:
    """The whole graph as a JSON-ready dict."""
    return _graph_json(store.run("export_nodes"), store.run("export_relationships"), store.run("export_mentions"))


async def ato_json(store: GraphStore) -> dict[str, Any]:
    """Async twin of to_json(), for the API."""
    return _graph_json(await store.arun("export_nodes"), await store.arun("export_relationships"),
                       await store.arun("export_mentions"))


def subgraph_to_json(sub: Subgraph) -> dict[str, Any]:
    """A Subgraph (e.g. a neighbourhood) in the export's JSON shape."""
    nodes = [{"id": n.id,
              "labels": [n.type] if n.type in (schema.DOCUMENT, schema.ENTITY) else [n.type, schema.ENTITY],
              "name": n.name, "aliases": n.aliases, "properties": n.properties} for n in sub.nodes]
    edges = [{"source": e.source, "target": e.target, "type": e.type, "properties": e.properties,
              "evidence": [ev.model_dump() for ev in e.evidence]} for e in sub.edges]
    return {"format": "kg-graph", "version": FORMAT_VERSION, "nodes": nodes, "edges": edges,
            "truncated": sub.truncated, "cap": sub.cap}


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
