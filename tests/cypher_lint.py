"""Offline Cypher syntax checking for the test suite (helper module, not a test file).

Wraps ``tools/cypher-lint/lint.mjs`` (Node + ``@neo4j-cypher/language-support``),
which parses Cypher with the Neo4j 5 grammar and runs Neo4j's semantic analysis
without any database connection.

Install the linter once with ``make test`` or ``npm ci --prefix tools/cypher-lint``.

Each diagnostic is a dict ``{"message": str, "severity": str, "line": int, "column": int}``;
``severity`` is one of ``"error"``, ``"warning"``, ``"information"``, ``"hint"`` and
``line``/``column`` are 1-based. Only ``"error"`` means the query is invalid Cypher;
unknown labels, procedures, functions and parameters are never reported as errors
(see the comment at the top of lint.mjs).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
LINT_DIR = REPO_ROOT / "tools" / "cypher-lint"
LINT_SCRIPT = LINT_DIR / "lint.mjs"
NODE_MODULES = LINT_DIR / "node_modules"
# The one package lint.mjs imports; its presence means `npm ci` has run.
_PACKAGE_DIR = NODE_MODULES / "@neo4j-cypher" / "language-support"

INSTALL_HINT = "run `make test` or `npm ci --prefix tools/cypher-lint` from the repository root"

# Loading the bundled semantic analysis takes a few seconds; lint in batches.
TIMEOUT_SECONDS = 300


class CypherLintUnavailable(RuntimeError):
    """node or the linter's node_modules are missing."""


class CypherLintFailed(RuntimeError):
    """The linter process itself failed (bad input, crash, timeout)."""


def _node() -> str | None:
    return shutil.which("node")


def linter_available() -> bool:
    """True when ``node`` is on PATH and tools/cypher-lint/node_modules is installed."""
    return _node() is not None and _PACKAGE_DIR.is_dir()


def lint_queries(queries: dict[str, str]) -> dict[str, list[dict]]:
    """Lint named Cypher queries; return ``{name: [diagnostic, ...]}`` (empty list = clean)."""
    node = _node()
    if node is None:
        raise CypherLintUnavailable(f"`node` (Node.js 20+) is not on PATH; install it, then {INSTALL_HINT}")
    if not _PACKAGE_DIR.is_dir():
        raise CypherLintUnavailable(
            f"Cypher linter dependencies are missing ({NODE_MODULES}); {INSTALL_HINT}"
        )
    if not queries:
        return {}
    try:
        proc = subprocess.run(
            [node, str(LINT_SCRIPT)],
            input=json.dumps({"queries": queries}),
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=LINT_DIR,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise CypherLintFailed(f"cypher linter timed out after {TIMEOUT_SECONDS}s") from exc
    if proc.returncode != 0:
        raise CypherLintFailed(f"cypher linter exited with {proc.returncode}: {proc.stderr.strip()}")
    try:
        result = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise CypherLintFailed(f"cypher linter wrote invalid JSON: {proc.stdout[:500]!r}") from exc
    missing = set(queries) - set(result)
    if missing:
        raise CypherLintFailed(f"cypher linter returned no result for: {sorted(missing)}")
    return result


def lint_errors(queries: dict[str, str]) -> dict[str, list[dict]]:
    """Like :func:`lint_queries` but keep only queries with ``severity == "error"`` diagnostics."""
    out: dict[str, list[dict]] = {}
    for name, diagnostics in lint_queries(queries).items():
        errors = [d for d in diagnostics if d["severity"] == "error"]
        if errors:
            out[name] = errors
    return out
