"""Named Cypher queries, parsed once from queries.cypher.

Each block starts with `// name: <name>`, then `//` lines: a description, `// mode: read|write|schema`,
`// public` for the read queries callers may list and run over HTTP (the rest are internal), `// $param: type -
description` for every parameter the body uses (`type?`: optional, null when a caller leaves it out), and, for the
few queries whose label, relationship type or path length varies, `// template: {label}`, `{rel_type}` or
`{hops}` (or `{prefix_length}`). A template slot is filled only from a closed list (the schema's, 1-6 for hops,
1-3 for a prefix's length: graph/derived.py RANKED_PREFIX), never from request
text. Two constants: `{fact_types}`, every fact relationship type joined with `|`, so variable-length patterns
never walk through the document links and never drift from the schema; `{fact_passes}`, the confidence and date
filter on a fact relationship `r`; `{document_dated}`, the same date filter on a document `d`.

Parameters given by callers (the HTTP query runner) are checked and coerced here too: `Query.coerce()`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from graph import schema
from graph.errors import BadQueryInput, QueryFileError

PARAM_TYPES = ("string", "int", "float", "bool", "list[string]", "list[map]", "map")
MAX_HOPS = 6
TEMPLATE_SLOTS: dict[str, tuple[str, ...]] = {"label": schema.ENTITY_LABELS, "rel_type": schema.RELATION_NAMES,
                                              "hops": tuple(str(n) for n in range(1, MAX_HOPS + 1)),
                                              "prefix_length": ("1", "2", "3")}
# A fact relationship `r` passes the answer filters: confidence at least $min_confidence and, with $as_of (the
# latest day) or $since (the earliest), a piece of evidence dated within them (ISO dates compare as text; a partial
# date counts as its first day: '2015' as 2015-01-01; undated evidence does not pass). Reference data (the
# gazetteer) is timeless. The service passes the earlier of `as_of` and `until` as $as_of.
FACT_PASSES = ("coalesce(r.confidence, 0.0) >= $min_confidence AND (($as_of IS NULL AND $since IS NULL) OR "
               "r.reference IS NOT NULL OR any(i IN range(0, size(r.dates) - 1) WHERE r.dates[i] <> '' AND "
               "($as_of IS NULL OR r.dates[i] <= $as_of) AND "
               "($since IS NULL OR substring(r.dates[i] + '-01-01', 0, 10) >= $since) AND "
               "coalesce(r.confidences[i], 0.0) >= $min_confidence))")
# A document `d` is dated within the same window: with $as_of or $since, its own date lies within them (compared as
# FACT_PASSES compares evidence dates; an undated document does not pass); with neither, every document passes.
DOCUMENT_DATED = ("(($as_of IS NULL AND $since IS NULL) OR (d.date IS NOT NULL AND d.date <> '' AND "
                  "($as_of IS NULL OR d.date <= $as_of) AND "
                  "($since IS NULL OR substring(d.date + '-01-01', 0, 10) >= $since)))")
CONSTANTS = {"fact_types": "|".join(schema.RELATION_NAMES), "fact_passes": FACT_PASSES,
             "document_dated": DOCUMENT_DATED}

_NAME = re.compile(r"^//\s*name:\s*([a-z][a-z0-9_]*)\s*$")
_MODE = re.compile(r"^//\s*mode:\s*(read|write|schema)\s*$")
_PUBLIC = re.compile(r"^//\s*public\s*$")
_PARAM = re.compile(r"^//\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([a-z\[\]]+)(\??)\s*(?:-|—)\s*(.+)$")
_TEMPLATE = re.compile(r"^//\s*template:\s*\{(\w+)\}\s*$")
_USED_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRING_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str
    optional: bool = False  # declared `type?`: a caller may leave it out, and it is null


@dataclass(frozen=True)
class Query:
    name: str
    description: str
    mode: str
    text: str
    params: dict[str, Param] = field(default_factory=dict)
    template: str | None = None
    public: bool = False

    def render(self, slot_value: str | None = None) -> str:
        """The Cypher text, with the template slot filled from the schema's closed list."""
        if self.template is None:
            if slot_value is not None:
                raise BadQueryInput(f"query {self.name!r} takes no template value")
            return self.text
        allowed = TEMPLATE_SLOTS[self.template]
        if slot_value not in allowed:
            raise BadQueryInput(f"query {self.name!r}: {slot_value!r} is not a known {self.template}")
        return self.text.replace("{" + self.template + "}", slot_value)

    def check_params(self, params: dict[str, object]) -> None:
        """The caller gives exactly the declared parameters (optional ones may be left out: they are null)."""
        if missing := {n for n, p in self.params.items() if not p.optional} - set(params):
            raise BadQueryInput(f"query {self.name!r} needs parameters {sorted(missing)}")
        if extra := set(params) - set(self.params):
            raise BadQueryInput(f"query {self.name!r} does not take parameters {sorted(extra)}")

    def with_defaults(self, params: dict[str, Any]) -> dict[str, Any]:
        """`params` with every optional parameter the caller left out set to null."""
        missing = [n for n, p in self.params.items() if p.optional and n not in params]
        return {**params, **dict.fromkeys(missing)} if missing else params

    def renderings(self) -> dict[str, str]:
        """Every text this query can take: one, or one per allowed template value."""
        if self.template is None:
            return {self.name: self.text}
        return {f"{self.name}[{v}]": self.render(v) for v in TEMPLATE_SLOTS[self.template]}

    def sample_rendering(self) -> tuple[str, str]:
        """One text of this query (the first template value): every rendering differs from it only in a label,
        relationship type or length taken from a closed list, so checking one checks the grammar of all."""
        if self.template is None:
            return self.name, self.text
        value = TEMPLATE_SLOTS[self.template][0]
        return f"{self.name}[{value}]", self.render(value)

    def coerce(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Parameters given by a caller, checked against the declared types and coerced ('5' -> 5 for an int);
        unknown or missing ones refused (BadQueryInput names them)."""
        self.check_params(raw)
        return {name: _coerce(name, p.type, raw.get(name)) for name, p in self.params.items()}


def parse(text: str) -> dict[str, Query]:
    queries: dict[str, Query] = {}
    blocks: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        m = _NAME.match(line.strip())
        if m:
            blocks.append((m.group(1), []))
        elif blocks:
            blocks[-1][1].append(line)
        elif line.strip() and not line.strip().startswith("//"):
            raise QueryFileError(f"Cypher outside any named block: {line.strip()[:60]!r}")
    for name, lines in blocks:
        if name in queries:
            raise QueryFileError(f"duplicate query name {name!r}")
        queries[name] = _parse_block(name, lines)
    return queries


def _parse_block(name: str, lines: list[str]) -> Query:
    description: list[str] = []
    params: dict[str, Param] = {}
    mode = None
    template = None
    public = False
    body: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not body and line.startswith("//"):
            if m := _MODE.match(line):
                mode = m.group(1)
            elif _PUBLIC.match(line):
                public = True
            elif m := _PARAM.match(line):
                pname, ptype, optional, pdesc = m.groups()
                if ptype not in PARAM_TYPES:
                    raise QueryFileError(f"{name}: parameter ${pname} has unknown type {ptype!r}")
                if pname in params:
                    raise QueryFileError(f"{name}: parameter ${pname} declared twice")
                params[pname] = Param(pname, ptype, pdesc.strip(), bool(optional))
            elif m := _TEMPLATE.match(line):
                if m.group(1) not in TEMPLATE_SLOTS:
                    raise QueryFileError(f"{name}: unknown template slot {m.group(1)!r}")
                template = m.group(1)
            elif line.startswith("// $"):
                raise QueryFileError(f"{name}: malformed parameter line {line!r} (want '// $p: type - text')")
            else:
                description.append(line.lstrip("/").strip())
        elif line:
            body.append(raw.rstrip())
    text = "\n".join(body).strip()
    for constant, value in CONSTANTS.items():
        text = text.replace("{" + constant + "}", value)
    if not text:
        raise QueryFileError(f"{name}: empty query body")
    if not any(description):
        raise QueryFileError(f"{name}: no description")
    if mode is None:
        raise QueryFileError(f"{name}: no '// mode: read|write|schema' line")
    used = set(_USED_PARAM.findall(_STRING_LITERAL.sub("''", text)))
    if undeclared := used - set(params):
        raise QueryFileError(f"{name}: parameters used but not declared: {sorted(undeclared)}")
    if unused := set(params) - used:
        raise QueryFileError(f"{name}: parameters declared but not used: {sorted(unused)}")
    if template and "{" + template + "}" not in text:
        raise QueryFileError(f"{name}: template slot {{{template}}} declared but not used")
    if public and mode != "read":
        raise QueryFileError(f"{name}: only read queries can be public")
    return Query(name, " ".join(d for d in description if d), mode, text, params, template, public)


_FINAL_RETURN = re.compile(r"\nRETURN\b[^\n]*(?:\n(?!\s*(?:MATCH|WITH|UNWIND|CALL|MERGE|CREATE)\b)[^\n]*)*\Z")


def compose(steps: list[tuple[str, str | None, dict[str, object]]]) -> tuple[str, dict[str, object]]:
    """One statement that runs several named write queries in order, each as a `CALL { ... }` unit subquery,
    so a document's writes cost one round trip instead of one per query. Each step's parameters are renamed
    `$s<i>_<name>` and its closing RETURN is dropped (a unit subquery returns nothing); the statement returns
    one row, `steps`. Plain Neo4j 5 Cypher: the tests lint a composed statement with Neo4j's own linter."""
    parts: list[str] = []
    params: dict[str, object] = {}
    for i, (name, slot, step_params) in enumerate(steps):
        query = get(name)
        if query.mode != "write":
            raise BadQueryInput(f"compose: {name!r} is not a write query")
        query.check_params(step_params)
        body = _FINAL_RETURN.sub("", query.render(slot)).rstrip()
        body = _USED_PARAM.sub(lambda m, i=i: f"$s{i}_{m.group(1)}", body)  # type: ignore[misc]
        parts.append("CALL {\n  " + body.replace("\n", "\n  ") + "\n}")
        params.update({f"s{i}_{k}": v for k, v in step_params.items()})
    return "\n".join(parts) + f"\nRETURN {len(steps)} AS steps", params


def load() -> dict[str, Query]:
    return parse(resources.files("graph").joinpath("queries.cypher").read_text(encoding="utf-8"))


QUERIES: dict[str, Query] = load()


def get(name: str) -> Query:
    try:
        return QUERIES[name]
    except KeyError:
        raise BadQueryInput(f"no query named {name!r}") from None


# ---------------------------------------------------------------------------------------------- caller parameters

MAX_INT_PARAM = 1_000_000
MAX_STRING_PARAM = 10_000
MAX_LIST_PARAM = 1_000


def _coerce(pname: str, ptype: str, value: Any) -> Any:
    def bad(why: str) -> BadQueryInput:
        return BadQueryInput(f"parameter ${pname} ({ptype}): {why}")

    if value is None:
        return None  # the queries use null for "any" (e.g. $country, $node_type, $as_of)
    if ptype == "string":
        if not isinstance(value, str):
            raise bad("expected a string")
        if len(value) > MAX_STRING_PARAM:
            raise bad(f"longer than {MAX_STRING_PARAM} characters")
        return value
    if ptype == "int":
        if isinstance(value, bool):
            raise bad("expected an integer")
        if isinstance(value, str) and re.fullmatch(r"-?\d{1,9}", value.strip()):
            value = int(value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int):
            raise bad("expected an integer")
        if abs(value) > MAX_INT_PARAM:
            raise bad(f"outside ±{MAX_INT_PARAM}")
        return value
    if ptype == "float":
        if isinstance(value, bool):
            raise bad("expected a number")
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                raise bad("expected a number") from None
        if not isinstance(value, int | float) or not math.isfinite(value):
            raise bad("expected a finite number")
        return float(value)
    if ptype == "bool":
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if not isinstance(value, bool):
            raise bad("expected true or false")
        return value
    if ptype in ("list[string]", "list[map]"):
        if not isinstance(value, list):
            raise bad("expected a list")
        if len(value) > MAX_LIST_PARAM:
            raise bad(f"more than {MAX_LIST_PARAM} items")
        item_type = "string" if ptype == "list[string]" else "map"
        if any(v is None for v in value):
            raise bad("null items are not allowed")
        return [_coerce(f"{pname}[{i}]", item_type, v) for i, v in enumerate(value)]
    if ptype == "map":
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise bad("expected an object")
        return value
    raise bad("unsupported parameter type")
