"""Views as self-contained HTML files, for sharing: scripts, styles and data inlined, no network needed."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from graph.store import GraphStore
from viz.render import ViewContext, render_page
from viz.subgraphs import VIEW_KINDS, build_view

T = TypeVar("T")


def write_view(store: GraphStore, kind: str, output: Path | str, **params: Any) -> Path:
    """Write one view of `store` to `output` as a single HTML file and return its path.

    kind and params:
      "entity":  id (required), depth=1, rel_types=(), node_types=(), limit=300 (edges)
      "path":    source, target (entity ids or names, required), max_len=4, limit=10
      "mineral": mineral (id or name, required), country=None (id or name), max_hops=2, limit=50 (firms)
    and for every kind min_confidence=0.0, as_of=None (an ISO date), since=None and until=None (YYYY, YYYY-MM or an
    ISO date, read as the API reads them).

    Raises graph.errors.NotFound / BadQueryInput for unknown entities or bad parameters,
    viz.render.ViewTooLarge when the view exceeds the node cap, ValueError for an unknown kind.
    The file opens from disk in any browser: double-click expansion and search suggestions need the app,
    everything else (filters, legend, evidence panel, PNG export) works offline.
    """
    if kind not in VIEW_KINDS:
        raise ValueError(f"unknown view kind {kind!r}; known: {', '.join(VIEW_KINDS)}")
    built = _run(_build(store, kind, params))
    ctx = ViewContext(kind, built.title, params, answer=built.answer)  # type: ignore[arg-type]
    html = render_page(built.sub, ctx, assets="inline", focus=built.focus)
    path = Path(output)
    path.write_text(html, encoding="utf-8")
    return path


def _run(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion, also from a thread that already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def _build(store: GraphStore, kind: str, params: dict[str, Any]) -> Any:
    # A view of the store with its own async driver, closed before this event loop ends.
    view = store.using(store.database)
    try:
        return await build_view(view, kind, params)
    finally:
        await view.async_driver.close()
