"""Query time limits and cancellation, against the real embedded store and a real HTTP server.

A dense graph (a clique of firms) makes one public catalogue query (paths_of_length with 6 hops) run for minutes:
past KG_QUERY_TIMEOUT_SECONDS it must end with the documented error while the server keeps answering health checks,
and a client that disconnects must take its query with it. Both check, in the store's own list of running queries,
that nothing is left running.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn

from api.app import create_app
from graph import store as store_module
from graph.loader import write_extraction
from graph.models import Entity, Evidence, Extraction, Fact, SourceDocument
from graph.store import GraphStore

CLIQUE = 26
SLOW_RUN = {"slot": "6", "limit": 5, "params": {
    "source": "firm:c00", "target": "firm:c01", "min_confidence": 0.0, "as_of": None, "after": "", "limit": 5}}


def clique(store: GraphStore, size: int = CLIQUE) -> None:
    """`size` firms, every two of them partners: between two of them, about size**5 trails of six hops."""
    ids = [f"firm:c{i:02d}" for i in range(size)]
    text = " ".join(f"C{i:02d} partners with C{j:02d}." for i in range(size) for j in range(i + 1, size))
    doc = SourceDocument(id="doc:clique", text=text, content_hash="clique", title="clique")
    facts, offset = [], 0
    for i in range(size):
        for j in range(i + 1, size):
            sentence = f"C{i:02d} partners with C{j:02d}."
            facts.append(Fact(subject=ids[i], relation="PARTNERS_WITH", object=ids[j], rule="test", confidence=0.9,
                              evidence=Evidence(doc_id=doc.id, sentence=sentence, start=offset,
                                                end=offset + len(sentence), date="2024-01-01")))
            offset += len(sentence) + 1
    extraction = Extraction(document=doc, entities=[Entity(id=i, label="Firm", name=i.upper()) for i in ids],
                            facts=facts, mentions=ids)
    store.write(lambda tx: write_extraction(tx, extraction))


def marked_reads(store: GraphStore) -> list[str]:
    """The timed reads the store is running now (graph/store.py marks them)."""
    prefix = store_module.READ_MARK.split("{")[0]
    records = store.driver.execute_query("SHOW TRANSACTIONS YIELD transactionId, currentQuery "
                                         "RETURN transactionId, currentQuery", database_=store.database).records
    return [r["transactionId"] for r in records if str(r["currentQuery"]).startswith(prefix)]


def wait_until(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@contextmanager
def served(store: GraphStore) -> Iterator[str]:
    """The API over `store`, served by uvicorn on a free loopback port in a thread of this process."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store=store), host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    assert wait_until(lambda: server.started, 20), "server did not start"
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=20)


@pytest.fixture
def dense(store: GraphStore) -> GraphStore:
    clique(store)
    return store


def test_a_query_past_its_time_limit_answers_503_and_health_answers_meanwhile(dense: GraphStore) -> None:
    dense.read_timeout = 1.5
    health: list[tuple[int, float]] = []
    stop = threading.Event()
    with served(dense) as base:
        def poll() -> None:
            with httpx.Client(base_url=base, timeout=10) as client:
                while not stop.is_set():
                    t0 = time.perf_counter()
                    status = client.get("/api/v1/health").status_code
                    health.append((status, time.perf_counter() - t0))
                    time.sleep(0.1)

        poller = threading.Thread(target=poll)
        poller.start()
        t0 = time.perf_counter()
        try:
            r = httpx.post(f"{base}/api/v1/queries/paths_of_length/run", json=SLOW_RUN, timeout=60)
        finally:
            elapsed = time.perf_counter() - t0
            stop.set()
            poller.join()
        assert r.status_code == 503, r.text
        error = r.json()["error"]
        assert error["code"] == "query_timeout"
        assert "time limit of 1.5 s" in error["message"] and "narrow" in error["message"]
        assert error["detail"]["timeout_seconds"] == 1.5
        assert elapsed < 10, elapsed
        assert wait_until(lambda: not marked_reads(dense), 5), "the stopped query still runs in the store"
        # the store was not marked down by a timeout: the next request answers at once
        assert httpx.get(f"{base}/api/v1/ready", timeout=10).status_code == 200
    assert len(health) >= 5 and all(status == 200 for status, _ in health)
    assert max(seconds for _, seconds in health) < 1.0, health


def test_a_client_that_disconnects_cancels_its_query(dense: GraphStore) -> None:
    dense.read_timeout = 300  # only the disconnect can stop it in time
    with served(dense) as base:
        port = int(base.rsplit(":", 1)[1])
        body = httpx.Request("POST", f"{base}/api/v1/queries/paths_of_length/run", json=SLOW_RUN)
        request = (f"POST {body.url.raw_path.decode()} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                   f"Content-Type: application/json\r\nContent-Length: {len(body.read())}\r\n\r\n").encode()
        conn = socket.create_connection(("127.0.0.1", port))
        conn.sendall(request + body.read())
        assert wait_until(lambda: bool(marked_reads(dense)), 10), "the query never started"
        conn.close()
        t0 = time.perf_counter()
        assert wait_until(lambda: not marked_reads(dense), 10), "the query ran on after its client went away"
        assert time.perf_counter() - t0 < 5
