"""The date window on the HTML views (issue #12, item 6): every graph view, the timelines and the country page take
`since` and `until` as the API does (api/params.py: the same checks, the same messages), draw only the facts stated
within the window, and carry it in their page state and form. Against the seeded graph, through the app's routes;
what a view should draw comes from the JSON API with the same parameters.

The facts named here are stated in development documents (tests/gold/split.json), with the dates the store gives
them: Kazakhstan's stake in the Balkhash plant for 2010 (doc 22), the KT&G tobacco factory in Almaty for 2025-04-23
(doc 20), Yoon Suk Yeol's visit to Kazakhstan for 2024-06-12 (doc 12), the Balkhash halt for 2015-09-23 (doc 44).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.store import GraphStore
from tests.test_api import API, assert_error

KAZAKHSTAN = "country:kazakhstan"
BALKHASH = "project:balkhash-power-plant"
STAKE_2010 = f"{KAZAKHSTAN}|HOLDS_STAKE_IN|{BALKHASH}"
TOBACCO_2025 = f"project:tobacco-factory-almaty|LOCATED_IN|{KAZAKHSTAN}"
VISIT_2024 = f"person:yoon-suk-yeol|VISITS|{KAZAKHSTAN}"
WINDOW = {"since": "2016", "until": "2024-12"}


def page_data(client: TestClient, path: str, status: int = 200, **params: Any) -> dict[str, Any]:
    """A view's page and the JSON it draws from (the `kg-data` element)."""
    r = client.get(path, params=params)
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    data: dict[str, Any] = json.loads(r.text.split('<script type="application/json" id="kg-data">')[1]
                                      .split("</script>")[0])
    data["html"] = r.text
    return data


def api(client: TestClient, path: str, **params: Any) -> Any:
    r = client.get(API + path, params=params)
    assert r.status_code == 200, r.text[:300]
    return r.json()


def stated_days(edge: dict[str, Any]) -> list[str]:
    return [str(ev.get("date") or "") for ev in edge["evidence"]]


def test_the_entity_view_draws_only_the_facts_stated_within_the_window(client: TestClient) -> None:
    every = page_data(client, "/view/entity", id=KAZAKHSTAN)["details"]["edges"]
    assert {STAKE_2010, TOBACCO_2025, VISIT_2024} <= set(every)
    assert stated_days(every[STAKE_2010]) == ["2010"] and stated_days(every[TOBACCO_2025]) == ["2025-04-23"]
    data = page_data(client, "/view/entity", id=KAZAKHSTAN, **WINDOW)
    drawn = data["details"]["edges"]
    expected = api(client, f"/entities/{KAZAKHSTAN}/neighbourhood", depth=1, limit=300, **WINDOW)
    assert set(drawn) == {e["id"] for e in expected["edges"]}
    assert 0 < len(drawn) < len(every)
    assert STAKE_2010 not in drawn and TOBACCO_2025 not in drawn and VISIT_2024 in drawn
    # every piece of evidence kept is dated within the window (a year or month as its first or last day)
    assert all("2016" <= (day + "-01-01")[:10] and day[:7] <= "2024-12" for e in drawn.values()
               for day in stated_days(e))
    # the window is page state, as the days it stands for: the form's date fields hold it, the title says it
    assert data["params"]["since"] == "2016-01-01" and data["params"]["until"] == "2024-12-31"
    assert 'name="since" value="2016-01-01"' in data["html"] and 'name="until" value="2024-12-31"' in data["html"]
    assert "since 2016-01-01, until 2024-12-31" in data["title"]


