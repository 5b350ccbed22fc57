"""Bounded walks for the neighbourhood, paths and mineral answers (graph/service.py).

The store expands the graph one distance at a time, with the answer's filters applied during the expansion (named
queries neighbourhood_level and neighbourhood_next, expand_facts, firms_next_to); this module decides what to expand
next and stops as soon as the page asked for is known. Two rules bound the work whatever the size of the graph:

- hubs are not walked through: an entity with more facts (`degree`, kept by the writes) than the degree cap, other
  than the entities the question names, is reached but not expanded, and the answer lists it (`capped`);
- answers come out in their order without sorting every path: the neighbourhood distance by distance, each
  distance's page sorted by the store; paths enumerated in key order (their edge ids, in walking order) from the
  graph of shortest paths (a bidirectional search, the cheaper side expanded first) or from the few entities that
  can lie on a path of at most four hops; the mineral question's firms distance by distance, their chains counted
  from the firm's side.
With no hub met, every answer is the one the former whole-graph queries gave (tests/test_traversal.py compares
them on the default graph).
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.results import Hub, node_type
from graph.store import GraphStore

# Entities with more facts than this are not walked through unless a caller asks (max_degree; 0 for no cap).
DEFAULT_MAX_DEGREE = 500
# Labels a chain from a mineral to a firm never passes through: a shared country or place is not a link.
NOT_A_LINK = frozenset({"Country", "Location"})
FIRM_LABELS = frozenset({"Firm", "Organization"})


@dataclass(frozen=True, order=True)
class Step:
    """A fact relationship walked from `node` to `other`."""

    edge: str  # its id, source|TYPE|target (the sort key of paths)
    node: str
    other: str
    type: str
    forward: bool  # the walk goes from the relationship's source to its target

    @property
    def source(self) -> str:
        return self.node if self.forward else self.other

    @property
    def target(self) -> str:
        return self.other if self.forward else self.node

    def reverse(self) -> Step:
        return Step(self.edge, self.other, self.node, self.type, not self.forward)


@dataclass
class Reached:
    id: str
    degree: int
    labels: frozenset[str]
    name: str
    country: str | None = None


@dataclass
class Walk:
    """What the walks of one answer have seen: the entities reached and the hubs met."""

    cap: int | None
    keep: frozenset[str] = frozenset()  # entities the question names: always expanded
    reached: dict[str, Reached] = field(default_factory=dict)
    hubs: dict[str, Reached] = field(default_factory=dict)

    def expandable(self, entity_id: str) -> bool:
        """May the walk go on through this entity? (The hubs it may not are remembered for the answer.)"""
        if entity_id in self.keep or self.cap is None:
            return True
        info = self.reached.get(entity_id)
        if info is None or info.degree <= self.cap:
            return True
        self.hubs[entity_id] = info
        return False

    def capped(self) -> list[Hub]:
        return [Hub(id=h.id, type=node_type(list(h.labels)), name=h.name or h.id, degree=h.degree)
                for h in sorted(self.hubs.values(), key=lambda h: (-h.degree, h.id))]


def _step(row: Any) -> Step:
    node, other, rel_type, out = str(row["from"]), str(row["to"]), str(row["type"]), bool(row["out"])
    source, target = (node, other) if out else (other, node)
    return Step(f"{source}|{rel_type}|{target}", node, other, rel_type, out)


async def expand(store: GraphStore, walk: Walk, ids: Iterable[str], filters: dict[str, Any]
                 ) -> dict[str, list[Step]]:
    """The steps out of each of `ids` (expand_facts), the entities reached noted on `walk`."""
    wanted = sorted(set(ids))
    steps: dict[str, list[Step]] = {i: [] for i in wanted}
    if not wanted:
        return steps
    for row in await store.arun("expand_facts", ids=wanted, **filters):
        step = _step(row)
        steps[step.node].append(step)
        if step.other not in walk.reached:
            walk.reached[step.other] = Reached(step.other, int(row["degree"] or 0), frozenset(row["labels"] or ()),
                                               str(row["name"] or step.other), row["country"])
    return steps


# ---------------------------------------------------------------------------------------------- neighbourhood


@dataclass
class LevelEdge:
    distance: int
    record: Any  # edge_id, edge, source, target


async def neighbourhood(store: GraphStore, centre: str, depth: int, filters: dict[str, Any], walk: Walk, *,
                        after_distance: int, after_edge: str, want: int) -> list[LevelEdge]:
    """The first `want` fact relationships within `depth` hops of `centre` after the cursor, nearest first (by the
    distance of their nearer end), then by edge id. Distance by distance: the page of one distance's facts comes
    sorted from the store (neighbourhood_level); the next distance's entities are found only when the page needs
    them (neighbourhood_next), and hubs among them are not expanded."""
    found: list[LevelEdge] = []
    frontier = [centre]  # entities at this distance that are expanded
    closer: list[str] = []  # entities nearer than this distance
    for distance in range(depth):
        if distance >= after_distance and frontier:
            after = after_edge if distance == after_distance else ""
            rows: list[Any] | None = await _from_fact_page(store, centre, after, want, filters) \
                if distance == 0 else None
            if rows is None:
                rows = await store.arun("neighbourhood_level", frontier=frontier, closer=closer, after_edge=after,
                                        limit=want - len(found), **filters)
            found += [LevelEdge(distance, r) for r in rows]
            if len(found) >= want:
                break
        if distance + 1 >= depth or not frontier:
            break
        level = await store.arun("neighbourhood_next", frontier=frontier, closer=closer + frontier, **filters)
        closer = closer + frontier
        frontier = []
        for r in level:
            walk.reached.setdefault(str(r["id"]), Reached(str(r["id"]), int(r["degree"] or 0),
                                                          frozenset(r["labels"] or ()), str(r["name"] or r["id"])))
            if walk.expandable(str(r["id"])):
                frontier.append(str(r["id"]))
            else:
                closer.append(str(r["id"]))  # reached, not expanded: its own facts are not listed
        frontier.sort()
    return found


def _unfiltered(filters: dict[str, Any]) -> bool:
    return not (filters.get("rel_types") or filters.get("node_types") or filters.get("min_confidence")
                or filters.get("as_of") is not None or filters.get("since") is not None)


async def _from_fact_page(store: GraphStore, centre: str, after_edge: str, want: int, filters: dict[str, Any]
                          ) -> list[dict[str, Any]] | None:
    """The first `want` facts of a hub after `after_edge`, by id, as neighbourhood_level gives them with no filter:
    read from its fact page (graph/derived.py: its smallest fact ids, in order), each fetched from its other end.
    None when the page cannot tell (no page, a filter, fewer ids left in it than wanted, or an id it lists not
    found as exactly one relationship): the caller sorts the facts then."""
    if not _unfiltered(filters):
        return None
    pages = await store.arun("fact_page", id=centre)
    if not pages:
        return None
    ids = [e for e in pages[0]["edges"] or [] if e > after_edge][:want]
    if len(ids) < want:
        return None
    at_source: list[dict[str, str]] = []
    at_target: list[dict[str, str]] = []
    for edge_id in ids:
        source, rel_type, target = edge_id.split("|")
        (at_target if source == centre else at_source).append({"source": source, "type": rel_type, "target": target})
    found = await asyncio.gather(*(store.arun(name, edges=edges) for name, edges in
                                   (("edges_by_ids", at_source), ("edges_by_ids_at_target", at_target)) if edges))
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in (r for part in found for r in part):
        edge_id = f"{r['source']['id']}|{r['edge'].type}|{r['target']['id']}"
        rows[edge_id].append({"edge_id": edge_id, "edge": r["edge"], "source": r["source"], "target": r["target"]})
    if any(len(rows[e]) != 1 for e in ids):
        return None
    return [rows[e][0] for e in ids]


# ---------------------------------------------------------------------------------------------- paths


def _ordered(children: dict[str, list[Step]]) -> dict[str, list[Step]]:
    return {k: sorted(v) for k, v in children.items()}


def _in_key_order(start: str, length: int, children: Any, after: Sequence[str], want: int,
                  allowed: Any = None) -> list[list[Step]]:
    """Walks of exactly `length` steps from `start` whose last step ends the walk (children(node, position) gives the
    steps on, in edge-id order), in key order (the edge ids in walking order), after `after`, at most `want`.
    `allowed(path, step)` may refuse a step (a node already on the path)."""
    out: list[list[Step]] = []
    path: list[Step] = []

    def walk(node: str, position: int, bound: bool) -> bool:
        """bound: the path so far equals `after`'s beginning, so steps before after[position] are skipped."""
        if position == length:
            if bound:  # equal to `after` itself: not after it
                return False
            out.append(list(path))
            return len(out) >= want
        for step in children(node, position):
            if bound and position < len(after) and step.edge < after[position]:
                continue
            if allowed is not None and not allowed(path, step):
                continue
            path.append(step)
            stop = walk(step.other, position + 1, bound and position < len(after) and step.edge == after[position])
            path.pop()
            if stop:
                return True
        return False

    walk(start, 0, bool(after))
    return out


