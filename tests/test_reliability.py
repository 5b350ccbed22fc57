"""The service under an operator's hands (issue #10): two writers of one document, attached processes whose owner
restarts or dies, hostile and huge input, full and read-only disks, exports during loads.

Everything runs against the real embedded store, mostly in subprocesses (`kg serve`, `kg load`, `kg export`),
as an operator would. Where a process only needs a store, it attaches to the test session's (`base_store`), which
costs no JVM of its own. `pytest -m reliability` runs this file alone.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph import chunks, export, queries
from graph.check import check
from graph.documents import parse_document
from graph.errors import SnapshotUnavailable, WriteConflict
from graph.loader import Loader, Unchanged, change_step, fact_ids, write_extraction, write_steps
from graph.store import GraphStore

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
API = "/api/v1"
TOKEN = "reliability-token-7c1e"
# Development documents of the seed set (none of the blind part's).
DOCS = ("03_wiki_koryo-saram.txt", "10_digest_kbs_turkmenistan-eight-agreements.txt",
        "12_digest_timesca_kazakhstan-critical-minerals-mous.txt",
        "22_digest_oreanda_balkhash-power-plant-samsung-kepco.txt",
        "41_digest_kazinform_hyundai-almaty-plant-launch.txt", "73_digest_joongang_daewoo-turkmenabat-fertilizer.txt")
SENTENCE = "Samsung C&T is building a power plant in Balkhash, Kazakhstan."


# ---------------------------------------------------------------------------------------------- helpers


def env(data_dir: Path, **extra: str) -> dict[str, str]:
    out = {**os.environ, "KG_DATA_DIR": str(data_dir), "KG_LOG_LEVEL": "WARNING", "COLUMNS": "200"}
    for name in ("KG_NEO4J_URI", "KG_NEO4J_DATABASE", "KG_PORT", "KG_API_TOKEN"):
        out.pop(name, None)
    out.update(extra)
    return out


def attached_env(store: GraphStore, **extra: str) -> dict[str, str]:
    """A process attached to the test session's store, on the database `store` uses."""
    assert store.embedded is not None
    return env(store.embedded.data_dir, KG_NEO4J_DATABASE=store.database, **extra)


def kg(*args: str, environ: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, env=environ, capture_output=True,
                          text=True, timeout=timeout)


def spawn(*args: str, environ: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "kg", *args], cwd=ROOT, env=environ, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(port: int, path: str, timeout: float = 10) -> int:
    try:
        return httpx.get(f"http://127.0.0.1:{port}{path}", timeout=timeout).status_code
    except httpx.HTTPError:
        return 0


def wait_ready(proc: subprocess.Popen[str], port: int, timeout: float = 120) -> float:
    """Wait until the server answers /ready with 200; returns when it did (monotonic)."""
    deadline = time.monotonic() + timeout
    while get(port, f"{API}/ready", timeout=5) != 200:
        if proc.poll() is not None:
            raise AssertionError(f"server exited {proc.returncode}: {proc.communicate()[1][-3000:]}")
        assert time.monotonic() < deadline, "server not ready in time"
        time.sleep(0.25)
    return time.monotonic()


def stop(proc: subprocess.Popen[str], sig: int = signal.SIGTERM) -> str:
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.stderr.read() if proc.stderr else ""


@contextlib.contextmanager
def serving(*args: str, environ: dict[str, str], port: int) -> Iterator[subprocess.Popen[str]]:
    proc = spawn("serve", "--port", str(port), *args, environ=environ)
    try:
        wait_ready(proc, port)
        yield proc
    finally:
        stop(proc)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def post_raw(port: int, size: int, headers: dict[str, str], *, chunked: bool = False) -> tuple[int, int]:
    """POST a body of `size` bytes over a raw socket, sending while the server lets us and reading its answer as
    soon as it comes (a server that refuses early answers before the body is sent). Returns (status, bytes sent)."""
    lines = [f"POST {API}/documents HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json",
             *(f"{k}: {v}" for k, v in headers.items()),
             "Transfer-Encoding: chunked" if chunked else f"Content-Length: {size}"]
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    piece = b"x" * 65536
    frame = f"{len(piece):x}\r\n".encode() + piece + b"\r\n" if chunked else piece
    sent, answer = 0, b""
    deadline = time.monotonic() + 60
    ready = selectors.DefaultSelector()  # poll, not select(): a long test session has descriptors past 1024
    ready.register(sock, selectors.EVENT_READ | selectors.EVENT_WRITE)
    try:
        while sent < size and time.monotonic() < deadline and b"\r\n\r\n" not in answer:
            events = {mask for _, mask in ready.select(timeout=1)}
            if any(mask & selectors.EVENT_READ for mask in events):
                data = sock.recv(65536)
                if not data:
                    break
                answer += data
            elif any(mask & selectors.EVENT_WRITE for mask in events):
                sock.sendall(frame)
                sent += len(piece)
        while b"\r\n\r\n" not in answer:
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    except OSError:  # the server closed the connection after answering: read what it said
        with contextlib.suppress(OSError):
            answer += sock.recv(65536)
    finally:
        ready.close()
        sock.close()
    assert answer.startswith(b"HTTP/1.1 "), answer[:200]
    return int(answer.split(b" ", 2)[1]), sent


