"""The Python interface for notebooks (`from kg import ...`) against the seeded store: the same answers as the
service layer, typed, whole lists across pages, as_of views, and DataFrames."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date

import pytest

from graph import service
from graph.errors import BadQueryInput, NotFound
from graph.store import GraphStore
from kg import KnowledgeGraph, Records


@pytest.fixture(scope="module")
def g(seeded_store: GraphStore) -> Iterator[KnowledgeGraph]:
    graph = KnowledgeGraph(seeded_store.using(seeded_store.database))
    yield graph
    graph.close()


def test_answers_are_typed_records_that_become_dataframes(g: KnowledgeGraph) -> None:
    firms = g.firms_touching_mineral("lithium", country="Korea")
    frame = firms.to_pandas()
    assert {"org:kigam", "firm:sk-ecoplant"} <= set(frame["id"]) and len(frame) == len(firms)
    assert set(frame["country"]) == {"country:south-korea"}
    kigam = next(f for f in firms if f.firm.id == "org:kigam")
    assert kigam.paths and all(h.evidence for p in kigam.paths for h in p.hops)
    hits = g.search("kigam")
    assert isinstance(hits, Records) and hits[0].id == "org:kigam"
    assert g.entity("KIGAM").entity.id == "org:kigam"
    paths = g.paths("Doosan Enerbility", "Kazakhstan")
    table = paths.to_pandas()
    assert len(table) == sum(p.length for p in paths)  # one row per hop
    assert list(table[table["path"] == 0]["from"])[0] == "firm:doosan-enerbility"
    edge_id = paths[0].hops[0].id
    assert g.edge(edge_id).id == edge_id


def test_a_neighbourhood_comes_whole_across_pages(g: KnowledgeGraph, seeded_store: GraphStore) -> None:
    whole = g.neighbourhood("South Korea", depth=2)
    assert not whole.has_more and len(whole.edges) > service.MAX_PAGE // 10
    assert len({e.id for e in whole.edges}) == len(whole.edges)
    edges = whole.edges_frame()
    assert list(edges["id"]) == [e.id for e in whole.edges]
    assert {"source", "target", "type", "confidence", "rule", "evidence_count"} <= set(edges.columns)
    nodes = whole.nodes_frame()
    assert set(edges["source"]) | set(edges["target"]) <= set(nodes["id"])
    evidence = whole.evidence_frame()
    assert len(evidence) == sum(len(e.evidence) for e in whole.edges)
    cut = g.neighbourhood("South Korea", depth=2, limit=5)
    assert cut.has_more and [e.id for e in cut.edges] == [e.id for e in whole.edges][:5]


def test_as_of_is_the_graph_as_known_on_a_day(g: KnowledgeGraph) -> None:
    now = g.neighbourhood("Kazakhstan")
    then = g.as_of("2015-12-31").neighbourhood("Kazakhstan")
    assert 0 < len(then.edges) < len(now.edges)
    assert {e.id for e in then.edges} <= {e.id for e in now.edges}
    assert all(ev.date and ev.date <= "2015-12-31" for e in then.edges for ev in e.evidence)
    sure = g.neighbourhood("Kazakhstan", min_confidence=0.9)
    assert all(e.properties["confidence"] >= 0.9 for e in sure.edges)
    projects = g.projects(country="Kazakhstan")
    assert projects and all(p.project.type == "Project" for p in projects)
    assert "BUILDS" in projects.to_pandas().columns


def test_an_as_of_view_searches_counts_and_reads_edges_as_known_that_day(g: KnowledgeGraph) -> None:
    then = g.as_of("2015-12-31")
    assert "firm:ktng" in {h.id for h in g.search("korea", limit=100)}  # KT&G: first stated in 2025
    assert "firm:ktng" not in {h.id for h in then.search("korea", limit=100)}
    assert then.search("korea", limit=100)
    now_kz, then_kz = g.entity("Kazakhstan"), then.entity("Kazakhstan")
    assert 0 < then_kz.degree == len(then.neighbourhood("Kazakhstan").edges) < now_kz.degree
    assert all(d.date and d.date <= "2015-12-31" for d in then_kz.documents)
    assert g.entity("Kazakhstan", min_confidence=0.9).degree == len(g.neighbourhood("Kazakhstan",
                                                                                     min_confidence=0.9).edges)
    later = g.neighbourhood("KT&G").edges[0]
    assert g.edge(later.id).id == later.id
    with pytest.raises(NotFound):
        then.edge(later.id)


def test_as_of_takes_a_window_as_the_api_does(g: KnowledgeGraph) -> None:
    # Kazakhstan's Balkhash stake is stated for 2010 (doc 22), the Almaty tobacco factory for 2025-04-23 (doc 20)
    stake, tobacco = ("country:kazakhstan|HOLDS_STAKE_IN|project:balkhash-power-plant",
                      "project:tobacco-factory-almaty|LOCATED_IN|country:kazakhstan")
    now = {e.id for e in g.neighbourhood("Kazakhstan").edges}
    window = g.as_of(since="2016", until="2024-12")
    kept = window.neighbourhood("Kazakhstan").edges
    assert {stake, tobacco} <= now and 0 < len(kept) < len(now) and not {stake, tobacco} & {e.id for e in kept}
    assert all("2016" <= ev.date[:4] and ev.date[:7] <= "2024-12" for e in kept for ev in e.evidence if ev.date)
    assert window.stats().relationships_by_type == g.as_of(since=date(2016, 1, 1), until=date(2024, 12, 31)
                                                           ).stats().relationships_by_type
    assert "since 2016-01-01, until 2024-12-31" in repr(window)
    # what a view has is kept unless given again: the day, then a window within it
    then = g.as_of("2015-12-31").as_of(since="2010")
    assert "as of 2015-12-31, since 2010-01-01" in repr(then)
    assert stake in {e.id for e in then.neighbourhood("Kazakhstan").edges}
    with pytest.raises(BadQueryInput, match=r"since \(2025-01-01\) is after until \(2024-12-31\)"):
        g.as_of(since="2025", until="2024")
    with pytest.raises(BadQueryInput, match="not a date"):
        g.as_of(until="June")


def test_to_pandas_without_pandas_says_how_to_get_it(g: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    hits = g.search("lith")
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if the optional extra were not installed
    with pytest.raises(ImportError, match=r"kg-korea-central-asia\[pandas\]"):
        hits.to_pandas()
    assert hits.rows()  # the rows themselves need no pandas
