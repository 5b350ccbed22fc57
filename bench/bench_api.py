"""API benchmark: what HTTP + FastAPI + models add on top of the driver.

Starts the API as `kg serve` would (uvicorn in a subprocess on 127.0.0.1, a free port, KG_DATA_DIR a temporary
directory that owns the embedded store), loads seeds/ through the store if it is empty, then for each
operation measures, with concurrent clients and bounded request counts and time, twice: once with the response
cache off (KG_CACHE_ENTRIES=0: every request runs its queries) and once with it on (the default):
  - the API over HTTP (loopback only, one keep-alive connection per client; a minimal HTTP/1.1 client, because
    httpx spends about 2.5 ms of CPU per request, on the same two cores as the server: with it a route that
    touches nothing measured 373 req/s at 8 clients, with this client 3,600),
  - the same Cypher, in the same order and concurrency as graph/service.py issues it, through the bare async
    driver against the same server.
Entity lookups cycle through every entity id, so with the cache on the first pass misses and later ones hit.
Prints median and p99 latency and requests/second for each, and the median the API adds.

    .venv/bin/python bench/bench_api.py [--requests 400] [--concurrency 8] [--seconds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.settings import Settings  # noqa: E402
from graph.store import GraphStore  # noqa: E402

API = "/api/v1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RawHTTP:
    """A minimal HTTP/1.1 keep-alive GET client for one connection: the least client work per request."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> tuple[int, bytes]:
        try:
            return await self._get(target)
        except (asyncio.IncompleteReadError, ConnectionError):  # the server closed an idle keep-alive connection
            self.close()
            return await self._get(target)

    async def _get(self, target: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None and self.writer is not None
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            key, _, value = line.partition(b":")
            if key.strip().lower() == b"content-length":
                length = int(value)
        return int(head[9:12]), await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def measure(call: Callable[[], Awaitable[None]], requests: int, concurrency: int, seconds: float
                  ) -> tuple[float, float, float, int]:
    """(median ms, p99 ms, requests/s, requests done) for `requests` calls by `concurrency` workers."""
    for _ in range(min(20, requests)):  # warm-up: connections, caches, JIT
        await call()
    latencies: list[float] = []
    remaining = requests
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0 and time.perf_counter() < deadline:
            remaining -= 1
            t0 = time.perf_counter()
            await call()
            latencies.append((time.perf_counter() - t0) * 1000)

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - t0
    return statistics.median(latencies), percentile(latencies, 0.99), len(latencies) / wall, len(latencies)


def start_server(data_dir: Path, port: int, cache: bool) -> subprocess.Popen[bytes]:
    env = {**os.environ, "KG_DATA_DIR": str(data_dir), "KG_LOG_LEVEL": "WARNING", "KG_HOST": "127.0.0.1",
           "KG_PORT": str(port), "KG_CACHE_ENTRIES": "4096" if cache else "0"}
    env.pop("KG_NEO4J_URI", None)
    code = ("import uvicorn; from api.app import create_app; from graph.settings import Settings; "
            "s = Settings(); uvicorn.run(create_app(s), host=s.host, port=s.port, log_level='warning')")
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env)


async def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient(base_url=base) as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"server exited with {proc.returncode}")
            try:
                if (await client.get(f"{API}/ready")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.3)
    raise SystemExit("server did not become ready")


Stats = tuple[float, float, float, int]


