"""Graph-side answers the API routes, the views and the Python interface (`kg`) share: search, entity detail,
neighbourhood, paths, the mineral question, projects, the named-query catalogue, documents, edges, the change
feed, statistics.

No HTTP here: functions take a GraphStore and plain values, return graph/results.py shapes, and raise
graph.errors exceptions (NotFound, BadQueryInput, StoreUnavailable). Lists come in pages (graph/paging.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import neo4j

from graph import derived, paging, queries, schema, traversal
from graph.aliases import normalise, search_aliases
from graph.errors import BadQueryInput, GraphError, NotFound, QueryTimeout
from graph.results import (
    Change,
    ChangeFeed,
    DocumentDetail,
    DocumentPage,
    DocumentRef,
    DocumentSummary,
    EntityDetail,
    EntityRef,
    GraphEdge,
    GraphNode,
    GraphStats,
    IngestResult,
    MineralAnswer,
    MineralFirm,
    MineralPath,
    PathHop,
    PathMode,
    PathResult,
    PathsAnswer,
    ProjectPage,
    QueryInfo,
    QueryParamInfo,
    QueryRun,
    RelationshipCount,
    SearchHit,
    SearchMode,
    SearchPage,
    Subgraph,
    built,
    edge_from_driver,
    edge_from_properties,
    node_from_driver,
    node_type,
    to_jsonable,
)
from graph.store import GraphStore
from graph.traversal import DEFAULT_MAX_DEGREE

if TYPE_CHECKING:
    from graph.extract import Extractor
    from graph.settings import Settings

# Bounds shared with the API's parameter validation.
MAX_DEPTH = 3
MAX_PATH_LEN = 6
MAX_MINERAL_HOPS = 3
MAX_PAGE = 100
MAX_EDGES_PAGE = 500
MAX_PATHS_PAGE = 50
MAX_FIRMS_PAGE = 200
MAX_PATHS_PER_FIRM = 100
MAX_QUERY_ROWS = 1000
MAX_CHANGES_PAGE = 1000


# ---------------------------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class FactFilter:
    """What every graph answer keeps of a fact: confidence at least `min_confidence`; with `as_of`, only what was
    stated for that day or earlier (the graph as it was known then: a fact's event date, or failing that its
    document's date); with `since` and `until`, only what was stated for a day in that window. The store applies it
    to relationships (queries.FACT_PASSES); here it prunes each kept edge's evidence to the pieces that pass."""

    min_confidence: float = 0.0
    as_of: date | None = None
    since: date | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_confidence <= 1.0:
            raise BadQueryInput("min_confidence must be between 0 and 1")
        if self.since is not None and self.latest is not None and self.since > self.latest:
            raise BadQueryInput(f"since ({self.since.isoformat()}) is after "
                                f"{'until' if self.latest == self.until else 'as_of'} ({self.latest.isoformat()})")

    @property
    def latest(self) -> date | None:
        """The last day a fact may be stated for: the earlier of as_of and until."""
        bounds = [d for d in (self.as_of, self.until) if d is not None]
        return min(bounds) if bounds else None

    @property
    def params(self) -> dict[str, Any]:
        latest = self.latest
        return {"min_confidence": float(self.min_confidence),
                "as_of": latest.isoformat() if latest else None,
                "since": self.since.isoformat() if self.since else None}

    @property
    def active(self) -> bool:
        return self.min_confidence > 0 or self.dated

    @property
    def dated(self) -> bool:
        """A date bound is given (as_of, until or since)."""
        return self.latest is not None or self.since is not None

    @property
    def date_params(self) -> dict[str, Any]:
        """The date bounds alone, as the queries that filter documents take them ($as_of, $since)."""
        return {k: v for k, v in self.params.items() if k != "min_confidence"}

    def passes(self, day: str | None, confidence: float | None = None) -> bool:
        """Does a piece of evidence dated `day` (ISO, maybe partial) with this confidence pass?"""
        if confidence is not None and confidence < self.min_confidence:
            return False
        latest = self.latest
        if latest is None and self.since is None:
            return True
        if not day:
            return False
        if latest is not None and str(day) > latest.isoformat():
            return False
        return self.since is None or first_day(str(day)) >= self.since.isoformat()

    def prune(self, edge: GraphEdge) -> GraphEdge:
        if not self.active:
            return edge
        edge.evidence = [e for e in edge.evidence if self.passes(e.date, e.confidence)]
        return edge

    def scope(self) -> tuple[float, str | None, str | None]:
        latest = self.latest
        return (self.min_confidence, latest.isoformat() if latest else None,
                self.since.isoformat() if self.since else None)


def period_start(text: str | None) -> date | None:
    """'2015' -> 2015-01-01, '2015-09' -> 2015-09-01, '2015-09-23' -> itself; BadQueryInput when not such a date."""
    return _period(text, last=False)


def period_end(text: str | None) -> date | None:
    """'2015' -> 2015-12-31, '2015-02' -> 2015-02-28, '2015-09-23' -> itself; BadQueryInput when not such a date."""
    return _period(text, last=True)


def _period(text: str | None, *, last: bool) -> date | None:
    if text is None:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    try:
        if m is None:
            raise ValueError
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if day is not None:
            return date(year, int(month or 1), int(day))
        if month is None:
            return date(year, 12, 31) if last else date(year, 1, 1)
        start = date(year, int(month), 1)
        if not last:
            return start
        following = date(year + 1, 1, 1) if start.month == 12 else date(year, start.month + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    except ValueError:
        raise BadQueryInput(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def first_day(day: str) -> str:
    """A partial ISO date as its first day: '2015' -> '2015-01-01', '2015-09' -> '2015-09-01'."""
    return (day + "-01-01")[:10]


NO_FILTER = FactFilter()


def _edge(rel: neo4j.graph.Relationship, facts: FactFilter, ends: tuple[str, str] | None = None) -> GraphEdge:
    return facts.prune(edge_from_driver(rel, ends))


# ---------------------------------------------------------------------------------------------- helpers


@contextlib.contextmanager
def narrowing(hint: str) -> Iterator[None]:
    """A query of this answer that ran past its time limit (QueryTimeout, HTTP 503) says what to narrow."""
    try:
        yield
    except QueryTimeout as e:
        detail = dict(e.detail) if isinstance(e.detail, dict) else {}
        raise QueryTimeout(f"{e}; narrow the question: {hint}", detail={**detail, "narrow": hint}) from e


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


def _check_limit(limit: int, most: int) -> None:
    if not 1 <= limit <= most:
        raise BadQueryInput(f"limit must be between 1 and {most}")


async def ping(store: GraphStore) -> None:
    await store.arun("ping")


async def get_entity(store: GraphStore, entity_id: str) -> GraphNode:
    records = await store.arun("entity_by_id", id=entity_id)
    if not records:
        raise NotFound(f"no entity with id {entity_id!r}")
    return node_from_driver(records[0]["entity"])


async def resolve_entity(store: GraphStore, ref: str, node_type: str | None = None) -> EntityRef:
    """An entity named by id, name or alias (case-insensitive), a search alias (Hangul, Cyrillic, Latin variants)
    or, for countries, an ISO 3166 code; optionally of one type. NotFound carries suggestions when none does."""
    found = await find_entity(store, ref, node_type)
    if found is None:
        kind = f"{node_type.lower()} " if node_type else "entity "
        suggestions = await suggest_entities(store, ref, [node_type] if node_type else [])
        hint = f"; did you mean {', '.join(repr(s.name) for s in suggestions[:3])}?" if suggestions else ""
        raise NotFound(f"no {kind}with id, name or alias {ref!r}{hint}",
                       detail={"suggestions": [s.model_dump() for s in suggestions]})
    return found


async def find_entity(store: GraphStore, ref: str, node_type: str | None = None) -> EntityRef | None:
    """resolve_entity without the error: the entity `ref` names, or None."""
    if node_type is not None:
        check_labels([node_type])
    labels = [node_type] if node_type else []
    if ":" in ref:  # looks like an id: the indexed lookup first
        by_id = await store.arun("entity_by_id", id=ref)
        if by_id:
            node = node_from_driver(by_id[0]["entity"])
            if node_type is None or node.type == node_type:
                return _node_ref(node)
    records = await store.arun("resolve_entity", ref=ref, node_types=labels)
    if records:
        return _node_ref(await get_entity(store, records[0]["id"]))
    hits = search_aliases().exact(ref)
    if hits:
        rows = await store.arun("entities_by_ids", ids=sorted({h.id for h in hits}), node_types=labels)
        if rows:
            best = max(rows, key=lambda r: (int(r["degree"]), str(r["entity"]["id"])))
            return _node_ref(node_from_driver(best["entity"]))
    return None


async def suggest_entities(store: GraphStore, ref: str, node_types: Sequence[str] = (), limit: int = 5
                           ) -> list[EntityRef]:
    """Entities close to a reference that resolves to none: what search finds for it, else for ever shorter
    beginnings of it (down to three characters), so 'Kazakstn' suggests Kazakhstan. An id's slug is read as words."""
    text = ref.split(":", 1)[1].replace("-", " ") if re.fullmatch(r"[a-z]+:[\w-]+", ref) else ref
    page = await search_entities(store, text, node_types=node_types, limit=limit)
    items = list(page.items)
    if not items:
        norm = normalise(text)
        seen: set[str] = set()
        for end in range(len(norm) - 1, 2, -1):  # longer beginnings first, until `limit` are found
            for hit in (await search_entities(store, norm[:end], node_types=node_types, mode="prefix",
                                              limit=limit)).items:
                if hit.id not in seen:
                    seen.add(hit.id)
                    items.append(hit)
            if len(items) >= limit:
                break
    return [EntityRef(id=h.id, type=h.type, name=h.name) for h in items[:limit]]


# ---------------------------------------------------------------------------------------------- search


_WORD = re.compile(r"\w+", re.UNICODE)
MAX_SEARCH_OFFSET = 1000
# Most exact matches of one search (an id, a name or an alias is rarely shared by more than a handful).
SEARCH_CANDIDATES = 500
# With a date filter, the most matches of one tier looked at for entities the filter knows of (its best first).
MAX_DATED_CANDIDATES = 5000


def fulltext_query(text: str) -> str | None:
    """User text as a safe full-text query: words only (no Lucene syntax passes), each as a required prefix (every
    word must match, so a query with an unknown word finds nothing)."""
    words = [w.lower() for w in _WORD.findall(text)][:16]
    return " ".join(f"+{w}*" for w in words) if words else None


def _hub_bonus(degree: int) -> float:
    """0-1: how connected an entity is (log scale, 50 facts and more count as fully connected)."""
    return min(1.0, math.log1p(max(degree, 0)) / math.log1p(50))


def _prefix_match(node: GraphNode, prefix: str) -> str:
    """The shortest of the node's name and aliases that starts with `prefix` (lower-cased), or its name."""
    names = [n for n in (node.name, *node.aliases) if n.lower().startswith(prefix)]
    return min(names, key=len) if names else node.name


def _prefix_score(node: GraphNode, prefix: str, degree: int) -> float:
    """The score of a prefix match (search_entities, tier 2), rounded as the ranking compares it."""
    coverage = len(prefix) / max(len(_prefix_match(node, prefix)), 1)
    return round(0.55 + 0.2 * coverage + 0.15 * _hub_bonus(degree), 4)


# Most search keys read for one short prefix before search ranks every match instead (a node type few matches have).
MAX_RANKED_KEYS = 600


async def _ranked_prefix(store: GraphStore, prefix: str, labels: Sequence[str], want: int
                         ) -> list[neo4j.Record] | None:
    """The best `want` entities a prefix of at most derived.RANKED_PREFIX characters matches (of `labels`), as
    search_prefix_ranked would rank them, read from the search keys' rank index best first (graph/derived.py): a
    key's rank is the best score it can give, so once the want-th entity found scores above the rank of the last key
    read, no key further on can change the page. None when that takes more than MAX_RANKED_KEYS keys, or the keys
    do not come in rank order."""
    n = len(prefix)
    name = "search_keys_in_rank_order" if store.dialect.ordered_range_scans else "search_keys_ranked"
    after, end = prefix + "|", prefix + "}"
    chunk = want + 20
    best: dict[str, tuple[float, int, str, neo4j.Record]] = {}
    seen: set[str] = set()
    read = 0
    while read < MAX_RANKED_KEYS:
        keys = await store.arun(name, str(n), after=after, end=end, limit=chunk)
        limit = chunk
        ranks = [str(r["rank"]) for r in keys]
        if ranks != sorted(ranks) or (ranks and ranks[0] <= after):
            return None  # not read in rank order: the bound below would not hold
        ids = sorted({str(r["entity"]) for r in keys} - seen)
        seen.update(ids)
        for r in await store.arun("entities_by_ids", ids=ids, node_types=list(labels)) if ids else []:
            degree = int(r["degree"] or 0)
            entity = r["entity"]
            best[entity["id"]] = (_prefix_score(node_from_driver(entity), prefix, degree), degree, entity["id"], r)
        read += len(keys)
        if len(keys) < limit:
            break
        chunk = min(chunk * 2, 500)  # a node type few of the keys have: fewer round trips
        after = ranks[-1]
        try:
            bound = (110000 - int(after[n + 1:n + 7])) / 10000  # the best score any key not read yet can give
        except ValueError:  # a prefix the store counts in other units than Python (outside the BMP)
            return None
        ranked = sorted(best.values(), key=lambda b: (-b[0], -b[1], b[2]))
        if len(ranked) >= want and ranked[want - 1][0] > bound + 0.00015:  # (rounding to 4 places on both sides)
            break
    else:
        return None
    return [b[3] for b in sorted(best.values(), key=lambda b: (-b[0], -b[1], b[2]))[:want]]


async def search_entities(store: GraphStore, q: str, *, node_types: Sequence[str] = (), mode: SearchMode = "auto",
                          offset: int = 0, limit: int = 20, cursor: str | None = None,
                          facts: FactFilter = NO_FILTER) -> SearchPage:
    """Entities by what people type, best first, each with a score and how it matched:

    1. exact (score 1 for the id or name, 0.95 for an alias): the name, an alias, a search alias in another script
       (graph/data/search_aliases.json) or a country's ISO 3166 code equals `q`;
    2. prefix (0.55-0.9: more for covering more of the name, and for better-connected entities): one of those
       starts with `q`;
    3. full-text (below 0.5): every word of `q` starts a word of a name or alias.
    Equally good matches go by degree, then id. Nothing matches: no items. `mode` keeps one tier ('exact',
    'prefix' also keeps exact matches, 'fulltext') or all ('auto'). One page: from `offset`, or from `cursor`.

    With a date filter (`facts`: as_of, since, until), only the entities known within it: some fact touching the
    entity is stated for a day within it, or a document that mentions it is dated within it (reference data is
    timeless); each tier then looks at up to MAX_DATED_CANDIDATES of its best matches for them. Without one, the
    store is asked exactly as before."""
    labels = check_labels(node_types)
    _check_limit(limit, MAX_PAGE)
    scope = paging.fingerprint("search", q, sorted(labels), mode, *([facts.scope()] if facts.active else []))
    position = paging.decode(cursor, scope)
    if position is not None:
        offset = paging.position_int(position, "offset", 0)
    if not 0 <= offset <= MAX_SEARCH_OFFSET:
        raise BadQueryInput(f"offset must be between 0 and {MAX_SEARCH_OFFSET}")
    hits: dict[str, SearchHit] = {}

    def keep(record: neo4j.Record, score: float, match: str, matched: str | None) -> None:
        node = node_from_driver(record["entity"])
        old = hits.get(node.id)
        if old is None or score > old.score:
            hits[node.id] = SearchHit(**node.model_dump(), score=round(score, 4), match=match,  # type: ignore[arg-type]
                                      matched=matched, degree=int(record["degree"] or 0))

    text = q.strip()
    aliases = search_aliases()
    # Each tier's best `candidates` (ranked by the store as here): an entity of the page ranks among the first
    # offset + limit of the tier that gives its best score, and one more says whether a page follows.
    candidates = offset + limit + 1
    known = _KnownEntities(store, facts)

    async def tier(name: str, **params: Any) -> tuple[list[neo4j.Record], list[neo4j.Record]]:
        """A tier's best `candidates` rows; with a filter, its best `candidates` of the entities the filter knows
        of, asking the store for ever more matches (up to MAX_DATED_CANDIDATES) until there are that many. Also the
        rows before filtering (best first), so a hit scores as it would without the filter."""
        if not facts.active:
            rows = await store.arun(name, limit=candidates, **params)
            return rows, rows
        want = candidates
        while True:
            rows = await store.arun(name, limit=want, **params)
            kept = await known.keep(rows)
            if len(kept) >= candidates or len(rows) < want or want >= MAX_DATED_CANDIDATES:
                return kept, rows
            want = min(want * 4, MAX_DATED_CANDIDATES)

    if text and mode in ("auto", "exact", "prefix"):
        for r in await store.arun("search_entities_exact", ref=text, node_types=labels, limit=SEARCH_CANDIDATES):
            node = r["entity"]
            rank = int(r["rank"])
            matched = node["id"] if rank == 0 else node["name"] if rank == 1 else next(
                (a for a in node.get("aliases") or [] if a.lower() == text.lower()), text)
            keep(r, 1.0 if rank < 2 else 0.95, "exact", matched)
        exact_aliases = {h.id: h for h in aliases.exact(text)}
        if exact_aliases:
            for r in await store.arun("entities_by_ids", ids=sorted(exact_aliases), node_types=labels):
                keep(r, 0.95, "exact", exact_aliases[str(r["entity"]["id"])].alias)
    if text and mode in ("auto", "prefix"):
        prefix = text.lower()
        prefix_rows = await _ranked_prefix(store, prefix, labels, candidates) \
            if len(prefix) <= derived.RANKED_PREFIX and not facts.active else None
        if prefix_rows is None:
            prefix_rows = (await tier("search_prefix_ranked", prefix=prefix, node_types=labels))[0]
        for r in prefix_rows:
            node = node_from_driver(r["entity"])
            matched = _prefix_match(node, prefix)
            coverage = len(prefix) / max(len(matched), 1)
            keep(r, 0.55 + 0.2 * coverage + 0.15 * _hub_bonus(int(r["degree"] or 0)), "prefix", matched)
        prefix_aliases = {h.id: h for h in aliases.prefix(text)}
        if prefix_aliases:
            for r in await store.arun("entities_by_ids", ids=sorted(prefix_aliases), node_types=labels):
                alias = prefix_aliases[str(r["entity"]["id"])].alias
                coverage = len(normalise(text)) / max(len(normalise(alias)), 1)
                keep(r, 0.55 + 0.2 * coverage + 0.15 * _hub_bonus(int(r["degree"] or 0)), "prefix", alias)
    ft = fulltext_query(text)
    if ft and mode in ("auto", "fulltext"):
        records, unfiltered = await tier("search_entities_fulltext", index=store.dialect.fulltext_index, query=ft,
                                         node_types=labels, offset=0)
        top = max((float(r["score"]) for r in unfiltered), default=0.0) or 1.0
        for r in records:
            keep(r, 0.2 + 0.25 * float(r["score"]) / top, "fulltext", None)
    found = list(hits.values())
    if facts.active:  # the exact tiers' matches, and the aliases', are few: checked here at once
        kept = await known.ids(hits)
        found = [h for h in found if h.id in kept]
    ranked = sorted(found, key=lambda h: (-h.score, -h.degree, h.id))
    page = ranked[offset:offset + limit]
    has_more = len(ranked) > offset + limit
    next_cursor = paging.encode(scope, offset=offset + limit) if has_more else None
    return SearchPage(q=q, mode=mode, node_types=labels, offset=offset, limit=limit, has_more=has_more,
                      next_cursor=next_cursor, items=page)


class _KnownEntities:
    """Which entities a filter knows of (the named query entities_known), each asked about once per search."""

    def __init__(self, store: GraphStore, facts: FactFilter) -> None:
        self.store, self.facts = store, facts
        self.answers: dict[str, bool] = {}

    async def ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        todo = sorted({i for i in ids if i not in self.answers})
        if todo:
            found = {str(r["id"]) for r in await self.store.arun("entities_known", ids=todo, **self.facts.params)}
            self.answers.update((i, i in found) for i in todo)
        return {i for i in ids if self.answers.get(i)}

    async def keep(self, rows: list[neo4j.Record]) -> list[neo4j.Record]:
        """The rows (each with an `entity`) whose entity the filter knows of, in their order."""
        known = await self.ids([str(r["entity"]["id"]) for r in rows])
        return [r for r in rows if str(r["entity"]["id"]) in known]


# ---------------------------------------------------------------------------------------------- entity


async def entity_detail(store: GraphStore, entity_id: str, *, document_limit: int = 50,
                        facts: FactFilter = NO_FILTER) -> EntityDetail:
    """One entity (named by id, name, alias or search alias) with its documents, relationship counts, parents,
    subsidiaries and country.

    With `facts`, what the filter keeps of it: the documents that mention it dated within the window (their own
    date), the fact relationships that pass (counts, degree, parents and subsidiaries by SUBSIDIARY_OF facts; the
    gazetteer's `parent` and `country` are timeless). An entity the filter knows nothing of still answers, with
    no documents and no relationships (as its neighbourhood does)."""
    name, filters = ("entity_detail_within", facts.params) if facts.active else ("entity_detail", {})
    rows = await store.arun(name, id=entity_id, limit=document_limit, **filters)
    if not rows:
        ref = await resolve_entity(store, entity_id)
        rows = await store.arun(name, id=ref.id, limit=document_limit, **filters)
    if not rows:
        raise NotFound(f"no entity with id {entity_id!r}")
    row = rows[0]
    counts = sorted(row["counts"], key=lambda c: (c["type"], c["direction"]))
    rel_counts = [RelationshipCount(type=c["type"], direction=c["direction"], count=c["count"]) for c in counts]
    entity = node_from_driver(row["entity"])
    countries = _refs(row["countries"])
    return EntityDetail(
        entity=entity,
        documents=[DocumentRef(id=d["id"], title=d["title"], date=d["date"], source=d["source"])
                   for d in row["documents"] if d],
        relationship_counts=rel_counts,
        degree=sum(c.count for c in rel_counts),
        parents=_refs(row["parents"]),
        subsidiaries=_refs(row["subsidiaries"]),
        country=countries[0] if countries else None,
        search_aliases=search_aliases().names_of(entity.id),
    )


def _refs(rows: list[dict[str, Any]] | None) -> list[EntityRef]:
    """Entity maps ({id, name, labels}) as references, once each, by name."""
    out: dict[str, EntityRef] = {}
    for r in rows or []:
        if r and r.get("id") and r["id"] not in out:
            out[r["id"]] = EntityRef(id=r["id"], type=node_type(r.get("labels") or []),
                                     name=str(r.get("name") or r["id"]))
    return sorted(out.values(), key=lambda e: (e.name.lower(), e.id))


def parse_edge_id(edge_id: str) -> tuple[str, str, str]:
    """`source|TYPE|target` as its three parts; BadQueryInput when it is not an edge id."""
    parts = edge_id.split("|")
    if len(parts) != 3 or not all(parts):
        raise BadQueryInput(f"{edge_id!r} is not an edge id (source|TYPE|target)")
    return parts[0], parts[1], parts[2]


async def get_edge(store: GraphStore, edge_id: str, *, facts: FactFilter = NO_FILTER) -> GraphEdge:
    """One fact relationship by its id, with its evidence (the pieces that pass `facts`); NotFound when no such fact
    exists (any more), or when filters leave none of its evidence (reference data passes any date filter)."""
    source, rel_type, target = parse_edge_id(edge_id)
    records = await store.arun("edge_by_id", source=source, type=rel_type, target=target)
    if not records:
        raise NotFound(f"no edge with id {edge_id!r}")
    edge = edge_from_driver(records[0]["edge"])
    if not facts.active:
        return edge
    kept = facts.prune(edge.model_copy(deep=True))
    if kept.evidence or ("reference" in edge.properties and
                         float(edge.properties.get("confidence") or 0.0) >= facts.min_confidence):
        return kept
    raise NotFound(f"no evidence of edge {edge_id!r} passes the filters (min_confidence, as_of, since, until)")


def _max_degree(max_degree: int | None) -> int | None:
    """The degree cap asked for: None or 0 for no cap."""
    if max_degree is not None and max_degree < 0:
        raise BadQueryInput("max_degree must not be negative (0: no cap)")
    return max_degree or None


NARROW_NEIGHBOURHOOD = ("a smaller depth, rel_types or node_types, a min_confidence or an as_of, or a lower "
                        "max_degree (hubs are then not expanded)")


async def neighbourhood(store: GraphStore, entity_id: str, depth: int = 1, rel_types: Sequence[str] = (),
                        node_types: Sequence[str] = (), limit: int = 100, *, facts: FactFilter = NO_FILTER,
                        cursor: str | None = None, max_degree: int | None = DEFAULT_MAX_DEGREE) -> Subgraph:
    """The fact relationships within `depth` hops of an entity, one page of at most `limit` edges, with the
    nodes they join (the entity always among them).

    Edges come nearest first (by the distance of their nearer end), then by id: walking the pages with
    `next_cursor` gives each edge of the neighbourhood exactly once. rel_types restricts every hop; node_types
    restricts every node reached; `facts` filters by confidence and date. Entities other than this one with more
    facts than `max_degree` (0: no cap) are reached but not expanded: their own facts are left out, and the answer
    lists them (`capped`). Computed distance by distance, only as far as the page needs (graph/traversal.py)."""
    if not 1 <= depth <= MAX_DEPTH:
        raise BadQueryInput(f"depth must be between 1 and {MAX_DEPTH}")
    _check_limit(limit, MAX_EDGES_PAGE)
    rels, labels = check_relations(rel_types), check_labels(node_types)
    cap = _max_degree(max_degree)
    with narrowing(NARROW_NEIGHBOURHOOD):
        if not await store.arun("entity_by_id", id=entity_id):  # a name or alias: the entity it names
            entity_id = (await resolve_entity(store, entity_id)).id
        scope = paging.fingerprint("neighbourhood", entity_id, depth, sorted(rels), sorted(labels), facts.scope(),
                                   *([cap] if cap != DEFAULT_MAX_DEGREE else []))
        position = paging.decode(cursor, scope)
        walk = traversal.Walk(cap, keep=frozenset({entity_id}))
        filters = {"rel_types": rels, "node_types": labels, **facts.params}
        centre, found = await asyncio.gather(
            get_entity(store, entity_id),
            traversal.neighbourhood(store, entity_id, depth, filters, walk,
                                    after_distance=paging.position_int(position, "distance", -1),
                                    after_edge=paging.position_str(position, "edge", ""), want=limit + 1))
    has_more = len(found) > limit
    found = found[:limit]
    nodes: dict[str, GraphNode] = {centre.id: centre}
    edges: list[GraphEdge] = []
    for item in found:
        for end in (item.record["source"], item.record["target"]):
            nid = str(end["id"])
            if nid not in nodes:
                nodes[nid] = node_from_driver(end)
        edges.append(_edge(item.record["edge"], facts))
    next_cursor = None
    if has_more:
        last = found[-1]
        next_cursor = paging.encode(scope, distance=last.distance, edge=str(last.record["edge_id"]))
    return Subgraph(nodes=list(nodes.values()), edges=edges, limit=limit, has_more=has_more,
                    next_cursor=next_cursor, max_degree=cap, capped=walk.capped())


# ---------------------------------------------------------------------------------------------- paths


MAX_ALL_PATHS_LEN = 4  # every simple path up to this length: longer ones between hubs take seconds to enumerate


def _key(steps: list[traversal.Step]) -> str:
    """A path's key, as the paging cursor carries it: its edge ids in walking order, each followed by a space."""
    return "".join(step.edge + " " for step in steps)


async def _walks_as_paths(store: GraphStore, walks: list[list[traversal.Step]], facts: FactFilter,
                          walk: traversal.Walk | None = None) -> list[PathResult]:
    """Walks found by graph/traversal.py as paths, hop by hop with each relationship's properties and evidence."""
    rels: dict[str, neo4j.graph.Relationship] = {}
    ends: dict[str, neo4j.graph.Node] = {}
    at_source, at_target = traversal.chain_ids(walks, walk)
    found = await asyncio.gather(*(store.arun(name, edges=edges) for name, edges in
                                   (("edges_by_ids", at_source), ("edges_by_ids_at_target", at_target)) if edges))
    for r in (r for rows in found for r in rows):
        rel = r["edge"]
        rels[f"{r['source']['id']}|{rel.type}|{r['target']['id']}"] = rel
        ends[str(r["source"]["id"])] = r["source"]
        ends[str(r["target"]["id"])] = r["target"]
    return _paths(walks, rels, ends, facts)


def _paths(walks: list[list[traversal.Step]], rels: dict[str, Any], ends: dict[str, Any], facts: FactFilter,
           mineral: bool = False) -> list[Any]:
    """Walks as paths, from their relationships and entities by id. A relationship or entity several walks share
    (the mineral question's 1,755 hops at 100,000 entities are 892 relationships) is converted once, and a hop and
    a path are built from converted (validated) parts without validating them again. `mineral`: as MineralPaths,
    with their kind (touch_kind)."""
    edges: dict[str, GraphEdge] = {}
    nodes: dict[str, GraphNode] = {}

    def edge(step: traversal.Step) -> GraphEdge:
        if step.edge not in edges:
            rel = rels[step.edge]
            edges[step.edge] = (facts.prune(edge_from_properties(step.source, step.type, step.target, rel))
                                if isinstance(rel, dict) else _edge(rel, facts, (step.source, step.target)))
        return edges[step.edge]

    def node(node_id: str) -> GraphNode:
        if node_id not in nodes:
            nodes[node_id] = node_from_driver(ends[node_id])
        return nodes[node_id]

    paths: list[Any] = []
    for steps in walks:
        hops = [built(PathHop, {**edge(step).__dict__, "direction": "forward" if step.forward else "backward"})
                for step in steps]
        walked = [node(steps[0].node)] + [node(s.other) for s in steps]
        types = [h.type for h in hops]
        if mineral:
            paths.append(built(MineralPath, {"length": len(hops), "nodes": walked, "hops": hops, "rel_types": types,
                                             "kind": _kind(types)}))
        else:
            paths.append(built(PathResult, {"length": len(hops), "nodes": walked, "hops": hops, "rel_types": types}))
    return paths


async def shortest_paths(store: GraphStore, source: str, target: str, max_len: int = 4, limit: int = 10, *,
                         facts: FactFilter = NO_FILTER, cursor: str | None = None,
                         mode: PathMode = "shortest", max_degree: int | None = DEFAULT_MAX_DEGREE) -> PathsAnswer:
    """The paths between two entities given by id or name, either direction on each hop, no longer than max_len,
    every hop passing `facts`. mode 'shortest': the shortest paths only (none when no path is that short);
    'all': every simple path up to max_len (at most MAX_ALL_PATHS_LEN), shortest first. Ordered by length, then
    by their edge ids, one page of at most `limit`. No path passes through an entity with more facts than
    `max_degree` (0: no cap); the hubs met are listed (`capped`)."""
    if not 1 <= max_len <= MAX_PATH_LEN:
        raise BadQueryInput(f"max_len must be between 1 and {MAX_PATH_LEN}")
    if mode not in ("shortest", "all"):
        raise BadQueryInput("mode must be 'shortest' or 'all'")
    if mode == "all" and max_len > MAX_ALL_PATHS_LEN:
        raise BadQueryInput(f"mode 'all' lists paths up to max_len {MAX_ALL_PATHS_LEN}; ask for the shortest paths "
                            "or a smaller max_len")
    _check_limit(limit, MAX_PATHS_PAGE)
    cap = _max_degree(max_degree)
    with narrowing("a smaller max_len, mode 'shortest', a min_confidence or an as_of, or a lower max_degree"):
        a, b = await asyncio.gather(resolve_entity(store, source), resolve_entity(store, target))
        if a.id == b.id:
            raise BadQueryInput(f"source and target are the same entity ({a.id!r})")
        scope = paging.fingerprint("paths", a.id, b.id, max_len, facts.scope(),
                                   *([mode] if mode != "shortest" else []),
                                   *([cap] if cap != DEFAULT_MAX_DEGREE else []))
        position = paging.decode(cursor, scope)
        after = [e for e in paging.position_str(position, "after", "").split(" ") if e]
        walk = traversal.Walk(cap)
        if mode == "all":
            walks = await traversal.all_paths(store, a.id, b.id, max_len, facts.params, walk,
                                              after_length=paging.position_int(position, "length", 0), after=after,
                                              want=limit + 1)
        else:
            walks = await traversal.shortest_paths(store, a.id, b.id, max_len, facts.params, walk, after=after,
                                                   want=limit + 1)
        has_more = len(walks) > limit
        walks = walks[:limit]
        paths = await _walks_as_paths(store, walks, facts, walk) if walks else []
    next_cursor = None
    if has_more:
        next_cursor = paging.encode(scope, after=_key(walks[-1]), length=len(walks[-1]))
    return PathsAnswer(source=a, target=b, max_len=max_len, mode=mode, paths=paths, limit=limit, has_more=has_more,
                       next_cursor=next_cursor, max_degree=cap, capped=walk.capped())


# ---------------------------------------------------------------------------------------------- mineral


def touch_kind(path: PathResult) -> str:
    """How the firm touches the mineral, read from the firm's side: 'direct DEVELOPS' or
    'via PARTNERS_WITH > DEVELOPS'."""
    return _kind(path.rel_types)


def _kind(rel_types: list[str]) -> str:
    types = list(reversed(rel_types))
    return f"direct {types[0]}" if len(types) == 1 else "via " + " > ".join(types)


async def firms_touching_mineral(store: GraphStore, mineral: str, country: str | None = None, max_hops: int = 2,
                                 limit: int = 50, *, paths_per_firm: int = 20, facts: FactFilter = NO_FILTER,
                                 cursor: str | None = None, max_degree: int | None = DEFAULT_MAX_DEGREE
                                 ) -> MineralAnswer:
    """Which firms and organizations (of `country`, when given) touch `mineral`, by which paths: one page of at
    most `limit` firms, nearest first, then by id; each with its paths, shortest first (at most paths_per_firm).
    A chain passes through no country or place, and through no entity with more facts than `max_degree` (0: no
    cap; the hubs met are listed in `capped`).

    mineral and country are ids or names/aliases ('lithium', 'Korea'). Every hop carries its evidence."""
    if not 1 <= max_hops <= MAX_MINERAL_HOPS:
        raise BadQueryInput(f"max_hops must be between 1 and {MAX_MINERAL_HOPS}")
    _check_limit(limit, MAX_FIRMS_PAGE)
    if not 1 <= paths_per_firm <= MAX_PATHS_PER_FIRM:
        raise BadQueryInput(f"paths_per_firm must be between 1 and {MAX_PATHS_PER_FIRM}")
    cap = _max_degree(max_degree)
    with narrowing("fewer max_hops, a country, a min_confidence or an as_of, or a lower max_degree"):
        mineral_ref = await resolve_entity(store, mineral, "Mineral")
        country_ref = await resolve_entity(store, country, "Country") if country else None
        scope = paging.fingerprint("mineral", mineral_ref.id, country_ref.id if country_ref else None, max_hops,
                                   paths_per_firm, facts.scope(), *([cap] if cap != DEFAULT_MAX_DEGREE else []))
        position = paging.decode(cursor, scope)
        walk = traversal.Walk(cap)
        country_id = country_ref.id if country_ref else None
        after_hops, after_firm = paging.position_int(position, "hops", -1), paging.position_str(position, "firm", "")
        near = await traversal.firms_touching_near(store, mineral_ref.id, country_id, max_hops, facts.params, walk,
                                                   after_hops=after_hops, after_firm=after_firm, want=limit + 1,
                                                   listed=paths_per_firm)
        if near is None:
            walk = traversal.Walk(cap)
            found = await traversal.firms_touching(store, mineral_ref.id, country_id, max_hops, facts.params, walk,
                                                   after_hops=after_hops, after_firm=after_firm, want=limit + 1)
        else:
            found = near.firms
        has_more = len(found) > limit
        found = found[:limit]
        listed = [f.chains[:paths_per_firm] for f in found]
        walks = [c for chains in listed for c in chains]
        paths = iter(_paths(walks, near.rels, near.nodes, facts, mineral=True) if near is not None
                     else [built(MineralPath, {**p.__dict__, "kind": touch_kind(p)})
                           for p in await _walks_as_paths(store, walks, facts, walk)])
    firms: list[MineralFirm] = []
    for f, chains in zip(found, listed, strict=True):
        mineral_paths = [next(paths) for _ in chains]
        kinds: list[str] = []
        for p in mineral_paths:
            if p.kind not in kinds:
                kinds.append(p.kind)
        sources = {ev.doc_id for p in mineral_paths for h in p.hops for ev in h.evidence}
        firms.append(MineralFirm(firm=mineral_paths[0].nodes[-1], direct=any(p.length == 1 for p in mineral_paths),
                                 kinds=kinds, path_count=f.count if f.count is not None else len(f.chains),
                                 hops=f.hops, sources=len(sources),
                                 paths=mineral_paths))
    next_cursor = None
    if has_more:
        next_cursor = paging.encode(scope, hops=found[-1].hops, firm=found[-1].firm)
    return MineralAnswer(mineral=mineral_ref, country=country_ref, max_hops=max_hops, firms=firms, limit=limit,
                         has_more=has_more, next_cursor=next_cursor, max_degree=cap, capped=walk.capped())


# ---------------------------------------------------------------------------------------------- projects


async def list_projects(store: GraphStore, country: str | None = None, *, offset: int = 0, limit: int = 20,
                        facts: FactFilter = NO_FILTER, cursor: str | None = None, **filters: Any) -> ProjectPage:
    """Projects (optionally of a country), by name, one page; each with its facts, stages, value and participants.
    See graph.projects.list_projects (firm, sector and stage filters)."""
    from graph import projects

    return await projects.list_projects(store, country, offset=offset, limit=limit, facts=facts, cursor=cursor,
                                        **filters)


# ---------------------------------------------------------------------------------------------- named queries


def read_queries() -> dict[str, queries.Query]:
    """The public catalogue: read queries marked public in queries.cypher; the loader's, the cache's and the
    exports' own queries are not in it."""
    return {name: q for name, q in queries.QUERIES.items() if q.public and q.mode == "read"}


def query_catalogue() -> list[QueryInfo]:
    return [query_info(q) for q in read_queries().values()]


def query_info(q: queries.Query) -> QueryInfo:
    return QueryInfo(
        name=q.name, description=q.description,
        parameters=[QueryParamInfo(name=p.name, type=p.type, description=p.description, optional=p.optional)
                    for p in q.params.values()],
        template=q.template,
        slot_values=list(queries.TEMPLATE_SLOTS[q.template]) if q.template else [],
    )


def get_read_query(name: str) -> queries.Query:
    q = read_queries().get(name)
    if q is None:
        raise NotFound(f"no public read query named {name!r}")
    return q


async def run_read_query(store: GraphStore, name: str, params: dict[str, Any], *, slot: str | None = None,
                         limit: int = 100, cursor: str | None = None) -> QueryRun:
    """Run a public catalogue query by name in a READ transaction (the store refuses any write), one page of
    rows: `cursor` continues where a previous page ended (the row order is the query's own ORDER BY)."""
    query = get_read_query(name)
    _check_limit(limit, MAX_QUERY_ROWS)
    values = query.coerce(params)
    query.render(slot)  # a bad slot is refused before anything runs
    scope = paging.fingerprint("query", name, slot, values)
    skip = paging.position_int(paging.decode(cursor, scope), "offset", 0)
    with narrowing("smaller parameters (fewer hops, a lower limit, a filter), or the route that answers the same "
                   "question with bounds (neighbourhood, paths, firms-touching-mineral)"):
        keys, rows, has_more = await store.aread_rows(name, slot, values, skip=skip, limit=limit)
    return QueryRun(name=name, columns=keys, rows=[{k: to_jsonable(r[k]) for k in keys} for r in rows],
                    limit=limit, has_more=has_more,
                    next_cursor=paging.encode(scope, offset=skip + limit) if has_more else None)


# ---------------------------------------------------------------------------------------------- documents


async def list_documents(store: GraphStore, offset: int = 0, limit: int = 20, *, cursor: str | None = None,
                         dates: FactFilter = NO_FILTER) -> DocumentPage:
    """The documents by id, one page. With a date filter (`dates`: as_of, since, until; its min_confidence plays no
    part), only those whose own date lies within it: an undated document is then left out."""
    _check_limit(limit, MAX_PAGE)
    scope = paging.fingerprint("documents", *([dates.date_params] if dates.dated else []))
    position = paging.decode(cursor, scope)
    if position is not None:
        offset = paging.position_int(position, "offset", 0)
    if dates.dated:
        total_records, records = await asyncio.gather(
            store.arun("documents_dated_count", **dates.date_params),
            store.arun("documents_dated_page", offset=offset, limit=limit, **dates.date_params))
    else:
        total_records, records = await asyncio.gather(
            store.arun("documents_count"), store.arun("documents_page", offset=offset, limit=limit))
    total = int(total_records[0]["count"]) if total_records else 0
    has_more = offset + len(records) < total
    return DocumentPage(total=total, offset=offset, limit=limit, has_more=has_more,
                        next_cursor=paging.encode(scope, offset=offset + limit) if has_more else None,
                        items=[DocumentSummary(**dict(r)) for r in records])


def _facts_of(records: list[neo4j.Record], doc_id: str) -> list[GraphEdge]:
    facts = []
    for r in records:
        edge = edge_from_driver(r["edge"])
        edge.evidence = [e for e in edge.evidence if e.doc_id == doc_id]
        facts.append(edge)
    return facts


async def document_detail(store: GraphStore, doc_id: str, *, fact_limit: int = 500, include_text: bool = True,
                          facts: FactFilter = NO_FILTER) -> DocumentDetail:
    """One document with the facts it gave evidence for, each with that evidence. With `facts`, the facts whose
    evidence from this document passes them, with only that evidence: dated by the event its sentence states, or
    failing that by the document's date, as everywhere else. The document itself always answers (other answers
    under the same filter cite it when it dates an event earlier than itself); a document dated after `as_of` that
    dates nothing earlier lists no facts."""
    facts_query = (store.arun("document_facts_within", doc_id=doc_id, offset=0, limit=fact_limit + 1, **facts.params)
                   if facts.active else store.arun("document_facts", doc_id=doc_id, offset=0, limit=fact_limit + 1))
    doc_records, fact_records = await asyncio.gather(store.arun("document_by_id", doc_id=doc_id), facts_query)
    if not doc_records:
        raise NotFound(f"no document with id {doc_id!r}")
    fields = dict(doc_records[0])
    if not include_text:
        fields["text"] = None
    entities: dict[str, EntityRef] = {}
    for r in fact_records[:fact_limit]:
        for end in (r["source"], r["target"]):
            node = node_from_driver(end)
            entities.setdefault(node.id, _node_ref(node))
    return DocumentDetail(**fields, facts=[facts.prune(f) for f in _facts_of(fact_records[:fact_limit], doc_id)],
                          facts_has_more=len(fact_records) > fact_limit,
                          entities=sorted(entities.values(), key=lambda e: e.id))


def ingest_document(store: GraphStore, extractor: Extractor | None, *, text: str | None = None,
                    url: str | None = None, doc_id: str | None = None, title: str | None = None,
                    source: str | None = None, date: str | None = None,
                    license: str | None = None,  # noqa: A002 - the document field's name
                    settings: Settings | None = None) -> IngestResult:
    """Read, extract and write one document given as text or fetched from a URL (synchronous: fetching waits and
    extraction is CPU work). Text posted again, or text another document already has, is unchanged: the answer
    names the document that has it.

    Raises graph.documents.DocumentError for unusable text or a URL that cannot be fetched, StoreUnavailable when
    the store is down. `settings`: the limits for fetching and reading (default: the store's)."""
    import hashlib

    from graph.documents import parse_document
    from graph.fetch import Fetcher, doc_id_for_url
    from graph.loader import Loader

    if doc_id is not None and not doc_id.startswith("doc:"):
        doc_id = "doc:" + doc_id
    settings = settings or store.settings
    max_bytes = settings.max_document_bytes
    if url is not None:
        with Fetcher(settings) as fetcher:
            fetched = fetcher.fetch_document(url)
        doc = parse_document(fetched.content, doc_id=doc_id or doc_id_for_url(url), title=title, source=source or url,
                             date=date, license=license, media_type=fetched.media_type, max_bytes=max_bytes)
    else:
        assert text is not None
        doc_id = doc_id or "doc:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        doc = parse_document(text, doc_id=doc_id, title=title, source=source, date=date, license=license,
                             max_bytes=max_bytes)
    store.run("ping")  # an outage is reported as such, not as a skipped document
    result = Loader(store, extractor).load_document(doc)
    if result.status == "skipped":
        raise GraphError(f"document {doc.id!r} could not be written: {result.reason}")
    kept = result.doc_id or doc.id  # an exact copy: the document that has the text
    records = store.run("document_facts", doc_id=kept, offset=0, limit=MAX_QUERY_ROWS)
    return IngestResult(doc_id=kept, status=result.status, reason=result.reason, entities=result.entities,
                        facts_by_type=dict(Counter(result.facts_by_type)), near_copies=result.near_copies,
                        facts=_facts_of(records, kept))


def delete_document(store: GraphStore, doc_id: str) -> None:
    """Remove a document and exactly the facts only it supported (graph.loader.delete_document); NotFound when
    there is no such document."""
    from graph.loader import delete_document as delete

    if delete(store, doc_id) is None:
        raise NotFound(f"no document with id {doc_id!r}")


# ---------------------------------------------------------------------------------------------- change feed


async def changes(store: GraphStore, since: int = 0, limit: int = 100) -> ChangeFeed:
    """What changed after change number `since`: documents loaded, replaced or deleted, each with the facts it
    added or removed, oldest first. A service mirrors the graph by asking again with `next_since`."""
    if since < 0:
        raise BadQueryInput("since must not be negative")
    _check_limit(limit, MAX_CHANGES_PAGE)
    records, latest = await asyncio.gather(store.arun("changes_page", since=since, limit=limit + 1),
                                           store.arun("changes_latest"))
    has_more = len(records) > limit
    items = [Change(seq=int(r["seq"]), at=str(r["at"]), kind=r["kind"], doc_id=str(r["doc_id"]),
                    facts_added=list(r["facts_added"] or []), facts_removed=list(r["facts_removed"] or []))
             for r in records[:limit]]
    head = int(latest[0]["seq"] or 0) if latest else 0
    return ChangeFeed(since=since, items=items, limit=limit, has_more=has_more,
                      next_since=items[-1].seq if items else since, latest=head)


# ---------------------------------------------------------------------------------------------- statistics


async def graph_stats(store: GraphStore, *, facts: FactFilter = NO_FILTER) -> GraphStats:
    """Counts of nodes by label and relationships by type; with `facts`, of what the filter keeps: the entities it
    knows of, the documents dated within it, the facts that pass and the mentions of those documents."""
    if facts.active:
        by_label, by_type = await asyncio.gather(store.arun("graph_counts_by_label_within", **facts.params),
                                                 store.arun("graph_counts_by_type_within", **facts.params))
    else:
        by_label, by_type = await asyncio.gather(store.arun("graph_counts_by_label"),
                                                 store.arun("graph_counts_by_type"))
    labels = {r["label"]: int(r["count"]) for r in by_label}
    types = {r["type"]: int(r["count"]) for r in by_type}
    return GraphStats(nodes_by_label=labels, relationships_by_type=types, entities=labels.get(schema.ENTITY, 0),
                      documents=labels.get(schema.DOCUMENT, 0),
                      facts=sum(n for t, n in types.items() if t != schema.MENTIONED_IN))
