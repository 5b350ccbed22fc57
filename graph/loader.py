"""Documents into the graph: read, extract, write; idempotent and incremental.

Each document is written in one transaction: its Document node, the entities it mentions, and its facts,
each fact as one relationship per (subject, type, object) carrying one evidence entry per sentence. A document
whose content hash is unchanged is skipped; a changed one first has exactly its own evidence removed. The same
transaction appends an entry to the change feed (what happened to the document, which facts it added and
removed), so the feed and the graph never disagree. A new document whose text another document already has is an
exact copy: reported unchanged, its location noted on the other. One whose text is close to another's is a near
copy: loaded, and linked to the other (graph/dedup.py). Deleting a document removes it and what only it
supported, in one transaction.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

from graph import chunks, dedup, derived, schema
from graph.documents import DocumentError, parse_document, read_document
from graph.errors import GraphError, StoreUnavailable
from graph.fetch import Fetcher, doc_id_for_url, feed_entries
from graph.models import Entity, Extraction, SourceDocument
from graph.readers import page_of
from graph.store import GraphStore, Transaction

if TYPE_CHECKING:
    from graph.extract import Extractor

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".text", ".pdf"}
Status = Literal["loaded", "replaced", "unchanged", "skipped"]


@dataclass
class DocumentResult:
    path: str
    doc_id: str | None
    status: Status
    reason: str | None = None
    entities: int = 0
    facts_by_type: Counter[str] = field(default_factory=Counter)
    near_copies: list[str] = field(default_factory=list)


@dataclass
class LoadReport:
    results: list[DocumentResult] = field(default_factory=list)
    # Why the batch stopped early: the store became unreachable, or its data directory cannot take writes (documents
    # after that are listed as not attempted).
    store_error: str | None = None
    seconds_read: float = 0.0
    seconds_extract: float = 0.0
    seconds_write: float = 0.0  # busy time of the writes (beside extraction, in load_paths)
    seconds_write_wait: float = 0.0  # time the extraction waited for writes: what writing adds to the wall clock
    seconds_wall: float = 0.0
    seconds_copies: float = 0.0  # looking for exact and near copies (graph/dedup.py), before extraction
    tokens: int = 0

    @property
    def skipped(self) -> list[DocumentResult]:
        return [r for r in self.results if r.status == "skipped"]

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def written(self) -> int:
        """Documents now in the store as given: loaded, replaced or found unchanged."""
        return sum(1 for r in self.results if r.status != "skipped")

    @property
    def facts_by_type(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for r in self.results:
            total.update(r.facts_by_type)
        return total


@dataclass(frozen=True)
class WebSource:
    """A URL to load: a page given on the command line or over the API, or an entry of a feed. `defaults` (the
    feed entry's title and date) fill in what the page itself does not state; `once`: skip the URL without
    fetching it when a document already came from it (feed entries are loaded once)."""

    url: str
    defaults: tuple[tuple[str, str], ...] = ()
    once: bool = False


Source = Path | WebSource


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
    """Rows for merge_facts, by relationship type: the facts the document states, each with its evidence."""
    rows: dict[str, list[dict[str, object]]] = {}
    pages = extraction.document.pages
    for fact in extraction.facts:
        schema.check_relation(fact.relation)
        if fact.source != "document" or fact.evidence is None:
            continue
        page = fact.evidence.page or page_of(pages, fact.evidence.start)
        money = [q.usd for q in fact.quantities if q.kind == "money" and q.usd is not None]
        rows.setdefault(fact.relation, []).append({
            "subject": fact.subject,
            "object": fact.object,
            "doc_id": fact.evidence.doc_id,
            "sentence": fact.evidence.sentence,
            "start": fact.evidence.start,
            "end": fact.evidence.end,
            "date": fact.evidence.date,
            "date_source": fact.evidence.date_source,
            "modality": fact.modality,
            "quantities": json.dumps([q.model_dump() for q in fact.quantities], ensure_ascii=False),
            "amount_usd": max(money) if money else None,
            "rule": fact.rule,
            "confidence": fact.confidence,
            "page": page,
        })
    return rows


def reference_rows(extraction: Extraction) -> dict[str, list[dict[str, object]]]:
    """Rows for merge_reference_facts: facts reference data states about the document's entities."""
    rows: dict[str, list[dict[str, object]]] = {}
    for fact in extraction.facts:
        if fact.source == "reference":
            rows.setdefault(schema.check_relation(fact.relation), []).append({
                "subject": fact.subject, "object": fact.object, "reference": "gazetteer", "rule": fact.rule,
                "confidence": fact.confidence})
    return rows


def fact_ids(extraction: Extraction) -> list[str]:
    """The ids (`source|TYPE|target`) of the edges a document's facts are written to, stated or reference."""
    return sorted({f"{f.subject}|{f.relation}|{f.object}" for f in extraction.facts
                   if f.source == "reference" or f.evidence is not None})


def change_step(kind: str, doc_id: str, added: list[str], removed: list[str]
                ) -> tuple[str, str | None, dict[str, object]]:
    """The write that appends one entry to the change feed."""
    return ("record_change", None, {"change": {
        "kind": kind, "doc_id": doc_id, "at": datetime.now(UTC).isoformat(timespec="microseconds"),
        "facts_added": added, "facts_removed": removed}})


def removal_steps(doc_id: str) -> list[tuple[str, str | None, dict[str, object]]]:
    """Before a changed document is written again, or when it is deleted: drop its evidence, the reference facts
    that only its mentions held, its mentions (and the entities nothing holds any more), its near-copy links."""
    return [("remove_document_facts", None, {"doc_id": doc_id}),
            ("remove_document_references", None, {"doc_id": doc_id}),
            ("remove_document_mentions", None, {"doc_id": doc_id}),
            ("unlink_near_copies", None, {"doc_id": doc_id})]


def _entity_changes(e: Entity, stored: Mapping[str, object]) -> bool:
    """Would update_entities change this stored entity? (New name, a new alias, a new or different property.)"""
    aliases = stored.get("aliases") or []
    assert isinstance(aliases, list)
    known = {stored.get("name"), *aliases}
    if e.name not in known or any(a not in known for a in e.aliases):
        return True
    return any(stored.get(k) != v for k, v in e.properties.items())


def _degree(stored: Mapping[str, Mapping[str, object]], entity_id: str) -> int:
    value = stored.get(entity_id, {}).get("degree")
    return value if isinstance(value, int) else 0


def merge_steps(rows_by_type: dict[str, list[dict[str, object]]], stored: Mapping[str, Mapping[str, object]]
                ) -> list[tuple[str, str | None, dict[str, object]]]:
    """merge_facts steps for a document's fact rows, each row sent to the variant whose MERGE starts at its end with
    fewer facts (the stored `degree`; a new entity has none): the store then looks for the relationship among that
    end's edges, not among a country's thousands (queries.cypher merge_facts)."""
    steps: list[tuple[str, str | None, dict[str, object]]] = []
    for rel_type, rows in rows_by_type.items():
        at_subject: list[dict[str, object]] = []
        at_object: list[dict[str, object]] = []
        for row in rows:
            busier_subject = _degree(stored, str(row["subject"])) > _degree(stored, str(row["object"]))
            (at_object if busier_subject else at_subject).append(row)
        steps += [(name, rel_type, {"rows": part})
                  for name, part in (("merge_facts", at_subject), ("merge_facts_at_object", at_object)) if part]
    return steps


def write_steps(extraction: Extraction, stored: Mapping[str, Mapping[str, object]] | None = None,
                near_copies: list[str] | None = None, sketch: list[int] | None = None
                ) -> list[tuple[str, str | None, dict[str, object]]]:
    """The named write queries for one document, in order, with their parameters.

    `stored`: the current properties of those of its entities that exist already (query entities_state). Entities
    found there are not created again, nor rewritten when nothing about them changes: on a graph that already
    knows the countries and firms a document names, that is most of the store's work for the document."""
    doc = extraction.document
    stored = stored or {}
    steps: list[tuple[str, str | None, dict[str, object]]] = [("upsert_document", None, {"doc": {
        "id": doc.id, "title": doc.title, "source": doc.source, "date": doc.date, "date_text": doc.date_text,
        "license": doc.license, "content_hash": doc.content_hash, "path": doc.path, "text": doc.text,
        "format": doc.format, "pages": doc.pages, "text_hash": doc.text_hash,
        "sketch": dedup.pack(sketch if sketch is not None else dedup.sketch(dedup.shingles(doc.text))),
        "loaded_at": datetime.now(UTC).isoformat(timespec="microseconds"),
    }})]
    by_label: dict[str, list[dict[str, object]]] = {}
    for e in extraction.entities:
        if e.id not in stored:
            by_label.setdefault(schema.check_label(e.label), []).append({"id": e.id, "name": e.name})
    steps += [("create_missing_entities", label, {"rows": rows}) for label, rows in by_label.items()]
    updates = [{"id": e.id, "name": e.name, "aliases": e.aliases, "props": e.properties}
               for e in extraction.entities if e.id not in stored or _entity_changes(e, stored[e.id])]
    if updates:
        steps.append(("update_entities", None, {"rows": updates}))
    steps.append(("link_mentions", None, {"doc_id": doc.id, "ids": sorted(set(extraction.mentions))}))
    steps += merge_steps(fact_rows(extraction), stored)
    steps += [("merge_reference_facts", rel_type, {"rows": rows})
              for rel_type, rows in reference_rows(extraction).items()]
    if near_copies:
        steps.append(("link_near_copies", None, {"doc_id": doc.id, "ids": near_copies}))
    return steps


class Unchanged(Exception):  # noqa: N818 - an outcome, raised to roll a transaction back
    """Raised inside a write transaction when the store already holds this very version of the document (another
    writer stored it first): the transaction is rolled back, and the document reported unchanged."""


def write_extraction(tx: Transaction, extraction: Extraction, *, near_copies: list[str] | None = None,
                     sketch: list[int] | None = None) -> Status:
    """All writes for one document, inside the caller's transaction (GraphStore.write, which holds the write lock):
    decide from the store, in the transaction, whether the document is new, replaces a stored version, or is already
    there (Unchanged); then the removals when it replaces, a read of its entities' stored state, and one statement
    for the rest (graph.queries.compose): the document's writes, the derived data they change (graph/derived.py:
    search keys, fact pages) and the change-feed entry. Deciding here, not before extraction, is
    what makes concurrent loads of one document end with one copy of its facts: the second writer sees the first's
    document and replaces it, or finds it unchanged."""
    doc = extraction.document
    existing = tx.run("document_hash", doc_id=doc.id)
    if existing and existing[0]["content_hash"] == doc.content_hash:
        raise Unchanged(doc.id)
    replace = bool(existing)
    removed: list[str] = []
    if replace:  # first: removing may delete entities that only this document named
        removed = removed_fact_ids(tx, doc.id)
        tx.run_all(removal_steps(doc.id))
    ids = [e.id for e in extraction.entities]
    state = tx.run("entities_state", ids=ids) if ids else []
    stored = {e["id"]: e["props"] for e in state[0]["entities"]} if state else {}
    change = change_step("replaced" if replace else "loaded", doc.id, fact_ids(extraction), removed)
    kept = derived.steps(added=fact_ids(extraction), removed=removed, touched=ids)
    tx.run_all([*write_steps(extraction, stored, near_copies, sketch), *kept, change])
    return "replaced" if replace else "loaded"


def removed_fact_ids(tx: Transaction, doc_id: str) -> list[str]:
    """The edges a document's removal touches, for the change feed: those it gave evidence for, and the reference
    facts that go with it (remove_document_references)."""
    ids = {r["id"] for r in tx.run("document_fact_ids", doc_id=doc_id)}
    ids |= {r["id"] for r in tx.run("document_reference_ids", doc_id=doc_id)}
    return sorted(ids)


def delete_document(store: GraphStore, doc_id: str) -> list[str] | None:
    """Remove a document and exactly the facts only it supported, in one transaction, so the graph is as if it had
    never been loaded (removal_steps), and record the deletion in the change feed. Returns the ids of the edges that
    lost its evidence or went with it, or None when no such document exists."""

    def work(tx: Transaction) -> list[str] | None:
        if not tx.run("document_hash", doc_id=doc_id):
            return None
        removed = removed_fact_ids(tx, doc_id)
        tx.run_all([*removal_steps(doc_id), ("delete_document", None, {"doc_id": doc_id}),
                    *derived.steps(removed=removed), change_step("deleted", doc_id, [], removed)])
        return removed

    return store.write(work)


@dataclass
class Prepared:
    """A document extracted and ready to write (whether it replaces a stored version is decided when it is written,
    in the write's transaction: another writer may store it meanwhile)."""

    extraction: Extraction
    near: list[tuple[str, float]] = field(default_factory=list)  # near copies and their similarity
    sketch: list[int] | None = None  # graph/dedup.py; computed when written if missing


@dataclass
class CopyNote:
    """An exact copy: its result, and the location to note on the document it copies (written in order)."""

    result: DocumentResult
    location: str | None


class _Known:
    """What one batch knows of copies: the text hashes and sketches of the stored documents, read once when first
    needed, and those of the documents it prepared (not yet in the store while they wait to be written), with
    their shingles for an exact comparison."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.by_hash: dict[str, str] = {}
        self.shingles: dict[str, set[int]] = {}
        self._sketches: dict[str, tuple[list[int], frozenset[int]]] | None = None

    def sketches(self) -> dict[str, tuple[list[int], frozenset[int]]]:
        if self._sketches is None:
            self._sketches = {}
            for r in self.store.run("document_sketches"):
                sketch = dedup.unpack(r["sketch"]) if isinstance(r["sketch"], str) else list(r["sketch"])
                self._sketches[r["id"]] = sketch, frozenset(sketch)
                if r["text_hash"]:
                    self.by_hash.setdefault(r["text_hash"], r["id"])
        return self._sketches

    def copy_of(self, doc: SourceDocument) -> str | None:
        self.sketches()
        other = self.by_hash.get(doc.text_hash or "")
        return other if other is not None and other != doc.id else None

    def near(self, doc: SourceDocument) -> tuple[list[tuple[str, float]], list[int]]:
        """Documents whose text is a near copy of this one's, most similar first, and this one's sketch; remembers
        this one for the rest of the batch."""
        mine = dedup.shingles(doc.text)
        sketch = dedup.sketch(mine)
        sketch_set = frozenset(sketch)
        found = []
        for other, (other_sketch, other_set) in self.sketches().items():
            if other == doc.id:
                continue
            near = dedup.verdict(sketch, other_sketch, sketch_set, other_set)
            if near is False:
                continue
            theirs = self.shingles.get(other)
            if theirs is None and near is None:  # too close to call from the sketches: compare the texts
                rows = self.store.run("document_text", doc_id=other)
                theirs = dedup.shingles(rows[0]["text"] or "") if rows else set()
            similarity = dedup.jaccard(mine, theirs) if theirs is not None else dedup.estimate(sketch, other_sketch)
            if similarity >= dedup.NEAR_COPY:
                found.append((other, round(similarity, 3)))
        self.sketches()[doc.id] = sketch, sketch_set
        self.shingles[doc.id] = mine
        if doc.text_hash:
            self.by_hash[doc.text_hash] = doc.id
        return sorted(found, key=lambda x: -x[1]), sketch


def where(doc: SourceDocument) -> str:
    """Where a document came from, for reports: its file, else its URL, else its id."""
    if doc.path:
        return doc.path
    return doc.source if doc.source and doc.id == doc_id_for_url(doc.source) else doc.id


def read_url(fetcher: Fetcher, url: str, *, defaults: dict[str, str] | None = None, max_bytes: int) -> SourceDocument:
    """Fetch a URL and read it as a document whose id comes from the URL and whose source is the URL."""
    fetched = fetcher.fetch_document(url)
    return parse_document(fetched.content, doc_id=doc_id_for_url(url), source=url, media_type=fetched.media_type,
                          defaults=defaults, max_bytes=max_bytes)


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
        """Load files, and the documents under directories, in order."""
        return self.load(iter_document_paths(paths), on_progress=on_progress)

    def load(self, sources: Iterable[Source], on_progress: Callable[[DocumentResult], None] | None = None,
             *, fetcher: Fetcher | None = None) -> LoadReport:
        """Load files and URLs in order, each document in its own transaction. Writing runs one step behind
        extraction, on a background thread: document N is written while N+1 is parsed, so on two cores the store's
        work hides behind spaCy's instead of adding to it. Results, progress and writes keep the input order.

        One bad source never stops the batch: whatever goes wrong with it (a bad file, a URL that fails, a failure
        inside extraction) makes it a skipped result with its reason. An unreachable store (after following its
        owner, graph/store.py) or a data directory that takes no writes (full, read-only) does stop it: the sources
        not yet tried are listed as skipped, and `report.store_error` says why."""
        report = LoadReport()
        t_start = time.perf_counter()
        writer = _WriteBehind(self, report, on_progress)
        known = _Known(self.store)
        finished = False
        own_fetcher = None
        try:
            for source in sources:
                if report.store_error is not None:
                    where_from = source.url if isinstance(source, WebSource) else str(source)
                    writer.put(DocumentResult(where_from, None, "skipped", f"not attempted: {report.store_error}"))
                    continue
                t0 = time.perf_counter()
                if isinstance(source, WebSource):
                    if fetcher is None:
                        fetcher = own_fetcher = Fetcher(self.store.settings)
                    read = self._read_url(source, fetcher, report)
                else:
                    read = self._read_path(source)
                if isinstance(read, DocumentResult):
                    writer.put(read)
                    continue
                doc = read
                report.seconds_read += time.perf_counter() - t0
                if doc.id in writer.pending:  # the same document earlier in this batch: let it land first
                    writer.drain()
                prepared = self._prepare(doc, report, known)
                writer.put((prepared, doc.id) if isinstance(prepared, Prepared) else prepared)
            finished = True
        finally:
            writer.close(abandon=not finished)
            if own_fetcher is not None:
                own_fetcher.close()
        report.seconds_wall = time.perf_counter() - t_start
        return report

    def _read_path(self, path: Path) -> SourceDocument | DocumentResult:
        try:
            return read_document(path, max_bytes=self.max_bytes)
        except DocumentError as e:
            return DocumentResult(str(path), None, "skipped", str(e))
        except Exception as e:  # noqa: BLE001 - one file's trouble is reported, the batch goes on
            log.exception("could not read %s", path)
            return DocumentResult(str(path), None, "skipped", f"cannot read: {type(e).__name__}: {e}")

    def _read_url(self, source: WebSource, fetcher: Fetcher, report: LoadReport | None = None
                  ) -> SourceDocument | DocumentResult:
        if source.once:
            try:
                known = self.store.run("document_by_source", url=source.url)
            except GraphError as e:
                return self._failed(source.url, None, e, report)
            if known:
                return DocumentResult(source.url, known[0]["id"], "unchanged", "already loaded")
        try:
            return read_url(fetcher, source.url, defaults=dict(source.defaults), max_bytes=self.max_bytes)
        except DocumentError as e:
            return DocumentResult(source.url, None, "skipped", str(e))

    def feed_sources(self, feed_url: str, fetcher: Fetcher) -> list[WebSource]:
        """The pages a feed links to, each to be loaded once. Raises FetchError when the feed cannot be read."""
        entries = feed_entries(fetcher.fetch_feed(feed_url))
        return [WebSource(e.url, tuple((k, v) for k, v in (("title", e.title), ("date", e.date)) if v), once=True)
                for e in entries]

    def load_document(self, doc: SourceDocument, report: LoadReport | None = None) -> DocumentResult:
        report = report if report is not None else LoadReport()
        prepared = self._prepare(doc, report, _Known(self.store))
        if isinstance(prepared, DocumentResult):
            return prepared
        if isinstance(prepared, CopyNote):
            return self._note_copy(prepared)
        return self._write(prepared, report)

    def _prepare(self, doc: SourceDocument, report: LoadReport, known: _Known
                 ) -> DocumentResult | CopyNote | Prepared:
        """Skip an unchanged document or an exact copy of another; extract a new or changed one (in pieces when it
        is long, graph/chunks.py). Whether it replaces a stored version is decided when it is written."""
        try:
            existing = self.store.run("document_hash", doc_id=doc.id)
            if existing and existing[0]["content_hash"] == doc.content_hash:
                return DocumentResult(where(doc), doc.id, "unchanged")
            t0 = time.perf_counter()
            copy_of = None if existing else known.copy_of(doc)
            if copy_of is not None:
                return CopyNote(DocumentResult(where(doc), copy_of, "unchanged", f"exact copy of {copy_of}"),
                                doc.path or doc.source)
            near, sketch = known.near(doc)
            report.seconds_copies += time.perf_counter() - t0
        except GraphError as e:
            return self._failed(where(doc), doc.id, e, report)
        t0 = time.perf_counter()
        try:
            extraction = chunks.extract(self.extractor, doc, self.store.settings.extract_chunk_chars)
            if near:
                extraction = dedup.adopt_local_ids(extraction, near[0][0])
        except Exception as e:  # noqa: BLE001 - a document the pipeline cannot take is skipped, not the batch
            log.exception("extraction failed on %s", where(doc))
            return DocumentResult(where(doc), doc.id, "skipped", f"extraction failed: {type(e).__name__}: {e}")
        finally:
            report.seconds_extract += time.perf_counter() - t0
        report.tokens += len(doc.text.split())
        return Prepared(extraction, near, sketch)

    def _note_copy(self, note: CopyNote) -> DocumentResult:
        if note.location and note.result.doc_id:
            try:
                self.store.write(lambda tx: tx.run("add_document_copy", doc_id=note.result.doc_id,
                                                   location=note.location))
            except GraphError as e:
                log.warning("could not note the copy at %s: %s", note.location, e)
        return note.result

    def _write(self, prepared: Prepared, report: LoadReport) -> DocumentResult:
        extraction = prepared.extraction
        doc = extraction.document
        path = where(doc)
        near_ids = [i for i, _ in prepared.near]
        t0 = time.perf_counter()
        try:
            status = self.store.write(lambda tx: write_extraction(tx, extraction, near_copies=near_ids,
                                                                  sketch=prepared.sketch))
        except Unchanged:
            return DocumentResult(path, doc.id, "unchanged")
        except GraphError as e:
            return self._failed(path, doc.id, e, report)
        except ValueError as e:  # the schema refused a label or relation: a bug of extraction, for this document
            log.exception("could not write %s", path)
            return DocumentResult(path, doc.id, "skipped", f"{type(e).__name__}: {e}")
        finally:
            report.seconds_write += time.perf_counter() - t0
        reason = ("near copy of " + ", ".join(f"{i} (similarity {s:.2f})" for i, s in prepared.near)
                  if prepared.near else None)
        return DocumentResult(path, doc.id, status, reason,
                              len(extraction.entities), Counter(f.relation for f in extraction.facts), near_ids)


    def _failed(self, path: str, doc_id: str | None, e: GraphError, report: LoadReport | None) -> DocumentResult:
        """A document the store could not take. When the store is gone (and did not come back), or its data
        directory is the cause (full, read-only), the batch stops: the next documents would fail the same way."""
        log.warning("could not load %s: %s", path, e)
        reason = str(e) if isinstance(e, StoreUnavailable) else self.store.diagnose()
        if reason is not None and report is not None and report.store_error is None:
            report.store_error = reason
        return DocumentResult(path, doc_id, "skipped", reason or str(e))


_STOP = object()


class _WriteBehind:
    """One background thread that writes prepared documents in the order given and records every result.

    put() blocks while two documents already wait (bounded memory), and re-raises a failure of the thread
    itself; close() lets queued documents land (or, when the caller is failing, drops those not yet started)."""

    def __init__(self, loader: Loader, report: LoadReport,
                 on_progress: Callable[[DocumentResult], None] | None, depth: int = 2) -> None:
        self.loader = loader
        self.report = report
        self.on_progress = on_progress
        self.pending: set[str] = set()  # ids of documents queued and not yet written
        self._queue: queue.Queue[object] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._abandon = False
        self._thread = threading.Thread(target=self._run, name="kg-loader-writer", daemon=True)
        self._thread.start()

    def put(self, item: DocumentResult | CopyNote | tuple[Prepared, str]) -> None:
        if self._error is not None:
            raise self._error
        if isinstance(item, tuple):
            self.pending.add(item[1])
        self._wait(lambda: self._queue.put(item))

    def drain(self) -> None:
        self._wait(self._queue.join)
        if self._error is not None:
            raise self._error

    def close(self, *, abandon: bool) -> None:
        """Stop the thread. abandon: the caller is failing (an error, an interrupt): documents not yet started
        are dropped; the one being written finishes or rolls back, as its transaction decides."""
        self._abandon = abandon
        self._wait(lambda: self._queue.put(_STOP))
        self._wait(self._thread.join)
        if self._error is not None and not abandon:
            raise self._error

    def _wait(self, block: Callable[[], object]) -> None:
        t0 = time.perf_counter()
        block()
        self.report.seconds_write_wait += time.perf_counter() - t0

    def _not_attempted(self, item: object, reason: str) -> DocumentResult:
        if isinstance(item, CopyNote):
            return DocumentResult(item.result.path, item.result.doc_id, "skipped", f"not attempted: {reason}")
        prepared, doc_id = cast("tuple[Prepared, str]", item)
        self.pending.discard(doc_id)
        return DocumentResult(where(prepared.extraction.document), doc_id, "skipped", f"not attempted: {reason}")

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is _STOP:
                    return
                if self._error is not None or self._abandon:
                    continue
                if isinstance(item, DocumentResult):
                    result = item
                elif self.report.store_error is not None:  # the store is gone: what waits here is not tried
                    result = self._not_attempted(item, self.report.store_error)
                elif isinstance(item, CopyNote):
                    result = self.loader._note_copy(item)
                else:
                    prepared, doc_id = cast("tuple[Prepared, str]", item)
                    result = self.loader._write(prepared, self.report)
                    self.pending.discard(doc_id)
                self.report.results.append(result)
                if self.on_progress:
                    self.on_progress(result)
            except BaseException as e:  # a bug, not a document's fault: stop and tell the caller
                self._error = e
            finally:
                self._queue.task_done()
