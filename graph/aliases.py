"""Search aliases: names people type that the graph's own names and aliases do not hold.

graph/data/search_aliases.json maps gazetteer ids to names in Hangul, Cyrillic and Latin variants, and countries to
their ISO 3166-1 codes. Search (graph.service.search_entities) and the resolution of entity names
(graph.service.resolve_entity) read it; extraction never does, so a name added here cannot change what is
extracted from a document. The store is not written either: an id found here is looked up in the graph, and an
entity the graph does not hold (no document mentioned it) is simply not found.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SEARCH_ALIASES_PATH = Path(__file__).resolve().parent / "data" / "search_aliases.json"

_APOSTROPHES = str.maketrans({"ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "`": "'", "ё": "е", "Ё": "е"})
_SEPARATORS = re.compile(r"[\s\-‐‑–—·・]+")


def normalise(text: str) -> str:
    """The form names are compared in: NFKC, case-folded, one apostrophe, 'ё' as 'е', and runs of spaces, hyphens,
    dashes and middle dots as one space ('Касым-Жомарт' and 'касым жомарт' meet; so do '한-중앙아' and '한·중앙아')."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return _SEPARATORS.sub(" ", text).strip()


@dataclass(frozen=True)
class AliasHit:
    id: str
    alias: str  # the alias as written in the file
    kind: str  # 'code' (ISO 3166) or 'name'
    exact: bool


class SearchAliases:
    """The file's names and codes, indexed by their normalised form."""

    def __init__(self, names: dict[str, list[str]], codes: dict[str, list[str]]) -> None:
        self._entries: list[tuple[str, str, str, str]] = []  # (normalised, alias, id, kind)
        for eid, aliases in names.items():
            for alias in aliases:
                self._entries.append((normalise(alias), alias, eid, "name"))
        for eid, country_codes in codes.items():
            for code in country_codes:
                self._entries.append((normalise(code), code, eid, "code"))
        self._exact: dict[str, list[tuple[str, str, str]]] = {}
        for norm, alias, eid, kind in self._entries:
            self._exact.setdefault(norm, []).append((alias, eid, kind))

    def exact(self, text: str) -> list[AliasHit]:
        """Entities one of whose search aliases or codes is `text` (compared normalised)."""
        return [AliasHit(eid, alias, kind, True) for alias, eid, kind in self._exact.get(normalise(text), [])]

    def prefix(self, text: str) -> list[AliasHit]:
        """Entities one of whose search names (not codes: 'K' is no country) starts with `text`, exact ones
        excluded; one hit per entity, its shortest matching name."""
        q = normalise(text)
        if not q:
            return []
        best: dict[str, tuple[str, str]] = {}
        for norm, alias, eid, kind in self._entries:
            if kind != "name" or norm == q or not norm.startswith(q):
                continue
            if eid not in best or len(norm) < len(best[eid][0]):
                best[eid] = (norm, alias)
        return [AliasHit(eid, alias, "name", False) for eid, (_, alias) in sorted(best.items())]

    def names_of(self, entity_id: str) -> list[str]:
        return [alias for _, alias, eid, _ in self._entries if eid == entity_id]


@lru_cache(maxsize=1)
def search_aliases() -> SearchAliases:
    data = json.loads(SEARCH_ALIASES_PATH.read_text(encoding="utf-8"))
    return SearchAliases(data.get("names", {}), data.get("iso3166", {}))
