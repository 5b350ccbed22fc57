"""The store against the real embedded ArcadeDB: lifecycle, persistence, locking, errors, full-text."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import neo4j
import pytest

from graph.errors import BadQueryInput, StoreUnavailable
from graph.settings import Settings
from graph.store import GraphStore

ROOT = Path(__file__).resolve().parent.parent


def _count(store: GraphStore) -> int:
    return sum(r["count"] for r in store.run("graph_counts_by_label") if r["label"] == "Entity")


def _add(store: GraphStore, label: str, ident: str, name: str, aliases: list[str] | None = None) -> None:
    store.run("create_missing_entities", label, rows=[{"id": ident, "name": name}])
    store.run("update_entities", rows=[{"id": ident, "name": name, "aliases": aliases or [], "props": {}}])


def test_restart_keeps_data_and_a_second_process_attaches(tmp_path: Path) -> None:
    settings = Settings(neo4j_uri=None, data_dir=tmp_path / "data", log_level="WARNING")
    with GraphStore(settings) as store:
        _add(store, "Firm", "firm:a", "A")
        _add(store, "Country", "country:b", "B")
        assert store.embedded is not None and store.embedded.endpoint
        assert store.embedded.endpoint.owner
        state = json.loads((tmp_path / "data" / "store.json").read_text())
        # A second process on the same data directory must attach over Bolt, not open the files.
        code = textwrap.dedent(f"""
            import json
            from graph.settings import Settings
            from graph.store import GraphStore
            s = GraphStore(Settings(neo4j_uri=None, data_dir={str(tmp_path / "data")!r})).open()
            n = [r["count"] for r in s.run("graph_counts_by_label") if r["label"] == "Entity"]
            print(json.dumps({{"owner": s.embedded.endpoint.owner, "uri": s.uri, "entities": n}}))
            s.close()
        """)
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        second = json.loads(out.stdout.strip().splitlines()[-1])
        assert second == {"owner": False, "uri": f"bolt://127.0.0.1:{state['bolt_port']}", "entities": [2]}
        assert _count(store) == 2  # the first process still works after the second has gone
    assert not (tmp_path / "data" / "store.json").exists()
    with GraphStore(settings) as store:
        assert store.uri == f"bolt://127.0.0.1:{state['bolt_port']}"  # the owner keeps its port while it is free
        assert _count(store) == 2
        assert store.run("entity_by_id", id="firm:a")[0]["entity"]["name"] == "A"


def test_schema_creation_is_idempotent(store: GraphStore) -> None:
    store.ensure_database(store.database)
    store.ensure_database(store.database)
    _add(store, "Firm", "firm:x", "X")
    with pytest.raises(neo4j.exceptions.ConstraintError):  # the unique constraint holds
        store.driver.execute_query("CREATE (:Entity:Firm {id: 'firm:x'})", database_=store.database)


def test_a_failed_transaction_writes_nothing(store: GraphStore) -> None:
    def work(tx):  # type: ignore[no-untyped-def]
        tx.run("create_missing_entities", "Firm", rows=[{"id": "firm:t", "name": "T"}])
        raise RuntimeError("fail half way")

    with pytest.raises(RuntimeError):
        store.write(work)
    assert _count(store) == 0


def test_full_text_search_finds_names_and_aliases_of_every_label(store: GraphStore) -> None:
    _add(store, "Organization", "org:kigam", "Korea Institute of Geoscience and Mineral Resources", ["KIGAM"])
    _add(store, "Person", "person:x", "Kassym-Jomart Tokayev")  # a label first used after the index exists
    found = store.driver.execute_query(
        "CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.id AS id",
        index=store.dialect.fulltext_index, q="kigam", database_=store.database).records
    assert [r["id"] for r in found] == ["org:kigam"]
    found = store.driver.execute_query(
        "CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.id AS id",
        index=store.dialect.fulltext_index, q="tokayev", database_=store.database).records
    assert [r["id"] for r in found] == ["person:x"]


def test_parameters_are_checked_before_the_store_sees_them(store: GraphStore) -> None:
    with pytest.raises(BadQueryInput, match="needs parameters"):
        store.run("entity_by_id")
    with pytest.raises(BadQueryInput, match="does not take"):
        store.run("entity_by_id", id="x", evil="y")
    with pytest.raises(BadQueryInput, match="no query named"):
        store.run("drop_everything")


def test_an_unreachable_neo4j_is_store_unavailable(tmp_path: Path) -> None:
    settings = Settings(neo4j_uri="bolt://127.0.0.1:9", neo4j_password="x", data_dir=tmp_path)
    with pytest.raises(StoreUnavailable):
        GraphStore(settings).open()


@pytest.mark.neo4j
def test_real_neo4j_round_trip() -> None:
    import os

    settings = Settings(neo4j_uri=os.environ["KG_TEST_NEO4J_URI"])
    with GraphStore(settings) as store:
        assert store.run("ping")[0]["ok"] == 1
        store.run("clear_graph")
        _add(store, "Firm", "firm:a", "A", ["Acorp"])
        found = store.driver.execute_query(
            "CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.id AS id",
            index=store.dialect.fulltext_index, q="acorp", database_=store.database).records
        assert [r["id"] for r in found] == ["firm:a"]


def test_the_store_keeps_off_the_port_the_api_serves_on(tmp_path, monkeypatch) -> None:
    # `kg serve` sets KG_API_PORT before the store starts in its process: a port the store remembers from its last
    # run, or one the OS hands out as free, must not be the API's (the server would then fail to bind it)
    from graph.embedded import EmbeddedArcadeDB, _bindable

    store = EmbeddedArcadeDB(tmp_path)
    tmp_path.mkdir(exist_ok=True)
    bolt, http = store._ports()
    assert _bindable(bolt) and _bindable(http)
    store.ports_path.write_text(json.dumps({"bolt_port": bolt, "http_port": http}))
    assert store._ports() == (bolt, http)  # remembered ports are reused when free
    monkeypatch.setenv("KG_API_PORT", str(bolt))
    again = store._ports()
    assert bolt not in again and again[1] == http
