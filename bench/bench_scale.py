"""Scale benchmark: the questions, writes and exports at 1k, 10k and 100k entities.

Builds one graph per size through the loader's own writer (bench/synthetic.py: a seeded synthetic corpus of
extracted documents, about 20 facts each, hubs by preferential attachment; written in batches of documents with the
loader's named queries, after checking on a small corpus that batches give exactly the graph one document per
transaction gives). Each size is a database of its own in one data directory, so `--data-dir` keeps them for the
next run (a marker file says which are complete).

Then, per size, with the API served as `kg serve` serves it (uvicorn in a subprocess attached to the store this
process hosts, on that size's database, the response cache off) and HTTP clients on the same two cores:
  - the questions, single client and 8 clients, median and p99: the lithium question (firms of Korea touching
    lithium), the neighbourhood of a hub at depth 2 and 3, paths between random pairs (max_len 4), prefix search
    "kor", entity lookup;
  - writing one document, one transaction each as `kg load` writes a new document: the same probe documents at
    every size and into an empty graph (each deleted again afterwards, so the graph stays as built);
  - `kg export --format json` and `--format graphml` as subprocesses attached to the store: time and peak memory of
    the exporter and of the process hosting the store meanwhile.
Each request of a measure is timed at most 30 s in all; a question the server refuses (a 503 past
KG_QUERY_TIMEOUT_SECONDS) counts as an error in its cell.

    .venv/bin/python bench/bench_scale.py [--sizes 1000 10000 100000] [--data-dir DIR] [--requests 40]
                                          [--warmup N] [--no-export] [--json FILE] [--build-only]

Generation is seeded (`--seed`); the smaller graphs are the first documents of the larger ones' corpus.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_api import API, RawHTTP, free_port, measure, wait_ready  # noqa: E402
from bench.synthetic import Corpus, check_same_shape, write_batch, write_document  # noqa: E402
from graph.loader import delete_document  # noqa: E402
from graph.models import Extraction  # noqa: E402
from graph.settings import Settings  # noqa: E402
from graph.store import GraphStore  # noqa: E402

BATCH = 50  # documents per transaction while building


def database_name(size: int) -> str:
    return f"scale{size}"


def marker(data_dir: Path, size: int, seed: int) -> Path:
    return data_dir / f"scale-{size}-seed{seed}.json"


def build(root: GraphStore, data_dir: Path, size: int, seed: int) -> GraphStore:
    """The graph of `size` entities in its own database, built unless a complete one is there."""
    name = database_name(size)
    store = root.using(name)
    done = marker(data_dir, size, seed)
    if done.exists():
        return store
    if root.embedded is not None:
        root.embedded.drop_database(name)
    store.ensure_database(name)
    corpus = Corpus(size, seed=seed)
    t0 = time.perf_counter()
    batch = []
    written = 0
    for extraction in corpus:
        batch.append(extraction)
        if len(batch) == BATCH:
            write_batch(store, batch)
            written += len(batch)
            batch = []
            if written % 2000 == 0:
                print(f"  {name}: {written}/{corpus.documents} documents, {time.perf_counter() - t0:.0f} s",
                      file=sys.stderr)
    if batch:
        write_batch(store, batch)
    counts = {r["label"]: int(r["count"]) for r in store.run("graph_counts_by_label")}
    facts = sum(int(r["count"]) for r in store.run("graph_counts_by_type") if r["type"] != "MENTIONED_IN")
    done.write_text(json.dumps({"size": size, "seed": seed, "documents": counts.get("Document", 0),
                                "entities": counts.get("Entity", 0), "facts": facts,
                                "build_seconds": round(time.perf_counter() - t0, 1)}))
    print(f"  {name}: built in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return store


def check_shape(root: GraphStore, seed: int) -> None:
    """Batched writes give the graph the loader's one-document transactions give (bench/synthetic.py). In databases
    named for this run: the store cannot always drop a database a previous run left."""
    run = uuid.uuid4().hex[:8]
    names = (f"shape_one_{run}", f"shape_batch_{run}")
    views = []
    for name in names:
        view = root.using(name)
        view.ensure_database(name)
        views.append(view)
    check_same_shape(views[0], views[1], list(Corpus(300, seed=seed)))
    for name in names:
        if root.embedded is not None:
            root.embedded.drop_database(name)


# ---------------------------------------------------------------------------------------------- measuring

PROBES = 10  # documents written at every size (and into an empty graph), each deleted again afterwards


def probe_documents(seed: int) -> list[Extraction]:
    """The same documents at every size: the first of another seed's corpus, under ids of their own. The evidence of
    each fact names the new id too: deleting a probe removes the evidence that names it, and evidence left under the
    corpus's id made every run add the probes' facts to the graphs for good."""
    out = []
    for i, extraction in enumerate(Corpus(1000, seed=seed + 1000)):
        if i == PROBES:
            break
        doc_id = f"doc:probe-{i}"
        document = extraction.document.model_copy(update={"id": doc_id})
        facts = [f.model_copy(update={"evidence": f.evidence.model_copy(update={"doc_id": doc_id})})
                 if f.evidence is not None else f for f in extraction.facts]
        out.append(extraction.model_copy(update={"document": document, "facts": facts}))
    return out


def write_times(store: GraphStore, probes: list[Extraction]) -> list[float]:
    """Seconds to write each probe document as `kg load` writes a new one; each is deleted again after."""
    times = []
    for extraction in probes:
        t0 = time.perf_counter()
        write_document(store, extraction)
        times.append(time.perf_counter() - t0)
        delete_document(store, extraction.document.id)
    return times


def rss_kb(pid: int, field: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


class PeakRSS:
    """The peak resident memory of a process while a block runs (sampled every 50 ms)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_kb(self.pid))
            time.sleep(0.05)

    def __enter__(self) -> PeakRSS:
        self.peak = rss_kb(self.pid)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# The exporter's own peak memory: VmHWM, which starts afresh at exec (ru_maxrss would count the forked copy of this
