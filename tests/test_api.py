"""The HTTP API against the real embedded store: content of answers, bounds, the one error shape, auth on
writes, ingest, and 503 with recovery when the store goes away.

Read tests share one app over a view of `seeded_store` (its own async driver, bound to the client's event
loop); write tests take a fresh `store` each.
"""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from graph import queries, schema
from graph.store import GraphStore

API = "/api/v1"
N_SEEDS = len(list((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")))
TOKEN = "test-token-3f9a"


def assert_error(response: Any, status: int, code: str | None = None, contains: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message", "detail"}, body
    if code:
        assert body["error"]["code"] == code, body
    if contains:
        assert contains in body["error"]["message"], body
    return body["error"]


@pytest.fixture(scope="module")
def client(seeded_store: GraphStore) -> Iterator[TestClient]:
    view = seeded_store.using(seeded_store.database)
    with TestClient(create_app(store=view)) as c:
        yield c
        c.portal.call(view.aclose)  # type: ignore[union-attr]


def writer_client(store: GraphStore, extractor: Any, token: str | None) -> TestClient:
    settings = store.settings.model_copy(update={"api_token": SecretStr(token) if token else None})
    return TestClient(create_app(settings, store=store, extractor=extractor))


def counts(store: GraphStore) -> dict[str, int]:
    by_label = {r["label"]: r["count"] for r in store.run("graph_counts_by_label")}
    by_type = {r["type"]: r["count"] for r in store.run("graph_counts_by_type")}
    return {**by_label, **by_type}


# ---------------------------------------------------------------------------------------------- health


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get(f"{API}/health").json() == {"status": "ok"}
    ready = client.get(f"{API}/ready")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready" and ready.json()["engine"] == "arcadedb"


# ---------------------------------------------------------------------------------------------- search


def test_search_by_prefix_alias_and_fulltext(client: TestClient) -> None:
    r = client.get(f"{API}/entities", params={"q": "doosan"}).json()
    ids = [e["id"] for e in r["items"]]
    assert "firm:doosan-enerbility" in ids and "firm:doosan" in ids
    # alias: KIGAM is the alias of the institute's full name
    r = client.get(f"{API}/entities", params={"q": "KIGAM", "mode": "prefix"}).json()
    assert [e["id"] for e in r["items"]] == ["org:kigam"]
    # full text: a word in the middle of a name
    r = client.get(f"{API}/entities", params={"q": "geoscience", "mode": "fulltext"}).json()
    assert "org:kigam" in [e["id"] for e in r["items"]]
    # Lucene syntax in user text is neutralised, not a 5xx or a parse error
    r = client.get(f"{API}/entities", params={"q": 'lith* AND "(', "mode": "fulltext"})
    assert r.status_code == 200


def test_search_type_filter(client: TestClient) -> None:
    r = client.get(f"{API}/entities", params={"q": "korea", "type": "Organization", "limit": 100}).json()
    assert r["items"] and all(e["type"] == "Organization" for e in r["items"])
    assert_error(client.get(f"{API}/entities", params={"q": "korea", "type": "Spaceship"}), 422, "invalid_request")


def test_search_pagination(client: TestClient) -> None:
    first = client.get(f"{API}/entities", params={"q": "korea", "limit": 2}).json()
    second = client.get(f"{API}/entities", params={"q": "korea", "limit": 2, "offset": 2}).json()
    everything = client.get(f"{API}/entities", params={"q": "korea", "limit": 100}).json()
    assert first["has_more"] is True and len(first["items"]) == 2
    ids = [e["id"] for e in everything["items"]]
    assert [e["id"] for e in first["items"]] + [e["id"] for e in second["items"]] == ids[:4]
    assert len(ids) == len(set(ids))
    last = client.get(f"{API}/entities", params={"q": "korea", "limit": 100, "offset": len(ids) - 1}).json()
    assert last["has_more"] is False and len(last["items"]) == 1


@pytest.mark.parametrize("params", [
    {"q": "x", "limit": 101}, {"q": "x", "limit": 0}, {"q": "x", "offset": -1}, {"q": "x", "offset": 1001},
    {"q": ""}, {}, {"q": "x" * 201}, {"q": "x", "mode": "regex"},
])
def test_search_bounds(client: TestClient, params: dict[str, Any]) -> None:
    assert_error(client.get(f"{API}/entities", params=params), 422, "invalid_request")


# ---------------------------------------------------------------------------------------------- entity


def test_entity_detail(client: TestClient) -> None:
    r = client.get(f"{API}/entities/org:kigam")
    assert r.status_code == 200
    body = r.json()
    assert body["entity"]["id"] == "org:kigam" and body["entity"]["type"] == "Organization"
    assert "KIGAM" in body["entity"]["aliases"]
    docs = [d["id"] for d in body["documents"]]
    assert "doc:12_digest_timesca_kazakhstan-critical-minerals-mous" in docs
    counts_by = {(c["type"], c["direction"]): c["count"] for c in body["relationship_counts"]}
    assert counts_by.get(("DEVELOPS", "out"), 0) >= 1
    assert body["degree"] == sum(counts_by.values())


def test_unknown_entity_is_404_with_the_id(client: TestClient) -> None:
    assert_error(client.get(f"{API}/entities/firm:no-such-firm"), 404, "not_found", "firm:no-such-firm")
    assert_error(client.get(f"{API}/entities/firm:no-such-firm/neighbourhood"), 404, "not_found",
                 "firm:no-such-firm")
    assert_error(client.get(f"{API}/documents/doc:nope"), 404, "not_found", "doc:nope")
    assert_error(client.get(f"{API}/no/such/endpoint"), 404, "not_found")


# ---------------------------------------------------------------------------------------------- neighbourhood


def test_neighbourhood_depth_and_filters(client: TestClient) -> None:
    one = client.get(f"{API}/entities/org:kigam/neighbourhood", params={"depth": 1}).json()
    ids = {n["id"] for n in one["nodes"]}
    assert {"org:kigam", "mineral:lithium", "firm:sk-ecoplant"} <= ids
    assert one["truncated"] is False and one["cap"] == 100
    assert all(e["evidence"] for e in one["edges"])
    assert all(e["source"] in ids and e["target"] in ids for e in one["edges"])
    two = client.get(f"{API}/entities/org:kigam/neighbourhood", params={"depth": 2}).json()
    assert ids < {n["id"] for n in two["nodes"]}
    only = client.get(f"{API}/entities/org:kigam/neighbourhood",
                      params={"depth": 2, "rel_type": ["DEVELOPS"]}).json()
    assert {e["type"] for e in only["edges"]} == {"DEVELOPS"}
    minerals = client.get(f"{API}/entities/org:kigam/neighbourhood",
                          params={"depth": 2, "node_type": ["Mineral"]}).json()
    assert {n["type"] for n in minerals["nodes"]} == {"Organization", "Mineral"}  # the centre, then minerals


def test_neighbourhood_cap_is_reported(client: TestClient) -> None:
    r = client.get(f"{API}/entities/country:south-korea/neighbourhood", params={"depth": 2, "limit": 5}).json()
    assert len(r["nodes"]) == 5 and r["truncated"] is True and r["cap"] == 5


@pytest.mark.parametrize("params", [
    {"depth": 4}, {"depth": 0}, {"limit": 501}, {"rel_type": "NOT_A_TYPE"}, {"node_type": "Spaceship"},
    {"rel_type": "MENTIONED_IN"},
])
def test_neighbourhood_bounds(client: TestClient, params: dict[str, Any]) -> None:
    assert_error(client.get(f"{API}/entities/org:kigam/neighbourhood", params=params), 422, "invalid_request")


# ---------------------------------------------------------------------------------------------- paths


def test_path_doosan_enerbility_to_kazakhstan(client: TestClient) -> None:
    r = client.get(f"{API}/paths", params={"source": "firm:doosan-enerbility", "target": "country:kazakhstan"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["source"] == "firm:doosan-enerbility" and body["target"] == "country:kazakhstan"
    assert body["paths"]
    for path in body["paths"]:
        hops = path["hops"]
        assert len(hops) == path["length"] == len(path["nodes"]) - 1 <= body["max_len"]
        assert hops[0]["from_id"] == "firm:doosan-enerbility" and hops[-1]["to_id"] == "country:kazakhstan"
        for a, b in zip(hops, hops[1:], strict=False):
            assert a["to_id"] == b["from_id"]
        for hop in hops:
            assert hop["type"] in schema.RELATION_NAMES and hop["direction"] in ("forward", "backward")
            # a hop is stated by a sentence, or comes from reference data and says so
            assert (hop["evidence"] and all(e["sentence"] and e["doc_id"] and e["rule"] for e in hop["evidence"])
                    or hop["properties"].get("reference") == "gazetteer" and not hop["evidence"])
            assert hop["properties"]["rule"] and 0 < hop["properties"]["confidence"] <= 1
        assert path["relation_types"] == [h["type"] for h in hops]
    sentences = [e["sentence"] for p in body["paths"] for h in p["hops"] for e in h["evidence"]]
    assert any("Doosan" in s or "Kazakhstan" in s for s in sentences)


def test_paths_accept_names_and_respect_max_len(client: TestClient) -> None:
    r = client.get(f"{API}/paths", params={"source": "Doosan Enerbility", "target": "Kazakhstan"}).json()
    shortest = r["paths"][0]["length"]
    assert r["source"] == "firm:doosan-enerbility"
    if shortest > 1:
        short = client.get(f"{API}/paths", params={"source": "Doosan Enerbility", "target": "Kazakhstan",
                                                    "max_len": shortest - 1}).json()
        assert short["paths"] == []
    assert_error(client.get(f"{API}/paths", params={"source": "a", "target": "b", "max_len": 7}), 422)
    assert_error(client.get(f"{API}/paths", params={"source": "firm:nope", "target": "country:kazakhstan"}),
                 404, "not_found", "firm:nope")
    assert_error(client.get(f"{API}/paths", params={"source": "org:kigam", "target": "KIGAM"}), 422)


# ---------------------------------------------------------------------------------------------- mineral


def test_which_korean_firms_touch_lithium(client: TestClient) -> None:
    r = client.get(f"{API}/questions/firms-touching-mineral", params={"mineral": "lithium", "country": "Korea"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["mineral"]["id"] == "mineral:lithium" and body["country"]["id"] == "country:south-korea"
    firms = {f["firm"]["id"]: f for f in body["firms"]}
    assert "org:kigam" in firms and "firm:sk-ecoplant" in firms
    assert firms["org:kigam"]["firm"]["type"] == "Organization"
    for fid in ("org:kigam", "firm:sk-ecoplant"):
        f = firms[fid]
        assert f["kinds"] and f["paths"]
        for path in f["paths"]:
            assert path["nodes"][0]["id"] == "mineral:lithium" and path["nodes"][-1]["id"] == fid
            assert path["length"] <= body["max_hops"]
            assert all(h["evidence"] for h in path["hops"])
            assert path["kind"].startswith("direct ") == (path["length"] == 1)
        sentences = [e["sentence"] for p in f["paths"] for h in p["hops"] for e in h["evidence"]]
        assert any("lithium" in s for s in sentences)
        assert any("KIGAM" in s and "SK ecoplant" in s.replace("Ecoplant", "ecoplant") for s in sentences)
    for f in body["firms"]:
        assert f["firm"]["properties"].get("country") == "country:south-korea"


def test_mineral_question_by_id_and_bounds(client: TestClient) -> None:
    direct = client.get(f"{API}/questions/firms-touching-mineral",
                        params={"mineral": "mineral:lithium", "max_hops": 1}).json()
    assert direct["country"] is None
    assert all(f["direct"] and all(p["length"] == 1 for p in f["paths"]) for f in direct["firms"])
    assert_error(client.get(f"{API}/questions/firms-touching-mineral", params={"mineral": "lithium",
                                                                               "max_hops": 4}), 422)
    assert_error(client.get(f"{API}/questions/firms-touching-mineral", params={"mineral": "unobtainium"}),
                 404, "not_found", "unobtainium")
    assert_error(client.get(f"{API}/questions/firms-touching-mineral",
                            params={"mineral": "lithium", "country": "Atlantis"}), 404, "not_found", "Atlantis")


# ---------------------------------------------------------------------------------------------- named queries


def test_query_catalogue_lists_only_read_queries(client: TestClient) -> None:
    body = client.get(f"{API}/queries").json()
    names = {q["name"] for q in body}
    assert names == {n for n, q in queries.QUERIES.items() if q.mode == "read"}
    assert "clear_graph" not in names and "merge_facts" not in names
    ftm = next(q for q in body if q["name"] == "firms_touching_mineral")
    assert {p["name"]: p["type"] for p in ftm["parameters"]} == {
        "mineral_id": "string", "country_id": "string", "max_hops": "int", "limit": "int"}
    assert client.get(f"{API}/queries/entity_by_id").json()["name"] == "entity_by_id"
    assert_error(client.get(f"{API}/queries/clear_graph"), 404, "not_found", "clear_graph")


def test_run_named_query(client: TestClient) -> None:
    r = client.post(f"{API}/queries/firms_touching_mineral/run",
                    json={"params": {"mineral_id": "mineral:lithium", "country_id": None, "max_hops": 2,
                                     "limit": "5"}})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["columns"] == ["firm_id", "p"]
    assert {row["firm_id"] for row in body["rows"]} >= {"org:kigam", "firm:sk-ecoplant"}
    r = client.post(f"{API}/queries/graph_counts_by_label/run", json={"params": {}, "limit": 2}).json()
    assert len(r["rows"]) == 2 and r["truncated"] is True


@pytest.mark.parametrize("body, status", [
    ({"params": {}}, 422),                                     # missing parameter
    ({"params": {"id": "x", "other": 1}}, 422),                # unknown parameter
    ({"params": {"id": 5}}, 422),                              # wrong type
    ({"params": {"id": "x"}, "limit": 5000}, 422),             # row limit bound
    ({"params": {"id": "x"}, "extra": True}, 422),             # unknown body field
])
def test_run_named_query_validation(client: TestClient, body: dict[str, Any], status: int) -> None:
    assert_error(client.post(f"{API}/queries/entity_by_id/run", json=body), status)


def test_write_queries_cannot_be_run(client: TestClient, seeded_store: GraphStore) -> None:
    before = counts(seeded_store)
    for name in ("clear_graph", "remove_document_facts", "schema_entity_id"):
        assert_error(client.post(f"{API}/queries/{name}/run", json={"params": {}}), 404, "not_found")
    assert counts(seeded_store) == before


# ---------------------------------------------------------------------------------------------- documents


def test_documents_list_and_detail(client: TestClient) -> None:
    page = client.get(f"{API}/documents", params={"limit": 5}).json()
    assert page["total"] == N_SEEDS and len(page["items"]) == 5 and page["has_more"] is True
    rest = client.get(f"{API}/documents", params={"limit": 100, "offset": 5}).json()
    assert len(rest["items"]) == N_SEEDS - 5 and rest["has_more"] is False
    assert_error(client.get(f"{API}/documents", params={"limit": 101}), 422)
    doc_id = "doc:12_digest_timesca_kazakhstan-critical-minerals-mous"
    doc = client.get(f"{API}/documents/{doc_id}").json()
    assert doc["id"] == doc_id and "KIGAM" in doc["text"]
    assert doc["facts"]
    for fact in doc["facts"]:
        assert fact["evidence"] and all(e["doc_id"] == doc_id for e in fact["evidence"])
    assert any(f["type"] == "SIGNS" for f in doc["facts"])
    no_text = client.get(f"{API}/documents/{doc_id}", params={"include_text": False}).json()
    assert no_text["text"] is None


# ---------------------------------------------------------------------------------------------- stats, export


def test_stats(client: TestClient, seeded_store: GraphStore) -> None:
    body = client.get(f"{API}/stats").json()
    assert body["documents"] == N_SEEDS
    assert body["entities"] == body["nodes_by_label"]["Entity"] > 0
    assert body["facts"] == sum(n for t, n in body["relationships_by_type"].items() if t != "MENTIONED_IN")


def test_export_json_and_graphml(client: TestClient) -> None:
    whole = client.get(f"{API}/export").json()
    stats = client.get(f"{API}/stats").json()
    assert len(whole["nodes"]) == stats["entities"] + stats["documents"]
    assert len(whole["edges"]) == sum(stats["relationships_by_type"].values())
    kigam = next(n for n in whole["nodes"] if n["id"] == "org:kigam")
    assert kigam["labels"] == ["Organization", "Entity"] and "KIGAM" in kigam["aliases"]
    facts = [e for e in whole["edges"] if e["type"] != "MENTIONED_IN"]
    assert facts and all(e["evidence"] or e["properties"].get("reference") == "gazetteer" for e in facts)
    # every fact says which rule made it and how sure it is; reference data carries no sentence
    assert all(e["properties"]["rule"] and 0 < e["properties"]["confidence"] <= 1 for e in facts)
    assert all(ev["rule"] and ev["sentence"] for e in facts for ev in e["evidence"])
    graphml = client.get(f"{API}/export", params={"format": "graphml"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    import xml.etree.ElementTree as ET

    root = ET.fromstring(graphml.content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == len(whole["nodes"])
    assert len(root.findall(".//g:edge", ns)) == len(whole["edges"])
    sub = client.get(f"{API}/export/neighbourhood/org:kigam", params={"depth": 1}).json()
    assert "org:kigam" in {n["id"] for n in sub["nodes"]} and sub["edges"]
    sub_xml = client.get(f"{API}/export/neighbourhood/org:kigam", params={"format": "graphml"})
    assert ET.fromstring(sub_xml.content).find(".//g:node", ns) is not None
    assert_error(client.get(f"{API}/export", params={"format": "csv"}), 422)


def test_openapi_declares_error_model_and_bounds(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if path != f"{API}/health":  # liveness never touches the store
                assert "503" in op["responses"] and "422" in op["responses"], (method, path)
    params = {p["name"]: p for p in spec["paths"][f"{API}/entities/{{entity_id}}/neighbourhood"]["get"]["parameters"]}
    assert params["depth"]["schema"]["maximum"] == 3


# ---------------------------------------------------------------------------------------------- writes


INGEST = {
    "id": "api-test-1",
    "title": "Test memorandum",
    "date": "2025-03-01",
    "text": "Korea Zinc signed a memorandum with Kazakhstan on tungsten. "
            "KIGAM and SK Ecoplant will develop lithium deposits in Kazakhstan.",
}


def test_write_refused_without_configured_token_and_nothing_written(store: GraphStore, extractor: Any) -> None:
    before = counts(store)
    with writer_client(store, extractor, token=None) as c:
        err = assert_error(c.post(f"{API}/documents", json=INGEST), 403, "forbidden")
        assert "KG_API_TOKEN" in err["message"]
        assert_error(c.post(f"{API}/documents", json=INGEST, headers={"Authorization": f"Bearer {TOKEN}"}), 403)
    assert counts(store) == before


def test_write_refused_with_missing_or_wrong_token(store: GraphStore, extractor: Any) -> None:
    before = counts(store)
    with writer_client(store, extractor, token=TOKEN) as c:
        r = c.post(f"{API}/documents", json=INGEST)
        assert_error(r, 401, "unauthorized")
        assert r.headers["www-authenticate"] == "Bearer"
        assert_error(c.post(f"{API}/documents", json=INGEST, headers={"Authorization": "Bearer wrong"}), 401)
        assert_error(c.post(f"{API}/documents", json=INGEST, headers={"Authorization": f"Basic {TOKEN}"}), 401)
    assert counts(store) == before


def test_ingest_with_token_then_query_the_new_facts(store: GraphStore, extractor: Any) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with writer_client(store, extractor, token=TOKEN) as c:
        r = c.post(f"{API}/documents", json=INGEST, headers=auth)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["doc_id"] == "doc:api-test-1" and body["status"] == "loaded"
        assert body["entities"] > 0 and body["facts"]
        assert sum(body["facts_by_type"].values()) >= len(body["facts"]) > 0
        assert all(e["doc_id"] == "doc:api-test-1" for f in body["facts"] for e in f["evidence"])
        # the new facts are queryable
        docs = c.get(f"{API}/documents").json()
        assert [d["id"] for d in docs["items"]] == ["doc:api-test-1"]
        assert docs["items"][0]["title"] == "Test memorandum" and docs["items"][0]["date"] == "2025-03-01"
        kigam = c.get(f"{API}/entities/org:kigam").json()
        assert kigam["documents"][0]["id"] == "doc:api-test-1"
        answer = c.get(f"{API}/questions/firms-touching-mineral", params={"mineral": "lithium"}).json()
        assert "org:kigam" in {f["firm"]["id"] for f in answer["firms"]}
        # same text again: unchanged
        again = c.post(f"{API}/documents", json=INGEST, headers=auth).json()
        assert again["status"] == "unchanged"
        # bad bodies: one error shape
        assert_error(c.post(f"{API}/documents", json={"text": ""}, headers=auth), 422)
        assert_error(c.post(f"{API}/documents", json={"text": "x", "id": "../etc"}, headers=auth), 422)
        assert_error(c.post(f"{API}/documents", json={"text": "   \n  "}, headers=auth), 422, "bad_document")
        c.portal.call(store.aclose)  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------------- outage


class Proxy:
    """A TCP relay to the store's Bolt port that can be cut and restored, to simulate an outage."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._listener: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(32)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            with self._lock:
                self._conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def stop(self) -> None:
        if self._listener is not None:
            try:
                self._listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
            except OSError:
                pass
            self._listener.close()
            self._listener = None
        with self._lock:
            for s in self._conns:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()
            self._conns.clear()


def test_store_outage_is_503_and_the_service_recovers(seeded_store: GraphStore) -> None:
    bolt_port = int(seeded_store.uri.rsplit(":", 1)[1])
    proxy = Proxy(bolt_port)
    proxy.start()
    view = seeded_store.using(seeded_store.database)
    view._uri = f"bolt://127.0.0.1:{proxy.port}"  # the app reaches the store only through the relay
    try:
        with TestClient(create_app(store=view)) as c:
            assert c.get(f"{API}/ready").status_code == 200
            assert c.get(f"{API}/entities/org:kigam").status_code == 200
            proxy.stop()
            assert_error(c.get(f"{API}/ready"), 503, "store_unavailable")
            assert_error(c.get(f"{API}/entities/org:kigam"), 503, "store_unavailable")
            assert c.get(f"{API}/health").status_code == 200  # liveness does not depend on the store
            proxy.start()
            assert c.get(f"{API}/ready").status_code == 200
            assert c.get(f"{API}/entities/org:kigam").json()["entity"]["id"] == "org:kigam"
            c.portal.call(view.aclose)  # type: ignore[union-attr]
    finally:
        proxy.stop()


def test_app_that_cannot_open_its_store_answers_503(tmp_path: Any) -> None:
    from graph.settings import Settings

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    settings = Settings(neo4j_uri=f"bolt://127.0.0.1:{closed_port}", data_dir=tmp_path, log_level="WARNING")
    with TestClient(create_app(settings)) as c:
        assert c.get(f"{API}/health").status_code == 200
        assert_error(c.get(f"{API}/ready"), 503, "store_unavailable")
        assert_error(c.get(f"{API}/entities/org:kigam"), 503)


def test_api_queries_name_every_fact_type() -> None:
    """Variable-length patterns name every fact type (the {fact_types} constant expands to the schema list)."""
    expected = "|".join(schema.RELATION_NAMES)
    api_queries = [q for name, q in queries.QUERIES.items()
                   if name.startswith("api_") and re.search(r"\*\d*\.\.", q.text)]
    assert api_queries
    for q in api_queries:
        assert f"[:{expected}*" in q.text, f"{q.name}: relationship type list differs from schema.RELATION_NAMES"
