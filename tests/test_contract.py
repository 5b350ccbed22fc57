"""The API as a contract other services build on: one vocabulary across the schema, a versioned OpenAPI document,
HTTP caching that proxies and clients can rely on, and a change feed to mirror the graph incrementally."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.app import API_PREFIX, API_VERSION, create_app
from graph import queries
from graph.loader import Loader, delete_document
from graph.store import GraphStore

API = "/api/v1"

# Names the API used for ideas that now have one name each (source/target, rel_types, node_types, mineral, edge...).
OLD_NAMES = {"from_id", "to_id", "a", "b", "r", "p", "n", "rel_type", "node_type", "mineral_id", "country_id",
             "firm_id", "relation_types", "truncated", "cap", "facts_truncated", "type_filter", "label", "row_limit"}


def _names(schema: Any) -> Iterator[str]:
    """Every property name a JSON schema (with its nested schemas) declares."""
    if isinstance(schema, dict):
        for key, value in schema.get("properties", {}).items():
            yield key
            yield from _names(value)
        for key in ("items", "additionalProperties", "anyOf", "allOf", "oneOf", "$defs"):
            value = schema.get(key)
            if isinstance(value, list):
                for v in value:
                    yield from _names(v)
            elif isinstance(value, dict):
                if key == "$defs":
                    for v in value.values():
                        yield from _names(v)
                else:
                    yield from _names(value)


def test_the_openapi_schema_speaks_one_vocabulary_and_is_versioned(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["info"]["version"] == API_VERSION and API_PREFIX == f"/api/v{API_VERSION.split('.')[0]}"
    used: dict[str, str] = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            for param in op.get("parameters", []):
                used[param["name"]] = f"{method.upper()} {path} parameter"
    for name, component in spec["components"]["schemas"].items():
        for prop in _names(component):
            used.setdefault(prop, f"schema {name}")
    old = {name: where for name, where in used.items() if name in OLD_NAMES}
    assert old == {}
    # the same idea, the same name: filters, ends, pages
    route = spec["paths"][f"{API}/entities/{{entity_id}}/neighbourhood"]["get"]
    neighbourhood = {p["name"] for p in route["parameters"]}
    assert {"rel_types", "node_types", "min_confidence", "as_of", "limit", "cursor"} <= neighbourhood
    paths = {p["name"] for p in spec["paths"][f"{API}/paths"]["get"]["parameters"]}
    assert {"source", "target", "min_confidence", "as_of", "limit", "cursor"} <= paths
    mineral = {p["name"] for p in spec["paths"][f"{API}/questions/firms-touching-mineral"]["get"]["parameters"]}
    assert {"mineral", "country", "min_confidence", "as_of", "limit", "cursor"} <= mineral
    for model in ("GraphEdge", "PathHop", "ExportEdge"):
        assert {"id", "source", "target", "type"} <= set(spec["components"]["schemas"][model]["properties"])
    for model in ("Subgraph", "PathsAnswer", "MineralAnswer", "SearchPage", "DocumentPage", "QueryRun",
                  "ProjectPage"):
        assert {"limit", "has_more", "next_cursor"} <= set(spec["components"]["schemas"][model]["properties"])
    evidence = set(spec["components"]["schemas"]["EvidenceOut"]["properties"])
    assert {"doc_id", "sentence", "date", "date_source", "rule", "confidence"} <= evidence


def test_named_queries_speak_the_same_vocabulary(client: TestClient) -> None:
    for info in client.get(f"{API}/queries").json():
        assert not {p["name"] for p in info["parameters"]} & OLD_NAMES, info["name"]
    for q in queries.QUERIES.values():
        assert not set(q.params) & OLD_NAMES, q.name
    run = client.post(f"{API}/queries/document_facts/run", json={"params": {
        "doc_id": "doc:12_digest_timesca_kazakhstan-critical-minerals-mous", "offset": 0, "limit": 3}}).json()
    assert run["columns"] == ["source", "edge", "target"]
    edge = run["rows"][0]["edge"]
    assert edge["id"] == f"{edge['source']}|{edge['type']}|{edge['target']}"


# ---------------------------------------------------------------------------------------------- HTTP caching


def test_the_first_200_carries_an_etag_and_cache_control(client: TestClient) -> None:
    url = f"{API}/entities/org:kigam/neighbourhood?depth=2&limit=7"
    first = client.get(url)
    assert first.status_code == 200 and first.headers["x-cache"] == "miss"
    etag = first.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"')
    assert first.headers["cache-control"].startswith("public, max-age=")
    second = client.get(url)
    assert second.headers["etag"] == etag and second.headers["x-cache"] == "hit"
    assert second.headers["cache-control"] == first.headers["cache-control"]
    # an error is never stored by anyone
    missing = client.get(f"{API}/entities/firm:nope")
    assert missing.status_code == 404 and missing.headers["cache-control"] == "no-store"
    assert "etag" not in missing.headers
    assert client.get(f"{API}/ready").headers["cache-control"] == "no-store"


def test_conditional_get_with_weak_and_star_validators(client: TestClient) -> None:
    url = f"{API}/entities/org:kigam"
    etag = client.get(url).headers["etag"]
    for validator in (etag, f"W/{etag}", f'"other", W/{etag}', "*"):
        r = client.get(url, headers={"If-None-Match": validator})
        assert r.status_code == 304 and r.content == b"", validator
        assert r.headers["etag"] == etag and r.headers["cache-control"].startswith("public")
    assert client.get(url, headers={"If-None-Match": 'W/"something-else"'}).status_code == 200


def test_etags_without_the_in_memory_cache(seeded_store: GraphStore) -> None:
    view = seeded_store.using(seeded_store.database)
    app = create_app(view.settings.model_copy(update={"cache_entries": 0}), store=view)
    with TestClient(app) as c:
        first = c.get(f"{API}/stats")
        assert first.status_code == 200 and "x-cache" not in first.headers
        assert c.get(f"{API}/stats").headers["etag"] == first.headers["etag"]
        # every answer is computed afresh here: a miss answers a validator with 304 too
        assert c.get(f"{API}/stats", headers={"If-None-Match": f"W/{first.headers['etag']}"}).status_code == 304
        assert c.get(f"{API}/stats", headers={"If-None-Match": "*"}).status_code == 304
        c.portal.call(view.aclose)  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------------- change feed


DOC_A = ("title: Feed A\ndate: 2024-06-12\n\nKIGAM and SK Ecoplant will develop lithium deposits in Kazakhstan. "
         "Korea Zinc signed a memorandum with Kazakhstan on tungsten.\n")
DOC_B = "title: Feed B\ndate: 2024-07-01\n\nKIGAM will develop lithium deposits in Uzbekistan.\n"


def test_the_change_feed_after_a_load_a_replace_and_a_delete(store: GraphStore, extractor: Any,
                                                             tmp_path: Path) -> None:
    a, b = tmp_path / "feed-a.txt", tmp_path / "feed-b.txt"
    a.write_text(DOC_A, encoding="utf-8")
    b.write_text(DOC_B, encoding="utf-8")
    loader = Loader(store, extractor)
    with TestClient(create_app(store.settings.model_copy(update={"cache_check_seconds": 0}), store=store)) as c:
        empty = c.get(f"{API}/changes").json()
        assert empty["items"] == [] and empty["latest"] == 0 and empty["next_since"] == 0

        assert loader.load_paths([a, b]).count("loaded") == 2
        feed = c.get(f"{API}/changes", params={"since": 0}).json()
        assert [(i["seq"], i["kind"], i["doc_id"]) for i in feed["items"]] == [
            (1, "loaded", "doc:feed-a"), (2, "loaded", "doc:feed-b")]
        assert feed["latest"] == feed["next_since"] == 2 and feed["has_more"] is False
        added_a = feed["items"][0]["facts_added"]
        facts_a = {f["id"] for f in c.get(f"{API}/documents/doc:feed-a").json()["facts"]}
        assert facts_a and facts_a <= set(added_a)
        for edge_id in added_a:  # everything the feed names can be fetched
            edge = c.get(f"{API}/edges/{edge_id}")
            assert edge.status_code == 200 and edge.json()["id"] == edge_id
        shared = set(added_a) & set(feed["items"][1]["facts_added"])
        assert "org:kigam|DEVELOPS|mineral:lithium" in shared  # both documents state it

        # paging through the feed: one change at a time, in order
        one = c.get(f"{API}/changes", params={"since": 0, "limit": 1}).json()
        assert [i["seq"] for i in one["items"]] == [1] and one["has_more"] is True and one["next_since"] == 1

        # a changed document: replaced, its old facts removed and its new ones added, in the same entry
        a.write_text(DOC_A.replace("Korea Zinc signed a memorandum with Kazakhstan on tungsten.", ""),
                     encoding="utf-8")
        assert loader.load_paths([a]).count("replaced") == 1
        replaced = c.get(f"{API}/changes", params={"since": 2}).json()["items"]
        assert [(i["seq"], i["kind"]) for i in replaced] == [(3, "replaced")]
        gone = set(replaced[0]["facts_removed"]) - set(replaced[0]["facts_added"])
        assert gone and all(c.get(f"{API}/edges/{e}").status_code == 404 for e in gone)

        # a deleted document: exactly the facts only it supported go; shared ones stay with the other's evidence
        removed = delete_document(store, "doc:feed-a")
        assert removed is not None and delete_document(store, "doc:feed-a") is None
        deleted = c.get(f"{API}/changes", params={"since": 3}).json()
        assert [(i["seq"], i["kind"], i["doc_id"]) for i in deleted["items"]] == [(4, "deleted", "doc:feed-a")]
        assert set(deleted["items"][0]["facts_removed"]) == set(removed) and deleted["items"][0]["facts_added"] == []
        for edge_id in removed:
            r = c.get(f"{API}/edges/{edge_id}")
            if edge_id in shared:
                assert r.status_code == 200 and {e["doc_id"] for e in r.json()["evidence"]} == {"doc:feed-b"}
            else:
                assert r.status_code == 404
        assert c.get(f"{API}/documents/doc:feed-a").status_code == 404
        assert [d["id"] for d in c.get(f"{API}/documents").json()["items"]] == ["doc:feed-b"]
        # the feed is not graph data: counts and exports leave it out
        stats = c.get(f"{API}/stats").json()
        assert set(stats["nodes_by_label"]) <= {"Entity", "Document", *queries.schema.ENTITY_LABELS}
        export = c.get(f"{API}/export").json()
        assert export["latest_change"] == 4 and len(export["nodes"]) == stats["entities"] + stats["documents"]
        c.portal.call(store.aclose)  # type: ignore[union-attr]


def test_bad_edge_ids_and_feed_positions_are_clear_errors(client: TestClient) -> None:
    for bad in ("not-an-edge", "a|bcd", "ab||cd"):
        r = client.get(f"{API}/edges/{bad}")
        assert r.status_code == 422 and "edge id" in r.json()["error"]["message"]
    assert client.get(f"{API}/edges/org:kigam|DEVELOPS|mineral:nope").status_code == 404
    assert client.get(f"{API}/changes", params={"since": -1}).status_code == 422
