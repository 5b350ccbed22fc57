"""What the scale work keeps true on small graphs: the benchmark's batched writes build exactly the loader's graph, and
the derived data the writes keep (each entity's `degree`, its alias keys, its search keys, a hub's fact page) stays
equal to what it derives from through loads, replacements and deletions, and is rebuilt for a graph written before it
existed; the reads that use search keys and fact pages answer as the reads that rank and sort everything.

The fact pages' thresholds are lowered here (graph/derived.py: a hub from 25 facts, pages of 8 ids) so that the
synthetic graphs of a few hundred documents have hubs whose pages fill, run out and are built again."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Iterator
from typing import Any

import pytest

from bench.synthetic import Corpus, check_same_shape, write_document
from graph import derived, queries, service, traversal
from graph.loader import delete_document, write_extraction
from graph.store import GraphStore


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(derived, "HUB_FACTS", 25)
    monkeypatch.setattr(derived, "FACT_PAGE_SIZE", 8)
    monkeypatch.setattr(derived, "FACT_PAGE_LEAST", 4)
    yield


def search_rank(n: int, name: str, degree: int) -> str | None:
    """A search key's rank for prefixes of n characters, as refresh_search_keys writes it."""
    key = name.lower()
    if len(key) < n:
        return None
    hub = min(1.0, math.log1p(min(degree, 50)) / math.log(51.0))
    score = round(0.55 + 0.2 * n / len(name) + 0.15 * hub, 4)
    return f"{key[:n]}|{110000 - round(10000 * score)}"


def search_keys_and_pages_are_consistent(store: GraphStore) -> int:
    """Every entity has one search key per name and alias, ranked from its present degree; every fact page holds the
    smallest ids of its entity's facts, and every entity with HUB_FACTS facts has one. Returns the pages' count."""
    run = lambda text, **p: store.driver.execute_query(text, p, database_=store.database).records  # noqa: E731
    entities = {r["id"]: r for r in run("MATCH (n:Entity) RETURN n.id AS id, n.name AS name, "
                                        "coalesce(n.aliases, []) AS aliases, n.degree AS degree")}
    keys: dict[str, list[tuple[Any, ...]]] = {}
    for k in run("MATCH (k:SearchKey) RETURN k.entity AS entity, k.key AS key, k.rank1 AS r1, k.rank2 AS r2, "
                 "k.rank3 AS r3"):
        keys.setdefault(k["entity"], []).append((k["key"], k["r1"], k["r2"], k["r3"]))
    assert set(keys) == set(entities), "search keys of entities that are gone, or entities without keys"
    for eid, e in entities.items():
        expected = sorted((name.lower(), *[None if r is None else f"{r}|{eid}" for r in
                                           (search_rank(n, name, e["degree"]) for n in (1, 2, 3))])
                          for name in [e["name"], *e["aliases"]])
        assert sorted(keys[eid], key=str) == sorted(expected, key=str), eid
    pages = {r["entity"]: list(r["edges"]) for r in run("MATCH (p:FactPage) RETURN p.entity AS entity, "
                                                       "p.edges AS edges")}
    for eid in entities:
        facts = [r["id"] for r in run(
            f"MATCH (n:Entity {{id: $id}})-[r:{queries.CONSTANTS['fact_types']}]-(:Entity) WITH DISTINCT r "
            "RETURN startNode(r).id + '|' + type(r) + '|' + endNode(r).id AS id ORDER BY id", id=eid)]
        if eid in pages:
            assert pages[eid] == facts[:len(pages[eid])], eid
            assert len(pages[eid]) <= derived.FACT_PAGE_SIZE
        else:
            assert len(facts) < derived.HUB_FACTS, eid
    return len(pages)


def derived_data_is_consistent(store: GraphStore) -> None:
    rows = store.driver.execute_query(
        "MATCH (n:Entity) RETURN n.id AS id, n.degree AS degree, "
        f"COUNT {{ (n)-[:{queries.CONSTANTS['fact_types']}]-(:Entity) }} AS facts, "
        "coalesce(n.aliases_lower, []) AS aliases", database_=store.database).records
    keys = store.driver.execute_query("MATCH (k:AliasKey) RETURN k.entity AS entity, k.key AS key",
                                      database_=store.database).records
    assert rows
    wrong = [(r["id"], r["degree"], r["facts"]) for r in rows if r["degree"] != r["facts"]]
    assert not wrong, wrong[:5]
    expected = {(r["id"], a) for r in rows for a in r["aliases"]}
    found = [(k["entity"], k["key"]) for k in keys]
    assert len(found) == len(set(found)), "an alias key twice"
    assert set(found) == expected