async def run(args: argparse.Namespace, store: GraphStore, base: str, with_driver: bool
              ) -> list[tuple[str, Stats, Stats | None]]:
    driver = store.async_driver
    db = store.database
    from graph import queries

    def cypher(name: str, **params: object) -> Awaitable[object]:
        return driver.execute_query(queries.get(name).text, params, database_=db,
                                    routing_=__import__("neo4j").RoutingControl.READ)

    ids = sorted({r["n"]["id"] for r in store.run("export_nodes") if "Entity" in r["labels"]})
    turn = {"api": 0, "driver": 0}

    def next_id(side: str) -> str:
        turn[side] += 1
        return ids[turn[side] % len(ids)]

    # The same queries graph/service.py runs for each operation, in the same order and concurrency.
    async def drv_entity() -> None:
        await cypher("entity_detail", id=next_id("driver"), limit=50)

    async def drv_search() -> None:
        prefix = await cypher("search_entities_prefix", prefix="kor", node_types=[], offset=0, limit=21)
        if len(prefix.records) < 21:  # type: ignore[attr-defined]
            await cypher("search_entities_fulltext", index=store.dialect.fulltext_index, query="kor*",
                         node_types=[], offset=0, limit=21)

    async def drv_neighbourhood() -> None:
        await asyncio.gather(cypher("entity_by_id", id="org:kigam"),
                             cypher("neighbourhood_2", id="org:kigam", rel_types=[], node_types=[],
                                    after_distance=-1, after_edge="", limit=101, min_confidence=0.0, as_of=None))

    async def drv_path() -> None:
        await asyncio.gather(cypher("entity_by_id", id="firm:doosan-enerbility"),
                             cypher("entity_by_id", id="country:kazakhstan"))
        await cypher("shortest_paths", source="firm:doosan-enerbility", target="country:kazakhstan",
                     max_len=4, after="", limit=11, min_confidence=0.0, as_of=None)

    async def drv_lithium() -> None:
        await cypher("resolve_entity", ref="lithium", node_types=["Mineral"])
        await cypher("entity_by_id", id="mineral:lithium")
        await cypher("resolve_entity", ref="Korea", node_types=["Country"])
        await cypher("entity_by_id", id="country:south-korea")
        await cypher("firms_touching_mineral", mineral="mineral:lithium", country="country:south-korea",
                     max_hops=2, after_hops=-1, after_firm="", paths_per_firm=20, limit=51, min_confidence=0.0,
                     as_of=None)

    host, port = base.removeprefix("http://").split(":")
    idle: list[RawHTTP] = []  # one connection per concurrent client, reused (keep-alive)
    try:
        def api(path: str | Callable[[], str], **params: str | int) -> Callable[[], Awaitable[None]]:
            async def call() -> None:
                where = path() if callable(path) else path
                target = f"{where}?{urlencode(params)}" if params else where
                conn = idle.pop() if idle else RawHTTP(host, int(port))
                status, body = await conn.get(target)
                idle.append(conn)
                if status != 200:
                    raise SystemExit(f"{target}: {status} {body[:200]!r}")
            return call

        ops: list[tuple[str, Callable[[], Awaitable[None]], Callable[[], Awaitable[None]]]] = [
            ("entity lookup", api(lambda: f"{API}/entities/{quote(next_id('api'))}"), drv_entity),
            ("search 'kor'", api(f"{API}/entities", q="kor"), drv_search),
            ("neighbourhood d=2", api(f"{API}/entities/org:kigam/neighbourhood", depth=2), drv_neighbourhood),
            ("shortest path", api(f"{API}/paths", source="firm:doosan-enerbility", target="country:kazakhstan"),
             drv_path),
            ("lithium question", api(f"{API}/questions/firms-touching-mineral", mineral="lithium",
                                     country="Korea"), drv_lithium),
        ]
        results = []
        for name, api_call, drv_call in ops:
            a = await measure(api_call, args.requests, args.concurrency, args.seconds)
            d = await measure(drv_call, args.requests, args.concurrency, args.seconds) if with_driver else None
            results.append((name, a, d))
    finally:
        for conn in idle:
            conn.close()
    await store.aclose()
    return results


def print_table(off: list[tuple[str, Stats, Stats | None]], on: list[tuple[str, Stats, Stats | None]],
                args: argparse.Namespace) -> None:
    print(f"\nconcurrency {args.concurrency}, up to {args.requests} requests or {args.seconds:.0f}s per row; "
          f"{os.cpu_count()} CPUs; server, JVM and clients share them\n")
    header = (f"{'operation':<18} │ {'driver p50':>10} {'p99':>8} {'req/s':>6} │ {'API, cache off p50':>18} "
              f"{'p99':>8} {'req/s':>6} {'adds':>8} │ {'API, cache on p50':>17} {'p99':>7} {'req/s':>6} {'adds':>8}")
    print(header)
    print("─" * len(header))
    for (name, a_off, d), (_, a_on, _) in zip(off, on, strict=True):
        assert d is not None
        print(f"{name:<18} │ {d[0]:>8.2f}ms {d[1]:>6.1f}ms {d[2]:>6.0f} │ {a_off[0]:>16.2f}ms {a_off[1]:>6.1f}ms "
              f"{a_off[2]:>6.0f} {a_off[0] - d[0]:>+6.1f}ms │ {a_on[0]:>15.2f}ms {a_on[1]:>5.1f}ms {a_on[2]:>6.0f} "
              f"{a_on[0] - d[0]:>+6.1f}ms")


def bench_server(args: argparse.Namespace, data_dir: Path, cache: bool) -> list[tuple[str, Stats, Stats | None]]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(data_dir, port, cache)
    try:
        asyncio.run(wait_ready(base, server))
        # The server owns the embedded store; this process attaches to it over Bolt.
        store = GraphStore(Settings(data_dir=data_dir, log_level="WARNING", neo4j_uri=None)).open()
        try:
            if not any(r["label"] == "Document" for r in store.run("graph_counts_by_label")):
                from graph.loader import Loader

                print("loading seeds/ ...", file=sys.stderr)
                report = Loader(store).load_paths([ROOT / "seeds"])
                print(f"loaded {report.count('loaded')} documents", file=sys.stderr)
            print(f"measuring with the cache {'on' if cache else 'off'} ...", file=sys.stderr)
            return asyncio.run(run(args, store, base, with_driver=not cache))
        finally:
            store.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000, help="requests per operation and side (max 20000)")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent clients (max 64)")
    parser.add_argument("--seconds", type=float, default=10, help="time budget per measurement (max 120)")
    parser.add_argument("--data-dir", type=Path, default=None, help="reuse a data directory (default: temporary)")
    args = parser.parse_args()
    args.requests = max(1, min(args.requests, 20000))
    args.concurrency = max(1, min(args.concurrency, 64))
    args.seconds = max(1.0, min(args.seconds, 120.0))

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        data_dir = args.data_dir or Path(tmp)
        off = bench_server(args, data_dir, cache=False)
        on = bench_server(args, data_dir, cache=True)
    print_table(off, on, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
