"""queries.cypher: well-formed, every query runs on the embedded store and parses as Neo4j 5 Cypher."""

from __future__ import annotations

import os
import re

import pytest

from graph import queries, schema
from graph.errors import BadQueryInput, QueryFileError
from graph.store import GraphStore
from tests.cypher_lint import lint_queries, linter_available

SAMPLE = {
    "string": "x", "int": 1, "float": 1.0, "bool": True, "list[string]": ["x"], "list[map]": [], "map": {},
}


def test_names_are_unique_and_every_parameter_is_declared_and_documented() -> None:
    text = (queries.resources.files("graph") / "queries.cypher").read_text()
    names = [line.split("name:", 1)[1].strip() for line in text.splitlines() if line.startswith("// name:")]
    assert len(names) == len(set(names)) == len(queries.QUERIES)
    for q in queries.QUERIES.values():
        assert q.description, q.name
        assert q.mode in ("read", "write", "schema")
        used = set(queries._USED_PARAM.findall(queries._STRING_LITERAL.sub("''", q.text)))
        assert used == set(q.params), q.name
        for p in q.params.values():
            assert p.type in queries.PARAM_TYPES and len(p.description) > 3, (q.name, p.name)


@pytest.mark.parametrize("bad, message", [
    ("// name: a\n// mode: read\nRETURN 1\n", "no description"),
    ("// name: a\n// d\n// mode: read\n\n", "empty query body"),
    ("// name: a\n// d\n// mode: read\nRETURN $x\n", "not declared"),
    ("// name: a\n// d\n// mode: read\n// $x: string - y\nRETURN 1\n", "declared but not used"),
    ("// name: a\n// d\n// mode: read\nRETURN 1\n// name: a\n// d\n// mode: read\nRETURN 2\n", "duplicate"),
    ("// name: a\n// d\n// mode: read\n// $x: str - y\nRETURN $x\n", "unknown type"),
])
def test_parser_fails_loudly(bad: str, message: str) -> None:
    with pytest.raises(QueryFileError, match=message):
        queries.parse(bad)


def test_parameters_in_string_literals_are_not_parameters() -> None:
    q = queries.parse("// name: a\n// d\n// mode: read\nRETURN '$not_a_param' AS s\n")["a"]
    assert q.params == {}


def test_templates_take_only_schema_values() -> None:
    q = queries.get("create_missing_entities")
    assert ":Entity:Firm " in q.render("Firm")
    with pytest.raises(BadQueryInput):
        q.render("Firm {id: 1}) DETACH DELETE n //")
    with pytest.raises(BadQueryInput):
        queries.get("ping").render("Firm")
    assert len(q.renderings()) == len(schema.ENTITY_LABELS)


def test_every_query_runs_on_the_embedded_store(store: GraphStore) -> None:
    for q in queries.QUERIES.values():
        params = {name: SAMPLE[p.type] for name, p in q.params.items()}
        if "doc" in params:
            params["doc"] = {"id": "doc:x"}
        if "index" in params:  # the full-text index name is the dialect's, passed as a parameter
            params["index"] = store.dialect.fulltext_index
        for text in q.renderings().values():
            if q.mode == "read":
                store.driver.execute_query(text, params, database_=store.database)
            else:
                store.driver.execute_query("EXPLAIN " + text, params, database_=store.database)
    text, params = queries.compose(COMPOSED_STEPS)
    store.driver.execute_query("EXPLAIN " + text, params, database_=store.database)
    # schema queries ran for real when the database was created; run them again: idempotent
    store.ensure_database(store.database)


# One document's writes as the loader composes them (graph.queries.compose): every write step, two renderings of
# each template, so the composed form is checked as the loader sends it.
COMPOSED_STEPS: list[tuple[str, str | None, dict[str, object]]] = [
    ("remove_document_facts", None, {"doc_id": "doc:x"}),
    ("remove_document_mentions", None, {"doc_id": "doc:x"}),
    ("upsert_document", None, {"doc": {"id": "doc:x"}}),
    ("create_missing_entities", "Firm", {"rows": [{"id": "firm:a", "name": "A"}]}),
    ("create_missing_entities", "Country", {"rows": [{"id": "country:b", "name": "B"}]}),
    ("update_entities", None, {"rows": [{"id": "firm:a", "name": "A", "aliases": [], "props": {}}]}),
    ("link_mentions", None, {"doc_id": "doc:x", "ids": ["firm:a", "country:b"]}),
    ("merge_facts", "INVESTS_IN", {"rows": []}),
    ("merge_facts", "SIGNS", {"rows": []}),
]


def test_compose_renames_parameters_and_checks_them() -> None:
    text, params = queries.compose(COMPOSED_STEPS)
    assert text.count("CALL {") == len(COMPOSED_STEPS) and text.endswith(f"RETURN {len(COMPOSED_STEPS)} AS steps")
    assert params["s0_doc_id"] == "doc:x" and params["s3_rows"] == [{"id": "firm:a", "name": "A"}]
    assert set(re.findall(r"\$(\w+)", text)) == set(params)
    assert ":Entity:Firm" in text and ":Entity:Country" in text and "[r:SIGNS]" in text
    with pytest.raises(BadQueryInput, match="needs parameters"):
        queries.compose([("link_mentions", None, {"doc_id": "d"})])
    with pytest.raises(BadQueryInput, match="not a write query"):
        queries.compose([("entity_by_id", None, {"id": "x"})])
    with pytest.raises(BadQueryInput, match="not a known"):
        queries.compose([("merge_facts", "NOT_A_TYPE", {"rows": []})])


def test_every_query_is_valid_neo4j5_cypher() -> None:
    if not linter_available():
        if os.environ.get("CI"):
            pytest.fail("the Neo4j Cypher linter is not installed (npm ci --prefix tools/cypher-lint)")
        pytest.skip("Neo4j Cypher linter not installed")
    texts: dict[str, str] = {}
    for q in queries.QUERIES.values():
        # One rendering per template: the others differ only in a label, type or length from a closed list.
        name, text = q.sample_rendering()
        texts[name] = text
    from graph.dialect import NEO4J

    assert NEO4J.fulltext_cypher
    texts["dialect.neo4j.fulltext"] = NEO4J.fulltext_cypher
    texts["compose(one document's writes)"] = queries.compose(COMPOSED_STEPS)[0]
    report = lint_queries(texts)
    errors = {name: diags for name, diags in report.items() if any(d["severity"] == "error" for d in diags)}
    assert errors == {}
    assert set(report) == set(texts)
