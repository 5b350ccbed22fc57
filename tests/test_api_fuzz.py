"""Property-based fuzzing of the API from its own OpenAPI schema (schemathesis, in-process ASGI, no network):
no request, however odd, may produce a 5xx, and every response must match the declared schema.

Runs over the seeded store, read-only: writes are refused since no KG_API_TOKEN is configured.
Bounded: a few dozen examples per operation, so the whole module runs in well under two minutes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from api.app import create_app
from graph.settings import Settings
from graph.store import GraphStore

MAX_EXAMPLES = 25


# The schema is read at import, before any fixture; the store is handed to the app by the fixture below.
APP = create_app(store=GraphStore(Settings(neo4j_uri=None, api_token=None)))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def seeded_app(seeded_store: GraphStore) -> Iterator[None]:
    # A view of its own: its async driver lives on schemathesis' one event-loop thread.
    holder = APP.state.store_holder
    holder.store = seeded_store.using(seeded_store.database)
    yield
    holder.store = None


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_no_server_errors_and_responses_match_the_schema(case: Any) -> None:
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance, response_schema_conformance])
