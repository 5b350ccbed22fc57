"""Documents into the graph: read, extract, write; idempotent and incremental.

Each document is written in one transaction: its Document node, the entities it mentions, and its facts,
each fact as one relationship per (subject, type, object) carrying one evidence entry per sentence. A document
whose content hash is unchanged is skipped; a changed one first has exactly its own evidence removed.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from graph import schema
from graph.documents import DocumentError, read_document
from graph.errors import GraphError
from graph.models import Extraction, SourceDocument
from graph.store import GraphStore, Transaction

if TYPE_CHECKING:
    from graph.extract import Extractor

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".text"}
Status = Literal["loaded", "replaced", "unchanged", "skipped"]


@dataclass
class DocumentResult:
    path: str
    doc_id: str | None
    status: Status
    reason: str | None = None
    entities: int = 0
    facts_by_type: Counter[str] = field(default_factory=Counter)


@dataclass
class LoadReport:
    results: list[DocumentResult] = field(default_factory=list)
    seconds_read: float = 0.0
    seconds_extract: float = 0.0
    seconds_write: float = 0.0
    seconds_wall: float = 0.0
    tokens: int = 0

    @property
    def skipped(self) -> list[DocumentResult]:
        return [r for r in self.results if r.status == "skipped"]

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def facts_by_type(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for r in self.results:
            total.update(r.facts_by_type)
        return total


def iter_document_paths(paths: Iterable[Path]) -> list[Path]:
    """Files to load: files given directly, and documents found under directories given."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES
                              and not f.name.startswith(".") and f.name.lower() != "readme.md"))
        else:
            out.append(p)
    return out


def fact_rows(extraction: Extraction) -> dict[str, list[dict[str, object]]]:
    rows: dict[str, list[dict[str, object]]] = {}
    for fact in extraction.facts:
        schema.check_relation(fact.relation)
        money = [q.value for q in fact.quantities if q.kind == "money" and q.unit == "USD"]
        rows.setdefault(fact.relation, []).append({
            "subject": fact.subject,
            "object": fact.object,
            "doc_id": fact.evidence.doc_id,
            "sentence": fact.evidence.sentence,
            "start": fact.evidence.start,
            "end": fact.evidence.end,
            "date": fact.evidence.date,
            "modality": fact.modality,
            "quantities": json.dumps([q.model_dump() for q in fact.quantities], ensure_ascii=False),
            "amount_usd": max(money) if money else None,
        })
    return rows


def write_steps(extraction: Extraction, *, replace: bool) -> list[tuple[str, str | None, dict[str, object]]]:
    """The named write queries for one document, in order, with their parameters."""
    doc = extraction.document
    steps: list[tuple[str, str | None, dict[str, object]]] = []
    if replace:
        steps += [("remove_document_facts", None, {"doc_id": doc.id}),
                  ("remove_document_mentions", None, {"doc_id": doc.id})]
    steps.append(("upsert_document", None, {"doc": {
        "id": doc.id, "title": doc.title, "source": doc.source, "date": doc.date, "date_text": doc.date_text,
        "license": doc.license, "content_hash": doc.content_hash, "path": doc.path, "text": doc.text,
        "loaded_at": datetime.now(UTC).isoformat(timespec="microseconds"),
    }}))
    by_label: dict[str, list[dict[str, object]]] = {}
    for e in extraction.entities:
        by_label.setdefault(schema.check_label(e.label), []).append({"id": e.id, "name": e.name})
    steps += [("create_missing_entities", label, {"rows": rows}) for label, rows in by_label.items()]
    steps.append(("update_entities", None, {"rows": [
        {"id": e.id, "name": e.name, "aliases": e.aliases, "props": e.properties} for e in extraction.entities
    ]}))
    steps.append(("link_mentions", None, {"doc_id": doc.id, "ids": sorted(set(extraction.mentions))}))
    steps += [("merge_facts", rel_type, {"rows": rows}) for rel_type, rows in fact_rows(extraction).items()]
    return steps


def write_extraction(tx: Transaction, extraction: Extraction, *, replace: bool) -> None:
    """All writes for one document, inside the caller's transaction, as one statement (one round trip)."""
    tx.run_all(write_steps(extraction, replace=replace))


class Loader:
    def __init__(self, store: GraphStore, extractor: Extractor | None = None, *, max_bytes: int | None = None):
        self.store = store
        self._extractor = extractor
        self.max_bytes = max_bytes or store.settings.max_document_bytes

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            from graph.extract import Extractor  # deferred: loading spaCy takes seconds

            self._extractor = Extractor()
        return self._extractor

    def load_paths(self, paths: Iterable[Path], on_progress: Callable[[DocumentResult], None] | None = None
                   ) -> LoadReport:
        """Load files in order, each in its own transaction. (Overlapping one document's write with the next
        one's extraction was measured and gained nothing on two cores: both slowed down by as much.)"""
        report = LoadReport()
        t_start = time.perf_counter()
        for path in iter_document_paths(paths):
            t0 = time.perf_counter()
            try:
                doc = read_document(path, max_bytes=self.max_bytes)
            except DocumentError as e:
                result = DocumentResult(str(path), None, "skipped", str(e))
            else:
                report.seconds_read += time.perf_counter() - t0
                result = self.load_document(doc, report)
            report.results.append(result)
            if on_progress:
                on_progress(result)
        report.seconds_wall = time.perf_counter() - t_start
        return report

    def load_document(self, doc: SourceDocument, report: LoadReport | None = None) -> DocumentResult:
        report = report if report is not None else LoadReport()
        prepared = self._prepare(doc, report)
        if isinstance(prepared, DocumentResult):
            return prepared
        return self._write(prepared, report)

    def _prepare(self, doc: SourceDocument, report: LoadReport) -> DocumentResult | tuple[Extraction, bool]:
        """Skip an unchanged document; extract a new or changed one."""
        try:
            existing = self.store.run("document_hash", doc_id=doc.id)
        except GraphError as e:
            return DocumentResult(doc.path or doc.id, doc.id, "skipped", str(e))
        if existing and existing[0]["content_hash"] == doc.content_hash:
            return DocumentResult(doc.path or doc.id, doc.id, "unchanged")
        t0 = time.perf_counter()
        extraction = self.extractor.extract(doc)
        report.seconds_extract += time.perf_counter() - t0
        report.tokens += len(doc.text.split())
        return extraction, bool(existing)

    def _write(self, prepared: tuple[Extraction, bool], report: LoadReport) -> DocumentResult:
        extraction, replace = prepared
        doc = extraction.document
        path = doc.path or doc.id
        t0 = time.perf_counter()
        try:
            self.store.write(lambda tx: write_extraction(tx, extraction, replace=replace))
        except GraphError as e:
            log.warning("could not load %s: %s", path, e)
            return DocumentResult(path, doc.id, "skipped", str(e))
        finally:
            report.seconds_write += time.perf_counter() - t0
        return DocumentResult(path, doc.id, "replaced" if replace else "loaded", None,
                              len(extraction.entities), Counter(f.relation for f in extraction.facts))
