"""Quantities a sentence states: money in any currency, percentages, capacities, areas, volumes and counts.

Money keeps its original value and currency; `to_usd` gives it a US-dollar value at the yearly average rate of a
given year, from the table in `graph/data/fx_rates.json` (its sources are named there).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Token

from graph.models import Quantity, QuantityKind

FX_PATH = Path(__file__).resolve().parent.parent / "data" / "fx_rates.json"

_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "trln": 1e12,
    "tn": 1e12,
}
_NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE_WORDS = r"thousand|million|mln|mn|billion|bln|bn|trillion|trln|tn"
_SCALE_RE = rf"(?:\s*({_SCALE_WORDS})\b)?"
# after a currency sign the scale may be a bare letter: "$2.2bn", "$200m", "€5 mln"
_SIGN_SCALE_RE = rf"(?:\s*({_SCALE_WORDS})\b|({'m|b|k'})\b)?"

# Currency written before the number (a sign or a code) and after it (a code or a word).
_PREFIX = {
    "US$": "USD", "USD": "USD", "$": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "₩": "KRW",
    "KRW": "KRW", "₸": "KZT", "KZT": "KZT", "UZS": "UZS", "KGS": "KGS", "TJS": "TJS", "TMT": "TMT", "₽": "RUB",
    "RUB": "RUB", "CNY": "CNY", "RMB": "CNY", "¥": "JPY", "JPY": "JPY", "CHF": "CHF",
}
_SUFFIX = {
    "usd": "USD", "us dollars": "USD", "dollars": "USD", "dollar": "USD", "won": "KRW", "krw": "KRW",
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "tenge": "KZT", "kzt": "KZT", "sums": "UZS", "sum": "UZS",
    "soums": "UZS", "soum": "UZS", "uzs": "UZS", "soms": "KGS", "som": "KGS", "kgs": "KGS", "somoni": "TJS",
    "somonis": "TJS", "tjs": "TJS", "manats": "TMT", "manat": "TMT", "tmt": "TMT", "rubles": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "rub": "RUB", "yuan": "CNY", "cny": "CNY", "yen": "JPY",
    "jpy": "JPY", "pounds sterling": "GBP",
}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONEY_PREFIX_RE = re.compile(rf"({_alternation(list(_PREFIX))})\s?" + _NUM + _SIGN_SCALE_RE)
_MONEY_SUFFIX_RE = re.compile(
    _NUM + _SCALE_RE + rf"\s*(?:of\s+)?(?:US\s)?({_alternation(list(_SUFFIX))})\b", re.IGNORECASE
)
_PERCENT_RE = re.compile(_NUM + r"\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
_MW_RE = re.compile(_NUM + r"\s*(MW|GW|kW)\b")
_AREA_RE = re.compile(_NUM + r"[\s-]*(?:square[\s-]met(?:re|er)s?|sq\.?\s?m\b|m2\b|m²|hectares?\b)", re.IGNORECASE)
_VOLUME_RE = re.compile(_NUM + _SCALE_RE + r"\s*(?:cubic\s+met(?:re|er)s?|tonnes|tons)\b", re.IGNORECASE)
_COUNT_RE = re.compile(
    r"(?:(?:more than|over|about|approximately|around|roughly|nearly|almost|some|at least)\s+)?"
    + _NUM
    + _SCALE_RE
    + r"\s+((?:[a-z][a-z-]*\s+){0,2}?(?:companies|firms|enterprises|joint ventures|ventures|"
    r"people|projects|agreements|documents|memoranda|universities|specialists|workers|jobs|students|"
    r"tobacco products|products|units|lines|production lines|schools|cars|vehicles))\b",
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


def _prefix_money(m: re.Match[str]) -> float:
    scale = m.group(3) or m.group(4) or ""
    return _num(m.group(2)) * _SCALE.get(scale.lower(), 1.0)


_Rule = tuple[re.Pattern[str], QuantityKind, Callable[[re.Match[str]], float], Callable[[re.Match[str]], str]]
# In order of precedence: text taken by an earlier rule is not read again by a later one.
_QUANTITY_RULES: tuple[_Rule, ...] = (
    (_MONEY_PREFIX_RE, "money", _prefix_money, lambda m: _PREFIX[m.group(1)]),
    (_MONEY_SUFFIX_RE, "money", _scaled, lambda m: _SUFFIX[m.group(3).lower()]),
    (_VOLUME_RE, "volume", _scaled, lambda m: "m3" if "met" in m.group(0).lower() else "t"),
    (_PERCENT_RE, "percent", lambda m: _num(m.group(1)), lambda m: "percent"),
    (_MW_RE, "capacity", lambda m: _num(m.group(1)) * {"GW": 1000.0, "kW": 0.001}.get(m.group(2), 1.0),
     lambda m: "MW"),
    (_AREA_RE, "area", lambda m: _num(m.group(1)) * (1e4 if "hectare" in m.group(0).lower() else 1.0),
     lambda m: "m2"),
    (_COUNT_RE, "count", _scaled, lambda m: " ".join(m.group(3).lower().split())),
)


def find_quantities(text: str) -> list[Quantity]:
    """Quantities stated in a sentence: money in its own currency, percentages, MW, m2, volumes and counts."""
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for rx, kind, value, unit in _QUANTITY_RULES:
        for m in rx.finditer(text):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                out.append(Quantity(kind=kind, value=value(m), unit=unit(m), text=m.group(0).strip()))
                taken.append(m.span())
    return out


@functools.cache
def fx_table() -> dict[str, dict[int, float]]:
    """Currency -> year -> units per US dollar."""
    data = json.loads(FX_PATH.read_text(encoding="utf-8"))
    return {c: {int(y): float(v) for y, v in years.items()} for c, years in data["per_usd"].items()}


def to_usd(q: Quantity, year: int | None) -> Quantity:
    """Money with its US-dollar value at the average rate of `year` (the nearest year the table has); anything
    else, or a currency the table does not know, unchanged."""
    if q.kind != "money":
        return q
    rates = fx_table().get(q.unit)
    if not rates:
        return q
    if year is None:
        year = max(rates)
    at = min(rates, key=lambda y: (abs(y - year), -y))
    return q.model_copy(update={"usd": round(q.value / rates[at], 2), "rate_year": at})


def is_sum(tok: Token) -> bool:
    """Does the token stand for a sum of money: a number, a MONEY entity, or a currency word counted ("62 million
    somoni", which NER may leave a plain number)?"""
    return tok.like_num or tok.ent_type_ == "MONEY" or (
        tok.lower_ in _SUFFIX and any(c.dep_ in ("nummod", "compound") and (c.like_num or c.pos_ == "NUM")
                                      for c in tok.children))
