"""Every answer shape: shared by the API (JSON), the views (pyvis) and the Python interface (`kg`), plain data, no
output format; and the conversions from driver values to them.

The vocabulary, the same everywhere (API parameters and bodies, views' URLs, named queries, exports):
- a node is an entity or a document: `id`, `type`, `name`, `aliases`, `properties`;
- an edge is a fact relationship: `id` (`source|TYPE|target`), `source`, `target` (the stored direction), `type`,
  `properties` (among them `rule`, `confidence`, and `reference` for reference data), `evidence`;
- a piece of evidence: `doc_id`, `sentence`, `start`, `end`, `date`, `date_source`, `modality`, `quantities`,
  `rule`, `confidence`;
- a path walks `nodes` in order through `hops`; a hop is an edge plus its `direction` along the walk;
- filters: `rel_types`, `node_types` (lists), `min_confidence` (0-1), `as_of` (an ISO date);
- pages: `limit` in, `has_more` and `next_cursor` out, `cursor` back in (graph/paging.py).
"""

from __future__ import annotations

import base64
import json
import math
from datetime import date, datetime, time
from typing import Any, Literal, TypeVar

import neo4j.graph
import neo4j.time
from pydantic import BaseModel, ConfigDict, Field

from graph import schema
from graph.evidence import evidence_of, plain_properties

SearchMode = Literal["auto", "exact", "prefix", "fulltext"]
MatchKind = Literal["exact", "prefix", "fulltext"]
PathMode = Literal["shortest", "all"]
Direction = Literal["forward", "backward"]
ChangeKind = Literal["loaded", "replaced", "deleted"]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


M = TypeVar("M", bound=BaseModel)


def built(cls: type[M], values: dict[str, Any]) -> M:
    """A model from values already validated (the fields of models built before), every field given: what
    model_construct does, without its pass over the fields' defaults, which costs more than the rest of building
    the mineral answer's 2,700 hops and paths at 100,000 entities. A missing or unknown field is an error."""
    if values.keys() != cls.model_fields.keys():
        raise TypeError(f"{cls.__name__}: fields {sorted(values)} given, {sorted(cls.model_fields)} expected")
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", values)
    object.__setattr__(model, "__pydantic_fields_set__", set(values))
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


class EvidenceOut(Out):
    doc_id: str
    sentence: str | None
    start: int | None = None
    end: int | None = None
    date: str | None = Field(default=None, description="When the fact holds or happened, as its sentence or "
                                                        "paragraph states it; else the document's date")
    date_source: str | None = Field(default=None, description="'sentence', 'paragraph', 'event' (the date stated "
                                                              "for an event the sentence names), 'lead' (the date "
                                                              "the report's first sentence gives) or 'document' "
                                                              "(fallback)")
    modality: str | None = None
    quantities: list[dict[str, Any]] = Field(default_factory=list)
    rule: str | None = Field(default=None, description="The extraction rule that read the fact from this sentence")
    confidence: float | None = Field(default=None, description="That rule's confidence, 0-1")
    page: int | None = Field(default=None, description="PDF documents: the page on which the sentence starts")

    def row(self) -> dict[str, Any]:
        """This evidence as one flat table row (quantities as JSON text)."""
        out = self.model_dump()
        out["quantities"] = json.dumps(self.quantities, ensure_ascii=False) if self.quantities else ""
        return out


class GraphNode(Out):
    id: str
    type: str = Field(description="The node's type: one of the schema labels, or 'Document'")
    name: str
    aliases: list[str] = Field(default_factory=list)
    properties: dict[str, Any] = Field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        """This node as one flat table row: id, type, name, aliases (joined with '; '), then its properties."""
        return {"id": self.id, "type": self.type, "name": self.name, "aliases": "; ".join(self.aliases),
                **{k: _cell(v) for k, v in sorted(self.properties.items())}}


class GraphEdge(Out):
    id: str = Field(description="source|TYPE|target: the one id format of an edge, everywhere")
    source: str = Field(description="Id of the entity the relationship starts from (its stored direction)")
    target: str = Field(description="Id of the entity it points to")
    type: str
    properties: dict[str, Any] = Field(default_factory=dict, description="Among them `rule` and `confidence` (the "
                                       "strongest evidence's), and `reference` for facts that reference data states")
    evidence: list[EvidenceOut] = Field(default_factory=list, description="One entry per sentence that states the "
                                        "fact; none for reference data")

    def row(self) -> dict[str, Any]:
        """This edge as one flat table row: its properties, the number of pieces of evidence, the first sentence."""
        first = self.evidence[0] if self.evidence else None
        return {"id": self.id, "source": self.source, "target": self.target, "type": self.type,
                **{k: _cell(v) for k, v in sorted(self.properties.items())},
                "evidence_count": len(self.evidence), "doc_ids": "; ".join(e.doc_id for e in self.evidence),
                "sentence": first.sentence if first else None}