async def shortest_paths(store: GraphStore, a: str, b: str, max_len: int, filters: dict[str, Any], walk: Walk,
                         *, after: Sequence[str], want: int) -> list[list[Step]]:
    """The shortest paths between a and b of at most max_len hops, none through a hub, in key order after `after`:
    a breadth-first search from both ends, each round expanding the end whose frontier has fewer facts, until the two
    meet; then the walks are enumerated from the graph of shortest paths, in key order, only as far as the page."""
    dist: list[dict[str, int]] = [{a: 0}, {b: 0}]
    towards: list[dict[str, list[Step]]] = [defaultdict(list), defaultdict(list)]  # node -> steps reaching it
    frontier = [[a], [b]]
    depth = [0, 0]
    walk.keep = frozenset({a, b})
    meet: list[str] = []
    weight = [await _degree(store, a), await _degree(store, b)]
    for end, degree in zip((a, b), weight, strict=True):
        walk.reached.setdefault(end, Reached(end, degree, frozenset(), end))
    while depth[0] + depth[1] < max_len and frontier[0] and frontier[1]:
        side = 0 if weight[0] <= weight[1] else 1
        steps = await expand(store, walk, frontier[side], filters)
        depth[side] += 1
        level: set[str] = set()
        for node in frontier[side]:
            for step in steps[node]:
                seen = dist[side].get(step.other)
                if seen is not None and seen < depth[side]:
                    continue  # back towards this side's end
                if step.other not in (a, b) and not walk.expandable(step.other):
                    continue  # a hub: not on any path
                dist[side][step.other] = depth[side]
                towards[side][step.other].append(step)
                level.add(step.other)
        meet = sorted(v for v in level if v in dist[1 - side])
        if meet:
            break
        frontier[side] = sorted(level)
        weight[side] = sum(walk.reached[v].degree for v in level if v in walk.reached)
    if not meet:
        return []
    split = depth[0]  # every shortest path meets the other side's search at this position
    length = depth[0] + depth[1]
    # The a side: from a towards the meeting entities, only through entities that lead to one.
    useful = set(meet)
    stack = list(meet)
    while stack:
        for step in towards[0].get(stack.pop(), []):
            if step.node not in useful:
                useful.add(step.node)
                stack.append(step.node)
    from_a: dict[str, list[Step]] = defaultdict(list)
    for node in useful:
        for step in towards[0].get(node, []):
            from_a[step.node].append(step)
    # The b side: each entity's steps towards b.
    to_b: dict[str, list[Step]] = {node: [s.reverse() for s in steps] for node, steps in towards[1].items()}
    from_a, to_b = _ordered(from_a), _ordered(to_b)

    def children(node: str, position: int) -> list[Step]:
        return from_a.get(node, []) if position < split else to_b.get(node, [])

    return _in_key_order(a, length, children, after, want)


