"""Deleting a document leaves the graph as if it had never been loaded: compared with a fresh load without it."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.loader import Loader, delete_document
from graph.store import GraphStore
from tests.conftest import SEEDS
from tests.test_api import writer_client
from tests.test_copies import near_copy_of

# development digests that share entities (KIGAM, Samsung, KEPCO, Kazakhstan ...); 44 brings a gazetteer parent
# (Samsung Engineering belongs to Samsung) that no other of them names
DOCS = ["12_digest_timesca_kazakhstan-critical-minerals-mous.txt", "20_digest_joongang_ktg-almaty-tobacco-plant.txt",
        "22_digest_oreanda_balkhash-power-plant-samsung-kepco.txt",
        "42_digest_timesca_kazakhstan-korea-critical-minerals-memoranda.txt",
        "44_digest_conwaybulletin_samsung-halts-balkhash-plant.txt"]


@pytest.fixture
def fresh(base_store: GraphStore) -> Iterator[Callable[[], GraphStore]]:
    made: list[str] = []

    def make() -> GraphStore:
        name = "t" + uuid.uuid4().hex[:12]
        made.append(name)
        view = base_store.using(name)
        view.ensure_database(name)
        return view

    yield make
    if base_store.embedded is not None:
        for name in made:
            base_store.embedded.drop_database(name)


def state(store: GraphStore) -> tuple[dict[str, int], dict[str, int], set[str], set[tuple[str, str, str, int]]]:
    labels = {r["label"]: r["count"] for r in store.run("graph_counts_by_label")}
    types = {r["type"]: r["count"] for r in store.run("graph_counts_by_type")}
    entities = {r["n"]["id"] for r in store.run("export_nodes")}
    facts = {(r["source"], r["type"], r["target"], len(r["props"]["doc_ids"]))
             for r in store.run("export_relationships")}
    return labels, types, entities, facts


@pytest.mark.parametrize("victim", ["44_digest_conwaybulletin_samsung-halts-balkhash-plant.txt",
                                    "42_digest_timesca_kazakhstan-korea-critical-minerals-memoranda.txt"])
def test_deleting_a_document_leaves_the_graph_of_a_load_without_it(fresh, extractor, tmp_path: Path,
                                                                   victim: str) -> None:
    files = []
    for name in DOCS:
        (tmp_path / name).write_text((SEEDS / name).read_text(encoding="utf-8"), encoding="utf-8")
        files.append(tmp_path / name)
    near = tmp_path / "wire.txt"  # a near copy of digest 12: deleting must keep the facts the copy still states
    near.write_text(near_copy_of(DOCS[0]), encoding="utf-8")
    with_it, without_it = fresh(), fresh()
    Loader(with_it, extractor).load_paths([*files, near])
    before = state(with_it)
    victim_id = "doc:" + victim.removesuffix(".txt")
    assert delete_document(with_it, victim_id) is not None
    Loader(without_it, extractor).load_paths([f for f in files if f.name != victim] + [near])
    after = state(with_it)
    assert after == state(without_it)
    assert after != before and after[0]["Document"] == before[0]["Document"] - 1
    assert delete_document(with_it, victim_id) is None  # gone: nothing to delete the second time


def test_deleting_the_original_of_a_near_copy_keeps_what_the_copy_states(fresh, extractor, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text((SEEDS / DOCS[0]).read_text(encoding="utf-8"), encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text(near_copy_of(DOCS[0]), encoding="utf-8")
    store, alone = fresh(), fresh()
    Loader(store, extractor).load_paths([a, b])
    assert delete_document(store, "doc:a") is not None
    Loader(alone, extractor).load_paths([b])
    labels, types, _, facts = state(store)
    assert (labels, types) == state(alone)[:2]  # the same counts; the copy keeps the agreement ids it adopted
    assert {n for *_, n in facts if n} == {1}  # each fact the copy states keeps its one sentence (reference facts: 0)
    assert store.run("document_by_id", doc_id="doc:b")[0]["near_copies"] == []


def test_delete_over_the_api_needs_the_token_and_answers_404_for_an_unknown_id(store: GraphStore,
                                                                              extractor: Any) -> None:
    Loader(store, extractor).load_paths([SEEDS / DOCS[1]])
    doc_id = "doc:" + DOCS[1].removesuffix(".txt")
    with writer_client(store, extractor, "s3cret") as c:
        assert c.delete(f"/api/v1/documents/{doc_id}").status_code == 401
        assert c.get(f"/api/v1/documents/{doc_id}").status_code == 200
        r = c.delete(f"/api/v1/documents/{doc_id}", headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 200 and r.json() == {"doc_id": doc_id, "deleted": True}
        assert c.get(f"/api/v1/documents/{doc_id}").status_code == 404
        missing = c.delete("/api/v1/documents/doc:nope", headers={"Authorization": "Bearer s3cret"})
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert state(store)[:2] == ({}, {})
