"""Loading from the web against a local server on 127.0.0.1: pages, a PDF, a feed, robots.txt, and pages that
misbehave; then `kg load URL --feed URL` end to end, run twice."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.fetch import Fetcher, doc_id_for_url
from graph.loader import Loader, WebSource
from graph.store import GraphStore
from tests.pdfs import digest
from tests.test_cli import kg
from tests.webserver import SLOW_SECONDS, Site, serve

LIMIT = 300_000  # bytes: the huge page is 1.1 MB
TIMEOUT = 1.0  # seconds: the slow page answers after 3


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve() as s:
        yield s


def fetcher_for(store: GraphStore) -> Fetcher:
    return Fetcher(store.settings.model_copy(update={"fetch_timeout_seconds": TIMEOUT, "max_document_bytes": LIMIT}))


def test_pages_and_pdfs_load_from_urls_and_bad_ones_are_skipped_with_a_reason(store: GraphStore, extractor,
                                                                           site: Site) -> None:
    loader = Loader(store, extractor, max_bytes=LIMIT)
    urls = ["/news/critical-minerals.html", "/slow.html", "/huge.html", "/huge-declared.pdf", "/logo.png",
            "/private/memo.html", "/missing.html", "/reports/briefing.pdf", "/moved"]
    t0 = time.perf_counter()
    with fetcher_for(store) as fetcher:
        report = loader.load([WebSource(site.url(u)) for u in urls], fetcher=fetcher)
    took = time.perf_counter() - t0
    got = {r.path.split(str(site.port))[-1]: (r.status, r.reason or "") for r in report.results}
    assert got["/news/critical-minerals.html"][0] == "loaded"
    assert got["/reports/briefing.pdf"][0] == "loaded"
    for path, words in [("/slow.html", "within 1 s"), ("/huge.html", "larger than the limit"),
                        ("/huge-declared.pdf", "50000000 bytes is larger"), ("/logo.png", "content type 'image/png'"),
                        ("/private/memo.html", "robots.txt"), ("/missing.html", "404")]:
        assert got[path][0] == "skipped" and words in got[path][1], (path, got[path])
    assert site.hits["/private/memo.html"] == 0  # robots.txt is obeyed: never asked for
    assert site.hits["/robots.txt"] == 1  # read once per site
    # a redirect lands on the same page under the first URL's id... as a new id: the copy is recognised by content
    assert got["/moved"][0] == "unchanged", got["/moved"]
    assert took < SLOW_SECONDS + 10  # the slow page cost the timeout, not its full delay

    page_id = doc_id_for_url(site.url("/news/critical-minerals.html"))
    assert page_id == f"doc:127.0.0.1-{site.port}-news-critical-minerals"
    stored = store.run("document_by_id", doc_id=page_id)[0]
    assert stored["source"] == site.url("/news/critical-minerals.html")  # the URL, not the page's canonical link
    assert stored["text"] == digest("12_digest_timesca_kazakhstan-critical-minerals-mous.txt")[1]
    assert stored["title"] == "Kazakhstan and South Korea to cooperate in critical minerals, oil and gas"
    pdf = store.run("document_by_id", doc_id=doc_id_for_url(site.url("/reports/briefing.pdf")))[0]
    assert pdf["format"] == "pdf" and len(pdf["pages"]) == 2


def test_a_feed_loads_each_new_entry_once(store: GraphStore, extractor, site: Site) -> None:
    loader = Loader(store, extractor, max_bytes=LIMIT)
    before = dict(site.hits)
    with fetcher_for(store) as fetcher:
        sources = loader.feed_sources(site.url("/feed.xml"), fetcher)
        first = loader.load(sources, fetcher=fetcher)
    assert [(r.path.split(str(site.port))[-1], r.status) for r in first.results] == [
        ("/news/critical-minerals.html", "loaded"), ("/reports/briefing.pdf", "loaded"),
        ("/news/ktg-almaty.html", "loaded"), ("/syndicated/critical-minerals.html", "unchanged")]
    ktg = store.run("document_by_id", doc_id=doc_id_for_url(site.url("/news/ktg-almaty.html")))[0]
    assert ktg["text"] == digest("20_digest_joongang_ktg-almaty-tobacco-plant.txt")[1]
    fetched = {p: site.hits[p] - before.get(p, 0) for p in site.hits}

    with fetcher_for(store) as fetcher:
        second = loader.load(loader.feed_sources(site.url("/feed.xml"), fetcher), fetcher=fetcher)
    assert second.count("loaded") == 0 and second.count("unchanged") == 4
    assert all(r.reason == "already loaded" for r in second.results)
    for path in ("/news/critical-minerals.html", "/reports/briefing.pdf", "/news/ktg-almaty.html",
                 "/syndicated/critical-minerals.html"):
        assert site.hits[path] - before.get(path, 0) == fetched[path] == 1, path  # each entry's page fetched once


def test_a_feed_that_is_not_a_feed_is_a_clear_error(store: GraphStore, site: Site) -> None:
    from graph.fetch import FetchError

    with fetcher_for(store) as fetcher, pytest.raises(FetchError, match="not an RSS or Atom feed"):
        Loader(store).feed_sources(site.url("/news/critical-minerals.html"), fetcher)


def test_kg_load_urls_and_a_feed_twice(tmp_path: Path, site: Site) -> None:
    data = tmp_path / "data"
    env = {"KG_FETCH_TIMEOUT_SECONDS": str(TIMEOUT), "KG_MAX_DOCUMENT_BYTES": str(LIMIT)}
    args = ["load", site.url("/news/ktg-almaty.html"), site.url("/slow.html"), site.url("/huge.html"),
            site.url("/logo.png"), "--feed", site.url("/feed.xml")]
    first = kg(*args, data_dir=data, env=env)
    assert first.returncode == 0, first.stderr
    out = first.stderr
    assert re.search(r"documents loaded\s+│\s+3\b", out), out  # ktg, the page and the PDF; the copy is unchanged
    assert "skipped files and URLs" in out
    assert "copies" in out and "exact copy of" in out  # the syndicated page
    for path, words in [("/slow.html", "within 1 s"), ("/huge.html", "larger than the limit"),
                        ("/logo.png", "image/png")]:
        line = next((ln for ln in out.splitlines() if path in ln), "")
        assert words in line or words in out, (path, out)
    second = kg(*args, data_dir=data, env=env)
    assert second.returncode == 0, second.stderr
    assert re.search(r"documents loaded\s+│\s+0\b", second.stderr), second.stderr
    assert re.search(r"documents unchanged\s+│\s+5\b", second.stderr), second.stderr

    ktg = doc_id_for_url(site.url("/news/ktg-almaty.html"))
    gone = kg("delete", ktg, "doc:nope", data_dir=data)
    assert gone.returncode == 1, gone.stderr  # one of the two ids is unknown
    assert f"deleted {ktg}" in gone.stderr and "no document with id doc:nope" in gone.stderr
    assert "the graph now has 2 documents" in gone.stderr


def test_ingest_a_url_over_the_api_with_the_same_limits(store: GraphStore, extractor, site: Site) -> None:
    from fastapi.testclient import TestClient
    from pydantic import SecretStr

    from api.app import create_app

    settings = store.settings.model_copy(update={"api_token": SecretStr("s3cret"), "fetch_timeout_seconds": TIMEOUT,
                                                 "max_document_bytes": LIMIT})
    auth = {"Authorization": "Bearer s3cret"}
    page = site.url("/news/critical-minerals.html")
    with TestClient(create_app(settings, store=store, extractor=extractor)) as c:
        assert c.post("/api/v1/documents", json={"url": page}).status_code == 401
        r = c.post("/api/v1/documents", json={"url": page}, headers=auth)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["doc_id"] == doc_id_for_url(page) and body["status"] == "loaded" and len(body["facts"]) >= 10
        doc = c.get(f"/api/v1/documents/{body['doc_id']}").json()
        assert doc["source"] == page and doc["format"] == "html"
        assert doc["text"] == digest("12_digest_timesca_kazakhstan-critical-minerals-mous.txt")[1]
        again = c.post("/api/v1/documents", json={"url": page}, headers=auth).json()
        assert again["status"] == "unchanged" and again["doc_id"] == body["doc_id"]
        copy = c.post("/api/v1/documents", json={"url": site.url("/syndicated/critical-minerals.html")},
                      headers=auth).json()
        assert copy["status"] == "unchanged" and copy["doc_id"] == body["doc_id"] and "exact copy" in copy["reason"]
        for path, words in [("/slow.html", "within 1 s"), ("/huge.html", "larger than the limit"),
                            ("/logo.png", "image/png"), ("/private/memo.html", "robots.txt")]:
            err = c.post("/api/v1/documents", json={"url": site.url(path)}, headers=auth)
            assert err.status_code == 422 and err.json()["error"]["code"] == "fetch_failed", (path, err.text)
            assert words in err.json()["error"]["message"], (path, err.text)
        both = c.post("/api/v1/documents", json={"url": page, "text": "x"}, headers=auth)
        assert both.status_code == 422 and "either" in both.json()["error"]["message"]
        assert c.post("/api/v1/documents", json={"url": "ftp://127.0.0.1/x"}, headers=auth).status_code == 422
    assert [d["id"] for d in store.run("documents_page", offset=0, limit=10)] == [body["doc_id"]]


def test_atom_feeds_are_read_too_with_relative_links_resolved() -> None:
    from graph.fetch import Fetched, feed_entries

    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Briefings</title><id>urn:x</id><updated>2024-06-13T00:00:00Z</updated>
<entry><title>Minerals</title><id>urn:1</id><updated>2024-06-13T00:00:00Z</updated><link href="/news/a.html"/></entry>
<entry><title>Again</title><id>urn:2</id><updated>2024-06-14T00:00:00Z</updated><link href="/news/a.html"/></entry>
<entry><title>PDF</title><id>urn:3</id><updated>2024-06-15T00:00:00Z</updated>
<link href="http://127.0.0.1:9/r.pdf"/></entry></feed>"""
    entries = feed_entries(Fetched(url="http://127.0.0.1:9/atom.xml", content=atom, media_type="application/atom+xml"))
    assert [(e.url, e.title) for e in entries] == [("http://127.0.0.1:9/news/a.html", "Minerals"),
                                                   ("http://127.0.0.1:9/r.pdf", "PDF")]
    assert entries[0].date and entries[0].date.startswith("2024-06-13")
