"""Subgraph -> interactive HTML view (vis-network, assembled with pyvis).

Safety: nothing from the graph (names, properties, evidence sentences) is ever placed into HTML markup or
script code. The page template is autoescaped; graph data travels only as JSON inside a
`<script type="application/json">` element with `<`, `>` and `&` escaped, and the browser code builds every
tooltip and panel with textContent. pyvis's own HTML template (inline scripts, CDN links, a heading and a
select menu that inject raw HTML, tooltips made HTML when they contain "href") is not used: pyvis builds
the node and edge records, this module renders the page.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from graph import schema
from graph.results import DocumentDetail, GraphEdge, GraphNode, Subgraph

# Above this many nodes the browser's physics takes too long to settle: positions come from the server.
SERVER_LAYOUT_FROM = 300
# Above this many nodes a view is refused; the user is asked to filter.
MAX_VIEW_NODES = 3000

AssetMode = Literal["served", "inline"]
ViewKind = Literal["explore", "entity", "path", "mineral", "document"]
Layout = Literal["force", "radial", "hierarchical", "server"]
LAYOUTS: tuple[str, ...] = ("force", "radial", "hierarchical")
# The browser draws at most this many node labels on screen at once, most important first, none overlapping;
# the rest show on hover.
MAX_LABELS = 40
# A hub's leaves of one type, this many or more, are drawn as one cluster node that expands on a click.
CLUSTER_MIN = 3
# How sure a fact is, in words, for the confidence filter (the lowest confidence of each level).
CONFIDENCE_LEVELS: tuple[tuple[float, str], ...] = (
    (0.0, "all facts, even bare co-mentions"),
    (0.5, "≥ 0.5: no bare co-mentions (ASSOCIATED_WITH, 0.3)"),
    (0.8, "≥ 0.8: stated by a clear pattern"),
    (0.9, "≥ 0.9: the surest patterns"),
    (1.0, "1.0: reference data"),
)

# One colour and one shape per type; colours from the Okabe-Ito / Tol palettes, distinct for colour-blind
# readers. Shapes that draw their label below the glyph, so labels stay legible at any zoom.
NODE_STYLES: dict[str, dict[str, str]] = {
    "Country": {"color": "#0072B2", "shape": "star"},
    "Firm": {"color": "#E69F00", "shape": "dot"},
    "Organization": {"color": "#009E73", "shape": "square"},
    "Person": {"color": "#CC79A7", "shape": "triangle"},
    "Project": {"color": "#D55E00", "shape": "diamond"},
    "Mineral": {"color": "#56B4E9", "shape": "hexagon"},
    "Agreement": {"color": "#882255", "shape": "triangleDown"},
    "Event": {"color": "#999933", "shape": "square"},
    "Location": {"color": "#44AA99", "shape": "dot"},
    "Group": {"color": "#AA4499", "shape": "diamond"},
    "Sector": {"color": "#777777", "shape": "hexagon"},
    schema.ENTITY: {"color": "#BBBBBB", "shape": "dot"},
    schema.DOCUMENT: {"color": "#332288", "shape": "square"},
}

VIS_OPTIONS: dict[str, Any] = {
    "autoResize": True,
    "nodes": {
        "size": 14,
        "borderWidth": 1,
        "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
    },
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#8a8f98", "highlight": "#1f2937", "hover": "#1f2937"},
        "font": {"size": 11, "align": "middle", "color": "#4b5563", "strokeWidth": 3,
                 "strokeColor": "#ffffff"},
        "smooth": False,
        "width": 1.2,
        "selectionWidth": 2,
        "hoverWidth": 1.5,
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": False, "multiselect": True},
    "layout": {"randomSeed": 7, "improvedLayout": False},
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -140, "centralGravity": 0.01, "springLength": 190,
                             "springConstant": 0.06, "avoidOverlap": 0.6},
        "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50, "fit": True},
        "minVelocity": 0.75,
    },
}

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
STATIC_FILES = ("vis-network.min.js", "vis-network.css", "kg-view.js", "kg-view.css", "kg-doc.js",
                # the timeline and country pages (viz/timeline.py) and the graph views' time slider
                "moment.min.js", "vis-data.min.js", "vis-timeline-graph2d.min.js", "vis-timeline-graph2d.min.css",
                "kg-timeline.js", "kg-timeline.css",
                "kg-slider.js", "kg-form.js")


class ViewTooLarge(ValueError):
    """The view would have more nodes than a browser can draw usefully."""

    def __init__(self, nodes: int, cap: int = MAX_VIEW_NODES) -> None:
        super().__init__(f"this view has {nodes} nodes, more than the {cap} a view can show; "
                         "narrow it with a node-type or relationship-type filter, a smaller depth or limit")
        self.nodes = nodes
        self.cap = cap


@dataclass(frozen=True)
class ViewContext:
    """What the page needs besides the graph: its kind, title, the form values and the JSON API routes."""

    kind: ViewKind
    title: str
    params: dict[str, Any]
    # Route templates the browser code calls; None in a self-contained file (no server to ask).
    api: dict[str, str] | None = None
    message: str | None = None
    # The answer as a list beside the drawing (mineral: ranked firms; path: the paths), from viz.subgraphs.
    answer: dict[str, Any] | None = None


# ------------------------------------------------------------------------------------------------ records


def node_style(node_type: str) -> dict[str, str]:
    return NODE_STYLES.get(node_type, NODE_STYLES[schema.ENTITY])


def vis_groups() -> dict[str, dict[str, Any]]:
    """One vis group per node type: its colour (with a darker border) and its shape."""
    return {
        t: {"shape": s["shape"],
            "color": {"background": s["color"], "border": _darker(s["color"]),
                      "highlight": {"background": s["color"], "border": "#111827"},
                      "hover": {"background": s["color"], "border": "#111827"}}}
        for t, s in NODE_STYLES.items()
    }


def _darker(hex_colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def build_network(subgraph: Subgraph, *, focus: Iterable[str] = ()) -> Network:
    """A pyvis Network holding the subgraph's nodes and edges, styled by type.

    Labels are plain text (vis draws them on the canvas). No `title` is set: tooltips are built in the
    browser from the JSON details with textContent.
    """
    focus_ids = set(focus)
    net = Network(directed=True, cdn_resources="local")
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in subgraph.edges:
        neighbours[edge.source].add(edge.target)
        neighbours[edge.target].add(edge.source)
    for node in subgraph.nodes:
        style = node_style(node.type)
        extra: dict[str, Any] = {"size": node_size(len(neighbours[node.id]), node.id in focus_ids)}
        if node.id in focus_ids:
            extra["borderWidth"] = 3
        # Colour and shape come from the vis `groups` option (one group per type, see vis_groups()).
        group = node.type if node.type in NODE_STYLES else schema.ENTITY
        net.add_node(node.id, label=_short(node.name), shape=style["shape"], group=group, **extra)
    known = {n.id for n in subgraph.nodes}
    for edge, smooth in zip(subgraph.edges, _edge_curves(subgraph.edges), strict=True):
        if edge.source not in known or edge.target not in known:
            continue
        net.add_edge(edge.source, edge.target, id=edge.id, label=edge.type, relType=edge.type, smooth=smooth,
                     width=1.2 + min(len(edge.evidence), 5) * 0.3)
    return net


def _short(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def node_size(degree: int, focus: bool = False) -> float:
    """Nodes grow with their degree (square root, capped), so hubs stand out; the focus is never small."""
    size = min(10.0 + 3.2 * math.sqrt(max(degree, 0)), 42.0)
    return max(size, 24.0) if focus else size


def _edge_curves(edges: list[GraphEdge]) -> list[Any]:
    """Straight lines, except that parallel edges between the same two nodes fan out as curves."""
    seen: dict[frozenset[str], int] = defaultdict(int)
    out: list[Any] = []
    for e in edges:
        pair = frozenset((e.source, e.target))
        k = seen[pair]
        seen[pair] += 1
        if k == 0:
            out.append(False)
        else:
            # Clockwise is relative to the edge's direction: flip it for edges drawn the other way round,
            # or an A->B and a B->A edge would land on the same curve.
            clockwise = bool(k % 2) != (e.source > e.target)
            out.append({"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                        "roundness": 0.2 * ((k + 1) // 2)})
    return out


# ------------------------------------------------------------------------------------------------ layout


def server_layout(nodes: list[str], edges: list[tuple[str, str]], *, iterations: int = 60,
                  roots: Iterable[str] = ()) -> dict[str, tuple[float, float]]:
    """Deterministic positions for large views: a radial start around the roots, refined by a few
    Fruchterman-Reingold steps. Same input, same picture."""
    if not nodes:
        return {}
    order = sorted(nodes, key=lambda n: hashlib.blake2b(n.encode(), digest_size=8).digest())
    index = {n: i for i, n in enumerate(order)}
    adj: dict[int, list[int]] = defaultdict(list)
    for a, b in edges:
        if a in index and b in index and a != b:
            adj[index[a]].append(index[b])
            adj[index[b]].append(index[a])
    n = len(order)
    start = [index[r] for r in roots if r in index] or [max(range(n), key=lambda i: (len(adj[i]), -i))]
    # Breadth-first rings from the roots; unreachable nodes go to an outer ring.
    depth = [-1] * n
    frontier = start
    for i in start:
        depth[i] = 0
    d = 0
    while frontier:
        d += 1
        nxt = []
        for i in frontier:
            for j in adj[i]:
                if depth[j] < 0:
                    depth[j] = d
                    nxt.append(j)
        frontier = nxt
    outer = max(depth) + 1
    rings: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        rings[depth[i] if depth[i] >= 0 else outer].append(i)
    spacing = 60.0
    pos = [(0.0, 0.0)] * n
    radius = 0.0
    for ring in sorted(rings):
        members = rings[ring]
        if ring == 0 and len(members) == 1:
            continue
        radius = max(radius + 180.0, len(members) * spacing / (2 * math.pi))
        for k, i in enumerate(members):
            angle = 2 * math.pi * k / len(members)
            pos[i] = (radius * math.cos(angle), radius * math.sin(angle))
    try:
        import numpy as np
    except ImportError:  # radial layout alone is still readable
        return {order[i]: pos[i] for i in range(n)}
    return _refine(np, order, pos, adj, iterations, spacing)


def _refine(np: Any, order: list[str], pos: list[tuple[float, float]], adj: dict[int, list[int]],
            iterations: int, spacing: float) -> dict[str, tuple[float, float]]:
    n = len(order)
    x = np.array([p[0] for p in pos], dtype=np.float32)
    y = np.array([p[1] for p in pos], dtype=np.float32)
    src = np.array([i for i in adj for _ in adj[i]], dtype=np.int64)
    dst = np.array([j for i in adj for j in adj[i]], dtype=np.int64)
    k = np.float32(spacing * 2.0)
    k2 = k * k
    temperature = float(max(np.ptp(x), np.ptp(y), k)) / 10.0
    chunk = 1024
    for _ in range(iterations if n <= 800 else iterations // 2):
        dispx = np.zeros(n, dtype=np.float32)
        dispy = np.zeros(n, dtype=np.float32)
        for s in range(0, n, chunk):
            dx = x[s:s + chunk, None] - x[None, :]
            dy = y[s:s + chunk, None] - y[None, :]
            f = k2 / np.maximum(dx * dx + dy * dy, 1.0)
            dispx[s:s + chunk] += (dx * f).sum(axis=1)
            dispy[s:s + chunk] += (dy * f).sum(axis=1)
        if len(src):
            ex, ey = x[src] - x[dst], y[src] - y[dst]
            pull = np.sqrt(ex * ex + ey * ey) / k
            np.add.at(dispx, src, -ex * pull)
            np.add.at(dispy, src, -ey * pull)
        length = np.maximum(np.sqrt(dispx * dispx + dispy * dispy), 1e-6)
        step = np.minimum(length, temperature) / length
        x += dispx * step
        y += dispy * step
        temperature *= 0.9
    x -= x.mean()
    y -= y.mean()
    return {order[i]: (round(float(x[i]), 1), round(float(y[i]), 1)) for i in range(n)}


# ------------------------------------------------------------------------------------------------ payload


def view_payload(subgraph: Subgraph, ctx: ViewContext, *, focus: Iterable[str] = ()) -> dict[str, Any]:
    """Everything the browser code draws, as plain JSON-able data."""
    if len(subgraph.nodes) > MAX_VIEW_NODES:
        raise ViewTooLarge(len(subgraph.nodes))
    focus = list(focus)
    net = build_network(subgraph, focus=focus)
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    options = json.loads(options_json) if isinstance(options_json, str) else {}
    options = _merge(options, VIS_OPTIONS)
    options["groups"] = vis_groups()
    server_laid_out = len(nodes) > SERVER_LAYOUT_FROM
    layout = str(ctx.params.get("layout") or "")
    if layout not in LAYOUTS:
        layout = "server" if server_laid_out else "hierarchical" if ctx.kind == "path" else "force"
    if server_laid_out:
        positions = server_layout([n["id"] for n in nodes], [(e["from"], e["to"]) for e in edges],
                                  roots=focus)
        for node in nodes:
            node["x"], node["y"] = positions[node["id"]]
        options["physics"] = {"enabled": False}
        options["edges"] = {**options["edges"], "font": {**options["edges"]["font"], "size": 0}}
        options["interaction"] = {**options["interaction"], "hideEdgesOnDrag": True}
    return {
        "kind": ctx.kind,
        "title": ctx.title,
        "params": ctx.params,
        "api": ctx.api,
        "message": ctx.message,
        "nodes": [_vis_node(n) for n in nodes],
        "edges": [_vis_edge(e) for e in edges],
        "details": {
            "nodes": {n.id: _node_detail(n) for n in subgraph.nodes},
            "edges": {e.id: e.model_dump(mode="json") for e in subgraph.edges},
        },
        "focus": focus,
        "hasMore": subgraph.has_more,
        "limit": subgraph.limit,
        "serverLayout": server_laid_out,
        "layout": layout,
        "layouts": list(LAYOUTS) + (["server"] if server_laid_out else []),
        "answer": ctx.answer,
        "styles": NODE_STYLES,
        "relationTypes": list(schema.RELATION_NAMES),
        "options": options,
        "limits": {"serverLayoutFrom": SERVER_LAYOUT_FROM, "maxNodes": MAX_VIEW_NODES, "maxLabels": MAX_LABELS,
                   "clusterMin": CLUSTER_MIN},
    }


def _vis_node(n: dict[str, Any]) -> dict[str, Any]:
    # pyvis adds `title` (a copy of the label) and `font` colour keys; keep only what vis needs. The label is not
    # kept: the browser draws labels itself, the important ones that fit (kg-view.js), the rest on hover.
    keep = ("id", "shape", "color", "group", "size", "borderWidth", "x", "y")
    return {k: n[k] for k in keep if k in n and n[k] is not None}


def _vis_edge(e: dict[str, Any]) -> dict[str, Any]:
    keep = ("id", "from", "to", "label", "relType", "smooth", "width", "arrows")
    return {k: e[k] for k in keep if k in e}


def _node_detail(n: GraphNode) -> dict[str, Any]:
    return n.model_dump(mode="json")


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def safe_json(data: Any) -> str:
    """JSON that can sit inside a <script> element: no `<`, `>`, `&` or line separators survive raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# ------------------------------------------------------------------------------------------------ pages

