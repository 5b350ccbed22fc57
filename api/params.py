"""Query and path parameters shared by the routes: one name, one meaning, one bound each (see graph/results.py for
the vocabulary)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Annotated

from fastapi import Depends, Path, Query

from graph import schema, service

EntityType = StrEnum("EntityType", {label: label for label in schema.ENTITY_LABELS})  # type: ignore[misc]
RelationType = StrEnum("RelationType", {name: name for name in schema.RELATION_NAMES})  # type: ignore[misc]

EntityId = Annotated[str, Path(min_length=1, max_length=300, description="Entity id ('org:kigam'), name, alias, "
                                "search alias ('카자흐스탄') or ISO country code ('KZ'); 404 with suggestions when "
                                "none resolves", examples=["org:kigam"])]
Depth = Annotated[int, Query(ge=1, le=service.MAX_DEPTH, description="Hops from the entity, 1 to 3")]
EdgeLimit = Annotated[int, Query(ge=1, le=service.MAX_EDGES_PAGE, description="Most edges in one page")]
RelTypes = Annotated[list[RelationType] | None, Query(  # type: ignore[valid-type]
    max_length=len(schema.RELATION_NAMES),
    description="Only these relationship types on every hop (repeat the parameter for several)")]
NodeTypes = Annotated[list[EntityType] | None, Query(  # type: ignore[valid-type]
    max_length=len(schema.ENTITY_LABELS),
    description="Only nodes of these types (repeat the parameter for several)")]
MinConfidence = Annotated[float, Query(ge=0.0, le=1.0, description="Only facts at least this confident, 0-1 (the "
                                                                   "confidence of a fact's strongest evidence)")]
AsOf = Annotated[date | None, Query(description="The graph as known on this day (ISO date): only facts stated for "
                                                "it or earlier (a fact's event date, or failing that its document's "
                                                "date), with the evidence so dated; undated facts left out")]
_PERIOD = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
Since = Annotated[str | None, Query(pattern=_PERIOD, description="Only facts stated for this day or later: an ISO "
                                    "date, a month (YYYY-MM, its first day) or a year (YYYY, its first day)",
                                    examples=["2010"])]
Until = Annotated[str | None, Query(pattern=_PERIOD, description="Only facts stated for this day or earlier: an ISO "
                                    "date, a month (YYYY-MM, its last day) or a year (YYYY, its last day); with "
                                    "as_of, the earlier of the two", examples=["2015-12-31"])]
MaxDegree = Annotated[int, Query(ge=0, le=1_000_000, description="Entities with more facts than this (hubs: "
                                 "countries, a busy mineral) are reached but not walked through, and the answer lists "
                                 "them in `capped`; 0 walks through everything (slower on a large graph)")]
Cursor = Annotated[str | None, Query(max_length=2000, description="`next_cursor` of the previous page, with the same "
                                                                  "other parameters; omit for the first page")]


def fact_filter(min_confidence: MinConfidence = 0.0, as_of: AsOf = None, since: Since = None,
                until: Until = None) -> service.FactFilter:
    return service.FactFilter(min_confidence=min_confidence, as_of=as_of, since=service.period_start(since),
                              until=service.period_end(until))


Facts = Annotated[service.FactFilter, Depends(fact_filter)]


def date_filter(as_of: AsOf = None, since: Since = None, until: Until = None) -> service.FactFilter:
    """The date bounds alone, for answers about entities and documents rather than facts (search, the document
    list): the same parameters, checks and errors as fact_filter, no min_confidence."""
    return service.FactFilter(as_of=as_of, since=service.period_start(since), until=service.period_end(until))


Dates = Annotated[service.FactFilter, Depends(date_filter)]


def values(items: Sequence[StrEnum] | None) -> list[str]:
    return [t.value for t in items or []]
