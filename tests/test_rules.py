"""Every registered rule makes the facts its own examples name: a rule change that breaks an example fails here.

Each example runs through the whole extractor (as a one-paragraph document dated 2024-06-20); the facts are
matched by the names or aliases of their ends, and must carry the rule's name.
"""

from __future__ import annotations

import pytest

from graph.documents import parse_document
from graph.extract import Extractor, name_key
from graph.extract.registry import RULES
from graph.models import Extraction
from graph.schema import SYMMETRIC

CASES = [(r.name, i) for r in RULES.values() for i in range(len(r.examples))]


def _names(ex: Extraction) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in ex.entities:
        out[e.id] = {name_key(n) for n in (e.name, *e.aliases)} | {e.id}
    return out


def test_every_rule_that_emits_has_an_example() -> None:
    missing = [r.name for r in RULES.values() if not r.examples and r.stage != "reference"]
    assert not missing


@pytest.mark.parametrize(("rule", "index"), CASES, ids=[f"{r}#{i}" for r, i in CASES])
def test_rule_example(extractor: Extractor, rule: str, index: int) -> None:
    example = RULES[rule].examples[index]
    ex = extractor.extract(parse_document(example.text, doc_id="doc:example", date="2024-06-20"))
    names = _names(ex)
    made = {(f.subject, f.relation, f.object): f for f in ex.facts}
    for subject, relation, obj in example.facts:
        found = [f for (s, r, o), f in made.items() if r == relation and any(
            name_key(a) in names.get(s, set()) and name_key(b) in names.get(o, set())
            for a, b in ([(subject, obj), (obj, subject)] if relation in SYMMETRIC else [(subject, obj)]))]
        assert found, f"{rule}: no {subject} {relation} {obj} in {sorted(made)}"
        assert any(f.rule == rule for f in found), f"{rule}: made by {[f.rule for f in found]}"
        assert all(f.evidence is not None and f.evidence.sentence in example.text for f in found)
