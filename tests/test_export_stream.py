"""The streamed export (graph/export.py, read page by page) writes what the former whole-graph export wrote, on the
default graph: the same JSON text, GraphML text and CSV files (but for the order of the mentions, now by document),
and with the answer filters the same part of the graph. tests/fixtures/queries_before.cypher keeps the former
export queries; the former filter is kept here. Small pages make the default graph take many of them."""

from __future__ import annotations

import asyncio
import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph import export, queries, schema
from graph.evidence import evidence_of, plain_properties
from graph.service import FactFilter
from graph.store import GraphStore

BEFORE = queries.parse((Path(__file__).parent / "fixtures" / "queries_before.cypher").read_text(encoding="utf-8"))


def before(store: GraphStore, name: str) -> list[Any]:
    return list(store.driver.execute_query(BEFORE[name].text, {}, database_=store.database).records)


def former_export(store: GraphStore) -> dict[str, Any]:
    """The whole graph as the former export built it, in memory from three whole-graph queries."""
    latest = store.run("changes_latest")
    nodes = [export._node_json(r["n"], list(r["labels"])) for r in before(store, "export_nodes")]
    edges = [export._edge_json(r["source"], r["type"], r["target"], plain_properties(dict(r["props"])),
                               evidence_of(dict(r["props"]))) for r in before(store, "export_relationships")]
    # The one change: mentions come document by document (then by entity), as the store reads them cheaply.
    mentions = sorted(before(store, "export_mentions"), key=lambda r: (r["target"], r["source"]))
    edges += [export._edge_json(r["source"], schema.MENTIONED_IN, r["target"], {}, []) for r in mentions]
    return {"format": "kg-graph", "version": export.FORMAT_VERSION,
            "latest_change": int(latest[0]["seq"] or 0) if latest else 0, "nodes": nodes, "edges": edges}


def former_filtered(data: dict[str, Any], facts: FactFilter) -> dict[str, Any]:
    """The former export.filtered, as it was."""
    edges: list[dict[str, Any]] = []
    for e in data["edges"]:
        if e["type"] == schema.MENTIONED_IN:
            continue
        evidence = [ev for ev in e["evidence"] if facts.passes(ev.get("date"), ev.get("confidence"))]
        reference = "reference" in e["properties"] and float(e["properties"].get("confidence") or 0) >= \
            facts.min_confidence
        if evidence or reference:
            edges.append({**e, "evidence": evidence})
    documents = {ev["doc_id"] for e in edges for ev in e["evidence"]}
    mentions = [e for e in data["edges"] if e["type"] == schema.MENTIONED_IN and e["target"] in documents]
    keep = documents | {x for e in edges + mentions for x in (e["source"], e["target"])}
    return {**data, "nodes": [n for n in data["nodes"] if n["id"] in keep], "edges": edges + mentions}


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "PAGE_NODES", 7)
    monkeypatch.setattr(export, "PAGE_FACTS", 25)


@pytest.fixture(scope="module")
def former(seeded_store: GraphStore) -> dict[str, Any]:
    data = former_export(seeded_store)
    assert len(data["nodes"]) > 100 and len(data["edges"]) > 500
    return data


def test_json_and_graphml_files_are_the_same(seeded_store: GraphStore, former: dict[str, Any], tmp_path: Path,
                                             small_pages: None) -> None:
    export.write_json(seeded_store, tmp_path / "g.json")
    expected = json.dumps(former, ensure_ascii=False, indent=1, default=str) + "\n"
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == expected
    export.write_graphml(seeded_store, tmp_path / "g.graphml")
    assert (tmp_path / "g.graphml").read_text(encoding="utf-8") == export.graphml_from_json(former)


def test_csv_files_are_the_same(seeded_store: GraphStore, former: dict[str, Any], tmp_path: Path,
                                small_pages: None) -> None:
    assert export.write_csv(seeded_store, tmp_path / "n.csv", tmp_path / "e.csv") == (
        len(former["nodes"]), len(export.csv_tables(former)[1]))
    nodes, edges = export.csv_tables(former)
    for path, rows in ((tmp_path / "n.csv", nodes), (tmp_path / "e.csv", edges)):
        with path.open(encoding="utf-8", newline="") as f:
            written = list(csv.DictReader(f))
        assert [{k: v for k, v in row.items() if v != ""} for row in written] == [
            {k: str(v) for k, v in row.items() if v not in ("", None)} for row in rows]


@pytest.mark.parametrize("facts", [FactFilter(min_confidence=0.75), FactFilter(as_of=date(2015, 12, 31)),
                                   FactFilter(since=date(2024, 1, 1), min_confidence=0.5)])
def test_filtered_streams_are_the_same(seeded_store: GraphStore, former: dict[str, Any], facts: FactFilter,
                                       small_pages: None) -> None:
    streamed = asyncio.run(export.collect(export.graph_parts(export.fetch_of(seeded_store), facts.passes,
                                                             facts.min_confidence)))
    assert streamed == former_filtered(former, facts)
    assert 0 < len(streamed["edges"]) < len(former["edges"])


def test_the_api_streams_the_same_graph(client: TestClient, seeded_store: GraphStore, former: dict[str, Any]
                                        ) -> None:
    whole = client.get("/api/v1/export")
    assert whole.status_code == 200 and whole.headers["content-type"] == "application/json"
    assert whole.json() == json.loads(json.dumps(former, default=str))
    then = client.get("/api/v1/export", params={"as_of": "2015-12-31"}).json()
    assert then == json.loads(json.dumps(former_filtered(former, FactFilter(as_of=date(2015, 12, 31))),
                                         default=str))
    graphml = client.get("/api/v1/export", params={"format": "graphml"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    assert graphml.text == export.graphml_from_json(former)