_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                   trim_blocks=True, lstrip_blocks=True)


def static_text(name: str) -> str:
    if name not in STATIC_FILES:
        raise KeyError(name)
    return (STATIC_DIR / name).read_text(encoding="utf-8")


def _inline_script(text: str) -> str:
    # In a script element only "</script" (any case) and "<!--" can end or disturb it. Neither occurs in the
    # shipped scripts today; if one ever did inside a string, the escaped form means the same text.
    text = re.sub(r"</(?=script)", r"<\\/", text, flags=re.IGNORECASE)
    return text.replace("<!--", "<\\u0021--")


def render_page(subgraph: Subgraph | None, ctx: ViewContext, *, assets: AssetMode = "served",
                static_base: str = "/static/viz", focus: Iterable[str] = ()) -> str:
    """The HTML page of a view. `served`: scripts and styles come from `static_base` (for the app, under a
    strict CSP); `inline`: everything is inlined, for a self-contained file that needs no server."""
    graph = subgraph if subgraph is not None else Subgraph(nodes=[], edges=[])
    payload = view_payload(graph, ctx, focus=focus)
    inline = None
    if assets == "inline":
        inline = {
            "css": static_text("vis-network.css") + "\n" + static_text("kg-view.css"),
            "js": _inline_script(static_text("vis-network.min.js") + "\n;\n" + static_text("kg-view.js")),
        }
    return _env.get_template("view.html").render(
        ctx=ctx, data_json=safe_json(payload), static_base=static_base, inline=inline,
        node_types=[t for t in schema.ENTITY_LABELS], layout=payload["layout"], layouts=payload["layouts"],
        confidence_levels=confidence_levels(ctx.params.get("min_confidence")),
    )


