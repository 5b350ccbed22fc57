"""Typed records for notebooks: the service's own answer models (graph/results.py), in lists that turn into
pandas DataFrames. pandas is an optional extra (`pip install 'kg-korea-central-asia[pandas]'`); everything else
works without it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from graph.results import (
    Amount,
    GraphEdge,
    GraphNode,
    MineralFirm,
    PathResult,
    ProjectSummary,
    Subgraph,
    TimelineEvent,
)

if TYPE_CHECKING:
    import pandas

T = TypeVar("T", bound=BaseModel)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError("to_pandas() needs pandas, an optional extra: pip install 'kg-korea-central-asia[pandas]' "
                          "(or pip install pandas)") from None
    return pandas


def flat_row(record: BaseModel) -> dict[str, Any]:
    """A record as one table row: its own row() when it has one, else its fields (nested ones as their JSON)."""
    row = getattr(record, "row", None)
    if callable(row):
        return dict(row())
    out: dict[str, Any] = {}
    for key, value in record.model_dump(mode="json").items():
        out[key] = value if value is None or isinstance(value, str | int | float | bool) else str(value)
    return out


class Records(list[T], Generic[T]):
    """A list of typed records (pydantic models) with `to_pandas()`: one row per record."""

    def __init__(self, items: Iterable[T] = (), row: Callable[[T], dict[str, Any]] | None = None) -> None:
        super().__init__(items)
        self._row = row or flat_row

    def rows(self) -> list[dict[str, Any]]:
        return [self._row(item) for item in self]

    def to_pandas(self) -> pandas.DataFrame:
        return _pandas().DataFrame(self.rows())


def path_rows(paths: Iterable[PathResult]) -> list[dict[str, Any]]:
    """Paths as a table: one row per hop, with the path's number and the hop's place in it."""
    rows = []
    for i, path in enumerate(paths):
        for j, hop in enumerate(path.hops):
            rows.append({"path": i, "hop": j, "length": path.length, "from": path.nodes[j].id,
                         "to": path.nodes[j + 1].id, "direction": hop.direction, **hop.row()})
    return rows


class Paths(Records[PathResult]):
    """Paths; to_pandas() gives one row per hop."""

    def rows(self) -> list[dict[str, Any]]:
        return path_rows(self)


def firm_row(firm: MineralFirm) -> dict[str, Any]:
    return {"id": firm.firm.id, "name": firm.firm.name, "type": firm.firm.type, "direct": firm.direct,
            "hops": min((p.length for p in firm.paths), default=None), "kinds": "; ".join(firm.kinds),
            "path_count": firm.path_count, "country": firm.firm.properties.get("country")}


def project_row(project: ProjectSummary) -> dict[str, Any]:
    by_type: dict[str, list[str]] = {}
    for fact in project.facts:
        other = fact.target if fact.source == project.project.id else fact.source
        by_type.setdefault(fact.type, []).append(other)
    return {**project.project.row(), "current_stage": project.current_stage, "stage_date": project.stage_date,
            "value_usd": project.value.money.usd if project.value else None, "facts": len(project.facts),
            **{rel: "; ".join(sorted(ids)) for rel, ids in sorted(by_type.items())}}


def event_row(event: TimelineEvent) -> dict[str, Any]:
    """A dated event as one row: when, what, who, how much, how many documents, the first sentence."""
    return {"date": event.date, "stage": event.stage, "planned": event.planned, "title": event.title,
            "types": "; ".join(event.types), "about": event.about.id if event.about else None,
            "participants": "; ".join(f"{p.entity.id} ({', '.join(p.roles)})" for p in event.participants),
            "amount": event.amount.value if event.amount else None,
            "currency": event.amount.currency if event.amount else None,
            "amount_usd": event.amount.usd if event.amount else None, "sources": event.sources,
            "sentence": event.evidence[0].sentence if event.evidence else None}


def amount_row(amount: Amount) -> dict[str, Any]:
    """A sum of money as one row, counted once: what, how much, when, at which stage, for whom, how many documents."""
    return {"id": amount.id, "kind": amount.kind, "value": amount.money.value, "currency": amount.money.currency,
            "usd": amount.money.usd, "date": amount.date, "year": amount.year, "stage": amount.stage,
            "bucket": amount.bucket, "attached_to": amount.attached_to.id if amount.attached_to else None,
            "parties": "; ".join(p.id for p in amount.parties), "countries": "; ".join(amount.countries),
            "sources": amount.sources, "sentence": amount.evidence[0].sentence if amount.evidence else None}


class Graph(Subgraph):
    """A subgraph (a neighbourhood) whose nodes and edges turn into DataFrames."""

    def node_records(self) -> Records[GraphNode]:
        return Records(self.nodes)

    def edge_records(self) -> Records[GraphEdge]:
        return Records(self.edges)

    def nodes_frame(self) -> pandas.DataFrame:
        return self.node_records().to_pandas()

    def edges_frame(self) -> pandas.DataFrame:
        return self.edge_records().to_pandas()

    def evidence_frame(self) -> pandas.DataFrame:
        """One row per piece of evidence, with the edge it supports."""
        rows = [{"edge": e.id, "source": e.source, "type": e.type, "target": e.target, **ev.row()}
                for e in self.edges for ev in e.evidence]
        return _pandas().DataFrame(rows)
