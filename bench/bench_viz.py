"""Time the views in headless Chromium: first render and settled layout for synthetic graphs.

For 150, 500 and 2,000 nodes (about 1.5 edges per node, several types) it measures, per view, with the views'
layout (kg-view.js: parallel facts merged into one line, same-type groups as clusters, labels placed by the page;
force-directed up to 300 nodes, laid out on the server above):
- server: building the page in Python (pyvis records, server-side layout above the threshold, HTML);
- first render: from navigation start to vis-network's first `afterDrawing`;
- settled: from navigation start to the layout being settled (vis `stabilized`; with a server layout,
  physics is off and the first drawing is already the settled one);
- drawn: the nodes drawn once groups are clusters, and the labels drawn at the initial fit.

Run: .venv/bin/python bench/bench_viz.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph import schema  # noqa: E402
from graph.results import EvidenceOut, GraphEdge, GraphNode, Subgraph  # noqa: E402
from viz.render import SERVER_LAYOUT_FROM, ViewContext, render_page  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = (150, 500, 2000)


def synthetic(n: int, seed: int = 7) -> Subgraph:
    """A connected, clustered graph: a hub, community hubs, and members linked within and across."""
    rng = random.Random(seed)
    types = list(schema.ENTITY_LABELS)
    nodes = [GraphNode(id=f"n{i}", type=types[i % len(types)], name=f"Entity {i}") for i in range(n)]
    edges: dict[str, GraphEdge] = {}
    rels = list(schema.RELATION_NAMES)

    def link(a: int, b: int) -> None:
        rel = rels[(a * 7 + b) % len(rels)]
        eid = f"n{a}|{rel}|n{b}"
        if a != b and eid not in edges:
            edges[eid] = GraphEdge(id=eid, source=f"n{a}", target=f"n{b}", type=rel,
                                   evidence=[EvidenceOut(doc_id="bench", sentence=f"Entity {a} and {b}.")])

    hubs = max(1, n // 25)
    for h in range(1, hubs + 1):
        link(0, h)
    for i in range(hubs + 1, n):
        link(rng.randint(1, hubs) if hubs else 0, i)
    for _ in range(n // 2):
        a = rng.randrange(n)
        b = rng.randrange(max(0, a - 30), min(n, a + 30))
        link(a, b)
    return Subgraph(nodes=nodes, edges=list(edges.values()))


def measure(page, path: Path) -> tuple[float, float, int, int]:  # type: ignore[no-untyped-def]
    page.goto(path.as_uri())
    page.wait_for_function("window.kgView && kgView.timings().stabilized !== null", timeout=180_000)
    page.wait_for_timeout(50)
    t = page.evaluate("kgView.timings()")
    drawn, labels = page.evaluate("[kgView.nodes.length, kgView.labels().length]")
    # vis may settle before its first drawing (stabilization runs hidden): settled means on screen.
    return float(t["firstDraw"]), max(float(t["firstDraw"]), float(t["stabilized"])), int(drawn), int(labels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in SIZES:
            sub = synthetic(n)
            t0 = time.perf_counter()
            html = render_page(sub, ViewContext("entity", f"bench {n}", {}), assets="inline", focus=["n0"])
            server_ms = (time.perf_counter() - t0) * 1000
            path = Path(tmp) / f"bench_{n}.html"
            path.write_text(html, encoding="utf-8")
            firsts, settles = [], []
            drawn = labels = 0
            for _ in range(args.repeat):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                first, settled, drawn, labels = measure(page, path)
                firsts.append(first)
                settles.append(settled)
                page.close()
            rows.append((n, len(sub.edges), "server" if n > SERVER_LAYOUT_FROM else "browser physics",
                         server_ms, statistics.median(firsts), statistics.median(settles), drawn, labels))
        browser.close()

    header = (f"{'nodes':>6} {'edges':>6}  {'layout':<16} {'server ms':>10} {'first render ms':>16} "
              f"{'settled ms':>11} {'drawn':>6} {'labels':>6}")
    print(header)  # noqa: T201 - a benchmark prints its table
    print("-" * len(header))  # noqa: T201
    for n, e, layout, server_ms, first, settled, drawn, labels in rows:
        print(f"{n:>6} {e:>6}  {layout:<16} {server_ms:>10.0f} {first:>16.0f} {settled:>11.0f} "  # noqa: T201
              f"{drawn:>6} {labels:>6}")
    print(f"(median of {args.repeat} page loads; times from navigation start; {CHROMIUM})")  # noqa: T201


if __name__ == "__main__":
    main()