async def _degree(store: GraphStore, entity_id: str) -> int:
    rows = await store.arun("entity_by_id", id=entity_id)
    return int(rows[0]["entity"].get("degree") or 0) if rows else 0


async def all_paths(store: GraphStore, a: str, b: str, max_len: int, filters: dict[str, Any], walk: Walk, *,
                    after_length: int, after: Sequence[str], want: int) -> list[list[Step]]:
    """Every simple path between a and b of at most max_len (<= 4) hops, none through a hub, shortest first, then in
    key order, after (after_length, after). Every entity of such a path lies within one hop of a or b, so the
    facts of a, b and (for three hops and more) their neighbours are all the walk needs."""
    walk.keep = frozenset({a, b})
    for end in (a, b):  # their degrees: the answer's hops are fetched from the quieter end (chain_ids)
        walk.reached.setdefault(end, Reached(end, await _degree(store, end), frozenset(), end))
    ends = await expand(store, walk, [a, b], filters)
    known = {a, b}
    steps: dict[str, set[Step]] = defaultdict(set)

    def add(found: dict[str, list[Step]]) -> None:
        for node_steps in found.values():
            for step in node_steps:
                if step.other in (a, b) or walk.expandable(step.other):
                    steps[step.node].add(step)
                    steps[step.other].add(step.reverse())

    add(ends)
    if max_len >= 3:
        near = {s.other for s in steps[a] | steps[b]} - known
        add(await expand(store, walk, [n for n in near if walk.expandable(n)], filters))
    adjacency = {node: sorted(s for s in node_steps if s.other == b or s.other not in (a,)) for node, node_steps in
                 steps.items()}
    # Hops from each entity to b, over what is known: a walk that cannot reach b in the steps left stops early.
    to_b = {b: 0}
    queue = [b]
    for node in queue:
        for step in adjacency.get(node, []):
            if step.other not in to_b:
                to_b[step.other] = to_b[node] + 1
                queue.append(step.other)
    found: list[list[Step]] = []
    for length in range(max(after_length, 1), max_len + 1):
        def children(node: str, position: int, length: int = length) -> list[Step]:
            left = length - position - 1
            return [s for s in adjacency.get(node, []) if to_b.get(s.other, length + 1) <= left
                    and (s.other == b) == (left == 0)]

        def simple(path: list[Step], step: Step) -> bool:
            return step.other != a and all(s.other != step.other for s in path)

        found += _in_key_order(a, length, children, after if length == after_length else (), want - len(found),
                               simple)
        if len(found) >= want:
            break
    return found