class Page(Out):
    """How a paged answer ends: pass `next_cursor` back as `cursor` (same parameters) for the next page."""

    limit: int = Field(description="Most items in one page")
    has_more: bool = Field(description="True when another page follows")
    next_cursor: str | None = Field(default=None, description="The cursor of the next page; null on the last")


class Hub(Out):
    """An entity with more facts than the degree cap of an answer: reached, but not walked through."""

    id: str
    type: str
    name: str
    degree: int = Field(description="How many fact relationships it takes part in")


class Subgraph(Page):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    limit: int = Field(default=0, description="Most edges in one page (0: not paged)")
    has_more: bool = Field(default=False, description="True when another page follows")
    max_degree: int | None = Field(default=None, description="The degree cap applied: entities (other than the one "
                                                             "asked about) with more facts than this were not expanded")
    capped: list[Hub] = Field(default_factory=list, description="The hubs reached and not expanded for this page, "
                                                                "busiest first")


def _cell(value: Any) -> Any:
    """A property value for a table cell: scalars as they are, anything else as JSON text."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


# Node properties that are not data: the search helpers the loader derives from name and aliases, and the number of
# fact relationships it keeps for each entity (internal); and fields shown elsewhere (id, name, aliases; a document's
# text has its own endpoint).
INTERNAL_NODE_PROPS = frozenset({"name_lower", "aliases_lower", "search", "degree"})
# A document's page starts, text hash and shingle sketch serve its text and copy detection (graph/dedup.py).
_HIDDEN_NODE_PROPS = {"id", "name", "aliases", "text", "pages", "text_hash", "sketch", *INTERNAL_NODE_PROPS}


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


def edge_from_driver(rel: neo4j.graph.Relationship, ends: tuple[str, str] | None = None) -> GraphEdge:
    """`ends`: the ids of its source and target, when the query did not return those entities (the relationship's
    nodes then carry no properties)."""
    if ends is not None:
        source, target = ends
    else:
        assert rel.start_node is not None and rel.end_node is not None
        source, target = str(rel.start_node["id"]), str(rel.end_node["id"])
    return edge_from_properties(source, str(rel.type), target, dict(rel.items()))


def edge_from_properties(source: str, rel_type: str, target: str, props: dict[str, Any]) -> GraphEdge:
    """A fact relationship from its ends' ids, its type and its properties (a query that returned `properties(r)`
    rather than the relationship: the driver decodes a map for less)."""
    # Validated in one call, evidence included (one model per piece of evidence built by pydantic-core rather than
    # through EvidenceOut(**e) each: the mineral answer converts about 900 relationships).
    return GraphEdge.model_validate({
        "id": f"{source}|{rel_type}|{target}",
        "source": source,
        "target": target,
        "type": rel_type,
        "properties": plain_properties(props),
        "evidence": evidence_of(props),
    })


# ---------------------------------------------------------------------------------------------- answers


class EntityRef(Out):
    id: str
    type: str
    name: str


class SearchHit(GraphNode):
    """An entity found by search, with how it matched."""

    score: float = Field(description="How well it matches, 0-1: 1 for the exact name or id, 0.95 for an exact alias "
                                     "or country code, 0.55-0.9 for a prefix, below 0.5 for full-text matches")
    match: MatchKind = Field(description="exact: the name, an alias, a search alias or an ISO 3166 code equals the "
                                         "query; prefix: one of them starts with it; fulltext: its words start so")
    matched: str | None = Field(default=None, description="The name, alias or code that matched (null for full-text)")
    degree: int = Field(default=0, description="Number of its fact relationships; orders equally good matches")


class SearchPage(Page):
    q: str
    mode: SearchMode
    node_types: list[str] = Field(description="The entity types the results were restricted to (empty: any)")
    offset: int
    items: list[SearchHit] = Field(description="Best first: exact matches, then prefix, then full-text; nothing when "
                                                "nothing matches")


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
    parents: list[EntityRef] = Field(default_factory=list, description="Its parent firm or body (the gazetteer's "
                                     "`parent`, or a SUBSIDIARY_OF fact), by name")
    subsidiaries: list[EntityRef] = Field(default_factory=list, description="Entities whose parent it is, by name")
    country: EntityRef | None = Field(default=None, description="The country its `country` property names")
    search_aliases: list[str] = Field(default_factory=list, description="Names in other scripts and ISO codes that "
                                      "search also finds it by (graph/data/search_aliases.json)")


class PathHop(GraphEdge):
    direction: Direction = Field(description="'forward' when the walk goes from the edge's source to its target")


class PathResult(Out):
    length: int
    nodes: list[GraphNode] = Field(description="The nodes in walking order: hop i joins nodes[i] and nodes[i+1]")
    hops: list[PathHop]
    rel_types: list[str] = Field(description="Relationship types along the path, in order")


class PathsAnswer(Page):
    source: EntityRef
    target: EntityRef
    max_len: int
    mode: PathMode = Field(default="shortest", description="shortest: the shortest paths only; all: every simple "
                                                           "path up to max_len, shortest first")
    paths: list[PathResult] = Field(description="The paths, shortest first, then ordered by their edge ids")
    max_degree: int | None = Field(default=None, description="The degree cap applied: paths do not pass through "
                                                             "entities with more facts than this")
    capped: list[Hub] = Field(default_factory=list, description="The hubs the search met and did not pass through, "
                                                                "busiest first")


class MineralPath(PathResult):
    kind: str = Field(description="'direct TYPE' for one hop, else 'via TYPE > TYPE ...' from the firm's side")


class MineralFirm(Out):
    firm: GraphNode
    direct: bool = Field(description="True when some path is a single relationship")
    kinds: list[str] = Field(description="Distinct kinds of touch, shortest first")
    path_count: int = Field(description="How many paths link the firm to the mineral (all of them)")
    hops: int = Field(default=0, description="Length of its shortest path")
    sources: int = Field(default=0, description="Number of distinct documents giving evidence on its listed paths")
    paths: list[MineralPath] = Field(description="Its paths, shortest first, at most `paths_per_firm`")


class MineralAnswer(Page):
    mineral: EntityRef
    country: EntityRef | None
    max_hops: int
    firms: list[MineralFirm] = Field(description="Firms and organizations, nearest first, then by id")
    max_degree: int | None = Field(default=None, description="The degree cap applied: chains do not pass through "
                                                             "entities with more facts than this")
    capped: list[Hub] = Field(default_factory=list, description="The hubs the search met and did not pass through, "
                                                                "busiest first")


class Money(Out):
    value: float = Field(description="The sum as the text states it, in its own currency")
    currency: str = Field(description="ISO code: USD, KRW, EUR, KZT, UZS, ...")
    usd: float | None = Field(default=None, description="In US dollars at the yearly average rate of `rate_year`")
    rate_year: int | None = None
    text: str = Field(description="The sum as written")


class EventEvidence(EvidenceOut):
    edge: str = Field(description="Id of the fact (source|TYPE|target) this sentence is evidence of")


class Participant(Out):
    entity: EntityRef
    roles: list[str] = Field(description="What it is to the project or event: contractor, developer, investor, "
                                         "shareholder, owner, lender, financier, donor, signatory, place, ...")


class Amount(Out):
    """One sum of money, counted once: every sentence that states it on any number of facts (two lenders of one
    loan, two partners of one portfolio) and every document that repeats it for the same thing."""

    id: str = Field(description="Stable id of the amount (a hash of what it is attached to, its kind and value)")
    kind: str = Field(description="loan, grant, financing, investment, value (of a project or contract), supply, "
                                  "trade, package (of an agreement or partnership), other")
    money: Money
    date: str | None = Field(description="The earliest date a source states it for")
    year: int | None
    stage: str | None = Field(description="The stage it was stated at (schema.PROJECT_STAGES), or null")
    bucket: str = Field(description="pledged, contracted, completed or other (see the README's money rule)")
    attached_to: EntityRef | None = Field(default=None, description="The project or agreement it is the value of, "
                                          "or that it pays for; null when it joins actors only")
    parties: list[EntityRef] = Field(description="Every entity on a fact that states it")
    countries: list[str] = Field(description="Countries it counts for: its parties, their countries and places")
    edges: list[str] = Field(description="The facts that state it")
    sources: int = Field(description="How many documents state it")
    evidence: list[EventEvidence]


class TimelineEvent(Out):
    """A dated event: one stage of a project, or what one sentence states between two sides. Sentences of several
    documents that report the same stage (or the same facts) in the same year are one event, corroborated."""

    id: str = Field(description="Stable id of the event")
    date: str = Field(description="ISO date, month or year: the most precise of its sources, the earliest if they "
                                  "differ")
    stage: str | None = Field(description="The stage of a project it reports (schema.PROJECT_STAGES), or null")
    milestone: str | None = Field(default=None, description="The milestone of two countries' relations it reports "
                                  "(schema.RELATIONS_MILESTONES: relations_established, relations_upgraded, "
                                  "relations_anniversary), or null")
    planned: bool = Field(description="True when its date is after the date of every document that states it: "
                                      "expected, not reported")
    types: list[str] = Field(description="Relationship types of its facts")
    title: str = Field(description="A short title: the stage or types, and who")
    about: EntityRef | None = Field(default=None, description="The project, agreement or event it concerns, if any")
    participants: list[Participant]
    amount: Money | None = Field(default=None, description="The largest sum its sentences state")
    sources: int = Field(description="How many documents state it")
    evidence: list[EventEvidence]


class ProjectSummary(Out):
    project: GraphNode
    facts: list[GraphEdge] = Field(description="The project's fact relationships: who builds, finances, operates it, "
                                               "where it lies, with evidence")
    current_stage: str | None = Field(default=None, description="The latest stage reported (not expected) as of the "
                                      "filters; ties on a date go to the later stage of a project's life")
    stage_date: str | None = Field(default=None, description="The date of that stage")
    value: Amount | None = Field(default=None, description="The project's value (or its contract's), when stated")
    participants: list[Participant] = Field(default_factory=list, description="Who takes part, with their roles")
    stages: list[TimelineEvent] = Field(default_factory=list, description="Its dated stages, oldest first")


class ProjectPage(Page):
    country: EntityRef | None
    offset: int
    items: list[ProjectSummary]


class ProjectTimeline(Out):
    project: GraphNode
    current_stage: str | None
    stage_date: str | None
    value: Amount | None
    participants: list[Participant]
    events: list[TimelineEvent] = Field(description="Stages and other dated events, oldest first")
    amounts: list[Amount] = Field(description="Sums attached to the project, each once")
    undated: int = Field(description="Pieces of evidence left out for want of a date")


class PairTimeline(Page):
    source: EntityRef = Field(description="One entity (the `source` asked for)")
    target: EntityRef = Field(description="The other (the `target` asked for)")
    offset: int
    events: list[TimelineEvent] = Field(description="Dated events between the two sides, oldest first")
    undated: int = Field(description="Pieces of evidence left out for want of a date")


class StalledProject(Out):
    project: EntityRef
    reason: Literal["pledge", "suspended", "cancelled"] = Field(description="pledge: its latest stage is announced "
                                                                "or agreed and older than `years`; else the stage")
    current_stage: str
    stage_date: str
    age_years: float = Field(description="Years from the stage's date to the reference day")
    value: Amount | None
    participants: list[Participant]


class StalledAnswer(Page):
    years: int
    reference_date: str = Field(description="The day ages are counted to: as_of or until, else today")
    country: EntityRef | None
    offset: int
    items: list[StalledProject]


class BucketTotal(Out):
    usd: float = Field(description="Sum in US dollars, each amount once")
    amounts: int = Field(description="How many distinct amounts")
    sources: int = Field(description="How many documents state them")


class YearTotals(Out):
    year: int | None = Field(description="The year the amounts were stated for; null: undated")
    pledged: BucketTotal
    contracted: BucketTotal
    completed: BucketTotal
    other: BucketTotal


class TotalsAnswer(Out):
    country: EntityRef | None
    by_year: list[YearTotals] = Field(description="Oldest first")
    total: YearTotals = Field(description="Every year together (year null)")
    amounts: list[Amount] = Field(description="The amounts summed, each once, oldest first")


class QueryParamInfo(Out):
    name: str
    type: str
    description: str
    optional: bool = Field(default=False, description="True when a caller may leave it out (it is then null)")


class QueryInfo(Out):
    name: str
    description: str
    parameters: list[QueryParamInfo]
    template: str | None = Field(default=None, description="Template slot, filled from `slot_values` only")
    slot_values: list[str] = Field(default_factory=list)


class QueryRun(Page):
    name: str
    columns: list[str]
    rows: list[dict[str, Any]]


class DocumentSummary(Out):
    id: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    license: str | None = None
    loaded_at: str | None = None


class DocumentPage(Page):
    total: int
    offset: int
    items: list[DocumentSummary]


class DocumentDetail(DocumentSummary):
    date_text: str | None = None
    content_hash: str | None = None
    format: str | None = Field(default=None, description="'text', 'markdown', 'html' or 'pdf'")
    text: str | None = Field(default=None, description="The text read from the document (for HTML, Markdown and "
                                                        "PDF the extracted text): evidence offsets refer to it")
    pages: list[int] | None = Field(default=None, description="PDF: where each page starts in `text`")
    copies: list[str] = Field(default_factory=list, description="Other URLs or files where exact copies of this "
                                                                "document were found (not stored again)")
    near_copies: list[str] = Field(default_factory=list, description="Ids of documents that are near copies of "
                                                                     "this one (graph/dedup.py)")
    facts: list[GraphEdge] = Field(description="Relationships this document gave evidence for, with that evidence")
    facts_has_more: bool = Field(default=False, description="True when the document gave more facts than listed")
    entities: list[EntityRef] = Field(default_factory=list, description="The entities its listed facts join, by id")


class IngestResult(Out):
    doc_id: str = Field(description="The document; for an exact copy of another, that other document")
    status: Literal["loaded", "replaced", "unchanged", "skipped"]
    reason: str | None = Field(default=None, description="e.g. 'exact copy of doc:x', 'near copy of doc:y ...'")
    entities: int
    facts_by_type: dict[str, int]
    near_copies: list[str] = Field(default_factory=list, description="Documents this one is a near copy of")
    facts: list[GraphEdge]


class GraphStats(Out):
    nodes_by_label: dict[str, int]
    relationships_by_type: dict[str, int]
    entities: int
    documents: int
    facts: int = Field(description="Fact relationships (MENTIONED_IN excluded)")


class Change(Out):
    seq: int = Field(description="Position in the feed: strictly increasing")
    at: str = Field(description="When the change was written (ISO 8601, UTC)")
    kind: ChangeKind
    doc_id: str
    facts_added: list[str] = Field(description="Ids of the edges this document now gives evidence for (or reference "
                                               "facts it brought)")
    facts_removed: list[str] = Field(description="Ids of the edges that lost this document's evidence (an edge with "
                                                 "none left is gone: GET /edges/{id} answers 404)")


class ChangeFeed(Out):
    since: int = Field(description="The sequence number asked for: changes after it are listed")
    items: list[Change]
    limit: int
    has_more: bool = Field(description="True when more changes follow: ask again with since=next_since")
    next_since: int = Field(description="Pass as `since` next time: the last change listed, or `since` when none")
    latest: int = Field(description="The latest change in the graph (0 before the first)")


# ---------------------------------------------------------------------------------------------- driver values


def path_from_driver(path: neo4j.graph.Path) -> PathResult:
    """A driver Path as hops in walking order, each an edge with its direction along the walk."""
    nodes = list(path.nodes)
    hops: list[PathHop] = []
    for i, rel in enumerate(path.relationships):
        edge = edge_from_driver(rel)
        forward = rel.start_node is not None and rel.start_node.element_id == nodes[i].element_id
        hops.append(PathHop(**edge.__dict__, direction="forward" if forward else "backward"))
    return PathResult(length=len(hops), nodes=[node_from_driver(n) for n in nodes], hops=hops,
                      rel_types=[h.type for h in hops])


def to_jsonable(value: Any) -> Any:
    """A driver value as plain JSON: nodes, edges and paths in the shared shapes (internal fields never show)."""
    if isinstance(value, neo4j.graph.Node):
        return node_from_driver(value).model_dump()
    if isinstance(value, neo4j.graph.Relationship):
        if value.start_node is not None and value.end_node is not None and "id" in value.start_node \
                and "id" in value.end_node:
            return edge_from_driver(value).model_dump()
        return {"type": value.type, "properties": {k: to_jsonable(v) for k, v in plain_properties(dict(value)).items()}}
    if isinstance(value, neo4j.graph.Path):
        return path_from_driver(value).model_dump()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items() if k not in INTERNAL_NODE_PROPS}
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
