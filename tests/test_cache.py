"""The read API's response cache (api/cache.py), against the real embedded store: answers are reused while the
graph is unchanged and forgotten when it changes, through the API or behind its back."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from api.cache import ResponseCache
from graph.loader import Loader
from graph.store import GraphStore

API = "/api/v1"
TOKEN = "cache-test-token"


def app_client(store: GraphStore, extractor: Any = None, **settings: Any) -> TestClient:
    return TestClient(create_app(store.settings.model_copy(update=settings), store=store, extractor=extractor))


def test_a_repeated_read_is_answered_from_the_cache_with_an_etag(seeded_store: GraphStore) -> None:
    view = seeded_store.using(seeded_store.database)
    with app_client(view) as c:
        first = c.get(f"{API}/entities/org:kigam")
        second = c.get(f"{API}/entities/org:kigam")
        assert first.status_code == second.status_code == 200
        assert first.headers["x-cache"] == "miss" and second.headers["x-cache"] == "hit"
        assert second.content == first.content and second.json()["entity"]["id"] == "org:kigam"
        assert second.headers["content-type"] == first.headers["content-type"]
        assert int(second.headers["content-length"]) == len(second.content)
        etag = second.headers["etag"]
        not_modified = c.get(f"{API}/entities/org:kigam", headers={"If-None-Match": etag})
        assert not_modified.status_code == 304 and not_modified.content == b""
        # another query string is another answer
        page = c.get(f"{API}/entities", params={"q": "kor", "limit": 2})
        assert page.headers["x-cache"] == "miss" and len(page.json()["items"]) == 2
        # errors are never kept; health and readiness are never cached
        for _ in range(2):
            r = c.get(f"{API}/entities/firm:no-such-firm")
            assert r.status_code == 404 and r.headers["x-cache"] == "miss"
            assert "x-cache" not in c.get(f"{API}/ready").headers
        c.portal.call(view.aclose)  # type: ignore[union-attr]


def test_a_write_through_the_api_is_seen_at_once(store: GraphStore, extractor: Any) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with app_client(store, extractor, api_token=SecretStr(TOKEN), cache_check_seconds=3600) as c:
        assert c.get(f"{API}/documents").json()["items"] == []
        assert c.get(f"{API}/documents").headers["x-cache"] == "hit"
        r = c.post(f"{API}/documents", headers=auth,
                   json={"id": "cache-1", "text": "KIGAM will develop lithium deposits in Kazakhstan."})
        assert r.status_code == 200, r.text
        after = c.get(f"{API}/documents")
        assert after.headers["x-cache"] == "miss"
        assert [d["id"] for d in after.json()["items"]] == ["doc:cache-1"]
        c.portal.call(store.aclose)  # type: ignore[union-attr]


def test_a_load_by_another_process_is_seen_within_the_check_interval(store: GraphStore, extractor: Any,
                                                                      tmp_path: Path) -> None:
    interval = 0.5
    with app_client(store, cache_check_seconds=interval) as c:
        before = c.get(f"{API}/stats").json()
        assert c.get(f"{API}/stats").headers["x-cache"] == "hit"
        doc = tmp_path / "behind-the-back.txt"
        doc.write_text("Korea Zinc will supply tungsten to Kazakhstan.", encoding="utf-8")
        report = Loader(store, extractor).load_paths([doc])  # not through the API
        assert report.count("loaded") == 1
        time.sleep(interval + 0.1)
        after = c.get(f"{API}/stats")
        assert after.headers["x-cache"] == "miss"
        assert after.json() != before and after.json()["documents"] == before["documents"] + 1
        c.portal.call(store.aclose)  # type: ignore[union-attr]


def _cache_of(app: Any) -> ResponseCache:
    layer = app.middleware_stack  # built by the first request
    while not isinstance(layer, ResponseCache):
        layer = layer.app
    return layer


def test_the_cache_stays_within_its_entry_and_byte_budgets(seeded_store: GraphStore) -> None:
    view = seeded_store.using(seeded_store.database)
    with app_client(view, cache_entries=3) as c:
        c.get(f"{API}/entities/org:kigam")
        cache = _cache_of(c.app)
        for q in ("kor", "kaz", "uzb", "lith"):
            c.get(f"{API}/entities", params={"q": q})
        assert len(cache) == 3 and cache.bytes == sum(len(e.body) for e in cache._entries.values())
        assert c.get(f"{API}/entities/org:kigam").headers["x-cache"] == "miss"  # the oldest went first
        assert c.get(f"{API}/entities", params={"q": "lith"}).headers["x-cache"] == "hit"
        cache.max_bytes = cache.bytes  # full: the next answer pushes out the least recently used
        c.get(f"{API}/entities", params={"q": "tajik"})
        assert cache.bytes <= cache.max_bytes
        assert c.get(f"{API}/entities", params={"q": "tajik"}).headers["x-cache"] == "hit"
        c.portal.call(view.aclose)  # type: ignore[union-attr]


def test_the_cache_can_be_turned_off(seeded_store: GraphStore) -> None:
    view = seeded_store.using(seeded_store.database)
    with app_client(view, cache_entries=0) as c:
        for _ in range(2):
            r = c.get(f"{API}/entities/org:kigam")
            assert r.status_code == 200 and "x-cache" not in r.headers
        c.portal.call(view.aclose)  # type: ignore[union-attr]