def doc_copies(tmp: Path, names: tuple[str, ...] = DOCS) -> Path:
    docs = tmp / "docs"
    docs.mkdir()
    for name in names:
        (docs / name).write_bytes((SEEDS / name).read_bytes())
    return docs


def evidence_per_document(graph: dict[str, Any]) -> Counter[tuple[str, str]]:
    """How many pieces of evidence each document gives each edge (1 in a sound graph)."""
    return Counter((e["id"], ev["doc_id"]) for e in graph["edges"] for ev in e["evidence"])


def comparable(graph: dict[str, Any]) -> dict[str, Any]:
    """An export without what differs between two loads of the same documents: load times, document paths, and
    where the change feed stands."""
    nodes = sorted((n["id"], json.dumps({k: v for k, v in n["properties"].items()
                                          if k not in ("loaded_at", "path", "copies")}, sort_keys=True))
                   for n in graph["nodes"])
    edges = sorted(json.dumps(e, sort_keys=True) for e in graph["edges"])
    return {"nodes": nodes, "edges": edges}


def dangling(graph: dict[str, Any]) -> list[str]:
    ids = {n["id"] for n in graph["nodes"]}
    return [e["id"] for e in graph["edges"] if e["source"] not in ids or e["target"] not in ids]


@pytest.fixture
def mount_point(tmp_path: Path) -> Iterator[Path]:
    """A directory on a small tmpfs of its own (root only: mounting is how a full or read-only disk is made)."""
    where = tmp_path / "mnt"
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(where: Path) -> None:
    """Fill a file system to the last byte."""
    for name, block in (("filler", 1 << 20), ("filler-tail", 512)):
        with contextlib.suppress(OSError), open(where / name, "wb") as f:
            while True:
                f.write(b"\0" * block)
                f.flush()


# ---------------------------------------------------------------------------------------------- one writer per document


def test_two_concurrent_kg_loads_give_the_same_export_as_one_load(store: GraphStore, extractor: Any,
                                                                   tmp_path: Path) -> None:
    """Two `kg load` runs of the same documents on one store at once (the issue: 95-114 of 211 documents with
    duplicated evidence) end exactly as one load does."""
    docs = doc_copies(tmp_path)
    baseline = store.using("t" + uuid.uuid4().hex[:12])
    baseline.ensure_database(baseline.database)
    assert not Loader(baseline, extractor).load_paths([docs]).skipped
    runs = [spawn("load", str(docs), environ=attached_env(store)) for _ in range(2)]
    outs = [(p.wait(timeout=300), p.communicate()[1]) for p in runs]
    for code, err in outs:
        assert code == 0, err[-3000:]
    together = export.to_json(store)
    assert not [k for k, n in evidence_per_document(together).items() if n > 1]
    assert comparable(together) == comparable(export.to_json(baseline))
    assert check(store).clean
    loaded = [c for c in store.run("changes_page", since=0, limit=100)]
    assert sorted(c["doc_id"] for c in loaded) == sorted(f"doc:{Path(n).stem}" for n in DOCS)  # each loaded once
    assert baseline.embedded is not None
    baseline.embedded.drop_database(baseline.database)


