"""Embedded store floor: cold start time and the round trip of a trivial query through the official driver.

Run: .venv/bin/python bench/bench_store.py [--rounds 2000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.settings import Settings  # noqa: E402
from graph.store import GraphStore  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(neo4j_uri=None, data_dir=Path(tmp), log_level="WARNING")
        t0 = time.perf_counter()
        store = GraphStore(settings).open()
        cold = time.perf_counter() - t0
        try:
            for _ in range(100):  # warm the connection pool and the JIT
                store.run("ping")
            samples = []
            for _ in range(args.rounds):
                t = time.perf_counter()
                store.run("ping")
                samples.append((time.perf_counter() - t) * 1000)
            samples.sort()
        finally:
            store.close()
        restart_t0 = time.perf_counter()
        GraphStore(settings).open().close()
        warm = time.perf_counter() - restart_t0
    print(f"cold start (JVM + server + schema): {cold:8.2f} s")
    print(f"restart on existing data (same process, JVM up): {warm:8.2f} s")
    print(f"trivial query round trip over Bolt, {args.rounds} rounds:")
    print(f"  median {statistics.median(samples):.3f} ms   p99 {samples[int(len(samples) * 0.99)]:.3f} ms"
          f"   mean {statistics.fmean(samples):.3f} ms")


if __name__ == "__main__":
    main()
