"""Copies: an exact copy is one document; near copies are two documents whose facts corroborate each other."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

from graph import dedup
from graph.documents import read_document
from graph.loader import Loader
from graph.store import GraphStore
from tests.conftest import SEEDS
from tests.pdfs import digest

DIGEST = "12_digest_timesca_kazakhstan-critical-minerals-mous.txt"  # development part


def near_copy_of(name: str) -> str:
    """The same story as another outlet runs it: its own header, a sentence said differently, a credits line."""
    _, body = digest(name)
    changed = body.replace("It is presented as a first step toward", "The ministries called it a first step toward")
    assert changed != body
    return ("source: https://wire.example/kz-kr-minerals\ntitle: Kazakhstan, Korea sign minerals memoranda\n"
            "date: 2024-06-13\n\n" + changed + "\n\nReporting by the Wire desk; editing by the Central Asia team.\n")


def test_two_near_copies_give_one_set_of_facts_with_two_pieces_of_evidence_each(store: GraphStore, extractor,
                                                                                tmp_path: Path) -> None:
    a = tmp_path / "timesca.txt"
    a.write_text((SEEDS / DIGEST).read_text(encoding="utf-8"), encoding="utf-8")
    b = tmp_path / "wire.txt"
    b.write_text(near_copy_of(DIGEST), encoding="utf-8")
    report = Loader(store, extractor).load_paths([a, b])
    assert [r.status for r in report.results] == ["loaded", "loaded"]
    assert report.results[1].near_copies == ["doc:timesca"] and "near copy of doc:timesca" in (
        report.results[1].reason or "")
    rows = store.run("export_relationships")
    documented = [r for r in rows if r["props"]["doc_ids"]]
    assert len(documented) >= 10
    for r in documented:  # each fact once, stated by both
        assert Counter(r["props"]["doc_ids"]) == {"doc:timesca": 1, "doc:wire": 1}, (r["source"], r["type"])
    detail = {d: store.run("document_by_id", doc_id=d)[0] for d in ("doc:timesca", "doc:wire")}
    assert detail["doc:timesca"]["near_copies"] == ["doc:wire"] and detail["doc:wire"]["near_copies"] == ["doc:timesca"]


def test_an_exact_copy_is_reported_unchanged_and_not_stored_again(store: GraphStore, extractor,
                                                                  tmp_path: Path) -> None:
    original = tmp_path / "one.txt"
    original.write_text((SEEDS / DIGEST).read_text(encoding="utf-8"), encoding="utf-8")
    copy = tmp_path / "two.txt"  # same text, its lines wrapped differently
    copy.write_text((SEEDS / DIGEST).read_text(encoding="utf-8").replace(". ", ".\n", 1), encoding="utf-8")
    loader = Loader(store, extractor)
    first = loader.load_paths([original, copy])  # in one batch: the copy meets the original before it is written
    assert [(r.status, r.doc_id, r.reason) for r in first.results] == [
        ("loaded", "doc:one", None), ("unchanged", "doc:one", "exact copy of doc:one")]
    again = loader.load_paths([copy])  # in a later batch: found in the store
    assert [(r.status, r.doc_id) for r in again.results] == [("unchanged", "doc:one")]
    docs = store.run("documents_page", offset=0, limit=10)
    assert [d["id"] for d in docs] == ["doc:one"]
    # where the copy was found is noted on the original: a feed that links to it does not fetch it again
    assert store.run("document_by_id", doc_id="doc:one")[0]["copies"] == [str(copy)]
    assert [r["id"] for r in store.run("document_by_source", url=str(copy))] == ["doc:one"]


def test_no_two_corpus_documents_are_near_copies(seeded_store: GraphStore) -> None:
    rows = seeded_store.run("documents_page", offset=0, limit=100)
    assert len(rows) > 30
    for r in rows:
        assert seeded_store.run("document_by_id", doc_id=r["id"])[0]["near_copies"] == [], r["id"]


def test_the_threshold_sits_between_distinct_documents_and_near_copies() -> None:
    texts = {p.name: read_document(p).text for p in sorted(SEEDS.glob("*.txt"))}
    sets = {n: dedup.shingles(t) for n, t in texts.items()}
    most = max(dedup.jaccard(sets[x], sets[y]) for x, y in itertools.combinations(sets, 2))
    near = dedup.jaccard(sets[DIGEST], dedup.shingles(near_copy_of(DIGEST)))
    assert most < dedup.NEAR_COPY - 0.2 and near > dedup.NEAR_COPY + 0.1, (most, near)
    # the sketches estimate the similarity closely enough to pick the candidates that are then checked exactly
    est = dedup.estimate(dedup.sketch(sets[DIGEST]), dedup.sketch(dedup.shingles(near_copy_of(DIGEST))))
    assert abs(est - near) < 0.15


def test_posting_a_loaded_text_again_without_an_id_makes_no_second_document(store: GraphStore, extractor) -> None:
    from graph import service

    Loader(store, extractor).load_paths([SEEDS / DIGEST])
    text = (SEEDS / DIGEST).read_text(encoding="utf-8")
    result = service.ingest_document(store, extractor, text=text)
    assert result.status == "unchanged" and result.doc_id == "doc:" + DIGEST.removesuffix(".txt")
    assert result.facts  # the answer shows the facts of the document that has the text
    assert len(store.run("documents_page", offset=0, limit=10)) == 1
