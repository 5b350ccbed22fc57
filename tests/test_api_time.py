"""Time on the entity, document and statistics routes (issue #12, item 4): search, one entity, the document list,
one document and the statistics take `as_of`, `since` and `until` like every other graph answer, against the seeded
graph.

An entity is known within a window when a fact touching it is stated for a day in it (its event date, else its
document's date; reference data is timeless) or a document that mentions it is dated in it. Documents are listed by
their own date; a document's detail keeps the facts whose evidence from it passes.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.test_api import API, N_SEEDS, assert_error

DAY = "2015-12-31"
BALKHASH_22 = "doc:22_digest_oreanda_balkhash-power-plant-samsung-kepco"  # dated 2010-07-01
BALKHASH_HALT_44 = "doc:44_digest_conwaybulletin_samsung-halts-balkhash-plant"  # 2015-09-23
DAEGU_59 = "doc:59_digest_asiaplus_rahmon-park-daegu-summit"  # 2015-04-12
KOREAN_IN_UZ_70 = "doc:70_digest_aks_korean-language-uzbekistan"  # 2025-02-01, dates 1992 relations
KOREAN_WIKI_03 = "doc:03_wiki_koryo-saram"  # undated


def get(client: TestClient, path: str, **params: Any) -> Any:
    r = client.get(API + path, params=params)
    assert r.status_code == 200, r.text[:300]
    return r.json()


def first_day(day: str) -> str:
    return (day + "-01-01")[:10]


def within(day: str | None, since: str | None = None, until: str | None = None) -> bool:
    return bool(day) and (since is None or first_day(str(day)) >= since) and (until is None or str(day) <= until)


def search_all(client: TestClient, q: str, **params: Any) -> list[dict[str, Any]]:
    return list(get(client, "/entities", q=q, limit=100, **params)["items"])


# ---------------------------------------------------------------------------------------------- search


def test_search_as_of_leaves_out_entities_first_stated_later(client: TestClient) -> None:
    every = search_all(client, "korea")
    then = search_all(client, "korea", as_of=DAY)
    ids = [h["id"] for h in then]
    assert 0 < len(then) < len(every)
    assert set(ids) <= {h["id"] for h in every}
    # KT&G (firm:ktng) is first stated in 2025 (doc 20): known now and since 2025, not as of 2015
    assert "firm:ktng" in {h["id"] for h in every} and "firm:ktng" not in ids
    assert [h["id"] for h in get(client, "/entities", q="KT&G")["items"]] == ["firm:ktng"]
    assert get(client, "/entities", q="KT&G", as_of=DAY)["items"] == []
    assert [h["id"] for h in get(client, "/entities", q="KT&G", since="2025")["items"]] == ["firm:ktng"]
    # a filter only removes: each hit kept scores as without it, and the order is the unfiltered one
    score = {h["id"]: h["score"] for h in every}
    assert all(h["score"] == score[h["id"]] for h in then)
    assert ids == [h["id"] for h in every if h["id"] in set(ids)]
    # what search keeps is exactly what entity detail knows of on that day
    for hit in every:
        detail = get(client, f"/entities/{hit['id']}", as_of=DAY)
        known = detail["degree"] > 0 or bool(detail["documents"])
        assert known == (hit["id"] in ids), (hit["id"], detail["degree"], detail["documents"])


def test_search_within_a_window_and_its_pages(client: TestClient) -> None:
    window = {"since": "2016", "until": "2024-06"}
    kept = search_all(client, "korea", **window)
    assert kept and {h["id"] for h in kept} < {h["id"] for h in search_all(client, "korea")}
    for hit in kept:  # each has a fact stated, or a mentioning document dated, in the window
        detail = get(client, f"/entities/{hit['id']}", **window)
        assert detail["degree"] > 0 or detail["documents"], hit["id"]
        assert all(within(d["date"], "2016-01-01", "2024-06-30") for d in detail["documents"])
    # walking the pages under the filter gives the one long page, each hit once
    seen: list[str] = []
    cursor = None
    while True:
        page = get(client, "/entities", q="korea", limit=3, **window, **({"cursor": cursor} if cursor else {}))
        seen += [h["id"] for h in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [h["id"] for h in kept] and len(seen) > 3
    # a cursor answers only the question it came from: not the same search without the window
    first = get(client, "/entities", q="korea", limit=3, **window)
    assert_error(client.get(f"{API}/entities", params={"q": "korea", "limit": 3, "cursor": first["next_cursor"]}),
                 422, contains="cursor")


# ---------------------------------------------------------------------------------------------- one entity


def test_entity_detail_counts_what_the_filter_keeps(client: TestClient) -> None:
    url = "/entities/country:kazakhstan/neighbourhood"
    now = get(client, "/entities/Kazakhstan")
    assert now["degree"] == len(get(client, url, limit=500)["edges"])  # no filter: as before
    for params in ({"as_of": DAY}, {"since": "2016", "until": "2024-06"}, {"min_confidence": 0.9}):
        detail = get(client, "/entities/Kazakhstan", **params)
        edges = get(client, url, limit=500, **params)["edges"]
        assert 0 < detail["degree"] == len(edges) < now["degree"], params
        by_type: dict[tuple[str, str], int] = {}
        for e in edges:
            key = (e["type"], "out" if e["source"] == "country:kazakhstan" else "in")
            by_type[key] = by_type.get(key, 0) + 1
        assert {(c["type"], c["direction"]): c["count"] for c in detail["relationship_counts"]} == by_type, params
    then = get(client, "/entities/Kazakhstan", as_of=DAY)
    assert {d["id"] for d in then["documents"]} == {BALKHASH_22, BALKHASH_HALT_44}
    window = get(client, "/entities/Kazakhstan", since="2016", until="2024-06")["documents"]
    assert window and all(within(d["date"], "2016-01-01", "2024-06-30") for d in window)
    assert {d["id"] for d in window} < {d["id"] for d in now["documents"]}
    # an entity known only later still answers (as its neighbourhood does), with nothing of it
    ktng = get(client, "/entities/firm:ktng", as_of=DAY)
    assert ktng["entity"]["id"] == "firm:ktng" and ktng["degree"] == 0 and ktng["documents"] == []
    assert ktng["relationship_counts"] == []


# ---------------------------------------------------------------------------------------------- documents


def test_documents_are_listed_by_their_own_date(client: TestClient) -> None:
    every = get(client, "/documents", limit=100)
    assert every["total"] == len(every["items"]) == N_SEEDS  # no filter: every document, the undated one too
    assert KOREAN_WIKI_03 in {d["id"] for d in every["items"]}
    then = get(client, "/documents", limit=100, as_of=DAY)
    assert then["total"] == 3 and {d["id"] for d in then["items"]} == {BALKHASH_22, BALKHASH_HALT_44, DAEGU_59}
    windows: list[tuple[dict[str, str], str | None, str | None]] = [  # the parameters, the first and last day
        ({"since": "2024-06", "until": "2024-06"}, "2024-06-01", "2024-06-30"),
        ({"since": "2025"}, "2025-01-01", None),
        ({"until": "2015"}, None, "2015-12-31"),
        ({"as_of": "2024-12-31", "since": "2024-10"}, "2024-10-01", "2024-12-31"),
        ({"as_of": "2024-12-31", "until": "2023"}, None, "2023-12-31")]
    for window, since, until in windows:
        expected = [d["id"] for d in every["items"] if within(d["date"], since, until)]
        page = get(client, "/documents", limit=100, **window)
        assert [d["id"] for d in page["items"]] == expected and page["total"] == len(expected), window
        assert 0 < len(expected) < N_SEEDS and KOREAN_WIKI_03 not in expected
    # pages under the filter, each document once
    seen: list[str] = []
    cursor = None
    while True:
        page = get(client, "/documents", limit=2, since="2024-06", until="2024-06",
                   **({"cursor": cursor} if cursor else {}))
        seen += [d["id"] for d in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [d["id"] for d in get(client, "/documents", limit=100, since="2024-06", until="2024-06")["items"]]


def test_a_document_lists_the_facts_its_evidence_dates_within_the_filter(client: TestClient) -> None:
    path = f"/documents/{KOREAN_IN_UZ_70}"
    every = get(client, path)
    then = get(client, path, as_of=DAY)
    # the document answers whatever its own date (2025): it dates the 1992 relations, which the graph as known in
    # 2015 holds and cites it for
    assert then["id"] == every["id"] and then["text"] == every["text"] and then["date"] == "2025-02-01"
    assert 0 < len(then["facts"]) < len(every["facts"])
    assert {f["id"] for f in then["facts"]} <= {f["id"] for f in every["facts"]}
    assert all(ev["doc_id"] == KOREAN_IN_UZ_70 and ev["date"] and ev["date"] <= DAY
               for f in then["facts"] for ev in f["evidence"])
    assert all(f["evidence"] for f in then["facts"])
    assert {e["id"] for e in then["entities"]} == {n for f in then["facts"] for n in (f["source"], f["target"])}
    uz = get(client, "/entities/country:uzbekistan/neighbourhood", as_of=DAY, limit=500)["edges"]
    assert KOREAN_IN_UZ_70 in {ev["doc_id"] for e in uz for ev in e["evidence"]}
    # a window its evidence dates nothing in: the document with no facts
    later = get(client, path, since="2025")
    assert later["id"] == KOREAN_IN_UZ_70 and later["facts"] == [] and later["entities"] == []
    # a document of the window keeps its facts whose evidence it dates within it
    halt = get(client, f"/documents/{BALKHASH_HALT_44}", until="2015")
    assert halt["facts"] and all(ev["date"] <= DAY for f in halt["facts"] for ev in f["evidence"])
    sure = get(client, path, min_confidence=0.9)["facts"]
    assert all(ev["confidence"] >= 0.9 for f in sure for ev in f["evidence"])
    assert_error(client.get(f"{API}/documents/doc:nope", params={"as_of": DAY}), 404)


# ---------------------------------------------------------------------------------------------- statistics


def test_statistics_count_what_the_filter_keeps(client: TestClient) -> None:
    every = get(client, "/stats")
    assert every["documents"] == N_SEEDS
    for params in ({"as_of": DAY}, {"since": "2016", "until": "2024-06"}):
        stats = get(client, "/stats", **params)
        assert stats["documents"] == stats["nodes_by_label"]["Document"] == get(client, "/documents", **params)["total"]
        facts = [e for e in get(client, "/export", **params)["edges"] if e["type"] != "MENTIONED_IN"]
        assert 0 < stats["facts"] == len(facts) < every["facts"], params
        by_type = {t: sum(1 for e in facts if e["type"] == t) for t in {e["type"] for e in facts}}
        assert {t: n for t, n in stats["relationships_by_type"].items() if t != "MENTIONED_IN"} == by_type
        assert 0 < stats["entities"] < every["entities"]
    then = get(client, "/stats", as_of=DAY)
    assert then["documents"] == 3 and "Agreement" not in then["nodes_by_label"]


# ---------------------------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("path, params", [
    ("/entities", {"q": "korea"}), ("/entities/Kazakhstan", {}), ("/documents", {}),
    (f"/documents/{BALKHASH_22}", {}), ("/stats", {}),
])
def test_dates_are_checked_on_entity_and_document_routes(client: TestClient, path: str,
                                                         params: dict[str, Any]) -> None:
    assert client.get(API + path, params={**params, "as_of": DAY, "since": "2010", "until": "2015"}).status_code == 200
    assert_error(client.get(API + path, params={**params, "as_of": "2015-31-12"}), 422, "invalid_request",
                 contains="as_of")
    assert_error(client.get(API + path, params={**params, "as_of": "last year"}), 422, contains="as_of")
    assert_error(client.get(API + path, params={**params, "since": "2024-13"}), 422, contains="since")
    assert_error(client.get(API + path, params={**params, "until": "June"}), 422, contains="until")
    assert_error(client.get(API + path, params={**params, "since": "2025", "until": "2024"}), 422,
                 contains="since (2025-01-01) is after until (2024-12-31)")
    assert_error(client.get(API + path, params={**params, "since": "2016", "as_of": DAY}), 422,
                 contains="is after as_of")
