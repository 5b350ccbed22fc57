"""What the scale work keeps true on small graphs: the benchmark's batched writes build exactly the loader's graph, and
the derived data the writes keep (each entity's `degree`, its alias keys) stays equal to what it derives from through
loads, replacements and deletions, and is rebuilt for a graph written before it existed."""

from __future__ import annotations

from bench.synthetic import Corpus, check_same_shape, write_document
from graph import queries
from graph.loader import delete_document, write_extraction
from graph.store import GraphStore


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
