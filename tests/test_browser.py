"""The views in a real browser: headless Chromium from Debian, driven by Playwright, against the app served
by uvicorn on 127.0.0.1. Expectations come from the JSON API, never hard-coded counts.

Every page is checked for requests to any other host, for dialogs, and for Content-Security-Policy
violations. Screenshots go to tests/artifacts/screenshots/ (gitignored; CI lists it in its log).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from graph.results import EvidenceOut, GraphEdge, GraphNode, Subgraph
from graph.store import GraphStore

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parent / "artifacts" / "screenshots"

if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

# Runs before any page script: records CSP violations where the test can read them.
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push({directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample});
});
"""
SETTLED = "!!window.kgView && window.kgView.timings().stabilized !== null"
KIGAM = "org:kigam"
LITHIUM = "mineral:lithium"


# ------------------------------------------------------------------------------------------------ serving


class Served:
    def __init__(self, store: GraphStore) -> None:
        import uvicorn

        from api.app import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(store=store), host="127.0.0.1", port=self.port,
                                log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the app did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def api(self, path: str, **params: Any) -> Any:
        r = httpx.get(self.base + "/api/v1" + path, params=params, timeout=30)
        r.raise_for_status()
        return r.json()


def _own_view(store: GraphStore) -> GraphStore:
    # The served app runs its own event loop; give it a store view whose async driver it alone creates.
    return store.using(store.database)


@pytest.fixture(scope="module")
def app(seeded_store: GraphStore) -> Iterator[Served]:
    with Served(_own_view(seeded_store)) as served:
        yield served


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page plus everything it did that a test must check: requests, dialogs, errors."""

    def __init__(self, browser: Any, base: str | None) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
        self.page = self.context.new_page()
        self.page.add_init_script(WATCH)
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.base = base
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def goto(self, path: str) -> Any:
        self.page.goto((self.base or "") + path)
        return self.page

    def settle(self) -> None:
        wait_until(self.page, SETTLED, timeout=30)

    def foreign_requests(self) -> list[str]:
        allowed = urlsplit(self.base).netloc if self.base else None
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.scheme == "file" and self.base is None:
                continue
            if parts.netloc != allowed:
                out.append(url)
        return out

    def assert_clean(self) -> None:
        assert self.foreign_requests() == []
        assert self.dialogs == []
        assert self.page.evaluate("window.__csp || []") == []
        assert self.errors == []


@pytest.fixture
def watched(browser: Any, app: Served) -> Iterator[Watched]:
    w = Watched(browser, app.base)
    yield w
    try:
        w.assert_clean()
    finally:
        w.context.close()


def wait_until(page: Any, expression: str, arg: Any = None, timeout: float = 10) -> None:
    """Poll a JS function of `arg` (or an expression) from the test side: Playwright's wait_for_function
    evaluates its predicate as a string inside the page, which the views' CSP (no 'unsafe-eval') refuses."""
    deadline = time.monotonic() + timeout
    while True:
        ok = page.evaluate(expression, arg) if arg is not None else page.evaluate(expression)
        if ok:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        time.sleep(0.05)


def shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name))


def count(page: Any) -> tuple[int, int]:
    c = page.locator("#kg-counts")
    return int(c.get_attribute("data-nodes") or -1), int(c.get_attribute("data-edges") or -1)


def edge_between(sub: dict[str, Any], a: str, b: str) -> dict[str, Any]:
    return next(e for e in sub["edges"] if {e["source"], e["target"]} == {a, b})


# ------------------------------------------------------------------------------------------------ tests


def test_explorer_loads(watched: Watched) -> None:
    page = watched.goto("/view")
    watched.settle()
    assert page.locator("#kg-search").is_visible()
    assert count(page) == (0, 0)
    csp = page.evaluate("fetch(location.href).then(r => r.headers.get('content-security-policy'))")
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    # Every script the page loads is the app's own; none is inline.
    inline = "[...document.scripts].filter(s => !s.src && s.type !== 'application/json').length"
    assert page.evaluate(inline) == 0


