"""Quantities a sentence states: money, percentages, capacities, areas, volumes and counts."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from graph.models import Quantity, QuantityKind

_SCALE = {
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SCALE_RE = r"(?:\s*(thousand|million|mln|billion|bn|trillion|tn)\b)?"
_MONEY_RES = (
    re.compile(r"(?:US\$|USD\s?|\$)\s?" + _NUM + _SCALE_RE, re.IGNORECASE),
    re.compile(_NUM + _SCALE_RE + r"\s*(?:US\s)?(?:dollars|USD)\b", re.IGNORECASE),
)
_PERCENT_RE = re.compile(_NUM + r"\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
_MW_RE = re.compile(_NUM + r"\s*(MW|GW|kW)\b")
_AREA_RE = re.compile(_NUM + r"[\s-]*(?:square[\s-]met(?:re|er)s?|sq\.?\s?m\b|m2\b|m²)", re.IGNORECASE)
_VOLUME_RE = re.compile(_NUM + _SCALE_RE + r"\s*cubic\s+met(?:re|er)s?", re.IGNORECASE)
_COUNT_RE = re.compile(
    r"(?:(?:more than|over|about|approximately|around|roughly|nearly|almost|some|at least)\s+)?"
    + _NUM
    + _SCALE_RE
    + r"\s+((?:[a-z][a-z-]*\s+){0,2}?(?:companies|firms|enterprises|joint ventures|ventures|"
    r"people|projects|agreements|documents|memoranda|universities|specialists|workers|jobs|students|"
    r"tobacco products|products|units|lines|production lines))\b",
    re.IGNORECASE,
)


def _num(text: str) -> float:
    return float(text.replace(",", ""))


@functools.lru_cache(maxsize=256)
def _sentence_quantities(text: str) -> tuple[Quantity, ...]:
    """find_quantities, once per sentence: a sentence often states several facts."""
    return tuple(find_quantities(text))


def _scaled(m: re.Match[str]) -> float:
    """The number in group 1 times the word scale in group 2 ("1.5 billion")."""
    return _num(m.group(1)) * _SCALE.get((m.group(2) or "").lower(), 1.0)


_Rule = tuple[re.Pattern[str], QuantityKind, Callable[[re.Match[str]], float], Callable[[re.Match[str]], str]]
# In order of precedence: text taken by an earlier rule is not read again by a later one.
_QUANTITY_RULES: tuple[_Rule, ...] = (
    *((rx, "money", _scaled, lambda m: "USD") for rx in _MONEY_RES),
    (_VOLUME_RE, "volume", _scaled, lambda m: "m3"),
    (_PERCENT_RE, "percent", lambda m: _num(m.group(1)), lambda m: "percent"),
    (_MW_RE, "capacity", lambda m: _num(m.group(1)) * {"GW": 1000.0, "kW": 0.001}.get(m.group(2), 1.0),
     lambda m: "MW"),
    (_AREA_RE, "area", lambda m: _num(m.group(1)), lambda m: "m2"),
    (_COUNT_RE, "count", _scaled, lambda m: " ".join(m.group(3).lower().split())),
)


def find_quantities(text: str) -> list[Quantity]:
    """Normalised quantities stated in a sentence: money in USD, percentages, MW, m2, volumes and counts."""
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for rx, kind, value, unit in _QUANTITY_RULES:
        for m in rx.finditer(text):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                out.append(Quantity(kind=kind, value=value(m), unit=unit(m), text=m.group(0)))
                taken.append(m.span())
    return out

