"""Documents: list, one with the facts it gave, ingest of a new one (text or URL) and deletion (both need the
bearer token)."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import ExtractorDep, SettingsDep, StoreDep, WriteAccess
from api.models import DeleteOut, IngestIn, errors
from api.params import Cursor, Dates, Facts
from graph import service
from graph.results import DocumentDetail, DocumentPage, IngestResult

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get("", response_model=DocumentPage, responses=errors(),
            summary="Documents by id, one page; with as_of, since or until, those whose own date lies within them")
async def list_documents(store: StoreDep, dates: Dates,
                         offset: Annotated[int, Query(ge=0, le=100_000, description="Documents skipped")] = 0,
                         limit: Annotated[int, Query(ge=1, le=service.MAX_PAGE,
                                                     description="Most documents in one page")] = 20,
                         cursor: Cursor = None) -> DocumentPage:
    return await service.list_documents(store, offset, limit, cursor=cursor, dates=dates)


@router.get("/{doc_id}", response_model=DocumentDetail, responses=errors(404),
            summary="One document with the facts extracted from it and their evidence; with filters, the facts whose "
                    "evidence from it passes them (the document answers whatever its own date)")
async def document(
    store: StoreDep,
    doc_id: Annotated[str, Path(min_length=1, max_length=300, examples=["doc:03_wiki_koryo-saram"])],
    fact_filter: Facts,
    include_text: Annotated[bool, Query(description="Include the document text")] = True,
    facts: Annotated[int, Query(ge=0, le=1000, description="Most facts listed")] = 500,
) -> DocumentDetail:
    return await service.document_detail(store, doc_id, fact_limit=facts, include_text=include_text,
                                         facts=fact_filter)


@router.post("", response_model=IngestResult, responses=errors(400, 401, 403, 409, 413),
             dependencies=[WriteAccess], summary="Ingest a document: extract and write its facts")
async def ingest(store: StoreDep, extractor: ExtractorDep, settings: SettingsDep,
                 body: IngestIn) -> IngestResult:
    return await asyncio.to_thread(
        service.ingest_document, store, extractor, text=body.text, url=body.url, doc_id=body.id, title=body.title,
        source=body.source, date=body.date, license=body.license, settings=settings)


@router.delete("/{doc_id}", response_model=DeleteOut, responses=errors(401, 403, 404, 409), dependencies=[WriteAccess],
               summary="Delete a document and exactly the facts only it supported, in one transaction")
async def delete(
    store: StoreDep,
    doc_id: Annotated[str, Path(min_length=1, max_length=300, examples=["doc:api-test-1"])],
) -> DeleteOut:
    await asyncio.to_thread(service.delete_document, store, doc_id)
    return DeleteOut(doc_id=doc_id)
