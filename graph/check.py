"""`kg check [--repair]`: find, and mend, what concurrent writers could leave in graphs written before writes were
serialised (graph/store.py): one document's evidence on a fact more than once, two relationships of one type
between the same two entities, a mention link twice, evidence that no longer matches its document's text (left
by two versions of a document written at once).

The rule a repaired graph follows is the loader's own: a document gives a fact at most one piece of evidence (the
pipeline keeps one fact per subject, relation and object per document), and that piece quotes the document's
current text (`text[start:end]` is the sentence). A repair keeps, for each document, the first piece that still
quotes its text, merges parallel relationships into one, drops extra mention links, and recomputes confidence and
rule as removing a document's evidence does. Each fact is mended in its own write transaction, reading what it
mends inside it, so a repair may run beside loads. Every document whose evidence changed gets a change-feed entry
(`replaced`), so mirrors fetch the facts again.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph import schema
from graph.evidence import EVIDENCE_LISTS
from graph.loader import change_step
from graph.store import GraphStore, Transaction

FactKey = tuple[str, str, str]  # source, type, target


@dataclass
class CheckReport:
    facts: int = 0
    duplicated: dict[FactKey, int] = field(default_factory=dict)  # extra pieces of one document's evidence
    parallel: dict[FactKey, int] = field(default_factory=dict)  # relationships beyond the first
    stale: dict[FactKey, int] = field(default_factory=dict)  # pieces not quoting their document's text
    mention_links: int = 0  # extra mention links

    @property
    def damaged(self) -> set[FactKey]:
        return set(self.duplicated) | set(self.parallel) | set(self.stale)

    @property
    def clean(self) -> bool:
        return not self.damaged and not self.mention_links

    def rows(self) -> list[tuple[str, int, int]]:
        """(what, facts affected, how many) for a table."""
        return [("one document's evidence on a fact more than once", len(self.duplicated),
                 sum(self.duplicated.values())),
                ("relationships of one type between the same entities", len(self.parallel),
                 sum(self.parallel.values())),
                ("evidence not quoting its document's current text", len(self.stale), sum(self.stale.values())),
                ("mention links twice", 0, self.mention_links)]


@dataclass
class RepairReport:
    facts: int = 0  # facts rewritten
    pieces_removed: int = 0
    relationships_merged: int = 0
    facts_removed: int = 0  # facts left with no evidence (and no reference data), deleted
    mention_links_removed: int = 0
    documents: set[str] = field(default_factory=set)  # whose evidence changed (a change-feed entry each)


def check(store: GraphStore) -> CheckReport:
    """Read the whole graph's facts and find the damage (no writes)."""
    report = CheckReport()
    groups: dict[FactKey, list[dict[str, Any]]] = defaultdict(list)
    for r in store.run("export_relationships"):
        groups[(r["source"], r["type"], r["target"])].append(dict(r["props"]))
    texts = _texts(store.run, {d for rels in groups.values() for props in rels for d in props.get("doc_ids") or []})
    report.facts = len(groups)
    for key, rels in groups.items():
        if len(rels) > 1:
            report.parallel[key] = len(rels) - 1
        _, dropped_dupes, dropped_stale = _mend(rels, texts)
        if dropped_dupes:
            report.duplicated[key] = dropped_dupes
        if dropped_stale:
            report.stale[key] = dropped_stale
    report.mention_links = int(store.run("count_duplicate_mentions")[0]["extra"] or 0)
    return report


def repair(store: GraphStore, found: CheckReport) -> RepairReport:
    """Mend every damaged fact found by check() (each re-read in its own write transaction) and the mention links."""
    done = RepairReport()
    touched: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"kept": set(), "lost": set()})
    for key in sorted(found.damaged):
        outcome = store.write(lambda tx, key=key: _repair_fact(tx, key))  # type: ignore[misc]
        if outcome is None:
            continue
        merged, removed_pieces, gone, before, after = outcome
        done.facts += 1
        done.relationships_merged += merged
        done.pieces_removed += removed_pieces
        done.facts_removed += int(gone)
        edge_id = "|".join((key[0], key[1], key[2]))
        for doc in before | after:
            touched[doc]["kept" if doc in after else "lost"].add(edge_id)
    if found.mention_links:
        done.mention_links_removed = store.write(
            lambda tx: int(tx.run("remove_duplicate_mentions")[0]["removed"] or 0))
    for doc, edges in sorted(touched.items()):
        store.write(lambda tx, doc=doc, edges=edges: tx.run_all(  # type: ignore[misc]
            [change_step("replaced", doc, sorted(edges["kept"]), sorted(edges["lost"]))]))
        done.documents.add(doc)
    return done