def test_search_finds_kigam_and_draws_its_neighbourhood(watched: Watched, app: Served) -> None:
    page = watched.goto("/view")
    watched.settle()
    page.locator("#kg-search").press_sequentially("KIG", delay=30)
    suggestion = page.locator(f'#kg-search-suggestions button[data-id="{KIGAM}"]')
    suggestion.wait_for(timeout=10_000)
    suggestion.click()
    expected = app.api(f"/entities/{KIGAM}/neighbourhood", depth=1, limit=100)
    wait_until(page, "n => document.getElementById('kg-counts').dataset.nodes === String(n)",
               len(expected["nodes"]))
    assert count(page) == (len(expected["nodes"]), len(expected["edges"]))
    assert sorted(page.evaluate("kgView.nodes.getIds()")) == sorted(n["id"] for n in expected["nodes"])
    page.wait_for_timeout(1500)  # let the layout settle for the picture
    shot(page, "explorer.png")


def test_entity_view_counts_match_the_api(watched: Watched, app: Served) -> None:
    page = watched.goto(f"/view/entity?id={KIGAM}&depth=2")
    watched.settle()
    expected = app.api(f"/entities/{KIGAM}/neighbourhood", depth=2, limit=200)
    assert count(page) == (len(expected["nodes"]), len(expected["edges"]))
    legend = page.locator("#kg-node-types").inner_text()
    for node_type in {n["type"] for n in expected["nodes"]}:
        assert node_type in legend
    shot(page, "entity-kigam.png")


def test_clicking_the_kigam_lithium_edge_shows_its_evidence(watched: Watched, app: Served) -> None:
    page = watched.goto(f"/view/entity?id={KIGAM}&depth=1")
    watched.settle()
    edge = edge_between(app.api(f"/entities/{KIGAM}/neighbourhood", depth=1, limit=100), KIGAM, LITHIUM)
    point = page.evaluate("id => kgView.edgePoint(id)", edge["id"])
    box = page.locator("#kg-graph canvas").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    panel = page.locator("#kg-panel-body")
    panel.wait_for(state="visible")
    assert panel.get_attribute("data-kind") == "edge" and panel.get_attribute("data-id") == edge["id"]
    text = panel.inner_text()
    for ev in edge["evidence"]:
        assert ev["sentence"] in text
    link = panel.locator("a").first
    href = link.get_attribute("href")
    assert href.startswith("/api/v1/documents/")
    assert page.request.get(app.base + href).ok  # the evidence links to its document in the API


def test_clicking_a_node_shows_its_properties(watched: Watched) -> None:
    page = watched.goto(f"/view/entity?id={KIGAM}&depth=1")
    watched.settle()
    point = page.evaluate("id => kgView.nodePoint(id)", KIGAM)
    box = page.locator("#kg-graph canvas").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    panel = page.locator("#kg-panel-body")
    panel.wait_for(state="visible")
    assert panel.get_attribute("data-id") == KIGAM
    assert "KIGAM" in panel.inner_text()  # the alias


def test_double_click_expands_a_node_in_place(watched: Watched, app: Served) -> None:
    page = watched.goto(f"/view/entity?id={KIGAM}&depth=1")
    watched.settle()
    first = app.api(f"/entities/{KIGAM}/neighbourhood", depth=1, limit=200)
    around = app.api(f"/entities/{LITHIUM}/neighbourhood", depth=1, limit=100)
    expected = {n["id"] for n in first["nodes"]} | {n["id"] for n in around["nodes"]}
    assert len(expected) > len(first["nodes"]), "lithium should have neighbours beyond KIGAM's"
    point = page.evaluate("id => kgView.nodePoint(id)", LITHIUM)
    box = page.locator("#kg-graph canvas").bounding_box()
    page.mouse.dblclick(box["x"] + point["x"], box["y"] + point["y"])
    wait_until(page, "n => kgView.nodes.length === n", len(expected))
    assert set(page.evaluate("kgView.nodes.getIds()")) == expected
    assert count(page)[0] == len(expected)


def test_type_filters_hide_nodes_and_relationships(watched: Watched, app: Served) -> None:
    page = watched.goto(f"/view/entity?id={KIGAM}&depth=2")
    watched.settle()
    sub = app.api(f"/entities/{KIGAM}/neighbourhood", depth=2, limit=200)
    minerals = {n["id"] for n in sub["nodes"] if n["type"] == "Mineral"}
    assert minerals
    page.locator('input[data-node-type="Mineral"]').uncheck()
    visible = set(page.evaluate("kgView.visibleNodeIds()"))
    assert visible == {n["id"] for n in sub["nodes"]} - minerals
    kept_edges = [e for e in sub["edges"] if e["source"] not in minerals and e["target"] not in minerals]
    assert count(page) == (len(visible), len(kept_edges))
    page.locator('input[data-node-type="Mineral"]').check()
    rel = sub["edges"][0]["type"]
    page.locator(f'input[data-rel-type="{rel}"]').uncheck()
    shown = set(page.evaluate("kgView.visibleEdgeIds()"))
    assert shown == {e["id"] for e in sub["edges"] if e["type"] != rel}


