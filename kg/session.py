"""The Python interface for notebooks and scripts: the graph's answers as typed records, over the same service
layer as the HTTP API and the views (graph/service.py), without a server.

    from kg import open_graph

    with open_graph() as g:                          # the store KG_DATA_DIR / KG_NEO4J_URI name, as `kg` uses
        g.search("lithium")                          # Records of GraphNode; .to_pandas()
        g.entity("org:kigam")                        # EntityDetail
        g.neighbourhood("KIGAM", depth=2)            # Graph: .nodes, .edges, .edges_frame(), .evidence_frame()
        g.paths("Doosan Enerbility", "Kazakhstan")   # Paths: one row per hop in .to_pandas()
        g.firms_touching_mineral("lithium", country="Korea")
        g.projects(country="Kazakhstan", stage="suspended")   # current stage, value, participants and roles
        g.project_timeline("Balkhash power plant")    # ProjectTimeline: .events, .amounts, .current_stage
        g.timeline("Korea", "Uzbekistan")            # Records of TimelineEvent, oldest first
        g.stalled_projects(years=5); g.totals(country="Uzbekistan"); g.amounts(country="Uzbekistan")
        g.as_of("2015-12-31").neighbourhood("Kazakhstan")   # the graph as known on that day
        g.as_of(since="2016", until="2024-06").stats()      # only the facts stated within a window
        g.changes(since=0)                           # the change feed

Every answer method takes `min_confidence` (0-1); `as_of` gives a view of the graph where every answer only keeps
facts stated for that day or earlier, or (`since`, `until`) within a window of days, as the API's parameters do.
Lists come whole: the interface follows the pages itself, up to `limit`.
Entities may be named by id, name or alias wherever the API accepts that.

The service layer is asynchronous (one driver serves the API's many requests); here it runs on an event loop of
its own, on a background thread, so the calls are plain function calls in a notebook, where a loop already runs,
and in a script alike.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from graph import projects, service
from graph.results import (
    Amount,
    Change,
    EntityDetail,
    GraphEdge,
    GraphNode,
    GraphStats,
    Hub,
    MineralFirm,
    ProjectSummary,
    ProjectTimeline,
    SearchHit,
    StalledProject,
    TimelineEvent,
    TotalsAnswer,
)
from graph.service import FactFilter
from graph.settings import Settings, get_settings
from graph.store import GraphStore
from kg.records import Graph, Paths, Records, amount_row, event_row, firm_row, project_row

T = TypeVar("T")


class _Loop:
    """An event loop on a daemon thread, shared by a graph and its as_of() views."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="kg-notebook-loop", daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()