def _repair_fact(tx: Transaction, key: FactKey) -> tuple[int, int, bool, set[str], set[str]] | None:
    source, rel_type, target = key
    schema.check_relation(rel_type)
    rels = [dict(r["props"]) for r in tx.run("fact_relationships", rel_type, source=source, target=target)]
    if not rels:
        return None
    before = {d for props in rels for d in props.get("doc_ids") or []}
    texts = _texts(tx.run, before)
    mended, dupes, stale = _mend(rels, texts)
    if len(rels) == 1 and not dupes and not stale:
        return None  # mended meanwhile (by a load that replaced the document)
    if mended.get("doc_ids") or mended.get("reference") is not None:
        tx.run("replace_fact", rel_type, source=source, target=target, props=mended)
        gone = False
    else:
        tx.run("remove_fact", rel_type, source=source, target=target)
        gone = True
    return len(rels) - 1, dupes + stale, gone, before, set(mended.get("doc_ids") or [])


def _texts(run: Any, doc_ids: set[str]) -> dict[str, str]:
    if not doc_ids:
        return {}
    return {r["id"]: r["text"] for r in run("document_texts", ids=sorted(doc_ids))}


def _mend(rels: list[dict[str, Any]], texts: dict[str, str]) -> tuple[dict[str, Any], int, int]:
    """One relationship's properties from `rels` (one or several parallel ones): evidence pieces in order, at most
    one per document, each quoting its document's current text. Returns them, the duplicates and the stale pieces
    dropped."""
    pieces: list[dict[str, Any]] = []
    for props in rels:
        ids = props.get("doc_ids") or []
        for i in range(len(ids)):
            pieces.append({name: _at(props, name, i) for name in EVIDENCE_LISTS})
    kept: list[dict[str, Any]] = []
    seen: set[str] = set()
    dupes = stale = 0
    for piece in pieces:
        doc = piece["doc_ids"]
        text = texts.get(doc)
        start, end = piece["starts"], piece["ends"]
        if text is not None and isinstance(start, int) and isinstance(end, int) \
                and text[start:end] != piece["sentences"]:
            stale += 1
            continue
        if doc in seen:
            dupes += 1
            continue
        seen.add(doc)
        kept.append(piece)
    props = dict(rels[0])
    reference = next((p.get("reference") for p in rels if p.get("reference") is not None), None)
    if reference is not None:
        props["reference"] = reference
    for name in EVIDENCE_LISTS:
        props[name] = [piece[name] for piece in kept]
    confidences = [c for c in props["confidences"] if isinstance(c, int | float)]
    props["confidence"] = max([1.0 if reference is not None else 0.0, *confidences])
    if kept:
        best = max(kept, key=lambda p: p["confidences"] if isinstance(p["confidences"], int | float) else 0.0)
        props["rule"] = best["rules"]
        money = [float(q["usd"]) for p in kept for q in _quantities(p["quantities"])
                 if q.get("kind") == "money" and isinstance(q.get("usd"), int | float)]
        props["amount_usd"] = max(money) if money else None
    return {k: v for k, v in props.items() if v is not None}, dupes, stale


# What a missing entry of an evidence list stands for (lists written before the list existed are shorter).
_MISSING = {"pages": 0, "dates": "", "date_sources": "", "modalities": "", "quantities": "[]", "rules": "",
            "confidences": 0.0}


def _at(props: dict[str, Any], name: str, i: int) -> Any:
    values = props.get(name) or []
    value = values[i] if i < len(values) else None
    return _MISSING.get(name) if value is None else value


def _quantities(text: Any) -> list[dict[str, Any]]:
    try:
        value = json.loads(text) if isinstance(text, str) else []
    except ValueError:
        return []
    return [q for q in value if isinstance(q, dict)] if isinstance(value, list) else []
