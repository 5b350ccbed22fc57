"""The `kg` command: load documents, evaluate extraction, export the graph, serve the API, write views."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.errors import GraphError
from graph.schema import ENTITY_LABELS, MENTIONED_IN
from graph.settings import Settings, get_settings

if TYPE_CHECKING:
    from graph.loader import LoadReport

console = Console(stderr=True)
log = logging.getLogger(__name__)
DEFAULT_SEEDS = Path("seeds")


def _terminate(signum: int, frame: FrameType | None) -> None:
    # Turn SIGTERM into an exception so `finally` blocks stop the embedded store cleanly.
    raise SystemExit(128 + signum)


def _setup(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level, format="%(message)s",
                        handlers=[RichHandler(console=console, show_path=False)])
    signal.signal(signal.SIGTERM, _terminate)


def cmd_load(args: argparse.Namespace, settings: Settings) -> int:
    from graph.documents import DocumentError
    from graph.fetch import Fetcher, is_url
    from graph.loader import DocumentResult, Loader, Source, WebSource, iter_document_paths
    from graph.store import GraphStore

    given = args.paths or ([] if args.feed else [str(DEFAULT_SEEDS)])
    paths = [Path(p) for p in given if not is_url(p)]
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        console.print(f"[red]no such file or directory:[/] {p}")
    sources: list[Source] = [*iter_document_paths([p for p in paths if p.exists()]),
                             *(WebSource(u) for u in given if is_url(u))]
    if "embedded_jit" not in settings.model_fields_set:  # a batch load: see graph/embedded.py JIT_FLAGS
        settings = settings.model_copy(update={"embedded_jit": "quick"})
    feed_failures: list[DocumentResult] = []
    # Attached to another process's store, a load takes the store over when its owner stops cleanly, not after a
    # crash: then it stops within KG_STORE_RETRY_SECONDS + KG_STORE_WAIT_SECONDS, table printed (README).
    with GraphStore(settings, take_over="after_clean_stop") as store, Fetcher(settings) as fetcher:
        loader = Loader(store)
        for feed in args.feed or []:
            try:
                sources += loader.feed_sources(feed, fetcher)
            except DocumentError as e:  # the feed itself: reported, the rest of the batch goes on
                feed_failures.append(DocumentResult(feed, None, "skipped", str(e)))
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task("loading", total=len(sources))
            report = loader.load(sources, on_progress=lambda r: progress.advance(task), fetcher=fetcher)
        report.results[:0] = feed_failures
        labels: dict[str, int] | None = None
        types: dict[str, int] | None = None
        if report.store_error is None:
            try:
                labels = {r["label"]: r["count"] for r in store.run("graph_counts_by_label")}
                types = {r["type"]: r["count"] for r in store.run("graph_counts_by_type")}
            except GraphError as e:
                log.warning("could not count the graph: %s", e)
    _load_table(report, labels, types, missing)
    total = len(sources) + len(feed_failures)
    if report.store_error is not None:
        console.print(f"[red]kg load stopped:[/] {report.store_error}; {report.written} of {total} documents are in "
                      "the graph, run it again for the rest", highlight=False, soft_wrap=True)
        return 1
    if total and report.written == 0:
        reasons = Counter(r.reason or "" for r in report.skipped)
        console.print(f"[red]kg load wrote nothing:[/] {reasons.most_common(1)[0][0]}", highlight=False,
                      soft_wrap=True)
        return 1
    return 1 if missing else 0


def _load_table(report: LoadReport, labels: dict[str, int] | None, types: dict[str, int] | None,
                missing: list[Path]) -> None:
    """The closing table of `kg load` (the graph's own counts shown as '?' when the store could not say)."""
    def have(counts: dict[str, int] | None, key: str) -> str:
        return "?" if counts is None else str(counts.get(key, 0))

    table = Table(title="kg load")
    table.add_column("what")
    table.add_column("this run", justify="right")
    table.add_column("in the graph", justify="right")
    for status in ("loaded", "replaced", "unchanged", "skipped"):
        table.add_row(f"documents {status}", str(report.count(status)), "")
    table.add_row("documents", "", have(labels, "Document"), end_section=True)
    extracted: Counter[str] = Counter()
    for r in report.results:
        extracted["entities"] += r.entities
    table.add_row("entities", str(extracted["entities"]), have(labels, "Entity"))
    for label in ENTITY_LABELS:
        if labels and labels.get(label):
            table.add_row(f"  {label}", "", str(labels[label]))
    table.add_section()
    facts = report.facts_by_type
    table.add_row("relationships", str(sum(facts.values())),
                  "?" if types is None else str(sum(n for t, n in types.items() if t != MENTIONED_IN)))
    for rel_type in sorted(set(facts) | (set(types or {}) - {MENTIONED_IN})):
        table.add_row(f"  {rel_type}", str(facts.get(rel_type, 0)), have(types, rel_type))
    console.print(table)
    if report.skipped or missing:
        skipped = Table(title="skipped files and URLs")
        skipped.add_column("file or URL")
        skipped.add_column("why")
        for p in missing:
            skipped.add_row(str(p), "no such file or directory")
        for r in report.skipped:
            skipped.add_row(r.path, r.reason or "")
        console.print(skipped)
    copies = [r for r in report.results if r.near_copies or (r.reason or "").startswith("exact copy")]
    if copies:
        table = Table(title="copies (an exact copy is not stored again; near copies are linked)")
        table.add_column("file or URL")
        table.add_column("document")
        table.add_column("copy of")
        for r in copies:
            table.add_row(r.path, r.doc_id or "", r.reason or "")
        console.print(table)


def cmd_delete(args: argparse.Namespace, settings: Settings) -> int:
    from graph.loader import delete_document
    from graph.store import GraphStore

    code = 0
    with GraphStore(settings) as store:
        for doc_id in args.doc_ids:
            doc_id = doc_id if doc_id.startswith("doc:") else "doc:" + doc_id
            if delete_document(store, doc_id) is not None:
                console.print(f"deleted {doc_id} and the facts only it supported")
            else:
                console.print(f"[red]no document with id[/] {doc_id}")
                code = 1
        labels = {r["label"]: r["count"] for r in store.run("graph_counts_by_label")}
        types = {r["type"]: r["count"] for r in store.run("graph_counts_by_type")}
    console.print(f"the graph now has {labels.get('Document', 0)} documents, {labels.get('Entity', 0)} entities and "
                  f"{sum(n for t, n in types.items() if t != MENTIONED_IN)} relationships", highlight=False)
    return code


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from graph.check import check, repair
    from graph.store import GraphStore

    with GraphStore(settings) as store:
        found = check(store)
        table = Table(title=f"kg check: {found.facts} facts")
        table.add_column("what")
        table.add_column("facts", justify="right")
        table.add_column("found", justify="right")
        for what, facts, count in found.rows():
            table.add_row(what, str(facts), str(count))
        console.print(table)
        if found.clean:
            console.print("the graph is sound")
            return 0
        if not args.repair:
            console.print("[red]the graph needs repair:[/] run `kg check --repair` (safe beside loads)")
            return 1
        done = repair(store, found)
        after = check(store)
    console.print(f"repaired {done.facts} facts: {done.pieces_removed} pieces of evidence and "
                  f"{done.relationships_merged} extra relationships removed, {done.facts_removed} facts left without "
                  f"evidence deleted, {done.mention_links_removed} extra mention links removed; "
                  f"{len(done.documents)} documents recorded as replaced in the change feed", highlight=False)
    if not after.clean:
        console.print(f"[red]still damaged after the repair:[/] {', '.join(w for w, f, n in after.rows() if n)}")
        return 1
    console.print("the graph is sound")
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from graph.evaluate import MONEY_RELATIONS, evaluate

    parts = evaluate(Path(args.seeds), export=Path(args.export) if args.export else None)
    table = Table(title="extraction against gold (strict: both ends and the relation type; evidence from the "
                        "fact's own document)")
    for col in ("part", "docs", "precision", "recall", "recall*", "facts/doc", "dates", "amounts", "bars P, R"):
        table.add_column(col, justify="left" if col == "part" else "right")
    ok = True
    for p in parts:
        s = p.score
        met = s.precision >= p.floor[0] and s.recall >= p.floor[1]
        ok = ok and met
        table.add_row(
            p.part, str(s.documents), f"{s.precision:.3f} ({s.matched_extracted}/{s.extracted})",
            f"{s.recall:.3f} ({s.matched_gold}/{s.gold})", f"{s.recall_all:.3f}", f"{s.facts_per_document:.1f}",
            f"{s.date_right}/{s.dated}", f"{s.amount_right}/{s.with_amount}",
            f"{p.floor[0]:.2f}, {p.floor[1]:.2f} {'met' if met else 'NOT met'}")
    console.print(table)
    console.print("recall: of the shared reader's facts (gold.json); recall*: of every fact the readers found; "
                  "dates, amounts: matched facts whose date or amount agrees with the gold, of those the gold dates "
                  "or prices", highlight=False)
    # money and stakes on their own (issue #12): how many of the gold facts of each kind are found, and how many of
    # the facts made of each kind match one
    money = Table(title="money and stakes, by relation (strict, as above)")
    for col in ("part", "relation", "gold found", "extracted matching"):
        money.add_column(col, justify="left" if col in ("part", "relation") else "right")
    for p in parts:
        for rel, c in p.score.relation_figures(MONEY_RELATIONS).items():
            money.add_row(p.part, rel, f"{c['matched_gold']}/{c['gold']}",
                          f"{c['matched_extracted']}/{c['extracted']}")
    console.print(money)
    if args.json:
        Path(args.json).write_text(json.dumps({p.part: p.score.as_dict() for p in parts}, indent=1) + "\n",
                                   encoding="utf-8")
    if args.explain:
        for p in parts:
            if p.part == "blind" and not args.explain_blind:
                console.print("blind part: misses and false positives not shown (rules are not refined on it; "
                              "--explain-blind shows them)")
                continue
            _explain(p.part, p.score)
    return 0 if ok else 1


def _explain(part: str, s: Any) -> None:
    console.rule(f"{part}: false positives ({len(s.false_positives)})")
    for x in s.false_positives:
        console.print(f"[red]FP[/red] {x.doc}  {x.subject.id} {x.relation} {x.object.id}  [dim]rule {x.rule} "
                      f"({x.confidence:.2f})[/dim]\n    {x.sentence}", highlight=False, markup=True)
    console.rule(f"{part}: misses ({len(s.misses)})")
    for doc, g in s.misses:
        console.print(f"[yellow]MISS[/yellow] {doc}  {g['subject']} {g['relation']} {g['object']}\n    "
                      f"{g.get('evidence', '')}", highlight=False, markup=True)


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from graph import export
    from graph.store import GraphStore

    output = Path(args.output)
    if args.format == "csv":
        if output.exists() and not output.is_dir():
            console.print(f"[red]--output must name a directory for CSV (it gets nodes.csv and edges.csv):[/] {output}")
            return 2
        output.mkdir(parents=True, exist_ok=True)
    with GraphStore(settings) as store:
        if args.format == "json":
            export.write_json(store, output)
        elif args.format == "graphml":
            export.write_graphml(store, output)
        else:
            nodes, edges = export.write_csv(store, output / "nodes.csv", output / "edges.csv")
            console.print(f"wrote {output / 'nodes.csv'} ({nodes} nodes) and {output / 'edges.csv'} ({edges} rows: "
                          "one per edge and piece of evidence)")
            return 0
    console.print(f"wrote {output}")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from api.app import create_app

    host = args.host or settings.host
    asked = args.port is not None or "port" in settings.model_fields_set  # --port or KG_PORT
    port = args.port if args.port is not None else settings.port
    if asked and not _port_free(host, port):
        console.print(f"[red]port {port} on {host} is already in use[/] (another `kg serve`?): stop what uses it, or "
                      "ask for another with --port or KG_PORT")
        return 1
    if args.load_seeds:
        from graph.loader import Loader
        from graph.store import GraphStore

        try:
            with GraphStore(settings) as store:
                if not store.run("graph_counts_by_label"):
                    console.print("store is empty: loading seeds/")
                    Loader(store).load_paths([DEFAULT_SEEDS])
        except GraphError as e:  # the service still starts: it answers 503 and opens the store when it can
            console.print(f"[yellow]seeds not loaded:[/] {e}", soft_wrap=True, highlight=False)
    if not asked and not _port_free(host, port):  # no port was asked for: the server may choose one
        taken = port
        port = next((p for p in range(port + 1, port + 50) if _port_free(host, p)), 0) or _any_free_port(host)
        console.print(f"[yellow]port {taken} is in use (another `kg serve`?); serving on {port} instead[/] "
                      "(ask for a port with --port or KG_PORT)")
    console.print(f"serving the API and views on http://{host}:{port}/")
    os.environ["KG_API_PORT"] = str(port)  # the embedded store, started in this process, keeps off this port
    uvicorn.run(create_app(settings), host=host, port=port, log_level=settings.log_level.lower())
    return 0


def _port_free(host: str, port: int) -> bool:
    """Could the server listen on host:port? Bound as uvicorn binds (SO_REUSEADDR), so the connections of a server
    that just stopped, left in TIME-WAIT, do not make its port look taken."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def _any_free_port(host: str) -> int:
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def cmd_viz(args: argparse.Namespace, settings: Settings) -> int:
    from graph.store import GraphStore
    from viz.cli import write_view

    names = {"entity": "id", "depth": "depth", "source": "source", "target": "target", "mineral": "mineral",
             "country": "country", "max_len": "max_len", "max_hops": "max_hops", "limit": "limit",
             "min_confidence": "min_confidence", "as_of": "as_of", "since": "since", "until": "until"}
    params = {names[k]: v for k, v in vars(args).items() if k in names and v is not None}
    with GraphStore(settings) as store:
        write_view(store, args.kind, Path(args.output), **params)
    console.print(f"wrote {args.output}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("load", help="load documents (default: seeds/) into the graph")
    p.add_argument("paths", nargs="*", help="files, directories, or http(s) URLs of pages and PDFs")
    p.add_argument("--feed", action="append", metavar="URL",
                   help="an RSS or Atom feed: load each entry's page once (repeatable)")
    p.set_defaults(func=cmd_load)

    p = sub.add_parser("delete", help="delete documents and the facts only they supported")
    p.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="document ids, e.g. doc:12_digest_timesca_...")
    p.set_defaults(func=cmd_delete)

    p = sub.add_parser("check", help="find duplicated or stale evidence and parallel relationships (left by "
                                     "concurrent writers before writes were serialised)")
    p.add_argument("--repair", action="store_true", help="mend what was found: one piece of evidence per document "
                                                          "and fact, one relationship per fact")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("eval", help="precision and recall of extraction against gold annotations, by part "
                                    "(seed article, development, blind)")
    p.add_argument("--seeds", default=str(DEFAULT_SEEDS))
    p.add_argument("--export", help="score this `kg export --format json` file instead of extracting afresh")
    p.add_argument("--explain", action="store_true",
                   help="list false positives and misses, with sentence and rule (not for the blind part)")
    p.add_argument("--explain-blind", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--json", help="also write the figures to this file")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("export", help="write the whole graph to a file")
    p.add_argument("--format", choices=["json", "graphml", "csv"], default="json")
    p.add_argument("--output", required=True, help="a file; for csv a directory, which gets nodes.csv and edges.csv")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("serve", help="serve the API and the views")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--load-seeds", action="store_true", help="load seeds/ first if the store is empty")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("viz", help="write a self-contained HTML view")
    p.add_argument("kind", choices=["entity", "path", "mineral"])
    p.add_argument("--entity")
    p.add_argument("--depth", type=int)
    p.add_argument("--source")
    p.add_argument("--target")
    p.add_argument("--mineral")
    p.add_argument("--country")
    p.add_argument("--max-len", type=int, dest="max_len")
    p.add_argument("--max-hops", type=int, dest="max_hops")
    p.add_argument("--limit", type=int)
    p.add_argument("--min-confidence", type=float, dest="min_confidence")
    p.add_argument("--as-of", dest="as_of", help="ISO date: the graph as known on that day")
    p.add_argument("--since", help="YYYY, YYYY-MM or ISO date: only facts stated for that day or later")
    p.add_argument("--until", help="YYYY, YYYY-MM or ISO date: only facts stated for that day or earlier")
    p.add_argument("--output", required=True)
    p.set_defaults(func=cmd_viz)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = get_settings()
    except Exception as e:  # pydantic ValidationError: a bad KG_ variable
        console.print(f"[red]bad settings:[/] {e}")
        return 2
    _setup(settings)
    try:
        return int(args.func(args, settings))
    except GraphError as e:
        console.print(f"[red]{type(e).__name__}:[/] {e}", soft_wrap=True, highlight=False)
        return 1
    except KeyboardInterrupt:
        console.print("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
