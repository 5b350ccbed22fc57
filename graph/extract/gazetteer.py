"""The gazetteer: names, aliases and demonyms of known actors, places and resources (graph/data/gazetteer.json),
and the name keys under which mentions are compared."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.json"


def slug(text: str) -> str:
    text = text.replace("&", "n").replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Legal-form suffixes: "SK Ecoplant Co. Ltd." and "SK ecoplant" are one firm.
_SUFFIX_RE = re.compile(
    r"(?:[\s,]+(?:co\.?|ltd\.?|limited|corp\.?|corporation|inc\.?|incorporated|[ocp]?jsc|llc|llp|plc|"
    r"company|group|holdings?|ag|gmbh|s\.a\.?))+\.?$",
    re.IGNORECASE,
)
_TITLE_RE = re.compile(
    r"^(?:(?:the|former|president|vice-president|prime|minister|foreign|mr\.?|ms\.?|mrs\.?|dr\.?|"
    r"ambassador|speaker|ceo|chairman|king|queen|deputy|first|general|secretary)\s+)+",
    re.IGNORECASE,
)


_LEGAL_SHORT = (("Corporation", "Corp."), ("Company", "Co."), ("Limited", "Ltd."), ("Incorporated", "Inc."))


def name_key(text: str) -> str:
    """Comparison key for names: case, punctuation, 'the' and legal-form suffixes ignored."""
    t = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    t = re.sub(r"'s$|’s$", "", t)
    t = _SUFFIX_RE.sub("", t)
    return slug(t)


# ---------------------------------------------------------------------------------------------------------
# Gazetteer


@dataclass(frozen=True, slots=True)
class GazEntry:
    id: str
    label: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    parent: str | None = None
    country: str | None = None
    metonym_for: str | None = None


class Gazetteer:
    def __init__(self, path: Path = GAZETTEER_PATH) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.version: str = data["version"]
        self.entries: dict[str, GazEntry] = {}
        for e in data["entries"]:
            self.entries[e["id"]] = GazEntry(
                id=e["id"],
                label=e["label"],
                name=e["name"],
                aliases=tuple(e.get("aliases", ())),
                demonyms=tuple(e.get("demonyms", ())),
                parent=e.get("parent"),
                country=e.get("country"),
                metonym_for=e.get("metonym_for"),
            )
        # country id -> the place that stands for it (its capital: "the capital", "Seoul's grant")
        self.capitals: dict[str, str] = {e.metonym_for: e.id for e in self.entries.values()
                                         if e.label == "Location" and e.metonym_for}
        self.capital_ids: frozenset[str] = frozenset(self.capitals.values())
        # the ids other entries name as their parent group
        self.parents: frozenset[str] = frozenset(e.parent for e in self.entries.values() if e.parent)
        # name key -> ids; several ids share a key for generic names ("Ministry of Foreign Affairs")
        self.by_key: dict[str, list[str]] = {}
        self.demonym_of: dict[str, str] = {}
        for e in self.entries.values():
            for n in (e.name, *e.aliases):
                ids = self.by_key.setdefault(name_key(n), [])
                if e.id not in ids:
                    ids.append(e.id)
            for d in e.demonyms:
                self.demonym_of[d.lower()] = e.id
        # the countries' names, aliases and demonyms as slugs, longest first ("-of-the-kyrgyz-republic" before
        # "-of-kyrgyz")
        self.country_slugs: list[str] = sorted(
            {slug(n) for e in self.entries.values() if e.label == "Country" for n in (e.name, *e.aliases)}
            | {slug(d) for d in self.demonym_of}, key=len, reverse=True)

    def lookup(self, text: str) -> list[str]:
        return self.by_key.get(name_key(text), [])

    def patterns(self, tokenize: Any) -> list[dict[str, Any]]:
        """EntityRuler patterns. Ambiguous names get the id 'ambig:<key>' and are resolved in context."""
        pats: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for e in self.entries.values():
            names = [(n, e.label) for n in (e.name, *e.aliases)]
            # "Korea Electric Power Corp." ends in a token of its own with the period
            names += [(n + ".", e.label) for n in (e.name, *e.aliases) if re.search(r"\b(?:Corp|Co|Inc|Ltd)$", n)]
            # "Korea Mine Rehabilitation and Mineral Resources Corp." for "... Corporation": a legal form short or
            # long is the same name
            names += [(n[: -len(long)] + short, e.label) for n in (e.name, *e.aliases)
                      for long, short in _LEGAL_SHORT if n.endswith(" " + long)]
            names += [(d, "DEMONYM") for d in e.demonyms]
            for n, label in names:
                ids = self.by_key.get(name_key(n), [e.id])
                ent_id = e.id if label == "DEMONYM" or len(ids) == 1 else "ambig:" + name_key(n)
                key = (n, ent_id)
                if key in seen:
                    continue
                seen.add(key)
                if n.isupper() or len(n) <= 3:
                    # acronyms match exactly: "ROK", "UN", "SK" must not match ordinary words
                    toks = [t.text for t in tokenize(n)]
                    pats.append({"label": label, "pattern": [{"ORTH": t} for t in toks], "id": ent_id})
                else:
                    # a phrase pattern, matched case-insensitively (the ruler's phrase_matcher_attr is LOWER):
                    # the phrase matcher is far cheaper than one token pattern per name
                    pats.append({"label": label, "pattern": n, "id": ent_id})
        return pats
