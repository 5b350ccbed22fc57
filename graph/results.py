"""Result shapes shared by the API (JSON) and the views (pyvis): plain data, no output format."""

from __future__ import annotations

from typing import Any

import neo4j.graph
from pydantic import BaseModel, ConfigDict, Field

from graph import schema
from graph.evidence import evidence_of, plain_properties


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EvidenceOut(Out):
    doc_id: str
    sentence: str | None
    start: int | None = None
    end: int | None = None
    date: str | None = Field(default=None, description="When the fact holds or happened, as its sentence or "
                                                        "paragraph states it; else the document's date")
    date_source: str | None = Field(default=None, description="'sentence', 'paragraph' or 'document' (fallback)")
    modality: str | None = None
    quantities: list[dict[str, Any]] = Field(default_factory=list)
    rule: str | None = Field(default=None, description="The extraction rule that read the fact from this sentence")
    confidence: float | None = Field(default=None, description="That rule's confidence, 0-1")


class GraphNode(Out):
    id: str
    type: str = Field(description="The node's type: one of the schema labels, or 'Document'")
    name: str
    aliases: list[str] = Field(default_factory=list)
    properties: dict[str, Any] = Field(default_factory=dict)


class GraphEdge(Out):
    id: str = Field(description="source|TYPE|target")
    source: str
    target: str
    type: str
    properties: dict[str, Any] = Field(default_factory=dict)
    evidence: list[EvidenceOut] = Field(default_factory=list)


class Subgraph(Out):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = Field(default=False, description="True when a size cap cut the result")
    cap: int | None = Field(default=None, description="The node cap that applied")


_HIDDEN_NODE_PROPS = {"id", "name", "aliases", "name_lower", "aliases_lower", "search", "text"}


def node_type(labels: frozenset[str] | list[str]) -> str:
    for label in labels:
        if label in schema.ENTITY_LABELS or label == schema.DOCUMENT:
            return label
    return schema.ENTITY


def node_from_driver(node: neo4j.graph.Node) -> GraphNode:
    props = dict(node)
    return GraphNode(
        id=str(props.get("id")),
        type=node_type(node.labels),
        name=str(props.get("name") or props.get("title") or props.get("id")),
        aliases=list(props.get("aliases") or []),
        properties={k: v for k, v in props.items() if k not in _HIDDEN_NODE_PROPS},
    )


def edge_id(rel: neo4j.graph.Relationship) -> str:
    """The stable id of a fact edge: its endpoints' ids and its type (one relationship per such triple)."""
    assert rel.start_node is not None and rel.end_node is not None
    return f"{rel.start_node['id']}|{rel.type}|{rel.end_node['id']}"


def edge_from_driver(rel: neo4j.graph.Relationship) -> GraphEdge:
    assert rel.start_node is not None and rel.end_node is not None
    source, target = str(rel.start_node["id"]), str(rel.end_node["id"])
    props = dict(rel)
    return GraphEdge(
        id=edge_id(rel),
        source=source,
        target=target,
        type=rel.type,
        properties=plain_properties(props),
        evidence=[EvidenceOut(**e) for e in evidence_of(props)],
    )