class KnowledgeGraph:
    """An open graph. Use open_graph() to make one; close() (or a `with` block) releases the store."""

    def __init__(self, store: GraphStore, *, as_of: date | None = None, since: date | None = None,
                 until: date | None = None, _loop: _Loop | None = None) -> None:
        self.store = store
        self._root = _loop is None  # as_of() views share the root's loop and store; closing the root closes all
        self._dates = FactFilter(as_of=as_of, since=since, until=until)  # checked: since after until is refused
        self._loop: _Loop | None = _loop or _Loop()

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        if self._loop is None:
            return
        if self._root:  # close the async driver on its loop, then the store, then the loop
            self._loop.run(self.store.aclose())
            self._loop.stop()
        self._loop = None

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        d = self._dates
        when = "".join(f", {words} {day.isoformat()}" for words, day in
                       (("as of", d.as_of), ("since", d.since), ("until", d.until)) if day is not None)
        return f"<KnowledgeGraph {self.store.dialect.engine} database={self.store.database!r}{when}>"

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        if self._loop is None:
            coro.close()
            raise RuntimeError("this graph is closed")
        return self._loop.run(coro)

    def _facts(self, min_confidence: float) -> FactFilter:
        d = self._dates
        return FactFilter(min_confidence=min_confidence, as_of=d.as_of, since=d.since, until=d.until)

    def as_of(self, day: date | str | None = None, *, since: date | str | None = None,
              until: date | str | None = None) -> KnowledgeGraph:
        """This graph as it was known on `day` (an ISO date or a date): every answer keeps only the facts stated
        for that day or earlier (by the date of their event, else of their document), each with the evidence so
        dated. Undated facts are left out; reference data is kept. `since` and `until` keep the facts stated
        within a window, as the API's parameters do: a date, or text read as the API reads it (`YYYY`, `YYYY-MM`
        or an ISO date; a year or month as `since` is its first day, as `until` its last). What is not given is
        kept from this view; BadQueryInput for a date that is none, or a `since` after `until` or the day."""
        d = self._dates
        when = date.fromisoformat(day) if isinstance(day, str) else day if day is not None else d.as_of
        first = service.period_start(since) if isinstance(since, str) else since if since is not None else d.since
        last = service.period_end(until) if isinstance(until, str) else until if until is not None else d.until
        return KnowledgeGraph(self.store, as_of=when, since=first, until=last, _loop=self._loop)

    # ------------------------------------------------------------------ answers

    def search(self, q: str, *, node_types: list[str] | tuple[str, ...] = (), mode: service.SearchMode = "auto",
               limit: int = 20) -> Records[SearchHit]:
        """Entities matching `q`, best first (exact, then prefix, then full text; names in other scripts and country
        codes too), each with its score, at most `limit`. In an as_of() view, only the entities known that day (a
        fact stated for it or earlier, or a document so dated that mentions them)."""
        dates = self._facts(0.0)

        async def work() -> list[SearchHit]:
            found: list[SearchHit] = []
            cursor = None
            while len(found) < limit:
                page = await service.search_entities(self.store, q, node_types=node_types, mode=mode,
                                                     limit=min(service.MAX_PAGE, limit - len(found)), cursor=cursor,
                                                     facts=dates)
                found += page.items
                if not page.next_cursor:
                    break
                cursor = page.next_cursor
            return found
        return Records(self._run(work()))

    def entity(self, ref: str, *, min_confidence: float = 0.0) -> EntityDetail:
        """One entity (by id, name or alias): properties, aliases, documents, relationship counts. In an as_of()
        view, or with min_confidence, the documents dated and the facts that pass (counts, parents, subsidiaries)."""
        facts = self._facts(min_confidence)

        async def work() -> EntityDetail:
            found = await service.resolve_entity(self.store, ref)
            return await service.entity_detail(self.store, found.id, facts=facts)
        return self._run(work())

    def neighbourhood(self, ref: str, depth: int = 1, *, rel_types: list[str] | tuple[str, ...] = (),
                      node_types: list[str] | tuple[str, ...] = (), min_confidence: float = 0.0,
                      limit: int = 1000, max_degree: int = service.DEFAULT_MAX_DEGREE) -> Graph:
        """What lies within `depth` facts of an entity (id, name or alias): at most `limit` edges, nearest first,
        with the nodes they join. `.has_more` says the limit cut it; `.capped` lists the hubs (more facts than
        `max_degree`; 0: no cap) that were reached but not expanded."""
        facts = self._facts(min_confidence)

        async def work() -> Graph:
            centre = await service.resolve_entity(self.store, ref)
            nodes: dict[str, GraphNode] = {}
            edges: list[GraphEdge] = []
            capped: dict[str, Hub] = {}
            cursor, has_more = None, False
            while True:
                page = await service.neighbourhood(self.store, centre.id, depth, rel_types, node_types,
                                                   min(service.MAX_EDGES_PAGE, limit - len(edges)), facts=facts,
                                                   cursor=cursor, max_degree=max_degree)
                for node in page.nodes:
                    nodes.setdefault(node.id, node)
                edges += page.edges
                capped.update((h.id, h) for h in page.capped)
                has_more = page.has_more
                if not page.next_cursor or len(edges) >= limit:
                    break
                cursor = page.next_cursor
            return Graph(nodes=list(nodes.values()), edges=edges, limit=limit, has_more=has_more,
                         max_degree=max_degree or None,
                         capped=sorted(capped.values(), key=lambda h: (-h.degree, h.id)))
        return self._run(work())

    def paths(self, source: str, target: str, *, max_len: int = 4, min_confidence: float = 0.0,
              limit: int = 50, max_degree: int = service.DEFAULT_MAX_DEGREE) -> Paths:
        """The shortest paths between two entities (ids, names or aliases), each hop with its evidence; none passes
        through an entity with more facts than `max_degree` (0: no cap)."""
        facts = self._facts(min_confidence)

        async def work() -> Paths:
            found = Paths()
            cursor = None
            while len(found) < limit:
                page = await service.shortest_paths(self.store, source, target, max_len,
                                                    min(service.MAX_PATHS_PAGE, limit - len(found)), facts=facts,
                                                    cursor=cursor, max_degree=max_degree)
                found += page.paths
                if not page.next_cursor:
                    break
                cursor = page.next_cursor
            return found
        return self._run(work())

    def firms_touching_mineral(self, mineral: str, *, country: str | None = None, max_hops: int = 2,
                               min_confidence: float = 0.0, limit: int = 200,
                               max_degree: int = service.DEFAULT_MAX_DEGREE) -> Records[MineralFirm]:
        """Which firms and organizations (of `country`) touch `mineral`, nearest first, each with its paths (none
        through an entity with more facts than `max_degree`; 0: no cap); to_pandas() gives one row per firm."""
        facts = self._facts(min_confidence)

        async def work() -> list[MineralFirm]:
            firms: list[MineralFirm] = []
            cursor = None
            while len(firms) < limit:
                page = await service.firms_touching_mineral(
                    self.store, mineral, country, max_hops, min(service.MAX_FIRMS_PAGE, limit - len(firms)),
                    facts=facts, cursor=cursor, max_degree=max_degree)
                firms += page.firms
                if not page.next_cursor:
                    break
                cursor = page.next_cursor
            return firms
        return Records(self._run(work()), row=firm_row)

    def projects(self, *, country: str | None = None, firm: str | None = None, sector: str | None = None,
                 stage: str | None = None, min_confidence: float = 0.0, limit: int = 500) -> Records[ProjectSummary]:
        """Projects (of a country, with a firm taking part, in a sector, at a current stage), by name, each with its
        current stage, value, participants and roles, stages and facts; to_pandas() gives one row per project with
        its stage and value and the entities it is linked to, by relationship type."""
        facts = self._facts(min_confidence)

        async def work() -> list[ProjectSummary]:
            items: list[ProjectSummary] = []
            cursor = None
            while len(items) < limit:
                page = await projects.list_projects(self.store, country, firm=firm, sector=sector, stage=stage,
                                                    limit=min(service.MAX_PAGE, limit - len(items)), facts=facts,
                                                    cursor=cursor)
                items += page.items
                if not page.next_cursor:
                    break
                cursor = page.next_cursor
            return items
        return Records(self._run(work()), row=project_row)

    def project_timeline(self, ref: str, *, min_confidence: float = 0.0) -> ProjectTimeline:
        """A project's life (by id, name or alias): its stages as dated events, its current stage, value,
        participants and the sums attached to it. `Records(t.events, row=kg.records.event_row).to_pandas()` for a
        table."""
        return self._run(projects.project_timeline(self.store, ref, facts=self._facts(min_confidence)))

    def timeline(self, source: str, target: str, *, min_confidence: float = 0.0,
                 limit: int = 2000) -> Records[TimelineEvent]:
        """The dated events between two entities (ids, names or aliases), oldest first; one row per event."""
        facts = self._facts(min_confidence)

        async def work() -> list[TimelineEvent]:
            events: list[TimelineEvent] = []
            cursor = None
            while len(events) < limit:
                page = await projects.pair_timeline(self.store, source, target, facts=facts, cursor=cursor,
                                                    limit=min(projects.MAX_TIMELINE_PAGE, limit - len(events)))
                events += page.events
                if not page.next_cursor:
                    break
                cursor = page.next_cursor
            return events
        return Records(self._run(work()), row=event_row)

    def stalled_projects(self, *, years: int = 3, country: str | None = None, min_confidence: float = 0.0,
                         ) -> Records[StalledProject]:
        """Projects still announced or agreed after `years` years (to this graph's as_of day, else today), or
        suspended."""
        async def work() -> list[StalledProject]:
            items: list[StalledProject] = []
            cursor = None
            while True:
                page = await projects.stalled_projects(self.store, years=years, country=country, cursor=cursor,
                                                       facts=self._facts(min_confidence), limit=service.MAX_PAGE)
                items += page.items
                if not page.next_cursor:
                    return items
                cursor = page.next_cursor
        return Records(self._run(work()))

    def totals(self, *, country: str | None = None, min_confidence: float = 0.0) -> TotalsAnswer:
        """Sums of money by year, pledged, contracted, completed and other, each amount once (of a country)."""
        return self._run(projects.totals(self.store, country=country, facts=self._facts(min_confidence)))

    def amounts(self, *, country: str | None = None, min_confidence: float = 0.0) -> Records[Amount]:
        """The sums of money behind totals(), each once; one row per amount."""
        return Records(self.totals(country=country, min_confidence=min_confidence).amounts, row=amount_row)

    def edge(self, edge_id: str) -> GraphEdge:
        """One fact by its id (`source|TYPE|target`), with all its evidence; in an as_of() view, with the evidence
        dated that day or earlier (NotFound when there is none)."""
        return self._run(service.get_edge(self.store, edge_id, facts=self._facts(0.0)))

    def changes(self, since: int = 0, limit: int = 1000) -> Records[Change]:
        """The change feed after change number `since`: documents loaded, replaced or deleted, oldest first."""
        return Records(self._run(service.changes(self.store, since, limit)).items)

    def stats(self) -> GraphStats:
        """Counts of nodes by label and relationships by type; in an as_of() view, of what was known that day."""
        return self._run(service.graph_stats(self.store, facts=self._facts(0.0)))


def open_graph(data_dir: str | Path | None = None, *, settings: Settings | None = None) -> KnowledgeGraph:
    """Open the graph the `kg` command would use: the Neo4j that KG_NEO4J_URI names, else the embedded store in
    `data_dir` (default KG_DATA_DIR, `data/`). A store another process owns (a running `kg serve`) is attached to,
    not copied."""
    settings = settings or get_settings()
    if data_dir is not None:
        settings = settings.model_copy(update={"data_dir": Path(data_dir)})
    return KnowledgeGraph(GraphStore(settings).open())
