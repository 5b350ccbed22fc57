"""The `kg` package: the command line (the composition root that wires graph/, api/ and viz/ together) and the
Python interface for notebooks and scripts:

    from kg import open_graph
    g = open_graph()
    g.firms_touching_mineral("lithium", country="Korea").to_pandas()

It sits outside graph/ so that the arrows stay one-way: api -> graph, viz -> graph, kg -> all three.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.records import Graph, Paths, Records
    from kg.session import KnowledgeGraph, open_graph

__all__ = ["Graph", "KnowledgeGraph", "Paths", "Records", "open_graph"]


def __getattr__(name: str) -> Any:
    # Lazy: `python -m kg` (the command line) does not pay for the driver and the service layer up front.
    if name in ("KnowledgeGraph", "open_graph"):
        from kg import session

        return getattr(session, name)
    if name in ("Graph", "Paths", "Records"):
        from kg import records

        return getattr(records, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