# ---------------------------------------------------------------------------------------------- mineral question


@dataclass
class FirmChains:
    firm: str
    hops: int
    chains: list[list[Step]]  # every chain, shortest first, then in key order (or the first of them: `count`)
    count: int | None = None  # how many chains in all, when `chains` lists only the first


@dataclass
class NearFirms:
    """The page of firms_touching_near: each firm with its chains' count and the first of them, and the
    relationships and entities those chains pass through, by id (as graph/service.py builds paths from)."""

    firms: list[FirmChains]
    rels: dict[str, Any]
    nodes: dict[str, Any]


async def firms_touching_near(store: GraphStore, mineral: str, country: str | None, max_hops: int,
                              filters: dict[str, Any], walk: Walk, *, after_hops: int, after_firm: str, want: int,
                              listed: int) -> NearFirms | None:
    """firms_touching for a page the firms one fact away from the mineral fill (the mineral question's usual
    page, at most two hops), with the first `listed` chains of each firm, computed in the store rather than from
    every fact of the mineral and the firms: the page's firms by id (mineral_firms_near), the mineral's facts with
    the entities a chain may pass through as ids (mineral_links), each firm's chains joined with them, counted,
    ordered and cut in the store (firm_chains), and the mineral's facts those listed chains start with
    (mineral_facts_named). None when the page is not of that kind (three hops, a cursor past the first distance,
    or too few firms one fact away): firms_touching answers it."""
    if max_hops > 2 or after_hops > 1:
        return None
    walk.keep = frozenset({mineral})
    page_rows, links_rows, mineral_rows = await asyncio.gather(  # independent: the store runs them at once
        store.arun("mineral_firms_near", mineral=mineral, country=country,
                   after_firm=after_firm if after_hops == 1 else "", limit=want, **filters),
        store.arun("mineral_links", mineral=mineral, max_degree=walk.cap, **filters) if max_hops == 2 else _nothing(),
        store.arun("entity_by_id", id=mineral))
    firms = [str(r["id"]) for r in page_rows]
    if (len(firms) < want and max_hops == 2) or not mineral_rows:  # the page goes on two facts away
        return None
    near: dict[str, list[str]] = defaultdict(list)
    for other, edge in (links_rows[0]["links"] if links_rows else []):
        near[str(other)].append(str(edge))
    for edges in near.values():
        edges.sort()  # firm_chains reads an entity's first chain from its smallest fact
    rows = await store.arun("firm_chains", firms=firms, mineral=mineral, near=dict(near), max_degree=walk.cap,
                            paths_per_firm=listed, **filters) if firms else []
    nodes: dict[str, Any] = {mineral: mineral_rows[0]["entity"]}
    rels: dict[str, Any] = {}
    by_firm: dict[str, FirmChains] = {}
    wanted: dict[str, str] = {}  # the first hops of the listed chains: fact id -> the entity in the middle
    for row in rows:
        firm = str(row["firm"]["id"])
        nodes[firm] = row["firm"]
        if max_hops >= 2:
            for h in row["hubs"]:
                walk.hubs[str(h["id"])] = Reached(str(h["id"]), int(h["degree"] or 0), frozenset(h["labels"] or ()),
                                                  str(h["name"] or h["id"]))
        # The firm's first chains lie among the chains of its first facts (firm_chains orders the facts by their
        # first chain): spelled out here, ordered and cut.
        keyed: list[tuple[int, str, list[Step]]] = []
        for link in row["links"]:
            middle, last = str(link["middle"]["id"]), str(link["last"])
            source, rel_type, _ = last.split("|")
            if middle == mineral:
                keyed.append((1, last + " ", [Step(last, mineral, firm, rel_type, source == mineral)]))
                continue
            for first in near[middle]:
                first_source, first_type, _ = first.split("|")
                keyed.append((2, f"{first} {last} ", [Step(first, mineral, middle, first_type, first_source == mineral),
                                                      Step(last, middle, firm, rel_type, source == middle)]))
        keyed.sort(key=lambda k: (k[0], k[1]))
        chains = [chain for _, _, chain in keyed[:listed]]
        lasts = {chain[-1].edge for chain in chains}
        middles = {chain[0].other for chain in chains if len(chain) == 2}
        for link in row["links"]:
            if str(link["last"]) in lasts:
                rels[str(link["last"])] = link["edge"]
            if str(link["middle"]["id"]) in middles:
                nodes[str(link["middle"]["id"])] = link["middle"]
        for chain in chains:
            if len(chain) == 2:
                wanted[chain[0].edge] = chain[0].other
        by_firm[firm] = FirmChains(firm, 1, chains, int(row["count"]))
    if wanted:
        for r in await store.arun("mineral_facts_named", mineral=mineral,
                                  edges=[{"edge": e, "middle": x} for e, x in sorted(wanted.items())]):
            rels[str(r["edge_id"])] = r["edge"]
    if any(f not in by_firm for f in firms):
        return None
    return NearFirms([by_firm[f] for f in firms], rels, nodes)


