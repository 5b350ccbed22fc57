"""Tests of the offline Cypher linter helper (tests/cypher_lint.py) itself."""

from __future__ import annotations

import sys

import pytest

try:  # works whether or not tests/ is a package
    from tests.cypher_lint import CypherLintUnavailable, lint_errors, lint_queries, linter_available
except ImportError:  # pragma: no cover - depends on how pytest sets sys.path
    from cypher_lint import (  # type: ignore[no-redef]
        CypherLintUnavailable,
        lint_errors,
        lint_queries,
        linter_available,
    )

VALID = {
    "match_with_param": "MATCH (n:Entity {id: $id}) RETURN n",
    "fulltext_procedure": "CALL db.index.fulltext.queryNodes($index, $q) YIELD node, score RETURN node",
    "constraint": "CREATE CONSTRAINT x IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "unwind_merge": "UNWIND $rows AS r MERGE (a:Entity {id: r.id}) SET a += r.props",
    "shortest_path": "MATCH p = shortestPath((a:Entity {id: $a})-[*..4]-(b:Entity {id: $b})) RETURN p",
    "explain": "EXPLAIN MATCH (n) RETURN n",
}
BROKEN = {
    "unclosed_node": "MATCH (n RETURN n",
}

pytestmark = pytest.mark.skipif(
    not linter_available(),
    reason="Cypher linter not installed: run `npm ci --prefix tools/cypher-lint` (or `make test`)",
)


@pytest.fixture(scope="module")
def results() -> dict[str, list[dict]]:
    # One node process for everything: startup dominates the cost.
    return lint_queries({**VALID, **BROKEN})


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_query_has_no_errors(results: dict[str, list[dict]], name: str) -> None:
    errors = [d for d in results[name] if d["severity"] == "error"]
    assert errors == [], f"{VALID[name]!r} flagged: {errors}"


def test_broken_query_is_an_error(results: dict[str, list[dict]]) -> None:
    errors = [d for d in results["unclosed_node"] if d["severity"] == "error"]
    assert errors, "MATCH (n RETURN n was not reported as a syntax error"
    first = errors[0]
    assert set(first) == {"message", "severity", "line", "column"}
    assert "RETURN" in first["message"]
    assert (first["line"], first["column"]) == (1, 10)  # 1-based position of RETURN


def test_lint_errors_keeps_only_failing_queries() -> None:
    out = lint_errors({"ok": "MATCH (n) RETURN n", "bad": "MATCH (n RETURN n", "undef": "MATCH (n) RETURN m"})
    assert set(out) == {"bad", "undef"}
    assert all(d["severity"] == "error" for ds in out.values() for d in ds)


def test_empty_input_needs_no_process() -> None:
    assert lint_queries({}) == {}


def test_missing_node_modules_raises_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    module = sys.modules[lint_queries.__module__]
    monkeypatch.setattr(module, "_PACKAGE_DIR", tmp_path / "absent")
    assert module.linter_available() is False
    with pytest.raises(CypherLintUnavailable, match="npm ci --prefix tools/cypher-lint"):
        lint_queries({"q": "RETURN 1"})
