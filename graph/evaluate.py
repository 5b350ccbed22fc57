"""Score extracted facts against gold facts: precision and recall per relation type and overall.

Matching rule (the honest measure): an extracted fact matches a gold fact when
- both endpoints resolve to the gold subject and object ids (either direction for symmetric relation
  types, `graph.schema.SYMMETRIC`), and
- the relation type is the same.
`score(..., relaxed=True)` drops the relation-type condition; it is reported next to the strict figure
only to show how many misses are a wrong type rather than a missed pair, never instead of it.

Precision: extracted facts (of the scored documents) that match some gold fact / extracted facts.
Recall: gold facts not marked `out_of_scope` that some extracted fact matches / such gold facts.
Per relation type, precision is grouped by the extracted fact's type and recall by the gold fact's type.

Gold facts are dicts with at least `subject`, `relation`, `object` and optionally `out_of_scope` and
`origin`. `origin` is "gold.json" for facts converted from the shared gold file and "added" for facts the
text states that the shared file leaves out; `score(..., origins=...)` restricts the gold used.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.models import Fact
from graph.schema import SYMMETRIC


@dataclass(frozen=True, slots=True)
class PR:
    tp_extracted: int
    extracted: int
    tp_gold: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp_extracted / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "extracted": self.extracted,
            "matched_extracted": self.tp_extracted,
            "gold": self.gold,
            "matched_gold": self.tp_gold,
        }


@dataclass(slots=True)
class Score:
    overall: PR
    by_relation: dict[str, PR] = field(default_factory=dict)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.as_dict(),
            "by_relation": {k: v.as_dict() for k, v in sorted(self.by_relation.items())},
        }


def _key(subject: str, relation: str, obj: str, relaxed: bool) -> tuple[str, ...]:
    symmetric = relation in SYMMETRIC or relaxed
    a, b = (min(subject, obj), max(subject, obj)) if symmetric else (subject, obj)
    return (a, b) if relaxed else (relation, a, b)


def _triple(f: Fact | Mapping[str, Any]) -> tuple[str, str, str]:
    if isinstance(f, Fact):
        return f.subject, f.relation, f.object
    return str(f["subject"]), str(f["relation"]), str(f["object"])


def score(
    extracted: Iterable[Fact | Mapping[str, Any]],
    gold: Iterable[Mapping[str, Any]],
    *,
    relaxed: bool = False,
    origins: frozenset[str] | None = None,
) -> Score:
    """Score one document's (or a corpus's, if ids are corpus-wide) extracted facts against gold facts."""
    gold_all = [g for g in gold if origins is None or g.get("origin", "gold.json") in origins]
    in_scope = [g for g in gold_all if not g.get("out_of_scope")]
    # Out-of-scope gold still makes an extracted fact correct if it happens to match it.
    gold_keys = {_key(*_triple(g), relaxed) for g in gold_all}
    ext = [_triple(f) for f in extracted]
    ext_keys = {_key(*t, relaxed) for t in ext}

    ext_total: Counter[str] = Counter()
    ext_hit: Counter[str] = Counter()
    fps: list[tuple[str, str, str]] = []
    for t in ext:
        ext_total[t[1]] += 1
        if _key(*t, relaxed) in gold_keys:
            ext_hit[t[1]] += 1
        else:
            fps.append(t)
    gold_total: Counter[str] = Counter()
    gold_hit: Counter[str] = Counter()
    misses: list[tuple[str, str, str]] = []
    for g in in_scope:
        t = _triple(g)
        gold_total[t[1]] += 1
        if _key(*t, relaxed) in ext_keys:
            gold_hit[t[1]] += 1
        else:
            misses.append(t)
    rels = sorted(set(ext_total) | set(gold_total))
    by_rel = {r: PR(ext_hit[r], ext_total[r], gold_hit[r], gold_total[r]) for r in rels}
    overall = PR(
        sum(ext_hit.values()), sum(ext_total.values()), sum(gold_hit.values()), sum(gold_total.values())
    )
    return Score(overall=overall, by_relation=by_rel, false_positives=fps, misses=misses)


def merge(scores: Iterable[Score]) -> Score:
    """Micro-average several documents' scores."""
    total = Counter[str]()
    by: dict[str, Counter[str]] = {}
    fps: list[tuple[str, str, str]] = []
    misses: list[tuple[str, str, str]] = []
    for s in scores:
        for name, pr in [("", s.overall), *s.by_relation.items()]:
            c = total if not name else by.setdefault(name, Counter())
            c["te"] += pr.tp_extracted
            c["e"] += pr.extracted
            c["tg"] += pr.tp_gold
            c["g"] += pr.gold
        fps += s.false_positives
        misses += s.misses
    return Score(
        overall=PR(total["te"], total["e"], total["tg"], total["g"]),
        by_relation={k: PR(c["te"], c["e"], c["tg"], c["g"]) for k, c in sorted(by.items())},
        false_positives=fps,
        misses=misses,
    )


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    """Gold file -> {document file name: {"doc_id", "facts"}}."""
    return dict(json.loads(path.read_text(encoding="utf-8"))["documents"])


def evaluate_gold_files(seeds: Path, gold_paths: list[Path], extractor: Any = None) -> tuple[Any, bool]:
    """Extract every document a gold file names and score it. Returns a rich Table and whether the
    figures meet the project's bars (seed P>=0.90 R>=0.85; corpus P>=0.85 R>=0.70)."""
    from rich.table import Table

    from graph.documents import read_document

    if extractor is None:
        from graph.extract import Extractor

        extractor = Extractor()
    table = Table(title="extraction against gold (strict: endpoints and relation type must match)")
    for col in ("gold file", "relation", "precision", "recall", "extracted", "gold"):
        table.add_column(col, justify="left" if col in ("gold file", "relation") else "right")
    ok = True
    for gold_path in gold_paths:
        gold = load_gold(gold_path)
        extracted = {name: extractor.extract(read_document(seeds / name)).facts for name in gold}
        every = merge(score(extracted[n], d["facts"]) for n, d in gold.items())
        for rel, pr in sorted(every.by_relation.items()):
            table.add_row(gold_path.name, rel, f"{pr.precision:.2f}", f"{pr.recall:.2f}", str(pr.extracted),
                          str(pr.gold))
        p, r = every.overall.precision, every.overall.recall
        table.add_row(gold_path.name, "ALL", f"{p:.3f}", f"{r:.3f}", str(every.overall.extracted),
                      str(every.overall.gold), style="bold")
        shared = merge(score(extracted[n], d["facts"], origins=frozenset({"gold.json"})) for n, d in gold.items())
        if shared.overall.gold:
            table.add_row(gold_path.name, "ALL (recall of shared gold.json facts only)", "",
                          f"{shared.overall.recall:.3f}", "", str(shared.overall.gold))
        bars = (0.90, 0.85) if "seed" in gold_path.name else (0.85, 0.70)
        ok = ok and p >= bars[0] and r >= bars[1]
    return table, ok
