"""Derived data the writes keep beside the graph, so that three reads never sort or rank what grows with it:

- search keys (SearchKey nodes, queries.cypher refresh_search_keys): one for each name and alias of an entity, with
  its rank for prefixes of one, two and three characters, in indexes search reads best first (graph/service.py
  search_entities) instead of ranking every entity a short prefix matches;
- fact pages (FactPage nodes, add_to_fact_pages, build_fact_pages, drop_from_fact_pages): for each hub (HUB_FACTS
  facts or more), the smallest FACT_PAGE_SIZE ids of its fact relationships, in order, so the first pages of its
  neighbourhood are read, not sorted out of its thousands of facts (graph/traversal.py).

Every write that adds or removes facts or names ends with `steps(...)` over what it touched (graph/loader.py); the
cost is bounded by the write's own size: a few index lookups per entity it touched, a rewrite only of the keys
whose rank changed (never a hub's: its rank stops changing at 50 facts), and a page sorted only when an entity
becomes a hub or removals shortened its page below FACT_PAGE_LEAST. A graph written before layout 3 gets them from
graph/store.py's upgrade, once.
"""

from __future__ import annotations

from collections.abc import Iterable

HUB_FACTS = 1000  # entities with this many facts keep a fact page: sorting fewer takes a few milliseconds
FACT_PAGE_SIZE = 300  # ids a fact page keeps: three pages of the default neighbourhood page (100)
FACT_PAGE_LEAST = 150  # a page that removals shortened below this is built again by the next write touching it
RANKED_PREFIX = 3  # prefixes of at most this many characters are read from the search keys' rank indexes

Step = tuple[str, str | None, dict[str, object]]


def ends(edge_ids: Iterable[str]) -> list[str]:
    """The entities at either end of some fact ids (source|TYPE|target)."""
    out: set[str] = set()
    for edge in edge_ids:
        parts = edge.split("|")
        if len(parts) == 3:
            out.update((parts[0], parts[2]))
    return sorted(out)


def steps(added: Iterable[str] = (), removed: Iterable[str] = (), touched: Iterable[str] = ()) -> list[Step]:
    """The writes that keep the derived data in step after a write that added the fact relationships `added`, may
    have deleted those of `removed`, and may have changed the names of the entities `touched`."""
    added, removed = sorted(set(added)), sorted(set(removed))
    ids = sorted(set(touched) | set(ends(added)) | set(ends(removed)))
    out: list[Step] = []
    if removed:
        out.append(("drop_from_fact_pages", None, {"edges": removed}))
    if added:
        out.append(("add_to_fact_pages", None, {"edges": added, "size": FACT_PAGE_SIZE}))
    if ids:
        out.append(("build_fact_pages", None, {"ids": ids, "hub": HUB_FACTS, "size": FACT_PAGE_SIZE,
                                               "least": FACT_PAGE_LEAST}))
        out.append(("refresh_search_keys", None, {"ids": ids}))
    return out
