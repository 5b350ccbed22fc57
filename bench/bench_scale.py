"""Scale benchmark: the questions, writes and exports at 1k, 10k and 100k entities.

Builds one graph per size through the loader's own writer (bench/synthetic.py: a seeded synthetic corpus of
extracted documents, about 20 facts each, hubs by preferential attachment; written in batches of documents with the
loader's named queries, after checking on a small corpus that batches give exactly the graph one document per
transaction gives). Each size is a database of its own in one data directory, so `--data-dir` keeps them for the
next run (a marker file says which are complete).

Then, per size, with the API served as `kg serve` serves it (uvicorn in a subprocess owning the store, the response
cache off) and HTTP clients on the same two cores:
  - the questions, single client and 8 clients, median and p99: the lithium question (firms of Korea touching
    lithium), the neighbourhood of a hub at depth 2 and 3, paths between random pairs (max_len 4), prefix search
    "kor", entity lookup;
  - writing one document, through the loader's writer, attached to the server's store as `kg load` would be: the
    same probe documents at every size (each deleted again afterwards, so the graph stays as built);
  - `kg export --format json` and `--format graphml` as subprocesses: time and peak memory of the exporter and of
    the server meanwhile.

    .venv/bin/python bench/bench_scale.py [--sizes 1000 10000 100000] [--data-dir DIR] [--requests 60]

Generation is seeded (`--seed`); the smaller graphs are the first documents of the larger ones' corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import Corpus, check_same_shape, write_batch  # noqa: E402
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
    """Batched writes give the graph the loader's one-document transactions give (bench/synthetic.py)."""
    views = []
    for name in ("shape_one", "shape_batch"):
        if root.embedded is not None:
            root.embedded.drop_database(name)
        view = root.using(name)
        view.ensure_database(name)
        views.append(view)
    check_same_shape(views[0], views[1], list(Corpus(300, seed=seed)))
    for name in ("shape_one", "shape_batch"):
        if root.embedded is not None:
            root.embedded.drop_database(name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--data-dir", type=Path, default=None, help="keep the graphs here (default: temporary)")
    parser.add_argument("--build-only", action="store_true")
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