def test_batched_writes_build_the_loaders_graph(base_store: GraphStore, store: GraphStore) -> None:
    other = base_store.using(store.database + "b")
    other.ensure_database(other.database)
    try:
        check_same_shape(store, other, list(Corpus(80, seed=3)))
    finally:
        if base_store.embedded is not None:
            base_store.embedded.drop_database(other.database)


def test_degrees_and_alias_keys_follow_loads_replacements_and_deletions(store: GraphStore) -> None:
    docs = list(Corpus(120, seed=7))
    for x in docs:
        write_document(store, x)
    derived_data_is_consistent(store)
    changed = docs[5].model_copy(update={"facts": docs[5].facts[::2]})
    changed = changed.model_copy(update={"document": changed.document.model_copy(update={"content_hash": "changed"})})
    store.write(lambda tx: write_extraction(tx, changed))  # a stored document: replaced
    for x in docs[10:13]:
        assert delete_document(store, x.document.id) is not None
    derived_data_is_consistent(store)
    assert search_keys_and_pages_are_consistent(store) > 0


def test_the_benchmarks_probe_writes_leave_the_graph_as_built(store: GraphStore) -> None:
    """bench_scale.py writes its probe documents into the built graphs and deletes each again: nothing they wrote
    stays (their evidence once named the corpus's document ids, so every run added their facts for good)."""
    from bench.bench_scale import probe_documents, write_times

    for x in Corpus(60, seed=11):
        write_document(store, x)

    def shape() -> list[Any]:
        run = lambda text: store.driver.execute_query(text, database_=store.database).records  # noqa: E731
        nodes = sorted((r["id"], r["degree"]) for r in run("MATCH (n:Entity) RETURN n.id AS id, n.degree AS degree"))
        facts = sorted((r["id"], r["docs"]) for r in run(
            f"MATCH (a:Entity)-[r:{queries.CONSTANTS['fact_types']}]->(b:Entity) "
            "RETURN a.id + '|' + type(r) + '|' + b.id AS id, r.doc_ids AS docs"))
        return [nodes, facts, run("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]]

    before = shape()
    probes = probe_documents(11)
    assert all(f.evidence is None or f.evidence.doc_id == x.document.id for x in probes for f in x.facts)
    assert len(write_times(store, probes)) == len(probes)
    assert shape() == before


def test_fact_pages_follow_deletions_and_are_built_again(store: GraphStore) -> None:
    docs = list(Corpus(300, seed=3))
    for x in docs:
        write_document(store, x)
    assert search_keys_and_pages_are_consistent(store) >= 5
    for x in docs[:150]:  # pages run short and empty; hubs still hubs get theirs built again
        delete_document(store, x.document.id)
    search_keys_and_pages_are_consistent(store)
    for x in docs[:150]:
        write_document(store, x)
    assert search_keys_and_pages_are_consistent(store) >= 5


def test_a_graph_written_before_degrees_and_alias_keys_gets_them_when_opened(store: GraphStore) -> None:
    for x in Corpus(60, seed=9):
        write_document(store, x)
    before = {r["id"]: r["degree"] for r in store.driver.execute_query(
        "MATCH (n:Entity) RETURN n.id AS id, n.degree AS degree", database_=store.database).records}
    store.driver.execute_query("MATCH (n:Entity) REMOVE n.degree", database_=store.database)
    store.driver.execute_query("MATCH (k:AliasKey) DELETE k", database_=store.database)
    store.driver.execute_query("MATCH (l:StoreLayout) DELETE l", database_=store.database)
    store.ensure_database(store.database)
    derived_data_is_consistent(store)
    after = {r["id"]: r["degree"] for r in store.driver.execute_query(
        "MATCH (n:Entity) RETURN n.id AS id, n.degree AS degree", database_=store.database).records}
    assert after == before


def test_a_graph_written_before_search_keys_and_fact_pages_gets_them_when_opened(store: GraphStore) -> None:
    for x in Corpus(200, seed=5):
        write_document(store, x)
    snapshot = """MATCH (k) WHERE k:SearchKey OR k:FactPage
                  RETURN labels(k)[0] AS label, k.entity AS entity, k.key AS key, k.rank1 AS r1, k.rank2 AS r2,
                         k.rank3 AS r3, k.edges AS edges"""
    before = sorted(map(str, store.driver.execute_query(snapshot, database_=store.database).records))
    store.driver.execute_query("MATCH (k) WHERE k:SearchKey OR k:FactPage DELETE k", database_=store.database)
    store.driver.execute_query("MATCH (l:StoreLayout) SET l.version = 2", database_=store.database)
    store.ensure_database(store.database)
    assert sorted(map(str, store.driver.execute_query(snapshot, database_=store.database).records)) == before
    assert search_keys_and_pages_are_consistent(store) > 0


def run(store: GraphStore, work: Any) -> Any:
    view = store.using(store.database)

    async def main() -> Any:
        try:
            return await work(view)
        finally:
            await view.aclose()

    return asyncio.run(main())


def test_hub_neighbourhoods_from_fact_pages_are_those_sorted(store: GraphStore, monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """Every page of the neighbourhoods of the hubs, read from their fact pages where they can be, is the page the
    sort of all their facts gives (graph/traversal.py neighbourhood_level); pages past a fact page's ids, and
    filtered ones, are sorted."""
    docs = list(Corpus(300, seed=3))
    for x in docs:
        write_document(store, x)
    for x in docs[:20]:
        delete_document(store, x.document.id)
    hubs = [r["entity"] for r in store.driver.execute_query("MATCH (p:FactPage) RETURN p.entity AS entity",
                                                            database_=store.database).records]
    assert len(hubs) >= 5
    read = traversal._from_fact_page
    used = []

    async def counted(*args: Any, **kwargs: Any) -> Any:
        rows = await read(*args, **kwargs)
        used.append(rows is not None)
        return rows

    async def never(*args: Any, **kwargs: Any) -> None:
        return None

    async def pages(view: GraphStore, depth: int, limit: int, facts: service.FactFilter) -> list[Any]:
        out = []
        for hub in hubs:
            cursor = None
            while True:
                page = await service.neighbourhood(view, hub, depth, limit=limit, cursor=cursor, facts=facts)
                out.append(page.model_dump())
                cursor = page.next_cursor
                if cursor is None or len(out) > 400:
                    break
        return out

    for depth, limit, facts in ((1, 3, service.FactFilter()), (2, 2, service.FactFilter()),
                                (1, 3, service.FactFilter(min_confidence=0.8))):
        monkeypatch.setattr(traversal, "_from_fact_page", counted)
        new = run(store, lambda view, d=depth, n=limit, f=facts: pages(view, d, n, f))
        monkeypatch.setattr(traversal, "_from_fact_page", never)
        old = run(store, lambda view, d=depth, n=limit, f=facts: pages(view, d, n, f))
        assert new == old, (depth, limit, facts)
    assert any(used) and not all(used)


def test_ranked_prefixes_are_those_every_match_ranked_gives(store: GraphStore) -> None:
    """Prefix search of 1-3 characters reads search keys best first and stops early; on a graph where short prefixes
    match hundreds of entities, its best entities are those search_prefix_ranked gives, whatever the page's size
    and node types (several rounds of reading when the page is large or the type rare)."""
    for x in Corpus(400, seed=4):
        write_document(store, x)
    names = [r["name"] for r in store.driver.execute_query("MATCH (n:Entity) RETURN n.name AS name ORDER BY name",
                                                           database_=store.database).records]
    prefixes = sorted({n.lower()[:k] for n in names[::7] for k in (1, 2, 3) if len(n) >= k})

    async def check(view: GraphStore) -> int:
        compared = 0
        for prefix in prefixes:
            for labels, want in (([], 1), ([], 21), ([], 120), (["Firm", "Organization"], 21), (["Country"], 5)):
                ranked = await service._ranked_prefix(view, prefix, labels, want)
                every = await view.arun("search_prefix_ranked", prefix=prefix, node_types=labels, limit=want)
                if ranked is None:  # too many keys read for a rare node type: search ranks every match
                    assert labels
                    continue
                got = [(r["entity"]["id"], int(r["degree"])) for r in ranked]
                assert got == [(r["entity"]["id"], int(r["degree"])) for r in every], (prefix, labels, want)
                compared += len(got)
        return compared

    assert run(store, check) > 1000
