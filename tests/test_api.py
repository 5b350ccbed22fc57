"""The HTTP API against the real embedded store: content of answers, bounds, the one error shape, auth on
writes, ingest, and 503 with recovery when the store goes away.

Read tests share one app over a view of `seeded_store` (its own async driver, bound to the client's event
loop); write tests take a fresh `store` each.
"""

from __future__ import annotations

import re
import socket
import threading
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
    r = client.get(f"{API}/entities", params={"q": "korea", "node_types": "Organization", "limit": 100}).json()
    assert r["items"] and all(e["type"] == "Organization" for e in r["items"])
    both = client.get(f"{API}/entities", params={"q": "korea", "node_types": ["Organization", "Country"],
                                                 "limit": 100}).json()
    assert {e["type"] for e in both["items"]} == {"Organization", "Country"}
    assert_error(client.get(f"{API}/entities", params={"q": "korea", "node_types": "Spaceship"}), 422,
                 "invalid_request")


def test_search_pagination(client: TestClient) -> None:
    first = client.get(f"{API}/entities", params={"q": "korea", "limit": 2}).json()
    second = client.get(f"{API}/entities", params={"q": "korea", "limit": 2, "offset": 2}).json()
    everything = client.get(f"{API}/entities", params={"q": "korea", "limit": 100}).json()
    assert first["has_more"] is True and len(first["items"]) == 2
    ids = [e["id"] for e in everything["items"]]
    assert [e["id"] for e in first["items"]] + [e["id"] for e in second["items"]] == ids[:4]
    assert len(ids) == len(set(ids))
    last = client.get(f"{API}/entities", params={"q": "korea", "limit": 100, "offset": len(ids) - 1}).json()
    assert last["has_more"] is False and len(last["items"]) == 1 and last["next_cursor"] is None
    # the cursor walks the same pages
    walked, cursor = [], None
    while True:
        page = client.get(f"{API}/entities", params={"q": "korea", "limit": 3, **({"cursor": cursor} if cursor
                                                                                  else {})}).json()
        walked += [e["id"] for e in page["items"]]
        if not page["has_more"]:
            break
        cursor = page["next_cursor"]
    assert walked == ids
    assert_error(client.get(f"{API}/entities", params={"q": "kazakh", "cursor": cursor}), 422, contains="cursor")
    assert_error(client.get(f"{API}/entities", params={"q": "korea", "cursor": "not-a-cursor"}), 422,
                 contains="cursor")

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
    assert one["has_more"] is False and one["limit"] == 100 and one["next_cursor"] is None
    assert all(e["evidence"] for e in one["edges"])
    assert all(e["source"] in ids and e["target"] in ids for e in one["edges"])
    two = client.get(f"{API}/entities/org:kigam/neighbourhood", params={"depth": 2}).json()
    assert ids < {n["id"] for n in two["nodes"]}
    only = client.get(f"{API}/entities/org:kigam/neighbourhood",
                      params={"depth": 2, "rel_types": ["DEVELOPS"]}).json()
    assert {e["type"] for e in only["edges"]} == {"DEVELOPS"}
    minerals = client.get(f"{API}/entities/org:kigam/neighbourhood",
                          params={"depth": 2, "node_types": ["Mineral"]}).json()
    assert {n["type"] for n in minerals["nodes"]} == {"Organization", "Mineral"}  # the centre, then minerals


def test_paging_through_a_neighbourhood_returns_each_edge_once(client: TestClient) -> None:
    url = f"{API}/entities/country:south-korea/neighbourhood"
    whole = client.get(url, params={"depth": 2, "limit": 500}).json()
    assert whole["has_more"] is False
    expected = [e["id"] for e in whole["edges"]]
    assert len(expected) > 3 * 7 and len(set(expected)) == len(expected)
    seen: list[str] = []
    cursor, pages = None, 0
    while True:
        page = client.get(url, params={"depth": 2, "limit": 7, **({"cursor": cursor} if cursor else {})}).json()
        pages += 1
        assert len(page["edges"]) <= 7
        ids = {n["id"] for n in page["nodes"]}
        assert "country:south-korea" in ids
        assert all(e["source"] in ids and e["target"] in ids for e in page["edges"])
        seen += [e["id"] for e in page["edges"]]
        if not page["has_more"]:
            assert page["next_cursor"] is None
            break
        cursor = page["next_cursor"]
    assert pages > 1 and seen == expected  # every edge once, in the one stable order
    # a cursor answers only the question it came from
    assert_error(client.get(url, params={"depth": 1, "limit": 7, "cursor": cursor}), 422, contains="cursor")