def test_the_path_and_mineral_views_take_the_window(client: TestClient) -> None:
    ends = {"source": BALKHASH, "target": KAZAKHSTAN}
    assert STAKE_2010 in page_data(client, "/view/path", **ends, until="2015")["details"]["edges"]
    later = page_data(client, "/view/path", **ends, since="2016")
    assert STAKE_2010 not in later["details"]["edges"]
    assert [[h["id"] for h in r["hops"]] for r in later["answer"]["rows"]] == [
        [h["id"] for h in p["hops"]] for p in api(client, "/paths", **ends, since="2016")["paths"]]
    lithium = {"mineral": "lithium", "country": "Korea"}
    for window in ({}, {"until": "2024-06"}, {"since": "2025"}):
        rows = page_data(client, "/view/mineral", **lithium, **window)["answer"]["rows"]
        firms = api(client, "/questions/firms-touching-mineral", **lithium, **window)["firms"]
        assert sorted(r["id"] for r in rows) == sorted(f["firm"]["id"] for f in firms), window
    assert page_data(client, "/view/mineral", **lithium)["answer"]["rows"]
    assert not page_data(client, "/view/mineral", **lithium, since="2025")["answer"]["rows"]


def test_the_timeline_and_country_pages_take_the_window(client: TestClient) -> None:
    whole = page_data(client, "/view/timeline", project=BALKHASH)["events"]
    assert {"2009", "2010", "2015-09-23"} <= {e["date"] for e in whole}
    later = page_data(client, "/view/timeline", project=BALKHASH, since="2011")
    assert later["events"] == api(client, f"/projects/{BALKHASH}/timeline", since="2011")["events"]
    dates = {e["date"] for e in later["events"]}
    assert "2015-09-23" in dates and all(d >= "2011" for d in dates) and later["params"]["since"] == "2011-01-01"
    pair = page_data(client, "/view/timeline", source="Korea", target="Kazakhstan", until="2015")["events"]
    assert pair and all(e["date"] <= "2015-12-31" for e in pair)
    country = page_data(client, "/view/country", id="Kazakhstan", since="2016")
    assert country["totals"] == api(client, "/totals", country="Kazakhstan", since="2016")
    assert all(y["year"] is None or y["year"] >= 2016 for y in country["totals"]["by_year"])


@pytest.mark.parametrize("path, params", [
    ("/view", {}), ("/view/entity", {"id": KAZAKHSTAN}), ("/view/path", {"source": BALKHASH, "target": KAZAKHSTAN}),
    ("/view/mineral", {"mineral": "lithium"}), ("/view/timeline", {"project": BALKHASH}),
    ("/view/country", {"id": "Kazakhstan"}),
])
def test_bad_dates_on_a_view_answer_422_as_the_api_does(client: TestClient, path: str,
                                                        params: dict[str, Any]) -> None:
    # malformed: refused by the API's own parameter checks, with the API's message naming the parameter
    for name, value in (("since", "2024-13"), ("until", "June"), ("as_of", "2015-31-12")):
        error = assert_error(client.get(path, params={**params, name: value}), 422, "invalid_request", contains=name)
        same = assert_error(client.get(API + "/totals", params={name: value}), 422, "invalid_request")
        assert error["message"] == same["message"]
    # well-formed but no date, or an empty window: the view's own page, with the API's message
    for window, message in (({"since": "2015-02-30"}, "'2015-02-30' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
                            ({"since": "2025", "until": "2024"}, "since (2025-01-01) is after until (2024-12-31)")):
        page = page_data(client, path, 422, **params, **window)
        assert page["message"] == message and 'role="alert"' in page["html"]
        assert message in assert_error(client.get(API + "/totals", params=window), 422)["message"]


def test_kg_viz_writes_a_view_for_a_window(seeded_store: GraphStore, tmp_path: Path) -> None:
    from kg.cli import build_parser
    from viz.cli import write_view

    args = build_parser().parse_args(["viz", "entity", "--entity", KAZAKHSTAN, "--since", "2016", "--until",
                                      "2024-12", "--output", str(tmp_path / "kz.html")])
    assert (args.since, args.until) == ("2016", "2024-12")
    out = write_view(seeded_store, "entity", tmp_path / "kz.html", id=KAZAKHSTAN, since=args.since,
                     until=args.until)
    html = out.read_text(encoding="utf-8")
    data = json.loads(html.split('<script type="application/json" id="kg-data">')[1].split("</script>")[0])
    assert data["edges"] and STAKE_2010 not in data["details"]["edges"] and TOBACCO_2025 not in data["details"]["edges"]
    assert VISIT_2024 in data["details"]["edges"]
    assert "since 2016-01-01, until 2024-12-31" in data["title"]
