"""Loader throughput on seeds/ (or given paths): documents/s and tokens/s, model load excluded, and how the
time splits between reading, extraction and writing, beside the bare spaCy pipeline on the same text.

Run: .venv/bin/python bench/bench_loader.py [--repeat 5] [PATH ...]
Targets: writing under 15% of the total; the whole pipeline within 1.5x of bare spaCy.

Measured in rounds: each round runs, back to back on the same texts, the bare English pipeline (`nlp(text)`
per document), extraction alone (spaCy with our ruler and rules, no store), and the whole loader (new copies of
the files, each with a line of its own so it is not an exact copy: every document is written, and the near-copy
search of graph/dedup.py finds the earlier rounds' copies, its worst case). Pairing the three inside each round
keeps the machine's drift (this one's speed varies by a third from minute to minute) out of the ratios.

Writing runs on a background thread one document behind extraction (graph/loader.py), so two figures are given
for it: its own busy time, and the time extraction had to wait for it, which is what writing adds to the wall
clock.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy  # noqa: E402

from graph.documents import read_document  # noqa: E402
from graph.extract import MODEL_NAME, Extractor  # noqa: E402
from graph.loader import Loader, LoadReport, iter_document_paths  # noqa: E402
from graph.settings import Settings  # noqa: E402
from graph.store import GraphStore  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", default=["seeds"])
    parser.add_argument("--repeat", type=int, default=5, help="rounds; each loads the set again, as new documents")
    args = parser.parse_args()
    files = iter_document_paths([Path(p) for p in args.paths])
    docs = [read_document(f) for f in files]

    t0 = time.perf_counter()
    extractor = Extractor()
    model_load = time.perf_counter() - t0
    nlp = spacy.load(MODEL_NAME)  # the bare English pipeline, as shipped
    texts = [d.text for d in docs]
    list(nlp.pipe(texts))  # warm-up

    bare: list[float] = []
    alone: list[float] = []
    walls: list[float] = []
    report = LoadReport()
    with tempfile.TemporaryDirectory() as tmp:
        # As `kg load` runs it: the JVM compiles with C1 only (graph/embedded.py, JIT_FLAGS).
        store = GraphStore(Settings(neo4j_uri=None, data_dir=Path(tmp), log_level="WARNING",
                                    embedded_jit="quick")).open()
        try:
            loader = Loader(store, extractor)
            # Warm the store's JIT with one pass that is not measured, as a long-running loader would be.
            loader.load_paths(files)
            for i in range(args.repeat):
                t = time.perf_counter()
                for text in texts:
                    nlp(text)
                bare.append(time.perf_counter() - t)
                t = time.perf_counter()
                for doc in docs:
                    extractor.extract(doc)
                alone.append(time.perf_counter() - t)
                copies = Path(tmp) / f"copy{i}"
                copies.mkdir()
                for f in files:
                    # a line of its own per round: an unchanged text under a new name would be an exact copy
                    # (graph/dedup.py) and not written; with it, each copy is a near copy of the earlier rounds'
                    (copies / f"{f.stem}-{i}{f.suffix}").write_bytes(f.read_bytes() + f"\n\nRound {i}.\n".encode())
                r = loader.load_paths([copies])
                walls.append(r.seconds_wall)
                report.results += r.results
                report.seconds_read += r.seconds_read
                report.seconds_extract += r.seconds_extract
                report.seconds_write += r.seconds_write
                report.seconds_write_wait += r.seconds_write_wait
                report.seconds_copies += r.seconds_copies
                report.seconds_wall += r.seconds_wall
                report.tokens += r.tokens
        finally:
            store.close()

    n_docs = report.count("loaded")
    wall = report.seconds_wall
    busy = report.seconds_read + report.seconds_extract + report.seconds_write
    print(f"documents: {n_docs} ({len(docs)} files x {args.repeat} rounds), tokens (whitespace): {report.tokens}")
    print(f"model load (excluded): {model_load:.2f} s")
    print(f"{'stage (busy time)':<28}{'seconds':>9}{'share':>9}")
    for name, secs in [("read", report.seconds_read), ("extract (spaCy + rules)", report.seconds_extract),
                       ("write (background thread)", report.seconds_write)]:
        print(f"{name:<28}{secs:>9.3f}{secs / busy:>9.1%}")
    print(f"wall clock: {wall:.3f} s; extraction waited {report.seconds_write_wait:.3f} s for writes: writing adds "
          f"{report.seconds_write_wait / wall:.1%} of the wall clock (target < 15%)")
    print(f"throughput: {n_docs / wall:.1f} documents/s, {report.tokens / wall:.0f} tokens/s")
    print(f"looking for copies (graph/dedup.py, before extraction): {report.seconds_copies:.3f} s = "
          f"{1000 * report.seconds_copies / max(n_docs, 1):.1f} ms/document, {report.seconds_copies / wall:.1%} of the "
          f"wall clock ({sum(1 for r in report.results if r.near_copies)} near copies found)")
    per_round = [w / b for w, b in zip(walls, bare, strict=True)]
    print(f"bare spaCy nlp() on the same text: {sum(bare):.3f} s; extraction alone (no store): {sum(alone):.3f} s "
          f"= {sum(alone) / sum(bare):.2f}x bare")
    print(f"whole pipeline / bare spaCy: {wall / sum(bare):.2f}x over all rounds; per round median "
          f"{statistics.median(per_round):.2f}x, range {min(per_round):.2f}-{max(per_round):.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