def test_concurrent_writes_of_one_document_end_as_if_one_after_the_other(store: GraphStore,
                                                                          extractor: Any) -> None:
    """Ten writers of the same version, then ten of ten versions, at once: one copy of the facts, every writer
    told loaded / replaced / unchanged, and none failing with anything but a conflict (ArcadeDB types made on first
    use, duplicate keys, records deleted under a writer: all retried)."""
    text = (SEEDS / DOCS[0]).read_text()
    versions = [extractor.extract(parse_document(text + (f"\n\nVersion {i}." if i else ""), doc_id="doc:x"))
                for i in range(10)]

    def race(extractions: list[Any]) -> Counter[str]:
        outcomes: Counter[str] = Counter()
        barrier = threading.Barrier(len(extractions))

        def one(e: Any) -> None:
            barrier.wait()
            try:
                outcomes[store.write(lambda tx: write_extraction(tx, e))] += 1
            except Unchanged:
                outcomes["unchanged"] += 1
            except WriteConflict:
                outcomes["conflict"] += 1
            except Exception as err:  # noqa: BLE001 - anything else is the failure this test is about
                outcomes[f"{type(err).__name__}: {err}"] += 1

        threads = [threading.Thread(target=one, args=(e,)) for e in extractions]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return outcomes

    same = race([versions[0]] * 10)
    assert same == {"loaded": 1, "unchanged": 9}, same
    graph = export.to_json(store)
    assert set(evidence_per_document(graph).values()) == {1}
    assert check(store).clean
    mixed = race(versions)
    assert set(mixed) <= {"replaced", "unchanged", "conflict"} and mixed["replaced"] >= 1, mixed
    stored = store.run("document_by_id", doc_id="doc:x")[0]["text"]
    final = next(v for v in versions if v.document.text == stored)
    graph = export.to_json(store)
    stated = {f"{f.subject}|{f.relation}|{f.object}" for f in final.facts if f.evidence is not None}
    assert {edge for edge, doc in evidence_per_document(graph) if doc == "doc:x"} == stated
    assert set(evidence_per_document(graph).values()) == {1}
    assert check(store).clean  # every piece quotes the stored version
    changes = store.run("changes_page", since=0, limit=100)
    assert len(changes) == 1 + mixed["replaced"]  # one entry per write that happened


def test_a_write_that_keeps_losing_answers_conflict_not_an_error(store: GraphStore, extractor: Any) -> None:
    """With no time to retry (KG_WRITE_RETRY_SECONDS=0), racing writers are refused with WriteConflict (409 over
    HTTP), never another error, and the graph holds one copy."""
    impatient = store.using(store.database)
    impatient.settings = store.settings.model_copy(update={"write_retry_seconds": 0.0})
    text = (SEEDS / DOCS[1]).read_text()
    versions = [extractor.extract(parse_document(text + f"\n\nVersion {i}.", doc_id="doc:y")) for i in range(8)]
    outcomes: Counter[str] = Counter()
    barrier = threading.Barrier(len(versions))

    def one(e: Any) -> None:
        barrier.wait()
        try:
            outcomes[impatient.write(lambda tx: write_extraction(tx, e))] += 1
        except WriteConflict as err:
            assert err.STATUS == 409
            outcomes["conflict"] += 1
        except Exception as err:  # noqa: BLE001
            outcomes[f"{type(err).__name__}: {err}"] += 1

    threads = [threading.Thread(target=one, args=(e,)) for e in versions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(outcomes) <= {"loaded", "replaced", "conflict"} and outcomes["loaded"] == 1, outcomes
    assert check(store).clean


@pytest.fixture(scope="module")
def writer_server(base_store: GraphStore) -> Iterator[tuple[int, subprocess.Popen[str], GraphStore]]:
    """A `kg serve` with a token, attached to the session's store (no JVM of its own: its memory is the API's)."""
    view = base_store.using("t" + uuid.uuid4().hex[:12])
    view.ensure_database(view.database)
    port = free_port()
    with serving(environ=attached_env(view, KG_API_TOKEN=TOKEN), port=port) as proc:
        yield port, proc, view
    assert base_store.embedded is not None
    base_store.embedded.drop_database(view.database)


def test_twenty_parallel_posts_of_one_document_give_one_copy_and_no_5xx(
        writer_server: tuple[int, subprocess.Popen[str], GraphStore]) -> None:
    port, _, view = writer_server
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"id": "post-race", "text": (SEEDS / DOCS[3]).read_text()}
    # the first ingest loads the extraction pipeline: not part of the race
    warm = httpx.post(f"http://127.0.0.1:{port}{API}/documents", json={"id": "warm", "text": SENTENCE},
                      headers=auth, timeout=120)
    assert warm.status_code == 200, warm.text

    def race(bodies: list[dict[str, str]]) -> list[httpx.Response]:
        barrier = threading.Barrier(len(bodies))
        answers: list[httpx.Response] = []

        def one(b: dict[str, str]) -> None:
            with httpx.Client(timeout=120) as client:
                barrier.wait()
                answers.append(client.post(f"http://127.0.0.1:{port}{API}/documents", json=b, headers=auth))

        threads = [threading.Thread(target=one, args=(b,)) for b in bodies]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return answers

    answers = race([body] * 20)
    assert all(a.status_code < 500 for a in answers), [a.text for a in answers if a.status_code >= 500]
    statuses = Counter(a.json()["status"] if a.status_code == 200 else a.status_code for a in answers)
    assert statuses["loaded"] == 1 and set(statuses) <= {"loaded", "unchanged", 409}, statuses
    graph = export.to_json(view)
    assert set(evidence_per_document(graph).values()) == {1}
    assert [c["kind"] for c in view.run("changes_page", since=0, limit=100) if c["doc_id"] == "doc:post-race"] \
        == ["loaded"]
    # ten versions of one id at once: no 500 ("Duplicated key ... Entity[id]" before), one version's facts
    versions = race([{"id": "post-versions", "text": body["text"] + f"\n\nVersion {i}."} for i in range(10)])
    assert all(a.status_code in (200, 409) for a in versions), [a.text for a in versions if a.status_code != 200]
    assert set(evidence_per_document(export.to_json(view)).values()) == {1}
    assert check(view).clean