def test_min_confidence_and_as_of_filter_every_answer(client: TestClient) -> None:
    url = f"{API}/entities/country:kazakhstan/neighbourhood"
    everything = client.get(url, params={"depth": 1, "limit": 500}).json()["edges"]
    confidences = sorted({e["properties"]["confidence"] for e in everything})
    assert len(confidences) > 1  # the seeds give facts of several confidences
    bar = confidences[len(confidences) // 2]
    sure = client.get(url, params={"depth": 1, "limit": 500, "min_confidence": bar}).json()["edges"]
    assert {e["id"] for e in sure} == {e["id"] for e in everything if e["properties"]["confidence"] >= bar}
    assert all(ev["confidence"] >= bar for e in sure for ev in e["evidence"])
    # as of a day: only facts some evidence dates on or before it, with only that evidence
    day = "2015-12-31"
    then = client.get(url, params={"depth": 1, "limit": 500, "as_of": day}).json()["edges"]
    dated = [e for e in everything if any(ev["date"] and ev["date"] <= day for ev in e["evidence"])
             or (e["properties"].get("reference") and not e["evidence"])]
    assert {e["id"] for e in then} == {e["id"] for e in dated}
    assert 0 < len(then) < len(everything)
    assert all(ev["date"] <= day for e in then for ev in e["evidence"])
    # the same filters on paths and the mineral question
    paths = client.get(f"{API}/paths", params={"source": "firm:doosan-enerbility", "target": "country:kazakhstan",
                                               "min_confidence": 0.99}).json()
    assert all(h["properties"]["confidence"] >= 0.99 for p in paths["paths"] for h in p["hops"])
    mineral = client.get(f"{API}/questions/firms-touching-mineral",
                         params={"mineral": "lithium", "min_confidence": bar}).json()
    assert all(h["properties"]["confidence"] >= bar for f in mineral["firms"] for p in f["paths"] for h in p["hops"])
    assert_error(client.get(url, params={"min_confidence": 1.5}), 422)
    assert_error(client.get(url, params={"as_of": "last year"}), 422)


@pytest.mark.parametrize("params", [
    {"depth": 4}, {"depth": 0}, {"limit": 501}, {"rel_types": "NOT_A_TYPE"}, {"node_types": "Spaceship"},
    {"rel_types": "MENTIONED_IN"}, {"min_confidence": -0.1}, {"cursor": "x" * 2001},
])
def test_neighbourhood_bounds(client: TestClient, params: dict[str, Any]) -> None:
    assert_error(client.get(f"{API}/entities/org:kigam/neighbourhood", params=params), 422, "invalid_request")


# ---------------------------------------------------------------------------------------------- paths


def test_path_doosan_enerbility_to_kazakhstan(client: TestClient) -> None:
    r = client.get(f"{API}/paths", params={"source": "firm:doosan-enerbility", "target": "country:kazakhstan"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["source"]["id"] == "firm:doosan-enerbility" and body["target"]["id"] == "country:kazakhstan"
    assert body["paths"]
    for path in body["paths"]:
        hops, nodes = path["hops"], [n["id"] for n in path["nodes"]]
        assert len(hops) == path["length"] == len(nodes) - 1 <= body["max_len"]
        assert nodes[0] == "firm:doosan-enerbility" and nodes[-1] == "country:kazakhstan"
        for i, hop in enumerate(hops):  # a hop is an edge (stored direction) walked forward or backward
            walk = (hop["source"], hop["target"]) if hop["direction"] == "forward" else (hop["target"], hop["source"])
            assert walk == (nodes[i], nodes[i + 1])
            assert hop["id"] == f"{hop['source']}|{hop['type']}|{hop['target']}"
        for hop in hops:
            assert hop["type"] in schema.RELATION_NAMES and hop["direction"] in ("forward", "backward")
            # a hop is stated by a sentence, or comes from reference data and says so
            assert (hop["evidence"] and all(e["sentence"] and e["doc_id"] and e["rule"] for e in hop["evidence"])
                    or hop["properties"].get("reference") == "gazetteer" and not hop["evidence"])
            assert hop["properties"]["rule"] and 0 < hop["properties"]["confidence"] <= 1
        assert path["rel_types"] == [h["type"] for h in hops]
    sentences = [e["sentence"] for p in body["paths"] for h in p["hops"] for e in h["evidence"]]
    assert any("Doosan" in s or "Kazakhstan" in s for s in sentences)


def test_paths_accept_names_and_respect_max_len(client: TestClient) -> None:
    r = client.get(f"{API}/paths", params={"source": "Doosan Enerbility", "target": "Kazakhstan"}).json()
    shortest = r["paths"][0]["length"]
    assert r["source"]["id"] == "firm:doosan-enerbility"
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


INTERNAL = ("entities_state", "document_hash", "graph_generation", "document_fact_ids", "export_nodes", "ping",
            "search_entities_fulltext", "clear_graph", "merge_facts", "schema_entity_id")


def test_query_catalogue_lists_only_public_read_queries(client: TestClient) -> None:
    body = client.get(f"{API}/queries").json()
    names = {q["name"] for q in body}
    assert names == {n for n, q in queries.QUERIES.items() if q.public}
    assert all(queries.QUERIES[n].mode == "read" for n in names)
    assert not names & set(INTERNAL)
    ftm = next(q for q in body if q["name"] == "firms_touching_mineral")
    assert {p["name"]: p["type"] for p in ftm["parameters"]} == {
        "mineral": "string", "country": "string", "max_hops": "int", "min_confidence": "float", "as_of": "string",
        "after_hops": "int", "after_firm": "string", "paths_per_firm": "int", "limit": "int", "since": "string"}
    assert {p["name"] for p in ftm["parameters"] if p["optional"]} == {"since"}  # callers may leave it out
    assert client.get(f"{API}/queries/entity_by_id").json()["name"] == "entity_by_id"
    for name in INTERNAL:  # internal queries are neither described nor runnable
        assert_error(client.get(f"{API}/queries/{name}"), 404, "not_found", name)
        assert_error(client.post(f"{API}/queries/{name}/run", json={"params": {}}), 404, "not_found", name)


def test_public_query_results_carry_no_internal_fields(client: TestClient) -> None:
    internal = {"name_lower", "aliases_lower", "search"}

    def keys(value: Any) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {k for v in value.values() for k in keys(v)}
        if isinstance(value, list):
            return {k for v in value for k in keys(v)}
        return set()

    filters = {"min_confidence": 0.0, "as_of": None}
    runs = {
        "entity_by_id": {"id": "org:kigam"},
        "entity_detail": {"id": "org:kigam", "limit": 5},
        "search_entities_prefix": {"prefix": "k", "node_types": [], "offset": 0, "limit": 20},
        "neighbourhood_2": {"id": "org:kigam", "rel_types": [], "node_types": [], "after_distance": -1,
                            "after_edge": "", "limit": 20, **filters},
        "document_facts": {"doc_id": "doc:12_digest_timesca_kazakhstan-critical-minerals-mous", "offset": 0,
                           "limit": 5},
        "projects_page": {"country": None, "offset": 0, "limit": 3, **filters},
    }
    for name, params in runs.items():
        body = client.post(f"{API}/queries/{name}/run", json={"params": params}).json()
        assert body["rows"], name
        assert not keys(body["rows"]) & internal, name


def test_run_named_query(client: TestClient) -> None:
    r = client.post(f"{API}/queries/firms_touching_mineral/run",
                    json={"params": {"mineral": "mineral:lithium", "country": None, "max_hops": 2,
                                     "min_confidence": 0, "as_of": None, "after_hops": -1, "after_firm": "",
                                     "paths_per_firm": 5, "limit": "5"}})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["columns"] == ["firm", "hops", "path_count", "paths"]
    assert {row["firm"] for row in body["rows"]} >= {"org:kigam", "firm:sk-ecoplant"}
    first = client.post(f"{API}/queries/graph_counts_by_label/run", json={"params": {}, "limit": 2}).json()
    assert len(first["rows"]) == 2 and first["has_more"] is True
    rest = client.post(f"{API}/queries/graph_counts_by_label/run",
                       json={"params": {}, "limit": 100, "cursor": first["next_cursor"]}).json()
    whole = client.post(f"{API}/queries/graph_counts_by_label/run", json={"params": {}, "limit": 100}).json()
    assert first["rows"] + rest["rows"] == whole["rows"] and rest["has_more"] is False


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
    assert all(e["id"] == f"{e['source']}|{e['type']}|{e['target']}" for e in whole["edges"])
    assert len({e["id"] for e in whole["edges"]}) == len(whole["edges"])
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
    walks = [(q.name, m) for q in queries.QUERIES.values()
             for m in re.findall(r"\[[a-z]*:([A-Z_|]+)\*", q.sample_rendering()[1])]
    assert len(walks) >= 5  # neighbourhoods, paths, the mineral question
    for name, types in walks:
        assert types == expected, f"{name}: relationship type list differs from schema.RELATION_NAMES"