async def _nothing() -> list[Any]:
    return []


async def firms_touching(store: GraphStore, mineral: str, country: str | None, max_hops: int,
                         filters: dict[str, Any], walk: Walk, *, after_hops: int, after_firm: str, want: int
                         ) -> list[FirmChains]:
    """Firms and organizations (of `country`) joined to `mineral` by a chain of at most max_hops facts that passes
    through no country, place or hub, nearest first then by id, after the cursor, at most `want`; each with every
    such chain (a chain never takes the same fact twice). Distance by distance: the firms one hop away are the
    mineral's neighbours; those two hops away are found next to the mineral's (non-hub) neighbours (firms_next_to),
    those three hops away next to the entities two hops away; a further distance is searched only when the page is
    not yet full. The chains of the page's firms are then counted from the firm's side."""
    walk.keep = frozenset({mineral})
    walk.reached.setdefault(mineral, Reached(mineral, await _degree(store, mineral), frozenset({"Mineral"}), mineral))
    around = await expand(store, walk, [mineral], filters)

    def link(entity_id: str) -> bool:
        return not (walk.reached[entity_id].labels & NOT_A_LINK)

    def of_country(entity_id: str) -> bool:
        info = walk.reached[entity_id]
        return bool(info.labels & FIRM_LABELS) and (country is None or info.country == country)

    levels: list[set[str]] = [{mineral}, {s.other for s in around[mineral] if link(s.other)}]
    seen: set[str] = set()
    page: list[tuple[int, str]] = []
    for hops in range(1, max_hops + 1):
        if hops == 1:
            firms = {f for f in levels[1] if of_country(f)}
        else:
            via = sorted(v for v in levels[hops - 1] if walk.expandable(v))
            rows = await store.arun("firms_next_to", ids=via, country=country, **filters) if via else []
            firms = {str(r["id"]) for r in rows}
        for firm in sorted(firms - seen):
            if hops > after_hops or (hops == after_hops and firm > after_firm):
                page.append((hops, firm))
                if len(page) >= want:
                    break
        seen |= firms
        if len(page) >= want or hops == max_hops:
            break
        if len(levels) <= hops:  # the entities at this distance, next to which the next round's firms are
            via = sorted(v for v in levels[hops - 1] if walk.expandable(v))
            further = await expand(store, walk, via, filters)
            levels.append({s.other for steps in further.values() for s in steps
                           if link(s.other) and s.other not in levels[hops - 1] and s.other not in levels[hops - 2]})
    if not page:
        return []
    return await _chains(store, mineral, max_hops, filters, walk, around[mineral], page)


