"""The loader against the real embedded store: idempotent, incremental, atomic, and robust to bad input."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from graph.documents import parse_document
from graph.errors import BadQueryInput
from graph.loader import Loader, write_extraction, write_steps
from graph.models import Entity, Evidence, Extraction, Fact
from graph.store import GraphStore
from tests.conftest import SEEDS


def counts(store: GraphStore) -> tuple[dict[str, int], dict[str, int]]:
    labels = {r["label"]: r["count"] for r in store.run("graph_counts_by_label")}
    types = {r["type"]: r["count"] for r in store.run("graph_counts_by_type")}
    return labels, types


def facts(store: GraphStore) -> dict[tuple[str, str, str], list[str]]:
    rows = store.run("export_relationships")
    return {(r["source"], r["type"], r["target"]): list(r["props"]["doc_ids"]) for r in rows}


def test_loading_the_seeds_twice_changes_nothing(seeded_store: GraphStore, store: GraphStore, extractor) -> None:
    # `store` is a fresh database: load the seeds into it twice and compare with itself and the shared copy.
    loader = Loader(store, extractor)
    first = loader.load_paths([SEEDS])
    after_first = counts(store)
    second = loader.load_paths([SEEDS])
    assert first.count("loaded") == len(list(SEEDS.glob("*.txt")))
    assert second.count("unchanged") == first.count("loaded") and second.count("loaded") == 0
    assert counts(store) == after_first == counts(seeded_store)
    assert after_first[0]["Document"] == first.count("loaded")
    assert sum(after_first[1].values()) > 50


def test_every_stored_evidence_sentence_is_quoted_exactly(seeded_store: GraphStore) -> None:
    docs = {r["id"]: seeded_store.run("document_by_id", doc_id=r["id"])[0]["text"]
            for r in seeded_store.run("documents_page", offset=0, limit=100)}
    checked = 0
    for row in seeded_store.run("export_relationships"):
        p = row["props"]
        for doc_id, sentence, start, end in zip(p["doc_ids"], p["sentences"], p["starts"], p["ends"], strict=True):
            assert docs[doc_id][start:end] == sentence
            checked += 1
    assert checked > 50


def test_lithium_question_names_kigam_and_sk_ecoplant_with_the_sentence(seeded_store: GraphStore) -> None:
    rows = seeded_store.run("firms_touching_mineral", mineral="mineral:lithium", country=None, max_hops=3,
                            min_confidence=0.0, as_of=None, after_hops=-1, after_firm="", paths_per_firm=100,
                            limit=200)
    direct: dict[str, str] = {}
    for r in rows:
        for path in r["paths"]:
            if len(path.relationships) == 1:
                direct[r["firm"]] = path.relationships[0]["sentences"][0]
    names = {fid: seeded_store.run("entity_by_id", id=fid)[0]["entity"]["name"] for fid in direct}
    by_name = {n.lower(): fid for fid, n in names.items()}
    kigam = next(fid for n, fid in by_name.items() if "kigam" in n or "geoscience" in n)
    sk = next(fid for n, fid in by_name.items() if "sk ecoplant" in n)
    assert "lithium" in direct[kigam] and "KIGAM" in direct[kigam]
    assert "lithium" in direct[sk]


def _doc(doc_id: str, text: str):  # type: ignore[no-untyped-def]
    return parse_document(text, doc_id=doc_id, title="t", date="2024-06-12")


def test_a_changed_document_replaces_exactly_its_own_facts(store: GraphStore, extractor) -> None:
    loader = Loader(store, extractor)
    a1 = "KIGAM and SK ecoplant are interested in developing lithium deposits in Kazakhstan."
    b = "Korea Institute of Geoscience and Mineral Resources (KIGAM) plans to develop lithium in Kazakhstan."
    assert loader.load_document(_doc("doc:a", a1)).status == "loaded"
    assert loader.load_document(_doc("doc:b", b)).status == "loaded"
    before = facts(store)
    shared = [k for k, docs in before.items() if sorted(set(docs)) == ["doc:a", "doc:b"]]
    only_a = [k for k, docs in before.items() if set(docs) == {"doc:a"}]
    assert shared, before
    assert only_a, before

    a2 = "Posco signed an agreement with Uzbekistan."
    assert loader.load_document(_doc("doc:a", a2)).status == "replaced"
    after = facts(store)
    for k in shared:
        assert after[k] == ["doc:b"]  # the other document's evidence stays
    for k in only_a:
        assert k not in after  # the old version's own facts are gone
    assert all(set(docs) <= {"doc:a", "doc:b"} for docs in after.values())
    assert loader.load_document(_doc("doc:a", a2)).status == "unchanged"


def test_a_document_is_written_in_one_transaction(store: GraphStore) -> None:
    doc = _doc("doc:x", "A sentence.")
    good = Entity(id="firm:x", label="Firm", name="X")
    bad = Entity(id="thing:y", label="Thing", name="Y")  # not a schema label: fails after the first writes
    fact = Fact(subject="firm:x", relation="OPERATES_IN", object="thing:y", rule="verb:operate", confidence=0.8,
                evidence=Evidence(doc_id="doc:x", sentence="A sentence.", start=0, end=11))
    extraction = Extraction(document=doc, entities=[good, bad], facts=[fact], mentions=["firm:x"])
    with pytest.raises(ValueError, match="unknown node label"):
        store.write(lambda tx: write_extraction(tx, extraction))
    assert counts(store) == ({}, {})
    with pytest.raises(BadQueryInput):
        store.run("create_missing_entities", "Thing", rows=[])


def _one_entity(doc_id: str, entity: Entity) -> Extraction:
    return Extraction(document=_doc(doc_id, "A sentence."), entities=[entity], facts=[], mentions=[entity.id])


def test_entities_already_stored_are_written_only_when_a_document_changes_them() -> None:
    zinc = Entity(id="firm:korea-zinc", label="Firm", name="Korea Zinc", aliases=["KZ"], properties={"x": 1})
    stored = {"name": "Korea Zinc", "aliases": ["KZ"], "x": 1, "name_lower": "korea zinc"}

    def names(steps: list) -> list[str]:
        return [name for name, _, _ in steps]
    new = names(write_steps(_one_entity("doc:a", zinc)))
    assert "create_missing_entities" in new and "update_entities" in new
    same = names(write_steps(_one_entity("doc:a", zinc), {zinc.id: stored}))
    assert "create_missing_entities" not in same and "update_entities" not in same and "link_mentions" in same
    for changed in (zinc.model_copy(update={"aliases": ["KZ", "Korea Zinc Co."]}),
                    zinc.model_copy(update={"properties": {"x": 2}}),
                    zinc.model_copy(update={"name": "Korea Zinc Company"})):
        steps = names(write_steps(_one_entity("doc:a", changed), {zinc.id: stored}))
        assert "update_entities" in steps and "create_missing_entities" not in steps, changed


def test_a_later_document_adds_aliases_and_properties_to_a_stored_entity(store: GraphStore) -> None:
    first = Entity(id="firm:korea-zinc", label="Firm", name="Korea Zinc", aliases=["KZ"])
    store.write(lambda tx: write_extraction(tx, _one_entity("doc:a", first)))
    later = first.model_copy(update={"aliases": ["Korea Zinc Co."], "properties": {"country": "KR"}})
    store.write(lambda tx: write_extraction(tx, _one_entity("doc:b", later)))
    node = store.run("entity_by_id", id="firm:korea-zinc")[0]["entity"]
    assert sorted(node["aliases"]) == ["KZ", "Korea Zinc Co."] and node["country"] == "KR"
    assert node["search"].startswith("Korea Zinc") and "Korea Zinc Co." in node["search"]
    assert counts(store)[0] == {"Document": 2, "Entity": 1, "Firm": 1}


def test_a_batch_keeps_its_order_and_a_repeated_document_lands_once(store: GraphStore, extractor,
                                                                     tmp_path: Path) -> None:
    """Writes run one document behind extraction: results still come in input order, and a document met twice in
    one batch is written once (the second sees the first's hash)."""
    a = tmp_path / "a.txt"
    a.write_text("Samsung C&T is building a power plant in Balkhash, Kazakhstan.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    b = tmp_path / "b.txt"
    b.write_text("Korea Zinc will supply tungsten to Uzbekistan.\n", encoding="utf-8")
    seen: list[str] = []
    report = Loader(store, extractor).load_paths([a, empty, a, b], on_progress=lambda r: seen.append(r.status))
    assert [(Path(r.path).name, r.status) for r in report.results] == [
        ("a.txt", "loaded"), ("empty.txt", "skipped"), ("a.txt", "unchanged"), ("b.txt", "loaded")]
    assert seen == ["loaded", "skipped", "unchanged", "loaded"]
    assert all(ids == ["doc:a"] for key, ids in facts(store).items() if "doc:a" in ids)
    assert counts(store)[0]["Document"] == 2


def test_bad_input_is_skipped_with_a_reason_and_the_rest_loads(store: GraphStore, extractor, tmp_path: Path
                                                             ) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in Almaty, Kazakhstan.".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"Samsung builds plants in Kazakhstan. " * 560_000)  # ~20 MB
    (tmp_path / "scripts.html").write_text(
        "<html><head><script>alert('x')</script><script src='evil.js'></script></head>"
        "<body><script>document.write('Samsung invests in Uzbekistan')</script></body></html>")
    (tmp_path / "good.txt").write_text("Samsung C&T is building a power plant in Balkhash, Kazakhstan.\n")
    report = Loader(store, extractor).load_paths([tmp_path])
    status = {Path(r.path).name: (r.status, r.reason or "") for r in report.results}
    assert status["good.txt"][0] == "loaded"
    for name, word in [("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "UTF-8"),
                       ("huge.txt", "large"), ("scripts.html", "no body text")]:
        assert status[name][0] == "skipped", (name, status[name])
        assert word.lower() in status[name][1].lower(), (name, status[name])
    docs = [r["id"] for r in store.run("documents_page", offset=0, limit=10)]
    assert docs == ["doc:good"]
    names = " ".join(str(r["n"]["name"]) for r in store.run("export_nodes"))
    assert "Uzbekistan" not in names  # nothing of the script-only page was written


def test_html_with_scripts_keeps_text_and_drops_code(store: GraphStore, extractor) -> None:
    html = ("<html><head><title>Posco in Uzbekistan</title><script>var evil = 'Samsung';</script></head>"
            "<body><p>Posco International signed an agreement with Uzbekistan on 3 March 2025.</p>"
            "<script>alert('Kazakhstan')</script></body></html>")
    doc = parse_document(html, doc_id="doc:h", path="page.html")
    assert "evil" not in doc.text and "alert" not in doc.text and "Posco International" in doc.text
    result = Loader(store, extractor).load_document(doc)
    assert result.status == "loaded"
    assert Counter(result.facts_by_type)
