"""Shared fixtures.

How fixtures are chosen:
- Everything runs against the real embedded store (ArcadeDB over Bolt, official driver); nothing mocks it.
  One server starts per test session (`base_store`), in a temporary data directory.
- A test that writes takes `store`: a fresh, empty database of its own, dropped afterwards.
- Tests that only read the default graph take `seeded_store`: one database loaded once with `seeds/`;
  they must not write to it.
- `extractor` loads the spaCy pipeline once per session.
- Tests marked `neo4j` run only when KG_TEST_NEO4J_URI points at a real Neo4j 5.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.settings import Settings
from graph.store import GraphStore

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("KG_TEST_NEO4J_URI"):
        return
    skip = pytest.mark.skip(reason="set KG_TEST_NEO4J_URI to run tests against a real Neo4j")
    for item in items:
        if "neo4j" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def store_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(neo4j_uri=None, data_dir=tmp_path_factory.mktemp("store"), log_level="WARNING",
                    api_token=None)


@pytest.fixture(scope="session")
def base_store(store_settings: Settings) -> Iterator[GraphStore]:
    store = GraphStore(store_settings).open()
    yield store
    store.close()


@pytest.fixture
def store(base_store: GraphStore) -> Iterator[GraphStore]:
    name = "t" + uuid.uuid4().hex[:12]
    view = base_store.using(name)
    view.ensure_database(name)
    yield view
    if base_store.embedded is not None:
        base_store.embedded.drop_database(name)


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    from graph.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def extractions(extractor):  # type: ignore[no-untyped-def]
    """Every seed document extracted once per session, by file name, for the tests that read whole graphs."""
    from graph.documents import read_document

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    return {p.name: extractor.extract(read_document(p)) for p in sorted(seeds.glob("*.txt"))}


@pytest.fixture(scope="session")
def seeded_store(base_store: GraphStore, extractor) -> GraphStore:  # type: ignore[no-untyped-def]
    from graph.loader import Loader

    view = base_store.using("seeded")
    view.ensure_database("seeded")
    report = Loader(view, extractor).load_paths([SEEDS])
    assert not report.skipped, [(r.path, r.reason) for r in report.skipped]
    return view


@pytest.fixture(scope="module")
def client(seeded_store: GraphStore) -> Iterator[TestClient]:
    """The API over the default graph, one per test module that asks for it."""
    from api.app import create_app

    view = seeded_store.using(seeded_store.database)
    with TestClient(create_app(store=view)) as c:
        yield c
        c.portal.call(view.aclose)  # type: ignore[union-attr]