def test_kg_check_finds_and_repairs_duplicated_and_stale_evidence(store: GraphStore, extractor: Any) -> None:
    """Damage as unserialised writers left it (the loader's own statement run twice, two versions both written as
    new, a parallel relationship, a mention link twice), found by `kg check` and mended by `kg check --repair` into
    what one load gives."""
    text = (SEEDS / DOCS[0]).read_text()
    v1 = extractor.extract(parse_document(text, doc_id="doc:k"))
    v2 = extractor.extract(parse_document("A line added above.\n\n" + text, doc_id="doc:k"))
    other = extractor.extract(parse_document((SEEDS / DOCS[2]).read_text(), doc_id="doc:t"))

    def unserialised(e: Any) -> None:
        statement, params = queries.compose([*write_steps(e, {}), change_step("loaded", e.document.id,
                                                                              fact_ids(e), [])])
        store.driver.execute_query(statement, params, database_=store.database)

    for e in (v1, v2, other, other):
        unserialised(e)
    store.driver.execute_query("MATCH (a:Entity)-[r:PARTNERS_WITH]->(b:Entity) WITH a, r, b LIMIT 1 "
                               "CREATE (a)-[r2:PARTNERS_WITH]->(b) SET r2 = properties(r)", database_=store.database)
    store.driver.execute_query("MATCH (e:Entity)-[:MENTIONED_IN]->(d:Document {id: 'doc:t'}) WITH e, d LIMIT 1 "
                               "CREATE (e)-[:MENTIONED_IN]->(d)", database_=store.database)
    environ = attached_env(store)
    found = kg("check", environ=environ)
    assert found.returncode == 1, found.stderr
    assert "run `kg check --repair`" in found.stderr
    report = check(store)
    assert report.duplicated and report.parallel and report.stale and report.mention_links == 1
    head = int(store.run("changes_latest")[0]["seq"])
    mended = kg("check", "--repair", environ=environ)
    assert mended.returncode == 0, mended.stderr
    assert "the graph is sound" in mended.stderr
    assert kg("check", environ=environ).returncode == 0
    # what one load of the current versions gives
    clean = store.using("t" + uuid.uuid4().hex[:12])
    clean.ensure_database(clean.database)
    for e in (v2, other):
        clean.write(lambda tx, e=e: write_extraction(tx, e))
    repaired, expected = export.to_json(store), export.to_json(clean)
    assert {e["id"]: [ev["sentence"] for ev in e["evidence"]] for e in repaired["edges"]} == \
        {e["id"]: [ev["sentence"] for ev in e["evidence"]] for e in expected["edges"]}
    assert {e["id"] for e in repaired["edges"]} == {e["id"] for e in expected["edges"]}
    # mirrors are told: a 'replaced' entry for each document whose evidence changed
    after = store.run("changes_page", since=head, limit=100)
    assert {c["doc_id"] for c in after} == {"doc:k", "doc:t"} and {c["kind"] for c in after} == {"replaced"}
    assert clean.embedded is not None
    clean.embedded.drop_database(clean.database)


# ---------------------------------------------------------------------------------------------- attached processes