def test_find_in_view_zooms_to_a_node(watched: Watched) -> None:
    page = watched.goto(f"/view/entity?id={KIGAM}&depth=1")
    watched.settle()
    page.locator("#kg-find").fill("lithium")
    page.locator("#kg-find").press("Enter")
    wait_until(page, "id => kgView.network.getSelectedNodes()[0] === id", LITHIUM)
    assert page.locator("#kg-panel-body").get_attribute("data-id") == LITHIUM


def test_png_export_downloads_an_image(watched: Watched) -> None:
    page = watched.goto(f"/view/entity?id={KIGAM}&depth=1")
    watched.settle()
    with page.expect_download() as info:
        page.locator("#kg-export").click()
    path = info.value.path()
    assert Path(path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_lithium_answer_is_the_union_of_its_paths(watched: Watched, app: Served) -> None:
    page = watched.goto("/view/mineral?mineral=lithium&max_hops=2")
    watched.settle()
    answer = app.api("/questions/firms-touching-mineral", mineral="lithium", max_hops=2)
    node_ids = {n["id"] for f in answer["firms"] for p in f["paths"] for n in p["nodes"]}
    all_hops = [h for f in answer["firms"] for p in f["paths"] for h in p["hops"]]
    hops = {h["id"] for h in all_hops}  # a hop is an edge: the same id however it is walked
    assert set(page.evaluate("kgView.nodes.getIds()")) == node_ids
    assert count(page) == (len(node_ids), len(hops))
    shot(page, "mineral-lithium.png")


def test_path_view_draws_the_shortest_paths(watched: Watched, app: Served) -> None:
    paths = app.api("/paths", source=KIGAM, target="country:kazakhstan", max_len=4)["paths"]
    page = watched.goto(f"/view/path?source={KIGAM}&target=country:kazakhstan&max_len=4")
    watched.settle()
    node_ids = {n["id"] for p in paths for n in p["nodes"]}
    assert set(page.evaluate("kgView.nodes.getIds()")) == node_ids


def test_a_cut_view_says_so(watched: Watched, app: Served) -> None:
    page = watched.goto(f"/view/entity?id={KIGAM}&depth=2&limit=3")
    watched.settle()
    expected = app.api(f"/entities/{KIGAM}/neighbourhood", depth=2, limit=3)
    assert expected["has_more"]
    notice = page.locator("#kg-truncated")
    assert notice.is_visible() and "first 3" in notice.inner_text()
    assert count(page) == (len(expected["nodes"]), 3)


def test_min_confidence_is_url_state_of_the_views(watched: Watched, app: Served) -> None:
    everything = app.api(f"/entities/{KIGAM}/neighbourhood", depth=2, limit=500)
    bar = max(e["properties"]["confidence"] for e in everything["edges"] if KIGAM in (e["source"], e["target"]))
    expected = app.api(f"/entities/{KIGAM}/neighbourhood", depth=2, limit=300, min_confidence=bar)
    assert 0 < len(expected["edges"]) < len(everything["edges"])
    page = watched.goto(f"/view/entity?id={KIGAM}&depth=2&min_confidence={bar}")
    watched.settle()
    assert count(page) == (len(expected["nodes"]), len(expected["edges"]))
    assert float(page.locator("input[name=min_confidence]").input_value()) == bar
    # the explorer carries it into the neighbourhoods it fetches and into its own URL
    page = watched.goto(f"/view?id={KIGAM}&depth=2&min_confidence={bar}")
    wait_until(page, "n => document.getElementById('kg-counts').dataset.edges === String(n)",
               len(expected["edges"]))
    assert f"min_confidence={bar}" in page.url


def test_unknown_entity_is_a_polite_404(watched: Watched, app: Served) -> None:
    response = watched.page.goto(app.base + "/view/entity?id=firm:does-not-exist")
    assert response.status == 404
    assert "does-not-exist" in watched.page.locator("#kg-message").inner_text()
    watched.errors.clear()  # the console reports the 404 status; that is the point here


def test_static_files_are_a_fixed_list(app: Served) -> None:
    assert httpx.get(app.base + "/static/viz/kg-view.js").status_code == 200
    for path in ("/static/viz/..%2F..%2Fpyproject.toml", "/static/viz/render.py", "/static/viz/%2e%2e"):
        assert httpx.get(app.base + path).status_code == 404


# ------------------------------------------------------------------------------------------------ hostile

PAYLOAD = '<img src=x onerror="window.__pwned=1;alert(1)"> href'
HOSTILE = f"""source: javascript:window.__pwned=1;alert(document.domain)
title: <script>window.__pwned=1;alert("t")</script> "quoted" 'single' & <b>bold</b> href
date: 2024-06-12
license: <a href="javascript:alert(1)">href</a>

{PAYLOAD} Co. Ltd. signed a memorandum with the Korea Institute of Geoscience and Mineral Resources (KIGAM) \
on lithium <script>window.__pwned=1;alert(2)</script>.
Evil"><svg onload="window.__pwned=1;alert(3)"> Mining LLP develops lithium in Kazakhstan, \
said <a href="javascript:window.__pwned=1">href</a> '&amp;' "</script><script>window.__pwned=1</script>".
KIGAM and {PAYLOAD} Co. Ltd. will develop lithium deposits in Kazakhstan.
"""
HOSTILE_DOC_ID = "doc:<script>window.__pwned=1</script>\"'&x"


def assert_nothing_ran(w: Watched) -> None:
    page = w.page
    assert page.evaluate("window.__pwned") is None
    assert w.dialogs == []
    assert page.evaluate("window.__csp") == []
    # No element the payload could have created: no <img>, no event-handler attribute anywhere.
    assert page.evaluate("document.images.length") == 0
    assert page.evaluate("[...document.querySelectorAll('*')].filter(el => "
                         "[...el.attributes].some(a => a.name.startsWith('on'))).length") == 0


def test_hostile_document_runs_no_script(browser: Any, store: GraphStore, extractor: Any) -> None:
    from graph.documents import parse_document
    from graph.loader import Loader

    result = Loader(store, extractor).load_document(parse_document(HOSTILE, doc_id=HOSTILE_DOC_ID))
    assert result.status == "loaded", result.reason
    with Served(_own_view(store)) as served:
        hits = served.api("/entities", q="href")["items"]
        assert hits, "the hostile firm should be in the graph"
        firm = hits[0]["id"]
        sub = served.api(f"/entities/{firm}/neighbourhood", depth=1, limit=100)
        assert any("<script>" in (ev["sentence"] or "") for e in sub["edges"] for ev in e["evidence"])
        w = Watched(browser, served.base)
        try:
            page = w.goto("/view")
            w.settle()
            page.locator("#kg-search").press_sequentially("href", delay=30)
            page.locator(f'#kg-search-suggestions button[data-id="{firm}"]').click()
            wait_until(page, "n => kgView.nodes.length === n", len(sub["nodes"]))
            page.goto(served.base + f"/view/entity?id={firm}&depth=1")
            w.settle()
            box = page.locator("#kg-graph canvas").bounding_box()
            for e in sub["edges"]:  # every edge's panel: the evidence is quoted as text
                point = page.evaluate("id => kgView.edgePoint(id)", e["id"])
                page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
                page.evaluate("id => kgView.selectEdge(id)", e["id"])  # in case a node hid the edge
                text = page.locator("#kg-panel-body").inner_text()
                assert e["evidence"][0]["sentence"] in text
                hrefs = page.locator("#kg-panel-body a").evaluate_all(
                    "as => as.map(a => a.getAttribute('href'))")
                assert all(h.startswith("/api/v1/documents/") for h in hrefs), hrefs
            point = page.evaluate("id => kgView.nodePoint(id)", firm)
            page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])  # hover tooltip
            page.mouse.dblclick(box["x"] + point["x"], box["y"] + point["y"])
            page.wait_for_timeout(800)
            page.locator("#kg-find").fill("href")
            page.locator("#kg-find").press("Enter")
            page.wait_for_timeout(300)
            assert_nothing_ran(w)
            w.assert_clean()
        finally:
            w.context.close()