async def _chains(store: GraphStore, mineral: str, max_hops: int, filters: dict[str, Any], walk: Walk,
                  from_mineral: list[Step], page: list[tuple[int, str]]) -> list[FirmChains]:
    """Every chain of at most max_hops facts from the mineral to each firm of the page, found from the firm's side:
    the firm's facts, and for three hops those of its neighbours, joined to the mineral's own."""
    firms = [f for _, f in page]
    near_firm = await expand(store, walk, firms, filters)
    facts: dict[str, list[Step]] = {mineral: from_mineral, **near_firm}
    if max_hops >= 3:
        second = {s.other for f in firms for s in near_firm[f]} - set(facts)
        second = {n for n in second if not (walk.reached[n].labels & NOT_A_LINK) and walk.expandable(n)}
        facts.update(await expand(store, walk, second, filters))
    mineral_to: dict[str, list[Step]] = defaultdict(list)  # the mineral's facts, by the entity at their other end
    for step in from_mineral:
        mineral_to[step.other].append(step)

    def link(entity_id: str) -> bool:
        """May a chain pass through this entity (not a country or place, not a hub)?"""
        info = walk.reached.get(entity_id)
        if info is not None and info.labels & NOT_A_LINK:
            return False
        return entity_id == mineral or walk.expandable(entity_id)

    out = []
    for hops, firm in page:
        chains: list[list[Step]] = []
        for last in facts.get(firm, []):  # walked back from the firm: last -> ...
            x = last.other
            if x == mineral:
                chains.append([last.reverse()])
                if max_hops >= 3:  # mineral -first-> y -middle-> mineral -last-> firm: y holds two facts with it
                    for middle in from_mineral:
                        y = middle.other
                        if middle.edge != last.edge and link(y):
                            chains += [[first, middle.reverse(), last.reverse()] for first in mineral_to.get(y, [])
                                       if first.edge not in (middle.edge, last.edge)]
                continue
            if max_hops < 2 or not link(x):
                continue
            for first in mineral_to.get(x, []):  # mineral -first-> x -last-> firm
                if first.edge != last.edge:
                    chains.append([first, last.reverse()])
            if max_hops < 3 or x not in facts:
                continue
            for middle in facts[x]:  # mineral -first-> y -middle-> x -last-> firm
                y = middle.other
                if middle.edge == last.edge or not link(y):
                    continue
                for first in mineral_to.get(y, []):
                    if first.edge not in (middle.edge, last.edge):
                        chains.append([first, middle.reverse(), last.reverse()])
        chains.sort(key=lambda c: (len(c), [s.edge for s in c]))
        out.append(FirmChains(firm, hops, chains))
    return out


def chain_ids(chains: Iterable[list[Step]], walk: Walk | None = None) -> tuple[list[dict[str, str]],
                                                                                list[dict[str, str]]]:
    """The relationships of some walks, once each, as edges_by_ids wants them: those to look for from their source,
    and those to look for from their target (edges_by_ids_at_target), whichever end has fewer facts as far as `walk`
    knows their degrees."""
    def degree(entity_id: str) -> int:
        info = walk.reached.get(entity_id) if walk is not None else None
        return info.degree if info is not None else 0

    seen: set[str] = set()
    at_source: list[dict[str, str]] = []
    at_target: list[dict[str, str]] = []
    for chain in chains:
        for step in chain:
            if step.edge not in seen:
                seen.add(step.edge)
                ids = {"source": step.source, "type": step.type, "target": step.target}
                (at_source if degree(step.source) <= degree(step.target) else at_target).append(ids)
    return at_source, at_target