def test_an_attached_serve_follows_its_restarted_owner_to_a_new_port_and_takes_over_when_none_comes(
        tmp_path: Path) -> None:
    """The owner restarts (right after its stop, on the same HTTP port, its connections in TIME-WAIT) while another
    program took its old Bolt port: it serves on another, and the attached `kg serve` answers 200 within 10 s of the
    owner being back (the issue: 503 for 100 s and more). Then the owner stops for good: the attached server takes
    over as owner after KG_STORE_WAIT_SECONDS and serves the same graph."""
    data = tmp_path / "data"
    owner_port, attached_port = free_port(), free_port()
    owner = spawn("serve", "--port", str(owner_port), environ=env(data))
    attached: subprocess.Popen[str] | None = None
    again: subprocess.Popen[str] | None = None
    try:
        wait_ready(owner, owner_port)
        attached = spawn("serve", "--port", str(attached_port), environ=env(data, KG_STORE_WAIT_SECONDS="2"))
        wait_ready(attached, attached_port, timeout=60)
        assert get(attached_port, f"{API}/stats") == 200
        old_bolt = json.loads((data / "ports.json").read_text())["bolt_port"]
        with httpx.Client(timeout=10) as keep_alive:  # connections the owner closes itself: TIME-WAIT on its port
            assert keep_alive.get(f"http://127.0.0.1:{owner_port}{API}/stats").status_code == 200
            stop(owner)
        with socket.socket() as squatter:  # another program takes the old Bolt port
            squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            squatter.bind(("127.0.0.1", old_bolt))
            squatter.listen(8)
            again = spawn("serve", "--port", str(owner_port), environ=env(data))  # the same port, at once
            back = wait_ready(again, owner_port)
            assert json.loads((data / "ports.json").read_text())["bolt_port"] != old_bolt
            while get(attached_port, f"{API}/stats") != 200:
                assert time.monotonic() - back < 10, "the attached server did not follow its owner within 10 s"
                time.sleep(0.25)
            followed = time.monotonic() - back
        print(f"attached server answered 200 {followed:.1f} s after the owner was back")  # noqa: T201
        assert followed < 10
        stats = httpx.get(f"http://127.0.0.1:{attached_port}{API}/stats", timeout=10).json()
        kept = json.loads((data / "ports.json").read_text())["bolt_port"]
        stop(again)  # for good: nobody comes back
        gone = time.monotonic()
        while get(attached_port, f"{API}/ready") != 200 or \
                json.loads((data / "store.json").read_text() if (data / "store.json").exists() else "{}"
                           ).get("pid") != attached.pid:
            assert attached.poll() is None and time.monotonic() - gone < 90, "the attached server did not take over"
            time.sleep(0.5)
        print(f"the attached server took over {time.monotonic() - gone:.1f} s after the owner stopped")  # noqa: T201
        assert httpx.get(f"http://127.0.0.1:{attached_port}{API}/stats", timeout=10).json() == stats
        assert json.loads((data / "store.json").read_text())["bolt_port"] == kept  # the new owner took the same port
    finally:
        for proc in (attached, again, owner):
            if proc is not None:
                stop(proc)


def test_an_attached_load_fails_within_30s_when_the_owner_dies_with_its_table(tmp_path: Path) -> None:
    """The owner is killed (SIGKILL) while an attached `kg load` runs (the issue: a dead port retried for 16.5
    minutes, no table). With the default settings the load stops within 30 s, exit 1, its table printed and one line
    saying why and how much is in the graph."""
    data, docs = tmp_path / "data", tmp_path / "many"
    docs.mkdir()
    firms = ["Samsung C&T", "Doosan Enerbility", "Hyundai Engineering", "POSCO International", "KEPCO", "KT&G"]
    places = ["Balkhash, Kazakhstan", "Turkestan, Kazakhstan", "Tashkent, Uzbekistan", "Bishkek, Kyrgyzstan"]
    for i in range(150):
        (docs / f"report-{i:03d}.txt").write_text(
            f"title: Report {i}\ndate: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}\n\n{firms[i % 6]} is building plant "
            f"number {i} in {places[i % 4]}. The project {i} costs {10 + i} million dollars.\n")
    owner_port = free_port()
    owner = spawn("serve", "--port", str(owner_port), environ=env(data))
    load: subprocess.Popen[str] | None = None
    try:
        wait_ready(owner, owner_port)
        load = spawn("load", str(docs), environ=env(data))
        deadline = time.monotonic() + 120
        while True:  # kill the owner once the load is writing
            stats = httpx.get(f"http://127.0.0.1:{owner_port}{API}/stats", timeout=10).json()
            if stats["documents"] >= 3:
                break
            assert load.poll() is None and time.monotonic() < deadline, load.communicate()[1][-3000:]
            time.sleep(0.2)
        owner.kill()
        owner.wait()
        killed = time.monotonic()
        err = load.communicate(timeout=90)[1]  # reading as it goes: a full pipe would stall the load
        took = time.monotonic() - killed
        code = load.returncode
    finally:
        for proc in (load, owner):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
    print(f"the attached load stopped {took:.1f} s after its owner was killed")  # noqa: T201
    assert code == 1, err[-3000:]
    assert took < 30
    assert "documents loaded" in err and "in the graph" in err  # the table
    stopped = [line for line in err.splitlines() if line.startswith("kg load stopped:")]
    assert len(stopped) == 1 and "died" in stopped[0], err[-3000:]
    assert "not attempted" in err and "Traceback" not in err
    written = int(stopped[0].split("; ")[1].split(" of ")[0])
    assert 3 <= written < 150


