"""Entity search, one entity, and its neighbourhood."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import StoreDep
from api.models import ENTITY_EXAMPLE, SEARCH_EXAMPLE, SUBGRAPH_EXAMPLE, ModelResponse, with_example
from graph import schema, service
from graph.results import Subgraph

router = APIRouter(prefix="/entities", tags=["entities"])

EntityType = StrEnum("EntityType", {label: label for label in schema.ENTITY_LABELS})  # type: ignore[misc]
RelationType = StrEnum("RelationType", {name: name for name in schema.RELATION_NAMES})  # type: ignore[misc]

EntityId = Annotated[str, Path(min_length=1, max_length=300, description="Entity id, e.g. 'org:kigam'",
                                examples=["org:kigam"])]
Depth = Annotated[int, Query(ge=1, le=service.MAX_DEPTH, description="Hops from the entity, 1 to 3")]
NodeCap = Annotated[int, Query(ge=1, le=service.MAX_NEIGHBOURHOOD_NODES, description="Most nodes returned")]
RelTypes = Annotated[list[RelationType] | None, Query(  # type: ignore[valid-type]
    alias="rel_type", max_length=len(schema.RELATION_NAMES),
    description="Only these relationship types on every hop (repeat the parameter)")]
NodeTypes = Annotated[list[EntityType] | None, Query(  # type: ignore[valid-type]
    alias="node_type", max_length=len(schema.ENTITY_LABELS),
    description="Only neighbours of these types (repeat the parameter)")]


@router.get("", response_model=service.SearchPage, responses=with_example(SEARCH_EXAMPLE),
            summary="Search entities by name or alias")
async def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Name, alias or words of them",
                            examples=["lith"])],
    type: Annotated[EntityType | None, Query(description="Only entities of this type")] = None,  # type: ignore[valid-type]  # noqa: A002
    mode: Annotated[service.SearchMode, Query(
        description="prefix: names/aliases starting with q; fulltext: words of q in the full-text index; "
                    "auto: prefix matches first, then full-text ones")] = "auto",
    offset: Annotated[int, Query(ge=0, le=1000)] = 0,
    limit: Annotated[int, Query(ge=1, le=service.MAX_PAGE)] = 20,
) -> ModelResponse:
    return ModelResponse(await service.search_entities(store, q, entity_type=type.value if type else None,
                                                       mode=mode, offset=offset, limit=limit))


@router.get("/{entity_id}", response_model=service.EntityDetail, responses=with_example(ENTITY_EXAMPLE, 404),
            summary="One entity: properties, aliases, documents, relationship counts")
async def entity(store: StoreDep, entity_id: EntityId,
                 documents: Annotated[int, Query(ge=0, le=500, description="Most documents listed")] = 50,
                 ) -> ModelResponse:
    return ModelResponse(await service.entity_detail(store, entity_id, document_limit=documents))


@router.get("/{entity_id}/neighbourhood", response_model=Subgraph, responses=with_example(SUBGRAPH_EXAMPLE, 404),
            summary="What lies within 1 to 3 relationships of an entity")
async def neighbourhood(store: StoreDep, entity_id: EntityId, depth: Depth = 1, rel_types: RelTypes = None,
                        node_types: NodeTypes = None, limit: NodeCap = 100) -> ModelResponse:
    return ModelResponse(await service.neighbourhood(store, entity_id, depth, [t.value for t in rel_types or []],
                                                     [t.value for t in node_types or []], limit))
