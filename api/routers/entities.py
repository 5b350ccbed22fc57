"""Entity search, one entity, and its neighbourhood."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.models import ENTITY_EXAMPLE, SEARCH_EXAMPLE, SUBGRAPH_EXAMPLE, ModelResponse, with_example
from api.params import Cursor, Dates, Depth, EdgeLimit, EntityId, Facts, MaxDegree, NodeTypes, RelTypes, values
from graph import service
from graph.results import EntityDetail, SearchMode, SearchPage, Subgraph

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get("", response_model=SearchPage, responses=with_example(SEARCH_EXAMPLE),
            summary="Search entities by name, alias, name in another script or country code; best first, one page; "
                    "with as_of, since or until, only the entities known within them")
async def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Name, alias or words of them",
                            examples=["lith"])],
    dates: Dates,
    node_types: NodeTypes = None,
    mode: Annotated[SearchMode, Query(
        description="exact: the name, an alias, a search alias (Hangul, Cyrillic, Latin variants) or an ISO 3166 "
                    "country code equals q; prefix: exact matches, then those starting with q; fulltext: every word "
                    "of q starts a word of a name; auto: all three, in that order. Best first, with a score; "
                    "nothing when nothing matches")] = "auto",
    offset: Annotated[int, Query(ge=0, le=service.MAX_SEARCH_OFFSET, description="Entities skipped")] = 0,
    limit: Annotated[int, Query(ge=1, le=service.MAX_PAGE, description="Most entities in one page")] = 20,
    cursor: Cursor = None,
) -> ModelResponse:
    return ModelResponse(await service.search_entities(store, q, node_types=values(node_types), mode=mode,
                                                       offset=offset, limit=limit, cursor=cursor, facts=dates))


@router.get("/{entity_id}", response_model=EntityDetail, responses=with_example(ENTITY_EXAMPLE, 404),
            summary="One entity (by id, name or alias): properties, aliases, documents, relationship counts, parents "
                    "and subsidiaries; with filters, the documents dated and the facts stated within them")
async def entity(store: StoreDep, entity_id: EntityId, facts: Facts,
                 documents: Annotated[int, Query(ge=0, le=500, description="Most documents listed")] = 50,
                 ) -> ModelResponse:
    return ModelResponse(await service.entity_detail(store, entity_id, document_limit=documents, facts=facts))


@router.get("/{entity_id}/neighbourhood", response_model=Subgraph, responses=with_example(SUBGRAPH_EXAMPLE, 404),
            summary="The facts within 1 to 3 hops of an entity, nearest first, one page of edges")
async def neighbourhood(store: StoreDep, entity_id: EntityId, facts: Facts, depth: Depth = 1,
                        rel_types: RelTypes = None, node_types: NodeTypes = None, limit: EdgeLimit = 100,
                        cursor: Cursor = None, max_degree: MaxDegree = service.DEFAULT_MAX_DEGREE) -> ModelResponse:
    return ModelResponse(await service.neighbourhood(store, entity_id, depth, values(rel_types), values(node_types),
                                                     limit, facts=facts, cursor=cursor, max_degree=max_degree))