def test_hostile_names_in_a_saved_file_run_no_script(browser: Any, tmp_path: Path) -> None:
    """Names, ids, properties and evidence all hostile, through the self-contained file (no CSP there)."""
    from viz.render import ViewContext, render_page

    evil = '"><img src=x onerror="window.__pwned=1;alert(1)"> href </script><script>window.__pwned=1</script>'
    nodes = [GraphNode(id=f"x:{evil}", type="Firm", name=evil, aliases=[evil], properties={evil: evil}),
             GraphNode(id=KIGAM, type="Organization", name="KIGAM <b>bold</b> href"),
             GraphNode(id="y", type=evil, name="javascript:alert(1)")]
    edges = [GraphEdge(id=f"x:{evil}|PARTNERS_WITH|{KIGAM}", source=f"x:{evil}", target=KIGAM,
                       type="PARTNERS_WITH", properties={"note": evil},
                       evidence=[EvidenceOut(doc_id=f"javascript:alert(1)//{evil}", sentence=evil,
                                             date=evil, modality=evil, quantities=[{"text": evil}])]),
             GraphEdge(id=f"y|SIGNS|{KIGAM}", source="y", target=KIGAM, type="SIGNS")]
    html = render_page(Subgraph(nodes=nodes, edges=edges), ViewContext("entity", evil, {"id": evil}),
                       assets="inline", focus=[KIGAM])
    assert "<img" not in html.split('id="kg-data"')[1].split("</script>")[0]
    path = tmp_path / "hostile.html"
    path.write_text(html, encoding="utf-8")
    w = Watched(browser, None)
    try:
        page = w.goto(path.as_uri())
        w.settle()
        assert page.title().startswith(evil[:10])
        box = page.locator("#kg-graph canvas").bounding_box()
        for node_id in (f"x:{evil}", KIGAM, "y"):
            point = page.evaluate("id => kgView.nodePoint(id)", node_id)
            page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
            page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
            page.mouse.dblclick(box["x"] + point["x"], box["y"] + point["y"])
        page.evaluate("id => kgView.selectEdge(id)", edges[0].id)
        assert evil in page.locator("#kg-panel-body").inner_text()
        assert page.locator("#kg-panel-body a").count() == 0  # no server: doc ids are text, not links
        assert_nothing_ran(w)
        assert w.foreign_requests() == []
    finally:
        w.context.close()


