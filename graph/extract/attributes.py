"""The English pipeline's attribute ruler, matched faster: the same matches, so the same parts of speech,
morphology and lemmas.

The shipped `attribute_ruler` maps tags (and some words) to parts of speech and morphology with a spaCy Matcher
of 179 patterns, which it tries at every token: about an eighth of the pipeline's time. Nearly all its patterns
are one token long and compare a tag, a lowercase word, a dependency or whether the token is a space with given
values; those are looked up here from the token's tag, and only the rest (two-token patterns, regular
expressions) go through a Matcher of their own. The ruler then applies the matches as before (sorted by pattern,
later patterns winning).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.matcher import Matcher
from spacy.strings import StringStore
from spacy.tokens import Doc

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]

# (column, the values it may or may not have, whether it must not have them)
Condition = tuple[int, frozenset[int], bool]


def _conditions(pattern: list[dict[str, Any]], strings: StringStore) -> list[Condition] | None:
    """A one-token pattern's tests as conditions on the token's row of _ARRAY; None for any other pattern."""
    if len(pattern) != 1:
        return None
    out: list[Condition] = []
    for attr, value in pattern[0].items():
        column = _COLUMNS.get(attr)
        if column is None:
            return None
        if isinstance(value, bool):
            if attr != "IS_SPACE":
                return None
            out.append((column, frozenset({int(value)}), False))
        elif isinstance(value, str) and attr != "IS_SPACE":
            out.append((column, frozenset({strings.add(value)}), False))
        elif isinstance(value, dict) and len(value) == 1 and attr != "IS_SPACE" and (
                "IN" in value or "NOT_IN" in value):
            negate = "NOT_IN" in value
            values = value["NOT_IN" if negate else "IN"]
            if not all(isinstance(v, str) for v in values):
                return None
            out.append((column, frozenset(strings.add(v) for v in values), negate))
        else:
            return None
    return out


# Which of a pattern's tests it is looked up by: the most selective it has.
_LOOKUP_ORDER = (_COLUMNS["LOWER"], _COLUMNS["DEP"], _COLUMNS["TAG"], _COLUMNS["IS_SPACE"])


class AttributeMatches:
    """A drop-in for AttributeRuler.match: the matches its Matcher finds, as (pattern, match id, start, end)."""

    def __init__(self, ruler: Any) -> None:
        self.strings: StringStore = ruler.vocab.strings
        # by column, by value: the one-token patterns looked up by that test, with their other tests
        self.lookup: list[dict[int, list[tuple[int, int, list[Condition]]]]] = [{} for _ in _COLUMNS]
        self.any_token: list[tuple[int, int, list[Condition]]] = []  # patterns with none to look up by
        self.rest = Matcher(ruler.vocab)
        for i in range(len(ruler.attrs)):
            key = str(i)
            match_id = self.strings.add(key)
            _, patterns = ruler.matcher.get(key)
            others = []
            for pattern in patterns:
                conditions = _conditions(pattern, self.strings)
                if conditions is None:
                    others.append(pattern)
                    continue
                by = next((c for column in _LOOKUP_ORDER for c in conditions if c[0] == column and not c[2]), None)
                if by is None:
                    self.any_token.append((i, match_id, conditions))
                    continue
                rest = [c for c in conditions if c is not by]
                for value in by[1]:
                    self.lookup[by[0]].setdefault(value, []).append((i, match_id, rest))
            if others:
                self.rest.add(key, others)
        self.columns = [(column, table) for column, table in enumerate(self.lookup) if table]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        matches: list[tuple[int, int, int, int]] = []
        for t, row in enumerate(doc.to_array(_ARRAY).tolist()):
            for column, table in self.columns:
                for i, match_id, conditions in table.get(row[column], ()):
                    if not conditions or all((row[c] in values) != negate for c, values, negate in conditions):
                        matches.append((i, match_id, t, t + 1))
            for i, match_id, conditions in self.any_token:
                if all((row[c] in values) != negate for c, values, negate in conditions):
                    matches.append((i, match_id, t, t + 1))
        if len(self.rest):
            for match_id, start, end in self.rest(doc, allow_missing=True, as_spans=False):  # type: ignore[misc]
                matches.append((int(self.strings[match_id]), match_id, start, end))
        matches.sort()
        return matches
