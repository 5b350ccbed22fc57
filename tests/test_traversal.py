"""The bounded walks (graph/traversal.py) give the answers the former whole-graph queries gave, on the default graph,
and the degree cap is applied and reported.

tests/fixtures/queries_before.cypher keeps the former queries' text; each test runs them and the service side by
side over many entities, pairs and filters, walking every page of the service's answer.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pytest

from graph import queries, service
from graph.service import FactFilter
from graph.store import GraphStore
from graph.traversal import DEFAULT_MAX_DEGREE

T = TypeVar("T")
BEFORE = queries.parse((Path(__file__).parent / "fixtures" / "queries_before.cypher").read_text(encoding="utf-8"))
FILTERS = [FactFilter(), FactFilter(min_confidence=0.75), FactFilter(as_of=date(2023, 12, 31)),
           FactFilter(since=date(2024, 1, 1), min_confidence=0.5)]


def before(store: GraphStore, name: str, slot: str | None = None, **params: Any) -> list[Any]:
    query = BEFORE[name]
    params = query.with_defaults(params)
    return list(store.driver.execute_query(query.render(slot), params, database_=store.database).records)


def key(path: Any) -> str:
    return "".join(f"{r.start_node['id']}|{r.type}|{r.end_node['id']} " for r in path.relationships)


def run(store: GraphStore, work: Callable[[GraphStore], Awaitable[T]]) -> T:
    """An async check on a view of its own (the async driver belongs to the loop that made it)."""
    view = store.using(store.database)

    async def main() -> T:
        try:
            return await work(view)
        finally:
            await view.aclose()

    return asyncio.run(main())


@pytest.fixture(scope="module")
def entities(seeded_store: GraphStore) -> list[dict[str, Any]]:
    rows = seeded_store.driver.execute_query(
        "MATCH (n:Entity) RETURN n.id AS id, n.degree AS degree, labels(n) AS labels ORDER BY id",
        database_=seeded_store.database).records
    return [dict(r) for r in rows]


def test_no_entity_of_the_default_graph_is_a_hub(entities: list[dict[str, Any]]) -> None:
    """So the default cap changes nothing there, and the comparisons below compare like with like."""
    busiest = max(entities, key=lambda e: e["degree"])
    assert 20 < busiest["degree"] < DEFAULT_MAX_DEGREE, busiest


def test_neighbourhoods_are_the_same(seeded_store: GraphStore, entities: list[dict[str, Any]]) -> None:
    rng = random.Random(11)
    connected = [e["id"] for e in entities if e["degree"]]
    hubs = sorted(connected, key=lambda i: -next(e["degree"] for e in entities if e["id"] == i))[:4]
    cases = [(i, d, (), (), FactFilter()) for i in hubs + rng.sample(connected, 25) for d in (1, 2, 3)]
    cases += [(i, 2, ("PARTNERS_WITH", "DEVELOPS", "INVESTS_IN"), (), f) for i in hubs for f in FILTERS]
    cases += [(i, 2, (), ("Firm", "Organization", "Mineral"), f) for i in rng.sample(connected, 6) for f in FILTERS]

    async def check(store: GraphStore) -> int:
        compared = 0
        for entity, depth, rels, labels, facts in cases:
            old = before(store, f"neighbourhood_{depth}", id=entity, rel_types=list(rels), node_types=list(labels),
                         after_distance=-1, after_edge="", limit=100_000, **facts.params)
            new, cursor = [], None
            while True:
                page = await service.neighbourhood(store, entity, depth, rels, labels, limit=37, facts=facts,
                                                   cursor=cursor)
                assert page.capped == [] and page.max_degree == DEFAULT_MAX_DEGREE
                new += [e.id for e in page.edges]
                cursor = page.next_cursor
                if cursor is None:
                    break
            assert new == [r["edge_id"] for r in old], (entity, depth, rels, labels, facts)
            compared += len(new)
        return compared

    assert run(seeded_store, check) > 2000


def test_paths_are_the_same(seeded_store: GraphStore, entities: list[dict[str, Any]]) -> None:
    rng = random.Random(5)
    connected = [e["id"] for e in entities if e["degree"]]
    pairs = [tuple(rng.sample(connected, 2)) for _ in range(40)]
    pairs += [("firm:doosan-enerbility", "country:kazakhstan"), ("org:kigam", "country:kazakhstan")]

    def old_shortest(store: GraphStore, a: str, b: str, max_len: int, facts: FactFilter) -> list[str]:
        common = {"source": a, "target": b, "limit": 1000, "after": "", **facts.params}
        rows = before(store, "shortest_paths", max_len=max_len, **common)
        if not rows and facts.active:  # the former service's fallback, length by length
            for length in range(1, max_len + 1):
                rows = before(store, "paths_of_length", str(length), **common)
                if rows:
                    break
        return [key(r["path"]) for r in rows]

    def old_all(store: GraphStore, a: str, b: str, max_len: int, facts: FactFilter) -> list[str]:
        common = {"source": a, "target": b, "limit": 1000, "after": "", **facts.params}
        return [key(r["path"]) for n in range(1, max_len + 1) for r in before(store, "paths_of_length", str(n),
                                                                                  **common)]

    async def walk(store: GraphStore, a: str, b: str, max_len: int, facts: FactFilter, mode: str) -> list[str]:
        keys, cursor = [], None
        while True:
            page = await service.shortest_paths(store, a, b, max_len, limit=3, facts=facts, cursor=cursor,
                                                mode=mode)  # type: ignore[arg-type]
            assert page.capped == []
            keys += ["".join(h.id + " " for h in p.hops) for p in page.paths]
            for p in page.paths:
                assert [n.id for n in p.nodes][0] == a and p.nodes[-1].id == b
            cursor = page.next_cursor
            if cursor is None:
                return keys

    async def check(store: GraphStore) -> int:
        compared = 0
        for i, (a, b) in enumerate(pairs):
            for facts in FILTERS[:2] if i % 3 else FILTERS:
                assert await walk(store, a, b, 4, facts, "shortest") == old_shortest(store, a, b, 4, facts), (a, b)
                if i % 4 == 0:
                    found = await walk(store, a, b, 3, facts, "all")
                    assert found == old_all(store, a, b, 3, facts), (a, b, facts)
                    compared += len(found)
                compared += 1
        return compared

    assert run(seeded_store, check) > 100


def test_mineral_answers_are_the_same(seeded_store: GraphStore, entities: list[dict[str, Any]]) -> None:
    minerals = [e["id"] for e in entities if "Mineral" in e["labels"] and e["degree"]]
    countries = [None, "country:south-korea", "country:kazakhstan", "country:uzbekistan"]

    async def check(store: GraphStore) -> int:
        compared = 0
        for mineral in minerals:
            for country in countries:
                for hops in (1, 2, 3):
                    for facts in FILTERS if hops == 2 else FILTERS[:1]:
                        old = before(store, "firms_touching_mineral", mineral=mineral, country=country,
                                     max_hops=hops, after_hops=-1, after_firm="", paths_per_firm=100, limit=1000,
                                     **facts.params)
                        new, cursor = [], None
                        while True:
                            page = await service.firms_touching_mineral(
                                store, mineral, country, hops, limit=4, paths_per_firm=100, facts=facts,
                                cursor=cursor)
                            assert page.capped == []
                            new += [(f.firm.id, f.hops, f.path_count, ["".join(h.id + " " for h in p.hops)
                                                                       for p in f.paths]) for f in page.firms]
                            cursor = page.next_cursor
                            if cursor is None:
                                break
                        expected = [(r["firm"], r["hops"], r["path_count"], [key(p) for p in r["paths"]])
                                    for r in old]
                        assert new == expected, (mineral, country, hops, facts)
                        compared += len(new)
        return compared

    assert run(seeded_store, check) > 50


def test_mineral_answers_list_the_first_chains_of_each_firm(seeded_store: GraphStore,
                                                             entities: list[dict[str, Any]]) -> None:
    """With few paths per firm the store orders the firm's facts by their first chain and only those facts' chains
    are spelled out (graph/traversal.py firms_touching_near): the listed paths are the first of all the firm's
    chains, and path_count still counts them all."""
    minerals = [e["id"] for e in entities if "Mineral" in e["labels"] and e["degree"]]

    async def check(store: GraphStore) -> int:
        cut = 0
        for mineral in minerals:
            for country in (None, "country:south-korea"):
                old = before(store, "firms_touching_mineral", mineral=mineral, country=country, max_hops=2,
                             after_hops=-1, after_firm="", paths_per_firm=100, limit=1000, **FactFilter().params)
                for listed in (1, 2, 3, 5):
                    new: list[Any] = []
                    cursor = None
                    while True:  # small pages: those of firms one fact away are answered by firm_chains
                        page = await service.firms_touching_mineral(store, mineral, country, 2, limit=3,
                                                                    paths_per_firm=listed, cursor=cursor)
                        new += [(f.firm.id, f.hops, f.path_count, ["".join(h.id + " " for h in p.hops)
                                                                   for p in f.paths]) for f in page.firms]
                        cut += sum(f.hops == 1 and f.path_count > listed for f in page.firms)
                        cursor = page.next_cursor
                        if cursor is None:
                            break
                    expected = [(r["firm"], r["hops"], r["path_count"], [key(p) for p in r["paths"]][:listed])
                                for r in old]
                    assert new == expected, (mineral, country, listed)
        return cut

    assert run(seeded_store, check) > 10  # firms one fact away with more chains than are listed


def test_a_degree_cap_leaves_hubs_out_and_says_so(seeded_store: GraphStore, entities: list[dict[str, Any]]) -> None:
    degree = {e["id"]: e["degree"] for e in entities}
    cap = 12

    async def check(store: GraphStore) -> None:
        # a neighbourhood: the hubs reached are listed, and none of their own facts is (only those that reach them)
        page = await service.neighbourhood(store, "org:kigam", 2, limit=500, max_degree=cap)
        assert page.max_degree == cap and page.capped
        hubs = {h.id for h in page.capped}
        assert all(h.degree == degree[h.id] > cap for h in page.capped)
        assert [h.degree for h in page.capped] == sorted((h.degree for h in page.capped), reverse=True)
        whole = await service.neighbourhood(store, "org:kigam", 2, limit=500, max_degree=0)
        assert whole.capped == [] and whole.max_degree is None
        kept = {e.id for e in page.edges}
        assert kept < {e.id for e in whole.edges}
        near = {e.source for e in whole.edges if e.source != "org:kigam"} | {e.target for e in whole.edges}
        for e in whole.edges:
            if e.id not in kept:  # left out: it joins a hub to something farther
                assert (e.source in hubs or e.target in hubs) and near
        # paths and the mineral question do not pass through a hub
        paths = await service.shortest_paths(store, "org:kigam", "firm:sk-ecoplant", 4, limit=50, max_degree=cap)
        assert all(n.id not in {h.id for h in paths.capped} for p in paths.paths for n in p.nodes[1:-1])
        lithium = await service.firms_touching_mineral(store, "lithium", None, 2, limit=200, max_degree=3)
        assert lithium.capped and lithium.max_degree == 3
        passed = {n.id for f in lithium.firms for p in f.paths for n in p.nodes[1:-1]}
        assert passed.isdisjoint({h.id for h in lithium.capped})

    run(seeded_store, check)


# ---------------------------------------------------------------------------------------------- lookups


def references(entities: list[dict[str, Any]], seeded_store: GraphStore) -> list[str]:
    """What people type for an entity: its id, its name and aliases (in other cases too), their beginnings, and a
    few that name nothing."""
    rows = seeded_store.driver.execute_query(
        "MATCH (n:Entity) RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases ORDER BY id",
        database_=seeded_store.database).records
    rng = random.Random(3)
    refs: set[str] = {"", "zzzz", "Korea zzzz", "kor", "k", "KZ", "카자흐스탄", "Казахстан"}
    for r in rng.sample(list(rows), 60):
        names = [r["name"], *r["aliases"]]
        refs |= {r["id"], *names, r["name"].upper(), r["name"].lower()}
        refs |= {n[:k] for n in names for k in (1, 2, 3, 5) if len(n) > k}
    return sorted(refs)


def test_name_and_alias_lookups_are_the_same(seeded_store: GraphStore, entities: list[dict[str, Any]]) -> None:
    refs = references(entities, seeded_store)
    for labels in ([], ["Country"], ["Firm", "Organization"]):
        for ref in refs:
            old = [dict(r) for r in before(seeded_store, "resolve_entity", ref=ref, node_types=labels)]
            new = [dict(r) for r in seeded_store.run("resolve_entity", ref=ref, node_types=labels)]
            assert new == old, (ref, labels)
            old_exact = [(r["entity"]["id"], r["rank"], r["degree"])
                         for r in before(seeded_store, "search_entities_exact", ref=ref, node_types=labels, limit=500)]
            new_exact = [(r["entity"]["id"], r["rank"], r["degree"])
                         for r in seeded_store.run("search_entities_exact", ref=ref, node_types=labels, limit=500)]
            assert new_exact == old_exact, (ref, labels)
            prefix = ref.lower()
            if prefix:
                old_prefix = [(r["entity"]["id"], r["degree"]) for r in before(
                    seeded_store, "search_entities_prefix", prefix=prefix, node_types=labels, offset=0, limit=500)]
                new_prefix = [(r["entity"]["id"], r["degree"]) for r in seeded_store.run(
                    "search_entities_prefix", prefix=prefix, node_types=labels, offset=0, limit=500)]
                assert new_prefix == old_prefix, (ref, labels)


def test_search_pages_are_the_same(seeded_store: GraphStore, entities: list[dict[str, Any]]) -> None:
    """search_entities fetches only each tier's best offset + limit + 1 (ranked by the store) where it fetched 500
    and ranked them itself; its pages are those the former search gave (that search, rebuilt here over the former
    queries)."""
    from graph.aliases import normalise, search_aliases
    from graph.results import node_from_driver
    from graph.service import _hub_bonus, _prefix_match, fulltext_query

    def old_search(store: GraphStore, q: str, labels: list[str], offset: int, limit: int) -> list[tuple[Any, ...]]:
        hits: dict[str, tuple[float, str, str | None, int]] = {}

        def keep(record: Any, score: float, match: str, matched: str | None) -> None:
            node = node_from_driver(record["entity"])
            if node.id not in hits or score > hits[node.id][0]:  # as the service compares
                hits[node.id] = (round(score, 4), match, matched, int(record["degree"] or 0))

        text, aliases = q.strip(), search_aliases()
        if text:
            for r in before(store, "search_entities_exact", ref=text, node_types=labels, limit=500):
                node, rank = r["entity"], int(r["rank"])
                matched = node["id"] if rank == 0 else node["name"] if rank == 1 else next(
                    (a for a in node.get("aliases") or [] if a.lower() == text.lower()), text)
                keep(r, 1.0 if rank < 2 else 0.95, "exact", matched)
            exact = {h.id: h for h in aliases.exact(text)}
            if exact:
                for r in before(store, "entities_by_ids", ids=sorted(exact), node_types=labels):
                    keep(r, 0.95, "exact", exact[str(r["entity"]["id"])].alias)
            prefix = text.lower()
            for r in before(store, "search_entities_prefix", prefix=prefix, node_types=labels, offset=0, limit=500):
                node = node_from_driver(r["entity"])
                matched = _prefix_match(node, prefix)
                coverage = len(prefix) / max(len(matched), 1)
                keep(r, 0.55 + 0.2 * coverage + 0.15 * _hub_bonus(int(r["degree"] or 0)), "prefix", matched)
            starts = {h.id: h for h in aliases.prefix(text)}
            if starts:
                for r in before(store, "entities_by_ids", ids=sorted(starts), node_types=labels):
                    alias = starts[str(r["entity"]["id"])].alias
                    coverage = len(normalise(text)) / max(len(normalise(alias)), 1)
                    keep(r, 0.55 + 0.2 * coverage + 0.15 * _hub_bonus(int(r["degree"] or 0)), "prefix", alias)
        ft = fulltext_query(text)
        if ft:
            records = before(store, "search_entities_fulltext", index=store.dialect.fulltext_index, query=ft,
                             node_types=labels, offset=0, limit=500)
            top = max((float(r["score"]) for r in records), default=0.0) or 1.0
            for r in records:
                keep(r, 0.2 + 0.25 * float(r["score"]) / top, "fulltext", None)
        ranked = sorted(hits.items(), key=lambda h: (-h[1][0], -h[1][3], h[0]))
        return [(i, *h) for i, h in ranked[offset:offset + limit]] + [("more", len(ranked) > offset + limit)]

    refs = references(entities, seeded_store)

    async def check(store: GraphStore) -> int:
        compared = 0
        for labels in ([], ["Firm", "Organization"]):
            for ref in refs:
                if not ref.strip():
                    continue
                for offset, limit in ((0, 20), (5, 5)):
                    page = await service.search_entities(store, ref, node_types=labels, offset=offset, limit=limit)
                    new = [(h.id, h.score, h.match, h.matched, h.degree) for h in page.items]
                    new += [("more", page.has_more)]
                    assert new == old_search(store, ref, labels, offset, limit), (ref, labels, offset, limit)
                    compared += len(page.items)
        return compared

    assert run(seeded_store, check) > 1000


def test_entity_details_are_the_same(seeded_store: GraphStore, entities: list[dict[str, Any]]) -> None:
    """entity_detail looks the parent and country up through the id index now; for every entity of the default graph
    the entity page holds what it held (the service takes parents, subsidiaries and countries once each, by name)."""
    from graph.service import _refs

    def page(row: Any) -> tuple[Any, ...]:
        return (dict(row["entity"]), row["documents"], sorted(row["counts"], key=lambda c: (c["type"], c["direction"])),
                _refs(row["parents"]), _refs(row["subsidiaries"]), _refs(row["countries"]))

    with_parent = with_country = 0
    for e in entities:
        old = before(seeded_store, "entity_detail", id=e["id"], limit=50)
        new = seeded_store.run("entity_detail", id=e["id"], limit=50)
        assert [page(r) for r in new] == [page(r) for r in old], e["id"]
        with_parent += bool(_refs(new[0]["parents"]))
        with_country += bool(_refs(new[0]["countries"]))
    assert with_parent > 3 and with_country > 20
    assert seeded_store.run("entity_detail", id="no:such-entity", limit=50) == []