# ---------------------------------------------------------------------------------------------- bounded input


def test_a_50mb_body_without_a_token_is_refused_unread_and_memory_stays_flat(
        writer_server: tuple[int, subprocess.Popen[str], GraphStore]) -> None:
    """Eight 50 MB POSTs without a token (the issue: 432 MB -> 1.41 GB, 1.27 GB kept) are refused before their body
    is read; the server's memory grows by less than 50 MB. With the token, 50 MB is refused while being read, with
    a declared length or chunked; invalid JSON without a token is 401, not 422."""
    port, proc, _ = writer_server
    before = rss_kb(proc.pid)
    for headers in [{}] * 4 + [{"Authorization": "Bearer wrong"}] * 4:
        status, sent = post_raw(port, 50_000_000, headers)
        assert status == 401, status
        assert sent < 50_000_000
    status, _ = post_raw(port, 50_000_000, {"Authorization": f"Bearer {TOKEN}"})
    assert status == 413
    status, sent = post_raw(port, 50_000_000, {"Authorization": f"Bearer {TOKEN}"}, chunked=True)
    assert status == 413 and sent < 50_000_000
    grew = (rss_kb(proc.pid) - before) / 1024
    print(f"server memory grew by {grew:.1f} MB over ten 50 MB requests")  # noqa: T201
    assert grew < 50
    bad = httpx.post(f"http://127.0.0.1:{port}{API}/documents", content=b"{not json",
                     headers={"Content-Type": "application/json"})
    assert bad.status_code == 401 and bad.json()["error"]["code"] == "unauthorized"
    assert httpx.post(f"http://127.0.0.1:{port}{API}/documents", content=b"{not json",
                      headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}
                      ).status_code == 422
    assert get(port, f"{API}/ready") == 200  # and the server still serves


def big_document(size: int = 3_000_000) -> str:
    """A document of `size` bytes: a real sentence, an appendix of checksums in long hexadecimal lines, and another
    real sentence at its end, past 2.9 million characters."""
    rnd = random.Random(10)
    head = f"title: A long page\ndate: 2024-06-12\n\n{SENTENCE}\n\nAppendix: checksums\n\n"
    tail = "\n\nKEPCO signed an agreement with Uzbekistan on a power plant in Tashkent.\n"
    lines: list[str] = []
    room = size - len(head) - len(tail)
    while room > 0:
        line = "".join(rnd.choice("0123456789abcdef") for _ in range(min(10_000, room)))
        lines.append(line)
        room -= len(line) + 1
    return head + "\n".join(lines)[: size - len(head) - len(tail)] + tail


