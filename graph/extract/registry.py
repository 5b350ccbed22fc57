"""The rule registry: every rule that emits facts has a name, a confidence and example sentences.

A fact records the name of the rule that made it (`Fact.rule`) and the rule's confidence, so a reviewer can ask
"which rule said this?" and `kg eval --explain` can say it. `tests/test_rules.py` runs every example through the
whole extractor and checks that the rule makes the fact the example names: a rule change that breaks its own
example fails there.

An example is a sentence (or a few) and the facts the rule must make from it, each end given by a name the
entity carries (its name or an alias, compared as `name_key` compares names).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from graph.schema import RELATIONSHIPS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from graph.extract.state import DocState


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    facts: tuple[tuple[str, str, str], ...]  # (subject name, RELATION, object name)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    stage: str  # "role", "verb", "noun", "document", "reference", "association"
    description: str
    confidence: float
    examples: tuple[Example, ...] = field(default=())


RULES: dict[str, Rule] = {}


class RuleError(ValueError):
    """A rule registered twice, or with an example that names an unknown relation."""


def register(name: str, *, stage: str, description: str, confidence: float,
             examples: tuple[tuple[str, list[tuple[str, str, str]]], ...] = ()) -> Rule:
    if name in RULES:
        raise RuleError(f"rule {name!r} registered twice")
    if not 0.0 < confidence <= 1.0:
        raise RuleError(f"rule {name!r}: confidence must be in (0, 1]")
    exs = tuple(Example(text, tuple(facts)) for text, facts in examples)
    for ex in exs:
        for _s, rel, _o in ex.facts:
            if rel not in RELATIONSHIPS:
                raise RuleError(f"rule {name!r}: example names unknown relation {rel!r}")
    rule = Rule(name=name, stage=stage, description=description, confidence=confidence, examples=exs)
    RULES[name] = rule
    return rule


F = TypeVar("F", bound=Callable[..., object])


def rule(name: str, *, stage: str, confidence: float,
         examples: tuple[tuple[str, list[tuple[str, str, str]]], ...] = ()) -> Callable[[F], F]:
    """Register the decorated function as a rule; its docstring is the rule's description. The function still
    has to be called by its stage, inside `running(st, name)`."""

    def deco(fn: F) -> F:
        register(name, stage=stage, description=(fn.__doc__ or "").strip().split("\n")[0],
                 confidence=confidence, examples=examples)
        return fn

    return deco


@contextmanager
def running(st: DocState, name: str, trigger: Token | None = None) -> Iterator[None]:
    """Facts emitted inside this block are made by rule `name` (and dated from near `trigger`)."""
    r = RULES[name]
    before = st.rule, st.confidence, st.trigger
    st.rule, st.confidence, st.trigger = r.name, r.confidence, trigger
    try:
        yield
    finally:
        st.rule, st.confidence, st.trigger = before
