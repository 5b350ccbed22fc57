"""Search that finds what people type, entity endpoints that take names, and the answers the views read (issue 13):
against the seeded embedded store through the HTTP API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.aliases import SEARCH_ALIASES_PATH, normalise, search_aliases

API = "/api/v1"
ROOT = Path(__file__).resolve().parent.parent


def search(client: TestClient, q: str, **params: object) -> list[dict]:
    r = client.get(f"{API}/entities", params={"q": q, **params})
    assert r.status_code == 200, r.text
    return r.json()["items"]


# ---------------------------------------------------------------------------------------------- search


@pytest.mark.parametrize(("q", "first"), [
    ("Korea", "country:south-korea"),
    ("South Korea", "country:south-korea"),
    ("KR", "country:south-korea"),
    ("대한민국", "country:south-korea"),
    ("KZ", "country:kazakhstan"),
    ("kz", "country:kazakhstan"),
    ("KAZ", "country:kazakhstan"),
    ("카자흐스탄", "country:kazakhstan"),
    ("Казахстан", "country:kazakhstan"),
    ("Қазақстан", "country:kazakhstan"),
    ("UZ", "country:uzbekistan"),
    ("Узбекистан", "country:uzbekistan"),
    ("KG", "country:kyrgyzstan"),
    ("TJ", "country:tajikistan"),
    ("TM", "country:turkmenistan"),
    ("Токаев", "person:kassym-jomart-tokayev"),
    ("Касым-Жомарт Токаев", "person:kassym-jomart-tokayev"),
    ("касым жомарт токаев", "person:kassym-jomart-tokayev"),
    ("삼성물산", "firm:samsung-cnt"),
    ("한국지질자원연구원", "org:kigam"),
    ("Астана", "location:astana"),
    ("KIGAM", "org:kigam"),
    ("lith", "mineral:lithium"),
])
def test_what_people_type_finds_the_entity_first(client: TestClient, q: str, first: str) -> None:
    items = search(client, q)
    assert items and items[0]["id"] == first, [(i["id"], i["score"]) for i in items[:5]]


def test_nothing_matches_nothing(client: TestClient) -> None:
    assert search(client, "zzzz") == []
    assert search(client, "Korea zzzz") == []  # every word must match in the full-text tier


def test_results_are_ranked_exact_then_prefix_then_fulltext_with_scores(client: TestClient) -> None:
    items = search(client, "Korea", limit=50)
    order = {"exact": 0, "prefix": 1, "fulltext": 2}
    assert [order[i["match"]] for i in items] == sorted(order[i["match"]] for i in items)
    scores = [i["score"] for i in items]
    assert scores == sorted(scores, reverse=True)
    assert items[0]["match"] == "exact" and items[0]["matched"] == "Korea" and items[0]["score"] >= 0.95
    assert all(0 < s <= 1 for s in scores)
    # South Korea's own name ranks it above the companies whose alias starts with it.
    south = search(client, "South Korea")
    assert south[0]["score"] == 1.0 and south[0]["match"] == "exact"
    assert all(i["score"] < 1.0 for i in south[1:])


def test_search_modes_and_types(client: TestClient) -> None:
    exact = search(client, "KZ", mode="exact")
    assert [i["id"] for i in exact] == ["country:kazakhstan"]
    assert search(client, "kaza", mode="exact") == []
    assert all(i["type"] == "Country" for i in search(client, "Kaz", node_types="Country"))
    prefix = search(client, "카자흐")
    assert prefix[0]["id"] == "country:kazakhstan" and prefix[0]["match"] == "prefix"


def test_entity_endpoints_accept_names_aliases_and_codes(client: TestClient) -> None:
    by_alias = client.get(f"{API}/entities/KIGAM")
    assert by_alias.status_code == 200, by_alias.text
    assert by_alias.json()["entity"]["id"] == "org:kigam"
    for ref in ("KZ", "카자흐스탄", "Казахстан", "Kazakhstan"):
        assert client.get(f"{API}/entities/{ref}").json()["entity"]["id"] == "country:kazakhstan", ref
    near = client.get(f"{API}/entities/KIGAM/neighbourhood", params={"depth": 1}).json()
    assert near["nodes"][0]["id"] == "org:kigam" and near["edges"]
    exported = client.get(f"{API}/export/neighbourhood/KIGAM").json()
    assert any(n["id"] == "org:kigam" for n in exported["nodes"])
    paths = client.get(f"{API}/paths", params={"source": "KIGAM", "target": "KZ"}).json()
    assert paths["source"]["id"] == "org:kigam" and paths["target"]["id"] == "country:kazakhstan"


def test_unresolved_entity_is_a_404_with_suggestions(client: TestClient) -> None:
    r = client.get(f"{API}/entities/Kazakstn")
    assert r.status_code == 404
    error = r.json()["error"]
    assert error["code"] == "not_found" and "Kazakstn" in error["message"]
    assert error["detail"]["suggestions"][0] == {"id": "country:kazakhstan", "type": "Country", "name": "Kazakhstan"}
    r = client.get(f"{API}/entities/zzzz/neighbourhood")
    assert r.status_code == 404 and r.json()["error"]["detail"] == {"suggestions": []}
    r = client.get(f"{API}/paths", params={"source": "KIGAM", "target": "Uzbekstan"})
    assert r.status_code == 404
    assert "country:uzbekistan" in {s["id"] for s in r.json()["error"]["detail"]["suggestions"]}


# ---------------------------------------------------------------------------------------------- the alias file


def test_search_aliases_are_a_separate_file_that_extraction_never_reads() -> None:
    data = json.loads(SEARCH_ALIASES_PATH.read_text(encoding="utf-8"))
    gazetteer = json.loads((ROOT / "graph" / "data" / "gazetteer.json").read_text(encoding="utf-8"))
    known = {e["id"] for e in gazetteer["entries"]}
    assert set(data["names"]) <= known and set(data["iso3166"]) <= known
    assert data["sources"], "the file says where its names come from"
    six = ["country:kazakhstan", "country:uzbekistan", "country:kyrgyzstan", "country:tajikistan",
           "country:turkmenistan", "country:south-korea"]
    for country in six:
        names = data["names"][country]
        assert any("\uac00" <= ch <= "\ud7a3" for n in names for ch in n), country  # Hangul
        assert any("\u0400" <= ch <= "\u04ff" for n in names for ch in n), country  # Cyrillic
        assert len(data["iso3166"][country]) == 2, country
    # No Hangul or Cyrillic in the gazetteer extraction reads, and no extraction module opens the alias file.
    assert not any("\uac00" <= ch <= "\ud7a3" or "\u0400" <= ch <= "\u04ff"
                   for e in gazetteer["entries"] for n in (e["name"], *e.get("aliases", [])) for ch in n)
    for path in (ROOT / "graph" / "extract").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "search_aliases" not in text and "graph.aliases" not in text, path


def test_normalised_names_meet() -> None:
    assert normalise("Касым-Жомарт  Токаев") == normalise("касым жомарт токаев")
    assert normalise("Oʻzbekiston") == normalise("O'zbekiston")
    assert normalise("Корё") == normalise("Корe".replace("e", "е"))  # ё typed as е
    assert [h.id for h in search_aliases().exact("kz")] == ["country:kazakhstan"]
    assert search_aliases().prefix("K") == [] or all(h.kind == "name" for h in search_aliases().prefix("K"))


# ---------------------------------------------------------------------------------------------- answers the views read


def test_entity_detail_names_parents_subsidiaries_and_country(client: TestClient) -> None:
    enerbility = client.get(f"{API}/entities/firm:doosan-enerbility").json()
    assert {"id": "firm:doosan", "type": "Firm", "name": "Doosan"} in enerbility["parents"]
    assert enerbility["country"]["name"] == "South Korea"
    doosan = client.get(f"{API}/entities/firm:doosan").json()
    assert "firm:doosan-enerbility" in {s["id"] for s in doosan["subsidiaries"]}
    kigam = client.get(f"{API}/entities/org:kigam").json()
    assert "한국지질자원연구원" in kigam["search_aliases"]
    assert kigam["documents"] and sum(c["count"] for c in kigam["relationship_counts"]) == kigam["degree"]


def test_paths_all_up_to_a_length(client: TestClient) -> None:
    shortest = client.get(f"{API}/paths", params={"source": "org:kigam", "target": "country:kazakhstan",
                                                   "max_len": 3}).json()
    every = client.get(f"{API}/paths", params={"source": "org:kigam", "target": "country:kazakhstan",
                                                "max_len": 3, "mode": "all", "limit": 50}).json()
    assert every["mode"] == "all"
    lengths = [p["length"] for p in every["paths"]]
    assert lengths == sorted(lengths) and max(lengths) <= 3
    assert len(every["paths"]) > len(shortest["paths"])
    assert {tuple(h["id"] for h in p["hops"]) for p in shortest["paths"]} <= \
        {tuple(h["id"] for h in p["hops"]) for p in every["paths"]}
    assert all(h["evidence"] or h["properties"].get("reference") for p in every["paths"] for h in p["hops"])
    # paged: walking the cursor gives the same paths once each
    seen, cursor = [], None
    while True:
        params = {"source": "org:kigam", "target": "country:kazakhstan", "max_len": 3, "mode": "all", "limit": 3}
        page = client.get(f"{API}/paths", params={**params, **({"cursor": cursor} if cursor else {})}).json()
        seen += [tuple(h["id"] for h in p["hops"]) for p in page["paths"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [tuple(h["id"] for h in p["hops"]) for p in every["paths"]]
    r = client.get(f"{API}/paths", params={"source": "org:kigam", "target": "country:kazakhstan", "max_len": 5,
                                            "mode": "all"})
    assert r.status_code == 422 and "max_len" in r.json()["error"]["message"]


def test_mineral_firms_carry_hops_and_sources(client: TestClient) -> None:
    answer = client.get(f"{API}/questions/firms-touching-mineral", params={"mineral": "lithium"}).json()
    assert answer["firms"]
    for firm in answer["firms"]:
        assert firm["hops"] == min(p["length"] for p in firm["paths"])
        docs = {ev["doc_id"] for p in firm["paths"] for h in p["hops"] for ev in h["evidence"]}
        assert firm["sources"] == len(docs)


def test_document_detail_names_the_entities_of_its_facts(client: TestClient) -> None:
    doc = client.get(f"{API}/documents/doc:12_digest_timesca_kazakhstan-critical-minerals-mous").json()
    ids = {e["id"] for e in doc["entities"]}
    assert {f["source"] for f in doc["facts"]} | {f["target"] for f in doc["facts"]} <= ids


# ---------------------------------------------------------------------------------------------- pages


def test_root_redirects_to_the_explorer(client: TestClient) -> None:
    r = client.get("/", follow_redirects=False)
    assert r.status_code in (302, 307, 308) and r.headers["location"] == "/view"


def test_docs_pages_use_only_the_apps_own_files(client: TestClient) -> None:
    for path, script in (("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")):
        page = client.get(path)
        assert page.status_code == 200
        html = page.text
        assert "http://" not in html and "https://" not in html, path
        assert f"/static/docs/{script}" in html and "/static/docs/docs-init.js" in html
        assert "script-src 'self'" in page.headers["content-security-policy"]
        asset = client.get(f"/static/docs/{script}")
        assert asset.status_code == 200 and len(asset.content) > 100_000
    assert b"cdn.redoc.ly" not in client.get("/static/docs/redoc.standalone.js").content
    assert client.get("/static/docs/../../pyproject.toml").status_code == 404
    assert client.get("/openapi.json").json()["info"]["version"] == "1.2.0"


def test_document_reader_page_carries_the_document_as_escaped_json(client: TestClient) -> None:
    page = client.get("/view/document", params={"id": "doc:12_digest_timesca_kazakhstan-critical-minerals-mous",
                                                "fact": "org:kigam|DEVELOPS|mineral:lithium"})
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    payload = page.text.split('<script type="application/json" id="kg-data">')[1].split("</script>")[0]
    data = json.loads(payload)
    assert data["document"]["text"] and data["outlet"] == "timesca.com"
    assert data["params"]["fact"] == "org:kigam|DEVELOPS|mineral:lithium"
    missing = client.get("/view/document", params={"id": "doc:nope"})
    assert missing.status_code == 404 and "doc:nope" in missing.text
