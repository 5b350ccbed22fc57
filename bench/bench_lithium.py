"""The lithium question side by side: this code against a checkout of the code before, in one run.

The scale benchmark's graphs drift with the machine (two cores, shared), so comparing two runs of bench_scale.py
compares two loads as much as two codes. This serves the API twice, as bench_scale.py serves it (uvicorn
subprocesses attached to the store this process hosts, the response cache off), once from this checkout and once
from `--before` (a git worktree of the commit to compare with), on the same graph, and asks "firms of Korea
touching lithium" of each in turn, single client; it prints each side's median and p99, the CPU time each request
took in the API's process and in the process hosting the store (this one; its other threads idle meanwhile), which
the load of other programs on the two cores moves less than it moves the medians, the load average before and
after, and whether the two answers are the same (byte for byte, after a first request to each).

    .venv/bin/python bench/bench_lithium.py --data-dir /tmp/kg-scale-copy --size 100000 --before ../wt-base
        [--requests 30] [--question 'mineral=mineral:lithium&country=country:korea']

Give it a copy of a data directory bench_scale.py built (`--data-dir` there): the graph is only read.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_api import API, RawHTTP, free_port, percentile, wait_ready  # noqa: E402
from bench.bench_scale import database_name  # noqa: E402
from graph.settings import Settings  # noqa: E402
from graph.store import GraphStore  # noqa: E402


def serve(code_dir: Path, data_dir: Path, size: int) -> tuple[subprocess.Popen[bytes], str]:
    """The API from the checkout `code_dir`, as bench_scale.serve runs it."""
    port = free_port()
    env = {**os.environ, "KG_DATA_DIR": str(data_dir), "KG_NEO4J_DATABASE": database_name(size),
           "KG_LOG_LEVEL": "WARNING", "KG_HOST": "127.0.0.1", "KG_PORT": str(port), "KG_CACHE_ENTRIES": "0",
           "PYTHONPATH": str(code_dir)}
    env.pop("KG_NEO4J_URI", None)
    code = ("import uvicorn; from api.app import create_app; from graph.settings import Settings; "
            "s = Settings(); uvicorn.run(create_app(s), host=s.host, port=s.port, log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=code_dir, env=env)
    return proc, f"http://127.0.0.1:{port}"


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def compare(sides: dict[str, str], pids: dict[str, int], target: str, requests: int, warmup: int
                  ) -> tuple[dict[str, list[float]], dict[str, tuple[float, float]]]:
    conns = {name: RawHTTP("127.0.0.1", int(base.rsplit(":", 1)[1])) for name, base in sides.items()}
    bodies = {}
    for _ in range(max(warmup, 1)):  # untimed, alternating; the answers compared
        for name, conn in conns.items():
            status, body = await conn.get(target)
            bodies[name] = (status, body)
    names = list(sides)
    same = all(bodies[n] == bodies[names[0]] for n in names)
    print(f"  answers: {', '.join(f'{n} {bodies[n][0]} ({len(bodies[n][1]):,} bytes)' for n in names)}; "
          f"{'the same' if same else 'DIFFERENT'}")
    times: dict[str, list[float]] = {n: [] for n in names}
    api_cpu = {n: 0.0 for n in names}
    store_cpu = {n: 0.0 for n in names}
    loop = asyncio.get_running_loop()
    for i in range(requests):
        for name in (names if i % 2 == 0 else names[::-1]):  # alternating, each first in turn
            a0, s0, t0 = cpu_seconds(pids[name]), time.process_time(), loop.time()
            status, _ = await conns[name].get(target)
            times[name].append((loop.time() - t0) * 1000 if status == 200 else float("nan"))
            api_cpu[name] += cpu_seconds(pids[name]) - a0
            store_cpu[name] += time.process_time() - s0
    for conn in conns.values():
        conn.close()
    return times, {n: (api_cpu[n] * 1000 / requests, store_cpu[n] * 1000 / requests) for n in names}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--size", type=int, default=100000)
    parser.add_argument("--before", type=Path, required=True, help="a checkout of the code to compare with")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3,
                        help="untimed requests to each side first (the store's JIT compiles for the first ~50)")
    parser.add_argument("--question", default="mineral=mineral:lithium&country=country:korea")
    args = parser.parse_args()
    settings = Settings(neo4j_uri=None, data_dir=args.data_dir, log_level="WARNING")
    with GraphStore(settings):
        procs = {"this": serve(ROOT, args.data_dir, args.size), "before": serve(args.before.resolve(),
                                                                                args.data_dir, args.size)}
        try:
            for proc, base in procs.values():
                asyncio.run(wait_ready(base, proc))
            load_before = os.getloadavg()
            times, cpu = asyncio.run(compare({n: base for n, (_, base) in procs.items()},
                                             {n: proc.pid for n, (proc, _) in procs.items()},
                                             f"{API}/questions/firms-touching-mineral?{args.question}", args.requests,
                                             args.warmup))
            load_after = os.getloadavg()
        finally:
            for proc, _ in procs.values():
                proc.terminate()
                proc.wait(timeout=30)
    print(f"{args.size:,} entities, {args.question}, single client, {args.requests} requests each after "
          f"{args.warmup} untimed, alternating; "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after")
    for name, values in times.items():
        print(f"  {name:6s} median {statistics.median(values):6.0f} ms, p99 {percentile(values, 0.99):6.0f} ms, "
              f"best {min(values):6.0f} ms; CPU per request: API process {cpu[name][0]:5.0f} ms, process hosting "
              f"the store {cpu[name][1]:5.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