def assert_big_document_loaded(facts: list[dict[str, Any]], text: str) -> None:
    """Facts from the first sentence and from the last, past 2.9 million characters, each piece of evidence quoting
    the stored text at its offsets."""
    starts = sorted(ev["start"] for f in facts for ev in f["evidence"])
    assert starts and starts[0] < 100 and starts[-1] > 2_900_000, starts
    for f in facts:
        for ev in f["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["sentence"]


def test_a_3mb_document_loads_through_the_api_and_through_kg_load(
        writer_server: tuple[int, subprocess.Popen[str], GraphStore], store: GraphStore, tmp_path: Path) -> None:
    """Documents between 1,000,000 and 5,000,000 characters (the issue: HTTP 500, and a whole `kg load` batch
    aborted) load: through the API, and through `kg load` beside a small document and a bad file."""
    port, _, view = writer_server
    text = big_document()
    assert len(text.encode()) >= 3_000_000 and len(text) > 1_000_000
    r = httpx.post(f"http://127.0.0.1:{port}{API}/documents", json={"id": "big", "text": text},
                   headers={"Authorization": f"Bearer {TOKEN}"}, timeout=300)
    assert r.status_code == 200, r.text[:2000]
    assert r.json()["status"] == "loaded"
    body = view.run("document_by_id", doc_id="doc:big")[0]["text"]
    assert len(body) > 2_900_000
    assert_big_document_loaded(r.json()["facts"], body)

    docs = tmp_path / "batch"
    docs.mkdir()
    (docs / "a-big.txt").write_text(text)
    (docs / "b-binary.txt").write_bytes(b"\x00\x01" * 100)
    (docs / "c-small.txt").write_text(f"title: Small\n\n{SENTENCE}\n")
    done = kg("load", str(docs), environ=attached_env(store))
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "b-binary.txt" in done.stderr
    assert {r["id"] for r in store.run("documents_page", offset=0, limit=10)} == {"doc:a-big", "doc:c-small"}
    graph = export.to_json(store)
    stored = store.run("document_by_id", doc_id="doc:a-big")[0]["text"]
    assert_big_document_loaded([e for e in graph["edges"] if any(ev["doc_id"] == "doc:a-big" for ev in e["evidence"])],
                               stored)


def test_long_documents_are_extracted_in_pieces_with_their_offsets(extractor: Any) -> None:
    """Two articles in one document, cut between them: each piece gives what it gives alone, shifted to its place in
    the document (one fact per triple, the first statement kept), every piece of evidence quoting the document's
    text at its offsets; within the limit a document is extracted whole, as before."""
    first = parse_document((SEEDS / "000_0bee8f741032c28e.txt").read_text(), doc_id="doc:a").text  # the seed article
    second = parse_document((SEEDS / DOCS[0]).read_text(), doc_id="doc:b").text
    doc = parse_document(f"title: Two articles\ndate: 2024-06-12\n\n{first}\n\n{second}\n", doc_id="doc:pieces")
    size = len(first) + 2
    assert len(second) <= size and chunks.spans(doc.text, size) == [(0, size), (size, len(doc.text))]
    alone = [extractor.extract(doc.model_copy(update={"text": doc.text[start:end]}))
             for start, end in chunks.spans(doc.text, size)]
    pieces = chunks.extract(extractor, doc, size)
    expected: dict[tuple[str, str, str], int] = {}
    for offset, part in zip((0, size), alone, strict=True):
        for f in part.facts:
            if f.evidence is not None:
                expected.setdefault((f.subject, f.relation, f.object), f.evidence.start + offset)
    got = {(f.subject, f.relation, f.object): f.evidence.start for f in pieces.facts if f.evidence is not None}
    assert got == expected
    assert any(start >= size for start in got.values())
    for f in pieces.facts:
        if f.evidence is not None:
            assert doc.text[f.evidence.start:f.evidence.end] == f.evidence.sentence
    assert {e.id for e in pieces.entities} == {e.id for part in alone for e in part.entities}
    assert chunks.extract(extractor, doc, 1_000_000) == extractor.extract(doc)
    # pieces break where a reader would: at a paragraph or line end
    text = (SEEDS / "000_0bee8f741032c28e.txt").read_text()
    spans = chunks.spans(text, 1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(text[end - 1] == "\n" for _, end in spans[:-1])


def test_one_bad_document_never_aborts_a_batch(store: GraphStore, extractor: Any, tmp_path: Path) -> None:
    """A document the extraction pipeline fails on is skipped with its reason; the batch goes on."""
    docs = doc_copies(tmp_path, DOCS[:3])

    class Fragile:
        def extract(self, doc: Any) -> Any:
            if doc.id == f"doc:{Path(DOCS[1]).stem}":
                raise RuntimeError("the pipeline broke on this one")
            return extractor.extract(doc)

    report = Loader(store, Fragile()).load_paths([docs])  # type: ignore[arg-type]
    assert [r.status for r in report.results] == ["loaded", "skipped", "loaded"]
    assert "the pipeline broke on this one" in (report.results[1].reason or "")
    assert report.store_error is None


def test_kg_load_exits_non_zero_when_nothing_could_be_written(store: GraphStore, tmp_path: Path) -> None:
    docs = tmp_path / "bad"
    docs.mkdir()
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    done = kg("load", str(docs), environ=attached_env(store))
    assert done.returncode == 1, done.stderr
    assert "kg load wrote nothing:" in done.stderr and "documents skipped" in done.stderr


def test_kg_load_on_a_full_or_read_only_directory_exits_non_zero_with_one_line(mount_point: Path,
                                                                                tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(f"title: A\n\n{SENTENCE}\n")
    fill(mount_point)
    full = kg("load", str(doc), environ=env(mount_point / "data"), timeout=120)
    assert full.returncode == 1
    lines = [line for line in full.stderr.splitlines() if line.strip() and not line.startswith("WARNING")]
    assert len(lines) == 1 and "full disk" in lines[0], full.stderr
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)
    read_only = kg("load", str(doc), environ=env(mount_point / "data"), timeout=120)
    assert read_only.returncode == 1
    lines = [line for line in read_only.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "read-only" in lines[0] and "Traceback" not in read_only.stderr, read_only.stderr


def test_kg_serve_on_a_read_only_directory_answers_503_and_recovers(mount_point: Path) -> None:
    """`kg serve` on a data directory it cannot write starts anyway, answers 503 with the reason, and opens the
    store by itself once the directory is writable."""
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)
    port = free_port()
    proc = spawn("serve", "--port", str(port), environ=env(mount_point))
    try:
        deadline = time.monotonic() + 60
        while get(port, f"{API}/health") != 200:
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()[1][-3000:]
            time.sleep(0.25)
        r = httpx.get(f"http://127.0.0.1:{port}{API}/ready", timeout=10)
        assert r.status_code == 503 and "read-only" in r.json()["error"]["message"], r.text
        subprocess.run(["mount", "-o", "remount,rw", str(mount_point)], check=True)
        deadline = time.monotonic() + 90
        while get(port, f"{API}/ready") != 200:
            assert proc.poll() is None and time.monotonic() < deadline, "the store never opened"
            time.sleep(0.5)
    finally:
        err = stop(proc)
    assert "Traceback" not in err


# ---------------------------------------------------------------------------------------------- reads during writes


def test_an_export_during_a_load_has_no_dangling_edge(store: GraphStore, extractor: Any, tmp_path: Path) -> None:
    """Whole-graph exports taken while documents are written: each is one state of the graph (no edge without its
    nodes, `latest_change` matching what was read) or says it cannot; some succeed during the load."""
    docs = doc_copies(tmp_path)
    done = threading.Event()

    def load() -> None:
        try:
            Loader(store, extractor).load_paths([docs])
        finally:
            done.set()

    exports, refused = 0, 0
    loader = threading.Thread(target=load)
    loader.start()
    while not done.is_set():
        try:
            graph = export.to_json(store, patience=2.0)
        except SnapshotUnavailable:
            refused += 1
            continue
        if done.is_set():
            break
        assert not dangling(graph), dangling(graph)
        documents = {n["id"] for n in graph["nodes"] if "Document" in n["labels"]}
        assert graph["latest_change"] == len(documents)  # the feed's position of exactly what was read
        exports += 1
    loader.join()
    print(f"{exports} consistent exports during the load, {refused} refused")  # noqa: T201
    assert exports >= 1


def test_the_cache_notices_a_write_whose_clock_is_behind(store: GraphStore, extractor: Any,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache's stamp is a counter the store keeps, so a document replaced by a writer whose clock is a day
    behind (an older load time than the version it replaces) is not served stale."""
    from fastapi.testclient import TestClient

    from api.app import create_app

    settings = store.settings.model_copy(update={"cache_check_seconds": 0.0})
    first = parse_document(f"title: First\n\n{SENTENCE}\n", doc_id="doc:clock")
    assert Loader(store, extractor).load_document(first).status == "loaded"
    view = store.using(store.database)
    view.settings = settings
    with TestClient(create_app(store=view)) as client:
        assert client.get(f"{API}/documents/doc:clock").json()["title"] == "First"
        assert client.get(f"{API}/documents/doc:clock").headers["x-cache"] == "hit"

        class Behind(datetime):
            @classmethod
            def now(cls, tz: Any = None) -> datetime:  # type: ignore[override]
                return datetime.now(UTC) - timedelta(days=1)

        monkeypatch.setattr("graph.loader.datetime", Behind)
        second = parse_document(f"title: Second\n\n{SENTENCE} It opens in 2026.\n", doc_id="doc:clock")
        assert Loader(store, extractor).load_document(second).status == "replaced"
        answer = client.get(f"{API}/documents/doc:clock")
        assert answer.json()["title"] == "Second" and answer.headers["x-cache"] == "miss"
        client.portal.call(view.aclose)  # type: ignore[union-attr]