# ------------------------------------------------------------------------------------------------ write_view


def test_write_view_makes_a_self_contained_file(browser: Any, seeded_store: GraphStore,
                                                tmp_path: Path) -> None:
    from viz.cli import write_view

    out = write_view(seeded_store, "mineral", tmp_path / "lithium.html", mineral="lithium", max_hops=2)
    html = out.read_text(encoding="utf-8")
    assert "<script src=" not in html and "<link rel=\"stylesheet\"" not in html
    data = json.loads(html.split('<script type="application/json" id="kg-data">')[1].split("</script>")[0])
    w = Watched(browser, None)
    try:
        page = w.goto(out.as_uri())
        w.settle()
        assert count(page)[0] == len(data["nodes"]) > 1
        assert w.foreign_requests() == [] and w.errors == []
    finally:
        w.context.close()
    # The async driver write_view used is closed; the store still answers.
    assert seeded_store.run("ping")


# ------------------------------------------------------------------------------------------------ size limits


def test_views_above_the_cap_are_refused_politely() -> None:
    from viz.render import MAX_VIEW_NODES, ViewContext, ViewTooLarge, render_page, render_refusal

    nodes = [GraphNode(id=f"n{i}", type="Firm", name=f"n{i}") for i in range(MAX_VIEW_NODES + 1)]
    ctx = ViewContext("entity", "too big", {})
    with pytest.raises(ViewTooLarge) as info:
        render_page(Subgraph(nodes=nodes, edges=[]), ctx)
    page = render_refusal(ctx, info.value)
    assert "filter" in page and str(MAX_VIEW_NODES) in page


def test_large_views_are_laid_out_on_the_server_deterministically() -> None:
    from viz.render import SERVER_LAYOUT_FROM, ViewContext, view_payload

    n = SERVER_LAYOUT_FROM + 50
    nodes = [GraphNode(id=f"n{i}", type="Firm", name=f"n{i}") for i in range(n)]
    edges = [GraphEdge(id=f"n0|OPERATES_IN|n{i}", source="n0", target=f"n{i}", type="OPERATES_IN")
             for i in range(1, n)]
    ctx = ViewContext("entity", "big", {})
    first = view_payload(Subgraph(nodes=nodes, edges=edges), ctx, focus=["n0"])
    again = view_payload(Subgraph(nodes=list(reversed(nodes)), edges=edges), ctx, focus=["n0"])
    assert first["serverLayout"] and first["options"]["physics"] == {"enabled": False}
    position = {v["id"]: (v["x"], v["y"]) for v in first["nodes"]}
    assert position == {v["id"]: (v["x"], v["y"]) for v in again["nodes"]}
    assert len(set(position.values())) == n  # no two nodes on the same spot