# process, store and all, before the exec).
EXPORTER = ("import sys; from kg.cli import main; code = main(sys.argv[1:]); "
            "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]; "
            "sys.stderr.write('maxrss_kb=%s\\n' % hwm); raise SystemExit(code)")


def export_run(data_dir: Path, size: int, fmt: str, out_dir: Path) -> dict[str, Any]:
    """`kg export --format fmt` as a subprocess attached to the store: seconds, the exporter's peak memory, the
    store's (this process, which hosts it) peak memory meanwhile, and the file's size."""
    env = {**os.environ, "KG_DATA_DIR": str(data_dir), "KG_NEO4J_DATABASE": database_name(size),
           "KG_LOG_LEVEL": "WARNING"}
    env.pop("KG_NEO4J_URI", None)
    output = out_dir / f"graph-{size}.{fmt}"
    t0 = time.perf_counter()
    with PeakRSS(os.getpid()) as store_mem:
        done = subprocess.run([sys.executable, "-c", EXPORTER, "export", "--format", fmt, "--output", str(output)],
                              cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    exporter = next((int(line.split("=")[1]) for line in done.stderr.splitlines() if line.startswith("maxrss_kb=")),
                    0)
    result: dict[str, Any] = {"ok": done.returncode == 0, "seconds": seconds, "exporter_mb": exporter / 1024,
              "store_mb": store_mem.peak / 1024, "file_mb": output.stat().st_size / 1e6 if output.exists() else 0}
    if not result["ok"]:
        result["error"] = done.stderr[-500:]
    output.unlink(missing_ok=True)
    return result


def _caller(free: list[RawHTTP], target: Callable[[], str], counts: dict[str, int]
            ) -> Callable[[], Awaitable[None]]:
    """One request on a free connection; a status other than 200 counts as an error."""
    async def call() -> None:
        conn = free.pop()
        try:
            code, _ = await conn.get(target())
            counts["errors"] += code != 200
        finally:
            free.append(conn)
    return call


async def questions(base: str, ids: list[str], seed: int, requests: int, warmup: int = 0) -> list[dict[str, Any]]:
    """Each question single client and 8 clients: median and p99 ms, errors, and the hubs the answer capped."""
    rng = random.Random(seed)
    host, port = "127.0.0.1", int(base.rsplit(":", 1)[1])
    pairs = [rng.sample(ids, 2) for _ in range(200)]
    turn = {"pair": 0, "id": 0}

    def paths() -> str:
        a, b = pairs[turn["pair"] % len(pairs)]
        turn["pair"] += 1
        return f"{API}/paths?" + urlencode({"source": a, "target": b, "max_len": 4})

    def lookup() -> str:
        turn["id"] += 1
        return f"{API}/entities/{quote(ids[(turn['id'] * 7919) % len(ids)], safe='')}"

    asks: list[tuple[str, Callable[[], str]]] = [
        ("firms touching lithium, country=Korea", lambda: f"{API}/questions/firms-touching-mineral?"
         "mineral=mineral:lithium&country=country:korea"),
        ("neighbourhood of a hub, depth 2", lambda: f"{API}/entities/country:kazakhstan/neighbourhood?depth=2"),
        ("neighbourhood of a hub, depth 3", lambda: f"{API}/entities/country:kazakhstan/neighbourhood?depth=3"),
        ("paths between random pairs, max_len 4", paths),
        ('prefix search "kor"', lambda: f"{API}/entities?q=kor&mode=prefix"),
        ("entity lookup", lookup),
    ]
    out = []
    for label, target in asks:
        row: dict[Any, Any] = {"question": label}
        probe = RawHTTP(host, port)
        status, body = await probe.get(target())
        for _ in range(warmup):  # untimed: the store's JIT compiles over the first tens of reads of a question
            await probe.get(target())
        probe.close()
        if status == 200:
            answer = json.loads(body)
            if "capped" in answer:
                row["max_degree"] = answer.get("max_degree")
                row["capped"] = [f"{h['name']} ({h['degree']})" for h in answer["capped"]]
        for clients in (1, 8):
            conns = [RawHTTP(host, port) for _ in range(clients)]
            counts = {"errors": 0}
            call = _caller(list(conns), target, counts)
            n = requests if clients == 1 else requests * 2
            median, p99, rate, done = await measure(call, n, clients, seconds=30)
            row[clients] = {"median_ms": median, "p99_ms": p99, "req_s": rate, "n": done, "errors": counts["errors"]}
            for conn in conns:
                conn.close()
        out.append(row)
        print(f"    {label}: {row[1]['median_ms']:.1f} ms median single, {row[8]['median_ms']:.1f} ms at 8",
              file=sys.stderr)
    return out


def serve(data_dir: Path, size: int) -> tuple[subprocess.Popen[bytes], str]:
    """The API as `kg serve` runs it, attached to the store this process hosts, on the size's database, cache off."""
    port = free_port()
    env = {**os.environ, "KG_DATA_DIR": str(data_dir), "KG_NEO4J_DATABASE": database_name(size),
           "KG_LOG_LEVEL": "WARNING", "KG_HOST": "127.0.0.1", "KG_PORT": str(port), "KG_CACHE_ENTRIES": "0"}
    env.pop("KG_NEO4J_URI", None)
    code = ("import uvicorn; from api.app import create_app; from graph.settings import Settings; "
            "s = Settings(); uvicorn.run(create_app(s), host=s.host, port=s.port, log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env)
    return proc, f"http://127.0.0.1:{port}"


def measure_size(root: GraphStore, data_dir: Path, size: int, seed: int, requests: int,
                 probes: list[Extraction], exports: bool, asks: bool = True, warmup: int = 0) -> dict[str, Any]:
    store = root.using(database_name(size))
    info = json.loads(marker(data_dir, size, seed).read_text())
    ids = [str(r["id"]) for r in store.driver.execute_query(
        "MATCH (n:Entity) RETURN n.id AS id ORDER BY id", database_=store.database).records]
    result: dict[str, Any] = {**info}
    if not asks:
        probes = []
    print(f"  {database_name(size)}: writing {len(probes)} documents ...", file=sys.stderr)
    result["write_s"] = write_times(store, probes)
    if asks:
        proc, base = serve(data_dir, size)
        try:
            asyncio.run(wait_ready(base, proc))
            print(f"  {database_name(size)}: questions ...", file=sys.stderr)
            result["questions"] = asyncio.run(questions(base, ids, seed, requests, warmup))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    if exports:
        with tempfile.TemporaryDirectory(prefix="kg-scale-export-") as out:
            for fmt in ("json", "graphml"):
                print(f"  {database_name(size)}: kg export --format {fmt} ...", file=sys.stderr)
                result[f"export_{fmt}"] = export_run(data_dir, size, fmt, Path(out))
    return result


def report(results: dict[int, dict[str, Any]], empty_write: list[float]) -> str:
    sizes = sorted(results)
    head = "| | " + " | ".join(f"{s:,}" for s in sizes) + " |"
    lines = ["graphs: " + "; ".join(f"{s:,}: {r['entities']:,} entities, {r['facts']:,} facts, {r['documents']:,} "
                                     f"documents (built in {r['build_seconds']:.0f} s)" for s, r in results.items()),
             "", head.replace("| |", "| single client, median (p99) |", 1), "|---" * (len(sizes) + 1) + "|"]
    questions_ = [q["question"] for q in results[sizes[0]]["questions"]]

    def cell(r: dict[str, Any], q: str, clients: int) -> str:
        row = next(x for x in r["questions"] if x["question"] == q)
        m = row[clients]
        text = f"{m['median_ms']:.1f} ms ({m['p99_ms']:.1f})"
        if m["errors"]:
            text += f", {m['errors']} errors"
        if clients == 1 and row.get("capped"):
            text += f"; cap {row['max_degree']}: {len(row['capped'])} hubs not expanded"
        return text

    for clients in (1, 8):
        if clients == 8:
            lines += ["", head.replace("| |", "| 8 clients, median (p99) |", 1), "|---" * (len(sizes) + 1) + "|"]
        for q in questions_:
            lines.append(f"| {q} | " + " | ".join(cell(results[s], q, clients) for s in sizes) + " |")
    lines.append("")
    empty = statistics.median(empty_write)
    lines.append(f"writing one document (median of {PROBES}; empty graph {empty * 1000:.0f} ms): " + ", ".join(
        f"{s:,}: {statistics.median(results[s]['write_s']) * 1000:.0f} ms "
        f"({statistics.median(results[s]['write_s']) / empty:.2f}x)" for s in sizes))
    for fmt in ("json", "graphml"):
        bits = []
        for s in sizes:
            e = results[s].get(f"export_{fmt}")
            if e:
                bits.append(f"{s:,}: {'ok' if e['ok'] else 'FAILED'} {e['seconds']:.1f} s, {e['file_mb']:.0f} MB file, "
                            f"exporter peak {e['exporter_mb']:.0f} MB, store process peak {e['store_mb']:.0f} MB")
        if bits:
            lines.append(f"kg export --format {fmt}: " + "; ".join(bits))
    caps = {q["question"]: q.get("capped") for s in sizes for q in results[s]["questions"] if q.get("capped")}
    for q, capped in caps.items():
        lines.append(f"capped at {sizes[-1]:,}, {q}: {', '.join(capped[:6])}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--data-dir", type=Path, default=None, help="keep the graphs here (default: temporary)")
    parser.add_argument("--requests", type=int, default=40, help="requests per question, single client (x2 at 8)")
    parser.add_argument("--warmup", type=int, default=0, help="untimed requests of each question before its "
                        "measures (0, as before: the first measures then include the store's JIT compiling)")
    parser.add_argument("--no-export", action="store_true", help="skip the exports")
    parser.add_argument("--no-questions", action="store_true", help="skip the questions and writes")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        data_dir = args.data_dir or Path(tmp)
        data_dir.mkdir(parents=True, exist_ok=True)
        settings = Settings(neo4j_uri=None, data_dir=data_dir, log_level="WARNING")
        with GraphStore(settings) as root:
            print("checking that batched writes give the loader's graph ...", file=sys.stderr)
            check_shape(root, args.seed)
            for size in args.sizes:
                build(root, data_dir, size, args.seed)
            if args.build_only:
                return 0
            probes = probe_documents(args.seed)
            empty_name = f"scale0_{uuid.uuid4().hex[:8]}"
            empty = root.using(empty_name)
            empty.ensure_database(empty_name)
            empty_write = write_times(empty, probes)
            if root.embedded is not None:
                root.embedded.drop_database(empty_name)
            results = {size: measure_size(root, data_dir, size, args.seed, args.requests, probes,
                                          not args.no_export, not args.no_questions, args.warmup)
                       for size in args.sizes}
        if args.json:
            args.json.write_text(json.dumps({"empty_write_s": empty_write, "sizes": results}, indent=1, default=str))
        if not args.no_questions:
            print(report(results, empty_write))
        else:
            print(json.dumps({size: {k: v for k, v in r.items() if k.startswith("export")}
                              for size, r in results.items()}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
