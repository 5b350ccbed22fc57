"""The timeline and country pages and the graph views' time slider in headless Chromium (Debian's), against the
app on 127.0.0.1 over the default graph. Expectations come from the JSON API. Every page is checked like the graph
views (tests/test_browser.py): no request elsewhere, no dialog, no CSP violation, no script error. Screenshots go to
tests/artifacts/screenshots/.

The default graph holds the blind part of the corpus: assertions here compare counts and dev documents' sentences,
so a failure never prints a blind document's facts.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from graph.results import EntityRef, EventEvidence, GraphNode, Money, Participant, ProjectTimeline, TimelineEvent
from graph.store import GraphStore
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, Served, Watched, shot, wait_until
from viz.timeline import PageContext, render_timeline, timeline_payload

pytestmark = pytest.mark.browser

READY = "!!window.kgTimeline && window.kgTimeline.ready"


@pytest.fixture(scope="module")
def app(seeded_store: GraphStore) -> Iterator[Served]:
    with Served(seeded_store.using(seeded_store.database)) as served:
        yield served


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def watched(browser: Any, app: Served) -> Iterator[Watched]:
    w = Watched(browser, app.base)
    yield w
    try:
        w.assert_clean()
    finally:
        w.context.close()
BALKHASH_44 = "doc:44_digest_conwaybulletin_samsung-halts-balkhash-plant"
UZ_PORTFOLIO = "doc:24_digest_uzdaily_mirziyoyev-lee-jae-myung-unga-2025"


def test_a_project_timeline_opens_the_evidence_of_each_mark(watched: Watched, app: Served) -> None:
    halted = app.api("/projects", firm="Samsung Engineering", stage="suspended")["items"]
    (project,) = [p for p in halted if any(e["doc_id"] == BALKHASH_44 for s in p["stages"] for e in s["evidence"])]
    timeline = app.api(f"/projects/{project['project']['id']}/timeline")
    page = watched.goto(f"/view/timeline?project={project['project']['id']}")
    wait_until(page, READY, timeout=30)
    assert page.evaluate("window.kgTimeline.items") == len(timeline["events"]) > 0
    assert page.locator(".vis-item.vis-box").count() == len(timeline["events"])
    assert "suspended" in page.locator("#kg-summary").inner_text()
    page.locator(".vis-item.vis-box.kg-stage-suspended").first.click()
    panel = page.locator("#kg-panel")
    assert panel.is_visible()
    (suspended,) = [e for e in timeline["events"] if e["stage"] == "suspended"]
    quotes = panel.locator("blockquote").all_inner_texts()
    assert quotes == [e["sentence"] for e in suspended["evidence"]]
    link = panel.locator("a").first
    href = unquote(link.get_attribute("href") or "")
    assert href == f"/view/document?id={BALKHASH_44}&fact={suspended['evidence'][0]['edge']}"
    shot(page, "timeline-project-balkhash-halt.png")


def test_the_korea_uzbekistan_timeline(watched: Watched, app: Served) -> None:
    answer = app.api("/timeline", source="Korea", target="Uzbekistan", limit=500)
    page = watched.goto("/view/timeline?source=Korea&target=Uzbekistan")
    wait_until(page, READY, timeout=30)
    assert page.evaluate("window.kgTimeline.items") == len(answer["events"]) > 0
    (portfolio,) = [e for e in answer["events"] if any(x["doc_id"] == UZ_PORTFOLIO and "portfolio" in x["sentence"]
                                                       for x in e["evidence"])]
    page.locator(".vis-item.vis-box", has_text="US$3.5 billion").first.click()
    panel = page.locator("#kg-panel")
    assert panel.is_visible()
    assert panel.locator("blockquote").all_inner_texts() == [e["sentence"] for e in portfolio["evidence"]]
    assert "US$3.5 billion" in panel.locator(".kg-amount").inner_text()
    shot(page, "timeline-korea-uzbekistan.png")


def test_milestones_of_relations_stand_out_on_a_country_pair_timeline(watched: Watched, app: Served) -> None:
    answer = app.api("/timeline", source="Korea", target="Kazakhstan", limit=500)
    milestones = [e for e in answer["events"] if e["milestone"]]
    assert milestones, "no milestone of Korea and Kazakhstan's relations"
    page = watched.goto("/view/timeline?source=Korea&target=Kazakhstan")
    wait_until(page, READY, timeout=30)
    assert page.locator(".vis-item.vis-box.kg-milestone").count() == len(milestones)
    page.locator(".vis-item.vis-box.kg-milestone", has_text="diplomatic relations established").first.click()
    panel = page.locator("#kg-panel")
    assert panel.is_visible()
    shown = panel.locator("blockquote").all_inner_texts()
    founded = [e for e in milestones if e["milestone"] == "relations_established"]
    ok = any(shown == [x["sentence"] for x in e["evidence"]] for e in founded)
    assert ok, "the panel does not quote the sentences of a 'relations established' event"
    assert "milestone relations established" in panel.locator(".kg-evidence-meta").first.inner_text()
    shot(page, "timeline-korea-kazakhstan-milestones.png")


def test_the_country_page_charts_money_by_year_and_lists_projects(watched: Watched, app: Served) -> None:
    totals = app.api("/totals", country="Kazakhstan")
    projects = app.api("/projects", country="Kazakhstan", limit=100)
    page = watched.goto("/view/country?id=Kazakhstan")
    wait_until(page, READY, timeout=30)
    bars = sum(1 for y in totals["by_year"] if y["year"] is not None
               for b in ("pledged", "contracted", "completed", "other") if y[b]["usd"])
    assert page.evaluate("window.kgTimeline.chartItems") == bars > 0
    assert page.locator("#kg-chart svg rect.vis-bar").count() >= bars
    assert page.locator("#kg-years tbody tr").count() == len(totals["by_year"])
    assert page.locator("#kg-projects tbody tr").count() == len(projects["items"]) > 0
    first_year = next(y for y in totals["by_year"] if y["year"] is not None)
    page.locator("#kg-years tbody tr").first.locator("button").click()
    panel = page.locator("#kg-panel")
    assert panel.is_visible()
    amounts = [a for a in totals["amounts"] if a["year"] == first_year["year"]]
    assert panel.locator("blockquote").count() == sum(len(a["evidence"]) for a in amounts)
    href = page.locator("#kg-projects tbody a").first.get_attribute("href") or ""
    assert href.startswith("/view/timeline?project=")
    shot(page, "country-kazakhstan.png")


def test_the_time_slider_applies_as_of_to_a_graph_view(watched: Watched, app: Served) -> None:
    page = watched.goto("/view/entity?id=country:kazakhstan")
    watched.settle()
    slider = page.locator("#kg-time-slider")
    assert slider.is_visible()
    with page.expect_navigation():
        page.evaluate("""() => { const s = document.getElementById('kg-time-slider'); s.value = '2015';
                                 s.dispatchEvent(new Event('change')); }""")
    watched.settle()
    assert "as_of=2015-12-31" in page.url
    assert page.locator("input[name=as_of]").input_value() == "2015-12-31"
    assert "end of 2015" in page.locator(".kg-slider").inner_text()
    expected = app.api("/entities/country:kazakhstan/neighbourhood", depth=1, as_of="2015-12-31", limit=300)
    edges = int(page.locator("#kg-counts").get_attribute("data-edges") or -1)
    assert edges == len(expected["edges"])
    shot(page, "slider-kazakhstan-2015.png")


STAKE_2010 = "country:kazakhstan|HOLDS_STAKE_IN|project:balkhash-power-plant"  # doc 22, stated for 2010
TOBACCO_2025 = "project:tobacco-factory-almaty|LOCATED_IN|country:kazakhstan"  # doc 20, stated for 2025-04-23


def test_the_from_and_to_dates_bound_a_graph_view(watched: Watched, app: Served, browser: Any) -> None:
    page = watched.goto("/view/entity?id=country:kazakhstan")
    watched.settle()
    every = page.evaluate("kgView.factIds()")
    assert {STAKE_2010, TOBACCO_2025} <= set(every)
    page.locator("input[name=since]").fill("2016-01-01")
    page.locator("input[name=until]").fill("2024-12-31")
    with page.expect_navigation():
        page.locator("form.kg-form button[type=submit]").click()
    watched.settle()
    # the window is in the URL, the empty as_of is not (the API refuses as_of=), and the fields keep it
    assert "since=2016-01-01" in page.url and "until=2024-12-31" in page.url and "as_of" not in page.url
    assert page.locator("input[name=since]").input_value() == "2016-01-01"
    assert page.locator("input[name=until]").input_value() == "2024-12-31"
    expected = app.api("/entities/country:kazakhstan/neighbourhood", depth=1, since="2016-01-01",
                       until="2024-12-31", limit=300)
    drawn = page.evaluate("kgView.factIds()")
    assert drawn == sorted(e["id"] for e in expected["edges"]) and 0 < len(drawn) < len(every)
    assert STAKE_2010 not in drawn and TOBACCO_2025 not in drawn
    assert int(page.locator("#kg-counts").get_attribute("data-edges") or -1) == len(expected["edges"])
    shot(page, "window-kazakhstan-2016-2024.png")
    # the slider keeps the window; the URL, copied, reopens the same view
    with page.expect_navigation():
        page.evaluate("""() => { const s = document.getElementById('kg-time-slider'); s.value = '2020';
                                 s.dispatchEvent(new Event('change')); }""")
    watched.settle()
    assert "as_of=2020-12-31" in page.url and "since=2016-01-01" in page.url
    narrower = page.evaluate("kgView.factIds()")
    assert narrower == sorted(e["id"] for e in app.api("/entities/country:kazakhstan/neighbourhood", depth=1,
                                                       since="2016", as_of="2020-12-31", limit=300)["edges"])
    again = Watched(browser, app.base)
    try:
        other = again.goto(page.url.replace(app.base, ""))
        again.settle()
        assert other.evaluate("kgView.factIds()") == narrower
        assert other.locator("input[name=since]").input_value() == "2016-01-01"
        again.assert_clean()
    finally:
        again.context.close()


def test_a_node_expanded_in_a_window_stays_in_it(watched: Watched, app: Served) -> None:
    # Tokayev's neighbours beyond Kazakhstan, added to the view (URL state `expand`, as a double-click adds them),
    # come from the same window: his 2025 summit and meeting with Lee Jae-myung are left out
    tokayev, window = "person:kassym-jomart-tokayev", {"since": "2016-01-01", "until": "2024-12-31"}
    page = watched.goto(f"/view/entity?id=country:kazakhstan&since=2016-01-01&until=2024-12-31&expand={tokayev}")
    watched.settle()
    around = {e["id"] for e in app.api(f"/entities/{tokayev}/neighbourhood", depth=1, limit=100, **window)["edges"]}
    later = {e["id"] for e in app.api(f"/entities/{tokayev}/neighbourhood", depth=1, limit=100)["edges"]} - around
    assert later, "Tokayev should have facts stated after 2024"
    wait_until(page, "ids => ids.every(id => kgView.factIds().includes(id))", sorted(around))
    kazakhstan = {e["id"] for e in app.api("/entities/country:kazakhstan/neighbourhood", depth=1, limit=300,
                                           **window)["edges"]}
    assert set(page.evaluate("kgView.factIds()")) == kazakhstan | around
    assert not later & set(page.evaluate("kgView.factIds()"))


def test_the_from_date_narrows_a_project_timeline(watched: Watched, app: Served) -> None:
    whole = app.api("/projects/project:balkhash-power-plant/timeline")
    page = watched.goto("/view/timeline?project=project:balkhash-power-plant")
    wait_until(page, READY, timeout=30)
    assert page.evaluate("window.kgTimeline.items") == len(whole["events"])
    page.locator("input[name=since]").fill("2011-01-01")
    with page.expect_navigation():
        page.locator("form.kg-form button[type=submit]").click()
    wait_until(page, READY, timeout=30)
    later = app.api("/projects/project:balkhash-power-plant/timeline", since="2011")
    assert "since=2011-01-01" in page.url and "until" not in page.url
    assert page.evaluate("window.kgTimeline.items") == len(later["events"]) < len(whole["events"])
    assert page.locator(".vis-item.vis-box").count() == len(later["events"])
    shot(page, "timeline-balkhash-since-2011.png")


def test_hostile_text_on_a_timeline_stays_text(browser: Any, tmp_path: Path) -> None:
    hostile = '<img src=x onerror="alert(1)"></script><script>alert(2)</script>'
    node = GraphNode(id="project:x", type="Project", name=hostile)
    who = Participant(entity=EntityRef(id="firm:x", type="Firm", name=hostile), roles=["contractor"])
    ev = EventEvidence(doc_id="doc:x", sentence=hostile, start=0, end=10, date="2020-05-01", edge="firm:x|BUILDS|x")
    event = TimelineEvent(id="event:x", date="2020-05-01", stage="contracted", planned=False, types=["BUILDS"],
                          title=hostile, participants=[who], sources=1, evidence=[ev],
                          amount=Money(value=1.0, currency="USD", text=hostile))
    answer = ProjectTimeline(project=node, current_stage="contracted", stage_date="2020-05-01", value=None,
                             participants=[who], events=[event], amounts=[], undated=0)
    ctx = PageContext("project", hostile, {"project": hostile}, None)
    static = (Path(__file__).resolve().parent.parent / "viz" / "static").as_uri()
    out = tmp_path / "timeline.html"
    out.write_text(render_timeline(ctx, timeline_payload(ctx, answer), static_base=static), encoding="utf-8")
    w = Watched(browser, None)
    try:
        page = w.goto(out.as_uri())
        wait_until(page, READY, timeout=30)
        page.locator(".vis-item.vis-box").first.click()
        assert hostile in page.locator(".vis-item.vis-box").first.inner_text()
        assert page.locator("#kg-panel blockquote").inner_text() == hostile
        assert page.locator("img[src=x]").count() == 0
        w.assert_clean()
    finally:
        w.context.close()