def confidence_levels(current: Any) -> list[tuple[str, str, bool]]:
    """The confidence filter's choices (value, words, selected), with the current value added when it is none."""
    try:
        value = float(current or 0.0)
    except (TypeError, ValueError):
        value = 0.0
    levels = list(CONFIDENCE_LEVELS)
    if all(abs(v - value) > 1e-9 for v, _ in levels):
        levels.append((value, f"≥ {value:g}"))
        levels.sort()
    return [(f"{v:g}", words, abs(v - value) <= 1e-9) for v, words in levels]


def outlet_of(source: str | None) -> str | None:
    """Who published a document, as its source URL's host ('timesca.com'); None when the source is no URL."""
    if not source:
        return None
    parts = urlsplit(source.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname
    return host[4:] if host.startswith("www.") else host


def render_document_page(doc: DocumentDetail | None, ctx: ViewContext, *, static_base: str = "/static/viz") -> str:
    """The document reader: the document (escaped JSON) and the page the browser fills in with textContent."""
    payload: dict[str, Any] = {"params": ctx.params, "api": ctx.api, "message": ctx.message, "document": None,
                               "styles": NODE_STYLES}
    if doc is not None:
        payload["document"] = doc.model_dump(mode="json")
        payload["outlet"] = outlet_of(doc.source)
    return _env.get_template("document.html").render(ctx=ctx, data_json=safe_json(payload), static_base=static_base)


def render_refusal(ctx: ViewContext, error: ViewTooLarge, *, static_base: str = "/static/viz") -> str:
    """A polite page in place of a view that is too large."""
    return render_page(None, ViewContext(ctx.kind, ctx.title, ctx.params, ctx.api, str(error)),
                       static_base=static_base)
